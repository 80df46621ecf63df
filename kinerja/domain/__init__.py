"""Pure domain core: formulas, tables, parsing and review rules. No Django import here."""

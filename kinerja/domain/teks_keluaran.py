"""Text written into the files kinerja produces (XLSX, PDF through Typst): what each format cannot hold
or would misread, removed or neutralised in one place.

- A worksheet is XML 1.0 and the files are UTF-8: C0 controls other than tab, LF and CR, lone
  surrogates and U+FFFE/U+FFFF are removed (`bersih`); openpyxl refuses some of them and a UTF-8
  encoder the others.
- A text cell starting with "=", "+", "-", "@", a tab or a CR would be read as a formula when the
  sheet is typed over or imported elsewhere (CSV/formula injection): the writers mark such a cell with
  Excel's quote prefix (`AWAL_RUMUS` lists the starts).
- Typst breaks lines only between words: a word longer than 40 characters (a URL) gets zero-width
  spaces every 30 characters so it cannot run off the page (`teks_pdf`).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["AWAL_RUMUS", "bersih", "isi_sel", "satu_baris", "string_typst", "teks_pdf"]

_TIDAK_SAH = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
_KATA_PANJANG = re.compile(r"\S{41,}")


def bersih(teks: object) -> str:
    """Text with the characters a worksheet or UTF-8 cannot hold removed (None → "")."""
    return _TIDAK_SAH.sub("", str(teks or ""))


def isi_sel(sel: Any, nilai: object) -> Any:
    """Put a value into an openpyxl cell (a normal or a write-only one) and return the cell: text is
    cleaned (`bersih`) and always stored as text — never a formula, whatever it starts with, and
    marked with the quote prefix when it starts like one (`AWAL_RUMUS`); other values as they are."""
    if isinstance(nilai, str) or nilai is None:
        teks = bersih(nilai)
        sel.value = teks or None
        if teks:
            sel.data_type = "s"
            if teks.startswith(AWAL_RUMUS):
                sel.quotePrefix = True
    else:
        sel.value = nilai
    return sel


def satu_baris(teks: object) -> str:
    """Clean text on one line (runs of whitespace, line breaks included, become one space)."""
    return " ".join(bersih(teks).split())


def teks_pdf(teks: object) -> str:
    """Clean one-line text for the PDF, an overlong word made breakable."""
    baris = satu_baris(teks)
    if len(baris) <= 40:
        return baris
    return _KATA_PANJANG.sub(
        lambda m: "\u200b".join(m[0][k : k + 30] for k in range(0, len(m[0]), 30)), baris
    )


def string_typst(teks: str) -> str:
    """A Typst string literal of `teks` (JSON text: no raw line breaks to escape)."""
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"') + '"'

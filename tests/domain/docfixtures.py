"""Make the same small document as DOCX (python-docx) and as PDF (typst), at test time.

`blocks` is a list of:
- a str: a paragraph ("\\n" inside is a line break, "\\t" a tab, drawn in the PDF as a 4em gap;
  the string `PAGE_BREAK` starts a new page);
- a list of rows (list[list[str | None]]): a ruled table whose first row is the header (bold).
  A cell `None` is covered by the cell on its left (a horizontal merge: "Sasaran Strategis", None,
  None, None); a cell `MERGE_UP` is covered by the cell above it (a vertical merge). "\\n" in a cell
  is a line break inside the cell.

The readers give a merged cell's text in its first position and "" in the covered ones, so a table
written here reads back with None and MERGE_UP as "". PDF tables are ruled with 0.5pt lines so that
pdfplumber finds them; long cell text may wrap in the PDF and then reads back with extra "\\n".
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

Table = list[list[str | None]]
Block = str | Table

PAGE_BREAK: Final = "\f"
MERGE_UP: Final = "\x00merge-up"


# A small Perjanjian Kinerja in the shape of the real one (seed/pk-kecamatan-bajeng-2024.txt): statement
# lines, the Tabel Kinerja with a row of column numbers, a merged section row, a sasaran with a line
# break and a vertically merged sasaran, a closing line, and the program table on the next page.
CONTOH_PK: Final[list[Block]] = [
    "PERJANJIAN KINERJA TAHUN 2024",
    "",
    "Nama\t: SITI HAERANI, S.SOS",
    "Jabatan\t: Camat Bajeng",
    [
        ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"],
        ["1", "2", "3", "4"],
        ["Sasaran Strategis", None, None, None],
        ["1", "Meningkatnya kepuasan\nmasyarakat", "Indeks Kepuasan Masyarakat (IKM)", "84,00"],
        [MERGE_UP, MERGE_UP, "Nilai SAKIP", "80,00 (BB)"],
        ["2", "Meningkatnya akuntabilitas", "Nilai SAKIP", "80,00"],
        ["", "", "Persentase layanan sesuai SP", "100%"],
    ],
    "Sungguminasa, 02 Januari 2024",
    PAGE_BREAK,
    [
        ["PROGRAM", "ANGGARAN"],
        ["Program Penunjang Urusan Pemerintahan Daerah", "Rp 3.649.867.866,00"],
        ["TOTAL", "Rp 5.204.765.371,00"],
    ],
]


def blocks_from_text(text: str) -> list[Block]:
    """Blocks of a plain-text PK like kinerja/demo/*.txt: runs of tab-separated lines are tables,
    other non-blank lines paragraphs; Markdown bold markers are dropped."""
    blocks: list[Block] = []
    table: Table | None = None
    for line in text.replace("**", "").splitlines():
        if "\t" in line:
            if table is None:
                table = []
                blocks.append(table)
            table.append(list(line.split("\t")))
            continue
        table = None
        if line.strip():
            blocks.append(line)
    return blocks


def make_docx(path: str | Path, blocks: list[Block]) -> Path:
    """Write `blocks` as a .docx (tables in the "Table Grid" style) and return its path."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            if block == PAGE_BREAK:
                document.add_page_break()
            else:
                document.add_paragraph(block)
            continue
        width = max(len(r) for r in block)
        table = document.add_table(rows=len(block), cols=width)
        table.style = "Table Grid"
        for r, c, colspan, rowspan, text in _spans(block):
            cell = table.cell(r, c)
            if colspan > 1 or rowspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            cell.text = text  # python-docx turns "\n" into a w:br line break
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    out = Path(path)
    document.save(str(out))
    return out


def make_pdf(path: str | Path, blocks: list[Block]) -> Path:
    """Write `blocks` as a PDF through a .typ source next to it (embedded fonts only); return it."""
    import typst

    out = Path(path)
    source = out.with_suffix(".typ")
    source.write_text(typst_source(blocks), encoding="utf-8")
    typst.compile(str(source), output=str(out), ignore_system_fonts=True)
    return out


def typst_source(blocks: list[Block]) -> str:
    """The Typst markup for `blocks` (A4, 11pt, no hyphenation so words read back whole)."""
    parts = [
        '#set page(paper: "a4", margin: 2cm)',
        '#set text(size: 11pt, lang: "id", hyphenate: false)',
        "#set par(justify: false)",
        "",
    ]
    for block in blocks:
        if isinstance(block, str):
            parts.append("#pagebreak()" if block == PAGE_BREAK else _content(block)[1:-1])
            parts.append("")
            continue
        width = max(len(r) for r in block)
        cells = []
        for r, _c, colspan, rowspan, text in _spans(block):
            content = _content(text)
            if r == 0:
                content = f"[#strong{content}]"
            if colspan > 1 or rowspan > 1:
                cells.append(f"table.cell(colspan: {colspan}, rowspan: {rowspan}){content}")
            else:
                cells.append(content)
        parts.append(f"#table(columns: {width}, stroke: 0.5pt, inset: 5pt,")
        parts.extend(f"  {cell}," for cell in cells)
        parts.append(")")
        parts.append("")
    return "\n".join(parts)


def expected_cells(blocks: list[Block]) -> list[tuple[str, ...]]:
    """The `Row.sel` of every row that read_docx and read_pdf give for `blocks` (when no cell wraps)."""
    out: list[tuple[str, ...]] = []
    for block in blocks:
        if isinstance(block, str):
            for line in block.split("\n"):
                cells = tuple(" ".join(c.split()) for c in line.split("\t") if c.strip())
                if cells:
                    out.append(cells)
            continue
        width = max(len(r) for r in block)
        for row in block:
            cells = tuple(
                "" if c is None or c == MERGE_UP else "\n".join(" ".join(x.split()) for x in c.split("\n"))
                for c in [*row, *[None] * (width - len(row))]
            )
            if any(cells):
                out.append(cells)
    return out


def _spans(table: Table) -> list[tuple[int, int, int, int, str]]:
    """(row, column, colspan, rowspan, text) of every cell that is not covered by another."""
    out = []
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            if text is None or text == MERGE_UP:
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] is None:
                colspan += 1
            rowspan = 1
            while (
                r + rowspan < len(table) and c < len(table[r + rowspan]) and table[r + rowspan][c] == MERGE_UP
            ):
                rowspan += 1
            out.append((r, c, colspan, rowspan, text))
    return out


def _content(text: str) -> str:
    """Typst content `[...]` showing `text` literally, "\\n" as a line break, "\\t" as a wide gap."""
    lines = [" #h(4em) ".join(f"#{_string(part)}" for part in line.split("\t")) for line in text.split("\n")]
    return "[" + r" \ ".join(lines) + "]"


def _string(text: str) -> str:
    """A Typst string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'

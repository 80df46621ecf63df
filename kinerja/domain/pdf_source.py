"""Reading a PDF into rows with pdfplumber: ruled tables as table rows, the other text as lines.

Per page, in page order:

- Ruled tables are found with pdfplumber's default "lines" strategy (`page.find_tables()`): a table
  must be drawn with ruling lines or cell borders, as a PK's Tabel Kinerja is. A "table" of a single
  cell (a frame or a box around a paragraph) is read as text instead. Each table row gives a `Row`
  with one cell per column of the table's grid and `tabel` set to a running index over the whole
  document. A table that ends one page and goes on at the top of the next (only page numbers in
  between, the same number of columns) keeps its index, as the single table of the DOCX it was
  printed from would; if the next part starts by repeating the header row it gets a new index,
  since it may as well be a new table of the same shape. A merged cell gives its text in
  its first (top-left) grid position and "" in the positions it covers, which is also what
  `docx_source` gives; grid columns in which no cell starts are dropped, and so are rows with only
  empty cells. Text lines inside a cell are joined by "\\n": a PDF does not tell a typed line
  break from a line wrapped because the column is narrow, so both are "\\n".
- Text outside the tables (characters whose centre lies outside every table) is grouped into lines
  by vertical position. A line is split into cells where the gap between two words is at least
  two average character widths of that line (text laid out in columns with spaces or tabs, or
  "Nama<TAB>: …"), otherwise it is one cell; `tabel` is None for these rows, like for plain text.
- Lines and tables are ordered by their top edge on the page. `halaman` is the 1-based page number,
  `baris` a running counter over all rows of the document.

A PDF without any text layer (a scan) or whose text cannot be decoded (fonts without a Unicode
map) raises SourceError asking to run OCR first; a PDF with some scanned pages among text pages
is read as far as it has text. Encrypted (password to open) and damaged PDFs raise SourceError.
Duplicate overprinted characters (fake bold) are removed before reading.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from kinerja.domain.source import Row, SourceError

PESAN_PINDAIAN = (
    "PDF ini hasil pindaian (tidak ada lapisan teks); jalankan OCR dahulu, misalnya dengan "
    "ocrmypdf (ocrmypdf -l ind masukan.pdf keluaran.pdf), lalu impor hasilnya"
)
PESAN_TEKS_RUSAK = (
    "teks PDF ini tidak dapat dibaca (fontnya tidak memetakan huruf ke Unicode); jalankan OCR "
    "dahulu, misalnya dengan ocrmypdf (ocrmypdf --force-ocr -l ind masukan.pdf keluaran.pdf), "
    "lalu impor hasilnya"
)

Bbox = tuple[float, float, float, float]
_PAGE_NUMBER = re.compile(
    r"(?i)^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:halaman|hal\.?)\s*\d{1,3}(?:\s*(?:dari|/)\s*\d{1,3})?$"
)
_GAP_IN_CHARS = 2.0  # a gap of this many average character widths separates two cells
# Two characters further apart than this fraction of the font size are two words. pdfplumber's
# default is a fixed 3pt, which glues the words of small text (a 7pt space is about 2pt wide)
# when the PDF moves the pen instead of drawing a space character.
_X_TOLERANCE_RATIO = 0.15


def read_pdf(path: str | Path) -> list[Row]:
    """Rows of a .pdf file: text lines and ruled-table rows in reading order, page by page."""
    import pdfplumber

    p = Path(path)
    if not p.is_file():
        raise SourceError(f"berkas tidak ditemukan: {p}")
    rows: list[Row] = []
    chars = unreadable = 0
    try:
        with pdfplumber.open(p) as pdf:
            if not pdf.pages:
                raise SourceError("berkas PDF tidak berisi halaman")
            tabel = -1
            for number, page in enumerate(pdf.pages, start=1):
                page_chars = page.chars
                chars += len(page_chars)
                unreadable += sum(1 for c in page_chars if c["text"].startswith("(cid:"))
                for block in _page_blocks(page) if page_chars else []:
                    if not block.is_line and not _continues(rows, block, number):
                        tabel += 1
                    table_id = None if block.is_line else tabel
                    for cells in block.rows:
                        rows.append(Row(baris=len(rows) + 1, sel=cells, tabel=table_id, halaman=number))
                page.close()
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(f"berkas PDF tidak dapat dibaca: {_why(exc)}") from None
    if chars == 0:
        raise SourceError(PESAN_PINDAIAN)
    if unreadable > chars / 2:
        raise SourceError(PESAN_TEKS_RUSAK)
    return rows


def _continues(rows: list[Row], block: _Block, page: int) -> bool:
    """Whether a table at the top of `page` continues the table that ended the previous page.

    Page numbers ("2", "- 2 -", "Halaman 2 dari 5") between the two parts do not count. A part
    that starts with the same row as the table (a repeated header) is read as a new table.
    """
    end = len(rows)
    while end and rows[end - 1].halaman == page and _PAGE_NUMBER.match(rows[end - 1].teks):
        end -= 1
    if end and rows[end - 1].halaman == page:
        return False  # something other than a page number above the table on this page
    while end and rows[end - 1].halaman == page - 1 and _PAGE_NUMBER.match(rows[end - 1].teks):
        end -= 1
    if not end:
        return False
    last = rows[end - 1]
    if last.tabel is None or last.halaman != page - 1 or len(last.sel) != len(block.rows[0]):
        return False
    first = end - 1
    while first and rows[first - 1].tabel == last.tabel:
        first -= 1
    return block.rows[0] != rows[first].sel


class _Block:
    """A text line (one row) or a table (its rows), with its top edge for ordering."""

    __slots__ = ("is_line", "rows", "top")

    def __init__(self, top: float, rows: list[tuple[str, ...]], is_line: bool) -> None:
        self.top = top
        self.rows = rows
        self.is_line = is_line


def _page_blocks(page: Any) -> list[_Block]:
    """The page's tables and text lines, top to bottom."""
    if _has_duplicate_chars(page.chars):
        page = page.dedupe_chars()  # slow (clusters every character), so only when needed
    blocks: list[_Block] = []
    boxes: list[Bbox] = []
    tables = [t for t in page.find_tables() if len(t.cells) >= 2]
    if tables:
        chars = sorted(page.chars, key=_v_mid)
        middles = [_v_mid(c) for c in chars]
    for table in tables:
        rows = _table_rows(_extract(table, chars, middles))
        boxes.append(table.bbox)
        if rows:
            blocks.append(_Block(table.bbox[1], rows, is_line=False))
    text = page.filter(_outside(boxes)) if boxes else page
    for top, cells in _lines(text.extract_words(x_tolerance_ratio=_X_TOLERANCE_RATIO)):
        blocks.append(_Block(top, [cells], is_line=True))
    blocks.sort(key=lambda b: b.top)
    return blocks


def _v_mid(obj: dict[str, Any]) -> float:
    return float(obj["top"] + obj["bottom"]) / 2


def _extract(table: Any, chars: list[dict[str, Any]], middles: list[float]) -> list[list[str | None]]:
    """The text of every cell of a table (None where a merged cell covers the position).

    The same as pdfplumber's `Table.extract()` (a character belongs to the cell holding its
    centre), but looks only at the characters level with each cell instead of every character
    of the page for every row, and splits words relative to the font size (see `_X_TOLERANCE_RATIO`).
    """
    from pdfplumber.utils.text import extract_text

    out: list[list[str | None]] = []
    for row in table.rows:
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            x0, top, x1, bottom = cell
            band = chars[bisect_left(middles, top) : bisect_left(middles, bottom)]
            inside = [c for c in band if x0 <= (c["x0"] + c["x1"]) / 2 < x1]
            texts.append(extract_text(inside, x_tolerance_ratio=_X_TOLERANCE_RATIO) if inside else "")
        out.append(texts)
    return out


def _has_duplicate_chars(chars: list[dict[str, Any]]) -> bool:
    """Whether some character is drawn twice at (nearly) the same place: overprinted "fake bold"."""
    ordered = sorted(chars, key=lambda c: (c["text"], round(c["top"]), c["x0"]))
    return any(
        a["text"] == b["text"] and abs(a["x0"] - b["x0"]) < 1 and abs(a["top"] - b["top"]) < 1
        for a, b in pairwise(ordered)
    )


def _outside(boxes: Sequence[Bbox]) -> Callable[[dict[str, Any]], bool]:
    """A page filter keeping every object except characters whose centre is inside a table."""

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x < x1 and top <= y < bottom for x0, top, x1, bottom in boxes)

    return keep


def _clean(text: str | None) -> str:
    """A cell's text: spaces collapsed, empty lines dropped, lines joined by "\\n"."""
    if not text:
        return ""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _table_rows(table: list[list[str | None]]) -> list[tuple[str, ...]]:
    """Rows of an extracted table: None (a position covered by a merged cell) becomes ""."""
    width = max((len(r) for r in table), default=0)
    used = [i for i in range(width) if any(i < len(r) and r[i] is not None for r in table)]
    rows = []
    for r in table:
        cells = tuple(_clean(r[i]) if i < len(r) else "" for i in used)
        if any(cells):
            rows.append(cells)
    return rows


def _lines(words: list[dict[str, Any]]) -> list[tuple[float, tuple[str, ...]]]:
    """Words grouped into lines (top edge, cells); cells split at wide gaps between words."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        if lines and middle < lines[-1][0]["bottom"]:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        letters = sum(len(w["text"]) for w in line)
        char_width = sum(w["x1"] - w["x0"] for w in line) / max(letters, 1)
        cells: list[list[str]] = [[line[0]["text"]]]
        for before, word in pairwise(line):
            if word["x0"] - before["x1"] >= _GAP_IN_CHARS * char_width:
                cells.append([])
            cells[-1].append(word["text"])
        texts = tuple(_clean(" ".join(c)) for c in cells)
        if any(texts):
            out.append((min(w["top"] for w in line), tuple(t for t in texts if t)))
    return out


def _why(exc: Exception) -> str:
    """An Indonesian reason for a pdfplumber/pdfminer failure."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        return (
            "PDF ini dikunci dengan kata sandi; buka kuncinya dahulu (misalnya "
            "qpdf --decrypt --password=KATASANDI masukan.pdf keluaran.pdf), lalu impor hasilnya"
        )
    return f"bukan PDF yang sah atau berkasnya rusak ({name}: {cause})"

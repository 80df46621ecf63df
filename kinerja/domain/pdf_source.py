"""Reading a PDF into rows with pdfplumber: ruled tables as table rows, the other text as lines.

The aim is the rows `docx_source` gives for the DOCX the PDF was printed from. Per page, in order:

- Ruled tables are found with pdfplumber's default "lines" strategy (`page.find_tables()`): a table
  must be drawn with ruling lines or cell borders, as a PK's Tabel Kinerja is. A "table" of a single
  cell (a frame, a box around a paragraph) is read as text instead. Each table row gives a `Row`
  with one cell per column of the table's grid and `tabel` set to a running index over the whole
  document. A merged cell gives its text in its first (top-left) grid position and "" in the
  positions it covers; grid columns in which no cell starts are dropped, and so are rows with only
  empty cells. Lines inside a cell are joined by "\\n": a PDF does not tell a typed line break from
  a line wrapped because the column is narrow, so both are "\\n" (compare cells with `Row.teks`).
- A table that ends one page and goes on at the top of the next (only page numbers in between,
  the same number of columns) keeps its index, as the one table of the DOCX would. If the next
  part starts by repeating the first row (a repeated header) it gets a new index instead, since
  it may as well be a new table of the same shape.
- Text outside the tables (characters whose centre lies outside every table) is grouped into lines
  by vertical position. A line is split into cells where the gap between two words is at least
  two average character widths of that line (columns laid out with spaces or tabs, "Nama<TAB>: …"),
  otherwise it is one cell; `tabel` is None for these rows, as for plain text.
- A line that only continues a wrapped paragraph is joined to the line above with a space, so a
  paragraph is one row as in a DOCX: see `_join_wrapped` for the test (in short: the first word of
  the lower line would not have fitted at the end of the upper one). Lines the author ended on
  purpose (headings, "Nama : …", list items, a paragraph's last line) stay rows of their own. A
  paragraph whose last line happens to fill the width and is followed, without indent or extra
  space, by another paragraph is joined to it: the PDF holds nothing to tell them apart.
- Rows are ordered by their top edge on the page. `halaman` is the 1-based page number, `baris` a
  running counter over all rows of the document.

Words are split relative to the font size (pdfplumber's fixed 3pt tolerance glues the words of
small text whose spaces are pen moves), and characters overprinted to fake bold are read once.
A PDF without any text layer (a scan) or whose text cannot be decoded (fonts without a Unicode
map) raises SourceError asking to run OCR first; a PDF with some scanned pages among text pages
is read as far as it has text. Password-protected and damaged PDFs raise SourceError.
"""

from __future__ import annotations

import dataclasses
import io
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from kinerja.domain import ocr
from kinerja.domain.source import Kemajuan, Row, SourceError, periksa_gambar
from kinerja.domain.tanggal import POLA_NAMA_BULAN

PESAN_KOSONG = (
    "PDF ini tidak memuat teks yang dapat dibaca: halamannya kosong, atau gambar pindaiannya tidak "
    "terbaca oleh OCR (pindai ulang dengan 300 dpi, lurus dan terang)"
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
# Running headers and footers live in the top and bottom 7% of the page (above and below the text).
_MARGIN_ZONE = 0.07
_GAP_IN_CHARS = 2.0  # a gap of this many average character widths separates two cells
# Two characters further apart than this fraction of the font size are two words. pdfplumber's
# default is a fixed 3pt, which glues the words of small text (a 7pt space is about 2pt wide)
# when the PDF moves the pen instead of drawing a space character.
_X_TOLERANCE_RATIO = 0.15


def read_pdf(path: str | Path, *, kemajuan: Kemajuan | None = None) -> list[Row]:
    """Rows of a .pdf file: text lines and ruled-table rows in reading order, page by page.

    Pages without a text layer are read by OCR (`kinerja.domain.ocr`) when Tesseract is installed;
    their rows are marked `ocr`. `kemajuan(done, total)` is told after each page read by OCR.
    """
    import pdfplumber

    p = Path(path)
    if not p.is_file():
        raise SourceError(f"berkas tidak ditemukan: {p}")
    from kinerja.domain.batas import periksa_pdf

    periksa_pdf(p)  # the page count, before pdfplumber goes through the pages
    chars = unreadable = 0
    try:
        with pdfplumber.open(p) as pdf:
            if not pdf.pages:
                raise SourceError("berkas PDF tidak berisi halaman")
            pages: list[tuple[float, list[_Block]]] = []
            scanned: list[int] = []
            for page in pdf.pages:
                page_chars = page.chars
                chars += len(page_chars)
                unreadable += sum(1 for c in page_chars if c["text"].startswith("(cid:"))
                if not page_chars:
                    scanned.append(len(pages))
                pages.append((float(page.height), _page_blocks(page) if page_chars else []))
                page.close()
            if unreadable > chars / 2 and chars:
                raise SourceError(PESAN_TEKS_RUSAK)
            if scanned and (chars == 0 or ocr.tersedia()):
                _read_scanned(pdf, scanned, pages, kemajuan)
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(f"berkas PDF tidak dapat dibaca: {_why(exc)}") from None
    rows = _rows(pages, {i + 1 for i in scanned})
    if not rows:
        raise SourceError(PESAN_KOSONG)
    return rows


def _read_scanned(
    pdf: Any, scanned: list[int], pages: list[tuple[float, list[_Block]]], kemajuan: Kemajuan | None
) -> None:
    """Fill in the pages without a text layer by OCR (all of them, or a SourceError saying why not)."""
    ocr.periksa_pindaian(len(scanned))
    for done, index in enumerate(scanned, start=1):
        page = pdf.pages[index]
        image = page.to_image(resolution=ocr.DPI).original
        pages[index] = (
            float(page.height),
            _ocr_blocks(ocr.baca_gambar(image, dpi=ocr.DPI), float(page.width)),
        )
        page.close()
        if kemajuan is not None:
            kemajuan(done, len(scanned))


def halaman_pindaian(path: str | Path) -> int:
    """How many pages of the PDF have no text layer (pages OCR would read); 0 for a damaged file (its
    reading says why). A PDF over the page limit is refused first (batas), before its pages are read."""
    import pypdfium2

    from kinerja.domain.batas import periksa_jumlah_halaman

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:
        return 0
    try:
        periksa_jumlah_halaman(len(pdf))
        jumlah = 0
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage()
            jumlah += text.count_chars() == 0
            text.close()
            page.close()
        return jumlah
    finally:
        pdf.close()


def read_image(path: str | Path, *, kemajuan: Kemajuan | None = None) -> list[Row]:
    """Rows of a photo or scan of one page (JPEG/PNG), read by OCR."""
    from PIL import Image, ImageOps

    ocr.pastikan_tersedia()
    data = Path(path).read_bytes()
    periksa_gambar(data)
    with Image.open(io.BytesIO(data)) as opened:
        image = ImageOps.exif_transpose(opened).convert("L")
    # A photo has no stated size: take the page as A4 (595 points wide), brought to about 300 dpi (the
    # resolution Tesseract reads best and the table finder's sizes are set for).
    lebar = round(595 / 72 * ocr.DPI)
    if abs(image.width - lebar) > lebar // 10:
        image = image.resize(
            (lebar, max(1, round(image.height * lebar / image.width))), Image.Resampling.LANCZOS
        )
    dpi = float(ocr.DPI)
    halaman = ocr.baca_gambar(image, dpi=dpi)
    if kemajuan is not None:
        kemajuan(1, 1)
    return _rows([(image.height * 72 / dpi, _ocr_blocks(halaman, 595.0))], {1})


def _ocr_blocks(halaman: ocr.HalamanOCR, width: float) -> list[_Block]:
    """A page read by OCR laid out as a text page is: its ruled tables, then its other words as lines."""
    tables = [(t.kotak, _table_rows(t.sel)) for t in halaman.tabel]
    blocks = [_Block(kotak[1], rows) for kotak, rows in tables if rows]
    words = [k.sebagai_pdfplumber() for k in halaman.kata]
    return _lay_out(blocks, [kotak for kotak, _ in tables], words, width)


def _rows(pages: list[tuple[float, list[_Block]]], by_ocr: set[int]) -> list[Row]:
    """The rows of the laid-out pages, running headers and footers out, tables numbered."""
    rows: list[Row] = []
    tabel = -1
    for number, blocks in enumerate(_without_running_lines(pages), start=1):
        for block in blocks:
            if not block.is_line and not _continues(rows, block, number):
                tabel += 1
            table_id = None if block.is_line else tabel
            for cells in block.rows:
                posisi = block.posisi if len(block.posisi) == len(cells) else ()
                rows.append(
                    Row(
                        baris=len(rows) + 1,
                        sel=cells,
                        tabel=table_id,
                        halaman=number,
                        posisi=posisi,
                        ocr=number in by_ocr,
                    )
                )
    return rows


def _without_running_lines(pages: list[tuple[float, list[_Block]]]) -> list[list[_Block]]:
    """Pages without page numbers and running headers/footers: a line in the top or bottom margin
    zone that is a page number, or that stands the same on two or more pages. They are the
    printer's, not the document's text (a footer inside a paragraph would otherwise join it)."""

    def key(block: _Block) -> str:
        return " ".join(" ".join(block.rows[0]).split())

    def in_margin(block: _Block, height: float) -> bool:
        return block.line is not None and (
            block.line.top < _MARGIN_ZONE * height or block.line.bottom > (1 - _MARGIN_ZONE) * height
        )

    seen: dict[str, int] = {}
    for height, blocks in pages:
        for k in {key(b) for b in blocks if in_margin(b, height)}:
            seen[k] = seen.get(k, 0) + 1
    return [
        [
            b
            for b in blocks
            if not (in_margin(b, height) and (seen[key(b)] >= 2 or _PAGE_NUMBER.match(key(b))))
        ]
        for height, blocks in pages
    ]


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


@dataclass
class _Line:
    """A text line outside the tables: its cells and where it lies on the page."""

    cells: tuple[str, ...]
    x0: float
    x1: float
    top: float
    bottom: float
    char_width: float  # average width of its characters
    first_word: float  # width of its first word
    awal: tuple[float, ...] = ()  # where each cell starts (x, points)


class _Block:
    """A text line (one row) or a table (its rows), with its top edge for ordering."""

    __slots__ = ("line", "posisi", "rows", "top")

    def __init__(self, top: float, rows: list[tuple[str, ...]], line: _Line | None = None) -> None:
        self.top = top
        self.rows = rows
        self.line = line
        self.posisi: tuple[int, ...] = ()

    @property
    def is_line(self) -> bool:
        return self.line is not None


def _page_blocks(page: Any) -> list[_Block]:
    """The page's tables and text lines, top to bottom, wrapped lines joined into paragraphs.

    Text set diagonally (a "DRAF" mark, a stamp) is not part of the PK: left out.
    """
    if not all(_tegak(c) for c in page.chars):
        page = page.filter(_tegak)
    if _has_duplicate_chars(page.chars):
        page = page.dedupe_chars()  # slow (clusters every character), so only when needed
    blocks: list[_Block] = []
    boxes: list[Bbox] = []
    tables = [t for t in page.find_tables() if len(t.cells) >= 2]
    if tables:
        chars = sorted(page.chars, key=_v_mid)
        middles = [_v_mid(c) for c in chars]
    for table in tables:
        if _kehilangan(table, chars):
            continue  # a partly ruled grid that misses text: the region is read as text lines instead
        rows = _table_rows(_extract(table, chars, middles))
        boxes.append(table.bbox)
        if rows:
            blocks.append(_Block(table.bbox[1], rows))
    text = page.filter(_outside(boxes)) if boxes else page
    words = text.extract_words(x_tolerance_ratio=_X_TOLERANCE_RATIO)
    return _lay_out(blocks, boxes, words, float(page.width))


def _lay_out(
    blocks: list[_Block], boxes: list[Bbox], words: list[dict[str, Any]], width: float
) -> list[_Block]:
    """The page's blocks: its tables (`blocks`, in `boxes`) and its other words laid out into lines,
    top to bottom, wrapped lines joined into paragraphs. Words read by OCR come through here too."""
    lines = _lines(words)
    blocks = [*blocks, *(_Block(line.top, [line.cells], line) for line in lines)]
    blocks.sort(key=lambda b: b.top)
    edges = [(x0, x1) for x0, _, x1, _ in boxes] + [(line.x0, line.x1) for line in lines]
    if edges:
        left = min(x0 for x0, _ in edges)
        right = max(x1 for _, x1 in edges)
        if right - left >= width / 2:  # a page of short lines only: no paragraphs
            blocks = _join_wrapped(blocks, left, right)
    # A line that starts right of the page's middle (the right-hand signature block: a NIP or a
    # pangkat under the Pihak Pertama only) keeps an empty first cell so it stays in its column, as
    # the text reader does for a line pushed right.
    middle = width / 2
    for block in blocks:
        if block.line is not None and len(block.line.cells) == 1 and block.line.x0 >= middle:
            block.rows = [("", *block.line.cells)]
    _posisi(blocks)
    return blocks


def _posisi(blocks: list[_Block]) -> None:
    """Where each cell of a text line starts, in characters from the page's text edge (as a fixed-width
    text gives them): a table laid out with spaces keeps its columns. A line of one cell wrapped into a
    paragraph has none."""
    garis = [b.line for b in blocks if b.line is not None]
    if not garis:
        return
    lebar = sorted(g.char_width for g in garis)[len(garis) // 2] or 1.0
    kiri = min(g.x0 for g in garis)
    for b in blocks:
        if b.line is None or len(b.rows) != 1 or len(b.line.awal) != len(b.line.cells):
            continue
        posisi = tuple(round((x - kiri) / lebar) for x in b.line.awal)
        if len(posisi) == 1 and posisi[0] < 3:
            continue  # a line at the text's left edge: no columns (as the text reader gives it)
        b.posisi = (0, *posisi) if len(b.rows[0]) == len(posisi) + 1 else posisi


_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z][.)]|[-–•*▪◦·])(?:\s|$)")
# Lines that always stand alone, even when the line above filled the width: a place-and-date line and
# the labels of a statement or signature block.
_STANDS_ALONE = re.compile(
    rf"^[A-Z][A-Za-z .'\-]{{1,40}},\s*(?:\d{{1,2}}\s+)?(?:{POLA_NAMA_BULAN})\.?\s+\d{{4}}\s*$"
    r"|^(?:Nama|Jabatan|NIP|Pangkat|PIHAK)\b",
    re.IGNORECASE,
)


def _join_wrapped(blocks: list[_Block], left: float, right: float) -> list[_Block]:
    """Blocks with every line that merely continues a wrapped paragraph joined to the line above.

    A line continues the one above it when both are single-cell lines of the same size, no
    further apart than the tightest pair of such lines on the page (the leading inside a
    paragraph; paragraph spacing is more), the lower one starts at the paragraph's left edge (or
    up to a few characters right of the line above: hanging and first-line indents), does not
    start with a list marker, and its first word would not have fitted at the end of the line
    above. That last test tells a wrapped line from a line the author ended on purpose ("Nama :
    …", a heading, the last line of a paragraph), whether the text is justified or not.
    """
    pairs = [(a.line, b.line) for a, b in pairwise(blocks) if a.line is not None and b.line is not None]
    gaps = [b.top - a.bottom for a, b in pairs if _same_size(a, b)]
    if not gaps:
        return blocks
    leading = max(min(gaps), 0.0)
    out: list[_Block] = []
    for block in blocks:
        before = out[-1].line if out else None
        line = block.line
        if before is not None and line is not None and _continues_line(before, line, left, right, leading):
            text = before.cells[0]
            sep = "" if text.endswith("-") and text[-2:-1].isalpha() else " "
            # The joined paragraph keeps its first line's place (block.top) and the geometry of its
            # last line, which the next line is compared with.
            out[-1].line = dataclasses.replace(line, cells=(text + sep + line.cells[0],))
            out[-1].rows = [out[-1].line.cells]
            continue
        out.append(block)
    return out


def _same_size(a: _Line, b: _Line) -> bool:
    height = a.bottom - a.top
    return len(a.cells) == len(b.cells) == 1 and abs((b.bottom - b.top) - height) <= 0.2 * height


def _continues_line(above: _Line, line: _Line, left: float, right: float, leading: float) -> bool:
    height = above.bottom - above.top
    cw = above.char_width
    return (
        _same_size(above, line)
        and -0.2 * height <= line.top - above.bottom <= leading + 0.25 * height
        and left - cw <= line.x0 <= above.x0 + 5 * cw
        # a wrapped line starts near the text's left edge: lines centred in the right half (a
        # signature block) are not a paragraph
        and line.x0 <= left + 6 * cw
        and not _LIST_MARKER.match(line.cells[0])
        and not _STANDS_ALONE.match(line.cells[0])
        and above.x1 + 0.25 * height + line.first_word > right + 0.5 * cw
    )


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


def _kehilangan(table: Any, chars: list[dict[str, Any]]) -> bool:
    """Whether the table's cells miss some of the text inside its frame: a table ruled only in part
    (horizontal lines, a few borders) whose grid leaves the row numbers or the targets in no cell. Its
    text would be lost; read as lines, its columns stay apart by the gaps between words."""
    x0, top, x1, bottom = table.bbox
    sel = [c for c in table.cells if c is not None]

    def di_sel(ch: dict[str, Any]) -> bool:
        x, y = (ch["x0"] + ch["x1"]) / 2, _v_mid(ch)
        return any(a <= x < c and b <= y < d for a, b, c, d in sel)

    dalam = [
        ch
        for ch in chars
        if ch["text"].strip() and x0 <= (ch["x0"] + ch["x1"]) / 2 < x1 and top <= _v_mid(ch) < bottom
    ]
    return any(not di_sel(ch) for ch in dalam)


def _tegak(obj: dict[str, Any]) -> bool:
    """False for a character set diagonally (a watermark, a stamp): its text matrix turns the baseline
    by an angle that is not a multiple of 90° (a ≠ 0 and b ≠ 0). Horizontal text, a synthetic italic
    (skewed: b = 0) and text turned by 90° (landscape tables) stay."""
    if obj.get("object_type") != "char":
        return True
    a, b = (float(x) for x in (obj.get("matrix") or (1, 0))[:2])
    return abs(a) < 0.01 or abs(b) < 0.01


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


def _lines(words: list[dict[str, Any]]) -> list[_Line]:
    """Words grouped into lines, top to bottom; cells split at wide gaps between words."""
    grouped: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        if grouped and middle < grouped[-1][0]["bottom"]:
            grouped[-1].append(word)
        else:
            grouped.append([word])
    out = []
    for line in grouped:
        line.sort(key=lambda w: w["x0"])
        letters = sum(len(w["text"]) for w in line)
        char_width = sum(w["x1"] - w["x0"] for w in line) / max(letters, 1)
        cells: list[list[str]] = [[line[0]["text"]]]
        awal = [float(line[0]["x0"])]
        for before, word in pairwise(line):
            if word["x0"] - before["x1"] >= _GAP_IN_CHARS * char_width:
                cells.append([])
                awal.append(float(word["x0"]))
            cells[-1].append(word["text"])
        pasangan = [
            (t, x) for t, x in ((_clean(" ".join(c)), x) for c, x in zip(cells, awal, strict=True)) if t
        ]
        texts = tuple(t for t, _ in pasangan)
        if texts:
            out.append(
                _Line(
                    cells=texts,
                    x0=float(line[0]["x0"]),
                    x1=float(max(w["x1"] for w in line)),
                    top=float(min(w["top"] for w in line)),
                    bottom=float(max(w["bottom"] for w in line)),
                    char_width=float(char_width),
                    first_word=float(line[0]["x1"] - line[0]["x0"]),
                    awal=tuple(x for _, x in pasangan),
                )
            )
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

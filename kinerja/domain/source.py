"""Reading a document into rows: the one shape the PK parser reads, whatever the file was.

A `Row` is a line of text (one cell) or a table row (several cells), with the line number a user can
find it by. Plain text splits table rows on tabs, pipes, or runs of spaces; DOCX and PDF readers
(docx_source, pdf_source) give their real table cells, with `tabel` telling which table a row came from.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from kinerja.domain.teks_masuk import bersihkan

T = TypeVar("T")


class SourceError(Exception):
    """A document that cannot be used; the message is Indonesian and says where and what."""

    def __init__(self, pesan: str, baris: int | None = None) -> None:
        self.pesan = pesan
        self.baris = baris
        super().__init__(f"baris {baris}: {pesan}" if baris is not None else pesan)


@dataclass(frozen=True)
class Row:
    """One line or table row of a document.

    `sel` holds the cells (one for a plain line); `baris` the 1-based line number (for DOCX the
    paragraph/table-row number, for PDF the running line over all pages); `tabel` an identifier of
    the real table the row came from (DOCX/PDF), or None for text lines.
    """

    baris: int
    sel: tuple[str, ...]
    tabel: int | None = None
    halaman: int | None = None
    posisi: tuple[int, ...] = ()
    lembar: str | None = None  # the worksheet's name (XLSX): a sheet is a document of its own
    ocr: bool = False  # read by OCR from a scanned page: every number wants checking against the paper

    @cached_property
    def teks(self) -> str:
        """The row as one line of text, cells joined by single spaces."""
        return " ".join(c for c in (" ".join(c.split()) for c in self.sel) if c)

    @property
    def is_table(self) -> bool:
        return self.tabel is not None or len(self.sel) > 1


_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def split_cells(line: str) -> tuple[str, ...] | None:
    """Cells of a text line, or None for a markdown separator line (|---|---|)."""
    if "\t" in line:
        return tuple(c.strip() for c in line.rstrip("\n").split("\t"))
    stripped = line.strip()
    if stripped.count("|") >= 2:
        if _PIPE_SEPARATOR.match(stripped):
            return None
        inner = stripped
        if inner.startswith("|"):
            inner = inner[1:]
        if inner.endswith("|"):
            inner = inner[:-1]
        return tuple(c.strip() for c in inner.split("|"))
    # A line pushed far right (the right column of a signature block laid out with spaces) keeps an
    # empty first cell so that it stays in its column.
    indent = ("",) if len(line) - len(line.lstrip(" ")) >= 10 else ()
    if re.search(r"\S\s{2,}\S", stripped):
        return indent + tuple(c.strip() for c in re.split(r"\s{2,}", stripped))
    return (*indent, stripped)


_MARKUP = re.compile(r"\*\*|__")


def _positions(line: str, cells: tuple[str, ...]) -> tuple[int, ...]:
    """Start columns of cells split on runs of spaces (a fixed-width layout such as pdftotext -layout)."""
    if "\t" in line or line.strip().count("|") >= 2 or (len(cells) < 2 and line[:1] != " "):
        return ()
    out: list[int] = []
    at = 0
    for cell in cells:
        if not cell:
            out.append(0)
            continue
        at = line.index(cell, at)
        out.append(at)
        at += len(cell)
    return tuple(out)


def read_text(text: str) -> list[Row]:
    """Rows of a plain-text or Markdown document (blank lines are dropped, numbers are kept)."""
    if "\x00" in text:
        raise SourceError(
            "berkas ini bukan teks (berisi data biner); gunakan .txt, .md, .docx, .xlsx atau .pdf"
        )
    from kinerja.domain.batas import periksa_teks

    periksa_teks(text)
    text = bersihkan(text)  # a vertical tab or form feed would split a line (str.splitlines)
    rows: list[Row] = []
    for n, line in enumerate(text.splitlines(), start=1):
        clean = _MARKUP.sub("", line).replace("\xa0", " ")
        if not clean.strip():
            continue
        cells = split_cells(clean)
        if cells is None:
            continue
        rows.append(Row(baris=n, sel=cells, posisi=_positions(clean, cells)))
    return rows


JENIS_GAMBAR = (".png", ".jpg", ".jpeg")
Kemajuan = Callable[[int, int], None]  # (pages read by OCR so far, pages to read by OCR)


def read_path(path: str | Path, *, kemajuan: Kemajuan | None = None) -> list[Row]:
    """Rows of a .txt/.md, .docx, .xlsx, .pdf or .png/.jpg file; raises SourceError with an Indonesian
    message. Scanned pages are read by OCR, telling `kemajuan` after each page."""
    p = Path(path)
    if not p.exists():
        raise SourceError(f"berkas tidak ditemukan: {p}")
    if p.is_dir():
        raise SourceError(f"{p} adalah folder, bukan berkas")
    return _read(p.read_bytes(), p.name, p, kemajuan)


def read_bytes(data: bytes, name: str, *, kemajuan: Kemajuan | None = None) -> list[Row]:
    """Rows of an uploaded file's content; `name` gives the kind (.txt/.md/.docx/.pdf) and messages."""
    return _read(data, name, None, kemajuan)


def jenis_gambar(data: bytes, name: str) -> bool:
    """Whether the file is a photo or scan of a page (PNG or JPEG), by its name or its first bytes."""
    return (
        Path(name).suffix.lower() in JENIS_GAMBAR
        or data[:8] == b"\x89PNG\r\n\x1a\n"
        or data[:3] == b"\xff\xd8\xff"
    )


_NAMA_BUKAN_GAMBAR = {".pdf", ".docx", ".xlsx", ".txt", ".md"}


def periksa_gambar(data: bytes) -> None:
    """Refuse, before any OCR, what is not a readable PNG/JPEG image or is too large to read."""
    from PIL import Image, UnidentifiedImageError

    from kinerja.domain.ocr import PIKSEL_MAKS

    try:
        with Image.open(io.BytesIO(data)) as gambar:
            lebar, tinggi = gambar.size
            gambar.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise SourceError(f"gambar tidak dapat dibaca: {exc}") from None
    if lebar * tinggi > PIKSEL_MAKS:
        raise SourceError(
            f"gambar terlalu besar ({lebar} × {tinggi} piksel); paling besar "
            f"{PIKSEL_MAKS // 1_000_000} juta piksel"
        )


def halaman_ocr(data: bytes, name: str) -> int:
    """How many pages of the file would be read by OCR: a photo is one, a PDF its pages without text.
    A photo that cannot be read raises SourceError here, before any OCR."""
    if jenis_gambar(data, name) and Path(name).suffix.lower() not in _NAMA_BUKAN_GAMBAR:
        periksa_gambar(data)
        return 1
    if Path(name).suffix.lower() == ".pdf" or data[:5] == b"%PDF-":
        from kinerja.domain import pdf_source

        return _via_file(pdf_source.halaman_pindaian, data, ".pdf", None)
    return 0


def _read(data: bytes, name: str, path: Path | None, kemajuan: Kemajuan | None = None) -> list[Row]:
    if not data.strip():
        raise SourceError(f"berkas kosong: {name}")
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx" or (data[:2] == b"PK" and b"xl/workbook" in data[:65536] and suffix != ".docx"):
        from kinerja.domain import batas, xlsx_source

        batas.periksa_zip(data, "XLSX")  # from the zip directory, before anything is expanded
        return _via_file(xlsx_source.read_xlsx, data, ".xlsx", path)
    if suffix == ".docx" or (data[:2] == b"PK" and suffix not in {".txt", ".md"}):
        from kinerja.domain import batas, docx_source

        batas.periksa_zip(data, "DOCX")
        return _via_file(docx_source.read_docx, data, ".docx", path)
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        from kinerja.domain import pdf_source

        return _via_file(lambda p: pdf_source.read_pdf(p, kemajuan=kemajuan), data, ".pdf", path)
    if jenis_gambar(data, name):
        from kinerja.domain import pdf_source

        return _via_file(lambda p: pdf_source.read_image(p, kemajuan=kemajuan), data, suffix or ".png", path)
    if suffix == ".doc":
        raise SourceError("format .doc (Word lama) tidak didukung; simpan ulang sebagai .docx atau .pdf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data[:4096]:
            raise SourceError(
                f"{name} bukan berkas teks, DOCX, XLSX, PDF, atau gambar PNG/JPEG (berisi data biner)"
            ) from None
        text = data.decode("cp1252", errors="replace")
    return read_text(text)


def _via_file(reader: Callable[[Path], T], data: bytes, suffix: str, path: Path | None) -> T:
    """Run a reader that needs a file on the given path, or on a temporary copy of the bytes."""
    if path is not None:
        return reader(path)
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        tmp.write(data)
        tmp.flush()
        return reader(Path(tmp.name))


_KOLOM_ROW = ("baris", "sel", "tabel", "halaman", "posisi", "lembar", "ocr")


def rows_ke_json(rows: list[Row]) -> list[list[Any]]:
    """Rows as JSON-ready lists (an upload keeps what was read, so a scan is read by OCR only once)."""
    return [[getattr(r, k) for k in _KOLOM_ROW] for r in rows]


def rows_dari_json(data: list[list[Any]]) -> list[Row]:
    """The rows `rows_ke_json` gave."""
    out = []
    for item in data:
        nilai = dict(zip(_KOLOM_ROW, item, strict=True))
        out.append(Row(**{**nilai, "sel": tuple(nilai["sel"]), "posisi": tuple(nilai["posisi"])}))
    return out

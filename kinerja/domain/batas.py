"""Limits on an uploaded or opened file, checked before the expensive work (issue #13, "hostile files").

A PK is a few pages: a real DOCX's `word/document.xml` is under 200 KB, a workbook of thirteen PKs
expands to half a megabyte, a text PK has a few hundred lines. A file far beyond that is not a PK but
an accident or an attack (a 278 KB DOCX of two million empty paragraphs took 27 s and 1,9 GB to read;
a 1 MB DOCX expanding to 400 MB; a 20 000-page PDF; an XLSX of three million rows). Each limit is
checked from what is cheap to learn — the zip directory, the PDF's page count, the text's length —
and a file over one is refused with an Indonesian message naming the limit.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kinerja.domain.source import SourceError


@dataclass(frozen=True)
class Batas:
    """The limits (kept in one place; the numbers are 20–50 times a real PK's)."""

    zip_entri: int = 1000  # files inside a DOCX/XLSX
    zip_total: int = 100 * 1024 * 1024  # all of them expanded (pictures included)
    zip_xml: int = 4 * 1024 * 1024  # one XML part expanded (the document, a worksheet)
    zip_rasio: int = 200  # expanded size over compressed size of one part (a "zip bomb" is 1000+)
    pdf_halaman: int = 200
    teks_karakter: int = 2 * 1024 * 1024
    teks_baris: int = 20_000


BATAS = Batas()


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def periksa_zip(data: bytes | Path, jenis: str, batas: Batas = BATAS) -> None:
    """A DOCX/XLSX judged by its zip directory alone (nothing is expanded)."""
    try:
        with zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data)) as z:
            daftar = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the reader says so in its own words
    if len(daftar) > batas.zip_entri:
        raise SourceError(
            f"berkas {jenis} ini memuat {len(daftar)} bagian; paling banyak {batas.zip_entri} untuk sebuah PK"
        )
    total = sum(i.file_size for i in daftar)
    if total > batas.zip_total:
        raise SourceError(
            f"berkas {jenis} ini berukuran {_mb(total)} setelah dibuka; paling besar {_mb(batas.zip_total)}"
        )
    for i in daftar:
        if i.filename.endswith((".xml", ".rels")) and i.file_size > batas.zip_xml:
            raise SourceError(
                f"bagian {i.filename} berkas {jenis} ini berukuran {_mb(i.file_size)} setelah dibuka; paling "
                f"besar {_mb(batas.zip_xml)} (isi sebuah PK jauh lebih kecil)"
            )
        if i.compress_size and i.file_size > 1024 * 1024 and i.file_size / i.compress_size > batas.zip_rasio:
            raise SourceError(
                f"bagian {i.filename} berkas {jenis} ini mengembang {i.file_size // i.compress_size} kali saat "
                f"dibuka; paling banyak {batas.zip_rasio} kali (berkas yang dibuat untuk melumpuhkan server)"
            )


def periksa_pdf(path: Path, batas: Batas = BATAS) -> int:
    """The PDF's page count, refused over the limit (read from its page tree, nothing rendered)."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:
        return 0  # damaged or locked: pdfplumber's reading says why, in Indonesian
    try:
        return periksa_jumlah_halaman(len(pdf), batas)
    finally:
        pdf.close()


def periksa_jumlah_halaman(halaman: int, batas: Batas = BATAS) -> int:
    """A PDF's page count, refused over the limit."""
    if halaman > batas.pdf_halaman:
        raise SourceError(
            f"PDF ini {halaman} halaman; paling banyak {batas.pdf_halaman} halaman — unggah hanya halaman "
            "Perjanjian Kinerja"
        )
    return halaman


def periksa_teks(teks: str, batas: Batas = BATAS) -> None:
    """A text file's length and line count."""
    if len(teks) > batas.teks_karakter:
        raise SourceError(
            f"teks ini {len(teks):,} karakter; paling banyak {batas.teks_karakter:,} untuk sebuah PK".replace(
                ",", "."
            )
        )
    baris = teks.count("\n") + 1
    if baris > batas.teks_baris:
        raise SourceError(
            f"teks ini {baris:,} baris; paling banyak {batas.teks_baris:,} untuk sebuah PK".replace(",", ".")
        )

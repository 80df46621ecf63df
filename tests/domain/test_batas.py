"""Hostile files refused before the expensive work, each with a message naming its limit, quickly
(the bench bench/bench_berkas_jahat.py measures time and memory on the full-size ones)."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pypdfium2
import pytest

from kinerja.domain import pk_text
from kinerja.domain.batas import BATAS
from kinerja.domain.source import SourceError, halaman_ocr, read_bytes

KORPUS = Path(__file__).resolve().parents[1] / "data" / "korpus"


def docx_paragraf_kosong(n: int) -> bytes:
    """A DOCX whose document holds `n` empty paragraphs (278 KB for two million)."""
    tubuh = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    tubuh += b"<w:p/>" * n + b"</w:body></w:document>"
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", tubuh)
    return keluar.getvalue()


def zip_bom(jenis: str, mb: int) -> bytes:
    """A DOCX/XLSX with one picture of `mb` megabytes of zeros (compressed to almost nothing)."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml" if jenis == "xlsx" else "word/document.xml", "<x/>")
        z.writestr("word/media/image1.png", b"\0" * (mb * 1024 * 1024))
    return keluar.getvalue()


def xlsx_baris(n: int) -> bytes:
    """An XLSX whose one worksheet holds `n` rows (written as XML, not through openpyxl: fast)."""
    baris = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i) for i in range(1, n + 1)
    )
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr(
            "xl/worksheets/sheet1.xml", b"<worksheet><sheetData>" + baris + b"</sheetData></worksheet>"
        )
    return keluar.getvalue()


def pdf_halaman(n: int) -> bytes:
    pdf = pypdfium2.PdfDocument.new()
    for _ in range(n):
        pdf.new_page(200, 200)
    keluar = io.BytesIO()
    pdf.save(keluar)
    pdf.close()
    return keluar.getvalue()


@pytest.mark.parametrize(
    ("buat", "nama", "pesan"),
    [
        (
            lambda: docx_paragraf_kosong(2_000_000),
            "pk.docx",
            "bagian word/document.xml berkas DOCX ini berukuran",
        ),
        (lambda: zip_bom("docx", 120), "pk.docx", "setelah dibuka; paling besar 100 MB"),
        (lambda: zip_bom("xlsx", 120), "pk.xlsx", "setelah dibuka; paling besar 100 MB"),
        (lambda: xlsx_baris(100_000), "pk.xlsx", "bagian xl/worksheets/sheet1.xml berkas XLSX ini"),
        (lambda: pdf_halaman(BATAS.pdf_halaman + 1), "pk.pdf", f"paling banyak {BATAS.pdf_halaman} halaman"),
        (lambda: ("x\n" * (BATAS.teks_baris + 1)).encode(), "pk.txt", "baris; paling banyak 20.000"),
        (lambda: ("x" * (BATAS.teks_karakter + 1)).encode(), "pk.txt", "karakter; paling banyak"),
    ],
)
def test_a_hostile_file_is_refused_quickly_naming_its_limit(buat, nama, pesan):
    data = buat()
    tracemalloc.start()
    mulai = time.perf_counter()
    try:
        with pytest.raises(SourceError, match=pesan):
            pk_text.parse_bytes(data, nama)
        detik = time.perf_counter() - mulai
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert detik < 2.0 and puncak < 200 * 1024 * 1024


def test_a_zip_bomb_is_refused_from_its_directory_alone():
    data = zip_bom("docx", 120)
    assert len(data) < 200 * 1024  # 120 MB of zeros in a small file
    with pytest.raises(SourceError, match="paling besar 100 MB"):
        read_bytes(data, "pk.docx")


def test_a_pdf_over_the_page_limit_is_refused_before_counting_its_scanned_pages():
    with pytest.raises(SourceError, match="halaman"):
        halaman_ocr(pdf_halaman(BATAS.pdf_halaman + 1), "pindaian.pdf")


def test_real_pks_stay_far_below_every_limit():
    for berkas in KORPUS.iterdir():
        if berkas.suffix in (".docx", ".xlsx", ".pdf", ".txt") and not berkas.name.endswith("_scan.pdf"):
            read_bytes(berkas.read_bytes(), berkas.name)  # no SourceError from a limit

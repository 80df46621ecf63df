"""The Laporan Hasil Evaluasi (kinerja/evaluation/lhe.py) as PDF and DOCX, from a context built by hand
(no database): the key facts read back from each format (pdftotext, python-docx), the DRAF mark only on
a draft, user text printed literally whatever it holds, the letter's length in pages (pdftoppm).
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from kinerja.evaluation import lhe as l

CATATAN_PERENCANAAN = (
    "Renstra telah memuat tujuan dan sasaran yang berorientasi hasil.\n"
    "Indikator kinerja sasaran belum seluruhnya memenuhi kriteria SMART."
)
REKOMENDASI = (
    "Menyempurnakan indikator kinerja sasaran agar memenuhi kriteria SMART",
    "Menyusun rencana aksi triwulanan dan memantau capaiannya secara berkala",
    "Memanfaatkan hasil evaluasi internal untuk perbaikan perencanaan tahun berikutnya",
)
NAMA = "Dra. HJ. ANDI TENRI, M.Si"
NIP = "19711010 199312 2 003"
# Everything Typst markup or a DOCX's XML could misread, and a word too long for a line.
JAHAT = '#set page(width: 1cm) $x^2$ *tebal* _miring_ ] [ \\ <label> @ref & "kutip" `kode` // bukan komentar'
KATA_PANJANG = "https://contoh.invalid/" + "a" * 120


@pytest.fixture
def konteks() -> l.LHE:
    """Kecamatan Bajeng 2024: 80,00 BB (Sangat Baik), 74,15 BB the year before."""
    return l.LHE(
        nomor_surat="700/123/Itda/2025",
        tempat_tanggal="Sungguminasa, 14 Februari 2025",
        pemda="Pemerintah Kabupaten Gowa",
        inspektorat="Inspektorat Daerah Kabupaten Gowa",
        kepada="Camat Bajeng",
        unit="Kecamatan Bajeng",
        tahun=2024,
        peraturan=(
            "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja "
            "Instansi Pemerintah"
        ),
        nilai="80,00",
        predikat="BB",
        kategori="Sangat Baik",
        nilai_lalu="74,15",
        predikat_lalu="BB",
        komponen=(
            l.BarisKomponenLHE("1", "Perencanaan Kinerja", "30,00", "24,00", "22,50", "80,00%", "BB"),
            l.BarisKomponenLHE("2", "Pengukuran Kinerja", "30,00", "24,60", "21,90", "82,00%", "A"),
            l.BarisKomponenLHE("3", "Pelaporan Kinerja", "15,00", "12,15", "11,25", "81,00%", "A"),
            l.BarisKomponenLHE(
                "4", "Evaluasi Akuntabilitas Kinerja Internal", "25,00", "19,25", "18,50", "77,00%", "BB"
            ),
        ),
        jumlah_bobot="100,00",
        catatan=(
            l.CatatanLHE("Perencanaan Kinerja", CATATAN_PERENCANAAN),
            l.CatatanLHE("Pengukuran Kinerja", ""),
        ),
        rekomendasi=(
            l.RekomendasiLHE("1", REKOMENDASI[0], "Perencanaan Kinerja"),
            l.RekomendasiLHE("2", REKOMENDASI[1], "Pengukuran Kinerja"),
            l.RekomendasiLHE("3", REKOMENDASI[2], ""),
        ),
        penandatangan_jabatan="Inspektur Daerah Kabupaten Gowa",
        penandatangan_nama=NAMA,
        penandatangan_nip=NIP,
        tembusan=("Bupati Gowa", "Sekretaris Daerah Kabupaten Gowa"),
    )


def _perlu(program: str) -> None:
    if shutil.which(program) is None:
        pytest.fail(f"{program} tidak ditemukan: jalankan `make browser` (apt-get install poppler-utils)")


def teks_pdf(isi: bytes) -> str:
    """The PDF's text on one line (pdftotext, poppler)."""
    _perlu("pdftotext")
    keluar = subprocess.run(["pdftotext", "-", "-"], input=isi, capture_output=True, check=True).stdout
    return " ".join(keluar.decode().split())


def halaman_png(isi: bytes) -> int:
    """How many pages pdftoppm draws (PNG at 50 dpi)."""
    _perlu("pdftoppm")
    with tempfile.TemporaryDirectory() as tmp:
        berkas = Path(tmp) / "lhe.pdf"
        berkas.write_bytes(isi)
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(berkas), str(Path(tmp) / "hal")], check=True)
        return len(list(Path(tmp).glob("hal*.png")))


def teks_docx(isi: bytes, *, kepala: bool = False) -> str:
    """Every paragraph and table cell of a DOCX (with `kepala`, its page headers too), one line."""
    from docx import Document

    doc = Document(io.BytesIO(isi))
    bagian = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for r in t.rows:
            bagian.extend(c.text for c in r.cells)
    if kepala:
        for s in doc.sections:
            bagian.extend(p.text for p in s.header.paragraphs)
    return " ".join(" ".join(bagian).split())


def _baris(tabel: list[list[str | None]]) -> list[str]:
    """A table's rows as lines: a merged cell once, a cell's line breaks as spaces."""
    hasil = []
    for r in tabel:
        sel: list[str] = []
        for c in r:
            teks = " ".join((c or "").split())
            if c is not None and (not sel or teks != sel[-1]):
                sel.append(teks)
        hasil.append(" ".join(x for x in sel if x))
    return hasil


def tabel_pdf(isi: bytes) -> list[str]:
    """The rows of the PDF's component table (pdfplumber, from the ruled cells)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(isi)) as pdf:
        tabel = [t for h in pdf.pages for t in h.extract_tables()]
    assert len(tabel) == 1
    return _baris(tabel[0])


def tabel_docx(isi: bytes) -> list[str]:
    from docx import Document

    [tabel] = Document(io.BytesIO(isi)).tables
    return _baris([[c.text for c in r.cells] for r in tabel.rows])


BARIS = [
    "No Komponen Bobot Nilai 2023 Nilai 2024 Persentase Predikat",
    "1 Perencanaan Kinerja 30,00 22,50 24,00 80,00% BB",
    "2 Pengukuran Kinerja 30,00 21,90 24,60 82,00% A",
    "3 Pelaporan Kinerja 15,00 11,25 12,15 81,00% A",
    "4 Evaluasi Akuntabilitas Kinerja Internal 25,00 18,50 19,25 77,00% BB",
    "Nilai Akuntabilitas Kinerja 100,00 74,15 80,00 BB",
]


def _fakta(teks: str) -> None:
    """The facts every format prints."""
    assert "Pemerintah Kabupaten Gowa".upper() in teks
    assert "Nomor : 700/123/Itda/2025" in teks
    assert (
        "Laporan Hasil Evaluasi Akuntabilitas Kinerja Instansi Pemerintah Tahun 2024 Kecamatan Bajeng" in teks
    )
    assert "Yth. Camat Bajeng" in teks
    assert "Peraturan Pemerintah Nomor 8 Tahun 2006" in teks
    assert "Peraturan Presiden Nomor 29 Tahun 2014" in teks
    assert "Peraturan Menteri PANRB Nomor 88 Tahun 2021" in teks
    assert "memperoleh nilai 80,00 dengan predikat “BB” (Sangat Baik)" in teks
    assert "Pada evaluasi Tahun 2023, Kecamatan Bajeng memperoleh nilai 74,15 dengan predikat “BB”" in teks
    assert "Indikator kinerja sasaran belum seluruhnya memenuhi kriteria SMART." in teks
    assert "Pengukuran Kinerja Tidak ada catatan." in teks
    for r in REKOMENDASI:
        assert r in teks
    assert "Inspektur Daerah Kabupaten Gowa," in teks
    assert f"{NAMA} NIP. {NIP}" in teks
    assert "Tembusan Yth.:" in teks
    assert "Bupati Gowa" in teks and "Sekretaris Daerah Kabupaten Gowa" in teks
    assert "DRAF" not in teks


def test_pdf_holds_the_facts(konteks):
    isi = l.pdf_lhe(konteks)
    assert isi.startswith(b"%PDF")
    _fakta(teks_pdf(isi))
    assert tabel_pdf(isi) == BARIS
    assert 1 <= halaman_png(isi) <= 3


def test_docx_holds_the_facts(konteks):
    isi = l.docx_lhe(konteks)
    teks = teks_docx(isi, kepala=True)
    _fakta(teks)
    assert tabel_docx(isi) == BARIS
    assert "{{" not in teks and "{%" not in teks


def test_pdf_is_the_same_for_the_same_context(konteks):
    assert l.pdf_lhe(konteks) == l.pdf_lhe(konteks)


@pytest.mark.parametrize("baca", ["pdf", "docx"])
def test_draft_mark_only_on_a_draft(konteks, baca):
    def teks(k):
        return teks_pdf(l.pdf_lhe(k)) if baca == "pdf" else teks_docx(l.docx_lhe(k), kepala=True)

    assert "DRAF" not in teks(konteks)
    assert "DRAF" in teks(dataclasses.replace(konteks, draf=True))


def test_draft_mark_on_every_page(konteks):
    panjang = dataclasses.replace(
        konteks,
        draf=True,
        catatan=konteks.catatan
        + tuple(l.CatatanLHE(f"Komponen {n}", "Catatan panjang. " * 120) for n in range(3)),
    )
    isi = l.pdf_lhe(panjang)
    _perlu("pdftotext")
    halaman = (
        subprocess.run(["pdftotext", "-", "-"], input=isi, capture_output=True, check=True)
        .stdout.decode()
        .split("\f")
    )
    halaman = [h for h in halaman if h.strip()]
    assert len(halaman) >= 2
    assert all("DRAF" in h for h in halaman)


def test_without_last_year_recommendations_or_number(konteks):
    k = dataclasses.replace(
        konteks,
        nomor_surat="",
        nilai_lalu=l.STRIP,
        predikat_lalu="",
        komponen=tuple(dataclasses.replace(b, nilai_lalu=l.STRIP) for b in konteks.komponen),
        rekomendasi=(),
        penandatangan_nip="",
        tembusan=(),
    )
    pdf, docx = l.pdf_lhe(k), l.docx_lhe(k)
    for tabel in (tabel_pdf(pdf), tabel_docx(docx)):
        assert tabel[1] == "1 Perencanaan Kinerja 30,00 – 24,00 80,00% BB"
        assert tabel[-1] == "Nilai Akuntabilitas Kinerja 100,00 – 80,00 BB"
    for teks in (teks_pdf(pdf), teks_docx(docx)):
        assert "Pada evaluasi Tahun 2023" not in teks
        assert "Nomor : Lampiran" in teks
        assert "C. REKOMENDASI Tidak ada rekomendasi." in teks
        assert "700/" not in teks
        assert "NIP" not in teks
        assert "Tembusan" not in teks


@pytest.mark.parametrize("format_", ["pdf", "docx"])
def test_user_text_is_printed_literally(konteks, format_):
    k = dataclasses.replace(
        konteks,
        unit="Kecamatan <Bajeng> & #1",
        catatan=(l.CatatanLHE("Perencanaan Kinerja", f"{JAHAT}\n{KATA_PANJANG}"),),
        rekomendasi=(l.RekomendasiLHE("1", JAHAT, "Pengukuran $ Kinerja"),),
        penandatangan_nama="Nama ] \\ #x",
    )
    if format_ == "pdf":
        isi = l.pdf_lhe(k)
        teks = teks_pdf(isi)
        assert halaman_png(isi) <= 3
        # the overlong word is broken (zero-width spaces), not lost or run off the page
        assert KATA_PANJANG in teks.replace("\u200b", "").replace(" ", "")
    else:
        teks = teks_docx(l.docx_lhe(k))
        assert KATA_PANJANG in teks
    assert teks.count(JAHAT) == 2
    assert "Kecamatan <Bajeng> & #1" in teks
    assert "(Komponen Pengukuran $ Kinerja)" in teks
    assert "Nama ] \\ #x" in teks


def test_file_name(konteks):
    assert l.nama_berkas_lhe(konteks, "pdf") == "LHE-2024-Kecamatan-Bajeng.pdf"
    assert l.nama_berkas_lhe(konteks, "docx") == "LHE-2024-Kecamatan-Bajeng.docx"
    k = dataclasses.replace(konteks, unit="Dinas Pendidikan & Kebudayaan (Dikbud) — Gowa")
    assert l.nama_berkas_lhe(k, "pdf") == "LHE-2024-Dinas-Pendidikan-Kebudayaan-Dikbud-Gowa.pdf"

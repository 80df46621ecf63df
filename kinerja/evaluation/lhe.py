"""The Laporan Hasil Evaluasi (LHE) of a SAKIP evaluation: the Inspektorat's letter to the evaluated unit
(its nilai and predikat, the components against last year, the evaluator's notes per component, the
recommendations), as PDF (Typst, kinerja/evaluation/typst/lhe.typ) and DOCX (docxtpl,
kinerja/evaluation/docx/lhe.docx, written by make_template.py).

Both formats read one frozen context, `LHE`, whose values are already Indonesian text ("80,00",
"14 Februari 2025", "19711010 199312 2 003"): the templates format nothing. Who builds it (the
evaluation's services) reads the database; this module does not. The rendering is shared with the
monitoring reports (kinerja.documents.laporan_render): text is data, never markup; the PDF receives it
as one JSON string, the DOCX is rendered with autoescape.

An evaluator's catatan (and a recommendation) may hold several paragraphs: a line break is kept (one
paragraph per line in the PDF, a line break in the DOCX), every other run of white space is one space.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kinerja.documents.laporan_render import docx_dari_template, pdf_dari_template
from kinerja.domain.teks_keluaran import bersih, teks_pdf

__all__ = [
    "LHE",
    "BarisKomponenLHE",
    "CatatanLHE",
    "RekomendasiLHE",
    "docx_lhe",
    "nama_berkas_lhe",
    "pdf_lhe",
]

TYPST = Path(__file__).resolve().parent / "typst"
DOCX = Path(__file__).resolve().parent / "docx"
STRIP = "–"


@dataclass(frozen=True)
class BarisKomponenLHE:
    """One row of the component table."""

    nomor: str  # "1"
    komponen: str  # "Perencanaan Kinerja"
    bobot: str  # "30,00"
    nilai: str  # "24,00"
    nilai_lalu: str  # "22,50" or "–" when there was no evaluation last year
    persen: str  # "80,00%"
    predikat: str  # "BB"


@dataclass(frozen=True)
class CatatanLHE:
    komponen: str  # "Perencanaan Kinerja"
    catatan: str  # the evaluator's paragraph(s); "" prints "Tidak ada catatan."


@dataclass(frozen=True)
class RekomendasiLHE:
    nomor: str  # "1"
    teks: str
    komponen: str  # "" or the component it concerns


@dataclass(frozen=True)
class LHE:
    nomor_surat: str  # "700/123/Itda/2025" or "" (a blank to fill by hand)
    tempat_tanggal: str  # "Sungguminasa, 14 Februari 2025"
    pemda: str  # "Pemerintah Kabupaten Gowa"
    inspektorat: str  # "Inspektorat Daerah Kabupaten Gowa"
    kepada: str  # "Camat Bajeng"
    unit: str  # "Kecamatan Bajeng"
    tahun: int  # the evaluated year
    peraturan: str  # "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas …"
    nilai: str  # "80,00"
    predikat: str  # "BB"
    kategori: str  # "Sangat Baik"
    nilai_lalu: str  # "74,15" or "–"
    predikat_lalu: str  # "BB" or ""
    komponen: tuple[BarisKomponenLHE, ...]
    jumlah_bobot: str  # "100,00"
    catatan: tuple[CatatanLHE, ...]
    rekomendasi: tuple[RekomendasiLHE, ...]
    penandatangan_jabatan: str  # "Inspektur Daerah Kabupaten Gowa"
    penandatangan_nama: str
    penandatangan_nip: str  # "19711010 199312 2 003" or ""
    tembusan: tuple[str, ...]  # ("Bupati Gowa", "Sekretaris Daerah Kabupaten Gowa")
    draf: bool = False  # before the evaluation is final: a "DRAF" mark on every page


def _teks_pdf(teks: str) -> str:
    """Text for the PDF with its paragraphs: each non-empty line cleaned (`teks_pdf`), one per line."""
    return "\n".join(b for b in (teks_pdf(x) for x in bersih(teks).splitlines()) if b)


def _teks_docx(teks: str) -> str:
    """Text for the DOCX: cleaned (`bersih`), line breaks kept (docxtpl writes a line break), other
    white space (a tab among it) one space."""
    return "\n".join(b for b in (" ".join(x.split()) for x in bersih(teks).splitlines()) if b)


def pdf_lhe(lhe: LHE) -> bytes:
    return pdf_dari_template(TYPST, "lhe.typ", lhe, bersihkan=_teks_pdf, pesan="PDF LHE tidak dapat dibuat")


def docx_lhe(lhe: LHE) -> bytes:
    return docx_dari_template(DOCX / "lhe.docx", lhe, bersihkan=_teks_docx)


def nama_berkas_lhe(lhe: LHE, format: str) -> str:
    """ "LHE-2024-Kecamatan-Bajeng.pdf" (ASCII, the unit's capitals kept)."""
    ascii_ = unicodedata.normalize("NFKD", lhe.unit).encode("ascii", "ignore").decode()
    nama = re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-") or "unit"
    return f"LHE-{lhe.tahun}-{nama}.{format}"

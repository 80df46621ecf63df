"""The PDF: reproducible bytes, shipped fonts, the pages look right (pdftoppm), verification QR only when issued."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest

from kinerja.documents.contexts import Verifikasi, dokumen_pk
from kinerja.documents.pdf import FONTS, render_pdf
from kinerja.domain import pk_text
from tests.conftest import build_pk_data

SEED = Path(__file__).resolve().parents[2] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"
CM = 72 / 2.54
# The template's page: A4, margins top 2.2cm, bottom 2.2cm, left 2.5cm, right 2cm.
KIRI, KANAN, ATAS, BAWAH = 2.5 * CM, 2.0 * CM, 2.2 * CM, 2.2 * CM


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    [pk] = pk_text.parse_file(str(SEED))
    return render_pdf(dokumen_pk(pk))


def test_same_input_same_bytes(seed_pdf):
    [pk] = pk_text.parse_file(str(SEED))
    assert render_pdf(dokumen_pk(pk)) == seed_pdf
    assert render_pdf(dokumen_pk(pk), reuse=False) == seed_pdf  # a cold compiler gives the same file
    assert b"/CreationDate" not in seed_pdf and b"/ModDate" not in seed_pdf


def test_only_the_shipped_fonts_are_embedded(seed_pdf):
    fonts = set(re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z-]+)", seed_pdf))
    assert fonts and {f.decode() for f in fonts} <= {
        "KinerjaSerif-Regular",
        "KinerjaSerif-Bold",
        "KinerjaSerif-Italic",
    }
    assert (FONTS / "OFL.txt").is_file()


@pytest.mark.parametrize(
    ("gaya", "nama"),
    [("Regular", "Regular"), ("Bold", "Bold"), ("Italic", "Italic"), ("BoldItalic", "Bold Italic")],
)
def test_the_shipped_fonts_are_liberation_serif_renamed_and_without_hinting(gaya, nama):
    """FONTLOG.txt: Liberation Serif without its TrueType hinting, renamed as the OFL requires."""
    import struct

    from PIL import ImageFont

    berkas = FONTS / f"KinerjaSerif-{gaya}.ttf"
    data = berkas.read_bytes()
    (jumlah,) = struct.unpack(">H", data[4:6])
    tabel = {data[12 + 16 * i : 16 + 16 * i].decode("latin-1") for i in range(jumlah)}
    assert {"glyf", "hmtx", "GPOS", "cmap", "name"} <= tabel
    assert not tabel & {"fpgm", "prep", "cvt "}  # no hinting
    assert ImageFont.truetype(str(berkas), size=12).getname() == ("Kinerja Serif", nama)
    teks = (FONTS / "FONTLOG.txt").read_text(encoding="utf-8")
    assert "Liberation Serif 2.1.5" in teks and "Reserved Font Name" in teks


def test_seed_pages_and_parts(seed_pdf):
    with pdfplumber.open(BytesIO(seed_pdf)) as pdf:
        teks = [p.extract_text() for p in pdf.pages]
    assert len(teks) == 5
    assert teks[0].startswith("PERJANJIAN KINERJA TAHUN 2024\nKECAMATAN BAJENG")
    assert "LAMPIRAN 1 PERJANJIAN KINERJA" in teks[1] and "LAMPIRAN 2 PERJANJIAN KINERJA" in teks[3]
    assert [t.strip().splitlines()[-1] for t in teks] == [f"Halaman {n} dari 5" for n in range(1, 6)]
    assert "Perjanjian kinerja tahun 2024 · Kecamatan Bajeng" not in teks[0]  # the header starts on page 2
    assert all("Perjanjian kinerja tahun 2024 · Kecamatan Bajeng" in t for t in teks[1:])
    assert "NIP. 19711010 199312 2 003" in teks[0] and "Rp5.204.765.371,00" in teks[2]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) tidak terpasang")
def test_seed_pages_render_and_stay_inside_the_margins(seed_pdf, tmp_path):
    from PIL import Image

    (tmp_path / "pk.pdf").write_bytes(seed_pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(tmp_path / "pk.pdf"), str(tmp_path / "hal")], check=True
    )
    halaman = sorted(tmp_path.glob("hal-*.png"))
    assert len(halaman) == 5
    skala = 50 / 72
    for png in halaman:
        gambar = Image.open(png).convert("L")
        lebar, tinggi = gambar.size
        # Everything drawn (text, rules, the QR code) lies inside the page's margins, header and footer
        # inside the top and bottom margins' outer half.
        x0, y0, x1, y1 = gambar.point(lambda v: 255 if v < 200 else 0).getbbox()
        assert x0 >= KIRI * skala - 2 and x1 <= lebar - KANAN * skala + 2, png.name
        assert y0 >= ATAS * skala / 2 - 2 and y1 <= tinggi - BAWAH * skala / 2 + 2, png.name
    with pdfplumber.open(BytesIO(seed_pdf)) as pdf:
        for page in pdf.pages:
            tinta = [
                c for c in page.chars if c["text"].strip()
            ]  # spaces ending a justified line do not print
            badan = [c for c in tinta if c["size"] > 9.5]  # not the 9pt header and footer
            assert all(c["x0"] >= KIRI - 1 and c["x1"] <= page.width - KANAN + 1 for c in tinta)
            # pdfplumber's box is the font's (ascender to descender): Typst sets the first line's cap
            # height, not its ascender, on the margin, so allow a quarter of the size above it.
            assert all(
                ATAS - c["size"] / 4 <= c["top"] and c["bottom"] <= page.height - BAWAH + 1 for c in badan
            )


def test_long_tables_repeat_their_header_on_every_page(tmp_path):
    pdf = render_pdf(dokumen_pk(build_pk_data(n_indikator=120, penjelasan=False)))
    with pdfplumber.open(BytesIO(pdf)) as doc:
        halaman = [p.extract_text() for p in doc.pages]
    tabel = [t for t in halaman if "Sasaran " in t or "INDIKATOR KINERJA TARGET" in t]
    lampiran_1 = [t for t in halaman if re.search(r"^\d+ Sasaran \w+ nomor", t, re.M)]
    assert len(lampiran_1) >= 3
    assert all("NO SASARAN INDIKATOR KINERJA TARGET" in t for t in lampiran_1)
    assert tabel


def test_a_verifiable_pdf_carries_the_qr_code_and_the_short_url():
    pk = build_pk_data()
    url = "https://kinerja.example.go.id/verifikasi/Ab3dE6gH/"
    dengan = render_pdf(dokumen_pk(pk, verifikasi=Verifikasi("Ab3dE6gH", url)))
    tanpa = render_pdf(dokumen_pk(pk))
    with pdfplumber.open(BytesIO(dengan)) as pdf:
        pertama = pdf.pages[0]
        assert len(pertama.images) == 1
        assert url in pertama.extract_text().replace("\n", "")
        assert all(not p.images for p in pdf.pages[1:])
    with pdfplumber.open(BytesIO(tanpa)) as pdf:
        assert not any(p.images for p in pdf.pages)
        assert "verifikasi" not in pdf.pages[0].extract_text()


def test_the_qr_code_encodes_the_url():
    from PIL import Image

    from kinerja.documents.pdf import qr_png

    gambar = Image.open(BytesIO(qr_png("https://contoh/verifikasi/x/")))
    assert gambar.size[0] == gambar.size[1] and gambar.size[0] < 50  # one pixel per module


def test_texts_with_markup_characters_print_literally():
    pk = replace(build_pk_data(n_indikator=1), unit="Kecamatan *Bajeng* #1 [x] $y$ _z_ <w> \\ @k")
    pdf = render_pdf(dokumen_pk(pk))
    with pdfplumber.open(BytesIO(pdf)) as doc:
        assert "KECAMATAN *BAJENG* #1 [X] $Y$ _Z_ <W> \\ @K" in doc.pages[0].extract_text()


@pytest.mark.parametrize(
    ("nama", "menyusut"),
    [
        ("SITI HAERANI, S.SOS", False),
        ("Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", True),
        ("Prof. Dr. Ir. H. ANDI MUHAMMAD WAWAN KURNIAWAN SYAMSUDDIN, S.T., M.T., M.Eng.", True),
    ],
)
def test_a_long_signature_name_is_sized_to_fit_its_column(nama, menyusut):
    """The size pdf.py gives a long name fits the column when measured as one line (with kerning)."""
    from kinerja.documents.pdf import KOLOM_TANDA_TANGAN_PT, UKURAN_PT, _huruf, ukuran_pas

    [pk] = pk_text.parse_file(str(SEED))
    dok = dokumen_pk(replace(pk, pihak_kedua=replace(pk.pihak_kedua, nama=nama)))
    ukuran = ukuran_pas(dok)["nama"].get(nama)
    lebar_12pt = _huruf(True).getlength(nama) / 100  # the whole line, as FreeType lays it out
    if not menyusut:
        assert ukuran is None and lebar_12pt <= KOLOM_TANDA_TANGAN_PT
        return
    assert ukuran is not None and 8 <= ukuran < UKURAN_PT
    if ukuran > 8:  # at the floor a longer name may wrap; above it, it fits with room to spare
        assert lebar_12pt * ukuran / UKURAN_PT <= KOLOM_TANDA_TANGAN_PT * 0.98
    teks = "\n".join(p.extract_text() for p in pdfplumber.open(BytesIO(render_pdf(dok))).pages)
    if ukuran > 8:  # never wrapped: every line holding its first word holds all of it
        pertama = nama.split()[1]
        baris = [b for b in teks.splitlines() if pertama in b]
        assert len(baris) == 4 and all(nama in b for b in baris)  # the statement and three signatures

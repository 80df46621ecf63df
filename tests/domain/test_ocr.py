"""OCR of scanned pages: Tesseract's words, the deskew, the ruled tables found in the image, and a
scanned PK read end to end (PDF and photo). The tests that run Tesseract are skipped, with the reason,
only where it is not installed; `make test` installs it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pypdfium2
import pytest
import typst
from PIL import Image, ImageDraw

from kinerja.domain import ocr, ocr_tabel, pk_text
from kinerja.domain.pdf_source import read_pdf
from kinerja.domain.review import review
from kinerja.domain.source import SourceError, halaman_ocr, read_bytes

perlu_tesseract = pytest.mark.usefixtures("tesseract")  # tests/conftest.py: skipped only without Tesseract

TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t300\t600\t120\t40\t96.5\tTarget\n"
    "5\t1\t1\t1\t1\t2\t450\t600\t90\t40\t91.0\t100Yo\n"
    "5\t1\t1\t1\t2\t1\t300\t660\t40\t40\t95.0\t20\n"
    "5\t1\t1\t1\t2\t2\t350\t660\t40\t40\t60.0\tYo\n"
    "5\t1\t1\t1\t3\t1\t900\t700\t30\t30\t12.0\t~\n"
    "5\t1\t1\t1\t3\t2\t1000\t700\t30\t30\t21.0\tSI\n"
    "5\t1\t1\t1\t3\t3\t1100\t700\t30\t30\t20.0\t7\n"
    "5\t1\t1\t1\t3\t4\t1200\t700\t200\t30\t35.0\tPembina\n"
)


def test_words_of_tesseract_tsv_in_points_with_specks_out_and_percent_signs_put_right():
    kata = ocr.kata_tsv(TSV, skala=72 / 300)
    assert [k.teks for k in kata] == ["Target", "100%", "20", "%", "7", "Pembina"]
    target = kata[0]
    assert (target.x0, target.top, target.x1, target.bottom) == pytest.approx((72.0, 144.0, 100.8, 153.6))
    assert target.keyakinan == 96.5


def _garis_teks(sudut: float) -> Image.Image:
    """A page of dark bars laid out like lines of text, turned by `sudut` degrees."""
    gambar = Image.new("L", (1200, 1600), 255)
    pena = ImageDraw.Draw(gambar)
    for y in range(200, 1400, 60):
        for x in range(150, 1000, 110):
            pena.rectangle((x, y, x + 80, y + 25), fill=20)
    return gambar.rotate(sudut, resample=Image.Resampling.BICUBIC, fillcolor=255)


@pytest.mark.parametrize("sudut", [0.0, 2.0, -3.5])
def test_deskew_finds_the_angle_that_makes_lines_level(sudut):
    assert ocr.sudut_miring(_garis_teks(sudut)) == pytest.approx(-sudut, abs=0.25)


def test_a_level_page_is_left_as_it_is():
    gambar = _garis_teks(0.0)
    assert ocr.luruskan(gambar) is gambar


@dataclass
class _Kata:
    teks: str
    x0: float
    x1: float
    top: float
    bottom: float


def _tabel() -> Image.Image:
    """A ruled table: header row, then a first column merged over the two data rows (a sasaran over
    its two indikator), three columns; a signature scribble and a short underline outside it."""
    gambar = Image.new("L", (2480, 1600), 250)
    pena = ImageDraw.Draw(gambar)
    xs, ys = (200, 900, 1700, 2200), (300, 400, 700, 1000)
    for x in xs:
        pena.line((x, ys[0], x, ys[-1]), fill=30, width=4)
    pena.line((xs[0], ys[0], xs[-1], ys[0]), fill=30, width=4)
    pena.line((xs[0], ys[1], xs[-1], ys[1]), fill=30, width=4)
    pena.line((xs[1], ys[2], xs[-1], ys[2]), fill=30, width=4)  # not across the merged first column
    pena.line((xs[0], ys[3], xs[-1], ys[3]), fill=30, width=4)
    pena.line((1900, 1200, 2000, 1290), fill=30, width=5)  # a scribble
    pena.line((300, 1300, 420, 1300), fill=30, width=3)  # too short for a table
    return gambar


def test_ruled_table_found_in_the_image_with_a_merged_cell():
    semua = ocr_tabel.garis(_tabel())
    [kisi] = ocr_tabel.cari_kisi(semua)
    assert [round(x) for x in kisi.xs] == pytest.approx([200, 900, 1700, 2200], abs=3)
    assert [round(y) for y in kisi.ys] == pytest.approx([300, 400, 700, 1000], abs=3)
    kata = [
        _Kata("Sasaran", 220, 400, 320, 360),
        _Kata("Indikator", 920, 1100, 320, 360),
        _Kata("Target", 1720, 1850, 320, 360),
        _Kata("Meningkatnya", 220, 500, 420, 460),
        _Kata("pelayanan", 220, 450, 470, 510),
        _Kata("Persentase", 920, 1150, 420, 460),
        _Kata("100%", 1720, 1820, 420, 460),
        _Kata("Indeks", 920, 1080, 720, 760),
        _Kata("3,2", 1720, 1790, 720, 760),
        _Kata("Bandung,", 1500, 1700, 1100, 1140),
    ]
    [tabel], luar = ocr_tabel.susun_tabel([kisi], kata)
    assert tabel.sel == [
        ["Sasaran", "Indikator", "Target"],
        ["Meningkatnya\npelayanan", "Persentase", "100%"],
        [None, "Indeks", "3,2"],
    ]
    assert [k.teks for k in luar] == ["Bandung,"]


def _baris(teks: str, x: float, y: float) -> list[_Kata]:
    """The words of one printed line at (x, y), 40 px high."""
    kata, kiri = [], x
    for w in teks.split():
        kata.append(_Kata(w, kiri, kiri + 20 * len(w), y, y + 40))
        kiri += 20 * len(w) + 15
    return kata


def test_a_row_stacking_items_without_lines_between_is_split_by_the_target_lines():
    """Scan 11: one ruled row holds the sasaran, a stack of indikator (each over a few lines, a bullet
    read as "e") and their targets, each target beside its indikator's first line (60 px pitch)."""
    kisi = ocr_tabel.Kisi(
        xs=[0, 100, 600, 1200, 1500],
        ys=[0, 1000],
        tegak=[ocr_tabel.Garis(True, x, 0, 1000) for x in (0, 100, 600, 1200, 1500)],
        datar=[ocr_tabel.Garis(False, y, 0, 1500) for y in (0, 1000)],
    )
    kata = [
        *_baris("1.", 10, 10),
        *_baris("Meningkatnya Akses", 110, 10),
        *_baris("Masyarakat terhadap", 110, 70),
        *_baris("Sanitasi yang Layak", 110, 130),
        *_baris("Meningkatnya Cakupan", 610, 10),
        *_baris("Pelayanan", 610, 70),
        *_baris("e Prosiding hasil", 610, 190),
        *_baris("workshop", 610, 250),
        *_baris("e Dokumen DED", 610, 370),
        *_baris("67%", 1210, 10),
        *_baris("1 Dokumen", 1210, 190),
        *_baris("1 Dokumen", 1210, 370),
    ]
    [tabel], _ = ocr_tabel.susun_tabel([kisi], kata)
    assert tabel.sel == [
        [
            "1.",
            "Meningkatnya Akses\nMasyarakat terhadap\nSanitasi yang Layak",
            "Meningkatnya Cakupan\nPelayanan",
            "67%",
        ],
        ["", "", "Prosiding hasil\nworkshop", "1 Dokumen"],
        ["", "", "Dokumen DED", "1 Dokumen"],
    ]


def test_a_target_wrapped_over_two_lines_does_not_split_its_row():
    kisi = ocr_tabel.Kisi(
        xs=[0, 600, 1200],
        ys=[0, 400],
        tegak=[ocr_tabel.Garis(True, x, 0, 400) for x in (0, 600, 1200)],
        datar=[ocr_tabel.Garis(False, y, 0, 1200) for y in (0, 400)],
    )
    kata = [
        *_baris("Tersedianya Data Dan", 10, 10),
        *_baris("Informasi Spasial", 10, 70),
        *_baris("3 kawasan", 610, 10),
        *_baris("perkotaan", 610, 70),
    ]
    [tabel], _ = ocr_tabel.susun_tabel([kisi], kata)
    assert tabel.sel == [["Tersedianya Data Dan\nInformasi Spasial", "3 kawasan\nperkotaan"]]


def test_painting_out_the_lines_leaves_white_where_they_were():
    gambar = _tabel()
    [kisi] = ocr_tabel.cari_kisi(ocr_tabel.garis(gambar))
    bersih = ocr_tabel.hapus_garis(gambar, kisi.garis)
    assert gambar.getpixel((900, 550)) < 100
    assert bersih.getpixel((900, 550)) == 255
    assert bersih.getpixel((1950, 1245)) < 100  # the scribble is no table line: kept


PK_TERCETAK = r"""
#set page(paper: "a4", margin: 2cm)
#set text(size: 12pt, lang: "id", hyphenate: false)
#align(center)[*PERJANJIAN KINERJA TAHUN 2024*]

Nama : ANDI MAKKASAU, S.Sos

Jabatan : CAMAT BAJENG

Selanjutnya disebut PIHAK PERTAMA

Nama : ADNAN PURICHTA ICHSAN, S.H.

Jabatan : BUPATI GOWA

Selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA

#align(right)[Gowa, 2 Januari 2024]

#grid(
  columns: (1fr, 1fr),
  row-gutter: 8pt,
  [PIHAK KEDUA,], [PIHAK PERTAMA,],
  [#v(1.2cm)], [],
  [ADNAN PURICHTA ICHSAN, S.H.], [ANDI MAKKASAU, S.Sos],
  [], [NIP. 19711010 199312 2 003],
)

#table(
  columns: (1cm, 5cm, 6cm, 3cm),
  inset: 6pt,
  [*No*], [*Sasaran Strategis*], [*Indikator Kinerja*], [*Target*],
  [1], [Meningkatnya kualitas pelayanan publik], [Indeks Kepuasan Masyarakat], [82,5],
  [2], [Meningkatnya akuntabilitas kinerja], [Nilai SAKIP kecamatan], [80],
)
"""


def _pindai(tmp_path: Path, sudut: float = 0.0) -> Image.Image:
    """The page as a scanner gives it: typeset, rendered at 300 dpi in grey, a little askew."""
    (tmp_path / "pk.typ").write_text(PK_TERCETAK, encoding="utf-8")
    typst.compile(str(tmp_path / "pk.typ"), output=str(tmp_path / "pk.pdf"), ignore_system_fonts=True)
    pdf = pypdfium2.PdfDocument(str(tmp_path / "pk.pdf"))
    try:
        gambar = pdf[0].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    return gambar.rotate(sudut, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)


def _pdf_pindaian(tmp_path: Path, gambar: Image.Image) -> Path:
    gambar.save(tmp_path / "halaman.png")
    (tmp_path / "pindaian.typ").write_text(
        '#set page(paper: "a4", margin: 0pt)\n#image("halaman.png", width: 100%)\n', encoding="utf-8"
    )
    keluaran = tmp_path / "pindaian.pdf"
    typst.compile(str(tmp_path / "pindaian.typ"), output=str(keluaran), ignore_system_fonts=True)
    return keluaran


def _periksa(pk) -> None:
    assert pk.ocr and pk.tahun == 2024
    assert (pk.pihak_pertama.nama, pk.pihak_pertama.nip) == ("ANDI MAKKASAU, S.Sos", "197110101993122003")
    assert [(s.uraian, i.uraian, i.target.nilai) for s in pk.sasaran for i in s.indikator] == [
        ("Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", Decimal("82.5")),
        ("Meningkatnya akuntabilitas kinerja", "Nilai SAKIP kecamatan", Decimal("80")),
    ]
    assert (pk.tempat, pk.tanggal) == ("Gowa", "2 Januari 2024")


@perlu_tesseract
def test_a_scanned_pdf_askew_is_read_by_ocr_with_progress(tmp_path):
    pdf = _pdf_pindaian(tmp_path, _pindai(tmp_path, sudut=1.5))
    assert halaman_ocr(pdf.read_bytes(), pdf.name) == 1
    kemajuan: list[tuple[int, int]] = []
    rows = read_pdf(pdf, kemajuan=lambda selesai, jumlah: kemajuan.append((selesai, jumlah)))
    assert kemajuan == [(1, 1)]
    assert all(r.ocr for r in rows)
    assert any(r.tabel is not None for r in rows)  # the ruled table read as a table
    [pk] = pk_text.parse_rows(rows)
    _periksa(pk)


@perlu_tesseract
def test_a_photo_of_the_page_is_read_by_ocr(tmp_path):
    gambar = _pindai(tmp_path).resize((1240, 1754))  # a phone photo: half the resolution
    berkas = io.BytesIO()
    gambar.save(berkas, format="JPEG", quality=90)
    assert halaman_ocr(berkas.getvalue(), "foto.jpg") == 1
    [pk] = pk_text.parse_rows(read_bytes(berkas.getvalue(), "foto.jpg"))
    _periksa(pk)


def test_ocr_name_slips_are_one_info_not_galat():
    """A name misread on one page of a scan is grouped in PK-TTD-009 (info), not PK-TTD-001 (galat)."""
    teks = (
        "PERJANJIAN KINERJA TAHUN 2024\n"
        "Nama\t: ANDI MAKKASAU, S.Sos\nJabatan\t: CAMAT BAJENG\nSelanjutnya disebut PIHAK PERTAMA\n"
        "Nama\t: ADNAN PURICHTA ICHSAN\nJabatan\t: BUPATI GOWA\n"
        "Selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA\n"
        "No\tSasaran\tIndikator Kinerja\tTarget\n1\tMeningkatnya pelayanan\tIndeks Kepuasan Masyarakat\t82,5\n"
        "Gowa, 2 Januari 2024\nPIHAK KEDUA,\tPIHAK PERTAMA,\nADNAN PURICHTA ICHSAN\tANDI MAKKASAV, S.Sos\n"
    )
    [pk] = pk_text.parse(teks)
    kode = lambda p: sorted(t.kode for t in review(p) if t.kode.startswith("PK-TTD"))  # noqa: E731
    assert kode(pk) == ["PK-TTD-001"]  # a text file: a different name is a galat
    ocr_pk = type(pk)(**{**pk.__dict__, "ocr": True})
    assert kode(ocr_pk) == ["PK-TTD-009"]
    [temuan] = [t for t in review(ocr_pk) if t.kode == "PK-TTD-009"]
    assert temuan.tingkat == "info" and "MAKKASAV" in temuan.pesan


def test_an_image_that_is_not_one_gets_a_message(monkeypatch):
    monkeypatch.setattr(ocr, "tersedia", lambda: True)
    with pytest.raises(SourceError, match="gambar tidak dapat dibaca"):
        read_bytes(b"\x89PNG\r\n\x1a\nbukan gambar", "foto.png")


def test_an_image_without_tesseract_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr, "tersedia", lambda: False)
    with pytest.raises(SourceError, match="tesseract-ocr-ind"):
        read_bytes(b"\xff\xd8\xff\xe0 foto", "foto.jpg")

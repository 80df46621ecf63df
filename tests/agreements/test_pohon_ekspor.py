"""The pohon kinerja's exports: the XLSX (one row per indikator, depth, parent, status, the sasaran not
linked apart; text never a formula) and the PDF (the outline, its text literal whatever it holds, any
depth). Trees are built from cascade views directly; one test goes through the database and the page."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from kinerja.agreements import pohon_ekspor
from kinerja.agreements.pohon import HasilPohon, pohon_kinerja
from kinerja.domain import pk as d
from kinerja.domain.cascading import IndikatorJenjang, PKJenjang, SasaranJenjang, pohon
from kinerja.domain.pk import Target
from kinerja.units.models import Unit

pytestmark = pytest.mark.django_db

KEPALA = [
    "Tingkat pohon",
    "Unit",
    "Pejabat",
    "Tingkat sasaran",
    "Sasaran",
    "Indikator",
    "Target",
    "Mendukung",
    "Status",
]
BUPATI = d.Pihak(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", jabatan="Bupati Gowa")
BARIS_KEPALA = 3  # title, summary, header


def ind(id_: int, uraian: str, target: str, mendukung: int | None = None) -> IndikatorJenjang:
    return IndikatorJenjang(id_, uraian, Target(teks=target), mendukung=mendukung)


def sas(id_: int, tingkat: str, uraian: str, *indikator, mendukung: int | None = None) -> SasaranJenjang:
    return SasaranJenjang(id_, tingkat, uraian, mendukung=mendukung, indikator=tuple(indikator))


def pkj(id_: int, unit: str, pihak: str, *sasaran, atasan=None, status="diterbitkan") -> PKJenjang:
    return PKJenjang(id_, unit, pihak, tahun=2024, status=status, atasan=atasan, sasaran=tuple(sasaran))


def hasil(pks: list[PKJenjang], pemda: str = "Kabupaten Gowa") -> HasilPohon:
    return HasilPohon(pemda=Unit(nama=pemda), tahun=2024, pohon=pohon(pks), jumlah_pk=len(pks))


def hasil_kecil() -> HasilPohon:
    """The Bupati's sasaran strategis; below it the camat of Bajeng's (a draft) and below that one of
    his own sasaran without indikator; the camat of Pallangga's sasaran names nothing (not linked)."""
    bupati = pkj(
        1,
        "Kabupaten Gowa",
        "Bupati Gowa",
        sas(
            10,
            "strategis",
            "Meningkatnya kualitas pelayanan publik",
            ind(100, "Indeks Kepuasan Masyarakat", "84,00 (Baik)"),
            ind(101, "Persentase desa mandiri", "25%"),
        ),
    )
    bajeng = pkj(
        2,
        "Kecamatan Bajeng",
        "Camat Bajeng",
        sas(
            20,
            "program",
            "Meningkatnya pelayanan kecamatan",
            ind(200, "IKM Kecamatan", "85,00", mendukung=100),
        ),
        sas(21, "kegiatan", "Terselenggaranya layanan terpadu", mendukung=20),
        atasan=1,
        status="draf",
    )
    pallangga = pkj(
        3,
        "Kecamatan Pallangga",
        "Camat Pallangga",
        sas(30, "program", "Sasaran yang tidak tertaut", ind(300, "Jumlah dokumen", "4 dokumen")),
        atasan=1,
    )
    return hasil([bupati, bajeng, pallangga])


def rantai(kedalaman: int) -> HasilPohon:
    """A chain of PKs `kedalaman` + 1 deep, each sasaran supporting the one above."""
    pks = []
    for k in range(kedalaman + 1):
        pks.append(
            pkj(
                k + 1,
                f"Unit Tingkat {k}",
                f"Kepala Unit Tingkat {k}",
                sas(
                    100 + k,
                    "strategis" if k == 0 else "program",
                    f"Sasaran tingkat {k}",
                    ind(200 + k, f"Indikator tingkat {k}", f"{k} unit", mendukung=199 + k if k else None),
                    mendukung=99 + k if k else None,
                ),
                atasan=k if k else None,
            )
        )
    return hasil(pks)


def buka(isi: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(isi))


def baris_data(ws) -> list[tuple]:
    return [tuple(c.value for c in r) for r in ws.iter_rows(min_row=BARIS_KEPALA + 1)]


def teks_pdf(isi: bytes) -> str:
    """The PDF's text on one line (pdftotext, poppler)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext tidak ditemukan: jalankan `make browser` (apt-get install poppler-utils)")
    keluar = subprocess.run(["pdftotext", "-", "-"], input=isi, capture_output=True, check=True).stdout
    return " ".join(keluar.decode().split())


# ---------------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------------


def test_xlsx_one_row_per_indikator_with_depth_parent_and_status():
    wb = buka(pohon_ekspor.render_xlsx(hasil_kecil()))
    ws = wb["Pohon kinerja"]
    assert wb.sheetnames == ["Pohon kinerja", "Belum tertaut"]
    assert ws["A1"].value == "Pohon Kinerja Kabupaten Gowa Tahun 2024"
    assert [c.value for c in ws[BARIS_KEPALA]] == KEPALA
    assert all(c.font.b for c in ws[BARIS_KEPALA])
    assert ws.freeze_panes == f"A{BARIS_KEPALA + 1}"
    bupati = ("Kabupaten Gowa", "Bupati Gowa", "Sasaran Strategis", "Meningkatnya kualitas pelayanan publik")
    bajeng = ("Kecamatan Bajeng", "Camat Bajeng")
    assert baris_data(ws) == [
        (1, *bupati, "Indeks Kepuasan Masyarakat", "84,00 (Baik)", None, None),
        (1, *bupati, "Persentase desa mandiri", "25%", None, None),
        (
            2,
            *bajeng,
            "Sasaran Program",
            "Meningkatnya pelayanan kecamatan",
            "IKM Kecamatan",
            "85,00",
            "Meningkatnya kualitas pelayanan publik",
            "Draf",
        ),
        # A sasaran without indikator still has its row.
        (
            3,
            *bajeng,
            "Sasaran Kegiatan",
            "Terselenggaranya layanan terpadu",
            None,
            None,
            "Meningkatnya pelayanan kecamatan",
            "Draf",
        ),
    ]
    # The sasaran is indented by its depth.
    assert [ws.cell(row=r, column=5).alignment.indent for r in range(4, 8)] == [0, 0, 1, 2]
    assert ws.column_dimensions["E"].width >= 40


def test_xlsx_lists_the_sasaran_not_linked_apart():
    ws = buka(pohon_ekspor.render_xlsx(hasil_kecil()))["Belum tertaut"]
    assert [c.value for c in ws[BARIS_KEPALA]] == ["Perjanjian kinerja", *KEPALA]
    assert baris_data(ws) == [
        (
            "PK 2024 Camat Pallangga (Kecamatan Pallangga)",
            1,
            "Kecamatan Pallangga",
            "Camat Pallangga",
            "Sasaran Program",
            "Sasaran yang tidak tertaut",
            "Jumlah dokumen",
            "4 dokumen",
            None,
            None,
        )
    ]


def test_xlsx_without_anything_not_linked_has_one_sheet():
    wb = buka(pohon_ekspor.render_xlsx(rantai(1)))
    assert wb.sheetnames == ["Pohon kinerja"]
    assert [r[0] for r in baris_data(wb["Pohon kinerja"])] == [1, 2]


@pytest.mark.parametrize(
    ("teks", "awalan_kutip"),
    [
        ("=1+1", True),
        ('=HYPERLINK("http://contoh.invalid","klik")', True),
        ("+62 811 000", True),
        ("-5 unit", True),
        ("@SUM(A1:A2)", True),
        ("\t=1+1", True),
        ("#N/A", False),  # an error code, were it not typed as text
        ("Indeks Kepuasan", False),
    ],
)
def test_xlsx_text_is_never_a_formula(teks, awalan_kutip):
    pks = [pkj(1, "Kabupaten Gowa", "Bupati Gowa", sas(10, "strategis", teks, ind(100, teks, teks)))]
    isi = pohon_ekspor.render_xlsx(hasil(pks))
    ws = buka(isi)["Pohon kinerja"]
    for kolom in (5, 6, 7):  # sasaran, indikator, target
        sel = ws.cell(row=BARIS_KEPALA + 1, column=kolom)
        assert (sel.value, sel.data_type, sel.quotePrefix) == (teks, "s", awalan_kutip)
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_drops_characters_a_worksheet_cannot_hold():
    kotor = "Indeks\x00 Kepuasan\x0b Masyarakat\x1f\ud800\ufffe"
    pks = [
        pkj(1, "Kabupaten\x01 Gowa", "Bupati Gowa", sas(10, "strategis", kotor, ind(100, kotor, "84\x00")))
    ]
    ws = buka(pohon_ekspor.render_xlsx(hasil(pks)))["Pohon kinerja"]
    [baris] = baris_data(ws)
    assert baris[1] == "Kabupaten Gowa"
    assert baris[4] == baris[5] == "Indeks Kepuasan Masyarakat"
    assert baris[6] == "84"


def test_xlsx_of_a_deep_tree():
    ws = buka(pohon_ekspor.render_xlsx(rantai(8)))["Pohon kinerja"]
    baris = baris_data(ws)
    assert [b[0] for b in baris] == list(range(1, 10))
    assert baris[-1][4:8] == ("Sasaran tingkat 8", "Indikator tingkat 8", "8 unit", "Sasaran tingkat 7")
    assert ws.cell(row=BARIS_KEPALA + 9, column=5).alignment.indent == 8


# ---------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------


def test_pdf_holds_the_outline_and_what_is_not_linked():
    isi = pohon_ekspor.render_pdf(hasil_kecil())
    assert isi.startswith(b"%PDF")
    teks = teks_pdf(isi)
    for harus in (
        "Pohon Kinerja Kabupaten Gowa Tahun 2024",
        "3 perjanjian kinerja",
        "Kecamatan Bajeng · Camat Bajeng · Sasaran Program Draf",
        "1.1 Meningkatnya pelayanan kecamatan",
        "IKM Kecamatan",
        "85,00",
        "mendukung: Indeks Kepuasan Masyarakat",
        "1 Meningkatnya kualitas pelayanan publik",
        "Indeks Kepuasan Masyarakat",
        "84,00 (Baik)",
        "1.1.1 Terselenggaranya layanan terpadu",
        "Sasaran yang belum tertaut",
        "PK 2024 Camat Pallangga (Kecamatan Pallangga)",
        "Sasaran yang tidak tertaut",
        "4 dokumen",
        "Halaman 1 dari 1",
    ):
        assert harus in teks, harus
    # The tree comes before the sasaran not linked.
    assert teks.index("Terselenggaranya layanan terpadu") < teks.index("Sasaran yang belum tertaut")


@pytest.mark.parametrize(
    "aneh",
    [
        "#set page(width: 1cm) $x^2$ *tebal* _miring_",
        "@rujukan <label> [kurung] \\ garis miring",
        '"kutip" #{panic("meledak")} `kode` ~ //bukan komentar',
        "=1+1 & 50% < 60% > 40% = #1",
    ],
)
def test_pdf_text_is_literal(aneh):
    pks = [
        pkj(
            1,
            "Kabupaten Gowa",
            f"Bupati {aneh}",
            sas(10, "strategis", f"Sasaran {aneh}", ind(100, f"Indikator {aneh}", f"9 {aneh}")),
        )
    ]
    teks = teks_pdf(pohon_ekspor.render_pdf(hasil(pks)))
    for harus in (f"Bupati {aneh}", f"1 Sasaran {aneh}", f"Indikator {aneh}", f"9 {aneh}"):
        assert harus in teks, harus


def test_pdf_survives_control_characters_and_overlong_words():
    panjang = "x" * 400
    pks = [
        pkj(
            1,
            "Kabupaten Gowa",
            "Bupati\x00 Gowa",
            sas(
                10, "strategis", f"Sasaran\x0b\u2028baru {panjang}", ind(100, "Indikator\ud800", "5\x1f unit")
            ),
        )
    ]
    teks = teks_pdf(pohon_ekspor.render_pdf(hasil(pks)))
    assert "Kabupaten Gowa · Bupati Gowa" in teks
    assert "Sasaran baru" in teks and "Indikator" in teks and "5 unit" in teks
    # The long word breaks over lines (zero-width spaces) instead of running off the page.
    assert teks.replace("\u200b", "").replace(" ", "").count(panjang) == 1


def test_pdf_of_a_deep_tree():
    teks = teks_pdf(pohon_ekspor.render_pdf(rantai(8)))
    assert "1.1.1.1.1.1.1.1.1 Sasaran tingkat 8" in teks
    assert "Indikator tingkat 8" in teks and "mendukung: Indikator tingkat 7" in teks


def test_pdf_of_a_very_deep_tree_keeps_its_indent_on_the_page():
    teks = teks_pdf(pohon_ekspor.render_pdf(rantai(40)))
    assert "Sasaran tingkat 40" in teks and "Indikator tingkat 40" in teks


def test_empty_tree():
    kosong = hasil([])
    assert "Belum ada sasaran dalam pohon kinerja ini." in teks_pdf(pohon_ekspor.render_pdf(kosong))
    wb = buka(pohon_ekspor.render_xlsx(kosong))
    assert wb.sheetnames == ["Pohon kinerja"] and baris_data(wb["Pohon kinerja"]) == []


# ---------------------------------------------------------------------------------------------------
# File name, database, page
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pemda", "format_", "nama"),
    [
        ("Kabupaten Gowa", "pdf", "Pohon-Kinerja-2024-Kabupaten-Gowa.pdf"),
        ("Kabupaten Gowa", "xlsx", "Pohon-Kinerja-2024-Kabupaten-Gowa.xlsx"),
        ("Kota  Pare-Pare", "pdf", "Pohon-Kinerja-2024-Kota-Pare-Pare.pdf"),
        ("Kab. Kepulauan Selayar", "pdf", "Pohon-Kinerja-2024-Kab.-Kepulauan-Selayar.pdf"),
        ('Kabupaten Bonë "Uji"/\\;\r\n<x>', "pdf", "Pohon-Kinerja-2024-Kabupaten-Bone-Uji-x.pdf"),
        ("東京", "xlsx", "Pohon-Kinerja-2024.xlsx"),
    ],
)
def test_nama_berkas(pemda, format_, nama):
    assert pohon_ekspor.nama_berkas(hasil([], pemda), format_) == nama


def test_exports_of_stored_pks(pemda, unit_a, pk_factory, anonymous):
    pk_factory(pemda, n_indikator=3, pihak_pertama=BUPATI)
    pk_factory(unit_a, n_indikator=3, draft=True)  # a draft: not for the public
    h = pohon_kinerja(pemda, 2024, anonymous)
    wb = buka(pohon_ekspor.render_xlsx(h))
    [akar] = baris_data(wb["Pohon kinerja"])
    assert akar[1:7] == (
        "Kabupaten Gowa",
        "Bupati Gowa",
        "Sasaran Strategis",
        "Sasaran strategis nomor 1",
        "Indeks Kepuasan Masyarakat (IKM)",
        "84,00 (Balk)",
    )
    # Its sasaran program and kegiatan name nothing they support.
    assert [b[5] for b in baris_data(wb["Belum tertaut"])] == [
        "Sasaran program nomor 2",
        "Sasaran kegiatan nomor 3",
    ]
    teks = teks_pdf(pohon_ekspor.render_pdf(h))
    assert "Sasaran strategis nomor 1" in teks and "Kecamatan Bajeng" not in teks


@pytest.mark.parametrize(
    ("format_", "mime", "awal"),
    [
        ("pdf", "application/pdf", b"%PDF"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ],
)
def test_the_page_serves_the_exports(client, pemda, pk_factory, format_, mime, awal):
    pk_factory(pemda, n_indikator=3, pihak_pertama=BUPATI)
    r = client.get("/pohon/", {"tahun": 2024, "format": format_})
    assert r.status_code == 200 and r["Content-Type"] == mime and r.content.startswith(awal)
    assert f'filename="Pohon-Kinerja-2024-Kabupaten-Gowa.{format_}"' in r["Content-Disposition"]

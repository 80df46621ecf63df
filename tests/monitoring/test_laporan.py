"""The reports of monitoring: the triwulan report and the LKjIP draft, as page, PDF, DOCX and XLSX.

Realisasi are entered through the services (as an operator would), then each format is read back:
the page shows the numbers and their formulas, the PDF's text (pdftotext) and the DOCX's tables hold
the capaian and the unit, the XLSX holds numbers as numbers and user text never as a formula.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal as D

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.agreements.models import Indikator, Program
from kinerja.domain import pantau
from kinerja.monitoring import laporan as lap
from kinerja.monitoring import layanan as m
from kinerja.monitoring.models import Realisasi, StatusRealisasi
from tests.conftest import _user
from tests.monitoring.conftest import HARI_TW1

HARI_TW2 = date(2024, 7, 5)
KENDALA = '=HYPERLINK("http://contoh.invalid","klik")'
MIME_PDF = "application/pdf"
MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Kecamatan Bajeng's three programs (tests/conftest.py ANGGARAN_BAJENG): 5.204.765.371,00 in all.
TOTAL_PAGU = "5.204.765.371,00"


def teks_pdf(isi: bytes) -> str:
    """The PDF's text on one line (pdftotext, poppler)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext tidak ditemukan: jalankan `make browser` (apt-get install poppler-utils)")
    keluar = subprocess.run(["pdftotext", "-", "-"], input=isi, capture_output=True, check=True).stdout
    return " ".join(keluar.decode().split())


def teks_docx(isi: bytes) -> str:
    """Every paragraph and table cell of a DOCX, one line."""
    from docx import Document

    doc = Document(io.BytesIO(isi))
    bagian = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for r in t.rows:
            bagian.extend(c.text for c in r.cells)
    return " ".join(" ".join(bagian).split())


def program(pk):
    return list(Program.objects.filter(perjanjian=pk).order_by("urutan", "pk"))


@pytest.fixture
def terisi(pk_pantau, indikator, operator_a, verifikator):
    """TW I entered: IKM 80,33 of 84 and 92,5 of 100% verified, 6 of 8 unit submitted only; the second
    program spent Rp500.000.000 in TW I and Rp250.000.000 in TW II."""
    m.simpan_realisasi(indikator[0], 1, operator_a, nilai=D("80.33"), hari_ini=HARI_TW1)
    m.simpan_realisasi(
        indikator[1],
        1,
        operator_a,
        nilai=D("92.5"),
        kendala=KENDALA,
        upaya="Lembur akhir pekan",
        hari_ini=HARI_TW1,
    )
    m.simpan_realisasi(indikator[2], 1, operator_a, nilai=D(6), kendala="Sarana rusak", hari_ini=HARI_TW1)
    m.ajukan_triwulan(pk_pantau, 1, operator_a, hari_ini=HARI_TW1)
    for ind in indikator[:2]:
        m.verifikasi(Realisasi.objects.get(indikator=ind, triwulan=1), verifikator)
    p = program(pk_pantau)
    m.simpan_realisasi_anggaran(p[1], 1, operator_a, nilai=D("500000000"), hari_ini=HARI_TW1)
    m.simpan_realisasi_anggaran(p[1], 2, operator_a, nilai=D("250000000"), hari_ini=HARI_TW2)
    return pk_pantau


def url_tw(pk, tw=1, **q):
    url = reverse("monitoring:laporan_triwulan", args=[pk.pk, tw])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in q.items()) if q else "")


def url_lkjip(pk, **q):
    url = reverse("monitoring:lkjip", args=[pk.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in q.items()) if q else "")


# ---------------------------------------------------------------------------------------------------
# The context
# ---------------------------------------------------------------------------------------------------


def test_triwulan_context_capaian_formula_category_and_narrative(terisi):
    lap_ = lap.laporan_triwulan(terisi, 1, HARI_TW1)
    assert lap_.kepala.judul == "Laporan Pengukuran Kinerja Triwulan I Tahun 2024"
    assert (lap_.kepala.unit, lap_.kepala.pemda, lap_.kepala.pihak_pertama) == (
        "Kecamatan Bajeng",
        "Kabupaten Gowa",
        "SITI HAERANI, S.SOS",
    )
    [ikm], [persen], [unit] = (s.indikator for s in lap_.sasaran)
    assert (ikm.realisasi, ikm.target, ikm.capaian.teks, ikm.capaian.kode) == ("80,33", "84", "95,63", "ST")
    assert persen.capaian.rumus == "R ÷ T × 100 = 92,5 ÷ 100 × 100 = 92,50%"
    assert (persen.capaian.label, persen.capaian.tanda) == ("Sangat Tinggi", "▲▲")
    assert (persen.kendala, persen.upaya, persen.terverifikasi) == (KENDALA, "Lembur akhir pekan", True)
    assert (unit.capaian.teks, unit.capaian.kode, unit.terverifikasi, unit.status) == (
        "75,00",
        "S",
        False,
        "Diajukan",
    )
    assert lap_.belum_terverifikasi == 1
    # one sasaran per indikator here: the sasaran's capaian is its indikator's, with its own formula
    assert lap_.sasaran[2].capaian.rumus == "rata-rata capaian 1 indikator = (75,00) ÷ 1 = 75,00%"
    assert lap_.capaian.teks == "87,71"  # (95,63 + 92,50 + 75,00) ÷ 3
    # every capaian printed has a note: 3 indikator, 3 sasaran, the whole
    assert [c.nomor for c in lap_.catatan] == list(range(1, 8))
    assert lap_.catatan[persen.capaian.catatan - 1].rumus == persen.capaian.rumus


def test_triwulan_budget_up_to_the_triwulan_and_program_totals(terisi):
    a1 = lap.laporan_triwulan(terisi, 1, HARI_TW2).anggaran
    a2 = lap.laporan_triwulan(terisi, 2, HARI_TW2).anggaran
    assert [b.realisasi for b in a1.baris] == [None, D(500000000), None]
    assert a2.baris[1].realisasi_teks == "750.000.000,00"
    assert a2.baris[1].serapan == pantau.serapan(D("1521097505.00"), D(750000000))
    assert (a2.pagu_teks, a2.realisasi_teks) == (TOTAL_PAGU, "750.000.000,00")


def test_triwulan_to_date_sums_when_declared(terisi, indikator, operator_a):
    m.simpan_rencana(
        indikator[2],
        operator_a,
        konsolidasi="jumlah",
        sifat_target="triwulanan",
        target_tw1=D(3),
        target_tw2=D(3),
    )
    m.simpan_realisasi(indikator[2], 2, operator_a, nilai=D(2), hari_ini=HARI_TW2)
    [unit] = lap.laporan_triwulan(terisi, 2, HARI_TW2).sasaran[2].indikator
    assert (unit.target, unit.realisasi) == ("6", "8")  # 3 + 3 planned, 6 + 2 realised
    assert unit.capaian.rumus == "R ÷ T × 100 = 8 ÷ 6 × 100 = 133,33%"
    assert not unit.terverifikasi  # TW I is submitted only, TW II a draft: both count


def test_future_triwulan_is_all_dashes(terisi):
    lap_ = lap.laporan_triwulan(terisi, 4, HARI_TW1)
    ind = [i for s in lap_.sasaran for i in s.indikator]
    assert {i.realisasi for i in ind} == {"–"} and {i.capaian.teks for i in ind} == {"–"}
    assert {i.status for i in ind} == {"Belum diisi"}
    assert lap_.capaian.rumus == "belum ada capaian indikator"


def test_lkjip_context(terisi, indikator, sistem):
    p = program(terisi)
    sasaran = list(terisi.sasaran.order_by("urutan", "pk"))
    p[1].sasaran.add(sasaran[1], sasaran[2])
    d = lap.lkjip(terisi, HARI_TW2)
    assert d.kepala.judul == "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2024"
    assert [s.uraian for s in d.rencana] == [s.uraian for s in sasaran]
    assert [i.target for s in d.rencana for i in s.indikator] == ["84,00 (Balk)", "100%", "8 unit"]
    ikm = d.capaian[0].indikator[0]
    assert (ikm.realisasi, ikm.capaian.teks, ikm.renstra) == ("80,33", "95,63", "–")
    # last year: the baseline of 2023 quoted in the penjelasan
    assert (ikm.lalu, ikm.lalu_sumber) == ("80,33", "baseline PK")
    assert d.capaian[1].indikator[0].narasi == [lap.Narasi("I", KENDALA, "Lembur akhir pekan")]
    assert d.capaian[1].program == [p[1].nama]
    # efficiency: the program serves sasaran 2 (92,50) and 3 (75,00): 83,75 against 49,31% absorbed
    e = d.efisiensi[1]
    assert (e.sasaran, e.capaian_teks, e.serapan_teks) == ("2, 3", "83,75", "49,31")
    assert e.indeks == pantau.indeks_efisiensi(D("83.75"), D("49.31"))
    assert d.efisiensi[0].capaian_teks == "–"
    assert (d.anggaran.pagu_teks, d.anggaran.realisasi_teks, d.program.realisasi) == (
        TOTAL_PAGU,
        "750.000.000,00",
        None,
    )
    assert all(i.petunjuk.startswith("[Diisi oleh unit: ") for i in d.isian.values())
    assert d.triwulan_terisi == 1
    assert "87,71%" in d.ringkasan and "Rp750.000.000,00" in d.ringkasan
    assert d.lampiran.startswith("Perjanjian Kinerja Murni Tahun 2024 Kecamatan Bajeng")


def test_lkjip_last_year_from_the_indikator_it_continues(terisi, indikator, pk_factory, unit_a):
    lama = pk_factory(unit_a, tahun=2023)
    asal = Indikator.objects.filter(sasaran__perjanjian=lama).order_by("sasaran__urutan", "urutan", "pk")[1]
    for tw, nilai in ((2, D(90)), (4, D("97.5"))):
        Realisasi.objects.create(
            indikator=asal, triwulan=tw, nilai=nilai, status=StatusRealisasi.TERVERIFIKASI
        )
    Indikator.objects.filter(pk=indikator[1].pk).update(asal=asal)
    d = lap.lkjip(terisi, HARI_TW2)
    lalu = [(i.lalu, i.lalu_sumber) for s in d.capaian for i in s.indikator]
    assert lalu == [("80,33", "baseline PK"), ("97,5", "realisasi 2023"), ("80,33", "baseline PK")]


def test_file_names(terisi):
    assert lap.nama_berkas_triwulan(terisi, 2, "pdf") == "laporan-tw2-2024-kecamatan-bajeng.pdf"
    assert lap.nama_berkas_lkjip(terisi, "docx") == "lkjip-2024-kecamatan-bajeng.docx"


# ---------------------------------------------------------------------------------------------------
# The triwulan report: page and downloads
# ---------------------------------------------------------------------------------------------------


def test_triwulan_page_shows_numbers_formula_and_marks(client_as, operator_a, terisi):
    r = client_as(operator_a).get(url_tw(terisi))
    assert r.status_code == 200
    html = r.content.decode()
    for harus in (
        "Laporan Pengukuran Kinerja Triwulan I Tahun 2024",
        "Kecamatan Bajeng",
        "Kabupaten Gowa",
        "SITI HAERANI, S.SOS",
        'title="R ÷ T × 100 = 92,5 ÷ 100 × 100 = 92,50%"',  # the formula one hover away …
        'href="#rumus-',  # … and one footnote away
        "92,50",
        "95,63",
        "Sangat Tinggi",
        "▲▲",
        "Lembur akhir pekan",
        "=HYPERLINK(&quot;http://contoh.invalid&quot;,&quot;klik&quot;)",
        "belum terverifikasi",
        "500.000.000,00",
        TOTAL_PAGU,
        '<th scope="col">',
        "<caption",
        'class="gulir"',
        "?format=pdf",
    ):
        assert harus in html, harus


def test_triwulan_pdf(client_as, operator_a, terisi):
    r = client_as(operator_a).get(url_tw(terisi, format="pdf"))
    assert r.status_code == 200 and r["Content-Type"] == MIME_PDF
    assert r["Content-Disposition"] == 'attachment; filename="laporan-tw1-2024-kecamatan-bajeng.pdf"'
    assert r.content.startswith(b"%PDF")
    teks = teks_pdf(r.content)
    for harus in (
        "LAPORAN PENGUKURAN KINERJA TRIWULAN I TAHUN 2024",
        "Kecamatan Bajeng",
        "92,50",
        "95,63",
        "Sangat Tinggi",
        "R ÷ T × 100 = 92,5 ÷ 100 × 100 = 92,50%",
        "Rumus capaian",
        '=HYPERLINK("http://',  # printed as text (it wraps in its narrow column)
        "Lembur akhir pekan",
        "500.000.000,00",
        TOTAL_PAGU,
        "SITI HAERANI, S.SOS",
    ):
        assert harus in teks, harus


def test_triwulan_docx(client_as, operator_a, terisi):
    r = client_as(operator_a).get(url_tw(terisi, format="docx"))
    assert r.status_code == 200 and r["Content-Type"] == MIME_DOCX
    assert 'filename="laporan-tw1-2024-kecamatan-bajeng.docx"' in r["Content-Disposition"]
    teks = teks_docx(r.content)
    for harus in (
        "LAPORAN PENGUKURAN KINERJA TRIWULAN I TAHUN 2024",
        "Kecamatan Bajeng",
        "80,33",
        "92,50",
        "▲▲ Sangat Tinggi",
        "75,00",
        "6*",  # submitted, not verified
        KENDALA,
        "R ÷ T × 100 = 92,5 ÷ 100 × 100 = 92,50%",
        "500.000.000,00",
        TOTAL_PAGU,
    ):
        assert harus in teks, harus
    assert "{{" not in teks and "{%" not in teks


def test_triwulan_xlsx_numbers_are_numbers_and_text_is_never_a_formula(client_as, operator_a, terisi):
    r = client_as(operator_a).get(url_tw(terisi, format="xlsx"))
    assert r.status_code == 200 and r["Content-Type"] == MIME_XLSX
    assert 'filename="laporan-tw1-2024-kecamatan-bajeng.xlsx"' in r["Content-Disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["Pengukuran", "Anggaran"]
    ws = wb["Pengukuran"]
    baris = {row[0].value: row for row in ws.iter_rows(min_row=7)}
    persen = baris["2.1"]
    assert [c.value for c in persen[4:7]] == [100, 92.5, 92.5]  # target, realisasi, capaian: numbers
    assert persen[6].number_format == "#,##0.00"
    assert persen[9].value == "R ÷ T × 100 = 92,5 ÷ 100 × 100 = 92,50%"
    kendala = persen[10]
    assert (kendala.value, kendala.data_type, kendala.quotePrefix) == (KENDALA, "s", True)
    assert baris["1.1"][5].value == 80.33
    ang = {row[2].value: row for row in wb["Anggaran"].iter_rows(min_row=7)}
    jumlah = ang["Jumlah (program)"]
    assert [c.value for c in jumlah[4:6]] == [5204765371, 500000000]
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        for nama in z.namelist():
            if nama.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(nama).decode()


# ---------------------------------------------------------------------------------------------------
# The LKjIP draft: page and downloads
# ---------------------------------------------------------------------------------------------------


def test_lkjip_page(client_as, verifikator, terisi):
    r = client_as(verifikator).get(url_lkjip(terisi))
    assert r.status_code == 200
    html = r.content.decode()
    for harus in (
        "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2024",
        "Kata Pengantar",
        "Ringkasan Eksekutif",
        "BAB I Pendahuluan",
        "BAB II Perencanaan Kinerja",
        "BAB III Akuntabilitas Kinerja",
        "BAB IV Penutup",
        "[Diisi oleh unit: ",
        "Realisasi tahun lalu",
        "Target akhir Renstra",
        "Indeks efisiensi",
        'title="R ÷ T × 100 = 80,33 ÷ 84 × 100 = 95,63%"',
        "Lembur akhir pekan",
        TOTAL_PAGU,
        reverse("documents:pk_unduh", args=[terisi.pk, "pdf"]),
    ):
        assert harus in html, harus


@pytest.mark.parametrize("format_", ["pdf", "docx"])
def test_lkjip_documents(client_as, operator_a, terisi, format_):
    r = client_as(operator_a).get(url_lkjip(terisi, format=format_))
    assert r.status_code == 200 and r["Content-Type"] == (MIME_PDF if format_ == "pdf" else MIME_DOCX)
    assert f'filename="lkjip-2024-kecamatan-bajeng.{format_}"' in r["Content-Disposition"]
    teks = teks_pdf(r.content) if format_ == "pdf" else teks_docx(r.content)
    for harus in (
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        "KECAMATAN BAJENG",
        "KATA PENGANTAR",
        "RINGKASAN EKSEKUTIF",
        "PENDAHULUAN",
        "PERENCANAAN KINERJA",
        "AKUNTABILITAS KINERJA",
        "PENUTUP",
        "LAMPIRAN",
        "[Diisi oleh unit: kata pengantar pimpinan unit.]",
        "Sasaran 2: Sasaran program nomor 2",
        "95,63",
        "Sangat Tinggi",
        "Realisasi tahun lalu",
        "R ÷ T × 100 = 80,33 ÷ 84 × 100 = 95,63%",
        "Lembur akhir pekan",
        TOTAL_PAGU,
        "Perjanjian Kinerja Murni Tahun 2024 Kecamatan Bajeng",
    ):
        assert harus in teks, harus


def test_lkjip_xlsx(client_as, operator_a, terisi):
    r = client_as(operator_a).get(url_lkjip(terisi, format="xlsx"))
    assert r.status_code == 200 and r["Content-Type"] == MIME_XLSX
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == [
        "Perencanaan",
        "Program",
        "Capaian",
        "Kendala dan upaya",
        "Efisiensi",
        "Anggaran",
    ]
    cap = {row[0].value: row for row in wb["Capaian"].iter_rows(min_row=7)}
    assert [c.value for c in cap["1.1"][3:8]] == [84, 80.33, 95.63, "Sangat Tinggi", 80.33]
    assert cap["1.1"][8].value == "–"
    narasi = list(wb["Kendala dan upaya"].iter_rows(min_row=7, values_only=True))
    assert (KENDALA, "Lembur akhir pekan") in [(n[3], n[4]) for n in narasi]
    sel = next(c for row in wb["Kendala dan upaya"].iter_rows(min_row=7) for c in row if c.value == KENDALA)
    assert (sel.data_type, sel.quotePrefix) == ("s", True)
    jumlah = {row[2].value: row for row in wb["Anggaran"].iter_rows(min_row=7)}["Jumlah (program)"]
    assert [c.value for c in jumlah[4:7]] == [5204765371, 750000000, 14.41]


def test_documents_are_indonesian_in_an_english_interface(client_as, operator_a, terisi):
    c = client_as(operator_a)
    c.post(reverse("set_language"), {"language": "en", "next": "/"})
    teks = teks_pdf(c.get(url_tw(terisi, format="pdf")).content)
    assert "Rumus capaian" in teks and "Sangat Tinggi" in teks
    for url in (url_tw(terisi), url_lkjip(terisi)):  # the pages follow the interface
        r = c.get(url)
        assert r.status_code == 200 and '<html lang="en">' in r.content.decode()


# ---------------------------------------------------------------------------------------------------
# Who may read, what is refused
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("halaman", ["tw", "lkjip"])
@pytest.mark.parametrize("format_", ["", "pdf", "xlsx"])
def test_others_may_not_read_the_monitoring(client, client_as, operator_b, pk_pantau, halaman, format_):
    q = {"format": format_} if format_ else {}
    url = url_tw(pk_pantau, **q) if halaman == "tw" else url_lkjip(pk_pantau, **q)
    anonim = client.get(url)
    assert anonim.status_code == 302 and anonim["Location"].startswith(reverse("masuk"))
    assert client_as(operator_b).get(url).status_code == 403  # the PK is public, its monitoring is not
    assert client_as(_user("tanpa_peran", None, None)).get(url).status_code == 403


def test_those_above_may_read(client_as, inspektur, verifikator, pimpinan_a, terisi):
    for user in (inspektur, verifikator, pimpinan_a):
        assert client_as(user).get(url_tw(terisi)).status_code == 200


def test_refusals(client_as, operator_a, admin_pemda, pk_pantau, pk_factory, unit_a):
    c = client_as(operator_a)
    assert c.get(url_tw(pk_pantau, 5)).status_code == 404
    assert c.get(url_tw(pk_pantau, 0)).status_code == 404
    assert c.get(url_tw(pk_pantau, format="odt")).status_code == 404
    assert c.get(reverse("monitoring:lkjip", args=[999999])).status_code == 404
    draf = pk_factory(unit_a, draft=True, tahun=2025)
    assert client_as(admin_pemda).get(url_lkjip(draf)).status_code == 404  # never signed: no monitoring


# ---------------------------------------------------------------------------------------------------
# Queries: a fixed number, whatever the PK's size
# ---------------------------------------------------------------------------------------------------


def _isi_semua(pk) -> None:
    """Every indikator with a realisasi and a narrative in TW I, every program with a budget realisasi."""
    for n, ind in enumerate(Indikator.objects.filter(sasaran__perjanjian=pk)):
        Realisasi.objects.create(
            indikator=ind, triwulan=1, nilai=D(n + 1), kendala="k", upaya="u", status=StatusRealisasi.DIAJUKAN
        )
    from kinerja.monitoring.models import RealisasiAnggaran

    for p in program(pk):
        RealisasiAnggaran.objects.create(program=p, triwulan=1, nilai=D(1000))
        p.sasaran.add(*pk.sasaran.all())


def _jumlah_query(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200
    return len(q)


@pytest.mark.parametrize("format_", ["", "xlsx"])
def test_queries_do_not_grow_with_the_pk(client_as, verifikator, pk_factory, unit_a, unit_b, format_):
    kecil = pk_factory(unit_a, n_indikator=3)
    besar = pk_factory(unit_b, n_indikator=30)
    for pk in (kecil, besar):
        _isi_semua(pk)
    c = client_as(verifikator)
    q = {"format": format_} if format_ else {}
    c.get(url_tw(kecil, **q))  # warm: the session, the roles
    assert _jumlah_query(c, url_tw(kecil, **q)) == _jumlah_query(c, url_tw(besar, **q))
    assert _jumlah_query(c, url_lkjip(kecil, **q)) == _jumlah_query(c, url_lkjip(besar, **q))


MARKUP = "#set page(width: 1cm) $x^2$ *tebal* [kurung] <b>&amp; \\ `kode`"


def test_predicate_and_markup_in_every_format(client_as, operator_a, pk_pantau, indikator):
    """A predicate target ("BB") is compared through its scale; text that is markup in Typst, HTML or
    Word prints as it is written."""
    Indikator.objects.filter(pk=indikator[2].pk).update(
        target_nilai=None, target_predikat="BB", target_teks="BB"
    )
    indikator[2].refresh_from_db()
    m.simpan_realisasi(indikator[2], 1, operator_a, predikat="B", kendala=MARKUP, hari_ini=HARI_TW1)
    [unit] = lap.laporan_triwulan(pk_pantau, 1, HARI_TW1).sasaran[2].indikator
    assert (unit.target, unit.realisasi, unit.target_nilai, unit.capaian.teks) == ("BB", "B", None, "80,00")
    assert unit.capaian.rumus.startswith("peringkat R ÷ peringkat T × 100 = 4 (B) ÷ 5 (BB) × 100")
    c = client_as(operator_a)
    assert (
        "#set page(width: 1cm) $x^2$ *tebal* [kurung] &lt;b&gt;&amp;amp;"
        in c.get(url_tw(pk_pantau)).content.decode()
    )
    for format_, baca in (("pdf", teks_pdf), ("docx", teks_docx)):
        for url in (url_tw(pk_pantau, format=format_), url_lkjip(pk_pantau, format=format_)):
            teks = baca(c.get(url).content)
            assert "#set page(width: 1cm) $x^2$ *tebal*" in teks, url
            assert "80,00" in teks and "BB" in teks, url
    ws = openpyxl.load_workbook(io.BytesIO(c.get(url_tw(pk_pantau, format="xlsx")).content))["Pengukuran"]
    baris = {row[0].value: [x.value for x in row] for row in ws.iter_rows(min_row=7)}
    assert baris["3.1"][4:7] == ["BB", "B", 80]

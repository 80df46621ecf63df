"""The rest of the SKM (issue 5): the PK link, the results pages, bulk import, follow-ups, poster, report."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.agreements.otomatis import IndikatorPK, nilai_otomatis
from kinerja.domain import skm_file
from kinerja.surveys import impor, services
from kinerja.surveys.hasil import data_hasil, data_tahunan
from kinerja.surveys.models import Agregat, Respons, TindakLanjut
from kinerja.surveys.pk_link import IKM, RESPONDEN, TINDAK_LANJUT, jenis_indikator, nilai_skm
from kinerja.surveys.tindak_lanjut import persentase_tindak_lanjut
from tests.surveys.conftest import jawaban_penuh

pytestmark = pytest.mark.django_db

NILAI = [4, 3, 3, 4, 2, 4, 4, 3, 3]


def _isi(periode, n=4, layanan=None, nilai=None):
    for i in range(n):
        data = jawaban_penuh(nilai or NILAI)
        data["jenis_kelamin"] = "Laki-laki" if i % 2 else "Perempuan"
        data["pendidikan"] = "SMA"
        if layanan:
            data["jenis_layanan"] = layanan[i % len(layanan)]
        services.kirim_respons(periode, data)


def _tertutup(buat_periode, unit, pimpinan, *, judul, mulai, selesai, nilai=None, n=4, jenis="semester"):
    p = buat_periode(unit, judul=judul, tanggal_mulai=mulai, tanggal_selesai=selesai, jenis=jenis)
    _isi(p, n, nilai=nilai)
    services.tutup_periode(p, pimpinan)
    return p


# --------------------------------------------------------------------------------------------------
# 6. The PK link
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uraian", "jenis"),
    [
        ("Indeks Kepuasan Masyarakat (IKM)", IKM),
        ("Nilai IKM pelayanan kecamatan", IKM),
        ("Meningkatnya kepuasan masyarakat", IKM),
        ("Jumlah pengguna layanan yang mengisi kuesioner", RESPONDEN),
        ("Jumlah responden SKM", RESPONDEN),
        ("Persentase hasil SKM yang ditindaklanjuti", TINDAK_LANJUT),
        ("Persentase layanan sesuai standar", None),
        ("Persentase temuan yang ditindaklanjuti", None),
    ],
)
def test_indicators_are_recognised_by_their_words(uraian, jenis):
    assert jenis_indikator(uraian) == jenis


def _indikator(n):
    jenis = [
        ("Indeks Kepuasan Masyarakat (IKM)", "84,00 (Baik)"),
        ("Jumlah pengguna layanan yang mengisi kuesioner", "300 orang"),
        ("Persentase hasil SKM yang ditindaklanjuti", "100%"),
        ("Persentase layanan sesuai standar", "100%"),
    ]
    return [IndikatorPK(f"sasaran[{i}].indikator[0]", *jenis[i % 4]) for i in range(n)]


def test_the_pk_shows_the_latest_closed_ikm_respondents_and_follow_ups(
    buat_periode, unit_a, unit_b, pimpinan_a, admin_pemda, django_assert_num_queries
):
    tahun = 2024
    _tertutup(
        buat_periode,
        unit_a,
        pimpinan_a,
        judul="Semester I 2024",
        mulai=date(2024, 1, 1),
        selesai=date(2024, 6, 30),
        nilai=[3] * 9,
    )
    s2 = _tertutup(
        buat_periode,
        unit_a,
        pimpinan_a,
        judul="Semester II 2024",
        mulai=date(2024, 7, 1),
        selesai=date(2024, 12, 31),
    )
    _tertutup(
        buat_periode,
        unit_b,
        admin_pemda,
        judul="Semester II 2024",
        mulai=date(2024, 7, 1),
        selesai=date(2024, 12, 31),
        nilai=[4] * 9,
    )  # another unit: not shown
    TindakLanjut.objects.create(
        periode=s2,
        kode_unsur="U5",
        uraian="Percepat",
        penanggung_jawab="Sekcam",
        target_waktu=date(2025, 3, 1),
        status="selesai",
    )
    TindakLanjut.objects.create(
        periode=s2,
        kode_unsur="U2",
        uraian="Papan info",
        penanggung_jawab="Kasi",
        target_waktu=date(2025, 3, 1),
    )
    pk = SimpleNamespace(unit_id=unit_a.pk, tahun=tahun)
    hasil = nilai_otomatis(pk, _indikator(4))
    (ikm,) = hasil["sasaran[0].indikator[0]"]
    snap = s2.snapshot.get(jenis_layanan__isnull=True)
    assert ikm.judul == "IKM Semester II 2024"
    assert ikm.nilai == f"{str(snap.nilai).replace('.', ',')} ({snap.mutu}, {snap.kinerja})"
    capaian = (snap.nilai * 100 / Decimal(84)).quantize(Decimal("0.01"))
    assert ikm.keterangan == f"target 84,00 — capaian {str(capaian).replace('.', ',')}%"
    assert "1 Juli 2024 – 31 Desember 2024" in ikm.sumber and "4 responden" in ikm.sumber
    assert ikm.tautan == reverse("surveys:hasil", args=[s2.token])
    (resp,) = hasil["sasaran[1].indikator[0]"]
    assert resp.nilai == "8 responden" and resp.keterangan == "target 300 — capaian 2,67%"
    (tl,) = hasil["sasaran[2].indikator[0]"]
    assert tl.nilai == "50,00%" and "1 dari 2" in tl.sumber and tl.keterangan.endswith("capaian 50,00%")
    assert "sasaran[3].indikator[0]" not in hasil
    # Another year: nothing.
    assert nilai_skm(SimpleNamespace(unit_id=unit_a.pk, tahun=2023), _indikator(4)) == {}
    # A constant number of queries, whatever the number of indicators.
    with CaptureQueriesContext(connection) as tiga:
        nilai_skm(pk, _indikator(3))
    with django_assert_num_queries(len(tiga)):
        h30 = nilai_skm(pk, _indikator(30))
    assert len(h30) == sum(1 for i in range(30) if i % 4 != 3)  # every SKM indicator, no other
    assert nilai_skm(pk, [IndikatorPK("x", "Persentase layanan sesuai standar", "100%")]) == {}


# --------------------------------------------------------------------------------------------------
# 2. Results
# --------------------------------------------------------------------------------------------------


def test_closed_results_are_public_and_complete(client, periode_a, pimpinan_a, layanan_a):
    periode_a.populasi = 500
    periode_a.save()
    _isi(periode_a, 6, layanan=layanan_a)
    services.tutup_periode(periode_a, pimpinan_a)
    r = client.get(reverse("surveys:hasil", args=[periode_a.token]))
    html = r.content.decode()
    assert r.status_code == 200
    snap = periode_a.snapshot.get(jenis_layanan__isnull=True)
    assert str(snap.nilai).replace(".", ",") in html and snap.kinerja in html
    assert "Belum cukup: minimum 217 responden untuk populasi 500" in html
    # NRR per unsur, lowest first: U5 (2,00) is ranked 1.
    assert re.search(r"<td class=\"angka\">1</td><th scope=\"row\">U5 ", html)
    assert "Perempuan" in html and "50,00" in html and "KTP elektronik" in html
    # Charts: server-side SVG with a title and a description; no script.
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and '<title id="grafik-nrr-t">' in html
    assert "<script" not in html
    assert "Hasil sementara" not in html


def test_open_results_only_for_the_units_users(client, client_as, periode_a, operator_a, operator_b):
    _isi(periode_a, 3)
    url = reverse("surveys:hasil", args=[periode_a.token])
    assert client.get(url).status_code == 404
    assert client_as(operator_b).get(url).status_code == 404
    for nama in ("laporan_pdf", "laporan_docx"):
        assert client.get(reverse(f"surveys:{nama}", args=[periode_a.token])).status_code == 404
    r = client_as(operator_a).get(url)
    assert r.status_code == 200 and "Hasil sementara" in r.content.decode()


def test_the_results_page_reads_a_constant_number_of_queries(
    client, buat_periode, unit_a, pimpinan_a, layanan_a
):
    def jumlah_query(n, k):
        p = buat_periode(unit_a, judul=f"P{n}")
        _isi(p, n, layanan=layanan_a[:k])
        services.tutup_periode(p, pimpinan_a)
        TindakLanjut.objects.create(
            periode=p, kode_unsur="U5", uraian="x", penanggung_jawab="y", target_waktu=date(2030, 1, 1)
        )
        with CaptureQueriesContext(connection) as q:
            assert client.get(reverse("surveys:hasil", args=[p.token])).status_code == 200
        return len(q)

    assert jumlah_query(2, 1) == jumlah_query(20, 2)


def test_annual_figure_from_semesters_and_mean_of_child_units(
    client, buat_periode, pemda, unit_a, unit_b, pimpinan_a, admin_pemda
):
    _tertutup(
        buat_periode,
        unit_a,
        pimpinan_a,
        judul="Semester I 2024",
        mulai=date(2024, 1, 1),
        selesai=date(2024, 6, 30),
        nilai=[3] * 9,
    )  # 75,00
    _tertutup(
        buat_periode,
        unit_a,
        pimpinan_a,
        judul="Semester II 2024",
        mulai=date(2024, 7, 1),
        selesai=date(2024, 12, 31),
        nilai=[4] * 9,
    )  # 100,00
    _tertutup(
        buat_periode,
        unit_b,
        admin_pemda,
        judul="Tahun 2024",
        mulai=date(2024, 1, 1),
        selesai=date(2024, 12, 31),
        nilai=[2] * 9,
        jenis="tahun",
    )  # 50,00
    t = data_tahunan(unit_a, 2024)
    assert t["sendiri"].hasil.ikm == Decimal("87.50")
    p = data_tahunan(pemda, 2024)
    assert {x.nama: x.hasil.ikm for x in p["anak"]} == {
        "Kecamatan Bajeng": Decimal("87.50"),
        "Kecamatan Pallangga": Decimal("50.00"),
    }
    assert p["gabungan"].ikm == Decimal("68.75")
    r = client.get(reverse("surveys:tahunan", args=[pemda.pk, 2024]))
    assert r.status_code == 200 and "68,75" in r.content.decode() and "<svg" in r.content.decode()


def test_trend_lists_earlier_closed_periods(buat_periode, unit_a, pimpinan_a):
    _tertutup(
        buat_periode,
        unit_a,
        pimpinan_a,
        judul="Semester I 2024",
        mulai=date(2024, 1, 1),
        selesai=date(2024, 6, 30),
        nilai=[3] * 9,
    )
    p = _tertutup(
        buat_periode,
        unit_a,
        pimpinan_a,
        judul="Semester II 2024",
        mulai=date(2024, 7, 1),
        selesai=date(2024, 12, 31),
        nilai=[4] * 9,
    )
    d = data_hasil(p)
    assert [(t.judul, t.nilai) for t in d.tren] == [
        ("Semester I 2024", Decimal("75.00")),
        ("Semester II 2024", Decimal("100.00")),
    ]
    assert "<polyline" in d.svg_tren and "75,00" in d.svg_tren


# --------------------------------------------------------------------------------------------------
# 1. Import
# --------------------------------------------------------------------------------------------------


def _csv(baris: list[list[str]]) -> bytes:
    kepala = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "jenis_kelamin", "jenis_layanan", "saran"]
    return "\n".join(";".join(b) for b in [kepala, *baris]).encode()


def test_import_stores_all_rows_and_bumps_the_aggregates_once(
    periode_a, layanan_a, django_assert_max_num_queries
):
    _isi(periode_a, 2, layanan=layanan_a)
    rows = [
        [str(1 + (i + j) % 4) for j in range(9)]
        + ["Perempuan", ["KTP elektronik", "", "surat keterangan usaha"][i % 3], ""]
        for i in range(300)
    ]
    rows[5][3] = ""  # an unanswered unsur
    with CaptureQueriesContext(connection) as q:
        hasil = impor.impor_berkas(periode_a, _csv(rows), nama="x.csv")
    # Bulk inserts (one on PostgreSQL; SQLite splits by its parameter limit) and ONE aggregate upsert.
    assert sum("surveys_agregat" in x["sql"] for x in q.captured_queries) == 1
    assert len(q.captured_queries) <= 15
    assert hasil.jumlah == 300
    assert Respons.objects.filter(periode=periode_a, sumber="impor").count() == 300
    assert services.rekap_agregat(periode_a) == services.rekap_respons(periode_a)
    assert services.ikm_periode(periode_a) == services.hitung_ulang(periode_a)


def test_a_rejected_file_stores_nothing_and_lists_row_errors(client_as, operator_a, periode_a, layanan_a):
    client = client_as(operator_a)
    url = reverse("surveys:impor", args=[periode_a.pk])
    rows = [
        ["4"] * 9 + ["L", "KTP elektronik", ""],
        ["4"] * 8 + ["7", "L", "", ""],
        ["4"] * 9 + ["L", "Akta", ""],
    ]
    f = io.BytesIO(_csv(rows))
    f.name = "kuesioner.csv"
    r = client.post(url, {"berkas": f})
    html = r.content.decode()
    assert r.status_code == 400 and "Berkas ditolak" in html
    assert '<td class="angka">3</td><td>U9</td>' in html
    assert not Respons.objects.exists() and not Agregat.objects.exists()
    # A file whose answers are fine but names a jenis layanan the unit does not have.
    f = io.BytesIO(_csv([["4"] * 9 + ["L", "KTP elektronik", ""], ["4"] * 9 + ["L", "Akta", ""]]))
    f.name = "kuesioner.csv"
    html = client.post(url, {"berkas": f}).content.decode()
    assert "Akta" in html and '<td class="angka">3</td><td>jenis_layanan</td>' in html
    assert not Respons.objects.exists() and not Agregat.objects.exists()
    f = io.BytesIO(_csv([["4"] * 9 + ["L", "KTP elektronik", "cepat"]]))
    f.name = "ok.csv"
    r = client.post(url, {"berkas": f})
    assert r.status_code == 302 and Respons.objects.get().sumber == "impor"


def test_import_templates_and_permissions(client_as, operator_a, operator_b, periode_a):
    client = client_as(operator_a)
    r = client.get(reverse("surveys:templat", args=[periode_a.pk, "csv"]))
    assert r.status_code == 200 and b"U1;U2" in r.content
    r = client.get(reverse("surveys:templat", args=[periode_a.pk, "xlsx"]))
    assert r.content[:2] == b"PK"
    assert len(skm_file.baca_jawaban(r.content).jawaban) == 1  # the template reads back
    client = client_as(operator_b)
    f = io.BytesIO(_csv([["4"] * 9 + ["L", "", ""]]))
    f.name = "x.csv"
    assert client.post(reverse("surveys:impor", args=[periode_a.pk]), {"berkas": f}).status_code == 404
    assert client.get(reverse("surveys:templat", args=[periode_a.pk, "csv"])).status_code == 404
    assert not Respons.objects.exists()


def test_import_into_a_closed_period_is_refused(periode_a, pimpinan_a):
    _isi(periode_a, 1)
    services.tutup_periode(periode_a, pimpinan_a)
    with pytest.raises(services.PeriodeDitutup):
        impor.impor_berkas(periode_a, _csv([["4"] * 9 + ["", "", ""]]))
    assert Respons.objects.count() == 1


# --------------------------------------------------------------------------------------------------
# 5. Follow-ups
# --------------------------------------------------------------------------------------------------


def test_follow_ups_by_the_unit_only_and_their_share(
    client_as, operator_a, operator_b, periode_a, pimpinan_a
):
    _isi(periode_a, 3)
    services.tutup_periode(periode_a, pimpinan_a)
    url = reverse("surveys:tindak_lanjut", args=[periode_a.pk])
    data = {
        "kode_unsur": "U5",
        "uraian": "Tambah loket",
        "penanggung_jawab": "Sekcam",
        "target_waktu": "2030-03-01",
        "status": "rencana",
        "keterangan": "",
    }
    assert client_as(operator_b).post(url, data).status_code == 404
    assert not TindakLanjut.objects.exists()
    client = client_as(operator_a)
    r = client.get(url)
    assert r.status_code == 200 and "U5" in r.content.decode()
    assert client.post(url, data).status_code == 302
    tl = TindakLanjut.objects.get()
    assert persentase_tindak_lanjut(periode_a.unit_id, periode_a.tanggal_selesai.year).persen == Decimal(
        "0.00"
    )
    r = client.post(
        reverse("surveys:tindak_lanjut_ubah", args=[periode_a.pk, tl.pk]), {**data, "status": "selesai"}
    )
    assert r.status_code == 302
    assert persentase_tindak_lanjut(periode_a.unit_id, periode_a.tanggal_selesai.year).persen == Decimal(
        "100.00"
    )
    html = client.get(reverse("surveys:hasil", args=[periode_a.token])).content.decode()
    assert "Tambah loket" in html and "Selesai" in html
    assert (
        client_as(operator_b)
        .get(reverse("surveys:tindak_lanjut_ubah", args=[periode_a.pk, tl.pk]))
        .status_code
        == 404
    )


# --------------------------------------------------------------------------------------------------
# 3–4. Poster and report
# --------------------------------------------------------------------------------------------------


def test_poster_has_a_qr_code_and_the_address(client_as, operator_a, operator_b, periode_a, layanan_a):
    client = client_as(operator_a)
    r = client.get(reverse("surveys:poster", args=[periode_a.pk]) + f"?layanan={layanan_a[0].pk}")
    html = r.content.decode()
    assert (
        r.status_code == 200
        and "<svg" in html
        and f"/skm/{periode_a.token}/?layanan={layanan_a[0].pk}" in html
    )
    r = client.get(reverse("surveys:poster_pdf", args=[periode_a.pk]))
    assert r.status_code == 200 and r.content[:5] == b"%PDF-"
    assert client_as(operator_b).get(reverse("surveys:poster", args=[periode_a.pk])).status_code == 404


def test_the_report_as_pdf_and_docx(client, client_as, operator_a, periode_a, pimpinan_a, layanan_a):
    _isi(periode_a, 5, layanan=layanan_a)
    services.tutup_periode(periode_a, pimpinan_a)
    TindakLanjut.objects.create(
        periode=periode_a,
        kode_unsur="U5",
        uraian="Tambah loket & kursi",
        penanggung_jawab="Sekcam",
        target_waktu=date(2030, 1, 1),
    )
    r = client_as(operator_a).post(
        reverse("surveys:laporan", args=[periode_a.pk]), {"kesimpulan": "Kesimpulan kami sendiri."}
    )
    assert r.status_code == 302
    client.logout()
    r = client.get(reverse("surveys:laporan_pdf", args=[periode_a.token]))
    assert r.status_code == 200 and r.content[:5] == b"%PDF-"
    r = client.get(reverse("surveys:laporan_docx", args=[periode_a.token]))
    assert r.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(r.content)).read("word/document.xml").decode()
    assert "BAB V" in xml and "Kesimpulan kami sendiri." in xml and "Tambah loket &amp; kursi" in xml
    assert "Undang-Undang Nomor 25 Tahun 2009" in xml and "{{" not in xml and "{%" not in xml
    assert "Perempuan" in xml and "KTP elektronik" in xml


def test_svg_builder_escapes_and_describes():
    from kinerja.surveys.svg import batang_nrr

    s = batang_nrr([("U1 <Persyaratan> & co", Decimal("3.25"), "B")], judul="NRR")
    assert "&lt;Persyaratan&gt; &amp; co" in s and "<desc" in s and "3,25" in s


def test_the_public_index_lists_closed_periods_only_with_a_fixed_number_of_queries(
    client, buat_periode, unit_a, unit_b, pimpinan_a, periode_a
):
    from kinerja.units.models import UnitRole
    from tests.conftest import _user

    pimpinan_b = _user("pimpinan_b", unit_b, UnitRole.Peran.PIMPINAN)
    _tertutup(
        buat_periode,
        unit_a,
        pimpinan_a,
        judul="Semester I 2024",
        mulai=date(2024, 1, 1),
        selesai=date(2024, 6, 30),
        nilai=[3] * 9,
    )
    _isi(periode_a, 3)  # an open period: not public, not listed

    def kueri() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as q:
            r = client.get(reverse("surveys:daftar_hasil"))
        assert r.status_code == 200
        return len(q.captured_queries), r.content.decode()

    n1, html = kueri()
    assert "Semester I 2024" in html and "75,00" in html and periode_a.judul not in html
    assert reverse("surveys:hasil", args=[periode_a.token]) not in html
    for k in range(5):
        _tertutup(
            buat_periode,
            unit_b,
            pimpinan_b,
            judul=f"Triwulan {k + 1}",
            mulai=date(2023, 1, 1),
            selesai=date(2023, 3, 31),
            nilai=[4] * 9,
            jenis="triwulan",
        )
    n2, html = kueri()
    assert n1 == n2 and html.count("<tr>") == 1 + 6
    assert "Hasil SKM" in html  # in a visitor's menu


@pytest.mark.parametrize("layanan", ["abc", "-1", "1.5", "99999999999999999999"])
def test_an_odd_layanan_on_the_poster_is_the_units_poster(client_as, operator_a, periode_a, layanan):
    r = client_as(operator_a).get(reverse("surveys:poster", args=[periode_a.pk]), {"layanan": layanan})
    assert r.status_code == 200

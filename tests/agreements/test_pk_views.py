"""The PK list and page, seen by each of the cast: published for all, drafts only for those who may."""

from dataclasses import replace

import pytest
from django.urls import reverse

from tests.conftest import build_pk_data, terbitkan_pk

pytestmark = pytest.mark.django_db


def _detail(pk):
    return reverse("agreements:pk_detail", args=[pk.pk])


@pytest.fixture
def terbit_a(pk_factory, unit_a):
    return pk_factory(unit_a, n_indikator=3)


@pytest.fixture
def draf_a(pk_factory, unit_a):
    return pk_factory(unit_a, n_indikator=2, draft=True, tahun=2025)


def test_list_shows_published_pks_to_the_public(anonymous_client, terbit_a, draf_a):
    r = anonymous_client.get("/")
    assert r.status_code == 200
    halaman = list(r.context["halaman"].object_list)
    assert halaman == [terbit_a]
    html = r.content.decode()
    assert _detail(terbit_a) in html and _detail(draf_a) not in html
    assert "Rp5.204.765.371,00" in html  # total anggaran
    assert '<td class="angka">3</td>' in html  # jumlah indikator


def test_list_hides_a_draft_from_the_operator_of_another_unit(client_as, operator_b, terbit_a, draf_a):
    r = client_as(operator_b).get("/")
    assert list(r.context["halaman"].object_list) == [terbit_a]


@pytest.mark.parametrize("pengguna", ["operator_a", "pimpinan_a", "verifikator", "inspektur", "admin_pemda"])
def test_list_shows_a_draft_to_those_who_may_view_it(request, client_as, pengguna, terbit_a, draf_a):
    r = client_as(request.getfixturevalue(pengguna)).get("/")
    assert set(r.context["halaman"].object_list) == {terbit_a, draf_a}
    assert 'status-draf">Draf<' in r.content.decode()


def test_list_filters_by_year(client_as, operator_a, terbit_a, draf_a):
    r = client_as(operator_a).get("/?tahun=2025")
    assert list(r.context["halaman"].object_list) == [draf_a]
    assert r.context["daftar_tahun"] == [2025, 2024]
    r = client_as(operator_a).get("/?tahun=bukan-tahun")
    assert len(r.context["halaman"].object_list) == 2


def test_list_is_empty_politely(anonymous_client, db):
    r = anonymous_client.get("/")
    assert r.status_code == 200
    assert "Belum ada Perjanjian Kinerja" in r.content.decode()


def test_detail_reads_like_the_document(anonymous_client, terbit_a):
    r = anonymous_client.get(_detail(terbit_a))
    assert r.status_code == 200
    html = r.content.decode()
    assert '<html lang="id">' in html
    for teks in (
        "PERJANJIAN KINERJA TAHUN 2024",
        "KECAMATAN BAJENG",
        "SITI HAERANI, S.SOS",
        "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.",
        "selaku atasan pihak pertama",
        "Pihak pertama berjanji",
        "Pihak kedua akan melakukan supervisi",
        "Sungguminasa, Januari 2024",
        "NIP. 19711010 199312 2 003",
        # Lampiran 1
        "LAMPIRAN 1 PERJANJIAN KINERJA",
        "KECAMATAN BAJENG KABUPATEN GOWA",
        "Sasaran Strategis",
        "Sasaran Program",
        "Sasaran Kegiatan",
        "84,00 (Baik)",
        "100%",
        "8 unit",
        "Rp33.800.000,00",
        "Rp1.521.097.505,00",
        "Rp3.649.867.866,00",
        "TOTAL",
        "Rp5.204.765.371,00",
        "Lima miliar dua ratus empat juta tujuh ratus enam puluh lima ribu tiga ratus tujuh puluh satu rupiah",
        "Sungguminasa, 02 Januari 2024",
        "ST. HAKRAN, S.Sos",
        "NIP. 19711017 199312 2 003",
        # Lampiran 2
        "LAMPIRAN 2 PERJANJIAN KINERJA",
        "CAMAT BAJENG",
        "Undang-undang 25 tahun 2009 tentang Pelayanan Publik",
        "RELEVANSI",
        "SUMBER DATA",
        "Target ini meningkat dari tahun sebelumnya.",
        "80,33",
        "94,51%",
    ):
        assert teks in html, teks
    # Pihak Kedua left, Pihak Pertama right, in that order.
    assert html.index("Pihak Kedua,") < html.index("Pihak Pertama,")
    # The bupati has no NIP: no empty "NIP." line is printed for him.
    assert html.count("NIP. ") == 2


def test_detail_numbers_each_level_and_spans_the_sasaran_cell(anonymous_client, pk_factory, unit_a):
    pk = pk_factory(unit_a, n_indikator=12)
    html = anonymous_client.get(_detail(pk)).content.decode()
    assert html.count('rowspan="2"') == 12  # six sasaran, two cells each (NO and SASARAN)
    assert html.count('<td class="no" rowspan="2">1</td>') == 3  # numbering restarts per level
    assert html.count('<th scope="rowgroup" colspan="4">') == 3


def test_detail_is_accessible(anonymous_client, terbit_a):
    html = anonymous_client.get(_detail(terbit_a)).content.decode()
    assert html.count("<h1") == 1 and "<h2" in html and "<h3" in html
    assert html.count("<table") == html.count("<caption>")
    assert '<th scope="col"' in html and '<th scope="row"' in html
    assert "<th>" not in html  # every header cell has its scope


@pytest.mark.parametrize("pengguna", ["anonymous", "operator_b"])
def test_a_draft_is_not_found_for_those_who_may_not_view_it(request, client, pengguna, draf_a):
    if pengguna != "anonymous":
        client.force_login(request.getfixturevalue(pengguna))
    assert client.get(_detail(draf_a)).status_code == 404


@pytest.mark.parametrize("pengguna", ["operator_a", "pimpinan_a", "verifikator", "inspektur", "admin_pemda"])
def test_a_draft_is_shown_to_those_who_may_view_it(request, client_as, pengguna, draf_a):
    r = client_as(request.getfixturevalue(pengguna)).get(_detail(draf_a))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Belum diterbitkan" in html and '<p class="tanda-air" aria-hidden="true">DRAF</p>' in html


def test_unknown_pk_is_not_found(anonymous_client, db):
    assert anonymous_client.get("/pk/999999/").status_code == 404


def test_pk_without_pihak_kedua_nip_or_penjelasan(anonymous_client, db):
    data = build_pk_data(n_indikator=1, penjelasan=False)
    data = replace(data, pihak_kedua=None, tanda_tangan=(), program=())
    pk = terbitkan_pk(data)
    html = anonymous_client.get(_detail(pk)).content.decode()
    assert "selaku atasan pihak pertama" not in html
    assert "Pihak kedua akan melakukan" not in html
    assert "LAMPIRAN 2" not in html
    assert "Belum ada program." in html
    # Without printed signature blocks, the parties' snapshot signs.
    assert "Pihak Pertama," in html and "Pihak Kedua," not in html


def test_logged_in_nav_offers_logout_and_admin_for_staff(client_as, admin_pemda, terbit_a):
    admin_pemda.is_staff = True
    admin_pemda.save()
    html = client_as(admin_pemda).get("/").content.decode()
    assert "Keluar" in html and "/admin/" in html

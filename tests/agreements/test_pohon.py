"""The pohon kinerja page: who sees which PKs, the tree from the links, search, and a fixed number of
queries whatever the number of units."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.agreements import sunting
from kinerja.agreements.models import Indikator, PerjanjianKinerja
from kinerja.domain import pk as d
from kinerja.units.models import Pejabat, Unit

pytestmark = pytest.mark.django_db

BUPATI = d.Pihak(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", jabatan="Bupati Gowa")
GUBERNUR = d.Pihak(nama="ANDI SUDIRMAN SULAIMAN", jabatan="Gubernur Sulawesi Selatan")


@pytest.fixture
def pk_bupati(pk_factory, pemda):
    return pk_factory(pemda, n_indikator=3, pihak_pertama=BUPATI, pihak_kedua=GUBERNUR)


def _turunan(unit, oleh, atasan, *, terbit: bool, nama: str | None = None) -> PerjanjianKinerja:
    camat = Pejabat.objects.create(
        nama=nama or f"CAMAT {unit.nama.upper()}", jabatan=f"Camat {unit.nama}", unit=unit
    )
    pk = sunting.buat_pk(unit, oleh, tahun=2024, pihak_pertama=camat)
    sunting.ubah_atasan(pk, oleh, atasan)
    ikm = Indikator.objects.filter(sasaran__perjanjian=atasan).order_by("sasaran__urutan", "urutan").first()
    sunting.turunkan(pk, oleh, [ikm.pk])
    if terbit:
        PerjanjianKinerja.objects.filter(pk=pk.pk).update(status="diterbitkan")
    return pk


def test_the_tree_hangs_each_unit_under_what_it_supports(client, pemda, unit_a, operator_a, pk_bupati):
    _turunan(unit_a, operator_a, pk_bupati, terbit=True)
    r = client.get("/pohon/")
    assert r.status_code == 200
    html = r.content.decode()
    # The Bupati's first sasaran holds the kecamatan's, which names the IKM it supports.
    akar = html.index("Sasaran strategis nomor 1")
    anak = html.index("Kecamatan Bajeng", akar)
    assert html.index("Indeks Kepuasan Masyarakat (IKM)", akar) < anak
    assert "<details open>" in html and 'class="mendukung"' in html
    assert "Pohon Kinerja" in html or "Pohon kinerja" in html


def test_a_draft_is_shown_only_to_its_units_users(
    client, client_as, pemda, unit_a, operator_a, operator_b, pk_bupati
):
    _turunan(unit_a, operator_a, pk_bupati, terbit=False)
    assert "Kecamatan Bajeng" not in client.get("/pohon/").content.decode()
    assert "Kecamatan Bajeng" not in client_as(operator_b).get("/pohon/").content.decode()
    html = client_as(operator_a).get("/pohon/").content.decode()
    assert "Kecamatan Bajeng" in html and "Draf" in html


def test_search_keeps_the_matching_branches(client, pemda, unit_a, unit_b, operator_a, operator_b, pk_bupati):
    _turunan(unit_a, operator_a, pk_bupati, terbit=True)
    _turunan(unit_b, operator_b, pk_bupati, terbit=True)
    html = client.get("/pohon/", {"cari": "pallangga"}).content.decode()
    assert "Kecamatan Pallangga" in html and "Kecamatan Bajeng" not in html
    assert "Sasaran strategis nomor 1" in html  # its place in the tree stays
    html = client.get("/pohon/", {"cari": "tidak ada"}).content.decode()
    assert "Tidak ada unit yang cocok" in html


@pytest.mark.parametrize(
    ("query", "status"),
    # A NUL is refused at the edge with a message (kinerja.middleware.TeksAmanMiddleware), never a 500.
    [({"pemda": "abc"}, 200), ({"tahun": "x"}, 200), ({"pemda": "99999"}, 404), ({"cari": "a\x00b"}, 400)],
)
def test_odd_parameters_never_fail(client, pk_bupati, query, status):
    assert client.get("/pohon/", query).status_code == status


def test_without_any_pemda_the_page_says_so(client, db):
    r = client.get("/pohon/")
    assert r.status_code == 200 and "Belum ada pemerintah daerah" in r.content.decode()


def _kueri(client) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get("/pohon/", {"tahun": 2024})
    assert r.status_code == 200
    return len(q.captured_queries)


def test_queries_do_not_grow_with_units(client, pemda, operator_a, pk_bupati):
    def tambah(n: int) -> None:
        for k in range(n):
            unit = Unit.objects.create(
                nama=f"Kecamatan Uji {Unit.objects.count()}-{k}", jenis="kecamatan", induk=pemda
            )
            _turunan(unit, _admin(pemda), pk_bupati, terbit=True)

    tambah(2)
    sedikit = _kueri(client)
    tambah(10)
    banyak = _kueri(client)
    assert sedikit == banyak <= 6
    assert client.get("/pohon/").content.decode().count('class="pohon-daun"') >= 12


def _admin(pemda):
    from django.contrib.auth import get_user_model

    from tests.conftest import _user

    return get_user_model().objects.filter(username="admin-pohon").first() or _user(
        "admin-pohon", pemda, "admin"
    )

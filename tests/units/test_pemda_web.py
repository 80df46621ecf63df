"""The pemda's admin screens on the web (/pemda/…): who gets in, what is out of reach, refused forms,
and a unit tree page whose number of queries does not grow with the units."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.riwayat.models import Riwayat
from kinerja.units.models import Pejabat, Unit, UnitRole
from kinerja.units.peran import beri_peran
from tests.conftest import _user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def admin_unit(unit_a):
    user = _user("admin_unit", unit_a, None)
    beri_peran(user, unit_a, "admin")
    return user


@pytest.fixture
def sub_a(unit_a):
    return Unit.objects.create(nama="Kelurahan Bontosunggu", jenis=Unit.Jenis.SUB_UNIT, induk=unit_a)


@pytest.fixture
def pejabat_a(unit_a):
    return Pejabat.objects.create(nama="SITI HAERANI, S.Sos", jabatan="Camat Bajeng", unit=unit_a)


@pytest.fixture
def pejabat_b(unit_b):
    return Pejabat.objects.create(nama="H. MUH. ALI", jabatan="Camat Pallangga", unit=unit_b)


def _halaman(pejabat_a, operator_a):
    """Every GET page of the screens (one object each where the route needs one)."""
    role = UnitRole.objects.get(user=operator_a)
    return [
        reverse("units:pemda_unit"),
        reverse("units:pemda_unit_tambah"),
        reverse("units:pemda_unit_ubah", args=[pejabat_a.unit_id]),
        reverse("units:pemda_pejabat"),
        reverse("units:pemda_pejabat") + f"?unit={pejabat_a.unit_id}",
        reverse("units:pemda_pejabat_tambah"),
        reverse("units:pemda_pejabat_ubah", args=[pejabat_a.pk]),
        reverse("units:pemda_pengguna"),
        reverse("units:pemda_pengguna_tambah"),
        reverse("units:pemda_peran_cabut", args=[role.pk]),
    ]


# --------------------------------------------------------------------------------------------------
# Access
# --------------------------------------------------------------------------------------------------


def test_every_page_renders_for_the_pemda_admin(client_as, admin_pemda, pejabat_a, operator_a, sub_a):
    client = client_as(admin_pemda)
    for url in _halaman(pejabat_a, operator_a):
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.content.decode()
        assert 'aria-label="Administrasi pemda"' in html, url
        assert html.count("<h1") == 1, url
        # Every visible input, select and textarea has its label.
        for id_ in re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"', html):
            assert f'for="{id_}"' in html, (url, id_)


def test_the_unit_admin_gets_in_too(client_as, admin_unit, pejabat_a, operator_a):
    client = client_as(admin_unit)
    assert all(client.get(url).status_code == 200 for url in _halaman(pejabat_a, operator_a))


@pytest.mark.parametrize("nama", ["operator_a", "pimpinan_a"])
def test_a_user_without_an_admin_role_gets_403(request, client_as, pejabat_a, operator_a, nama):
    client = client_as(request.getfixturevalue(nama))
    for url in _halaman(pejabat_a, operator_a):
        r = client.get(url)
        assert r.status_code == 403, url
        assert "tidak memegang peran admin" in r.content.decode()


def test_anonymous_is_sent_to_login(client, pejabat_a, operator_a):
    for url in _halaman(pejabat_a, operator_a):
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/masuk/"), url


def test_objects_outside_the_admins_subtree_answer_404(client_as, admin_unit, unit_b, pejabat_b, operator_b):
    client = client_as(admin_unit)
    role_b = UnitRole.objects.get(user=operator_b)
    for url in (
        reverse("units:pemda_unit_ubah", args=[unit_b.pk]),
        reverse("units:pemda_pejabat") + f"?unit={unit_b.pk}",
        reverse("units:pemda_pejabat") + "?unit=abc",
        reverse("units:pemda_pejabat_ubah", args=[pejabat_b.pk]),
        reverse("units:pemda_peran_cabut", args=[role_b.pk]),
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("units:pemda_unit_ubah", args=[unit_b.pk]),
        reverse("units:pemda_unit_pindah", args=[unit_b.pk]),
        reverse("units:pemda_pejabat_pindah", args=[pejabat_b.pk]),
        reverse("units:pemda_peran_cabut", args=[role_b.pk]),
    ):
        assert client.post(url, {"nama": "x", "jenis": "kecamatan", "induk": unit_b.pk}).status_code == 404, (
            url
        )
    assert UnitRole.objects.filter(pk=role_b.pk).exists()


# --------------------------------------------------------------------------------------------------
# Pages and forms
# --------------------------------------------------------------------------------------------------


def test_the_unit_tree_shows_the_admins_subtree_only(
    client_as, admin_unit, sub_a, unit_b, pejabat_a, operator_a
):
    html = client_as(admin_unit).get(reverse("units:pemda_unit")).content.decode()
    assert "Kecamatan Bajeng" in html and "Kelurahan Bontosunggu" in html
    assert "Kecamatan Pallangga" not in html and "Kabupaten Gowa" not in html
    # Unit A: one pejabat, two users with roles (its admin and operator A), nested above sub A.
    assert "1 pejabat" in html and "2 pengguna berperan" in html
    assert (
        html.index("Kecamatan Bajeng")
        < html.index('<ul class="pohon">')
        < html.index("Kelurahan Bontosunggu")
    )


def test_adding_a_unit_redirects_to_the_tree(client_as, admin_unit, unit_a):
    client = client_as(admin_unit)
    r = client.post(
        reverse("units:pemda_unit_tambah"),
        {"induk": unit_a.pk, "nama": "Kelurahan Baru", "jenis": "sub_unit", "kode": ""},
    )
    assert r.status_code == 302 and r["Location"] == reverse("units:pemda_unit")
    baru = Unit.objects.get(nama="Kelurahan Baru")
    assert baru.induk == unit_a
    assert Riwayat.objects.filter(aksi="unit.tambah", objek_id=baru.pk).exists()
    assert "Kelurahan Baru" in client.get(r["Location"]).content.decode()


def test_a_refused_form_keeps_what_was_typed(client_as, admin_unit, unit_a, sub_a):
    client = client_as(admin_unit)
    r = client.post(
        reverse("units:pemda_unit_tambah"),
        {"induk": unit_a.pk, "nama": "kelurahan  bontosunggu", "jenis": "sub_unit", "kode": "K-77"},
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "sudah ada unit" in html and 'role="alert"' in html
    assert 'value="kelurahan  bontosunggu"' in html and 'value="K-77"' in html


def test_a_bad_nip_comes_back_with_the_message_and_the_typed_value(client_as, admin_unit, unit_a):
    r = client_as(admin_unit).post(
        reverse("units:pemda_pejabat_tambah"),
        {"unit": unit_a.pk, "nama": "ANDI, S.E.", "nip": "19711010", "jabatan": "Sekcam", "pangkat": ""},
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "NIP 19711010:" in html and 'value="19711010"' in html and 'value="ANDI, S.E."' in html
    assert 'hx-get="/pejabat/periksa-nip/"' in html  # the live check of the shared NIPField
    assert not Pejabat.objects.filter(nama="ANDI, S.E.").exists()


def test_escaping_the_subtree_by_posting_is_refused(client_as, admin_unit, unit_a, unit_b, sub_a, pejabat_a):
    client = client_as(admin_unit)
    sebelum = list(Unit.objects.values_list("pk", "induk_id", "jalur"))
    r = client.post(
        reverse("units:pemda_unit_tambah"), {"induk": unit_b.pk, "nama": "X", "jenis": "sub_unit"}
    )
    assert r.status_code == 400
    r = client.post(reverse("units:pemda_unit_pindah", args=[sub_a.pk]), {"induk": unit_b.pk})
    assert r.status_code == 400
    r = client.post(
        reverse("units:pemda_pejabat_pindah", args=[pejabat_a.pk]), {"unit": unit_b.pk, "jabatan": "X"}
    )
    assert r.status_code == 400
    r = client.post(
        reverse("units:pemda_peran_beri"), {"username": "admin_unit", "unit": unit_a.pk, "peran": "pimpinan"}
    )
    assert r.status_code == 400 and "peran Anda sendiri" in r.content.decode()
    assert list(Unit.objects.values_list("pk", "induk_id", "jalur")) == sebelum
    assert Pejabat.objects.get(pk=pejabat_a.pk).unit == unit_a
    assert not UnitRole.objects.filter(user=admin_unit, peran="pimpinan").exists()


def test_a_unit_admin_is_not_offered_to_move_his_own_unit(client_as, admin_unit, unit_a, unit_b, sub_a):
    client = client_as(admin_unit)
    html = client.get(reverse("units:pemda_unit_ubah", args=[unit_a.pk])).content.decode()
    assert reverse("units:pemda_unit_pindah", args=[unit_a.pk]) not in html
    r = client.post(reverse("units:pemda_unit_pindah", args=[unit_a.pk]), {"induk": sub_a.pk})
    assert r.status_code == 400 and "admin unit di atasnya" in r.content.decode()
    # Below his unit he may.
    html = client.get(reverse("units:pemda_unit_ubah", args=[sub_a.pk])).content.decode()
    assert reverse("units:pemda_unit_pindah", args=[sub_a.pk]) in html


def test_moving_a_unit_from_its_page(client_as, admin_pemda, unit_a, unit_b, sub_a):
    r = client_as(admin_pemda).post(reverse("units:pemda_unit_pindah", args=[sub_a.pk]), {"induk": unit_b.pk})
    assert r.status_code == 302
    sub_a.refresh_from_db()
    assert sub_a.induk == unit_b and sub_a.jalur.startswith(unit_b.jalur)
    html = client_as(admin_pemda).get(r["Location"]).content.decode()
    assert "Unit dipindahkan" in html and "Kecamatan Pallangga" in html  # the trail, old → new


def test_the_pejabat_page_lists_the_pks_he_signed_after_he_moved(client_as, admin_pemda, unit_b, pk_factory):
    pk = pk_factory(draft=True)
    camat = pk.pihak_pertama
    client = client_as(admin_pemda)
    url = reverse("units:pemda_pejabat_ubah", args=[camat.pk])
    r = client.post(
        reverse("units:pemda_pejabat_pindah", args=[camat.pk]), {"unit": unit_b.pk, "jabatan": "Staf Ahli"}
    )
    assert r.status_code == 302 and r["Location"] == url
    html = client.get(url).content.decode()
    assert f'href="/pk/{pk.pk}/"' in html and "Pihak pertama" in html and "Camat Bajeng" in html
    assert "Pejabat pindah jabatan" in html and "Staf Ahli" in html


def test_a_new_user_sees_his_random_password_once(client_as, admin_unit, unit_a):
    client = client_as(admin_unit)
    r = client.post(
        reverse("units:pemda_pengguna_tambah"),
        {
            "username": "op_bajeng",
            "nama": "Andi",
            "unit": unit_a.pk,
            "peran": "operator",
            "sandi": "",
            "sandi_ulang": "",
        },
    )
    assert r.status_code == 200 and "no-store" in r["Cache-Control"]
    sandi = re.search(r"<code>([^<]+)</code>", r.content.decode()).group(1)
    user = get_user_model().objects.get(username="op_bajeng")
    assert user.check_password(sandi)
    html = client.get(reverse("units:pemda_pengguna")).content.decode()
    assert "op_bajeng" in html and sandi not in html


def test_a_typed_password_is_never_sent_back(client_as, admin_unit, unit_a):
    r = client_as(admin_unit).post(
        reverse("units:pemda_pengguna_tambah"),
        {
            "username": "op2",
            "unit": unit_a.pk,
            "peran": "operator",
            "sandi": "Rahasia-Gowa-1",
            "sandi_ulang": "lain",
        },
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Kedua sandi berbeda" in html and "Rahasia-Gowa-1" not in html and 'value="op2"' in html


def test_users_page_lists_the_subtree_and_revokes_a_role(client_as, admin_unit, operator_a, operator_b):
    client = client_as(admin_unit)
    html = client.get(reverse("units:pemda_pengguna")).content.decode()
    assert "operator_a" in html and "operator_b" not in html
    role = UnitRole.objects.get(user=operator_a)
    assert reverse("units:pemda_peran_cabut", args=[role.pk]) in html
    sendiri = UnitRole.objects.get(user=admin_unit)
    assert reverse("units:pemda_peran_cabut", args=[sendiri.pk]) not in html  # not his own
    r = client.post(reverse("units:pemda_peran_cabut", args=[role.pk]))
    assert r.status_code == 302 and not UnitRole.objects.filter(pk=role.pk).exists()
    assert Riwayat.objects.filter(aksi="peran.cabut", objek_id=role.unit_id).exists()
    r = client.post(reverse("units:pemda_peran_cabut", args=[sendiri.pk]))
    assert r.status_code == 400 and UnitRole.objects.filter(pk=sendiri.pk).exists()


def test_granting_a_role_to_an_existing_user(client_as, admin_unit, unit_a, operator_b):
    client = client_as(admin_unit)
    r = client.post(
        reverse("units:pemda_peran_beri"),
        {"username": "operator_b", "unit": unit_a.pk, "peran": "verifikator"},
    )
    assert r.status_code == 302
    assert UnitRole.objects.filter(user=operator_b, unit=unit_a, peran="verifikator").exists()
    r = client.post(
        reverse("units:pemda_peran_beri"), {"username": "tidak_ada", "unit": unit_a.pk, "peran": "operator"}
    )
    assert (
        r.status_code == 400
        and "tidak ditemukan" in r.content.decode()
        and 'value="tidak_ada"' in r.content.decode()
    )


# --------------------------------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------------------------------


def _jumlah_query(client) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(reverse("units:pemda_unit"))
    assert r.status_code == 200
    return len(q.captured_queries)


def _tambah_unit(induk: Unit, n: int) -> None:
    for i in range(n):
        unit = Unit.objects.create(nama=f"Kelurahan {induk.pk}-{i}", jenis=Unit.Jenis.SUB_UNIT, induk=induk)
        Pejabat.objects.create(nama=f"Lurah {unit.pk}", unit=unit)
        _user(f"op{unit.pk}", unit, "operator")


def test_the_unit_tree_page_runs_a_fixed_number_of_queries(client_as, admin_pemda, unit_a, unit_b):
    client = client_as(admin_pemda)
    kecil = _jumlah_query(client)  # 3 units
    _tambah_unit(unit_a, 15)
    _tambah_unit(Unit.objects.filter(induk=unit_a).first(), 12)  # a third level: 30 units in all
    assert Unit.objects.count() == 30
    with CaptureQueriesContext(connection) as q:
        r = client.get(reverse("units:pemda_unit"))
    assert len(q.captured_queries) == kecil <= 6
    assert r.content.decode().count('class="pohon-daun"') == 30

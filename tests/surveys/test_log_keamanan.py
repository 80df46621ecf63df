"""The security log: logins, failures, lockouts, logouts, password and role changes, and every view or
export of what respondents wrote — append only, read by the pemda's admin and the inspektorat."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.riwayat.keamanan import Jenis, catat_keamanan
from kinerja.riwayat.models import PeristiwaKeamanan
from kinerja.units import layanan

pytestmark = pytest.mark.django_db

SANDI = "rahasia-uji-123"


def _jenis() -> list[tuple[str, str, str]]:
    return list(PeristiwaKeamanan.objects.order_by("id").values_list("jenis", "nama_pengguna", "alamat"))


def test_logins_failures_lockout_and_logout_are_logged_with_the_address(operator_a):
    c = Client()
    c.post("/masuk/", {"username": "operator_a", "password": "salah"}, REMOTE_ADDR="10.0.0.1")
    c.post("/masuk/", {"username": "operator_a", "password": SANDI}, REMOTE_ADDR="10.0.0.1")
    c.post("/keluar/", REMOTE_ADDR="10.0.0.1")
    assert _jenis() == [
        ("masuk_gagal", "operator_a", "10.0.0.1"),
        ("masuk", "operator_a", "10.0.0.1"),
        ("keluar", "operator_a", "10.0.0.1"),
    ]
    for _ in range(5):
        c.post("/masuk/", {"username": "operator_a", "password": "salah"}, REMOTE_ADDR="10.0.0.2")
    assert PeristiwaKeamanan.objects.filter(jenis="terkunci", nama_pengguna="operator_a").count() == 1


def test_reading_and_downloading_the_saran_is_logged(periode_a, operator_a):
    c = Client()
    c.force_login(operator_a)
    c.get(reverse("surveys:saran", args=[periode_a.pk]))
    c.get(reverse("surveys:saran_xlsx", args=[periode_a.pk]))
    jenis = list(
        PeristiwaKeamanan.objects.exclude(jenis="masuk")
        .order_by("id")
        .values_list("jenis", "nama_pengguna", "data")
    )
    assert jenis == [
        ("saran_dibaca", "operator_a", {"periode": periode_a.pk}),
        ("saran_diunduh", "operator_a", {"periode": periode_a.pk}),
    ]


def test_a_role_given_is_logged(admin_pemda, unit_a):
    from django.contrib.auth import get_user_model

    baru = get_user_model().objects.create_user("baru", password=SANDI)
    layanan.berikan_peran(admin_pemda, penerima=baru, unit=unit_a, peran="operator")
    [p] = PeristiwaKeamanan.objects.filter(jenis="peran")
    assert p.nama_pengguna == "admin_pemda" and "baru diberi peran operator" in p.keterangan


def test_the_log_is_append_only(operator_a):
    p = catat_keamanan(Jenis.MASUK, pengguna=operator_a)
    p.keterangan = "diubah"
    with pytest.raises(ValueError, match="hanya ditambah"):
        p.save()
    with pytest.raises(ValueError, match="tidak dihapus"):
        p.delete()


def test_only_the_pemda_admin_and_the_inspektorat_read_it_with_filters(
    admin_pemda, inspektur, operator_a, unit_a
):
    from tests.conftest import _user

    admin_unit = _user("admin_unit_a", unit_a, "admin")
    for user, status in ((admin_pemda, 200), (inspektur, 200), (operator_a, 403), (admin_unit, 403)):
        c = Client()
        c.force_login(user)
        assert c.get("/keamanan/").status_code == status, user
    c = Client()
    c.force_login(admin_pemda)
    for i in range(3):
        catat_keamanan(Jenis.MASUK_GAGAL, nama=f"tebakan{i}")
    html = c.get("/keamanan/", {"jenis": "masuk_gagal", "pengguna": "tebakan1"}).content.decode()
    assert "tebakan1" in html and "tebakan2" not in html and "1 peristiwa" in html
    assert "Log keamanan" in c.get("/pohon/").content.decode()  # in the menu of those who may read it


def test_the_page_does_not_grow_in_queries_with_the_log(admin_pemda):
    c = Client()
    c.force_login(admin_pemda)

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            assert c.get("/keamanan/").status_code == 200
        return len(q.captured_queries)

    catat_keamanan(Jenis.MASUK_GAGAL, nama="a")
    sedikit = hitung()
    for i in range(60):
        catat_keamanan(Jenis.MASUK_GAGAL, nama=f"b{i}")
    assert hitung() == sedikit

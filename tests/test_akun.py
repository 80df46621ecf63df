"""Every user changes his own password; a forgotten one is set again through a one-time link — made by
an admin who manages the user (scoped), or sent by e-mail when the server sends mail."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from kinerja.riwayat.models import Riwayat
from tests.conftest import _user

pytestmark = pytest.mark.django_db

SANDI = "rahasia-uji-123"
BARU = "Sandi-baru-yang-panjang-2026"


def _login(username: str, password: str, alamat: str = "10.0.0.5") -> int:
    return (
        Client().post("/masuk/", {"username": username, "password": password}, REMOTE_ADDR=alamat).status_code
    )


def test_an_operator_without_staff_access_changes_his_own_password(client, operator_a):
    client.force_login(operator_a)
    assert client.get("/akun/sandi/").status_code == 200
    r = client.post(
        "/akun/sandi/", {"old_password": SANDI, "new_password1": BARU, "new_password2": BARU}, follow=True
    )
    assert "Kata sandi diganti." in r.content.decode()
    assert client.get(reverse("agreements:pk_impor")).status_code == 200  # still logged in here
    assert _login("operator_a", BARU) == 302 and _login("operator_a", SANDI, alamat="10.0.0.6") == 200


def test_a_wrong_old_password_keeps_what_was_typed_out_and_says_why(client, operator_a):
    client.force_login(operator_a)
    r = client.post("/akun/sandi/", {"old_password": "salah", "new_password1": BARU, "new_password2": BARU})
    assert r.status_code == 200
    assert "Sandi lama Anda yang dimasukkan salah" in r.content.decode()
    assert get_user_model().objects.get(username="operator_a").check_password(SANDI)


def _tautan(client, admin, pengguna) -> str:
    client.force_login(admin)
    r = client.post(reverse("units:pemda_pengguna_tautan_sandi", args=[pengguna.pk]))
    assert r.status_code == 200
    [tautan] = re.findall(r"<code>([^<]+/akun/sandi/atur/[^<]+)</code>", r.content.decode())
    return tautan.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_an_admin_makes_a_one_time_link_and_the_owner_sets_a_new_password(client, admin_pemda, operator_a):
    jalur = _tautan(client, admin_pemda, operator_a)
    assert Riwayat.objects.filter(aksi="pengguna.tautan_sandi").count() == 1
    pemilik = Client()
    halaman = pemilik.get(jalur, follow=True)
    assert (
        "Kata sandi baru" in halaman.content.decode() and "tidak berlaku lagi" not in halaman.content.decode()
    )
    atur = halaman.redirect_chain[-1][0] if halaman.redirect_chain else jalur
    r = pemilik.post(atur, {"new_password1": BARU, "new_password2": BARU}, follow=True)
    assert "Kata sandi baru tersimpan" in r.content.decode()
    assert _login("operator_a", BARU) == 302
    assert "tidak berlaku lagi" in Client().get(jalur, follow=True).content.decode()  # used once


def test_setting_the_password_lifts_a_login_lock(client, admin_pemda, operator_a):
    for _ in range(5):
        _login("operator_a", "salah", alamat="10.0.0.7")
    assert _login("operator_a", SANDI, alamat="10.0.0.8") == 429
    pemilik = Client()
    halaman = pemilik.get(_tautan(client, admin_pemda, operator_a), follow=True)
    pemilik.post(halaman.redirect_chain[-1][0], {"new_password1": BARU, "new_password2": BARU})
    assert not AccessAttempt.objects.filter(username="operator_a").exists()
    assert _login("operator_a", BARU, alamat="10.0.0.9") == 302


def test_a_link_only_for_users_the_admin_manages(client, unit_a, unit_b, operator_a, operator_b):
    admin_a = _user("admin_a", unit_a, "admin")
    client.force_login(admin_a)
    url = lambda u: reverse("units:pemda_pengguna_tautan_sandi", args=[u.pk])  # noqa: E731
    assert client.post(url(operator_a)).status_code == 200
    assert client.post(url(operator_b)).status_code == 404  # another unit's user: not his to see
    assert client.post(url(admin_a)).status_code in (403, 404)  # not for himself
    bos = get_user_model().objects.create_superuser("bos", password=SANDI)
    from kinerja.units.models import UnitRole

    UnitRole.objects.create(user=bos, unit=unit_a, peran="operator")
    assert client.post(url(bos)).status_code == 403  # never a superuser's
    assert client.get(url(operator_a)).status_code == 405  # a POST only


def test_forgotten_password_without_mail_points_to_the_admin(client):
    html = client.get("/akun/sandi/lupa/").content.decode()
    assert "Server ini tidak mengirim surel" in html and "admin unit Anda" in html
    assert "Lupa kata sandi?" in client.get("/masuk/").content.decode()


@override_settings(
    EMAIL_HOST="smtp.gowakab.go.id", EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
)
def test_forgotten_password_with_mail_sends_an_indonesian_link(client, operator_a):
    operator_a.email = "operator@gowakab.go.id"
    operator_a.save()
    r = client.post("/akun/sandi/lupa/", {"email": "operator@gowakab.go.id"}, follow=True)
    assert "Periksa surel Anda" in r.content.decode()
    [surel] = mail.outbox
    assert surel.subject == "Ganti kata sandi kinerja" and "/akun/sandi/atur/" in surel.body
    assert "Nama pengguna Anda: operator_a" in surel.body
    client.post("/akun/sandi/lupa/", {"email": "tidak-ada@gowakab.go.id"})
    assert len(mail.outbox) == 1  # an unknown address: the same page, no mail

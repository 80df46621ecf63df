"""The second factor: required for staff and admin, pimpinan and inspektorat roles (once the setting is
on, as it is in production); set up with an authenticator app, verified each session, recovery codes
usable once; optional for an operator."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinerja.riwayat.models import PeristiwaKeamanan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_wajib")]


@pytest.fixture
def _wajib():
    # django-otp slows guessing down (a growing wait after each wrong code); the tests type fast.
    with override_settings(
        KINERJA_DUA_LANGKAH_WAJIB=True, OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0
    ):
        yield


def _kode(perangkat: TOTPDevice, geser: int = 0) -> str:
    return f"{totp(perangkat.bin_key, step=perangkat.step, t0=perangkat.t0, digits=perangkat.digits, drift=geser):06d}"


def _masuk(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_a_pimpinan_reaches_no_page_before_the_second_step(pimpinan_a):
    c = _masuk(pimpinan_a)
    for url in ("/", "/pohon/", "/pk/impor/", "/skm/kelola/", "/akun/sandi/"):
        r = c.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/akun/dua-langkah/?next="), url
    assert c.post("/keluar/").status_code == 302  # logging out stays possible


def test_an_operator_is_not_asked(operator_a):
    assert _masuk(operator_a).get("/pk/impor/").status_code == 200


def test_set_up_confirm_with_a_code_then_recovery_codes_once(pimpinan_a):
    c = _masuk(pimpinan_a)
    halaman = c.get("/akun/dua-langkah/?next=/pohon/").content.decode()
    assert (
        "<svg" in halaman and "otpauth" not in halaman
    )  # the QR code drawn, the secret's URL not printed as text
    perangkat = TOTPDevice.objects.get(user=pimpinan_a)
    assert not perangkat.confirmed
    r = c.post("/akun/dua-langkah/", {"kode": "000000", "next": "/pohon/"})
    assert r.status_code == 400 and "Kode salah" in r.content.decode()
    r = c.post("/akun/dua-langkah/", {"kode": _kode(perangkat), "next": "/pohon/"})
    assert r.status_code == 200
    kode = re.findall(r"<li><code>(\w+)</code></li>", r.content.decode())
    assert len(kode) == 10
    perangkat.refresh_from_db()
    assert perangkat.confirmed
    assert c.get("/pohon/").status_code == 200  # this session is verified

    # A new session: the code again, or a recovery code — each recovery code once.
    c2 = _masuk(pimpinan_a)
    assert c2.get("/pohon/").status_code == 302
    assert c2.post("/akun/dua-langkah/", {"kode": kode[0], "next": "/pohon/"})["Location"] == "/pohon/"
    assert c2.get("/pohon/").status_code == 200
    c3 = _masuk(pimpinan_a)
    assert c3.post("/akun/dua-langkah/", {"kode": kode[0]}).status_code == 400  # used
    # The app's next code (a TOTP code is not accepted twice).
    r = c3.post("/akun/dua-langkah/", {"kode": _kode(perangkat, geser=1)})
    assert r.status_code == 302
    jenis = list(
        PeristiwaKeamanan.objects.filter(jenis__startswith="dua_langkah").values_list("jenis", flat=True)
    )
    assert jenis.count("dua_langkah") == 3 and jenis.count("dua_langkah_gagal") == 2


def test_next_never_leaves_the_site(pimpinan_a):
    c = _masuk(pimpinan_a)
    c.get("/akun/dua-langkah/")
    perangkat = TOTPDevice.objects.get(user=pimpinan_a)
    r = c.post("/akun/dua-langkah/", {"kode": _kode(perangkat), "next": "https://contoh.invalid/"})
    assert "https://contoh.invalid/" not in r.content.decode()


def test_staff_and_the_inspektorat_are_asked_too(admin_pemda, inspektur):
    for user in (admin_pemda, inspektur):
        assert _masuk(user).get("/pohon/").status_code == 302

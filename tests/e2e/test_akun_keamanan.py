"""The account and security pages in a browser: the password page, the forgotten-password page, the
admin's one-time link, and the security log — each checked with axe-core and at 390 px."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import periksa_halaman
from tests.e2e.test_pk_alur import _masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_account_and_security_pages(live_server, browser, admin_pemda, operator_a):
    base = live_server.url
    tamu = browser.new_context(locale="id-ID").new_page()
    tamu.goto(base + "/masuk/")
    tamu.get_by_role("link", name="Lupa kata sandi?").click()
    assert "Server ini tidak mengirim surel" in tamu.content()
    periksa_halaman(tamu)

    admin = _masuk(browser, base, "admin_pemda")
    admin.goto(base + "/akun/sandi/")
    assert admin.locator("h1").inner_text() == "Ganti kata sandi"
    periksa_halaman(admin)
    admin.goto(base + "/pemda/pengguna/")
    admin.get_by_role("button", name="Buat tautan ganti sandi operator_a").click()
    admin.wait_for_load_state()
    assert "/akun/sandi/atur/" in admin.locator("code").inner_text()
    periksa_halaman(admin)
    admin.get_by_role("link", name="Log keamanan").click()
    admin.wait_for_load_state()
    teks = admin.locator("main").inner_text()
    assert "Tautan ganti sandi dibuat" in teks or "tautan ganti sandi dibuat" in teks
    periksa_halaman(admin)


def test_the_second_step_page(live_server, browser, pimpinan_a, settings):
    settings.KINERJA_DUA_LANGKAH_WAJIB = True
    page = _masuk(browser, live_server.url, "pimpinan_a")  # the password: then the second step
    assert "/akun/dua-langkah/" in page.url
    assert page.locator("svg").count() == 1 and page.locator("code").count() == 1  # QR code and key
    periksa_halaman(page)

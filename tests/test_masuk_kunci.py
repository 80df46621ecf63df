"""Logins defended: failed attempts counted per account and per address (django-axes, in the database),
a lockout an admin can lift, and the client address believed from trusted proxies only."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings

from kinerja.klien import alamat_klien

pytestmark = pytest.mark.django_db

SANDI = "rahasia-uji-123"  # the cast's password (tests/conftest.py)


def _masuk(client: Client, username: str, password: str, alamat: str = "10.0.0.1"):
    return client.post("/masuk/", {"username": username, "password": password}, REMOTE_ADDR=alamat)


def test_an_account_is_locked_after_the_configured_failures_even_for_the_right_password(operator_a):
    client = Client()
    for _ in range(4):
        r = _masuk(client, "operator_a", "salah")
        assert r.status_code == 200 and "_auth_user_id" not in client.session
    assert _masuk(client, "operator_a", "salah").status_code == 429  # the fifth failure locks
    r = _masuk(client, "operator_a", SANDI)  # the right password, too late
    assert r.status_code == 429
    html = r.content.decode()
    assert "Masuk dikunci sementara" in html and "Coba lagi setelah 30 menit" in html
    assert "_auth_user_id" not in client.session
    # From another address the account stays locked: the lock is on the account as well.
    assert _masuk(Client(), "operator_a", SANDI, alamat="10.0.0.99").status_code == 429


def test_an_address_trying_many_accounts_is_locked(operator_a, operator_b):
    client = Client()
    for i in range(5):
        _masuk(client, f"tebakan{i}", "salah")
    assert _masuk(client, "operator_b", SANDI).status_code == 429  # same address
    assert _masuk(Client(), "operator_b", SANDI, alamat="10.0.0.2").status_code == 302  # another one


def test_an_admin_lifts_the_lock_and_a_success_resets_the_count(operator_a):
    client = Client()
    for _ in range(5):
        _masuk(client, "operator_a", "salah")
    assert _masuk(client, "operator_a", SANDI).status_code == 429
    call_command("axes_reset_username", "operator_a")
    call_command("axes_reset_ip", "10.0.0.1")
    assert not AccessAttempt.objects.exists()
    assert _masuk(client, "operator_a", SANDI).status_code == 302
    client.post("/keluar/")
    for _ in range(4):  # below the limit, then a success: the count starts again
        _masuk(client, "operator_a", "salah")
    assert _masuk(client, "operator_a", SANDI).status_code == 302
    assert not AccessAttempt.objects.filter(username="operator_a", failures_since_start__gt=0).exists()


@pytest.mark.parametrize(
    ("remote", "xff", "header", "alamat"),
    [
        ("203.0.113.9", "", None, "203.0.113.9"),
        ("203.0.113.9", "1.2.3.4", None, "203.0.113.9"),  # no header configured: ignored
        ("127.0.0.1", "1.2.3.4, 198.51.100.7", "HTTP_X_FORWARDED_FOR", "198.51.100.7"),  # the proxy's entry
        ("203.0.113.9", "1.2.3.4", "HTTP_X_FORWARDED_FOR", "203.0.113.9"),  # not from a trusted proxy
        ("127.0.0.1", "", "HTTP_X_FORWARDED_FOR", "127.0.0.1"),
    ],
)
def test_the_client_address_header_is_believed_from_trusted_proxies_only(remote, xff, header, alamat):
    meta = {"REMOTE_ADDR": remote}
    if xff:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    request = RequestFactory().get("/", **meta)
    with override_settings(KINERJA_HEADER_ALAMAT_KLIEN=header):
        assert alamat_klien(request) == alamat


def test_a_spoofed_forwarded_for_does_not_escape_the_address_lock(operator_a):
    """Each attempt claims another X-Forwarded-For; from an untrusted address they all count as one."""
    with override_settings(KINERJA_HEADER_ALAMAT_KLIEN="HTTP_X_FORWARDED_FOR"):
        client = Client()
        for i in range(5):
            client.post(
                "/masuk/",
                {"username": f"tebakan{i}", "password": "salah"},
                REMOTE_ADDR="203.0.113.9",
                HTTP_X_FORWARDED_FOR=f"10.1.1.{i}",
            )
        r = client.post(
            "/masuk/",
            {"username": "operator_a", "password": SANDI},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR="10.9.9.9",
        )
        assert r.status_code == 429

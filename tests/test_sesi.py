"""Sessions end after 30 minutes without a request and 12 hours after the login (kinerja/sesi.py)."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.sesi import AKTIF, MASUK

pytestmark = pytest.mark.django_db

HALAMAN = "/pk/impor/"  # needs a login


def _geser(client, **detik_lalu: float) -> None:
    """Move the session's clocks into the past."""
    sesi = client.session
    for kunci, lalu in detik_lalu.items():
        sesi[{"masuk": MASUK, "aktif": AKTIF}[kunci]] = time.time() - lalu
    sesi.save()


def test_login_starts_both_clocks(client, operator_a):
    client.force_login(operator_a)
    assert abs(client.session[MASUK] - time.time()) < 5 and client.session[AKTIF] == client.session[MASUK]
    assert client.get(HALAMAN).status_code == 200


def test_thirty_minutes_idle_ends_the_session_with_a_message(client, operator_a):
    client.force_login(operator_a)
    _geser(client, masuk=31 * 60, aktif=31 * 60)
    r = client.get(HALAMAN)
    assert r.status_code == 302 and r["Location"].startswith("/masuk/")
    halaman = client.get(r["Location"]).content.decode()
    assert "Sesi Anda berakhir karena 30 menit tidak ada kegiatan" in halaman
    assert "_auth_user_id" not in client.session


def test_twelve_hours_after_login_ends_it_however_busy(client, operator_a):
    client.force_login(operator_a)
    _geser(client, masuk=12 * 3600 + 60, aktif=10)
    r = client.get(HALAMAN)
    assert r.status_code == 302
    assert "paling lama 12 jam setelah masuk" in client.get(r["Location"]).content.decode()


def test_activity_keeps_it_alive_and_an_ordinary_request_writes_nothing(client, operator_a):
    client.force_login(operator_a)
    _geser(client, masuk=20 * 60, aktif=20 * 60)  # twenty minutes quiet: still within the limit
    assert client.get(HALAMAN).status_code == 200
    assert time.time() - client.session[AKTIF] < 5  # the clock moved on
    with CaptureQueriesContext(connection) as q:
        assert client.get(HALAMAN).status_code == 200
    assert not [
        x for x in q.captured_queries if "django_session" in x["sql"] and x["sql"].startswith("UPDATE")
    ]

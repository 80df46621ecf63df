"""Safe defaults: DEBUG off unless asked for, the public address checked, Indonesian error pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.template.loader import render_to_string
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[1]


def _debug(env: dict[str, str]) -> str:
    kode = "import kinerja.settings as s; print(s.DEBUG)"
    bersih = {k: v for k, v in os.environ.items() if k != "DEBUG"} | env
    return subprocess.run(
        [sys.executable, "-c", kode], cwd=ROOT, env=bersih, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_debug_is_off_unless_asked_for():
    assert _debug({}) == "False"
    assert _debug({"DEBUG": "1"}) == "True"


def test_make_run_turns_debug_on_for_the_demo_only():
    makefile = (ROOT / "Makefile").read_text()
    assert "DEBUG=1 $(BIN)/kinerja runserver" in makefile


@override_settings(DEBUG=False, KINERJA_BASE_URL=None)
def test_the_deploy_check_warns_without_a_public_address():
    pesan = checks.run_checks(include_deployment_checks=True)
    assert any(p.id == "kinerja.W001" for p in pesan)
    with override_settings(KINERJA_BASE_URL="https://kinerja.gowakab.go.id"):
        assert not any(p.id == "kinerja.W001" for p in checks.run_checks(include_deployment_checks=True))


@pytest.mark.django_db
def test_error_pages_are_indonesian(client, client_as, operator_b, pk_factory, unit_a):
    r = client.get("/pk/999999/")
    assert r.status_code == 404 and "Halaman tidak ditemukan" in r.content.decode()
    draf = pk_factory(unit_a, draft=True)
    # Another unit's operator may not see the draft at all: 404, not a hint that it exists.
    assert client_as(operator_b).get(f"/pk/{draf.pk}/aksi/ajukan/").status_code == 404
    terbit = pk_factory(unit_a, tahun=2023)
    r = client_as(operator_b).get(f"/pk/{terbit.pk}/perubahan/")
    assert r.status_code == 403 and "Anda tidak berhak" in r.content.decode()
    html = render_to_string("500.html")
    assert 'lang="id"' in html and "Terjadi kesalahan pada server" in html

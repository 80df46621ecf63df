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
from django.urls import path

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


# -- fail-closed production configuration (kinerja/produksi.py) ---------------------------------------

KUNCI_KUAT = "k3Rj-" + "x" * 30 + "AbCdEfGhIjKlMnOpQ"  # 52 characters, more than 5 different
PRODUKSI = {"SECRET_KEY": KUNCI_KUAT, "ALLOWED_HOSTS": "kinerja.gowakab.go.id"}


@pytest.mark.parametrize(
    ("env", "pesan"),
    [
        ({"DEBUG": "1"}, []),
        (PRODUKSI, []),
        ({"ALLOWED_HOSTS": "kinerja.gowakab.go.id"}, ["SECRET_KEY belum diisi"]),
        ({**PRODUKSI, "SECRET_KEY": "a"}, ["SECRET_KEY terlalu lemah"]),
        ({**PRODUKSI, "SECRET_KEY": "ab" * 30}, ["SECRET_KEY terlalu lemah"]),  # 2 different characters
        ({**PRODUKSI, "SECRET_KEY": "django-insecure-" + KUNCI_KUAT}, ["SECRET_KEY terlalu lemah"]),
        ({"SECRET_KEY": KUNCI_KUAT, "ALLOWED_HOSTS": " , "}, ["ALLOWED_HOSTS belum diisi"]),
        ({}, ["SECRET_KEY belum diisi", "ALLOWED_HOSTS belum diisi"]),
    ],
)
def test_what_makes_a_production_environment_unfit(env, pesan):
    from kinerja.produksi import masalah

    hasil = masalah(env)
    assert len(hasil) == len(pesan) and all(h.startswith(p) for h, p in zip(hasil, pesan, strict=True))


@pytest.mark.parametrize(
    ("args", "baca_saja"),
    [
        (["pk", "parse", "x.txt"], True),
        (["pk", "review", "x.txt", "--json"], True),
        (["pk", "render", "x.txt", "--format", "pdf", "-o", "x.pdf"], True),
        (["pk", "render", "--id", "3", "--format", "pdf", "-o", "x.pdf"], False),
        (["skm", "ikm", "jawaban.csv"], True),
        (["capaian", "x.csv"], True),
        (["makemigrations", "--check", "--dry-run"], True),
        (["makemigrations"], False),
        (["migrate"], False),
        (["runserver"], False),
        (["pk", "import", "x.txt"], False),
        (["demo"], False),
        (["createsuperuser"], False),
        ([], True),
    ],
)
def test_which_commands_run_without_configuration(args, baca_saja):
    from kinerja.produksi import baca_saja as fungsi

    assert fungsi(args) is baca_saja


# What the test session sets and a server's environment would not have.
_BUKAN_PRODUKSI = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _kinerja(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    bersih = {k: v for k, v in os.environ.items() if k not in _BUKAN_PRODUKSI}
    return subprocess.run(
        [sys.executable, "-m", "kinerja.cli", *args],
        cwd=ROOT,
        env=bersih | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_command_that_writes_refuses_an_unsafe_production_and_a_reader_does_not(tmp_path):
    db = {"DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    res = _kinerja("migrate", env=db)
    assert res.returncode == 2
    assert "SECRET_KEY belum diisi" in res.stderr and "ALLOWED_HOSTS belum diisi" in res.stderr
    assert "Traceback" not in res.stderr and not (tmp_path / "db.sqlite3").exists()
    seed = ROOT / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"
    assert _kinerja("pk", "parse", str(seed), env=db).returncode == 0  # an Inspektorat laptop
    res = _kinerja("migrate", "-v0", env=db | PRODUKSI)
    assert res.returncode == 0, res.stderr


def test_the_demo_refuses_on_a_server(tmp_path):
    db = {"DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    assert _kinerja("migrate", "-v0", env=db | PRODUKSI).returncode == 0
    res = _kinerja("demo", env=db | PRODUKSI)
    assert res.returncode == 1 and "Data demo hanya untuk mencoba" in res.stderr


def test_the_wsgi_server_does_not_start_unsafe_nor_before_collectstatic(tmp_path):
    kode = "import kinerja.wsgi"
    bersih = {k: v for k, v in os.environ.items() if k not in _BUKAN_PRODUKSI}
    bersih |= {"DJANGO_SETTINGS_MODULE": "kinerja.settings", "STATIC_ROOT": str(tmp_path / "static")}

    def wsgi(env):
        return subprocess.run([sys.executable, "-c", kode], cwd=ROOT, env=env, capture_output=True, text=True)

    res = wsgi(bersih)
    assert (
        res.returncode != 0
        and "ImproperlyConfigured" in res.stderr
        and "SECRET_KEY belum diisi" in res.stderr
    )
    res = wsgi(bersih | PRODUKSI)
    assert res.returncode != 0 and "jalankan kinerja collectstatic" in res.stderr
    assert _kinerja("collectstatic", "--noinput", "-v0", env=bersih | PRODUKSI).returncode == 0
    ok = wsgi(bersih | PRODUKSI)
    assert ok.returncode == 0, ok.stderr


def _env_dokumentasi() -> dict[str, str]:
    """The environment file of docs/deployment.md, with a real key in place of the placeholder."""
    teks = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    blok = teks.split("```ini title=/etc/kinerja/kinerja.env\n", 1)[1].split("```", 1)[0]
    env = dict(baris.split("=", 1) for baris in blok.splitlines() if baris.strip())
    assert env["SECRET_KEY"].startswith("GANTI")
    return env | {"SECRET_KEY": KUNCI_KUAT}


def test_the_deploy_check_is_silent_in_the_documented_configuration(tmp_path):
    env = _env_dokumentasi() | {
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_SETTINGS_MODULE": "kinerja.settings",
    }
    res = _kinerja("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "System check identified no issues" in res.stdout


@pytest.mark.django_db
def test_every_page_carries_the_security_headers(client):
    r = client.get("/pohon/")
    csp = r.headers["Content-Security-Policy"]
    for arahan in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"):
        assert arahan in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["Permissions-Policy"].startswith("camera=()")
    assert r.headers["X-Frame-Options"] == "DENY" and r.headers["X-Content-Type-Options"] == "nosniff"
    aman = client.get("/pohon/", secure=True)
    assert aman.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def _rusak(request):
    raise ZeroDivisionError("contoh galat")


urlpatterns = [path("rusak/", _rusak)]


@override_settings(ROOT_URLCONF="tests.test_pengaturan")
def test_a_500_leaves_one_json_line_on_stderr(caplog):
    """Production's LOGGING sends django.request's errors to stderr through FormatJSON: the record of a
    500, so formatted, is one line of JSON with the request and the traceback."""
    import json
    import logging

    from django.conf import settings
    from django.test import Client

    from kinerja.log import FormatJSON

    assert settings.LOGGING["loggers"]["django.request"]["handlers"] == ["stderr"]
    assert settings.LOGGING["handlers"]["stderr"] == {"class": "logging.StreamHandler", "formatter": "json"}
    assert settings.LOGGING["formatters"]["json"]["()"] == "kinerja.log.FormatJSON"
    with caplog.at_level(logging.ERROR, logger="django.request"):
        r = Client(raise_request_exception=False).get("/rusak/")
    assert r.status_code == 500
    [record] = [rec for rec in caplog.records if rec.name == "django.request"]
    baris = FormatJSON().format(record)
    assert "\n" not in baris
    catatan = json.loads(baris)
    assert (catatan["tingkat"], catatan["logger"], catatan["jalur"], catatan["metode"]) == (
        "ERROR",
        "django.request",
        "/rusak/",
        "GET",
    )
    assert catatan["status"] == 500 and "ZeroDivisionError: contoh galat" in catatan["galat"]

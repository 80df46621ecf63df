"""Production as docs/deployment.md sets it up: gunicorn with DEBUG off, the documented environment,
`migrate` and `collectstatic` run first, a proxy's X-Forwarded-Proto — and in a browser the pages are
styled exactly as in development (WhiteNoise serves the hashed stylesheet), with the CSP and HSTS
headers, checked with axe-core and at 390 px."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import periksa_halaman
from tests.test_pengaturan import _BUKAN_PRODUKSI, _env_dokumentasi

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {*_BUKAN_PRODUKSI, "DJANGO_SETTINGS_MODULE"}}
    env |= _env_dokumentasi() | {
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ALLOWED_HOSTS": "kinerja.gowakab.go.id,127.0.0.1",
    }
    port = _port()
    # The browser reaches the server over plain HTTP on loopback, with the X-Forwarded-Proto a proxy
    # would add: its Origin is http://, which a real deployment (HTTPS) never sends.
    env["CSRF_TRUSTED_ORIGINS"] += f",http://127.0.0.1:{port}"
    for perintah in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        res = subprocess.run(
            [str(BIN / "kinerja"), *perintah], env=env, cwd=ROOT, capture_output=True, text=True
        )
        assert res.returncode == 0, res.stderr
    proses = subprocess.Popen(
        [str(BIN / "gunicorn"), "kinerja.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            proses.terminate()
            pytest.fail("gunicorn tidak menjawab: " + (proses.communicate(timeout=10)[1] or ""))
        yield f"http://127.0.0.1:{port}"
    finally:
        proses.terminate()
        proses.wait(timeout=10)


def test_production_under_gunicorn_looks_like_development_with_its_headers(gunicorn, browser):
    context = browser.new_context(
        locale="id-ID",
        viewport={"width": 1200, "height": 900},
        extra_http_headers={"X-Forwarded-Proto": "https"},  # what Caddy sends (KINERJA_PROXY_HTTPS=1)
    )
    page = context.new_page()
    try:
        for jalur in ("/", "/pohon/", "/masuk/"):
            jawab = page.goto(gunicorn + jalur)
            assert jawab is not None and jawab.status == 200, jalur
            assert "default-src 'self'" in jawab.headers["content-security-policy"]
            assert jawab.headers["strict-transport-security"].startswith("max-age=31536000")
            # The stylesheet is the hashed, collected one, and it applies: the skip link is hidden
            # off-screen and the header has its colour, as in development.
            css = page.locator("link[rel=stylesheet]").get_attribute("href")
            assert (
                css is not None
                and css.startswith("/static/kinerja/kinerja.")
                and css != "/static/kinerja/kinerja.css"
            )
            lembar = page.request.get(gunicorn + css)
            assert lembar.status == 200 and "max-age=315360000" in lembar.headers["cache-control"]
            terapan = page.evaluate(
                "getComputedStyle(document.querySelector('header.kepala')).backgroundColor"
            )
            assert terapan not in ("rgba(0, 0, 0, 0)", "transparent")
            periksa_halaman(page)
    finally:
        context.close()


def test_a_brute_force_on_the_login_form_is_locked_out(gunicorn, browser):
    """Wrong passwords typed into the real login form of the production server, over loopback: the
    fifth is answered with the lockout page (429), and so is the sixth, whatever its password."""
    context = browser.new_context(locale="id-ID", extra_http_headers={"X-Forwarded-Proto": "https"})
    page = context.new_page()
    try:
        status = []
        for _ in range(6):
            page.goto(gunicorn + "/masuk/")
            page.fill("input[name=username]", "admin")
            page.fill("input[name=password]", "tebakan-salah")
            with page.expect_response(lambda r: r.request.method == "POST") as jawab:
                page.locator("main form button[type=submit]").click()
            status.append(jawab.value.status)
        assert status == [200, 200, 200, 200, 429, 429]
        assert "Masuk dikunci sementara" in page.content()
        periksa_halaman(page)
    finally:
        context.close()

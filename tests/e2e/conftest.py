"""Browser tests: Playwright for Python driving Debian's chromium (no downloaded browser)."""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the tests
# themselves (fixtures) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("chromium tidak ditemukan: jalankan `make browser` (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID", viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


AXE = (Path(__file__).resolve().parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
LEBAR_PONSEL = 390


def periksa_halaman(page) -> None:
    """Every page a browser test visits: no WCAG 2.0/2.1 A or AA violation that axe-core finds, at the
    test's width and at 390 px (a phone), and no sideways scrolling at 390 px."""
    ukuran = page.viewport_size
    try:
        for lebar in dict.fromkeys([ukuran["width"] if ukuran else 1200, LEBAR_PONSEL]):
            page.set_viewport_size({"width": lebar, "height": 844})
            if not page.evaluate("typeof window.axe !== 'undefined'"):
                # Evaluated through the browser's debugging protocol, not as an inline <script>: the
                # pages' Content-Security-Policy (script-src 'self') stays in force for everything else.
                page.evaluate(AXE)
            salah = page.evaluate(
                "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}))"
                ".violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target).join(', ')}`)"
            )
            assert not salah, f"{page.url} pada {lebar} px:\n" + "\n".join(salah)
        lebar_isi = page.evaluate("document.documentElement.scrollWidth")
        assert lebar_isi <= LEBAR_PONSEL, f"{page.url}: {lebar_isi} px pada layar {LEBAR_PONSEL} px"
    finally:
        if ukuran:
            page.set_viewport_size(ukuran)


def kirim(page, tombol) -> None:
    """Click a button or link that posts (a form of the editor, updated in place by htmx, or a normal
    submit without JavaScript) and wait until the page shows the answer."""
    with page.expect_response(lambda r: r.request.method == "POST"):
        tombol.click()
    page.wait_for_load_state()
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
    )

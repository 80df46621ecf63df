"""A signed scan imported in the browser: the upload answers at once, the waiting page shows the OCR's
progress and moves on by itself to the preview, which warns that every number wants checking. Each
page is checked with axe-core and at 390 px."""

from __future__ import annotations

import pytest

from tests.agreements.test_impor_web import PINDAIAN
from tests.e2e.conftest import periksa_halaman
from tests.e2e.test_pk_alur import _masuk

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tesseract"),  # tests/conftest.py: skipped only without Tesseract
]


def test_a_scan_is_read_in_the_background_and_previewed_with_its_warning(live_server, browser, operator_a):
    base = live_server.url
    page = _masuk(browser, base, "operator_a")
    page.goto(base + "/pk/impor/")
    page.set_input_files("input[name=berkas]", str(PINDAIAN))
    page.get_by_role("button", name="Baca dan periksa").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Membaca pindaian"
    periksa_halaman(page)
    # htmx polls every 2 s and, once the reading is done, sends the browser to the preview.
    page.wait_for_selector("text=Periksa sebelum menyimpan", timeout=90_000)
    assert "periksa setiap angka terhadap kertasnya" in page.content()
    assert "DEDE WAHYUDIN" in page.content()
    periksa_halaman(page)

"""A visitor opens the published demo PK in a real browser and reads it as the paper reads."""

from pathlib import Path

import pytest
from django.core.management import call_command

from tests.e2e.conftest import periksa_halaman

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parents[2] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


def test_public_reads_the_published_seed_pk(live_server, page):
    from kinerja.domain import pk_text
    from tests.conftest import terbitkan_pk

    [data] = pk_text.parse_file(str(SEED))
    terbitkan_pk(data)
    page.goto(live_server.url + "/")
    periksa_halaman(page)
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_role("link", name="Kecamatan Bajeng").first.click()
    page.wait_for_load_state()
    periksa_halaman(page)
    body = page.locator("main")
    text = body.inner_text()
    assert "PERJANJIAN KINERJA TAHUN 2024" in text.upper()
    for heading in ("Sasaran Strategis", "Sasaran Program", "Sasaran Kegiatan"):
        assert heading in text
    assert "Rp5.204.765.371,00" in text
    assert "SITI HAERANI, S.SOS" in text
    assert "19711010 199312 2 003" in text
    assert "84,00 (Balk)" in text or "84,00" in text
    # every indicator of Lampiran 1 is on the page
    for name in ("Indeks Kepuasan Masyarakat (IKM)", "Jumlah pengguna layanan yang mengisi kuesioner"):
        assert name in text
    # the stylesheet is served locally (no CDN) and applied
    sheets = page.evaluate("Array.from(document.styleSheets).map(s => s.href)")
    assert sheets and all(s.startswith(live_server.url) for s in sheets if s)


def test_draft_pk_is_not_shown_to_the_public(live_server, page):
    call_command("pk", "import", str(SEED))  # a draft
    page.goto(live_server.url + "/")
    periksa_halaman(page)
    assert "Kecamatan Bajeng" not in page.locator("main").inner_text()
    from kinerja.agreements.models import PerjanjianKinerja

    pk = PerjanjianKinerja.objects.get()
    response = page.goto(f"{live_server.url}/pk/{pk.pk}/")
    assert response.status == 404
    periksa_halaman(page)
    assert "Halaman tidak ditemukan" in page.locator("main").inner_text()

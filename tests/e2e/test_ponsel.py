"""Phones are the main screen of many camat: the PK page, the editor, the pohon kinerja and the public
pages at 390 × 844, each screenshot taken and the document no wider than the screen (and axe-core at
that width, through `periksa_halaman`). With KINERJA_SCREENSHOTS=<folder> the screenshots are kept
there (`make screenshots`); otherwise in the test's temporary folder."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from tests.conftest import muat_demo
from tests.e2e.conftest import LEBAR_PONSEL, periksa_halaman
from tests.e2e.test_pk_alur import SANDI

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _lebar_png(berkas: Path) -> int:
    with berkas.open("rb") as f:
        kepala = f.read(24)
    assert kepala[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">I", kepala[16:20])[0]


def test_every_main_page_fits_a_phone(live_server, browser, tmp_path):
    from kinerja.agreements.models import PerjanjianKinerja
    from kinerja.agreements.services import import_pk
    from kinerja.surveys.models import PeriodeSurvei
    from kinerja.units.models import Unit
    from tests.conftest import _user, build_pk_data

    muat_demo("demo")
    muat_demo("demo_skm")
    terbit = PerjanjianKinerja.objects.get(status="diterbitkan")
    periode = PeriodeSurvei.objects.get(status=PeriodeSurvei.Status.DIBUKA)
    unit = Unit.objects.get(nama="Kecamatan Bajeng")
    _user("operator_ponsel", unit, "operator")
    draf = import_pk(build_pk_data(n_indikator=8, tahun=2025)).pk
    folder = Path(os.environ.get("KINERJA_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    base = live_server.url

    context = browser.new_context(locale="id-ID", viewport={"width": LEBAR_PONSEL, "height": 844})
    page = context.new_page()
    halaman = {
        "ponsel-daftar-pk.png": "/",
        "ponsel-pk.png": f"/pk/{terbit.pk}/",
        "ponsel-pohon-kinerja.png": "/pohon/",
        "ponsel-skm.png": f"/skm/{periode.token}/",
    }
    for nama, url in halaman.items():
        _foto(page, base + url, folder / nama)

    page.goto(base + "/masuk/")
    page.fill("input[name=username]", "operator_ponsel")
    page.fill("input[name=password]", SANDI)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    for nama, url in {
        "ponsel-pk-draf.png": f"/pk/{draf.pk}/",
        "ponsel-editor.png": f"/pk/{draf.pk}/ubah/",
        "ponsel-pk-baru.png": "/pk/baru/",
    }.items():
        _foto(page, base + url, folder / nama)
    # The logged-in menu folds onto lines of its own rather than running off the screen.
    assert page.evaluate("document.querySelector('header nav').scrollWidth") <= LEBAR_PONSEL
    context.close()


def _foto(page, url: str, berkas: Path) -> None:
    r = page.goto(url)
    assert r is not None and r.status == 200, url
    periksa_halaman(page)
    page.set_viewport_size({"width": LEBAR_PONSEL, "height": 844})
    lebar = page.evaluate("document.documentElement.scrollWidth")
    assert lebar <= LEBAR_PONSEL, f"{url}: {lebar} px"
    page.screenshot(path=str(berkas))
    assert _lebar_png(berkas) == LEBAR_PONSEL

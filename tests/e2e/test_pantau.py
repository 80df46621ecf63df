"""Monitoring in a real browser (issue #11): the operator of Kecamatan Bajeng enters a triwulan's
realisasi with an evidence file and submits it; the verifikator returns it with a note; the operator
corrects it and submits again; the verifikator verifies it; the unit's dashboard then shows the capaian
with the formula that produced it. Every page visited is checked with axe-core and at 390 px."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.utils import timezone

from kinerja.agreements.models import Indikator
from kinerja.domain.pantau import ROMAWI, triwulan_dari
from kinerja.monitoring.models import Realisasi
from tests.e2e.conftest import kirim, periksa_halaman
from tests.e2e.test_pk_alur import _masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _foto(page, nama: str, sasaran) -> None:
    """With KINERJA_SCREENSHOTS=<folder>: the dashboard around the row `sasaran`, as the README shows it."""
    folder = os.environ.get("KINERJA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 1100, "height": 900})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(Path(folder) / nama), full_page=False)
        sasaran.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -120)")
        page.screenshot(path=str(Path(folder) / nama.replace(".png", "-indikator.png")), full_page=False)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_realisasi_returned_corrected_verified(
    live_server, browser, pk_factory, unit_a, operator_a, verifikator, tmp_path
):
    hari_ini = timezone.localdate()
    tw = triwulan_dari(hari_ini)  # the current triwulan is always open (its deadline is after it)
    pk = pk_factory(unit_a, tahun=hari_ini.year)
    ind = Indikator.objects.get(sasaran__perjanjian=pk, uraian="Persentase layanan sesuai standar 1")
    bukti = tmp_path / "daftar-hadir.pdf"
    bukti.write_bytes(PDF)
    base = live_server.url
    url_tw = f"{base}/pantau/pk/{pk.pk}/tw/{tw}/"

    operator = _masuk(browser, base, "operator_a")
    operator.goto(url_tw)
    periksa_halaman(operator)
    kartu = operator.locator(f"#ind-{ind.pk}")
    kartu.locator(f"input[name='i{ind.pk}-nilai']").fill("92,5")
    kartu.locator(f"textarea[name='i{ind.pk}-kendala']").fill("Dua layanan belum punya petugas tetap.")
    kartu.locator(f"input[name='i{ind.pk}-bukti']").set_input_files(str(bukti))
    kirim(operator, kartu.get_by_role("button", name="Simpan"))
    periksa_halaman(operator)
    assert "daftar-hadir.pdf" in operator.locator(f"#ind-{ind.pk}").inner_text()
    kirim(operator, operator.get_by_role("button", name="Ajukan ke verifikator"))
    assert Realisasi.objects.get(indikator=ind, triwulan=tw).status == "diajukan"

    ver = _masuk(browser, base, "verifikator")
    ver.goto(url_tw)
    periksa_halaman(ver)
    kartu = ver.locator(f"#ind-{ind.pk}")
    kartu.get_by_label("Catatan verifikator (wajib bila dikembalikan)").fill(
        "Daftar hadir tidak ditandatangani."
    )
    kirim(ver, kartu.get_by_role("button", name="Kembalikan"))
    assert Realisasi.objects.get(indikator=ind, triwulan=tw).status == "dikembalikan"

    operator.goto(url_tw)
    kartu = operator.locator(f"#ind-{ind.pk}")
    assert "Daftar hadir tidak ditandatangani." in kartu.inner_text()
    periksa_halaman(operator)
    kartu.locator(f"input[name='i{ind.pk}-nilai']").fill("95")
    kirim(operator, kartu.get_by_role("button", name="Simpan"))
    kirim(operator, operator.get_by_role("button", name="Ajukan ke verifikator"))

    ver.goto(url_tw)
    kirim(ver, ver.locator(f"#ind-{ind.pk}").get_by_role("button", name="Verifikasi", exact=True))
    r = Realisasi.objects.get(indikator=ind, triwulan=tw)
    assert (r.status, str(r.nilai.normalize())) == ("terverifikasi", "95")

    # The dashboard: capaian 95 ÷ 100 × 100 = 95,00% in the triwulan's cell, the formula one click away.
    operator.goto(f"{base}/pantau/pk/{pk.pk}/")
    periksa_halaman(operator)
    baris = operator.locator(f"#ind-{ind.pk}")
    sel = baris.locator("td").nth(tw)  # target, then TW I … IV
    assert "95,00%" in sel.inner_text()
    assert sel.locator(".capaian").get_attribute("title") == "R ÷ T × 100 = 95 ÷ 100 × 100"
    baris.locator("summary", has_text="Rumus").click()
    assert f"TW {ROMAWI[tw]}: R ÷ T × 100 = 95 ÷ 100 × 100" in baris.locator("details").inner_text()
    _foto(operator, "pantau.png", baris)  # the README's screenshot (make screenshots)
    # and the pemda's dashboard lists the unit with its capaian
    ver.goto(f"{base}/pantau/?tahun={hari_ini.year}")
    periksa_halaman(ver)
    assert "Kecamatan Bajeng" in ver.locator("table").inner_text()

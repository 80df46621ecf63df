"""The cascade in a real browser: the operator of Kecamatan Bajeng creates the kecamatan's PK from the
Bupati's published PK, adds an indikator and a program with its kode and anggaran, fixes a review
finding by following its link, and submits; the pimpinan approves; the pohon kinerja shows the
kecamatan under the Bupati's sasaran it supports; the operator cannot open another unit's editor.
Every page visited is checked with axe-core and at 390 px. With KINERJA_SCREENSHOTS=<folder> the test
also saves the screenshots the README shows (`make screenshots`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import kirim, periksa_halaman
from tests.e2e.test_pk_alur import _masuk, _status, ajukan_semua

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _foto(page, nama: str) -> None:
    folder = os.environ.get("KINERJA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 1100, "height": 900})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(Path(folder) / nama), full_page=False)


@pytest.fixture
def pk_bupati(pemda):
    from kinerja.domain import pk as d
    from tests.conftest import build_pk_data, terbitkan_pk

    data = build_pk_data(
        n_indikator=3,
        unit=pemda.nama,
        pihak_pertama=d.Pihak(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", jabatan="Bupati Gowa"),
        pihak_kedua=d.Pihak(nama="ANDI SUDIRMAN SULAIMAN", jabatan="Gubernur Sulawesi Selatan"),
    )
    return terbitkan_pk(data)


def test_operator_derives_the_pk_from_the_bupatis_and_the_tree_shows_it(
    live_server, browser, pemda, unit_a, unit_b, operator_a, pimpinan_a, pk_bupati, pk_factory
):
    from kinerja.agreements.models import PerjanjianKinerja
    from kinerja.units.models import Pejabat

    base = live_server.url
    Pejabat.objects.create(
        nama="SITI HAERANI, S.SOS",
        nip="197110101993122003",
        jabatan="Camat Bajeng",
        pangkat_golongan="Pembina (IV/a)",
        unit=unit_a,
    )
    lain = pk_factory(unit_b, n_indikator=2, draft=True)

    operator = _masuk(browser, base, "operator_a")
    operator.goto(base + "/pk/baru/")
    periksa_halaman(operator)
    operator.get_by_label("Tahun").fill("2024")
    operator.get_by_label(re.compile("Diturunkan dari PK atasan")).check()
    operator.get_by_label("Pihak pertama").select_option(label="SITI HAERANI, S.SOS — Camat Bajeng")
    operator.get_by_role("button", name="Buat draf").click()
    operator.wait_for_load_state()
    assert operator.locator("h1").inner_text() == "Turunkan dari PK atasan", operator.locator(
        "main"
    ).inner_text()[:600]
    periksa_halaman(operator)
    operator.get_by_label(re.compile("^Indeks Kepuasan Masyarakat")).check()
    operator.get_by_label(re.compile("^Jumlah sarana pelayanan")).check()
    operator.get_by_role("button", name="Turunkan yang dipilih").click()
    operator.wait_for_load_state()
    assert re.search(r"/pk/\d+/ubah/", operator.url)
    pk = PerjanjianKinerja.objects.get(unit=unit_a, tahun=2024)
    assert pk.atasan_pk == pk_bupati and pk.pihak_kedua_jabatan == "Bupati Gowa"
    sasaran = operator.locator("#judul-sasaran").locator("..")
    assert sasaran.locator(".mendukung").count() == 4
    periksa_halaman(operator)

    # One more indikator under the first sasaran; a program with its kode and anggaran, for that sasaran.
    operator.locator("details.tambah-indikator summary").first.click()
    operator.locator("input[name=uraian]").first.fill("Jumlah inovasi pelayanan publik")
    operator.locator("input[name=target]").first.fill("2 inovasi")
    kirim(operator, operator.get_by_role("button", name="Tambah indikator").first)
    program = operator.locator("#program")
    program.get_by_label("Kode").fill("7.01.01")
    program.get_by_label("Nama program").fill("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")
    program.get_by_label("Anggaran (Rp)").fill("Rp 3.649.867.866,00")
    program.get_by_label(re.compile("Sasaran Strategis: Sasaran strategis nomor 1")).check()
    kirim(operator, operator.get_by_role("button", name="Tambah program"))
    assert "7.01.01" in operator.locator("#program").inner_text()
    assert "Rp3.649.867.866,00" in operator.locator("#program").inner_text()

    # The derived IKM target carries the Bupati's slip "Balk": the finding's link opens its form.
    operator.locator(".sunting-temuan details").evaluate("d => { d.open = true; }")
    temuan = operator.locator("ol.temuan > li").filter(has_text="Balk")
    temuan.get_by_role("link", name=re.compile("Lampiran 1, tabel kinerja")).first.click()
    operator.wait_for_load_state()
    periksa_halaman(operator)
    target = operator.get_by_label("Target", exact=True)
    assert target.input_value() == "84,00 (Balk)"
    target.fill("84,00 (Baik)")
    operator.get_by_role("button", name="Simpan").click()
    operator.wait_for_load_state()
    assert "Balk" not in operator.locator(".sunting-temuan").inner_text()
    assert "0 galat" in operator.locator(".sunting-temuan").inner_text()
    _foto(operator, "editor.png")

    # Submitted, each peringatan acknowledged.
    ajukan_semua(operator, f"{base}/pk/{pk.pk}/")
    assert _status(operator) == "Diajukan"

    # The pimpinan approves.
    pimpinan = _masuk(browser, base, "pimpinan_a")
    pimpinan.goto(f"{base}/pk/{pk.pk}/")
    pimpinan.get_by_role("link", name="Setujui").click()
    pimpinan.wait_for_load_state()
    periksa_halaman(pimpinan)
    pimpinan.get_by_role("button", name="Setujui").click()
    pimpinan.wait_for_load_state()
    assert _status(pimpinan) == "Disetujui"

    # The tree: the kecamatan's sasaran under the Bupati's, with the indikator it supports.
    pimpinan.get_by_role("link", name="Pohon kinerja").first.click()
    pimpinan.wait_for_load_state()
    periksa_halaman(pimpinan)
    akar = pimpinan.locator("ul.pohon-akar > li").first
    assert "Sasaran strategis nomor 1" in akar.locator("summary").first.inner_text()
    anak = akar.locator("ul.pohon > li").first
    assert "Kecamatan Bajeng" in anak.inner_text() and "Disetujui" in anak.inner_text()
    assert "Indeks Kepuasan Masyarakat (IKM)" in anak.locator(".mendukung").first.inner_text()
    _foto(pimpinan, "pohon-kinerja.png")
    # Folded and opened again by its summary, no script needed.
    akar.locator("summary").first.click()
    assert akar.locator("details").first.get_attribute("open") is None

    # The operator of Bajeng cannot open Pallangga's editor.
    r = operator.goto(f"{base}/pk/{lain.pk}/ubah/")
    assert r.status in (403, 404)
    periksa_halaman(operator)

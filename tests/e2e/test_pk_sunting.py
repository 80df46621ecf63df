"""The operator fixes the seed's galat in the browser by following each finding's link to the form that
changes it, adds an indikator and a program, and submits — no file edited, no re-import. Every page
visited is checked with axe-core and at 390 px."""

from __future__ import annotations

import re

import pytest

from tests.agreements.test_pk_alur import SEED
from tests.e2e.conftest import kirim, periksa_halaman
from tests.e2e.test_pk_alur import _impor, _masuk, _status, ajukan_semua

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _temuan(page, kode: str):
    """A finding of the editor's review panel (the panel opened first: it is open while galat remain)."""
    page.locator(".sunting-temuan details").evaluate("d => { d.open = true; }")
    return page.locator("ol.temuan > li").filter(has=page.locator("code", has_text=kode))


def _perbaiki_penjelasan(page, kode: str, lama: str, baru: str) -> None:
    """Follow the finding's link to the Lampiran 2 form and correct the penjelasan target there."""
    _temuan(page, kode).get_by_role("link", name=re.compile("Lampiran 2, penjelasan")).first.click()
    page.wait_for_load_state()
    periksa_halaman(page)
    kolom = page.get_by_label("Penjelasan target")
    assert lama in kolom.input_value()
    kolom.fill(kolom.input_value().replace(lama, baru))
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()


def test_operator_fixes_the_galat_on_the_page_and_submits(live_server, browser, operator_a):
    base = live_server.url
    operator = _masuk(browser, base, "operator_a")
    _impor(operator, base, SEED)
    pk_url = operator.url
    operator.get_by_role("link", name="Ubah isi").click()
    operator.wait_for_load_state()
    periksa_halaman(operator)
    assert "4 galat" in operator.locator(".sunting-temuan").inner_text()

    _perbaiki_penjelasan(operator, "PK-TGT-007", "74,50", "80,00")
    assert "3 galat" in operator.locator(".sunting-temuan").inner_text()
    _perbaiki_penjelasan(operator, "PK-TGT-008", "meningkat", "menurun")
    periksa_halaman(operator)
    # The names and NIP that differ between pages are the printed signature blocks of the import:
    # the link leads to the choice of printing the parties everywhere.
    _temuan(operator, "PK-TTD-001").get_by_role("link", name="Lampiran 1, tanda tangan Pihak Pertama").click()
    kirim(operator, operator.get_by_role("button", name="Pakai para pihak di semua tanda tangan"))
    assert "0 galat" in operator.locator(".sunting-temuan").inner_text()

    # One more indikator under the first sasaran, one more program.
    operator.locator("details.tambah-indikator summary").first.click()
    operator.locator("input[name=uraian]").first.fill("Jumlah inovasi pelayanan publik")
    operator.locator("input[name=target]").first.fill("2 inovasi")
    kirim(operator, operator.get_by_role("button", name="Tambah indikator").first)
    assert "Jumlah inovasi pelayanan publik" in operator.locator("main").inner_text()
    program = operator.locator("#program")
    program.get_by_label("Nama program").fill("Program Penyelenggaraan Ketenteraman dan Ketertiban Umum")
    program.get_by_label("Anggaran (Rp)").fill("Rp 12.500.000,00")
    kirim(operator, operator.get_by_role("button", name="Tambah program"))
    assert "Rp12.500.000,00" in operator.locator("#program").inner_text()
    periksa_halaman(operator)

    # Submitted from the PK page: the editor's changes are in the trail, each by the operator.
    ajukan_semua(operator, pk_url)
    assert _status(operator) == "Diajukan"
    operator.goto(pk_url + "riwayat/")
    periksa_halaman(operator)
    riwayat = operator.locator("main").inner_text()
    for teks in (
        "Indikator ditambahkan",
        "Program ditambahkan",
        "Tanda tangan tercetak diubah",
        "74,50",
        "80,00",
    ):
        assert teks in riwayat

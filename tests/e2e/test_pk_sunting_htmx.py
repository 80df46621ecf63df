"""The editor with and without JavaScript: with htmx, rows are added, moved and removed in place (the
page is not reloaded) and the NIP is checked as it is typed; without JavaScript the same forms work
through a normal submit."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import kirim, periksa_halaman
from tests.e2e.test_pk_alur import SANDI

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _masuk(browser, base: str, *, js: bool):
    context = browser.new_context(
        locale="id-ID", viewport={"width": 1200, "height": 900}, java_script_enabled=js
    )
    page = context.new_page()
    page.goto(base + "/masuk/")
    page.fill("input[name=username]", "operator_a")
    page.fill("input[name=password]", SANDI)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _baris_indikator(page) -> list[str]:
    return page.locator("table.sunting-indikator tbody th").all_inner_texts()


def test_rows_change_in_place_with_htmx(live_server, browser, operator_a, pk_factory, unit_a):
    pk = pk_factory(unit_a, n_indikator=3, draft=True)
    page = _masuk(browser, live_server.url, js=True)
    page.goto(f"{live_server.url}/pk/{pk.pk}/ubah/")
    page.evaluate("window.__halamanSama = true")

    page.locator("details.tambah-indikator summary").first.click()
    page.locator("input[name=uraian]").first.fill("Jumlah inovasi pelayanan publik")
    page.locator("input[name=target]").first.fill("2 inovasi")
    kirim(page, page.get_by_role("button", name="Tambah indikator").first)
    assert "Jumlah inovasi pelayanan publik" in page.locator("main").inner_text()
    assert "Indikator ditambahkan." in page.locator(".pesan").inner_text()

    # Moved up within its sasaran: the new indikator is now first.
    kirim(page, page.get_by_role("button", name="Naikkan “Jumlah inovasi pelayanan publik”"))
    assert _baris_indikator(page)[0] == "Jumlah inovasi pelayanan publik"

    # Removed after the browser's confirmation.
    page.once("dialog", lambda d: d.accept())
    baris = page.locator("tr", has_text="Jumlah inovasi pelayanan publik")
    kirim(page, baris.get_by_role("link", name="Hapus"))
    assert "Jumlah inovasi pelayanan publik" not in page.locator("main").inner_text()

    # A refused value comes back in place with what was typed.
    program = page.locator("#program")
    program.get_by_label("Nama program").fill("Program Ketenteraman")
    program.get_by_label("Anggaran (Rp)").fill("dua juta")
    kirim(page, page.get_by_role("button", name="Tambah program"))
    assert "Anggaran “dua juta” tidak terbaca" in page.locator("main").inner_text()
    assert page.locator("#program").get_by_label("Anggaran (Rp)").input_value() == "dua juta"

    assert page.evaluate("window.__halamanSama === true")  # never reloaded
    periksa_halaman(page)


def test_the_nip_is_checked_as_it_is_typed(live_server, browser, operator_a, unit_a):
    page = _masuk(browser, live_server.url, js=True)
    page.goto(live_server.url + "/pk/baru/")
    nip = page.get_by_label("NIP")
    pesan = page.locator(".periksa-langsung")
    nip.fill("19711010 199312 3 003")
    page.wait_for_function(
        "() => document.querySelector('.periksa-langsung').textContent.includes('jenis kelamin')"
    )
    assert "harus 1 (laki-laki) atau 2 (perempuan)" in pesan.inner_text()
    nip.fill("19711010 199312 2 003")
    page.wait_for_function(
        "() => document.querySelector('.periksa-langsung').textContent.includes('NIP sah')"
    )
    assert "lahir 10 Oktober 1971, TMT CPNS Desember 1993, perempuan" in pesan.inner_text()
    periksa_halaman(page)


def test_the_same_forms_work_without_javascript(live_server, browser, operator_a, pk_factory, unit_a):
    pk = pk_factory(unit_a, n_indikator=3, draft=True)
    page = _masuk(browser, live_server.url, js=False)
    page.goto(f"{live_server.url}/pk/{pk.pk}/ubah/")
    page.locator("details.tambah-indikator summary").first.click()
    page.locator("input[name=uraian]").first.fill("Jumlah inovasi pelayanan publik")
    page.locator("input[name=target]").first.fill("2 inovasi")
    kirim(page, page.get_by_role("button", name="Tambah indikator").first)
    assert "Jumlah inovasi pelayanan publik" in page.locator("main").inner_text()
    kirim(page, page.get_by_role("button", name="Naikkan “Jumlah inovasi pelayanan publik”"))
    assert _baris_indikator(page)[0] == "Jumlah inovasi pelayanan publik"
    # Without JavaScript "Hapus" is a link to a confirmation page.
    page.locator("tr", has_text="Jumlah inovasi pelayanan publik").get_by_role("link", name="Hapus").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Hapus?"
    kirim(page, page.get_by_role("button", name="Hapus"))
    assert "Jumlah inovasi pelayanan publik" not in page.locator("main").inner_text()

"""The whole round in a real browser, as the operator and the pimpinan of Kecamatan Bajeng would do it:
import the seed → submit, refused with its galat listed → import the corrected file → submit (each
peringatan acknowledged) → approve → upload the signed scan → publish → the public reads it and checks
the PDF's verification code. Every page visited is checked with axe-core and at 390 px."""

from __future__ import annotations

import io
import re

import pytest

from tests.agreements.test_pk_alur import SEED, seed_diperbaiki
from tests.e2e.conftest import periksa_halaman

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SANDI = "rahasia-uji-123"  # the cast's password (tests/conftest.py)


def _masuk(browser, base: str, username: str):
    context = browser.new_context(locale="id-ID", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(base + "/masuk/")
    periksa_halaman(page)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", SANDI)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _impor(page, base: str, berkas) -> None:
    page.goto(base + "/pk/impor/")
    periksa_halaman(page)
    page.set_input_files("input[name=berkas]", str(berkas))
    page.get_by_role("button", name="Baca dan periksa").click()
    page.wait_for_load_state()
    periksa_halaman(page)
    assert "Periksa sebelum menyimpan" in page.locator("h1").inner_text()
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()


def ajukan_semua(page, pk_url: str) -> None:
    """Submit the PK from its page, acknowledging every peringatan."""
    page.goto(pk_url)
    page.get_by_role("link", name="Ajukan").click()
    page.wait_for_load_state()
    centang = page.locator("input[type=checkbox][name^=akui_]")
    for n in range(centang.count()):
        centang.nth(n).check()
    page.get_by_role("button", name="Ajukan").click()
    page.wait_for_load_state()


def _status(page) -> str:
    return page.locator(".status-pk .lencana-status").inner_text()


def test_operator_and_pimpinan_take_a_pk_from_import_to_publication(
    live_server, browser, settings, tmp_path, operator_a, pimpinan_a
):
    base = live_server.url
    settings.KINERJA_BASE_URL = base  # production names its public address; the QR points there
    diperbaiki = tmp_path / "pk-bajeng-diperbaiki.txt"
    diperbaiki.write_text(seed_diperbaiki(), encoding="utf-8")
    pindaian = tmp_path / "pk-bajeng-bertanda-tangan.pdf"
    pindaian.write_bytes(b"%PDF-1.4\n% halaman bertanda tangan kedua pihak\n")

    # The operator imports the file as it is: a draft.
    operator = _masuk(browser, base, "operator_a")
    _impor(operator, base, SEED)
    assert re.search(r"/pk/\d+/$", operator.url)
    pk_url = operator.url
    assert _status(operator) == "Draf"
    assert operator.locator(".tanda-air").inner_text() == "DRAF"
    periksa_halaman(operator)

    # Submitting is refused: the four galat are listed, and there is nothing to submit.
    operator.get_by_role("link", name="Ajukan").click()
    operator.wait_for_load_state()
    periksa_halaman(operator)
    isi = operator.locator("main").inner_text()
    assert "4 galat harus diperbaiki dulu" in isi
    for kode in ("PK-TTD-001", "PK-TTD-003", "PK-TGT-007", "PK-TGT-008"):
        assert kode in isi
    assert operator.get_by_role("button", name="Ajukan").count() == 0

    # The corrected file updates the same draft; now it can be submitted, each peringatan ticked.
    _impor(operator, base, diperbaiki)
    assert operator.url == pk_url and "baris yang sama tetap dipakai" in operator.locator("main").inner_text()
    operator.get_by_role("link", name="Ajukan").click()
    operator.wait_for_load_state()
    periksa_halaman(operator)
    centang = operator.locator("input[type=checkbox][name^=akui_]")
    assert centang.count() == 7
    for n in range(centang.count()):
        centang.nth(n).check()
    operator.get_by_label("Catatan", exact=True).fill("Peringatan sudah diperiksa bersama Sekcam.")
    operator.get_by_role("button", name="Ajukan").click()
    operator.wait_for_load_state()
    assert operator.url == pk_url and _status(operator) == "Diajukan"
    periksa_halaman(operator)

    # The pimpinan approves, uploads the signed scan and publishes.
    pimpinan = _masuk(browser, base, "pimpinan_a")
    pimpinan.goto(pk_url)
    for aksi, tombol, status in (
        ("Setujui", "Setujui", "Disetujui"),
        ("Unggah pindaian bertanda tangan", "Unggah pindaian bertanda tangan", "Ditandatangani"),
        ("Terbitkan", "Terbitkan", "Diterbitkan"),
    ):
        pimpinan.get_by_role("link", name=aksi).click()
        pimpinan.wait_for_load_state()
        periksa_halaman(pimpinan)
        if aksi.startswith("Unggah"):
            pimpinan.set_input_files("input[name=pindaian]", str(pindaian))
        pimpinan.get_by_role("button", name=tombol).click()
        pimpinan.wait_for_load_state()
        assert pimpinan.url == pk_url and _status(pimpinan) == status, pimpinan.locator("main").inner_text()[
            :500
        ]
    periksa_halaman(pimpinan)
    assert pimpinan.locator(".tanda-air").count() == 0
    assert "pk-bajeng-bertanda-tangan.pdf" in pimpinan.locator(".hidup-pk").inner_text()
    pimpinan.get_by_text("Riwayat terbaru").click()
    riwayat = pimpinan.locator(".riwayat-ringkas").inner_text()
    for teks in ("Diterbitkan", "Ditandatangani", "Disetujui", "Diajukan", "pimpinan_a", "operator_a"):
        assert teks in riwayat

    # The public reads it, downloads the PDF and checks it on the page its QR code points to.
    umum = browser.new_context(locale="id-ID", viewport={"width": 1200, "height": 900}).new_page()
    umum.goto(pk_url)
    periksa_halaman(umum)
    assert _status(umum) == "Diterbitkan" and "SITI HAERANI, S.SOS" in umum.locator("main").inner_text()
    pdf = umum.request.get(pk_url + "unduh/pdf/").body()
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as dokumen:
        teks = dokumen.pages[0].extract_text().replace("\n", "")
    [alamat] = re.findall(re.escape(base) + r"/verifikasi/[A-Za-z0-9_-]+/", teks)
    umum.goto(alamat)
    periksa_halaman(umum)
    assert "Dokumen ini berlaku" in umum.locator("main").inner_text()
    berkas_pdf = tmp_path / "diterima.pdf"
    berkas_pdf.write_bytes(pdf)
    umum.set_input_files("input[name=berkas]", str(berkas_pdf))
    umum.get_by_role("button", name="Periksa").click()
    umum.wait_for_load_state()
    periksa_halaman(umum)
    assert "Cocok." in umum.locator("main").inner_text()

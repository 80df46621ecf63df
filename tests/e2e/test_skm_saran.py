"""An operator reads the demo's saran, narrows them down, and turns one into a rencana tindak lanjut."""

import pytest

from tests.conftest import muat_demo
from tests.e2e.conftest import periksa_halaman

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_operator_turns_a_saran_into_a_follow_up(live_server, page):
    from kinerja.surveys.models import PeriodeSurvei, TindakLanjut

    muat_demo("demo")
    muat_demo("demo_skm")
    periode = PeriodeSurvei.objects.get(status=PeriodeSurvei.Status.DITUTUP)
    page.goto(f"{live_server.url}/masuk/")
    periksa_halaman(page)
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "kinerja-demo")
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"{live_server.url}/skm/kelola/{periode.pk}/")
    periksa_halaman(page)
    page.get_by_role("link", name="Saran dan masukan").click()
    assert page.get_by_role("heading", name="Saran dan masukan").is_visible()
    periksa_halaman(page)
    page.get_by_label("Cari dalam saran").fill("kipas")
    page.get_by_role("button", name="Tampilkan").click()
    baris = page.locator("table.daftar-saran tbody tr")
    assert baris.count() >= 1
    for i in range(baris.count()):
        assert "kipas" in baris.nth(i).inner_text().lower()
    baris.first.get_by_role("link", name="Jadikan rencana tindak lanjut").click()
    periksa_halaman(page)
    # The saran is shown to the operator only; the plan is written in his own words (it goes public).
    assert "Ruang tunggu panas, kipas angin rusak." in page.locator("blockquote").inner_text()
    assert page.locator("#id_uraian").input_value() == ""
    assert page.locator("#id_kode_unsur").input_value() == "U8"  # the saran speaks of the facilities
    page.fill("#id_uraian", "Ruang tunggu panas, kipas angin rusak.")  # copied: refused
    page.fill("#id_penanggung_jawab", "Sekretaris Camat")
    page.fill("#id_target_waktu", "2030-06-30")
    page.check("#id_tulis_ulang")
    page.get_by_role("button", name="Simpan").click()
    assert "tulis ulang dengan kata-kata Anda sendiri" in page.locator("body").inner_text()
    periksa_halaman(page)
    page.fill("#id_uraian", "Memperbaiki pendingin dan sirkulasi udara ruang tunggu")
    page.check("#id_tulis_ulang")
    page.get_by_role("button", name="Simpan").click()
    assert "Rencana tindak lanjut tersimpan." in page.locator("body").inner_text()
    periksa_halaman(page)
    tl = TindakLanjut.objects.get(periode=periode)
    assert tl.uraian.startswith("Memperbaiki pendingin") and tl.penanggung_jawab == "Sekretaris Camat"

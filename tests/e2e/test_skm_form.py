"""A member of the public fills in the SKM form on a phone, without JavaScript, using the keyboard."""

import pytest

from tests.conftest import muat_demo
from tests.e2e.conftest import periksa_halaman

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_public_form_works_without_javascript_and_counts_once(live_server, browser):
    from kinerja.surveys.models import PeriodeSurvei, Respons

    muat_demo("demo")
    muat_demo("demo_skm")
    periode = PeriodeSurvei.objects.get(status=PeriodeSurvei.Status.DIBUKA)
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}, locale="id-ID"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/skm/{periode.token}/")
    assert page.locator("html").get_attribute("lang") == "id"
    # every unsur is a group of radio buttons with labels; answer with the keyboard (Space checks a radio)
    for kode in [f"U{i}" for i in range(1, 10)]:
        radio = page.locator(f"#id_{kode}_3")
        radio.focus()
        page.keyboard.press("Space")
        assert radio.is_checked()
    page.select_option("#id_jenis_layanan", index=1)
    url = page.url
    nonce = page.locator("input[name=nonce]").get_attribute("value")
    data = {f"U{i}": "4" for i in range(1, 10)}
    data["nonce"] = nonce
    data["jenis_layanan"] = page.locator("#id_jenis_layanan").input_value()
    page.get_by_role("button", name="Kirim jawaban").click()
    page.wait_for_load_state()
    assert "terima kasih" in page.locator("body").inner_text().lower()
    # the same form sent again (a double click, the browser's "resend"): recognised, still one response
    again = page.request.post(url, form=data)
    assert again.ok
    assert "sudah kami terima" in again.text()
    assert Respons.objects.filter(periode=periode).count() == 1
    selesai = page.url
    context.close()
    # The same pages with JavaScript on, for axe-core (which runs as a script) and at 390 px.
    periksa = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID").new_page()
    for alamat in (url, selesai):
        periksa.goto(alamat)
        periksa_halaman(periksa)
    periksa.context.close()

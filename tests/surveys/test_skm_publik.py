"""The public questionnaire /skm/<token>/: no login, no JavaScript, no cookie; errors keep what was typed;
a form sent twice counts once; ticket codes; the rate limit; closed periods; weight and query counts."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.surveys import services
from kinerja.surveys.forms import buat_nonce
from kinerja.surveys.models import Agregat, JenisLayanan, KodeTiket, OpsiProfil, Respons
from tests.surveys.conftest import data_post, jawaban_penuh

pytestmark = pytest.mark.django_db


def _url(periode, nama="surveys:formulir"):
    return reverse(nama, args=[periode.token])


def _nonce_dari(html: str) -> str:
    return re.search(r'name="nonce" value="([^"]+)"', html).group(1)


class _Isi(HTMLParser):
    """Collects inputs, fieldsets/legends and labels of a page."""

    def __init__(self):
        super().__init__()
        self.radio, self.legend, self.label_for, self.ids = [], 0, set(), set()
        self.fieldset, self.checked, self.scripts = 0, [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "input" and a.get("type") == "radio":
            self.radio.append(a)
            if "checked" in a:
                self.checked.append((a["name"], a["value"]))
        if tag == "legend":
            self.legend += 1
        if tag == "fieldset":
            self.fieldset += 1
        if tag == "label" and "for" in a:
            self.label_for.add(a["for"])
        if tag == "script":
            self.scripts += 1


def _baca(html: str) -> _Isi:
    p = _Isi()
    p.feed(html)
    return p


def test_the_form_is_public_and_accessible_without_javascript(client, periode_a, layanan_a):
    r = client.get(_url(periode_a))
    assert r.status_code == 200
    html = r.content.decode()
    isi = _baca(html)
    # One fieldset with a legend per unsur (plus jenis kelamin), four labelled radios each.
    assert isi.fieldset == isi.legend == 10
    radio_unsur = [x for x in isi.radio if re.fullmatch(r"U\d", x["name"])]
    assert len(radio_unsur) == 36
    assert all(x["id"] in isi.label_for for x in isi.radio)
    assert isi.scripts == 0
    assert 'method="post"' in html and "Bagaimana pendapat Saudara tentang kecepatan waktu" in html
    assert "Sangat sopan dan ramah" in html and "KTP elektronik" in html and 'name="saran"' in html
    assert 'lang="id"' in html and 'name="viewport"' in html
    # No session, no CSRF cookie: nothing is set on a respondent's browser.
    assert not r.cookies
    assert "private" in r["Cache-Control"]
    # No ticket field unless the period asks for one.
    assert 'name="kode_tiket"' not in html


def test_a_plain_post_is_stored_and_thanks(client, periode_a, layanan_a):
    nonce = _nonce_dari(client.get(_url(periode_a)).content.decode())
    r = client.post(
        _url(periode_a),
        data_post(
            nonce,
            4,
            jenis_layanan=layanan_a[1].pk,
            jenis_kelamin="Perempuan",
            umur="30–39 tahun",
            saran="Antrian cepat",
        ),
    )
    assert r.status_code == 303 and r["Location"] == _url(periode_a, "surveys:terima_kasih")
    resp = Respons.objects.get()
    assert (resp.sumber, resp.u9, resp.jenis_layanan, resp.jenis_kelamin, resp.saran) == (
        "daring",
        4,
        layanan_a[1],
        "Perempuan",
        "Antrian cepat",
    )
    assert not r.cookies
    r = client.get(r["Location"])
    assert r.status_code == 200 and "Jawaban Anda sudah kami terima" in r.content.decode()


def test_errors_name_the_field_and_keep_what_was_typed(client, periode_a, layanan_a):
    nonce = _nonce_dari(client.get(_url(periode_a)).content.decode())
    data = data_post(
        nonce,
        [4, 2, 3, 3, 3, 3, 3, 3, 1],
        jenis_layanan=layanan_a[0].pk,
        saran="Ruang tunggu panas",
        umur="20–29 tahun",
    )
    del data["U3"]
    r = client.post(_url(periode_a), data)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Pertanyaan 3 (Waktu Penyelesaian) belum dijawab" in html
    assert 'href="#id_U3_0"' in html  # the summary links to the question
    isi = _baca(html)
    assert ("U1", "4") in isi.checked and ("U2", "2") in isi.checked and ("U9", "1") in isi.checked
    assert "Ruang tunggu panas</textarea>" in html
    assert f'<option value="{layanan_a[0].pk}" selected>' in html
    assert '<option value="20–29 tahun" selected>' in html
    # The same one-time number is kept (nothing was stored), so the corrected form is still one form.
    assert _nonce_dari(html) == nonce
    assert not Respons.objects.exists()
    data["U3"] = "2"
    assert client.post(_url(periode_a), data).status_code == 303
    assert Respons.objects.count() == 1


def test_a_profile_value_not_in_the_list_is_refused_by_name(client, periode_a):
    nonce = buat_nonce(periode_a)
    r = client.post(_url(periode_a), data_post(nonce, pendidikan="Profesor"))
    assert r.status_code == 200
    assert "Pendidikan terakhir: pilih salah satu dari daftar" in r.content.decode()


def test_a_double_click_or_back_and_resend_counts_once(client, periode_a):
    nonce = _nonce_dari(client.get(_url(periode_a)).content.decode())
    data = data_post(nonce, 3)
    assert client.post(_url(periode_a), data).status_code == 303
    r = client.post(_url(periode_a), data)
    assert r.status_code == 303 and r["Location"].endswith("?ulang=1")
    assert "tidak dihitung dua kali" in client.get(r["Location"]).content.decode()
    assert Respons.objects.count() == 1 and Agregat.objects.get(kunci=0).responden == 1
    # A new visit of the form is a new questionnaire.
    baru = _nonce_dari(client.get(_url(periode_a)).content.decode())
    assert baru != nonce
    assert client.post(_url(periode_a), data_post(baru, 2)).status_code == 303
    assert Respons.objects.count() == 2


@pytest.mark.parametrize("nonce", ["", "palsu", "1.abc:xyz:sig"])
def test_a_forged_or_missing_form_number_stores_nothing_and_asks_again(client, periode_a, nonce):
    r = client.post(_url(periode_a), data_post(nonce))
    assert r.status_code == 200
    html = r.content.decode()
    assert "belum tersimpan" in html
    assert ("U5", "3") in _baca(html).checked  # answers kept
    assert _nonce_dari(html) not in ("", nonce)  # a fresh, valid number to send again
    assert not Respons.objects.exists()


def test_a_form_number_of_another_period_is_not_accepted(client, periode_a, periode_b):
    r = client.post(_url(periode_a), data_post(buat_nonce(periode_b)))
    assert r.status_code == 200 and not Respons.objects.exists()


def test_the_rate_limit_answers_kindly_and_keeps_the_answers(client, periode_a, settings):
    settings.KINERJA_SKM_BATAS_PER_MENIT = 2
    for _ in range(2):
        assert client.post(_url(periode_a), data_post(buat_nonce(periode_a))).status_code == 303
    r = client.post(_url(periode_a), data_post(buat_nonce(periode_a), 4, saran="Mantap"))
    assert r.status_code == 429
    html = r.content.decode()
    assert (
        "Terlalu banyak kuesioner terkirim dari jaringan ini" in html and "tunggu sekitar satu menit" in html
    )
    assert "Mantap</textarea>" in html
    assert Respons.objects.count() == 2


def test_a_counter_queue_behind_one_address_is_not_blocked(client, periode_a):
    # Twenty respondents one after another at one service-desk PC (or one office NAT), within a minute.
    for _ in range(services.BATAS_PER_MENIT):
        assert client.post(_url(periode_a), data_post(buat_nonce(periode_a))).status_code == 303
    assert Respons.objects.count() == services.BATAS_PER_MENIT


def test_a_trusted_proxy_header_gives_the_client_address(client, periode_a, settings):
    from kinerja.surveys.models import JejakKlien

    settings.KINERJA_HEADER_ALAMAT_KLIEN = "HTTP_X_FORWARDED_FOR"
    client.post(
        _url(periode_a), data_post(buat_nonce(periode_a)), HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9"
    )
    assert JejakKlien.objects.get().kunci == services.kunci_klien("203.0.113.9")


def test_ticket_codes_through_the_form_are_one_use(client, buat_periode, unit_a):
    p = buat_periode(unit_a, wajib_kode_tiket=True)
    kode = services.buat_kode_tiket(p, 2)
    html = client.get(_url(p)).content.decode()
    assert 'name="kode_tiket"' in html and "required" in html
    r = client.post(_url(p), data_post(buat_nonce(p)))
    assert "Kode tiket wajib diisi" in r.content.decode()
    assert client.post(_url(p), data_post(buat_nonce(p), kode_tiket=kode[0].kode_cetak)).status_code == 303
    r = client.post(_url(p), data_post(buat_nonce(p), 2, kode_tiket=kode[0].kode_cetak.lower()))
    assert r.status_code == 200 and "Kode tiket ini sudah dipakai" in r.content.decode()
    assert 'href="#id_kode_tiket"' in r.content.decode()
    r = client.post(_url(p), data_post(buat_nonce(p), kode_tiket="AAAA-AAAA"))
    assert "tidak dikenal" in r.content.decode()
    assert Respons.objects.count() == 1
    assert KodeTiket.objects.filter(dipakai_pada__isnull=False).count() == 1


def test_a_closed_period_says_so_and_links_its_results(client, periode_a, pimpinan_a):
    for _ in range(2):
        services.kirim_respons(periode_a, jawaban_penuh(3))
    assert client.get(_url(periode_a, "surveys:hasil")).status_code == 404  # not before closing
    services.tutup_periode(periode_a, pimpinan_a)
    r = client.get(_url(periode_a))
    html = r.content.decode()
    assert r.status_code == 200 and "sudah ditutup" in html
    assert _url(periode_a, "surveys:hasil") in html and 'name="nonce"' not in html
    r = client.post(_url(periode_a), data_post(buat_nonce(periode_a)))
    assert "sudah ditutup" in r.content.decode()
    assert Respons.objects.count() == 2
    hasil = client.get(_url(periode_a, "surveys:hasil"))
    assert hasil.status_code == 200 and "75,00" in hasil.content.decode()


def test_before_the_start_and_after_the_end_the_form_explains(client, buat_periode, unit_a):
    hari = timezone.localdate()
    nanti = buat_periode(
        unit_a, tanggal_mulai=hari + timedelta(days=3), tanggal_selesai=hari + timedelta(days=30)
    )
    lewat = buat_periode(
        unit_a, tanggal_mulai=hari - timedelta(days=30), tanggal_selesai=hari - timedelta(days=1)
    )
    assert "belum dibuka" in client.get(_url(nanti)).content.decode()
    assert "sudah berakhir" in client.post(_url(lewat), data_post(buat_nonce(lewat))).content.decode()
    assert not Respons.objects.exists()


def test_an_unknown_token_is_404(client, db):
    assert client.get("/skm/tidak-ada/").status_code == 404


def test_the_page_with_its_css_weighs_at_most_100_kb(client, periode_a, layanan_a):
    # Long option lists too: a unit with 15 services.
    for i in range(13):
        JenisLayanan.objects.create(unit=periode_a.unit, nama=f"Layanan administrasi kependudukan nomor {i}")
    html = client.get(_url(periode_a)).content
    css = re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert css, "the page loads its stylesheets"
    berat = len(html) + sum(Path(finders.find(c.decode())).stat().st_size for c in css)
    assert not re.search(rb"<(script|img|iframe)\b", html)  # nothing else is loaded
    assert berat <= 100 * 1024, f"{berat} bytes"


def _jumlah_query(client, periode) -> int:
    data = data_post(buat_nonce(periode), jenis_layanan=periode.unit.layanan_skm.first().pk)
    with CaptureQueriesContext(connection) as q:
        r = client.post(_url(periode), data)
    assert r.status_code == 303
    return len(q.captured_queries)


def test_the_post_runs_a_fixed_number_of_queries(client, buat_periode, unit_a, unit_b, settings):
    kecil = buat_periode(unit_a)
    JenisLayanan.objects.create(unit=unit_a, nama="KTP")
    besar = buat_periode(unit_b)
    for i in range(30):
        JenisLayanan.objects.create(unit=unit_b, nama=f"Layanan {i}")
        OpsiProfil.objects.create(unit=unit_b, pertanyaan="pekerjaan", label=f"Pekerjaan {i}", urutan=10 + i)
    # Warm: the questionnaire of each token is cached; the first response of the day purges old traces.
    _jumlah_query(client, kecil)
    _jumlah_query(client, besar)
    n = _jumlah_query(client, kecil)
    assert _jumlah_query(client, besar) == n
    # Rate limit, insert, aggregates; + savepoint and release (the test runs inside a transaction, so
    # the service's atomic block is a savepoint here, a BEGIN/COMMIT in production).
    assert n <= 5, n
    # Without the cache: + the period, its questions, the jenis layanan and the profile options.
    settings.KINERJA_SKM_CACHE_DETIK = 0
    n = _jumlah_query(client, kecil)
    assert _jumlah_query(client, besar) == n <= 9


def test_a_change_of_the_lists_shows_at_once(client, periode_a):
    from kinerja.surveys.services import atur_daftar

    assert "Akta kelahiran" not in client.get(_url(periode_a)).content.decode()
    atur_daftar(periode_a.unit, JenisLayanan, ["Akta kelahiran"])
    assert "Akta kelahiran" in client.get(_url(periode_a)).content.decode()


def test_a_period_closed_by_another_process_refuses_even_from_the_cache(client, periode_a):
    from kinerja.surveys.models import PeriodeSurvei

    services.kirim_respons(periode_a, jawaban_penuh())
    client.get(_url(periode_a))  # cached here as open
    # Closed elsewhere (no signal reaches this process's cache):
    PeriodeSurvei.objects.filter(pk=periode_a.pk).update(status="ditutup")
    Agregat.objects.filter(periode=periode_a).update(ditutup=True)
    r = client.post(_url(periode_a), data_post(buat_nonce(periode_a)))
    assert r.status_code == 200 and "sudah ditutup" in r.content.decode()
    assert Respons.objects.count() == 1

"""Operator screens of the SKM, seen by each of the cast: who may see, change, enter paper forms, make
ticket codes and close; someone else cannot (404 for another unit's period, 403 for a forbidden act)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kinerja.surveys import services
from kinerja.surveys.forms import buat_nonce
from kinerja.surveys.models import JenisLayanan, KodeTiket, OpsiProfil, PeriodeSurvei, Respons, SnapshotIKM
from tests.surveys.conftest import data_post, jawaban_penuh

pytestmark = pytest.mark.django_db

HALAMAN_PERIODE = ["periode", "ubah", "kertas", "tutup", "kode_tiket"]


def _u(nama, periode):
    return reverse(f"surveys:{nama}", args=[periode.pk])


def _isi(periode, n=3):
    for i in range(n):
        services.kirim_respons(periode, jawaban_penuh(3 + i % 2))


def _semua_url(periode):
    return [_u(n, periode) for n in HALAMAN_PERIODE] + [
        reverse("surveys:pengaturan_unit", args=[periode.unit_id]),
    ]


def test_anonymous_visitors_are_sent_to_login(client, periode_a):
    for url in [reverse("surveys:daftar"), reverse("surveys:baru"), *_semua_url(periode_a)]:
        for metode in (client.get, client.post):
            r = metode(url)
            assert r.status_code == 302 and "/masuk/" in r["Location"], url
    assert not Respons.objects.exists()


def test_the_operator_of_another_unit_cannot_touch_the_survey(client_as, operator_b, periode_a):
    _isi(periode_a)
    (tiket,) = services.buat_kode_tiket(periode_a, 1)
    client = client_as(operator_b)
    for url in _semua_url(periode_a):
        assert client.get(url).status_code == 404, url
        r = client.post(url, {"jumlah": "5", "judul": "x", **data_post(buat_nonce(periode_a))})
        assert r.status_code == (405 if url == _u("periode", periode_a) else 404), (
            url
        )  # the page itself is GET only
    # Nothing changed: no response, no code, not closed, and the list does not show it.
    assert Respons.objects.count() == 3 and KodeTiket.objects.count() == 1
    assert PeriodeSurvei.objects.get(pk=periode_a.pk).status == "dibuka"
    r = client.get(reverse("surveys:daftar"))
    assert periode_a.judul not in r.content.decode()
    assert tiket.kode not in r.content.decode()


def test_the_operator_sees_the_period_with_its_public_address_and_ikm(client_as, operator_a, periode_a):
    _isi(periode_a, 4)
    r = client_as(operator_a).get(_u("periode", periode_a))
    html = r.content.decode()
    assert r.status_code == 200
    assert f"/skm/{periode_a.token}/" in html and "87,50" in html and "IKM sementara" in html
    assert _u("kertas", periode_a) in html and _u("tutup", periode_a) not in html


def test_the_operator_makes_a_period_with_edited_labels(client_as, operator_a, unit_a, unit_b):
    client = client_as(operator_a)
    r = client.get(reverse("surveys:baru"))
    html = r.content.decode()
    assert r.status_code == 200 and "Sangat sopan dan ramah" in html
    assert f'<option value="{unit_a.pk}"' in html and f'value="{unit_b.pk}"' not in html
    data = {
        "unit": unit_a.pk,
        "judul": "Triwulan I 2026",
        "jenis": "triwulan",
        "tanggal_mulai": "2026-01-01",
        "tanggal_selesai": "2026-03-31",
        "regime": "2017",
        "penimbang": "tepat",
        "populasi": "1200",
        "unsur-TOTAL_FORMS": "9",
        "unsur-INITIAL_FORMS": "9",
        "unsur-MIN_NUM_FORMS": "1",
        "unsur-MAX_NUM_FORMS": "1000",
    }
    for i, u in enumerate(re.findall(r'name="unsur-(\d+)-kode" value="(U\d)"', html)):
        n = u[0]
        data[f"unsur-{n}-kode"] = u[1]
        data[f"unsur-{n}-pertanyaan"] = f"Pertanyaan {i + 1}?"
        for k in range(1, 5):
            data[f"unsur-{n}-label_{k}"] = f"Pilihan {k}"
    data["unsur-3-label_4"] = "Sangat wajar"
    r = client.post(reverse("surveys:baru"), data)
    assert r.status_code == 302, r.content.decode()[:2000]
    p = PeriodeSurvei.objects.get(judul="Triwulan I 2026")
    assert (p.unit, p.jenis, p.populasi, p.status) == (unit_a, "triwulan", 1200, "dibuka")
    u4 = p.unsur.get(kode="U4")
    assert (u4.nama, u4.pertanyaan, u4.label_4) == ("Biaya/Tarif", "Pertanyaan 4?", "Sangat wajar")
    # A unit the operator does not manage is refused by the form.
    data["unit"] = unit_b.pk
    r = client.post(reverse("surveys:baru"), data)
    assert r.status_code == 200 and PeriodeSurvei.objects.filter(unit=unit_b).count() == 0


def test_someone_who_manages_no_unit_cannot_make_a_period(client_as, inspektur, pimpinan_a):
    for user in (inspektur, pimpinan_a):
        assert client_as(user).get(reverse("surveys:baru")).status_code == 403


def test_paper_entry_stores_with_blanks_and_counts_once(client_as, operator_a, periode_a):
    client = client_as(operator_a)
    html = client.get(_u("kertas", periode_a)).content.decode()
    nonce = re.search(r'name="nonce" value="([^"]+)"', html).group(1)
    data = data_post(nonce, 4)
    del data["U5"]  # left blank on the sheet
    r = client.post(_u("kertas", periode_a), data)
    assert r.status_code == 302
    resp = Respons.objects.get()
    assert (resp.sumber, resp.u5, resp.u4) == ("kertas", None, 4)
    assert client.post(_u("kertas", periode_a), data).status_code == 302  # sent twice
    assert Respons.objects.count() == 1
    r = client.post(_u("kertas", periode_a), {"nonce": buat_nonce(periode_a)})
    assert r.status_code == 200 and "Kuesioner kosong" in r.content.decode()


def test_the_operator_makes_printable_ticket_codes(client_as, operator_a, periode_a):
    client = client_as(operator_a)
    r = client.post(_u("kode_tiket", periode_a), {"jumlah": "12"})
    assert r.status_code == 302 and KodeTiket.objects.filter(periode=periode_a).count() == 12
    html = client.get(_u("kode_tiket", periode_a)).content.decode()
    assert html.count('class="kode"') == 12
    assert KodeTiket.objects.first().kode_cetak in html
    r = client.post(_u("kode_tiket", periode_a), {"jumlah": "999999"})
    assert r.status_code == 200 and "Paling banyak" in r.content.decode()


def test_the_pimpinan_sees_and_closes_but_does_not_enter_data(client_as, pimpinan_a, periode_a):
    _isi(periode_a, 4)
    client = client_as(pimpinan_a)
    assert client.get(_u("periode", periode_a)).status_code == 200
    for nama in ("ubah", "kertas", "kode_tiket"):
        assert client.get(_u(nama, periode_a)).status_code == 403, nama
    r = client.get(_u("tutup", periode_a))
    assert r.status_code == 200 and "87,50" in r.content.decode()
    assert PeriodeSurvei.objects.get(pk=periode_a.pk).status == "dibuka"  # GET only shows
    r = client.post(_u("tutup", periode_a))
    assert r.status_code == 302
    assert PeriodeSurvei.objects.get(pk=periode_a.pk).status == "ditutup"
    assert SnapshotIKM.objects.get(jenis_layanan__isnull=True).nilai == SnapshotIKM.objects.get().nilai
    html = client.get(_u("periode", periode_a)).content.decode()
    assert "IKM (tetap, saat ditutup)" in html


def test_the_operator_cannot_close(client_as, operator_a, periode_a):
    _isi(periode_a)
    client = client_as(operator_a)
    assert client.get(_u("tutup", periode_a)).status_code == 403
    assert client.post(_u("tutup", periode_a)).status_code == 403
    assert PeriodeSurvei.objects.get(pk=periode_a.pk).status == "dibuka"


def test_the_admin_of_the_pemda_closes_any_unit(client_as, admin_pemda, periode_b):
    _isi(periode_b)
    assert client_as(admin_pemda).post(_u("tutup", periode_b)).status_code == 302
    assert PeriodeSurvei.objects.get(pk=periode_b.pk).status == "ditutup"


@pytest.mark.parametrize("pengguna", ["verifikator", "inspektur"])
def test_readers_see_but_neither_change_nor_close(request, client_as, pengguna, periode_a):
    _isi(periode_a)
    client = client_as(request.getfixturevalue(pengguna))
    assert client.get(_u("periode", periode_a)).status_code == 200
    assert periode_a.judul in client.get(reverse("surveys:daftar")).content.decode()
    for nama in ("ubah", "kertas", "kode_tiket", "tutup"):
        assert client.get(_u(nama, periode_a)).status_code == 403, nama
        assert client.post(_u(nama, periode_a)).status_code == 403, nama


def test_closing_without_respondents_is_explained(client_as, pimpinan_a, periode_a):
    r = client_as(pimpinan_a).post(_u("tutup", periode_a))
    assert r.status_code == 200 and "belum dapat ditutup" in r.content.decode()


def test_a_closed_period_can_no_longer_be_edited(client_as, operator_a, pimpinan_a, periode_a):
    _isi(periode_a)
    services.tutup_periode(periode_a, pimpinan_a)
    client = client_as(operator_a)
    for nama in ("ubah", "kertas"):
        assert client.get(_u(nama, periode_a)).status_code == 403
    assert client.post(_u("kode_tiket", periode_a), {"jumlah": "3"}).status_code == 403


def test_the_operator_edits_the_unit_lists(client_as, operator_a, unit_a):
    client = client_as(operator_a)
    url = reverse("surveys:pengaturan_unit", args=[unit_a.pk])
    html = client.get(url).content.decode()
    assert "Wirausaha" in html
    r = client.post(
        url,
        {
            "layanan": "KTP elektronik\nKartu keluarga\n",
            "jenis_kelamin": "Laki-laki\nPerempuan",
            "umur": "Muda\nTua",
            "pendidikan": "SD\nSMP\nSMA",
            "pekerjaan": "Petani\nNelayan\nLainnya",
        },
    )
    assert r.status_code == 302
    assert list(JenisLayanan.objects.filter(unit=unit_a, aktif=True).values_list("nama", flat=True)) == [
        "KTP elektronik",
        "Kartu keluarga",
    ]
    aktif = OpsiProfil.objects.filter(unit=unit_a, pertanyaan="pekerjaan", aktif=True)
    assert list(aktif.values_list("label", flat=True)) == ["Petani", "Nelayan", "Lainnya"]


def test_the_list_shows_each_period_with_its_respondents(
    client_as, operator_a, periode_a, pimpinan_a, buat_periode, unit_a
):
    _isi(periode_a, 2)
    services.tutup_periode(periode_a, pimpinan_a)
    lain = buat_periode(unit_a, judul="Semester II")
    _isi(lain, 1)
    html = client_as(operator_a).get(reverse("surveys:daftar")).content.decode()
    assert periode_a.judul in html and "Semester II" in html and "sementara" in html


def test_the_list_runs_a_fixed_number_of_queries(
    client_as, admin_pemda, buat_periode, unit_a, unit_b, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(admin_pemda)

    def hitung():
        with CaptureQueriesContext(connection) as q:
            assert client.get(reverse("surveys:daftar")).status_code == 200
        return len(q.captured_queries)

    p = buat_periode(unit_a)
    _isi(p, 2)
    sedikit = hitung()
    for i in range(20):
        p = buat_periode(unit_b if i % 2 else unit_a, judul=f"Periode {i}")
        _isi(p, 1)
    assert hitung() == sedikit
    assert sedikit <= 8, sedikit


def test_the_operator_edits_an_open_period_and_its_wording(client_as, operator_a, periode_a):
    client = client_as(operator_a)
    html = client.get(_u("ubah", periode_a)).content.decode()
    data = {
        "judul": "Semester I (diperpanjang)",
        "jenis": "semester",
        "tanggal_mulai": periode_a.tanggal_mulai.isoformat(),
        "tanggal_selesai": "2099-12-31",
        "penimbang": "tepat",
        "populasi": "",
        "wajib_kode_tiket": "on",
        "unsur-TOTAL_FORMS": "9",
        "unsur-INITIAL_FORMS": "9",
        "unsur-MIN_NUM_FORMS": "1",
        "unsur-MAX_NUM_FORMS": "1000",
    }
    for n, kode in re.findall(r'name="unsur-(\d+)-kode" value="(U\d)"', html):
        u = periode_a.unsur.get(kode=kode)
        data.update({f"unsur-{n}-kode": kode, f"unsur-{n}-pertanyaan": u.pertanyaan})
        data.update({f"unsur-{n}-label_{k}": lbl for k, lbl in enumerate(u.label, start=1)})
    data["unsur-7-label_1"] = "Kurang"
    r = client.post(_u("ubah", periode_a), data)
    assert r.status_code == 302, r.content.decode()[:1500]
    p = PeriodeSurvei.objects.get(pk=periode_a.pk)
    assert (p.judul, p.wajib_kode_tiket, str(p.tanggal_selesai)) == (
        "Semester I (diperpanjang)",
        True,
        "2099-12-31",
    )
    assert (
        p.unsur.get(kode="U8").label_1 == "Kurang" and p.regime == "2017" and p.unit_id == periode_a.unit_id
    )
    # The public form shows the new wording and asks for the ticket code at once.
    publik = client.get(reverse("surveys:formulir", args=[p.token])).content.decode()
    assert "<span>Kurang</span>" in publik and 'name="kode_tiket"' in publik


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_numbers_read_the_same_in_both_languages(client_as, operator_a, periode_a, bahasa):
    """One number format whatever the interface's language: the figures of an Indonesian record."""
    import re

    _isi(periode_a, 4)
    c = client_as(operator_a)
    c.post(reverse("set_language"), {"language": bahasa, "next": "/"})
    html = c.get(_u("periode", periode_a)).content.decode()
    assert "87,50" in html  # the IKM
    nrr = re.findall(r'<td class="angka">([^<]*)</td>', html)
    assert "3,50" in nrr  # each unsur's NRR, formatted like the IKM
    assert not re.search(r">\s*\d+\.\d{2}\s*<", html)  # no "3.50" anywhere
    from decimal import Decimal

    from django.utils.formats import number_format
    from django.utils.translation import override

    with override(bahasa):
        assert number_format(Decimal("1234567.891"), 2, force_grouping=True) == "1.234.567,89"

"""Saran dan masukan: the respondents' free texts, for the unit's users only, with their low ratings,
searchable, per jenis layanan, paginated with fixed queries, and the same selection as XLSX."""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kinerja.surveys import services
from tests.surveys.conftest import jawaban_penuh

pytestmark = pytest.mark.django_db


def _kirim(periode, saran, nilai=3, **lain):
    data = {**jawaban_penuh(nilai), "saran": saran, **lain}
    return services.kirim_respons(periode, data)


def _masuk(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_only_those_who_may_view_the_period_read_the_texts(
    client, periode_a, operator_a, operator_b, admin_pemda, inspektur
):
    _kirim(periode_a, "Antrean KTP terlalu lama")
    url = reverse("surveys:saran", args=[periode_a.pk])
    unduh = reverse("surveys:saran_xlsx", args=[periode_a.pk])
    for u in (url, unduh):
        r = client.get(u)
        assert r.status_code == 302 and "/masuk/" in r["Location"]
        assert _masuk(operator_b).get(u).status_code == 404  # another unit's period does not exist for them
    for user in (operator_a, admin_pemda, inspektur):
        r = _masuk(user).get(url)
        assert r.status_code == 200 and "Antrean KTP terlalu lama" in r.content.decode()
    # The results page says how many wrote one, never what; only the unit's users get the link.
    services.tutup_periode(periode_a, admin_pemda)
    publik = client.get(reverse("surveys:hasil", args=[periode_a.token])).content.decode()
    assert "Antrean KTP" not in publik and "1 responden menulis saran dan masukan." in publik
    assert url not in publik
    assert url in _masuk(operator_a).get(reverse("surveys:hasil", args=[periode_a.token])).content.decode()


def test_newest_first_with_each_respondents_low_ratings(periode_a, operator_a):
    _kirim(
        periode_a,
        "Pertama",
        nilai=[4, 4, 1, 4, 4, 4, 2, 4, 4],
        diterima_pada=timezone.now() - timedelta(days=2),
    )
    _kirim(periode_a, "Kedua", nilai=4, diterima_pada=timezone.now() - timedelta(days=1))
    _kirim(periode_a, "", nilai=1)  # no saran: not listed
    html = _masuk(operator_a).get(reverse("surveys:saran", args=[periode_a.pk])).content.decode()
    assert html.index("Kedua") < html.index("Pertama")
    assert "2 saran" in html
    baris_pertama = html[html.index("Pertama") :].split("</tr>")[0]
    assert "U3</abbr>&nbsp;(1)" in baris_pertama and "U7</abbr>&nbsp;(2)" in baris_pertama
    assert "U1<" not in baris_pertama


def test_texts_are_escaped_and_keep_their_line_breaks(periode_a, operator_a):
    _kirim(periode_a, "<script>alert(1)</script>\nbaris dua")
    html = _masuk(operator_a).get(reverse("surveys:saran", args=[periode_a.pk])).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>baris dua" in html


def test_search_and_jenis_layanan_narrow_the_list_and_the_download(periode_a, operator_a, layanan_a):
    ktp, sku = layanan_a
    _kirim(periode_a, "Petugas KTP ramah", jenis_layanan=ktp)
    _kirim(periode_a, "Blangko KTP habis", jenis_layanan=ktp)
    _kirim(periode_a, "Syarat SKU tidak jelas", jenis_layanan=sku)
    c = _masuk(operator_a)
    url = reverse("surveys:saran", args=[periode_a.pk])
    html = c.get(url, {"cari": "ktp"}).content.decode()
    assert "Petugas KTP ramah" in html and "Blangko KTP habis" in html and "Syarat SKU" not in html
    html = c.get(url, {"layanan": str(sku.pk)}).content.decode()
    assert "Syarat SKU tidak jelas" in html and "KTP" not in html.split("<table", 1)[1]
    html = c.get(url, {"cari": "tidak ada yang menulis ini"}).content.decode()
    assert "Tidak ada saran yang sesuai pilihan ini." in html
    # The download link carries the selection (not the page number); the file holds exactly that selection.
    html = c.get(url, {"cari": "KTP", "layanan": str(ktp.pk), "halaman": "1"}).content.decode()
    unduh = reverse("surveys:saran_xlsx", args=[periode_a.pk])
    assert f'href="{unduh}?cari=KTP&amp;layanan={ktp.pk}"' in html
    r = c.get(reverse("surveys:saran_xlsx", args=[periode_a.pk]), {"cari": "KTP", "layanan": str(ktp.pk)})
    assert r.status_code == 200 and r["Content-Disposition"].endswith('.xlsx"')
    lembar = load_workbook(BytesIO(r.content)).active
    rows = list(lembar.iter_rows(values_only=True))
    assert rows[0][:5] == ("No", "Diterima", "Jenis layanan", "Sumber", "Saran dan masukan")
    assert rows[0][5:] == tuple(f"U{i}" for i in range(1, 10))
    assert sorted(r[4] for r in rows[1:]) == ["Blangko KTP habis", "Petugas KTP ramah"]
    assert all(r[2] == "KTP elektronik" and r[5:] == (3,) * 9 for r in rows[1:])
    assert all(isinstance(r[1], type(timezone.now().replace(tzinfo=None))) for r in rows[1:])


def test_pages_of_fifty_with_a_fixed_number_of_queries(periode_a, operator_a):
    c = _masuk(operator_a)
    url = reverse("surveys:saran", args=[periode_a.pk])
    for i in range(3):
        _kirim(periode_a, f"saran nomor {i}")
    c.get(url)  # warm the session and the user's roles
    with CaptureQueriesContext(connection) as q3:
        assert c.get(url).status_code == 200
    for i in range(3, 120):
        _kirim(periode_a, f"saran nomor {i}")
    with CaptureQueriesContext(connection) as q120:
        r = c.get(url)
    assert len(q120) == len(q3), [x["sql"] for x in q120]
    html = r.content.decode()
    assert "120 saran" in html and "Halaman 1 dari 3" in html
    assert "saran nomor 119" in html and "saran nomor 69" not in html
    html = c.get(url, {"halaman": "3"}).content.decode()
    assert "saran nomor 0<" in html and "saran nomor 20<" not in html


def test_the_period_page_counts_and_links_the_saran(periode_a, operator_a):
    _kirim(periode_a, "Tolong tambah kursi")
    _kirim(periode_a, "")
    html = _masuk(operator_a).get(reverse("surveys:periode", args=[periode_a.pk])).content.decode()
    assert reverse("surveys:saran", args=[periode_a.pk]) in html
    assert "Saran dan masukan (1)" in html


def test_a_saran_becomes_a_follow_up_in_the_operators_own_words(
    periode_a, operator_a, inspektur, admin_pemda
):
    # The respondent rated U9 lowest, but writes about the waiting room: the plan is about U8.
    _kirim(periode_a, "Ruang tunggu panas,\nkipas rusak", nilai=[4, 4, 4, 4, 4, 4, 4, 2, 1])
    url = reverse("surveys:saran", args=[periode_a.pk])
    assert "Jadikan rencana tindak lanjut" not in _masuk(inspektur).get(url).content.decode()  # reads only
    c = _masuk(operator_a)
    html = c.get(url).content.decode()
    tautan = re.search(r'href="([^"]+)">Jadikan rencana tindak lanjut', html).group(1).replace("&amp;", "&")
    assert tautan.startswith(reverse("surveys:tindak_lanjut", args=[periode_a.pk]))
    assert "kipas" not in tautan  # the saran's text is not put into a link
    form = c.get(tautan).content.decode()
    assert '<option value="U8" selected>' in form  # the unsur its words speak of
    assert "<blockquote>Ruang tunggu panas,\nkipas rusak</blockquote>" in form  # shown to the unit only
    assert "Menindaklanjuti saran" not in form  # the plan's text is not prefilled with it
    respons = re.search(r'name="respons" value="(\d+)"', form).group(1)
    isi = {
        "respons": respons,
        "kode_unsur": "U8",
        "penanggung_jawab": "Sekcam",
        "target_waktu": "2030-06-30",
        "status": "rencana",
    }
    tautan_post = reverse("surveys:tindak_lanjut", args=[periode_a.pk])
    r = c.post(tautan_post, {**isi, "uraian": "Ganti kipas", "tulis_ulang": ""})
    assert r.status_code == 400 and "Bidang ini" in r.content.decode()  # the confirmation is required
    r = c.post(
        tautan_post, {**isi, "uraian": "Ruang tunggu panas, kipas rusak — segera", "tulis_ulang": "on"}
    )
    assert r.status_code == 400 and "kalimat responden apa adanya" in r.content.decode()
    r = c.post(tautan_post, {**isi, "uraian": "Hubungi pelapor di 0812-3456-7890", "tulis_ulang": "on"})
    assert r.status_code == 400 and "Hapus nomor telepon" in r.content.decode()
    r = c.post(
        tautan_post, {**isi, "uraian": "Memperbaiki sirkulasi udara ruang tunggu", "tulis_ulang": "on"}
    )
    assert r.status_code == 302
    services.tutup_periode(periode_a, admin_pemda)
    publik = Client().get(reverse("surveys:hasil", args=[periode_a.token])).content.decode()
    assert "Memperbaiki sirkulasi udara ruang tunggu" in publik and "kipas rusak" not in publik


def test_a_follow_up_entered_by_mistake_can_be_deleted(client, periode_a, operator_a, operator_b, inspektur):
    from datetime import date

    from kinerja.surveys.models import TindakLanjut

    _kirim(periode_a, "")
    tl = TindakLanjut.objects.create(
        periode=periode_a,
        kode_unsur="U3",
        uraian="Salah ketik",
        penanggung_jawab="Sekcam",
        target_waktu=date(2030, 1, 1),
    )
    url = reverse("surveys:tindak_lanjut_hapus", args=[periode_a.pk, tl.pk])
    assert client.post(url).status_code == 302 and TindakLanjut.objects.filter(pk=tl.pk).exists()  # to login
    assert _masuk(operator_b).post(url).status_code == 404
    assert _masuk(inspektur).post(url).status_code == 403
    c = _masuk(operator_a)
    assert url in c.get(reverse("surveys:tindak_lanjut_ubah", args=[periode_a.pk, tl.pk])).content.decode()
    tanya = c.get(url)
    assert tanya.status_code == 200 and "Salah ketik" in tanya.content.decode()
    assert TindakLanjut.objects.filter(pk=tl.pk).exists()  # asking deletes nothing
    r = c.post(url)
    assert r.status_code == 302 and r["Location"] == reverse("surveys:tindak_lanjut", args=[periode_a.pk])
    assert not TindakLanjut.objects.filter(pk=tl.pk).exists()

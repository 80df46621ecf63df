"""The PK editor on the web: forms per row, findings linked to the form that fixes them, bad input kept."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kinerja.agreements.models import Indikator, Program
from kinerja.riwayat.models import Riwayat

pytestmark = pytest.mark.django_db


@pytest.fixture
def draf(pk_factory, unit_a):
    return pk_factory(unit_a, n_indikator=4, draft=True)


def _ubah(pk) -> str:
    return reverse("agreements:pk_sunting", args=[pk.pk])


def test_the_editor_shows_every_row_and_links_each_finding_to_its_form(client_as, operator_a, draf):
    html = client_as(operator_a).get(_ubah(draf)).content.decode()
    for i in Indikator.objects.filter(sasaran__perjanjian=draf):
        assert f'id="indikator-{i.pk}"' in html and i.uraian in html
        assert reverse("agreements:pk_sunting_baris", args=[draf.pk, "indikator", i.pk]) in html
    # The built PK has a "Balk" predicate slip (a peringatan at its indikator): the finding links to
    # the form of that indikator, which opens with the target ready to fix.
    ikm = Indikator.objects.get(sasaran__perjanjian=draf, uraian__startswith="Indeks")
    url = reverse("agreements:pk_sunting_baris", args=[draf.pk, "indikator", ikm.pk])
    assert re.search(rf'<a href="{re.escape(url)}">Lampiran 1, tabel kinerja', html)
    form = client_as(operator_a).get(url).content.decode()
    assert 'value="84,00 (Balk)"' in form
    # Fixed through that form: the finding is gone, one trail entry.
    r = client_as(operator_a).post(
        url,
        {
            "uraian": ikm.uraian,
            "target": "84,00 (Baik)",
            "satuan": "",
            "polaritas": "positif",
            "sasaran": ikm.sasaran_id,
        },
    )
    assert r.status_code == 302 and r["Location"].endswith(f"#indikator-{ikm.pk}")
    # The slip in Lampiran 1 is fixed; the same slip in its Lampiran 2 penjelasan links to that form.
    sisa = client_as(operator_a).get(_ubah(draf)).content.decode()
    assert html.count("<code>PK-TGT-002</code>") == 2 and sisa.count("<code>PK-TGT-002</code>") == 1
    assert reverse("agreements:pk_sunting_penjelasan", args=[draf.pk, ikm.pk]) in sisa
    assert Riwayat.objects.untuk(draf).last().perubahan == [
        {"bidang": "target", "lama": "84,00 (Balk)", "baru": "84,00 (Baik)"}
    ]


def test_adding_rows_and_a_refused_value_keeps_what_was_typed(client_as, operator_a, draf):
    client = client_as(operator_a)
    sasaran = draf.sasaran.order_by("urutan").first()
    r = client.post(
        reverse("agreements:pk_sunting_indikator_tambah", args=[draf.pk, sasaran.pk]),
        {"uraian": "Jumlah inovasi pelayanan", "target": "2 inovasi"},
    )
    assert r.status_code == 302 and Indikator.objects.filter(uraian="Jumlah inovasi pelayanan").exists()
    r = client.post(
        reverse("agreements:pk_sunting_program_tambah", args=[draf.pk]),
        {"nama": "Program Penyelenggaraan Ketenteraman", "anggaran": "dua juta"},
    )
    html = r.content.decode()
    assert r.status_code == 400 and "Anggaran “dua juta” tidak terbaca" in html
    assert "Program Penyelenggaraan Ketenteraman" in html and 'value="dua juta"' in html
    assert not Program.objects.filter(nama__startswith="Program Penyelenggaraan").exists()


def test_moving_and_removing_rows(client_as, operator_a, draf):
    client = client_as(operator_a)
    pertama, kedua = draf.program.order_by("urutan")[:2]
    client.post(reverse("agreements:pk_sunting_pindah", args=[draf.pk, "program", kedua.pk, "naik"]))
    assert list(draf.program.order_by("urutan").values_list("pk", flat=True))[:2] == [kedua.pk, pertama.pk]
    assert (
        "Hapus?"
        in client.get(
            reverse("agreements:pk_sunting_hapus", args=[draf.pk, "program", pertama.pk])
        ).content.decode()
    )
    client.post(reverse("agreements:pk_sunting_hapus", args=[draf.pk, "program", pertama.pk]))
    assert not Program.objects.filter(pk=pertama.pk).exists()


def test_only_the_units_editors_and_only_a_draft(
    client_as, operator_b, pimpinan_a, operator_a, pk_factory, unit_a, draf
):
    assert client_as(operator_b).get(_ubah(draf)).status_code == 404
    assert client_as(pimpinan_a).get(_ubah(draf)).status_code == 403
    terbit = pk_factory(unit_a, tahun=2023)
    r = client_as(operator_a).get(_ubah(terbit))
    assert r.status_code == 409 and "buat PK perubahan" in r.content.decode()
    # The PK page offers the editor to those who may use it.
    assert (
        _ubah(draf)
        in client_as(operator_a).get(reverse("agreements:pk_detail", args=[draf.pk])).content.decode()
    )
    assert (
        _ubah(draf)
        not in client_as(pimpinan_a).get(reverse("agreements:pk_detail", args=[draf.pk])).content.decode()
    )


def test_the_editor_runs_a_fixed_number_of_queries(
    client_as, operator_a, pk_factory, unit_a, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(operator_a)
    kecil = pk_factory(unit_a, n_indikator=3, draft=True)
    besar = pk_factory(unit_a, n_indikator=60, draft=True, tahun=2025)
    with CaptureQueriesContext(connection) as q:
        assert client.get(_ubah(kecil)).status_code == 200
    with django_assert_num_queries(len(q.captured_queries)):
        assert client.get(_ubah(besar)).status_code == 200


def test_an_operator_starts_an_empty_pk_and_fills_it_in(client_as, operator_a, unit_a):
    from kinerja.agreements.models import PerjanjianKinerja
    from kinerja.units.models import Pejabat

    client = client_as(operator_a)
    url = reverse("agreements:pk_baru")
    form = client.get(url).context["form"]
    assert list(form.fields["unit"].queryset) == [unit_a]
    # No official chosen and none typed: refused, what was typed kept.
    r = client.post(url, {"unit": unit_a.pk, "tahun": 2025, "nip": "19711010 199312 2 003"})
    assert r.status_code == 400 and "Pilih pejabat atau isi nama pejabat baru" in r.content.decode()
    assert "19711010 199312 2 003" in r.content.decode()
    # A bad NIP for the new official: nothing is stored (neither the official nor the PK).
    r = client.post(url, {"unit": unit_a.pk, "tahun": 2025, "nama": "SITI HAERANI, S.SOS", "nip": "1971"})
    assert r.status_code == 400 and not Pejabat.objects.exists() and not PerjanjianKinerja.objects.exists()
    r = client.post(
        url,
        {
            "unit": unit_a.pk,
            "tahun": 2025,
            "nama": "SITI HAERANI, S.SOS",
            "nip": "19711010 199312 2 003",
            "jabatan": "Camat Bajeng",
        },
    )
    assert r.status_code == 302, re.sub(r"\s+", " ", r.content.decode())[-3000:]
    pk = PerjanjianKinerja.objects.get()
    assert r.status_code == 302 and r["Location"] == _ubah(pk)
    assert (pk.status, pk.tahun, pk.unit, pk.pihak_pertama_nama, pk.pihak_pertama_nip) == (
        "draf",
        2025,
        unit_a,
        "SITI HAERANI, S.SOS",
        "197110101993122003",
    )
    assert Riwayat.objects.untuk(pk).get().aksi == "pk.buat"
    # The same again: there is a draft already, the message says where.
    r = client.post(url, {"unit": unit_a.pk, "tahun": 2025, "pejabat": pk.pihak_pertama_id})
    assert r.status_code == 400 and f"/pk/{pk.pk}/" in r.content.decode()


def test_someone_without_an_edit_role_cannot_start_a_pk(client_as, pimpinan_a, verifikator):
    for user in (pimpinan_a, verifikator):
        assert client_as(user).get(reverse("agreements:pk_baru")).status_code == 403


def test_the_cascade_on_the_editor_pages(client_as, operator_a, pk_factory, pemda, unit_a):
    from kinerja.agreements import sunting
    from kinerja.domain import pk as d
    from kinerja.units.models import Pejabat

    bupati = pk_factory(
        pemda,
        n_indikator=3,
        pihak_pertama=d.Pihak(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", jabatan="Bupati Gowa"),
        pihak_kedua=d.Pihak(nama="GUBERNUR", jabatan="Gubernur"),
    )
    camat = Pejabat.objects.create(nama="ANDI CAMAT", jabatan="Camat Bajeng", unit=unit_a)
    pk = sunting.buat_pk(unit_a, operator_a, tahun=2024, pihak_pertama=camat)
    c = client_as(operator_a)
    html = c.get(_ubah(pk)).content.decode()
    assert 'id="atasan"' in html and f'<option value="{bupati.pk}">' in html
    r = c.post(reverse("agreements:pk_sunting_atasan", args=[pk.pk]), {"atasan": bupati.pk})
    assert r.status_code == 302
    url = reverse("agreements:pk_sunting_turunkan", args=[pk.pk])
    assert url in c.get(_ubah(pk)).content.decode()
    halaman = c.get(url).content.decode()
    induk = list(Indikator.objects.filter(sasaran__perjanjian=bupati).order_by("sasaran__urutan", "urutan"))
    for i in induk:
        assert f'value="{i.pk}"' in halaman
    # Nothing picked: refused with the reason, the page again.
    r = c.post(url, {})
    assert r.status_code == 400 and "Pilih sedikitnya satu indikator" in r.content.decode()
    r = c.post(url, {"indikator": [induk[0].pk, induk[2].pk]})
    assert r.status_code == 302
    html = c.get(_ubah(pk)).content.decode()
    assert html.count('class="mendukung"') == 4  # two sasaran, two indikator
    # The row form offers what it may support and saves a new link (one trail entry for the link).
    [_s1, s2] = list(pk.sasaran.order_by("urutan"))
    form = c.get(reverse("agreements:pk_sunting_baris", args=[pk.pk, "sasaran", s2.pk])).content.decode()
    assert 'name="mendukung"' in form and "— tidak tertaut —" in form
    sebelum = Riwayat.objects.untuk(pk).count()
    r = c.post(
        reverse("agreements:pk_sunting_baris", args=[pk.pk, "sasaran", s2.pk]),
        {"tingkat": "strategis", "uraian": s2.uraian, "mendukung": ""},
    )
    assert r.status_code == 302
    s2.refresh_from_db()
    assert s2.mendukung is None and Riwayat.objects.untuk(pk).count() == sebelum + 1
    # A link the row may not take is refused and the form keeps what was typed.
    r = c.post(
        reverse("agreements:pk_sunting_baris", args=[pk.pk, "sasaran", s2.pk]),
        {"tingkat": "strategis", "uraian": "Diketik ulang", "mendukung": "999999"},
    )
    assert r.status_code == 400 and "Diketik ulang" in r.content.decode()

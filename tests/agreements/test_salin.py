"""Start points of a new PK: a copy of the unit's last PK (targets kept, last year's beside them) and
the superior's published PK to derive from; from the service and from the "PK baru" page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.agreements import salin, sunting
from kinerja.agreements.models import Indikator, PerjanjianKinerja
from kinerja.riwayat.models import Riwayat
from kinerja.units.models import Pejabat

pytestmark = pytest.mark.django_db


def _baris(pk):
    return [
        (i.sasaran.tingkat, i.sasaran.uraian, i.uraian, i.target_teks, i.polaritas, i.relevansi)
        for i in Indikator.objects.filter(sasaran__perjanjian=pk)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "pk")
    ]


def test_a_copy_keeps_rows_targets_explanations_and_budget(operator_a, pk_factory, unit_a):
    lama = pk_factory(unit_a, n_indikator=4, tahun=2024)
    # A link inside the PK and a program's sasaran are copied too (set while it was a draft).
    PerjanjianKinerja.objects.filter(pk=lama.pk).update(status="draf")
    s_strategis = lama.sasaran.order_by("urutan").first()
    s_program = lama.sasaran.filter(tingkat="program").first()
    sunting.tautkan(s_program, operator_a, s_strategis)
    p = lama.program.order_by("urutan").first()
    sunting.ubah_program(p, operator_a, nama=p.nama, anggaran=p.anggaran, sasaran=[s_strategis])
    PerjanjianKinerja.objects.filter(pk=lama.pk).update(status="diterbitkan")
    camat = lama.pihak_pertama

    baru = salin.salin_pk(lama, operator_a, tahun=2025, pihak_pertama=camat)

    assert (baru.tahun, baru.status, baru.tanggal_teks, baru.tempat) == (2025, "draf", "", lama.tempat)
    assert baru.pihak_kedua == lama.pihak_kedua
    assert _baris(baru) == _baris(lama)
    lama_ids = {i.pk: i for i in Indikator.objects.filter(sasaran__perjanjian=lama)}
    for i in Indikator.objects.filter(sasaran__perjanjian=baru):
        assert i.asal_id in lama_ids and lama_ids[i.asal_id].uraian == i.uraian
        assert list(i.dasar_hukum.values_list("teks", flat=True)) == list(
            lama_ids[i.asal_id].dasar_hukum.values_list("teks", flat=True)
        )
        assert i.baseline.count() == 1
    assert [(x.nama, x.anggaran) for x in baru.program.order_by("urutan")] == [
        (x.nama, x.anggaran) for x in lama.program.order_by("urutan")
    ]
    s_baru = {s.uraian: s for s in baru.sasaran.all()}
    assert s_baru[s_program.uraian].mendukung == s_baru[s_strategis.uraian]
    assert list(baru.program.order_by("urutan").first().sasaran.all()) == [s_baru[s_strategis.uraian]]
    [entri] = Riwayat.objects.untuk(baru)
    assert entri.aksi == "pk.buat" and entri.data == {"disalin_dari": lama.pk} and entri.oleh == operator_a
    # The editor shows last year's target beside each one.
    from django.test import Client

    c = Client()
    c.force_login(operator_a)
    html = c.get(reverse("agreements:pk_sunting", args=[baru.pk])).content.decode()
    assert html.count('class="acuan"') == 4 and "PK 2024: 84,00 (Balk)" in html


def test_a_copy_is_refused_without_the_right_or_backwards(operator_a, operator_b, pk_factory, unit_a):
    lama = pk_factory(unit_a, n_indikator=2, tahun=2024)
    with pytest.raises(sunting.TidakBerhak):
        salin.salin_pk(lama, operator_b, tahun=2025, pihak_pertama=lama.pihak_pertama)
    with pytest.raises(sunting.IsianSalah, match="tidak dapat disalin"):
        salin.salin_pk(lama, operator_a, tahun=2024, pihak_pertama=lama.pihak_pertama)
    assert PerjanjianKinerja.objects.filter(unit=unit_a).count() == 1


@pytest.mark.parametrize(
    ("mulai", "harap"),
    [
        ("kosong", "pk_sunting"),
        ("salin", "pk_sunting"),
        ("turunkan", "pk_sunting_turunkan"),
    ],
)
def test_the_new_pk_page_offers_three_start_points(
    client_as, operator_a, pk_factory, unit_a, pemda, mulai, harap
):
    from kinerja.domain import pk as d

    pk_factory(unit_a, n_indikator=3, tahun=2024)
    pk_factory(pemda, n_indikator=2, tahun=2025, pihak_pertama=d.Pihak(nama="BUPATI", jabatan="Bupati Gowa"))
    camat = Pejabat.objects.filter(unit=unit_a).first()
    c = client_as(operator_a)
    assert "Mulai dari" in c.get(reverse("agreements:pk_baru")).content.decode()
    r = c.post(
        reverse("agreements:pk_baru"), {"unit": unit_a.pk, "tahun": 2025, "mulai": mulai, "pejabat": camat.pk}
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    baru = PerjanjianKinerja.objects.get(unit=unit_a, tahun=2025)
    assert r["Location"] == reverse(f"agreements:{harap}", args=[baru.pk])
    jumlah = Indikator.objects.filter(sasaran__perjanjian=baru).count()
    assert jumlah == {"kosong": 0, "salin": 3, "turunkan": 0}[mulai]
    assert (baru.atasan_pk is not None) == (mulai == "turunkan")


def test_a_start_point_that_does_not_exist_says_so_and_keeps_the_form(client_as, operator_a, unit_a):
    camat = Pejabat.objects.create(nama="ANDI CAMAT", jabatan="Camat Bajeng", unit=unit_a)
    c = client_as(operator_a)
    for mulai, pesan in (
        ("salin", "Belum ada PK Kecamatan Bajeng sebelum tahun 2025"),
        ("turunkan", "Belum ada PK 2025 unit di atas"),
    ):
        r = c.post(
            reverse("agreements:pk_baru"),
            {"unit": unit_a.pk, "tahun": 2025, "mulai": mulai, "pejabat": camat.pk},
        )
        html = r.content.decode()
        assert r.status_code == 400 and pesan in html and 'value="2025"' in html
    assert not PerjanjianKinerja.objects.filter(unit=unit_a).exists()

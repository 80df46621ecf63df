"""The monitoring pages: who sees what, a refused form keeps what was typed, evidence only as a
download, and the pages' query counts do not grow with the PK."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.monitoring import layanan as m
from kinerja.monitoring.bukti import periksa_bukti
from kinerja.monitoring.models import Realisasi
from tests.monitoring.conftest import HARI_TW1, PDF


@pytest.fixture
def terisi(pk_pantau, indikator, operator_a):
    r = m.simpan_realisasi(
        indikator[1],
        1,
        operator_a,
        nilai=D("92.5"),
        bukti=[periksa_bukti("notulen.pdf", PDF)],
        hari_ini=HARI_TW1,
    )
    m.simpan_realisasi(indikator[0], 1, operator_a, nilai=D("80.33"), hari_ini=HARI_TW1)
    return r


def test_dashboard_shows_capaian_with_formula(client_as, operator_a, terisi, pk_pantau):
    jawab = client_as(operator_a).get(reverse("monitoring:pk", args=[pk_pantau.pk]))
    assert jawab.status_code == 200
    isi = jawab.content.decode()
    assert "92,50%" in isi  # 92,5 ÷ 100
    assert "R ÷ T × 100 = 92,5 ÷ 100 × 100" in isi
    assert "95,63%" in isi  # IKM 80,33 ÷ 84
    assert "<svg" in isi and "Tren capaian" in isi


def test_pemda_dashboard(client_as, verifikator, terisi, pk_pantau):
    jawab = client_as(verifikator).get(reverse("monitoring:dasbor"))
    assert jawab.status_code == 200
    isi = jawab.content.decode()
    assert "Kecamatan Bajeng" in isi
    assert reverse("monitoring:pk", args=[pk_pantau.pk]) in isi


def test_public_and_other_units_do_not_see_monitoring(client, client_as, operator_b, terisi, pk_pantau):
    url = reverse("monitoring:pk", args=[pk_pantau.pk])
    assert client.get(url).status_code == 302  # to the login page
    assert client_as(operator_b).get(url).status_code == 404
    bukti = terisi.bukti.get()
    assert client_as(operator_b).get(reverse("monitoring:bukti", args=[bukti.pk])).status_code == 404
    # the pemda dashboard lists only what the user may view
    assert "Kecamatan Bajeng" not in client_as(operator_b).get(reverse("monitoring:dasbor")).content.decode()


def test_evidence_is_a_download(client_as, operator_a, terisi):
    bukti = terisi.bukti.get()
    jawab = client_as(operator_a).get(reverse("monitoring:bukti", args=[bukti.pk]))
    assert jawab.status_code == 200
    assert jawab["Content-Disposition"].startswith("attachment")
    assert jawab["Content-Type"] == "application/octet-stream"
    assert jawab["X-Content-Type-Options"] == "nosniff"
    assert b"".join(jawab.streaming_content) == PDF


def test_refused_value_keeps_what_was_typed(client_as, operator_a, pk_pantau, indikator, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: HARI_TW1)
    url = reverse("monitoring:triwulan", args=[pk_pantau.pk, 1])
    c = client_as(operator_a)
    ind = indikator[1]
    jawab = c.post(
        url, {"aksi": "simpan", "indikator": ind.pk, f"i{ind.pk}-nilai": "9o", f"i{ind.pk}-kendala": "Hujan"}
    )
    assert jawab.status_code == 400
    isi = jawab.content.decode()
    assert "“9o” bukan angka" in isi and "Hujan" in isi
    # a warning (105% of a percentage) comes back with the box to confirm
    jawab = c.post(
        url, {"aksi": "simpan", "indikator": ind.pk, f"i{ind.pk}-nilai": "105", f"i{ind.pk}-kendala": "Hujan"}
    )
    assert jawab.status_code == 409
    assert "PAN-002" in jawab.content.decode() and "Nilai sudah saya periksa" in jawab.content.decode()
    assert not Realisasi.objects.exists()
    jawab = c.post(
        url,
        {
            "aksi": "simpan",
            "indikator": ind.pk,
            f"i{ind.pk}-nilai": "105",
            f"i{ind.pk}-akui": "on",
            f"i{ind.pk}-kendala": "Hujan",
        },
    )
    assert jawab.status_code == 302
    assert Realisasi.objects.get().nilai == D(105)


def test_operator_verifier_round_trip_on_the_web(
    client_as, operator_a, verifikator, pk_pantau, indikator, monkeypatch
):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: HARI_TW1)
    url = reverse("monitoring:triwulan", args=[pk_pantau.pk, 1])
    ind = indikator[2]
    op = client_as(operator_a)
    from django.core.files.uploadedfile import SimpleUploadedFile

    jawab = op.post(
        url,
        {
            "aksi": "simpan",
            "indikator": ind.pk,
            f"i{ind.pk}-nilai": "6",
            f"i{ind.pk}-bukti": SimpleUploadedFile("foto.pdf", PDF),
        },
    )
    assert jawab.status_code == 302
    assert op.post(url, {"aksi": "ajukan"}).status_code == 302
    r = Realisasi.objects.get()
    ver = Client()
    ver.force_login(verifikator)
    jawab = ver.post(
        url, {"aksi": "verifikasi", "realisasi": r.pk, "keputusan": "kembalikan", f"r{r.pk}-catatan": ""}
    )
    assert jawab.status_code == 409
    ver.post(
        url,
        {
            "aksi": "verifikasi",
            "realisasi": r.pk,
            "keputusan": "kembalikan",
            f"r{r.pk}-catatan": "Foto buram",
        },
    )
    r.refresh_from_db()
    assert r.status == "dikembalikan"
    assert "Foto buram" in op.get(url).content.decode()
    jawab = op.post(url, {"aksi": "simpan", "indikator": ind.pk, f"i{ind.pk}-nilai": "7"})
    assert jawab.status_code == 302, jawab.content.decode()
    assert op.post(url, {"aksi": "ajukan"}).status_code == 302
    # the operator cannot verify
    assert (
        op.post(url, {"aksi": "verifikasi", "realisasi": r.pk, "keputusan": "verifikasi"}).status_code == 403
    )
    ver.post(url, {"aksi": "verifikasi", "realisasi": r.pk, "keputusan": "verifikasi"})
    r.refresh_from_db()
    assert (r.status, r.nilai) == ("terverifikasi", D(7))


def _jumlah_query(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q)


def test_pages_do_not_grow_with_the_pk(client_as, operator_a, pk_factory, unit_a, unit_b, verifikator):
    kecil = pk_factory(unit_a, n_indikator=3)
    besar = pk_factory(unit_b, n_indikator=30)
    c = client_as(verifikator)
    for nama in ("monitoring:pk", "monitoring:rencana"):
        assert _jumlah_query(c, reverse(nama, args=[kecil.pk])) == _jumlah_query(
            c, reverse(nama, args=[besar.pk])
        )
    url = "monitoring:triwulan"
    assert _jumlah_query(c, reverse(url, args=[kecil.pk, 1])) == _jumlah_query(
        c, reverse(url, args=[besar.pk, 1])
    )


def test_rencana_pages(client_as, operator_a, pk_pantau, indikator):
    from kinerja.monitoring.models import RencanaIndikator, RencanaProgram

    c = client_as(operator_a)
    url = reverse("monitoring:rencana", args=[pk_pantau.pk])
    assert c.get(url).status_code == 200
    ind = indikator[2]
    data = {
        "indikator": ind.pk,
        f"r{ind.pk}-sifat_target": "kumulatif",
        f"r{ind.pk}-konsolidasi": "terakhir",
        f"r{ind.pk}-rumus_negatif": "selisih",
        f"r{ind.pk}-target_tw1": "2",
        f"r{ind.pk}-target_tw2": "4,5",
        f"r{ind.pk}-aksi": "Pengadaan kursi tunggu",
    }
    assert c.post(url, data).status_code == 302
    r = RencanaIndikator.objects.get(indikator=ind)
    assert (r.target_tw1, r.target_tw2, r.aksi) == (D(2), D("4.5"), "Pengadaan kursi tunggu")
    # a planned budget above the pagu is refused, what was typed kept
    program = pk_pantau.program.order_by("urutan").first()
    jawab = c.post(url, {"program": program.pk, f"g{program.pk}-rencana_tw1": "40.000.000"})
    assert jawab.status_code == 409
    assert "melebihi pagu" in jawab.content.decode() and "40.000.000" in jawab.content.decode()
    assert c.post(url, {"program": program.pk, f"g{program.pk}-rencana_tw1": "8.000.000"}).status_code == 302
    assert RencanaProgram.objects.get(program=program).rencana_tw1 == D(8000000)


def test_pemda_dashboard_does_not_grow_with_units(client_as, verifikator, pk_factory, unit_a, unit_b, pemda):
    from kinerja.units.models import Unit

    c = client_as(verifikator)
    pk_factory(unit_a, n_indikator=3)
    url = reverse("monitoring:dasbor") + "?tahun=2024"
    satu = _jumlah_query(c, url)
    pk_factory(unit_b, n_indikator=12)
    for n in range(2):
        unit = Unit.objects.create(nama=f"Kecamatan Uji {n}", jenis="perangkat_daerah", induk=pemda)
        pk_factory(unit, n_indikator=5)
    assert _jumlah_query(c, url) == satu
    assert "Kecamatan Uji 1" in c.get(url).content.decode()

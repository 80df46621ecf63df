"""SKM models and services: aggregates kept with each response equal a full recompute; closing freezes
an immutable snapshot; a closed period refuses; ticket codes, nonces and the rate limit."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.domain.ikm import IKMError, hitung_ikm
from kinerja.surveys import services
from kinerja.surveys.models import (
    Agregat,
    JejakKlien,
    KodeTiket,
    OpsiProfil,
    PeriodeSurvei,
    Respons,
    SnapshotIKM,
    UnsurPeriode,
)
from tests.surveys.conftest import jawaban_penuh

pytestmark = pytest.mark.django_db


def test_a_new_period_has_the_nine_unsur_of_2017_stored_by_code(periode_a, unit_a):
    unsur = list(periode_a.unsur.all())
    assert [u.kode for u in unsur] == [f"U{i}" for i in range(1, 10)]
    assert unsur[0].nama == "Persyaratan"
    assert unsur[3].label == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert unsur[7].nama == "Sarana dan Prasarana"
    assert periode_a.status == "dibuka" and periode_a.penimbang == "tepat" and len(periode_a.token) >= 16
    # The unit got the default profile lists (docs/skm.md §8), once.
    pendidikan = OpsiProfil.objects.filter(unit=unit_a, pertanyaan="pendidikan").values_list(
        "label", flat=True
    )
    assert list(pendidikan) == ["SD", "SMP", "SMA", "D1–D3", "D4/S1", "S2 ke atas"]


def test_labels_can_be_changed_when_the_period_is_made(buat_periode, unit_a):
    p = buat_periode(unit_a, unsur={"U4": {"label_1": "Tidak wajar", "label_4": "Sangat wajar"}})
    u4 = UnsurPeriode.objects.get(periode=p, kode="U4")
    assert u4.label == ("Tidak wajar", "Cukup mahal", "Murah", "Sangat wajar")


def test_a_response_is_stored_and_counted(periode_a, layanan_a):
    r = services.kirim_respons(
        periode_a,
        {**jawaban_penuh([4, 3, 3, 4, 3, 3, 4, 3, 2]), "jenis_layanan": layanan_a[0], "umur": "20–29 tahun"},
    )
    assert (r.u1, r.u9, r.u10, r.sumber, r.umur) == (4, 2, None, "daring", "20–29 tahun")
    semua = Agregat.objects.get(periode=periode_a, kunci=0)
    per_layanan = Agregat.objects.get(periode=periode_a, kunci=layanan_a[0].pk)
    for a in (semua, per_layanan):
        assert (a.responden, a.jumlah_u1, a.cacah_u1, a.jumlah_u9, a.cacah_u10) == (1, 4, 1, 2, 0)
    hasil = services.ikm_periode(periode_a)
    assert hasil is not None and hasil.ikm == Decimal("80.56") and hasil.mutu == "B"


def test_unanswered_unsur_count_only_where_answered(periode_a):
    services.kirim_respons(periode_a, {**jawaban_penuh(4), "U3": None}, sumber="kertas")
    services.kirim_respons(periode_a, jawaban_penuh(2), sumber="kertas")
    a = Agregat.objects.get(periode=periode_a, kunci=0)
    assert (a.responden, a.cacah_u3, a.jumlah_u3, a.cacah_u1) == (2, 1, 2, 2)
    # NRR U3 = 2/1, the others (4+2)/2 = 3 → IKM = (8×3 + 2)/9 × 25 = 72,22
    assert services.ikm_periode(periode_a).ikm == Decimal("72.22")


def test_an_empty_or_wrong_questionnaire_is_refused_by_field(periode_a):
    with pytest.raises(ValidationError) as e:
        services.kirim_respons(periode_a, dict.fromkeys(jawaban_penuh(), None), sumber="kertas")
    assert "kosong" in str(e.value)
    with pytest.raises(ValidationError) as e:
        services.kirim_respons(periode_a, {**jawaban_penuh(), "U2": 5})
    assert "U2" in e.value.message_dict
    with pytest.raises(ValidationError) as e:
        services.kirim_respons(periode_a, {**jawaban_penuh(), "U12": 3})
    assert "U12" in e.value.message_dict
    assert not Respons.objects.exists() and not Agregat.objects.exists()


def test_a_jenis_layanan_of_another_unit_is_refused(periode_a, unit_b):
    from kinerja.surveys.models import JenisLayanan

    lain = JenisLayanan.objects.create(unit=unit_b, nama="KTP")
    with pytest.raises(ValidationError) as e:
        services.kirim_respons(periode_a, {**jawaban_penuh(), "jenis_layanan": lain})
    assert "jenis_layanan" in e.value.message_dict


jawaban_acak = st.lists(
    st.tuples(
        st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=9, max_size=9).filter(
            lambda xs: any(x is not None for x in xs)
        ),
        st.integers(0, 2),  # 0: no jenis layanan, else layanan 1 or 2
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=jawaban_acak)
def test_aggregates_equal_a_full_recompute(buat_periode, unit_a, layanan_a, data):
    periode = buat_periode(unit_a)
    for nilai, layanan in data:
        isi = {f"U{i}": v for i, v in enumerate(nilai, start=1)}
        services.kirim_respons(
            periode, {**isi, "jenis_layanan": layanan_a[layanan - 1] if layanan else None}, sumber="kertas"
        )
    tersimpan = services.rekap_agregat(periode)
    dihitung = services.rekap_respons(periode)
    assert tersimpan == dihitung
    assert tersimpan[0].responden == len(data)
    try:
        langsung = hitung_ikm([{f"U{i}": v for i, v in enumerate(nilai, start=1)} for nilai, _ in data])
    except IKMError:
        # An unsur nobody answered: no IKM, from the aggregates either.
        assert services.ikm_periode(periode) is None
        with pytest.raises(IKMError):
            services.hitung_ulang(periode)
        return
    assert services.hitung_ulang(periode) == langsung
    assert services.ikm_periode(periode) == langsung


def test_aggregates_can_be_rebuilt_from_the_responses(periode_a, layanan_a):
    for i in range(6):
        services.kirim_respons(periode_a, {**jawaban_penuh(1 + i % 4), "jenis_layanan": layanan_a[i % 2]})
    sebelum = services.rekap_agregat(periode_a)
    Agregat.objects.filter(periode=periode_a).update(responden=999)
    assert services.bangun_ulang_agregat(periode_a) == 3
    assert services.rekap_agregat(periode_a) == sebelum


def test_the_2004_regime_asks_fourteen_unsur(buat_periode, unit_a):
    p = buat_periode(unit_a, regime="2004")
    assert p.unsur.count() == 14
    services.kirim_respons(p, {f"U{i}": 3 for i in range(1, 15)})
    a = Agregat.objects.get(periode=p, kunci=0)
    assert (a.cacah_u14, a.jumlah_u14) == (1, 3)
    assert services.ikm_periode(p).ikm == Decimal("75.00")
    assert services.ikm_periode(p).mutu == "B"  # 2004 table: 62,51–81,25 is B


# --- closing ------------------------------------------------------------------------------------


def _isi(periode, n=3, layanan=None):
    for i in range(n):
        services.kirim_respons(periode, {**jawaban_penuh(3 + i % 2), "jenis_layanan": layanan})


def test_pimpinan_closes_and_the_snapshot_holds_the_ikm(periode_a, pimpinan_a, layanan_a):
    _isi(periode_a, 3, layanan_a[0])
    _isi(periode_a, 1)
    snapshot = services.tutup_periode(periode_a, pimpinan_a)
    assert snapshot.jenis_layanan is None and snapshot.unit_id == periode_a.unit_id
    assert (snapshot.nilai, snapshot.mutu, snapshot.kinerja, snapshot.jumlah_responden) == (
        Decimal("81.25"),
        "B",
        "Baik",
        4,
    )
    assert snapshot.nrr["U1"] == "3.25" and snapshot.hasil["ikm"] == "81.25"
    assert (snapshot.tanggal_mulai, snapshot.tanggal_selesai) == (
        periode_a.tanggal_mulai,
        periode_a.tanggal_selesai,
    )
    assert snapshot.dibuat_oleh == pimpinan_a
    per_layanan = SnapshotIKM.objects.get(periode=periode_a, jenis_layanan=layanan_a[0])
    assert per_layanan.jumlah_responden == 3 and per_layanan.nama_layanan == "KTP elektronik"
    periode_a.refresh_from_db()
    assert periode_a.status == "ditutup" and periode_a.ditutup_oleh == pimpinan_a
    assert SnapshotIKM.objects.terakhir(periode_a.unit) == snapshot


def test_admin_of_the_pemda_may_close(periode_a, admin_pemda):
    _isi(periode_a)
    assert services.tutup_periode(periode_a, admin_pemda).jumlah_responden == 3


@pytest.mark.parametrize("siapa", ["operator_a", "operator_b", "verifikator", "inspektur", "anonymous"])
def test_others_may_not_close(request, periode_a, siapa):
    _isi(periode_a)
    with pytest.raises(PermissionDenied):
        services.tutup_periode(periode_a, request.getfixturevalue(siapa))
    assert PeriodeSurvei.objects.get(pk=periode_a.pk).status == "dibuka"
    assert not SnapshotIKM.objects.exists()


def test_a_period_without_respondents_cannot_be_closed(periode_a, pimpinan_a):
    with pytest.raises(services.SKMError, match="Belum ada respons"):
        services.tutup_periode(periode_a, pimpinan_a)


def test_a_period_is_closed_once(periode_a, pimpinan_a):
    _isi(periode_a)
    services.tutup_periode(periode_a, pimpinan_a)
    with pytest.raises(services.SKMError, match="sudah ditutup"):
        services.tutup_periode(PeriodeSurvei.objects.get(pk=periode_a.pk), pimpinan_a)


def test_a_closed_period_refuses_responses_with_a_clear_message(periode_a, pimpinan_a):
    _isi(periode_a)
    services.tutup_periode(periode_a, pimpinan_a)
    with pytest.raises(services.PeriodeDitutup, match="sudah ditutup"):
        services.kirim_respons(periode_a, jawaban_penuh())
    # Also a writer that still holds the period as it was before the close (a request in flight):
    # the aggregate rows refuse it, and its response is rolled back.
    basi = PeriodeSurvei.objects.get(pk=periode_a.pk)
    basi.status = "dibuka"
    with pytest.raises(services.PeriodeDitutup):
        services.kirim_respons(basi, jawaban_penuh())
    assert Respons.objects.filter(periode=periode_a).count() == 3


def test_the_snapshot_cannot_be_changed_or_deleted(periode_a, pimpinan_a):
    _isi(periode_a)
    snapshot = services.tutup_periode(periode_a, pimpinan_a)
    snapshot.nilai = Decimal("99.99")
    with pytest.raises(TypeError):
        snapshot.save()
    with pytest.raises(TypeError):
        SnapshotIKM.objects.filter(pk=snapshot.pk).update(nilai=Decimal("99.99"))
    with pytest.raises(TypeError):
        snapshot.delete()
    assert SnapshotIKM.objects.get(pk=snapshot.pk).nilai == Decimal("83.33")


def test_the_snapshot_admin_is_read_only(periode_a, pimpinan_a, rf):
    from django.contrib.admin.sites import site
    from django.contrib.auth import get_user_model

    _isi(periode_a)
    snapshot = services.tutup_periode(periode_a, pimpinan_a)
    su = get_user_model().objects.create_superuser("root", password="x-rahasia-123")
    request = rf.get("/")
    request.user = su
    model_admin = site._registry[SnapshotIKM]
    assert model_admin.has_view_permission(request, snapshot)
    assert not model_admin.has_change_permission(request, snapshot)
    assert not model_admin.has_delete_permission(request, snapshot)
    assert not model_admin.has_add_permission(request)


def test_sample_adequacy_is_recorded_when_the_population_is_known(buat_periode, unit_a, pimpinan_a):
    p = buat_periode(unit_a, populasi=1000)
    _isi(p)
    snapshot = services.tutup_periode(p, pimpinan_a)
    assert (snapshot.populasi, snapshot.sampel_minimum) == (1000, 278)


# --- ticket codes, nonce, rate limit -------------------------------------------------------------


def test_ticket_codes_are_unique_readable_and_one_use(buat_periode, unit_a):
    p = buat_periode(unit_a, wajib_kode_tiket=True)
    kode = services.buat_kode_tiket(p, 50)
    assert len({k.kode for k in kode}) == 50
    assert all(len(k.kode) == 8 and set(k.kode) <= set(services.ABJAD_KODE) for k in kode)
    assert kode[0].kode_cetak[4] == "-"
    ditulis = kode[0].kode_cetak.lower()  # typed in lower case, with the dash
    r = services.kirim_respons(p, {**jawaban_penuh(), "kode_tiket": ditulis})
    assert r.kode_tiket == kode[0]
    assert KodeTiket.objects.get(pk=kode[0].pk).dipakai_pada is not None
    with pytest.raises(ValidationError, match="sudah dipakai"):
        services.kirim_respons(p, {**jawaban_penuh(), "kode_tiket": kode[0].kode})
    with pytest.raises(ValidationError, match="tidak dikenal"):
        services.kirim_respons(p, {**jawaban_penuh(), "kode_tiket": "ZZZZ-ZZZZ"})
    with pytest.raises(ValidationError, match="wajib"):
        services.kirim_respons(p, jawaban_penuh())
    assert Respons.objects.filter(periode=p).count() == 1
    with pytest.raises(services.SKMError):
        services.buat_kode_tiket(p, 0)


def test_a_form_sent_twice_is_stored_once(periode_a):
    services.kirim_respons(periode_a, {**jawaban_penuh(), "nonce": "abc"})
    with pytest.raises(services.SudahDiterima):
        services.kirim_respons(periode_a, {**jawaban_penuh(4), "nonce": "abc"})
    assert Respons.objects.count() == 1
    assert Agregat.objects.get(kunci=0).responden == 1


def test_a_form_sent_twice_with_its_ticket_is_still_recognised_as_the_same(buat_periode, unit_a):
    p = buat_periode(unit_a, wajib_kode_tiket=True)
    (tiket,) = services.buat_kode_tiket(p, 1)
    services.kirim_respons(p, {**jawaban_penuh(), "nonce": "n1", "kode_tiket": tiket.kode})
    with pytest.raises(services.SudahDiterima):
        services.kirim_respons(p, {**jawaban_penuh(), "nonce": "n1", "kode_tiket": tiket.kode})


@override_settings(KINERJA_SKM_BATAS_PER_MENIT=3, KINERJA_SKM_BATAS_PER_JAM=5)
def test_the_rate_limit_counts_per_client_and_period(periode_a, periode_b):
    for _ in range(3):
        services.kirim_respons(periode_a, jawaban_penuh(), klien="10.1.2.3")
    with pytest.raises(services.BatasKiriman, match="tunggu"):
        services.kirim_respons(periode_a, jawaban_penuh(), klien="10.1.2.3")
    services.kirim_respons(periode_a, jawaban_penuh(), klien="10.1.2.4")  # another client
    services.kirim_respons(periode_b, jawaban_penuh(), klien="10.1.2.3")  # another period
    assert Respons.objects.filter(periode=periode_a).count() == 4
    # Only a keyed hash is kept, never the address.
    kunci = set(JejakKlien.objects.values_list("kunci", flat=True))
    assert len(kunci) == 2 and all(len(k) == 32 and "10.1" not in k for k in kunci)
    assert services.kunci_klien("10.1.2.3") in kunci


def test_the_hourly_limit_holds_across_minutes(periode_a, monkeypatch):
    detik = [1_700_000_000]
    monkeypatch.setattr(services.time, "time", lambda: detik[0])
    with override_settings(KINERJA_SKM_BATAS_PER_MENIT=2, KINERJA_SKM_BATAS_PER_JAM=4):
        for _ in range(4):
            services.kirim_respons(periode_a, jawaban_penuh(), klien="10.0.0.1")
            detik[0] += 61  # next minute: the minute counter restarts, the hour's does not
        with pytest.raises(services.BatasKiriman):
            services.kirim_respons(periode_a, jawaban_penuh(), klien="10.0.0.1")


def test_the_client_hash_changes_every_day_and_old_traces_are_deleted(periode_a):
    hari = date(2026, 3, 1)
    assert services.kunci_klien("10.1.2.3", hari) != services.kunci_klien(
        "10.1.2.3", hari + timedelta(days=1)
    )
    assert services.kunci_klien("2001:db8:1:2::5", hari) == services.kunci_klien("2001:db8:1:2:ffff::1", hari)
    assert services.kunci_klien("2001:db8:1:2::5", hari) != services.kunci_klien("2001:db8:1:3::5", hari)
    JejakKlien.objects.create(
        kunci="a" * 32, periode=periode_a, hari=hari - timedelta(days=1), menit=1, jam=1
    )
    JejakKlien.objects.create(kunci="b" * 32, periode=periode_a, hari=hari, menit=1, jam=1)
    assert services.bersihkan_jejak(hari) == 1
    assert list(JejakKlien.objects.values_list("kunci", flat=True)) == ["b" * 32]


def test_option_lists_are_edited_line_by_line_and_old_lines_deactivated(unit_a):
    from kinerja.surveys.models import JenisLayanan

    services.atur_daftar(unit_a, JenisLayanan, ["KTP", "KK", ""])
    services.atur_daftar(unit_a, JenisLayanan, ["KK", "Akta"])
    aktif = list(
        JenisLayanan.objects.filter(unit=unit_a, aktif=True).order_by("urutan").values_list("nama", flat=True)
    )
    assert aktif == ["KK", "Akta"]
    assert JenisLayanan.objects.get(unit=unit_a, nama="KTP").aktif is False


@override_settings(
    KINERJA_SKM_BATAS_PER_MENIT=100, KINERJA_SKM_BATAS_PER_JAM=100, KINERJA_SKM_BATAS_PER_HARI=3
)
def test_a_daily_cap_per_address_and_period_and_every_refusal_counted(
    periode_a, periode_b, client, admin_pemda
):
    from kinerja.surveys.models import PeriodeSurvei

    for _ in range(3):
        services.kirim_respons(periode_a, jawaban_penuh(), klien="10.9.9.9")
    with pytest.raises(services.BatasKiriman, match="Hari ini sudah terlalu banyak") as e:
        services.kirim_respons(periode_a, jawaban_penuh(), klien="10.9.9.9")
    assert e.value.jenis == "hari"
    with pytest.raises(services.BatasKiriman):
        services.kirim_respons(periode_a, jawaban_penuh(), klien="10.9.9.9")
    services.kirim_respons(periode_b, jawaban_penuh(), klien="10.9.9.9")  # another period: its own cap
    p = PeriodeSurvei.objects.get(pk=periode_a.pk)
    assert (p.ditolak_menit, p.ditolak_jam, p.ditolak_hari) == (0, 0, 2)
    assert Respons.objects.filter(periode=periode_a).count() == 3
    with override_settings(KINERJA_SKM_BATAS_PER_MENIT=3, KINERJA_SKM_BATAS_PER_HARI=100):
        with pytest.raises(services.BatasKiriman) as e:
            services.kirim_respons(periode_b, jawaban_penuh(), klien="10.7.7.7")
            services.kirim_respons(periode_b, jawaban_penuh(), klien="10.7.7.7")
            services.kirim_respons(periode_b, jawaban_penuh(), klien="10.7.7.7")
            services.kirim_respons(periode_b, jawaban_penuh(), klien="10.7.7.7")
        assert e.value.jenis == "menit"
    services.tutup_periode(periode_a, admin_pemda)
    html = client.get(reverse("surveys:hasil", args=[periode_a.token])).content.decode()
    assert "0 oleh batas per menit, 0 oleh batas per jam, 2 oleh batas per hari" in html

"""The verbs of monitoring: who may, in which state, what the trail says."""

from decimal import Decimal as D

import pytest

from kinerja.agreements.alur import IsianKurang, StatusTidakSesuai, TidakBerhak
from kinerja.monitoring import layanan as m
from kinerja.monitoring.bukti import BuktiError, periksa_bukti
from kinerja.monitoring.models import PermintaanKoreksi, Realisasi, RealisasiAnggaran
from kinerja.riwayat.models import Riwayat
from tests.monitoring.conftest import HARI_TW1, PDF, SESUDAH_TW1


def _aksi(obj):
    return [r.aksi for r in Riwayat.objects.untuk(obj)]


def test_operator_enters_realisasi_with_evidence(operator_a, indikator):
    bukti = periksa_bukti("notulen.pdf", PDF)
    r = m.simpan_realisasi(
        indikator[1],
        1,
        operator_a,
        nilai=D("92.5"),
        kendala="Jaringan",
        upaya="Lembur",
        bukti=[bukti],
        hari_ini=HARI_TW1,
    )
    assert (r.status, r.nilai, r.kendala) == ("draf", D("92.5"), "Jaringan")
    assert r.bukti.get().nama_berkas == "notulen.pdf"
    assert r.bukti.get().berkas.read() == PDF
    assert _aksi(r) == ["realisasi.simpan", "realisasi.bukti.unggah"]
    entri = Riwayat.objects.untuk(r).first()
    assert {"bidang": "nilai", "lama": None, "baru": "92.5"} in entri.perubahan


def test_others_may_not_enter(operator_b, verifikator, indikator, anonymous):
    for user in (operator_b, verifikator, anonymous):
        with pytest.raises(TidakBerhak):
            m.simpan_realisasi(indikator[1], 1, user, nilai=D(1), hari_ini=HARI_TW1)
    assert not Realisasi.objects.exists()


def test_only_signed_or_published_pk(pk_factory, unit_a, operator_a):
    draf = pk_factory(unit_a, draft=True)
    ind = draf.sasaran.first().indikator.first()
    with pytest.raises(StatusTidakSesuai, match="ditandatangani atau diterbitkan"):
        m.simpan_realisasi(ind, 1, operator_a, nilai=D(1), hari_ini=HARI_TW1)


def test_future_triwulan_and_bad_triwulan(operator_a, indikator):
    with pytest.raises(StatusTidakSesuai, match="belum dimulai"):
        m.simpan_realisasi(indikator[1], 3, operator_a, nilai=D(95), hari_ini=HARI_TW1)
    with pytest.raises(IsianKurang, match="Triwulan harus"):
        m.simpan_realisasi(indikator[1], 5, operator_a, nilai=D(95), hari_ini=HARI_TW1)


def test_return_correct_verify(operator_a, verifikator, pk_pantau, indikator):
    r = m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(90), hari_ini=HARI_TW1)
    with pytest.raises(StatusTidakSesuai):
        m.verifikasi(r, verifikator)  # a draft is not verified
    m.ajukan_triwulan(pk_pantau, 1, operator_a, hari_ini=HARI_TW1)
    with pytest.raises(TidakBerhak):
        m.verifikasi(r, operator_a)  # the operator does not verify his own entry
    with pytest.raises(IsianKurang, match="catatan"):
        m.kembalikan(r, verifikator, catatan=" ")
    m.kembalikan(r, verifikator, catatan="Lampirkan daftar hadir.")
    r.refresh_from_db()
    assert (r.status, r.catatan_verifikasi) == ("dikembalikan", "Lampirkan daftar hadir.")
    # a returned realisasi may be corrected after the deadline: the verifikator asked for it
    m.simpan_realisasi(
        indikator[1],
        1,
        operator_a,
        nilai=D(91),
        bukti=[periksa_bukti("hadir.pdf", PDF)],
        hari_ini=SESUDAH_TW1,
    )
    m.ajukan_triwulan(pk_pantau, 1, operator_a, hari_ini=SESUDAH_TW1)
    m.verifikasi(r, verifikator)
    r.refresh_from_db()
    assert (r.status, r.nilai, r.diverifikasi_oleh) == ("terverifikasi", D(91), verifikator)
    assert _aksi(r) == [
        "realisasi.simpan",
        "realisasi.ajukan",
        "realisasi.kembalikan",
        "realisasi.simpan",
        "realisasi.bukti.unggah",
        "realisasi.ajukan",
        "realisasi.verifikasi",
    ]
    with pytest.raises(StatusTidakSesuai, match="terverifikasi"):
        m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(92), hari_ini=HARI_TW1)


def test_lock_and_correction_request(operator_a, verifikator, pk_pantau, indikator):
    with pytest.raises(StatusTidakSesuai, match="terkunci"):
        m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(90), hari_ini=SESUDAH_TW1)
    with pytest.raises(IsianKurang, match="alasan"):
        m.minta_koreksi(pk_pantau, 1, operator_a, alasan="lupa")
    k = m.minta_koreksi(pk_pantau, 1, operator_a, alasan="Data kecamatan baru masuk tanggal 12.")
    with pytest.raises(StatusTidakSesuai, match="belum selesai"):
        m.minta_koreksi(pk_pantau, 1, operator_a, alasan="Permintaan kedua yang sama.")
    with pytest.raises(TidakBerhak):
        m.putuskan_koreksi(k, operator_a, setujui=True)
    m.putuskan_koreksi(k, verifikator, setujui=True, catatan="Silakan.")
    r = m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(90), hari_ini=SESUDAH_TW1)
    m.ajukan_triwulan(pk_pantau, 1, operator_a, hari_ini=SESUDAH_TW1)
    k.refresh_from_db()
    assert k.status == PermintaanKoreksi.Status.SELESAI
    assert _aksi(k) == ["koreksi.minta", "koreksi.setujui", "koreksi.selesai"]
    r.refresh_from_db()
    assert r.status == "diajukan"
    with pytest.raises(StatusTidakSesuai, match="terkunci"):
        m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(95), hari_ini=SESUDAH_TW1)


def test_refused_correction_needs_a_reason(operator_a, verifikator, pk_pantau):
    k = m.minta_koreksi(pk_pantau, 1, operator_a, alasan="Salah ketik pada indikator kedua.")
    with pytest.raises(IsianKurang):
        m.putuskan_koreksi(k, verifikator, setujui=False)
    m.putuskan_koreksi(k, verifikator, setujui=False, catatan="Sudah sesuai bukti.")
    k.refresh_from_db()
    assert k.status == "ditolak"
    with pytest.raises(StatusTidakSesuai):
        m.putuskan_koreksi(k, verifikator, setujui=True)


def test_plausibility_warning_then_confirmed(operator_a, indikator):
    # IKM target 84: "80,33" typed as 8033
    with pytest.raises(m.PeringatanKewajaran) as e:
        m.simpan_realisasi(indikator[0], 1, operator_a, nilai=D(8033), hari_ini=HARI_TW1)
    assert [p.kode for p in e.value.peringatan] == ["PAN-003"]
    assert not Realisasi.objects.exists()
    r = m.simpan_realisasi(indikator[0], 1, operator_a, nilai=D(8033), akui=True, hari_ini=HARI_TW1)
    entri = Riwayat.objects.untuk(r).get()
    assert entri.data["peringatan"][0]["kode"] == "PAN-003"


def test_percentage_over_100_warns(operator_a, indikator):
    with pytest.raises(m.PeringatanKewajaran, match="PAN-002"):
        m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(105), hari_ini=HARI_TW1)


def test_evidence_types():
    assert periksa_bukti("a.pdf", PDF).jenis_isi == "application/pdf"
    with pytest.raises(BuktiError, match="bukan PDF"):
        periksa_bukti("virus.exe", b"MZ\x90\x00")
    with pytest.raises(BuktiError, match="kosong"):
        periksa_bukti("a.pdf", b"")
    with pytest.raises(BuktiError, match="10 MB"):
        periksa_bukti("besar.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))


def test_budget_realisasi_over_pagu_refused(operator_a, pk_pantau):
    program = pk_pantau.program.order_by("urutan").first()  # pagu Rp33.800.000,00
    m.simpan_realisasi_anggaran(program, 1, operator_a, nilai=D("10000000"), hari_ini=HARI_TW1)
    with pytest.raises(IsianKurang, match="melebihi pagu"):
        m.simpan_realisasi_anggaran(program, 1, operator_a, nilai=D("33800000.01"), hari_ini=HARI_TW1)
    with pytest.raises(m.PeringatanKewajaran, match="PAN-004"):
        m.simpan_realisasi_anggaran(program, 1, operator_a, nilai=D("33000000"), hari_ini=HARI_TW1)
    r = m.simpan_realisasi_anggaran(program, 1, operator_a, nilai=D("33000000"), akui=True, hari_ini=HARI_TW1)
    assert RealisasiAnggaran.objects.get(pk=r.pk).nilai == D("33000000")
    assert _aksi(r) == ["realisasi.anggaran.simpan", "realisasi.anggaran.simpan"]


def test_rencana_aksi(operator_a, operator_b, indikator, pk_pantau):
    r = m.simpan_rencana(
        indikator[2], operator_a, konsolidasi="jumlah", sifat_target="triwulanan", target_tw1=D(2)
    )
    assert (r.konsolidasi, r.target_tw1) == ("jumlah", D(2))
    with pytest.raises(TidakBerhak):
        m.simpan_rencana(indikator[2], operator_b, target_tw2=D(2))
    program = pk_pantau.program.order_by("urutan").first()
    with pytest.raises(IsianKurang, match="melebihi pagu"):
        m.simpan_rencana_program(program, operator_a, [D("30000000"), D("5000000")])
    rp = m.simpan_rencana_program(program, operator_a, [D("8000000"), D("8000000"), None, None])
    assert rp.rencana_triwulan[:2] == (D("8000000"), D("8000000"))

"""A PK perubahan published mid-year takes over the year's monitoring of the version it replaces."""

from dataclasses import replace
from decimal import Decimal as D

from kinerja.agreements import alur
from kinerja.agreements.domain_pk import to_domain
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Status
from kinerja.agreements.versi import buat_perubahan
from kinerja.monitoring import layanan as m
from kinerja.monitoring.bukti import periksa_bukti
from kinerja.monitoring.models import PermintaanKoreksi, Realisasi, RealisasiAnggaran, RencanaIndikator
from kinerja.monitoring.ringkasan import pantau_pk
from kinerja.riwayat.models import Riwayat
from tests.monitoring.conftest import HARI_TW1, PDF


def _indikator(pk):
    return list(Indikator.objects.filter(sasaran__perjanjian=pk).order_by("sasaran__urutan", "urutan", "pk"))


def _terbitkan(v2, oleh):
    # The test PK carries review findings that block its submission (tests/agreements follow that
    # path); here only publication matters: the draft is taken as signed, then published.
    PerjanjianKinerja.objects.filter(pk=v2.pk).update(status=Status.DITANDATANGANI)
    v2.refresh_from_db()
    alur.terbitkan(v2, oleh)


def test_perubahan_takes_over_realisasi_rencana_budget_and_corrections(
    operator_a, admin_pemda, pk_pantau, indikator
):
    v1 = pk_pantau
    # TW I entered on the murni: three realisasi (one with evidence), a rencana, the budget, a request.
    r_ikm = m.simpan_realisasi(indikator[0], 1, operator_a, nilai=D("80.33"), hari_ini=HARI_TW1)
    r_persen = m.simpan_realisasi(
        indikator[1], 1, operator_a, nilai=D(45), bukti=[periksa_bukti("notulen.pdf", PDF)], hari_ini=HARI_TW1
    )
    r_unit = m.simpan_realisasi(indikator[2], 1, operator_a, nilai=D(2), hari_ini=HARI_TW1)
    m.simpan_rencana(indikator[1], operator_a, sifat_target="kumulatif", target_tw1=D(25))
    program = v1.program.order_by("urutan").first()
    anggaran = m.simpan_realisasi_anggaran(program, 1, operator_a, nilai=D("5000000"), hari_ini=HARI_TW1)
    koreksi = PermintaanKoreksi.objects.create(
        perjanjian=v1, triwulan=1, alasan="Salah ketik", diminta_oleh=operator_a
    )

    # APBD-Perubahan: the percentage's target drops to 90%, the third sasaran is dropped.
    naskah = to_domain(v1)
    sasaran = list(naskah.sasaran)
    ind = sasaran[1].indikator[0]
    sasaran[1] = replace(
        sasaran[1], indikator=(replace(ind, target=replace(ind.target, teks="90%", nilai=D(90))),)
    )
    naskah = replace(naskah, sasaran=tuple(sasaran[:2]), jenis="perubahan")
    v2 = buat_perubahan(v1, operator_a, alasan="b", keterangan="APBD-Perubahan 2024", data=naskah)
    # Nothing moves while the perubahan is a draft: the murni is still the PK in force.
    assert Realisasi.objects.filter(indikator__sasaran__perjanjian=v1).count() == 3
    _terbitkan(v2, admin_pemda)

    baru = _indikator(v2)
    assert len(baru) == 2
    # The same records (identity and trail kept) now hang on the rows that continue them.
    r_ikm.refresh_from_db(), r_persen.refresh_from_db(), r_unit.refresh_from_db()
    assert (r_ikm.indikator_id, r_persen.indikator_id) == (baru[0].pk, baru[1].pk)
    assert r_persen.bukti.get().berkas.read() == PDF
    assert r_unit.indikator_id == indikator[2].pk  # its indikator was dropped: it stays on the murni
    assert RencanaIndikator.objects.get(indikator=baru[1]).target_tw1 == D(25)
    anggaran.refresh_from_db()
    assert anggaran.program.perjanjian_id == v2.pk and anggaran.nilai == D("5000000")
    assert RealisasiAnggaran.objects.filter(program__perjanjian=v1).count() == 0
    koreksi.refresh_from_db()
    assert koreksi.perjanjian_id == v2.pk

    # Capaian: TW I against the rencana's 25 that moved with it, the year against the new target 90%.
    persen = next(
        b for s in pantau_pk(v2, hari_ini=HARI_TW1).sasaran for b in s.indikator if b.id == baru[1].pk
    )
    assert (persen.sel[0].capaian.nilai, persen.tahun.nilai) == (D("180.00"), D("50.00"))

    entri = Riwayat.objects.untuk(v2).get(aksi="pantau.bawa")
    assert entri.oleh == admin_pemda
    assert {k: entri.data[k] for k in ("dari", "realisasi", "rencana", "realisasi_anggaran", "koreksi")} == {
        "dari": v1.pk,
        "realisasi": 2,
        "rencana": 1,
        "realisasi_anggaran": 1,
        "koreksi": 1,
    }
    assert entri.data["tertinggal"] == [indikator[2].uraian]
    assert indikator[2].uraian in entri.catatan

    # Entering TW I again on the new version updates the record that moved, not a second one.
    again = m.simpan_realisasi(baru[1], 1, operator_a, nilai=D(46), hari_ini=HARI_TW1)
    assert again.pk == r_persen.pk


def test_publishing_a_pk_without_monitoring_writes_nothing(operator_a, admin_pemda, pk_pantau):
    v2 = buat_perubahan(pk_pantau, operator_a, alasan="a", keterangan="Camat baru")
    _terbitkan(v2, admin_pemda)
    assert not Riwayat.objects.untuk(v2).filter(aksi="pantau.bawa").exists()

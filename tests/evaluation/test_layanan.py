"""The verbs of the SAKIP evaluation: who may do each, in which state, and what each refuses."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.agreements.alur import IsianKurang, StatusTidakSesuai, TidakBerhak
from kinerja.evaluation import layanan
from kinerja.evaluation.models import StatusEvaluasi
from kinerja.monitoring.bukti import periksa_bukti
from kinerja.riwayat.models import Riwayat
from tests.conftest import _user

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def ev(unit_a, operator_a):
    return layanan.buka(operator_a, unit_a, 2024)


@pytest.fixture
def pengendali(inspektorat_unit):
    return _user("pengendali", inspektorat_unit, "inspektorat")


def _semua(ev, jawaban="BB"):
    ins = ev.instrumen.domain
    return {k.kode: layanan.IsianJawaban(jawaban if jawaban in ins.pilihan(k) else "Y") for k in ins.kriteria}


def _diajukan(ev, operator, pimpinan):
    layanan.simpan_jawaban(operator, ev, _semua(ev))
    layanan.ajukan(pimpinan, ev)


def test_buka_sekali_per_unit_dan_tahun(ev, unit_a, operator_a, operator_b, inspektur):
    assert (ev.status, ev.jawaban.count(), ev.instrumen.kode) == (StatusEvaluasi.DRAF, 80, "88/2021")
    with pytest.raises(StatusTidakSesuai, match="sudah ada"):
        layanan.buka(operator_a, unit_a, 2024)
    with pytest.raises(TidakBerhak):
        layanan.buka(operator_b, unit_a, 2023)
    # The Inspektorat may open one too (it schedules the evaluation); before 2022 the 12/2015 instrument.
    lama = layanan.buka(inspektur, unit_a, 2021)
    assert (lama.instrumen.kode, len(lama.instrumen.domain.komponen)) == ("12/2015", 5)
    with pytest.raises(IsianKurang, match="tidak masuk akal"):
        layanan.buka(operator_a, unit_a, 1999)


def test_hanya_operator_unit_mengisi_dan_hanya_saat_draf(ev, operator_b, inspektur, operator_a, pimpinan_a):
    with pytest.raises(TidakBerhak, match="operator_b tidak berhak mengisi penilaian mandiri"):
        layanan.simpan_jawaban(operator_b, ev, {"1.a.1": layanan.IsianJawaban("AA")})
    with pytest.raises(TidakBerhak):
        layanan.simpan_jawaban(inspektur, ev, {"1.a.1": layanan.IsianJawaban("AA")})
    with pytest.raises(IsianKurang, match=r"Kriteria 9\.9\.9 tidak ada"):
        layanan.simpan_jawaban(operator_a, ev, {"9.9.9": layanan.IsianJawaban("AA")})
    assert layanan.simpan_jawaban(operator_a, ev, {"1.a.1": layanan.IsianJawaban("aa", " ada ")}) == 1
    assert (
        layanan.simpan_jawaban(operator_a, ev, {"1.a.1": layanan.IsianJawaban("AA", "ada")}) == 0
    )  # unchanged
    j = ev.jawaban.get(kriteria="1.a.1")
    assert (j.jawaban_unit, j.penjelasan_unit) == ("AA", "ada")


def test_ajukan_perlu_semua_jawaban(ev, operator_a, pimpinan_a):
    layanan.simpan_jawaban(operator_a, ev, {"1.a.1": layanan.IsianJawaban("AA")})
    with pytest.raises(IsianKurang, match="Masih ada 79 kriteria tanpa jawaban"):
        layanan.ajukan(pimpinan_a, ev)
    with pytest.raises(TidakBerhak):
        layanan.ajukan(operator_a, ev)


def test_bukti_berkas_tautan_dan_hapus(ev, operator_a):
    b = layanan.tambah_bukti(operator_a, ev, "1.a.1", berkas=periksa_bukti("renstra.pdf", PDF))
    assert b.judul == "renstra.pdf" and b.berkas.name.endswith(".pdf") and len(b.sha256) == 64
    t = layanan.tambah_bukti(operator_a, ev, "1.a.1", judul="Situs", tautan="https://gowakab.go.id/renstra")
    with pytest.raises(IsianKurang, match="diawali https://"):
        layanan.tambah_bukti(operator_a, ev, "1.a.1", tautan="javascript:alert(1)")
    with pytest.raises(IsianKurang, match="Pilih berkas"):
        layanan.tambah_bukti(operator_a, ev, "1.a.1")
    layanan.hapus_bukti(operator_a, t)
    assert list(ev.jawaban.get(kriteria="1.a.1").bukti.values_list("judul", flat=True)) == ["renstra.pdf"]
    aksi = list(Riwayat.objects.untuk(ev).values_list("aksi", flat=True))
    assert aksi.count("evaluasi.bukti.tambah") == 2 and "evaluasi.bukti.hapus" in aksi


def test_kembalikan_ke_unit_dan_ke_evaluator(ev, operator_a, pimpinan_a, inspektur, pengendali):
    _diajukan(ev, operator_a, pimpinan_a)
    with pytest.raises(IsianKurang, match="apa yang harus dilengkapi"):
        layanan.kembalikan_ke_unit(inspektur, ev, " ")
    layanan.kembalikan_ke_unit(inspektur, ev, "Lampirkan Renstra yang ditandatangani.")
    assert ev.status == StatusEvaluasi.DRAF
    layanan.ajukan(pimpinan_a, ev)
    layanan.reviu_jawaban(inspektur, ev, {"1.a.1": layanan.IsianReviu()})
    with pytest.raises(IsianKurang, match="79 kriteria belum direviu"):
        layanan.kirim_ke_pengendali(inspektur, ev)
    layanan.reviu_jawaban(inspektur, ev, {k: layanan.IsianReviu() for k in _semua(ev)})
    layanan.kirim_ke_pengendali(inspektur, ev)
    with pytest.raises(TidakBerhak, match="orang lain daripada evaluator"):
        layanan.kembalikan_ke_evaluator(inspektur, ev, "Periksa lagi.")
    layanan.kembalikan_ke_evaluator(pengendali, ev, "Periksa kriteria 2.b.")
    assert ev.status == StatusEvaluasi.DIREVIU
    dari_ke = list(Riwayat.objects.untuk(ev).exclude(dari="").values_list("aksi", "dari", "ke"))
    assert dari_ke == [
        ("evaluasi.ajukan", "draf", "diajukan"),
        ("evaluasi.kembalikan", "diajukan", "draf"),
        ("evaluasi.ajukan", "draf", "diajukan"),
        ("evaluasi.reviu.mulai", "diajukan", "direviu"),
        ("evaluasi.kirim", "direviu", "diperiksa"),
        ("evaluasi.kembalikan_reviu", "diperiksa", "direviu"),
    ]


def test_reviu_setuju_atau_sesuaikan(ev, operator_a, pimpinan_a, inspektur, operator_b):
    _diajukan(ev, operator_a, pimpinan_a)
    with pytest.raises(TidakBerhak):
        layanan.reviu_jawaban(operator_a, ev, {"1.a.1": layanan.IsianReviu()})
    # The same grade as the unit's is agreement, not an adjustment.
    layanan.reviu_jawaban(
        inspektur, ev, {"1.a.1": layanan.IsianReviu("BB"), "1.a.4": layanan.IsianReviu("C", "Belum terbit.")}
    )
    j1, j4 = ev.jawaban.get(kriteria="1.a.1"), ev.jawaban.get(kriteria="1.a.4")
    assert (j1.direviu, j1.jawaban_evaluator, j1.jawaban_akhir) == (True, "", "BB")
    assert (j4.jawaban_evaluator, j4.jawaban_akhir, j4.jawaban_unit) == ("C", "C", "BB")


def test_rekomendasi_tidak_bisa_dijawab_sebelum_final(ev, operator_a, pimpinan_a, inspektur):
    _diajukan(ev, operator_a, pimpinan_a)
    r = layanan.tambah_rekomendasi(inspektur, ev, "Perbaiki IKU.", "2")
    r2 = layanan.tambah_rekomendasi(inspektur, ev, "Publikasikan LKjIP.")
    assert (r.nomor, r2.nomor) == (1, 2)
    with pytest.raises(IsianKurang, match="Komponen 9 tidak ada"):
        layanan.tambah_rekomendasi(inspektur, ev, "x", "9")
    with pytest.raises(StatusTidakSesuai, match="setelah evaluasi final"):
        layanan.jawab_rekomendasi(operator_a, r, "Sudah.")
    layanan.hapus_rekomendasi(inspektur, r2)
    assert list(ev.rekomendasi.values_list("nomor", flat=True)) == [1]


def test_tetapkan_menyimpan_nilai_dan_mengunci(ev, operator_a, pimpinan_a, inspektur, pengendali):
    _diajukan(ev, operator_a, pimpinan_a)
    layanan.reviu_jawaban(inspektur, ev, {k: layanan.IsianReviu() for k in _semua(ev)})
    layanan.kirim_ke_pengendali(inspektur, ev)
    isian = layanan.IsianPenetapan("Andi Rahmat", "196905121990031005", "Inspektur Daerah")
    with pytest.raises(TidakBerhak):
        layanan.tetapkan(inspektur, ev, isian)
    with pytest.raises(IsianKurang, match="nama dan jabatan"):
        layanan.tetapkan(pengendali, ev, layanan.IsianPenetapan("", "", ""))
    h = layanan.tetapkan(pengendali, ev, isian)
    ev.refresh_from_db()
    # All BB with two Ya: Perencanaan 6 × 6/7 + 9 × 0,8 + 15 × 0,8 = 24,342857; + 56 → 80,34 (A).
    assert (h.nilai, ev.nilai, ev.predikat, ev.penandatangan_nip) == (
        Decimal("80.34"),
        Decimal("80.34"),
        "A",
        "196905121990031005",
    )
    with pytest.raises(StatusTidakSesuai):
        layanan.simpan_catatan(inspektur, ev, {"1": "Terlambat."})
    with pytest.raises(StatusTidakSesuai):
        layanan.tambah_bukti(operator_a, ev, "1.a.1", tautan="https://contoh.go.id")


def test_halaman_evaluasi_kueri_tetap(client, unit_a, operator_a, pimpinan_a, inspektur, pk_factory):
    """The evaluation page of one unit (80 criteria, answers, evidence, both sides) reads a fixed number
    of queries, whatever the amount of evidence and answers (issue #14's budget)."""
    pk_factory(unit_a)
    ev = layanan.buka(operator_a, unit_a, 2024)
    client.force_login(inspektur)

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            assert client.get(f"/evaluasi/{ev.pk}/").status_code == 200
        return len(q)

    sedikit = hitung()
    _diajukan(ev, operator_a, pimpinan_a)
    berkas = periksa_bukti("bukti.pdf", PDF)
    layanan.kembalikan_ke_unit(inspektur, ev, "Lengkapi bukti.")
    for k in list(_semua(ev))[:40]:
        layanan.tambah_bukti(operator_a, ev, k, berkas=berkas)
        layanan.tambah_bukti(operator_a, ev, k, tautan="https://contoh.go.id/" + k)
    layanan.terima_usulan_bukti(operator_a, ev)
    layanan.ajukan(pimpinan_a, ev)
    layanan.reviu_jawaban(
        inspektur, ev, {k: layanan.IsianReviu("B", "Kurang bukti.") for k in list(_semua(ev))[3:33]}
    )
    layanan.tambah_rekomendasi(inspektur, ev, "Perbaiki IKU.")
    banyak = hitung()
    assert banyak == sedikit


def test_evaluator_kedua_juga_tidak_boleh_menetapkan(
    ev, operator_a, pimpinan_a, inspektur, pengendali, inspektorat_unit
):
    """Separation of duties: whoever took part in the review (not only the first evaluator) may not
    finalise it."""
    kedua = _user("evaluator_kedua", inspektorat_unit, "inspektorat")
    _diajukan(ev, operator_a, pimpinan_a)
    layanan.reviu_jawaban(inspektur, ev, {"1.a.1": layanan.IsianReviu()})
    layanan.reviu_jawaban(kedua, ev, {k: layanan.IsianReviu() for k in _semua(ev)})
    layanan.kirim_ke_pengendali(kedua, ev)
    isian = layanan.IsianPenetapan("Andi Rahmat", "", "Inspektur Daerah")
    for orang in (inspektur, kedua):
        with pytest.raises(TidakBerhak, match="orang lain daripada evaluator"):
            layanan.tetapkan(orang, ev, isian)
    assert layanan.tetapkan(pengendali, ev, isian).nilai == Decimal("80.34")


def test_jawaban_yang_diubah_setelah_dikembalikan_direviu_lagi(ev, operator_a, pimpinan_a, inspektur):
    _diajukan(ev, operator_a, pimpinan_a)
    layanan.reviu_jawaban(inspektur, ev, {k: layanan.IsianReviu() for k in _semua(ev)})
    layanan.reviu_jawaban(inspektur, ev, {"2.a.1": layanan.IsianReviu("B", "Kurang bukti.")})
    layanan.kembalikan_ke_unit(inspektur, ev, "Lengkapi bukti 1.a.1.")
    layanan.simpan_jawaban(operator_a, ev, {"1.a.1": layanan.IsianJawaban("A", "Renstra ditetapkan.")})
    layanan.ajukan(pimpinan_a, ev)
    j1, j2 = ev.jawaban.get(kriteria="1.a.1"), ev.jawaban.get(kriteria="2.a.1")
    # The changed answer waits for a new decision; the untouched one keeps the evaluator's.
    assert (j1.direviu, j1.jawaban_akhir) == (False, "A")
    assert (j2.direviu, j2.jawaban_akhir) == (True, "B")
    layanan.reviu_jawaban(inspektur, ev, {"2.a.1": layanan.IsianReviu("B", "Kurang bukti.")})
    with pytest.raises(IsianKurang, match="1 kriteria belum direviu"):
        layanan.kirim_ke_pengendali(inspektur, ev)

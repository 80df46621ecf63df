"""The demo's SAKIP evaluations of Kecamatan Bajeng (after `kinerja demo`, `demo_skm`, `demo_pantau`).

2023: final, 74,15 (BB) — the score the seed PK reports for 2023. 2024: the whole flow through the
services — the unit's self-assessment with evidence, the pimpinan's submission, the evaluator's
adjustments with notes, the pengendali teknis's check and finalisation at 80,00 (BB), the score the
2024 PK aims for — which then stands as the automatic realisasi of the PK's "Nilai SAKIP" indicator.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kinerja.domain import sakip
from kinerja.evaluation import layanan
from kinerja.evaluation.models import Evaluasi
from kinerja.monitoring.bukti import periksa_bukti
from kinerja.monitoring.demo import PDF_BUKTI, SANDI, pengguna_demo, pk_demo
from kinerja.units.models import Unit, UnitRole

OPERATOR = "operator.bajeng"
PIMPINAN = "camat.bajeng"
EVALUATOR = "evaluator.itda"
PENGENDALI = "pengendali.itda"
TAHUN = 2024
NILAI_2023 = Decimal("74.15")
NILAI_2024 = Decimal("80.00")  # the target of the 2024 PK's "Nilai SAKIP" indicator
KURANG_BUKTI = "Bukti dukung belum menunjukkan seluruh kriteria terpenuhi."
# The criteria the unit rated A and the evaluator brought back to BB (and why).
DISESUAIKAN = {
    "1.b.1": "Target belum seluruhnya menantang dibanding capaian tahun lalu.",
    "2.c.1": "Hasil pengukuran belum dipakai untuk penyesuaian rencana aksi triwulan III.",
    "3.b.2": "Analisis efisiensi anggaran belum per sasaran.",
    "4.c.1": "Rekomendasi evaluasi tahun lalu belum seluruhnya ditindaklanjuti.",
}
CATATAN = {
    "1": "Perjanjian Kinerja 2024 telah ditetapkan dan dipublikasikan tepat waktu; indikator kinerja "
    "sudah berorientasi hasil, tetapi target sebagian indikator belum menantang.",
    "2": "Realisasi dipantau setiap triwulan dengan bukti dukung; pemanfaatan hasil pengukuran untuk "
    "menyesuaikan kegiatan perlu ditingkatkan.",
    "3": "LKjIP memuat perbandingan capaian dengan tahun lalu; analisis efisiensi perlu diperdalam.",
    "4": "Evaluasi internal sudah berjalan; tindak lanjut rekomendasi tahun lalu belum tuntas.",
}
REKOMENDASI = (
    (
        "1",
        "Menetapkan target indikator kinerja yang lebih menantang dengan mempertimbangkan tren capaian tiga tahun terakhir.",
    ),
    ("2", "Menggunakan hasil pengukuran triwulan sebagai dasar penyesuaian rencana aksi dan anggaran."),
    (
        "4",
        "Menuntaskan tindak lanjut rekomendasi evaluasi tahun sebelumnya dan melaporkannya kepada Inspektorat.",
    ),
)


def _semua(ins: sakip.Instrumen, jawaban: str) -> dict[str, str]:
    """The same grade for every criterion ("Y" where the criterion is answered Ya/Tidak)."""
    return {k.kode: jawaban if jawaban in ins.pilihan(k) else ins.pilihan(k)[0] for k in ins.kriteria}


def _turunkan_ke(ins: sakip.Instrumen, jawaban: dict[str, str], target: Decimal) -> dict[str, str]:
    """Lower answers one grade at a time while the score stays at or above `target`, the criteria
    that weigh most first and in passes until nothing moves; the demo's scores are reached exactly."""
    urut = ("AA", "A", "BB", "B", "CC", "C")
    sub = ins.sub_dari()
    berat = sorted(ins.kriteria, key=lambda k: sub[k.kode].bobot / len(sub[k.kode].kriteria), reverse=True)
    jawaban = dict(jawaban)
    berubah = True
    while berubah and sakip.hitung(ins, jawaban).nilai != target:
        berubah = False
        for k in berat:
            j = jawaban[k.kode]
            if j not in urut[:-1]:
                continue
            coba = jawaban | {k.kode: urut[urut.index(j) + 1]}
            if sakip.hitung(ins, coba).nilai >= target:
                jawaban, berubah = coba, True
                if sakip.hitung(ins, jawaban).nilai == target:
                    break
    return jawaban


def _penetapan(tahun: int, tanggal: date) -> layanan.IsianPenetapan:
    return layanan.IsianPenetapan(
        penandatangan_nama="Andi Rahmat, S.STP., M.Si.",  # fictional (the demo's Inspektorat)
        penandatangan_nip="196905121990031005",
        penandatangan_jabatan="Inspektur Daerah Kabupaten Gowa",
        nomor_surat=f"700/{tahun - 2000}/Itda/{tahun + 1}",
        tempat="Sungguminasa",
        tanggal=tanggal,
    )


def _selesaikan(
    ev: Evaluasi, users, jawaban: dict[str, str], sesuaikan: dict[str, str], tanggal: date, lengkap: bool
):
    """Run the flow: answers and evidence, submission, review (adjustments with notes), final."""
    operator, pimpinan, evaluator, pengendali = users
    jelas = "Sesuai dokumen dan bukti dukung terlampir."
    layanan.simpan_jawaban(operator, ev, {k: layanan.IsianJawaban(j, jelas) for k, j in jawaban.items()})
    layanan.terima_usulan_bukti(operator, ev)
    berkas = periksa_bukti("bukti-dukung.pdf", PDF_BUKTI)
    for kode in jawaban:
        layanan.tambah_bukti(operator, ev, kode, judul=f"Bukti dukung kriteria {kode}", berkas=berkas)
    layanan.ajukan(pimpinan, ev)
    reviu = {k: layanan.IsianReviu() for k in jawaban} | {
        k: layanan.IsianReviu(j, c) for k, (j, c) in sesuaikan.items()
    }
    layanan.reviu_jawaban(evaluator, ev, reviu)
    if lengkap:  # the notes per component and the recommendations printed in the LHE
        layanan.simpan_catatan(evaluator, ev, CATATAN)
        for komponen, teks in REKOMENDASI:
            layanan.tambah_rekomendasi(evaluator, ev, teks, komponen)
    layanan.kirim_ke_pengendali(evaluator, ev)
    return layanan.tetapkan(pengendali, ev, _penetapan(ev.tahun, tanggal))


def muat() -> str:
    """Load the demo evaluations (idempotent: nothing when the 2024 one exists)."""
    pk = pk_demo()
    if pk is None:
        return "PK demo belum dimuat."
    unit = pk.unit
    if Evaluasi.objects.filter(unit=unit, tahun=TAHUN).exists():
        return "Evaluasi SAKIP demo sudah dimuat."
    pemda = Unit.objects.get(pk=unit.akar_id) if unit.akar_id else unit
    users = (
        pengguna_demo(OPERATOR, unit, UnitRole.Peran.OPERATOR),
        pengguna_demo(PIMPINAN, unit, UnitRole.Peran.PIMPINAN, "Camat Bajeng"),
        pengguna_demo(EVALUATOR, pemda, UnitRole.Peran.INSPEKTORAT, "Evaluator Inspektorat"),
        pengguna_demo(PENGENDALI, pemda, UnitRole.Peran.INSPEKTORAT, "Pengendali Teknis Inspektorat"),
    )
    lalu = layanan.buka(users[0], unit, TAHUN - 1)
    ins = lalu.instrumen.domain
    jawaban_lalu = _turunkan_ke(ins, _semua(ins, "BB"), NILAI_2023)
    h_lalu = _selesaikan(lalu, users, jawaban_lalu, {}, date(TAHUN, 2, 20), False)
    ev = layanan.buka(users[0], unit, TAHUN)
    # The unit rates itself BB, and A on four criteria; the evaluator brings those back to BB (with
    # his reasons) and lowers what the evidence does not carry, to the score the PK aims for.
    jawaban = _semua(ins, "BB") | dict.fromkeys(DISESUAIKAN, "A")
    akhir = _turunkan_ke(ins, jawaban | dict.fromkeys(DISESUAIKAN, "BB"), NILAI_2024)
    sesuaikan = {k: (j, DISESUAIKAN.get(k, KURANG_BUKTI)) for k, j in akhir.items() if j != jawaban[k]}
    hasil = _selesaikan(ev, users, jawaban, sesuaikan, date(TAHUN + 1, 2, 14), True)
    r = ev.rekomendasi.order_by("nomor").first()
    if r is not None:
        layanan.jawab_rekomendasi(
            users[0], r, "Target 2025 disusun ulang dengan tren capaian 2022–2024 (rapat 3 Maret 2025)."
        )
    return (
        f"Evaluasi SAKIP demo dimuat: {unit.nama} {TAHUN - 1} nilai {h_lalu.nilai} ({h_lalu.predikat.kode}), "
        f"{TAHUN} nilai {hasil.nilai} ({hasil.predikat.kode}); pimpinan {PIMPINAN}, evaluator {EVALUATOR}, "
        f"pengendali teknis {PENGENDALI} (sandi {SANDI})."
    )

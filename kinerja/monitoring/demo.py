"""A year of monitoring for the demo PK (Kecamatan Bajeng 2024), entered through the services as the
unit's operator and checked by the pemda's verifikator, so the dashboard is alive after `make run`:
rencana aksi for every indikator, three triwulan of realisasi with evidence (TW I and II verified,
TW III submitted with one realisasi returned), the IKM filled from the closed SKM period, budget
realisasi. Deterministic: the same figures on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from kinerja.agreements.models import PerjanjianKinerja
from kinerja.monitoring import layanan
from kinerja.monitoring.bukti import periksa_bukti
from kinerja.monitoring.models import Realisasi
from kinerja.units.models import Unit, UnitRole
from kinerja.units.peran import beri_peran

OPERATOR = "operator.bajeng"
VERIFIKATOR = "verifikator.gowa"
SANDI = "kinerja-demo"
# A day inside each triwulan of 2024 (entry is open until the 10th of the next month).
HARI = {1: date(2024, 4, 5), 2: date(2024, 7, 5), 3: date(2024, 10, 7)}
PDF_BUKTI = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


D = Decimal


@dataclass(frozen=True)
class Rencana:
    """A demo indikator's plan and its three triwulan (None: not reported)."""

    konsolidasi: str
    sifat: str
    target: tuple[Decimal | None, ...]
    realisasi: tuple[Decimal | None, ...]
    kendala: str = ""
    upaya: str = ""


def _rencana(uraian: str, target: Decimal | None) -> Rencana:
    """The plan by the kind of indikator (a count built up over the year, or a percentage kept)."""
    u = uraian.casefold()
    if "indeks kepuasan" in u:
        return Rencana("terakhir", "kumulatif", (D(84),) * 4, (None, None, None))  # filled from the SKM
    if "sakip" in u:
        return Rencana("terakhir", "kumulatif", (None, None, None, D(80)), (None, None, None))  # once a year
    if "persentase" in u:
        if "pengaduan" in u:
            return Rencana("rata_rata", "triwulanan", (D(100),) * 4, (D("92.5"), D(95), D("97.5")))
        return Rencana(
            "rata_rata",
            "triwulanan",
            (D(100),) * 4,
            (D(85), D(90), D(96)),
            "Sebagian layanan belum memiliki petugas tetap.",
            "Penugasan ulang staf dan pendampingan teknis.",
        )
    t = target or D(4)
    tw = tuple(t * k / 4 for k in (1, 2, 3, 4))
    if t < 4:
        return Rencana("terakhir", "kumulatif", tw, tw[:3])
    return Rencana(
        "terakhir",
        "kumulatif",
        tw,
        (tw[0], tw[1], tw[2] - 1),
        "Pengadaan triwulan III tertunda karena revisi anggaran.",
        "Dijadwalkan ulang pada awal triwulan IV.",
    )


def pengguna_demo(username: str, unit: Unit, peran: str, nama: str = ""):
    """A demo user with `peran` on `unit` (made once; the password is SANDI)."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username, f"{username}@kinerja.invalid", SANDI, first_name=nama)
    if not UnitRole.objects.filter(user=user, unit=unit, peran=peran).exists():
        beri_peran(user, unit, peran)
    return user


def muat(perjanjian: PerjanjianKinerja) -> str:
    """Load the demo year onto `perjanjian` (idempotent: nothing when it already has realisasi)."""
    if Realisasi.objects.filter(indikator__sasaran__perjanjian=perjanjian).exists():
        return "Data pemantauan demo sudah dimuat."
    unit = perjanjian.unit
    pemda = Unit.objects.get(pk=unit.akar_id) if unit.akar_id else unit
    operator = pengguna_demo(OPERATOR, unit, UnitRole.Peran.OPERATOR)
    verifikator = pengguna_demo(VERIFIKATOR, pemda, UnitRole.Peran.VERIFIKATOR)
    indikator, _jalur = layanan.indikator_berjalur(perjanjian)
    bukti = periksa_bukti("bukti-kegiatan.pdf", PDF_BUKTI)
    dikembalikan: Realisasi | None = None
    for tw in (1, 2, 3):
        for n, ind in enumerate(indikator):
            r = _rencana(ind.uraian, ind.target_nilai)
            if tw == 1:
                layanan.simpan_rencana(
                    ind,
                    operator,
                    konsolidasi=r.konsolidasi,
                    sifat_target=r.sifat,
                    **{f"target_tw{k}": v for k, v in enumerate(r.target, start=1)},
                )
            nilai = r.realisasi[tw - 1]
            if nilai is None:
                continue
            simpan = layanan.simpan_realisasi(
                ind,
                tw,
                operator,
                nilai=nilai,
                kendala=r.kendala if tw == 3 else "",
                upaya=r.upaya if tw == 3 else "",
                bukti=[] if (tw == 3 and n == 3) else [bukti],
                akui=True,
                hari_ini=HARI[tw],
            )
            if tw == 3 and dikembalikan is None and r.kendala:
                dikembalikan = simpan
        layanan.ajukan_triwulan(perjanjian, tw, operator, hari_ini=HARI[tw])
        if tw < 3:
            layanan.verifikasi_triwulan(perjanjian, tw, verifikator)
        for program in perjanjian.program.order_by("urutan", "pk"):
            if program.anggaran:
                porsi = Decimal(("0.18", "0.27", "0.24")[tw - 1])
                layanan.simpan_realisasi_anggaran(
                    program,
                    tw,
                    operator,
                    nilai=(program.anggaran * porsi).quantize(Decimal(1)),
                    akui=True,
                    hari_ini=HARI[tw],
                )
    if dikembalikan is not None:
        layanan.kembalikan(
            dikembalikan,
            verifikator,
            catatan="Lampirkan berita acara serah terima sarana; angka triwulan III belum sesuai bukti.",
        )
    otomatis = layanan.isi_otomatis(perjanjian, verifikator)
    for r in otomatis:
        if r.status == Realisasi.Status.DIAJUKAN and r.triwulan < 3:
            layanan.verifikasi(r, verifikator)
    return (
        f"Pemantauan demo dimuat: {len(indikator)} indikator, 3 triwulan, {len(otomatis)} nilai otomatis dari SKM; "
        f"operator {OPERATOR} dan verifikator {VERIFIKATOR} (sandi {SANDI})."
    )


def pk_demo() -> PerjanjianKinerja | None:
    """The demo PK: Kecamatan Bajeng 2024, published."""
    return (
        PerjanjianKinerja.objects.filter(
            tahun=2024, unit__nama__iexact="Kecamatan Bajeng", status__in=layanan.STATUS_DIPANTAU
        )
        .select_related("unit")
        .first()
    )

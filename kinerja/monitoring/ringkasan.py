"""What monitoring shows, read in a fixed number of queries: one PK through the year (`pantau_pk`:
the unit's dashboard, the triwulan report, the LKjIP tables, the spreadsheet) and every unit of a
pemerintah daerah at once (`pantau_pemda`: the pemda's dashboard).

Rows are read as plain values (no model instances) and the capaian comes from the domain
(`kinerja.domain.pantau` over `kinerja.domain.capaian`), so a page of 50 units × 20 indikator × 4
triwulan stays fast and every figure carries the formula that produced it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from kinerja.agreements.models import Indikator, PerjanjianKinerja, Program, Sasaran, ringkas
from kinerja.domain import capaian as dc
from kinerja.domain import pantau
from kinerja.monitoring.layanan import STATUS_DIPANTAU, KeadaanTriwulan, keadaan_triwulan, pengaturan
from kinerja.monitoring.models import (
    PengaturanPantau,
    PermintaanKoreksi,
    Realisasi,
    RealisasiAnggaran,
    RencanaIndikator,
    RencanaProgram,
    StatusRealisasi,
)
from kinerja.units.models import Unit


@dataclass(slots=True)  # built 4 000 times for a pemda's dashboard: no frozen-init cost
class Sel:
    """One indikator in one triwulan: the realisasi entered (or None), the target and capaian to date."""

    triwulan: int
    realisasi_id: int | None
    nilai: Decimal | None
    predikat: str
    status: str  # "" when nothing was entered
    otomatis: bool
    jumlah_bukti: int
    catatan: str
    target: Decimal | None
    capaian: dc.Capaian
    kategori: dc.Pita | None

    @property
    def teks(self) -> str:
        if self.predikat:
            return self.predikat
        if self.nilai is None:
            return "–"
        from kinerja.domain.numbers import format_angka

        return format_angka(self.nilai.normalize(), None)


@dataclass
class BarisIndikator:
    id: int
    uraian: str
    satuan: str
    target_teks: str
    polaritas: str
    spek: pantau.IndikatorPantau
    rencana_id: int | None
    aksi: str
    penanggung_jawab: str
    sel: list[Sel]
    tahun: dc.Capaian
    kategori: dc.Pita | None
    jalur: str = ""

    @property
    def rumus_konsolidasi(self) -> str:
        from django.utils.translation import gettext as _

        return {"jumlah": _("jumlah"), "rata_rata": _("rata-rata"), "terakhir": _("nilai terakhir")}[
            self.spek.konsolidasi
        ]


@dataclass
class BarisSasaran:
    id: int
    uraian: str
    tingkat: str
    indikator: list[BarisIndikator]
    capaian: Decimal | None
    kategori: dc.Pita | None


@dataclass
class BarisProgram:
    id: int
    nama: str
    jenis: str
    kode: str
    pagu: Decimal | None
    rencana: tuple[Decimal | None, ...]
    realisasi: tuple[Decimal | None, ...]

    @property
    def jumlah(self) -> Decimal | None:
        ada = [v for v in self.realisasi if v is not None]
        return sum(ada, Decimal(0)) if ada else None

    @property
    def serapan(self) -> Decimal | None:
        return pantau.serapan(self.pagu, self.jumlah)

    @property
    def efisiensi(self) -> Decimal | None:
        return pantau.efisiensi(self.pagu, self.jumlah)

    def sampai(self, triwulan: int) -> Decimal | None:
        ada = [v for v in self.realisasi[:triwulan] if v is not None]
        return sum(ada, Decimal(0)) if ada else None


@dataclass(frozen=True)
class Kekurangan:
    """Something missing for a triwulan: no realisasi, no evidence, not verified; with how late."""

    jenis: str  # belum_diisi | tanpa_bukti | belum_diverifikasi | dikembalikan
    triwulan: int
    indikator: str
    terlambat_hari: int  # days past the deadline (0: not late yet)


@dataclass
class PantauPK:
    perjanjian: PerjanjianKinerja
    batas: Decimal | None
    hari_tenggat: int
    hari_ini: date
    keadaan: list[KeadaanTriwulan]
    sasaran: list[BarisSasaran]
    program: list[BarisProgram]
    koreksi: list[PermintaanKoreksi] = field(default_factory=list)

    @property
    def indikator(self) -> list[BarisIndikator]:
        return [i for s in self.sasaran for i in s.indikator]

    @property
    def triwulan_berjalan(self) -> int:
        """The last triwulan that has begun (1 before the year starts, 4 after it ends)."""
        if self.hari_ini.year < self.perjanjian.tahun:
            return 1
        if self.hari_ini.year > self.perjanjian.tahun:
            return 4
        return pantau.triwulan_dari(self.hari_ini)

    @property
    def capaian_tahun(self) -> Decimal | None:
        """The unit's capaian of the year: the mean of its indikator's (as per triwulan, and as the
        pemda's dashboard shows it)."""
        return dc.rata_rata([i.tahun for i in self.indikator])

    def capaian_triwulan(self, triwulan: int) -> Decimal | None:
        return dc.rata_rata([i.sel[triwulan - 1].capaian for i in self.indikator])

    @property
    def kekurangan(self) -> list[Kekurangan]:
        return kekurangan(self.indikator, self.keadaan, self.hari_ini)

    @property
    def pagu(self) -> Decimal | None:
        return _jumlah(p.pagu for p in self.program if p.jenis == "program")

    @property
    def realisasi_anggaran(self) -> Decimal | None:
        return _jumlah(p.jumlah for p in self.program if p.jenis == "program")


def _jumlah(nilai: Iterable[Decimal | None]) -> Decimal | None:
    ada = [v for v in nilai if v is not None]
    return sum(ada, Decimal(0)) if ada else None


KOLOM_INDIKATOR = (
    "id",
    "sasaran_id",
    "uraian",
    "satuan",
    "target_teks",
    "target_nilai",
    "target_nilai_atas",
    "target_predikat",
    "polaritas",
)
_KOLOM_RENCANA = (
    "id",
    "indikator_id",
    "aksi",
    "sifat_target",
    "konsolidasi",
    "rumus_negatif",
    "penanggung_jawab__nama",
    "target_tw1",
    "target_tw2",
    "target_tw3",
    "target_tw4",
)
_KOLOM_REALISASI = (
    "id",
    "indikator_id",
    "triwulan",
    "nilai",
    "predikat",
    "status",
    "otomatis",
    "catatan_verifikasi",
    "n_bukti",
)


def _spek(ind: dict, rencana: dict | None) -> pantau.IndikatorPantau:
    return pantau.IndikatorPantau(
        target=ringkas(ind["target_nilai"]),
        target_atas=ringkas(ind["target_nilai_atas"]),
        target_predikat=ind["target_predikat"] or "",
        target_triwulan=tuple(ringkas(rencana[f"target_tw{n}"]) for n in pantau.TRIWULAN)
        if rencana
        else (None, None, None, None),
        sifat_target=rencana["sifat_target"] if rencana else "kumulatif",
        konsolidasi=rencana["konsolidasi"] if rencana else "terakhir",
        polaritas=ind["polaritas"],
        rumus_negatif=rencana["rumus_negatif"] if rencana else "selisih",
        satuan=ind["satuan"] or "",
    )


def baris_indikator(
    ind: dict, rencana: dict | None, realisasi: dict[int, dict], batas: Decimal | None, pita=dc.PITA_BAWAAN
) -> BarisIndikator:
    """One indikator's year: its four cells and its year capaian (`realisasi`: triwulan → row)."""
    spek = _spek(ind, rencana)
    # Stored with four decimals: shown and computed as typed (92,5, not 92,5000).
    nilai = [ringkas(realisasi[t]["nilai"]) if t in realisasi else None for t in pantau.TRIWULAN]
    predikat = [realisasi[t]["predikat"] if t in realisasi else "" for t in pantau.TRIWULAN]
    sel = []
    for t in pantau.TRIWULAN:
        c = pantau.capaian_triwulan(spek, nilai, t, predikat=predikat, batas=batas)
        r = realisasi.get(t)
        sel.append(
            Sel(
                triwulan=t,
                realisasi_id=r["id"] if r else None,
                nilai=nilai[t - 1],
                predikat=predikat[t - 1],
                status=r["status"] if r else "",
                otomatis=bool(r and r["otomatis"]),
                jumlah_bukti=r["n_bukti"] if r else 0,
                catatan=r["catatan_verifikasi"] if r else "",
                target=None if spek.predikat else pantau.target_sampai(spek, t),
                capaian=c,
                kategori=dc.kategori(c, pita),
            )
        )
    tahun = pantau.capaian_tahun(spek, nilai, predikat=predikat, batas=batas)
    return BarisIndikator(
        id=ind["id"],
        uraian=ind["uraian"],
        satuan=ind["satuan"] or "",
        target_teks=ind["target_teks"],
        polaritas=ind["polaritas"],
        spek=spek,
        rencana_id=rencana["id"] if rencana else None,
        aksi=rencana["aksi"] if rencana else "",
        penanggung_jawab=(rencana["penanggung_jawab__nama"] or "") if rencana else "",
        sel=sel,
        tahun=tahun,
        kategori=dc.kategori(tahun, pita),
    )


def realisasi_per_indikator(filter_q: Q) -> dict[int, dict[int, dict]]:
    hasil: dict[int, dict[int, dict]] = defaultdict(dict)
    rows = (
        Realisasi.objects.filter(filter_q)
        .order_by()
        .annotate(n_bukti=Count("bukti"))
        .values_list(*_KOLOM_REALISASI)
    )
    for row in rows:
        r = dict(zip(_KOLOM_REALISASI, row, strict=True))
        hasil[r["indikator_id"]][r["triwulan"]] = r
    return hasil


def rencana_per_indikator(filter_q: Q) -> dict[int, dict]:
    return {
        r["indikator_id"]: r
        for r in (
            dict(zip(_KOLOM_RENCANA, row, strict=True))
            for row in RencanaIndikator.objects.filter(filter_q).values_list(*_KOLOM_RENCANA)
        )
    }


def pantau_pk(perjanjian: PerjanjianKinerja, hari_ini: date | None = None) -> PantauPK:
    """One PK through the year, in a fixed number of queries (whatever its size)."""
    hari_ini = hari_ini or timezone.localdate()
    atur = pengaturan(perjanjian.unit)
    sasaran = list(
        Sasaran.objects.filter(perjanjian=perjanjian)
        .order_by("urutan", "pk")
        .values("id", "uraian", "tingkat")
    )
    indikator = list(
        Indikator.objects.filter(sasaran__perjanjian=perjanjian)
        .order_by("urutan", "pk")
        .values(*KOLOM_INDIKATOR)
    )
    rencana = rencana_per_indikator(Q(indikator__sasaran__perjanjian=perjanjian))
    realisasi = realisasi_per_indikator(Q(indikator__sasaran__perjanjian=perjanjian))
    per_sasaran: dict[int, list[BarisIndikator]] = defaultdict(list)
    for ind in indikator:
        per_sasaran[ind["sasaran_id"]].append(
            baris_indikator(ind, rencana.get(ind["id"]), realisasi.get(ind["id"], {}), atur.batas)
        )
    baris_sasaran = []
    for k, s in enumerate(sasaran):
        daftar = per_sasaran.get(s["id"], [])
        for j, b in enumerate(daftar):
            b.jalur = f"sasaran[{k}].indikator[{j}]"
        nilai = dc.rata_rata([b.tahun for b in daftar])
        baris_sasaran.append(
            BarisSasaran(s["id"], s["uraian"], s["tingkat"], daftar, nilai, dc.kategori(nilai))
        )
    koreksi = list(PermintaanKoreksi.objects.filter(perjanjian=perjanjian).select_related("diminta_oleh"))
    return PantauPK(
        perjanjian=perjanjian,
        batas=atur.batas,
        hari_tenggat=atur.hari_tenggat,
        hari_ini=hari_ini,
        keadaan=[
            keadaan_triwulan(
                perjanjian,
                t,
                hari_ini,
                atur,
                koreksi_terbuka=any(
                    k.triwulan == t and k.status == PermintaanKoreksi.Status.DISETUJUI for k in koreksi
                ),
            )
            for t in pantau.TRIWULAN
        ],
        sasaran=baris_sasaran,
        program=program_pk(perjanjian),
        koreksi=koreksi,
    )


def program_pk(perjanjian: PerjanjianKinerja) -> list[BarisProgram]:
    """The budget rows: pagu from the PK, the plan and the realisasi per triwulan (3 queries)."""
    program = list(
        Program.objects.filter(perjanjian=perjanjian)
        .order_by("urutan", "pk")
        .values("id", "nama", "jenis", "kode", "anggaran")
    )
    rencana = {
        r["program_id"]: r
        for r in RencanaProgram.objects.filter(program__perjanjian=perjanjian).values(
            "program_id", "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4"
        )
    }
    realisasi: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for pid, tw, nilai in RealisasiAnggaran.objects.filter(program__perjanjian=perjanjian).values_list(
        "program_id", "triwulan", "nilai"
    ):
        realisasi[pid][tw] = nilai
    return [
        BarisProgram(
            id=p["id"],
            nama=p["nama"],
            jenis=p["jenis"],
            kode=p["kode"],
            pagu=p["anggaran"],
            rencana=tuple(rencana[p["id"]][f"rencana_tw{t}"] for t in pantau.TRIWULAN)
            if p["id"] in rencana
            else (None, None, None, None),
            realisasi=tuple(realisasi[p["id"]].get(t) for t in pantau.TRIWULAN),
        )
        for p in program
    ]


def kekurangan(
    indikator: Sequence[BarisIndikator], keadaan: Sequence[Any], hari_ini: date
) -> list[Kekurangan]:
    """What is missing in the triwulan that have begun, most late first."""
    hasil = []
    for k in keadaan:
        if not k.dimulai:
            continue
        telat = max((hari_ini - k.tenggat).days, 0)
        for i in indikator:
            s = i.sel[k.triwulan - 1]
            if not s.status or (s.nilai is None and not s.predikat):
                hasil.append(Kekurangan("belum_diisi", k.triwulan, i.uraian, telat))
            elif s.status == StatusRealisasi.DIKEMBALIKAN:
                hasil.append(Kekurangan("dikembalikan", k.triwulan, i.uraian, telat))
            elif s.jumlah_bukti == 0 and not s.otomatis:
                hasil.append(Kekurangan("tanpa_bukti", k.triwulan, i.uraian, telat))
            elif s.status != StatusRealisasi.TERVERIFIKASI:
                hasil.append(Kekurangan("belum_diverifikasi", k.triwulan, i.uraian, telat))
    return sorted(hasil, key=lambda x: (-x.terlambat_hari, x.triwulan))


# ---------------------------------------------------------------------------------------------------
# Every unit of a pemerintah daerah
# ---------------------------------------------------------------------------------------------------


@dataclass
class BarisUnit:
    """One unit's monitored PK on the pemda's dashboard."""

    unit: Unit
    perjanjian_id: int
    capaian: list[Decimal | None]  # per triwulan: the mean of its indikator's capaian to date
    kategori: list[dc.Pita | None]
    tahun: Decimal | None
    jumlah_indikator: int
    terisi: list[int]  # per triwulan: realisasi entered
    terverifikasi: list[int]
    terlambat: int  # days the most late missing realisasi is past its deadline

    @property
    def isian(self) -> list[tuple[int, int, int]]:
        """(triwulan, realisasi entered, verified) for each triwulan."""
        return list(zip(pantau.TRIWULAN, self.terisi, self.terverifikasi, strict=True))


def pantau_pemda(unit_q: Q | None, tahun: int, hari_ini: date | None = None) -> list[BarisUnit]:
    """Every monitored PK of `tahun` in the units `unit_q` selects (a `unit_filter`; None: all), in
    a constant number of queries: PKs, indikator, rencana, realisasi, settings."""
    hari_ini = hari_ini or timezone.localdate()
    pks = PerjanjianKinerja.objects.filter(tahun=tahun, status__in=STATUS_DIPANTAU).select_related("unit")
    if unit_q is not None:
        pks = pks.filter(unit_q)
    pks = list(pks.order_by("unit__jalur", "-versi"))
    # One PK per unit: the newest version (a perubahan replaces the murni only when published).
    per_unit: dict[int, PerjanjianKinerja] = {}
    for p in pks:
        per_unit.setdefault(p.unit_id, p)
    ids = [p.pk for p in per_unit.values()]
    if not ids:
        return []
    indikator = list(
        Indikator.objects.filter(sasaran__perjanjian_id__in=ids)
        .order_by("sasaran__urutan", "urutan", "pk")
        .values(*KOLOM_INDIKATOR, "sasaran__perjanjian_id")
    )
    rencana = rencana_per_indikator(Q(indikator__sasaran__perjanjian_id__in=ids))
    realisasi = realisasi_per_indikator(Q(indikator__sasaran__perjanjian_id__in=ids))
    atur = {a.unit_id: a for a in PengaturanPantau.objects.all()}
    per_pk: dict[int, list[dict]] = defaultdict(list)
    for ind in indikator:
        per_pk[ind["sasaran__perjanjian_id"]].append(ind)
    hasil = []
    for p in per_unit.values():
        a = atur.get(p.unit.akar_id or p.unit_id) or PengaturanPantau()
        keadaan = keadaan_ringan(tahun, a.hari_tenggat, hari_ini)
        hasil.append(_baris_unit(p, per_pk[p.pk], rencana, realisasi, a.batas, keadaan, hari_ini))
    return hasil


def _baris_unit(
    p: PerjanjianKinerja,
    indikator: list[dict],
    rencana: dict[int, dict],
    realisasi: dict[int, dict[int, dict]],
    batas: Decimal | None,
    keadaan: list[_Keadaan],
    hari_ini: date,
) -> BarisUnit:
    """One unit's row: only numbers (`pantau.nilai_triwulan`), no cells (thousands per page)."""
    per_tw: list[list[Decimal | None]] = [[], [], [], []]
    per_tahun: list[Decimal | None] = []
    terisi, terverifikasi, terlambat = [0, 0, 0, 0], [0, 0, 0, 0], 0
    for ind in indikator:
        spek = _spek(ind, rencana.get(ind["id"]))
        baris = realisasi.get(ind["id"], {})
        nilai = [baris[t]["nilai"] if t in baris else None for t in pantau.TRIWULAN]
        predikat = [baris[t]["predikat"] if t in baris else "" for t in pantau.TRIWULAN]
        for t in pantau.TRIWULAN:
            per_tw[t - 1].append(pantau.nilai_triwulan(spek, nilai, t, predikat=predikat, batas=batas))
            r = baris.get(t)
            if r is not None:
                terisi[t - 1] += 1
                terverifikasi[t - 1] += r["status"] == StatusRealisasi.TERVERIFIKASI
            k = keadaan[t - 1]
            if k.dimulai and (r is None or (r["nilai"] is None and not r["predikat"])):
                terlambat = max(terlambat, (hari_ini - k.tenggat).days)
        per_tahun.append(pantau.nilai_tahun(spek, nilai, predikat=predikat, batas=batas))
    capaian = [dc.rata_rata(v) for v in per_tw]
    return BarisUnit(
        unit=p.unit,
        perjanjian_id=p.pk,
        capaian=capaian,
        kategori=[dc.kategori(c) for c in capaian],
        tahun=dc.rata_rata(per_tahun),
        jumlah_indikator=len(indikator),
        terisi=terisi,
        terverifikasi=terverifikasi,
        terlambat=terlambat,
    )


@dataclass(frozen=True)
class _Keadaan:
    triwulan: int
    tenggat: date
    dimulai: bool


def keadaan_ringan(tahun: int, hari_tenggat: int, hari_ini: date) -> list[_Keadaan]:
    return [
        _Keadaan(t, pantau.tenggat(tahun, t, hari_tenggat), hari_ini >= pantau.mulai_triwulan(tahun, t))
        for t in pantau.TRIWULAN
    ]

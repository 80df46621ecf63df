"""Monitoring through the year (pemantauan): triwulan and their deadlines, the target and realisasi
up to a triwulan, the capaian of an indikator per triwulan and for the year, budget absorption, and
the plausibility warnings shown at entry (docs/formulas.md "Pemantauan").

Pure Python, Decimal only. The capaian itself is `kinerja.domain.capaian.hitung` (one formula, one
place); this module decides *which* target and *which* realisasi it compares.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from kinerja.domain import capaian as c
from kinerja.domain.numbers import bulatkan, format_angka

TRIWULAN = (1, 2, 3, 4)
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
SifatTarget = Literal["kumulatif", "triwulanan"]
HARI_TENGGAT_BAWAAN = 10


def nama_triwulan(triwulan: int) -> str:
    """ "Triwulan II"."""
    return f"Triwulan {ROMAWI[triwulan]}"


def akhir_triwulan(tahun: int, triwulan: int) -> date:
    """The last day of a triwulan (31 Maret, 30 Juni, 30 September, 31 Desember)."""
    bulan = triwulan * 3
    return date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def triwulan_dari(tanggal: date) -> int:
    """The triwulan a date falls in (1–4)."""
    return (tanggal.month - 1) // 3 + 1


def mulai_triwulan(tahun: int, triwulan: int) -> date:
    """The first day of a triwulan (1 Januari, 1 April, 1 Juli, 1 Oktober)."""
    return date(tahun, triwulan * 3 - 2, 1)


def tenggat(tahun: int, triwulan: int, hari: int = HARI_TENGGAT_BAWAAN) -> date:
    """The last day a triwulan's realisasi may be entered: day `hari` of the month after it ends
    (the 10th by default, set per pemda; a day past the month's end is its last day)."""
    if triwulan not in TRIWULAN:
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan!r}")
    bulan, th = (triwulan * 3 + 1, tahun) if triwulan < 4 else (1, tahun + 1)
    return date(th, bulan, min(max(hari, 1), calendar.monthrange(th, bulan)[1]))


def terkunci(tahun: int, triwulan: int, hari_ini: date, hari: int = HARI_TENGGAT_BAWAAN) -> bool:
    """Whether the triwulan's entry period is over (the day after its deadline)."""
    return hari_ini > tenggat(tahun, triwulan, hari)


# ---------------------------------------------------------------------------------------------------
# One indikator through the year
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndikatorPantau:
    """What the capaian of an indikator depends on: its year target, the rencana aksi's triwulan
    targets (None where not planned), how its triwulan targets and realisasi add up, its polarity."""

    target: Decimal | None
    target_atas: Decimal | None = None
    target_predikat: str = ""
    target_triwulan: tuple[Decimal | None, ...] = (None, None, None, None)
    sifat_target: SifatTarget = "kumulatif"
    konsolidasi: c.Konsolidasi = "terakhir"
    polaritas: c.Polaritas = "positif"
    rumus_negatif: c.RumusNegatif = "selisih"
    satuan: str = ""
    skala: str | None = None  # the ordinal scale of a predicate target (None: found from the target)

    @property
    def predikat(self) -> bool:
        """A predicate target ("BB", "WTP", "Baik") rather than a number."""
        return self.target is None and bool(self.target_predikat.strip())


def target_sampai(ind: IndikatorPantau, triwulan: int) -> Decimal | None:
    """The target up to a triwulan: the rencana aksi's (cumulative as given, or the triwulan targets
    consolidated like the realisasi); without a plan, the year target."""
    ditetapkan = list(ind.target_triwulan[:triwulan])
    if ditetapkan and ditetapkan[-1] is not None:
        if ind.sifat_target == "kumulatif":
            return ditetapkan[-1]
        return c.konsolidasi(ditetapkan, ind.konsolidasi)
    return ind.target


def realisasi_sampai(nilai: Sequence[Decimal | None], triwulan: int, cara: c.Konsolidasi) -> Decimal | None:
    """The realisasi up to a triwulan: None when that triwulan has none yet ("–"), else the
    triwulan values consolidated (missing earlier ones left out, never counted as 0)."""
    if triwulan > len(nilai) or nilai[triwulan - 1] is None:
        return None
    return c.konsolidasi(list(nilai[:triwulan]), cara)


def _banding_triwulan(
    ind: IndikatorPantau, nilai: Sequence[Decimal | None], triwulan: int
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """What is compared up to a triwulan: (target, realisasi, the range's upper bound)."""
    return (
        target_sampai(ind, triwulan),
        realisasi_sampai(nilai, triwulan, ind.konsolidasi),
        # A triwulan planned in the rencana aksi has its own target; else the year's (with its range).
        ind.target_atas if ind.target_triwulan[triwulan - 1] is None else None,
    )


def _predikat_triwulan(predikat: Sequence[str], triwulan: int) -> str | None:
    return (predikat[triwulan - 1] if triwulan <= len(predikat) else "") or None


def _predikat_tahun(predikat: Sequence[str]) -> str | None:
    ada = [p for p in predikat if p and p.strip()]
    return ada[-1] if ada else None


def capaian_triwulan(
    ind: IndikatorPantau,
    nilai: Sequence[Decimal | None],
    triwulan: int,
    *,
    predikat: Sequence[str] = (),
    batas: Decimal | None = None,
) -> c.Capaian:
    """The capaian up to a triwulan (realisasi to date against the target to date)."""
    if ind.predikat:
        p = _predikat_triwulan(predikat, triwulan)
        return c.hitung_predikat(ind.target_predikat, p, skala=ind.skala, batas=batas)
    t, r, atas = _banding_triwulan(ind, nilai, triwulan)
    return c.hitung(
        t, r, polaritas=ind.polaritas, rumus_negatif=ind.rumus_negatif, target_atas=atas, batas=batas
    )


def nilai_triwulan(
    ind: IndikatorPantau,
    nilai: Sequence[Decimal | None],
    triwulan: int,
    *,
    predikat: Sequence[str] = (),
    batas: Decimal | None = None,
) -> Decimal | None:
    """Only the number of `capaian_triwulan` (a pemda's dashboard reads thousands)."""
    if ind.predikat:
        return capaian_triwulan(ind, nilai, triwulan, predikat=predikat, batas=batas).nilai
    t, r, atas = _banding_triwulan(ind, nilai, triwulan)
    return c.nilai(t, r, ind.polaritas, ind.rumus_negatif, atas, batas)


def capaian_tahun(
    ind: IndikatorPantau,
    nilai: Sequence[Decimal | None],
    *,
    predikat: Sequence[str] = (),
    batas: Decimal | None = None,
) -> c.Capaian:
    """The year's capaian: the triwulan realisasi consolidated (missing ones left out) against the
    year target; a predicate: the last one reported."""
    if ind.predikat:
        return c.hitung_predikat(ind.target_predikat, _predikat_tahun(predikat), skala=ind.skala, batas=batas)
    return c.hitung(
        ind.target,
        c.konsolidasi(list(nilai), ind.konsolidasi),
        polaritas=ind.polaritas,
        rumus_negatif=ind.rumus_negatif,
        target_atas=ind.target_atas,
        batas=batas,
    )


def nilai_tahun(
    ind: IndikatorPantau,
    nilai: Sequence[Decimal | None],
    *,
    predikat: Sequence[str] = (),
    batas: Decimal | None = None,
) -> Decimal | None:
    """Only the number of `capaian_tahun`."""
    if ind.predikat:
        return capaian_tahun(ind, nilai, predikat=predikat, batas=batas).nilai
    r = c.konsolidasi(list(nilai), ind.konsolidasi)
    return c.nilai(ind.target, r, ind.polaritas, ind.rumus_negatif, ind.target_atas, batas)


# ---------------------------------------------------------------------------------------------------
# Budget
# ---------------------------------------------------------------------------------------------------


def serapan(pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Serapan anggaran: realisasi ÷ pagu × 100 (two decimals); None without a pagu or a realisasi."""
    if pagu is None or realisasi is None or pagu <= 0:
        return None
    return bulatkan(realisasi / pagu * c.SERATUS)


def efisiensi(pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Efisiensi anggaran: (pagu − realisasi) ÷ pagu × 100, the share of the pagu not spent."""
    if pagu is None or realisasi is None or pagu <= 0:
        return None
    return bulatkan((pagu - realisasi) / pagu * c.SERATUS)


def indeks_efisiensi(capaian: Decimal | None, serapan_persen: Decimal | None) -> Decimal | None:
    """Capaian kinerja (%) ÷ serapan anggaran (%): above 1, more result per Rupiah than planned."""
    if capaian is None or serapan_persen is None or serapan_persen <= 0:
        return None
    return bulatkan(capaian / serapan_persen)


# ---------------------------------------------------------------------------------------------------
# Plausibility at entry: warnings the person confirms (kept in the trail)
# ---------------------------------------------------------------------------------------------------

# Share of the pagu from which a budget realisasi is "close to the pagu".
DEKAT_PAGU = Decimal(95)
# A value this many times away from every reference (previous triwulan, target) looks like a slip.
RASIO_SELIP = Decimal(50)


@dataclass(frozen=True)
class Peringatan:
    """A plausibility warning: a stable code and an Indonesian message with the values."""

    kode: str
    pesan: str


def _a(d: Decimal) -> str:
    """A value without the trailing zeros of its column (100,0000 → 100)."""
    n = d.normalize()
    return format_angka(n.quantize(Decimal(1)) if n.as_tuple().exponent > 0 else n, None)  # type: ignore[operator]


def _persen(satuan: str) -> bool:
    s = satuan.strip().casefold()
    return s in ("%", "persen", "persentase") or s.startswith("%")


def _selip(nilai: Decimal, acuan: Sequence[Decimal]) -> Decimal | None:
    """The factor (10, 100 or 1000, or their inverse) by which `nilai` looks slipped against every
    reference, or None."""
    acuan = [abs(a) for a in acuan if a]
    if not acuan or not nilai:
        return None
    rasio = [abs(nilai) / a for a in acuan]
    if all(r >= RASIO_SELIP for r in rasio) or all(r * RASIO_SELIP <= 1 for r in rasio):
        r = rasio[0]
        return min((Decimal(100), Decimal(1000), Decimal("0.01"), Decimal("0.001")), key=lambda f: abs(r - f))
    return None


def periksa_realisasi(
    ind: IndikatorPantau, triwulan: int, nilai: Decimal | None, sebelumnya: Sequence[Decimal | None]
) -> list[Peringatan]:
    """Warnings for a realisasi entered for `triwulan` (`sebelumnya`: the earlier triwulan values)."""
    if nilai is None:
        return []
    hasil: list[Peringatan] = []
    lalu = [v for v in sebelumnya[: triwulan - 1] if v is not None]
    prev = lalu[-1] if lalu else None
    if (
        prev is not None
        and ind.konsolidasi == "terakhir"
        and ind.sifat_target == "kumulatif"
        and nilai < prev
    ):
        hasil.append(
            Peringatan(
                "PAN-001",
                f"Realisasi kumulatif {_a(nilai)} lebih rendah dari triwulan sebelumnya ({_a(prev)}); "
                "realisasi kumulatif biasanya tidak turun.",
            )
        )
    if _persen(ind.satuan) and nilai > 100 and (ind.target is None or ind.target <= 100):
        hasil.append(
            Peringatan(
                "PAN-002",
                f"Realisasi {_a(nilai)}% melebihi 100% untuk besaran persentase; periksa pembilang dan penyebutnya.",
            )
        )
    acuan = [a for a in (prev, target_sampai(ind, triwulan)) if a is not None]
    faktor = _selip(nilai, acuan)
    if faktor is not None:
        dugaan = nilai / faktor
        hasil.append(
            Peringatan(
                "PAN-003",
                f"Realisasi {_a(nilai)} jauh dari target dan triwulan sebelumnya "
                f"({', '.join(_a(a) for a in acuan)}): mungkin salah letak koma atau titik "
                f"(maksudnya {_a(dugaan)}?).",
            )
        )
    return hasil


def periksa_anggaran(pagu: Decimal | None, kumulatif: Decimal) -> list[Peringatan]:
    """Warnings for a budget realisasi whose cumulative total is `kumulatif` (over the pagu is refused
    by the caller, not warned)."""
    if pagu is None or pagu <= 0 or kumulatif > pagu:
        return []
    persen = serapan(pagu, kumulatif)
    if persen is not None and persen >= DEKAT_PAGU:
        return [
            Peringatan(
                "PAN-004",
                f"Realisasi anggaran sampai triwulan ini {format_angka(persen, 2)}% dari pagu: hampir habis.",
            )
        ]
    return []

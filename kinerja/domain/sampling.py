"""Minimum SKM sample size: Krejcie & Morgan (used with PermenPANRB 14/2017), and the 2004 rule of 150.

    krejcie_morgan(1000)                  # 278
    sampel_minimum(1050, cara="tabel")    # 285: the next higher row of the published table (1100)
    kecukupan(250, 1000)                  # Kecukupan(cukup=False, minimum=278, kurang=28)

docs/formulas.md §Krejcie–Morgan.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from kinerja.domain.numbers import bulatkan

__all__ = [
    "BARIS_STANDAR",
    "MINIMUM_2004",
    "Cara",
    "Kecukupan",
    "kecukupan",
    "krejcie_morgan",
    "sampel_minimum",
]

Cara = Literal["rumus", "tabel", "2004"]

# Krejcie & Morgan (1970): χ² for 1 degree of freedom at 95 %, population proportion, margin of error.
_CHI2 = Decimal("3.841")
_P = Decimal("0.5")
_D = Decimal("0.05")

# KEP/25/M.PAN/2/2004: minimum (jumlah unsur + 1) × 10 = (14 + 1) × 10 respondents [uncertain; docs/formulas.md §Krejcie–Morgan].
MINIMUM_2004 = 150

# The published Krejcie & Morgan table, population N → sample S: all 90 rows. Every row equals
# `krejcie_morgan(N)` (tested). The row 100000 → 384 that some reproductions add is not in it: the
# formula gives 383 there.
BARIS_STANDAR: tuple[tuple[int, int], ...] = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40), (50, 44),
    (55, 48), (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70), (90, 73), (95, 76),
    (100, 80), (110, 86), (120, 92), (130, 97), (140, 103), (150, 108), (160, 113), (170, 118),
    (180, 123), (190, 127), (200, 132), (210, 136), (220, 140), (230, 144), (240, 148), (250, 152),
    (260, 155), (270, 159), (280, 162), (290, 165), (300, 169), (320, 175), (340, 181), (360, 186),
    (380, 191), (400, 196), (420, 201), (440, 205), (460, 210), (480, 214), (500, 217), (550, 226),
    (600, 234), (650, 242), (700, 248), (750, 254), (800, 260), (850, 265), (900, 269), (950, 274),
    (1000, 278), (1100, 285), (1200, 291), (1300, 297), (1400, 302), (1500, 306), (1600, 310),
    (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327), (2400, 331), (2600, 335),
    (2800, 338), (3000, 341), (3500, 346), (4000, 351), (4500, 354), (5000, 357), (6000, 361),
    (7000, 364), (8000, 367), (9000, 368), (10000, 370), (15000, 375), (20000, 377), (30000, 379),
    (40000, 380), (50000, 381), (75000, 382), (1000000, 384),
)  # fmt: skip
_POPULASI_STANDAR = tuple(n for n, _ in BARIS_STANDAR)


def _cek_populasi(populasi: int) -> int:
    if isinstance(populasi, bool) or not isinstance(populasi, int):
        raise TypeError(f"Populasi harus bilangan bulat, bukan {type(populasi).__name__}")
    if populasi < 1:
        raise ValueError(f"Populasi (jumlah pengguna layanan) {populasi} harus sedikitnya 1")
    return populasi


def krejcie_morgan(populasi: int) -> int:
    """Sample size S = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), χ² 3,841, P 0,5, d 0,05, rounded half-up."""
    # Krejcie & Morgan (1970), the table PermenPANRB 14/2017 reports cite (docs/formulas.md).
    n = Decimal(_cek_populasi(populasi))
    pq = _P * (1 - _P)
    s = _CHI2 * n * pq / (_D * _D * (n - 1) + _CHI2 * pq)
    return int(bulatkan(s, 0))


def sampel_minimum(populasi: int, *, cara: Cara = "rumus") -> int:
    """Minimum respondents for a population: by the formula, the published table, or the 2004 rule."""
    # "tabel": a population between two rows takes the next higher row, the usual reading of the table
    # [uncertain]; beyond 1 000 000 the last row. Never more than the population itself (a census).
    n = _cek_populasi(populasi)
    if cara == "rumus":
        return krejcie_morgan(n)
    if cara == "tabel":
        i = bisect_left(_POPULASI_STANDAR, n)
        s = BARIS_STANDAR[min(i, len(BARIS_STANDAR) - 1)][1]
        return min(s, n)
    if cara == "2004":
        return min(MINIMUM_2004, n)
    raise ValueError(f"Cara penentuan sampel {cara!r} tidak dikenal: pilih 'rumus', 'tabel' atau '2004'")


@dataclass(frozen=True)
class Kecukupan:
    """Whether a survey has enough respondents: the minimum and how many are still missing."""

    cukup: bool
    minimum: int
    kurang: int  # 0 when cukup


def kecukupan(jumlah_responden: int, populasi: int, *, cara: Cara = "rumus") -> Kecukupan:
    """Compare a survey's respondent count with the minimum sample for its population."""
    if isinstance(jumlah_responden, bool) or not isinstance(jumlah_responden, int) or jumlah_responden < 0:
        raise ValueError(f"Jumlah responden {jumlah_responden!r} harus bilangan bulat tidak negatif")
    minimum = sampel_minimum(populasi, cara=cara)
    kurang = max(minimum - jumlah_responden, 0)
    return Kecukupan(cukup=kurang == 0, minimum=minimum, kurang=kurang)

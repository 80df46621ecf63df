"""Krejcie–Morgan sample size and sample adequacy (docs/formulas.md §Krejcie–Morgan)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.domain.sampling import (
    BARIS_STANDAR,
    MINIMUM_2004,
    Kecukupan,
    kecukupan,
    krejcie_morgan,
    sampel_minimum,
)

# Every row of the published Krejcie–Morgan table (N → S; docs/formulas.md).
BARIS_TABEL = """
10→10, 15→14, 20→19, 25→24, 30→28, 40→36, 50→44, 60→52, 70→59, 80→66, 90→73, 100→80, 110→86,
120→92, 130→97, 140→103, 150→108, 160→113, 170→118, 180→123, 190→127, 200→132, 220→140, 240→148,
250→152, 260→155, 280→162, 300→169, 320→175, 340→181, 360→186, 380→191, 400→196, 420→201, 440→205,
460→210, 480→214, 500→217, 550→226, 600→234, 650→242, 700→248, 750→254, 800→260, 850→265, 900→269,
950→274, 1000→278, 1100→285, 1200→291, 1300→297, 1400→302, 1500→306, 1600→310, 1700→313, 1800→317,
1900→320, 2000→322, 2200→327, 2400→331, 2600→335, 2800→338, 3000→341, 3500→346, 4000→351, 4500→354,
5000→357, 6000→361, 7000→364, 8000→367, 9000→368, 10000→370, 15000→375, 20000→377, 30000→379,
40000→380, 50000→381, 75000→382, 1000000→384
"""
ROWS = [tuple(int(x) for x in pasangan.strip().split("→")) for pasangan in BARIS_TABEL.split(",")]


def test_reference_rows_were_all_read() -> None:
    assert len(ROWS) == 79


@pytest.mark.parametrize(("populasi", "sampel"), ROWS)
def test_formula_reproduces_every_reference_row(populasi: int, sampel: int) -> None:
    assert krejcie_morgan(populasi) == sampel


@pytest.mark.parametrize(("populasi", "sampel"), BARIS_STANDAR)
def test_formula_reproduces_the_whole_standard_table(populasi: int, sampel: int) -> None:
    assert krejcie_morgan(populasi) == sampel


def test_standard_table_has_the_90_rows_and_contains_the_reference_rows() -> None:
    assert len(BARIS_STANDAR) == 90
    assert set(ROWS) <= set(BARIS_STANDAR)
    populasi = [n for n, _ in BARIS_STANDAR]
    assert populasi == sorted(populasi)


def test_the_approximate_row_100000_is_383_by_the_formula() -> None:
    assert krejcie_morgan(100_000) == 383


@pytest.mark.parametrize(
    ("populasi", "cara", "sampel"),
    [
        (1000, "rumus", 278),
        (1000, "tabel", 278),  # exactly a row
        (1050, "rumus", 281),
        (1050, "tabel", 285),  # the next higher row (1100)
        (1001, "tabel", 285),
        (12, "rumus", 12),
        (12, "tabel", 12),  # next row 15 → 14, but never more than the population
        (5, "tabel", 5),
        (1, "rumus", 1),
        (2_000_000, "tabel", 384),  # beyond the last row: the last row
        (2_000_000, "rumus", 384),
        (10_000, "2004", MINIMUM_2004),
        (100, "2004", 100),
    ],
)
def test_sampel_minimum(populasi: int, cara, sampel: int) -> None:
    assert sampel_minimum(populasi, cara=cara) == sampel


@given(st.integers(1, 2_000_000))
def test_table_reading_is_never_below_the_formula(populasi: int) -> None:
    assert sampel_minimum(populasi, cara="tabel") >= krejcie_morgan(populasi) or populasi < 10
    assert krejcie_morgan(populasi) <= populasi


@pytest.mark.parametrize(
    ("responden", "populasi", "kwargs", "hasil"),
    [
        (300, 1000, {}, Kecukupan(True, 278, 0)),
        (278, 1000, {}, Kecukupan(True, 278, 0)),
        (250, 1000, {}, Kecukupan(False, 278, 28)),
        (281, 1050, {"cara": "tabel"}, Kecukupan(False, 285, 4)),
        (0, 10, {}, Kecukupan(False, 10, 10)),
        (140, 5000, {"cara": "2004"}, Kecukupan(False, 150, 10)),
    ],
)
def test_kecukupan(responden: int, populasi: int, kwargs, hasil: Kecukupan) -> None:
    assert kecukupan(responden, populasi, **kwargs) == hasil


@pytest.mark.parametrize("populasi", [0, -5])
def test_population_must_be_positive(populasi: int) -> None:
    with pytest.raises(ValueError, match="Populasi"):
        krejcie_morgan(populasi)


def test_bad_types_and_cara() -> None:
    with pytest.raises(TypeError):
        krejcie_morgan(100.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="tidak dikenal"):
        sampel_minimum(100, cara="kira-kira")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="tidak negatif"):
        kecukupan(-1, 100)

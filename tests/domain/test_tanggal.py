"""Indonesian dates (docs/formulas.md §Tanggal)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kinerja.domain.tanggal import (
    BULAN,
    Tanggal,
    TanggalError,
    format_tanggal,
    format_tanggal_parsial,
    parse_tanggal,
)


def test_bulan() -> None:
    assert len(BULAN) == 12
    assert BULAN[0] == "Januari"
    assert BULAN[7] == "Agustus"
    assert BULAN[11] == "Desember"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sungguminasa, Januari 2024", (None, 1, 2024)),
        ("Sungguminasa, 02 Januari 2024", (2, 1, 2024)),
        ("28 Juni 2024", (28, 6, 2024)),
        ("Boyolali,        Januari 2026", (None, 1, 2026)),
        ("Boyolali, ......... Januari 2026", (None, 1, 2026)),
        ("2 januari 2024", (2, 1, 2024)),
        ("2 JANUARI 2024", (2, 1, 2024)),
        ("Makassar, 5 Pebruari 2024", (5, 2, 2024)),
        ("29 Februari 2024", (29, 2, 2024)),  # leap year
        ("10 Nopember 2023", (10, 11, 2023)),
        ("17 Agt. 2024", (17, 8, 2024)),
        ("17 Agustus 2024", (17, 8, 2024)),
        ("1 Okt 2024", (1, 10, 2024)),
        ("31 Desember 2024", (31, 12, 2024)),
        ("02-01-2024", (2, 1, 2024)),
        ("2/1/2024", (2, 1, 2024)),
        ("02.01.2024", (2, 1, 2024)),
        ("2024-01-02", (2, 1, 2024)),
        ("Ditetapkan tanggal 2024-01-02 di Sleman", (2, 1, 2024)),
        ("dari 3 Maret 2024 s.d. 4 April 2024", (3, 3, 2024)),  # the first date wins
    ],
)
def test_parse_tanggal(text: str, expected: tuple[int | None, int, int]) -> None:
    assert parse_tanggal(text) == Tanggal(*expected)


@pytest.mark.parametrize(
    "text",
    ["", "Sungguminasa", "Tahun 2024", "Januari", "Rp1.521.097.505,00", "Marhaban 2024", "Januari 24"],
)
def test_parse_tanggal_tidak_ada(text: str) -> None:
    assert parse_tanggal(text) is None


@pytest.mark.parametrize(
    ("text", "pesan"),
    [
        ("31 Februari 2024", "hanya 29 hari"),
        ("29 Februari 2023", "hanya 28 hari"),
        ("31 April 2024", "hanya 30 hari"),
        ("0 Januari 2024", "tidak ada"),
        ("02-13-2024", "Bulan 13"),
        ("2024-02-30", "hanya 29 hari"),
    ],
)
def test_parse_tanggal_tidak_sah(text: str, pesan: str) -> None:
    with pytest.raises(TanggalError, match=pesan):
        parse_tanggal(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Tanggal(2, 1, 2024), "2 Januari 2024"),
        (Tanggal(None, 1, 2024), "Januari 2024"),
        (date(2024, 12, 31), "31 Desember 2024"),
        (date(2024, 6, 28), "28 Juni 2024"),
        (datetime(2024, 8, 17, 10, 0), "17 Agustus 2024"),
    ],
)
def test_format_tanggal(value: date | Tanggal, expected: str) -> None:
    assert format_tanggal(value) == expected


def test_tanggal_str_dan_to_date() -> None:
    assert str(Tanggal(2, 1, 2024)) == "2 Januari 2024"
    assert str(Tanggal(None, 1, 2024)) == "Januari 2024"
    assert Tanggal(2, 1, 2024).to_date() == date(2024, 1, 2)
    assert Tanggal(None, 1, 2024).to_date() is None


@pytest.mark.parametrize(("hari", "bulan", "tahun"), [(31, 2, 2024), (1, 0, 2024), (1, 13, 2024), (1, 1, 0)])
def test_tanggal_tidak_sah(hari: int, bulan: int, tahun: int) -> None:
    with pytest.raises(TanggalError):
        Tanggal(hari, bulan, tahun)


@pytest.mark.parametrize(
    ("hari", "bulan", "tahun", "expected"),
    [
        (2, 1, 2024, "2 Januari 2024"),
        (None, 1, 2024, "Januari 2024"),
        (0, 12, 2025, "Desember 2025"),
        (31, 2, 2024, "31 Februari 2024"),  # display only: shown as stored so it can be fixed
    ],
)
def test_format_tanggal_parsial(hari: int | None, bulan: int, tahun: int, expected: str) -> None:
    assert format_tanggal_parsial(hari, bulan, tahun) == expected


def test_format_tanggal_parsial_bulan_salah() -> None:
    with pytest.raises(TanggalError, match="Bulan 13"):
        format_tanggal_parsial(1, 13, 2024)

"""IKM mutu, SAKIP predikat and printed predicate words (docs/formulas.md §IKM, §SAKIP, §Predikat)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.domain.predikat import (
    PredikatKata,
    Regime,
    mutu_ikm,
    mutu_ikm_ni,
    normalise_predikat,
    predikat_sakip,
    rentang_ikm,
    rentang_sakip,
)

D = Decimal


# PermenPANRB 14/2017: every band edge on the 25–100 scale, and rounding half-up before lookup.
@pytest.mark.parametrize(
    ("nilai", "mutu", "kinerja"),
    [
        ("25.00", "D", "Tidak Baik"),
        ("24.995", "D", "Tidak Baik"),  # rounds to 25,00
        ("64.99", "D", "Tidak Baik"),
        ("64.994", "D", "Tidak Baik"),
        ("64.995", "C", "Kurang Baik"),  # rounds to 65,00
        ("65.00", "C", "Kurang Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("76.604", "C", "Kurang Baik"),
        ("76.605", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("88.30", "B", "Baik"),
        ("88.305", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("100.00", "A", "Sangat Baik"),
        ("100.004", "A", "Sangat Baik"),
    ],
)
def test_mutu_ikm_2017(nilai: str, mutu: str, kinerja: str) -> None:
    hasil = mutu_ikm(D(nilai))
    assert (hasil.mutu, hasil.kinerja, hasil.regime) == (mutu, kinerja, "2017")


def test_mutu_ikm_batas() -> None:
    hasil = mutu_ikm(D("80.5"))
    assert (hasil.batas_bawah, hasil.batas_atas) == (D("76.61"), D("88.30"))


# KEP/25/M.PAN/2/2004: every band edge on the 25–100 scale.
@pytest.mark.parametrize(
    ("nilai", "mutu"),
    [
        ("25.00", "D"),
        ("43.75", "D"),
        ("43.76", "C"),
        ("62.50", "C"),
        ("62.51", "B"),
        ("81.25", "B"),
        ("81.26", "A"),
        ("100.00", "A"),
        ("80.00", "B"),  # B under 2004, while 2017 gives B too
        ("70.00", "B"),  # B under 2004, C under 2017: the regime matters
    ],
)
def test_mutu_ikm_2004(nilai: str, mutu: str) -> None:
    assert mutu_ikm(D(nilai), regime="2004").mutu == mutu


@pytest.mark.parametrize(
    ("nilai", "regime", "pesan"),
    [
        ("24.99", "2017", "di luar rentang 25,00 sampai 100,00"),
        ("24.994", "2017", "24,99"),
        ("100.01", "2017", "di luar rentang"),
        ("0", "2004", "di luar rentang"),
        ("50", "2016", "Regime IKM '2016' tidak dikenal"),
    ],
)
def test_mutu_ikm_salah(nilai: str, regime: Regime, pesan: str) -> None:
    with pytest.raises(ValueError, match=pesan):
        mutu_ikm(D(nilai), regime=regime)


# PermenPANRB 14/2017 on the 1–4 scale: printed bounds, and the gaps between them cut at their midpoints.
@pytest.mark.parametrize(
    ("nilai", "mutu"),
    [
        ("1.00", "D"),
        ("2.5996", "D"),
        ("2.5997", "D"),  # in the gap 2,5996 | 2,60: nearer 2,5996
        ("2.5998", "C"),  # the midpoint: half-up to the higher band (as 64,995 → 65,00)
        ("2.59975", "C"),  # rounded to 4 decimals first: 2,5998
        ("2.60", "C"),
        ("3.064", "C"),
        ("3.0641", "C"),
        ("3.0642", "B"),
        ("3.0644", "B"),
        ("3.532", "B"),
        ("3.5321", "B"),
        ("3.5322", "A"),
        ("3.5324", "A"),
        ("4.00", "A"),
    ],
)
def test_mutu_ikm_ni_2017(nilai: str, mutu: str) -> None:
    assert mutu_ikm_ni(D(nilai)).mutu == mutu


@pytest.mark.parametrize(
    ("nilai", "mutu"),
    [
        ("1.00", "D"),
        ("1.75", "D"),
        ("1.754", "D"),  # the 2004 table prints 2 decimals: rounded to 1,75
        ("1.755", "C"),  # rounded to 1,76
        ("1.76", "C"),
        ("2.50", "C"),
        ("2.51", "B"),
        ("3.25", "B"),
        ("3.26", "A"),
        ("4.00", "A"),
    ],
)
def test_mutu_ikm_ni_2004(nilai: str, mutu: str) -> None:
    assert mutu_ikm_ni(D(nilai), regime="2004").mutu == mutu


@pytest.mark.parametrize("nilai", ["0.99", "4.0001", "0"])
def test_mutu_ikm_ni_salah(nilai: str) -> None:
    with pytest.raises(ValueError, match="di luar rentang 1 sampai 4"):
        mutu_ikm_ni(D(nilai))


@given(st.integers(min_value=10000, max_value=40000))
def test_mutu_ikm_ni_sama_dengan_konversi(n: int) -> None:
    # For an NI given to 4 decimals, the 1–4 table agrees with the 25–100 table applied to NI × 25.
    ni = D(n).scaleb(-4)
    assert mutu_ikm_ni(ni).mutu == mutu_ikm(ni * 25).mutu


@pytest.mark.parametrize(
    ("teks", "regime", "skala", "expected"),
    [
        ("B", "2017", "konversi", ("76.61", "88.30")),
        ("Baik", "2017", "konversi", ("76.61", "88.30")),
        ("sangat baik", "2017", "konversi", ("88.31", "100.00")),
        ("Tidak Baik", "2017", "konversi", ("25.00", "64.99")),
        ("C", "2017", "konversi", ("65.00", "76.60")),
        ("B", "2017", "interval", ("3.0644", "3.5320")),
        ("A", "2004", "konversi", ("81.26", "100.00")),
        ("Kurang Baik", "2004", "interval", ("1.76", "2.50")),
    ],
)
def test_rentang_ikm(
    teks: str, regime: Regime, skala: Literal["konversi", "interval"], expected: tuple[str, str]
) -> None:
    bawah, atas = rentang_ikm(teks, regime=regime, skala=skala)
    assert (str(bawah), str(atas)) == expected


@pytest.mark.parametrize("teks", ["E", "BB", "Memuaskan", ""])
def test_rentang_ikm_salah(teks: str) -> None:
    with pytest.raises(ValueError, match="Mutu IKM"):
        rentang_ikm(teks)


# PermenPANRB 88/2021: lower bounds exclusive, rounded to 2 decimals first; every edge.
@pytest.mark.parametrize(
    ("nilai", "kode", "label"),
    [
        ("0", "D", "Sangat Kurang"),
        ("30", "D", "Sangat Kurang"),
        ("30.004", "D", "Sangat Kurang"),  # rounds to 30,00
        ("30.005", "C", "Kurang"),  # rounds to 30,01
        ("30.01", "C", "Kurang"),
        ("50.00", "C", "Kurang"),
        ("50.01", "CC", "Cukup (Memadai)"),
        ("60.00", "CC", "Cukup (Memadai)"),
        ("60.01", "B", "Baik"),
        ("70.00", "B", "Baik"),
        ("70.01", "BB", "Sangat Baik"),
        ("80.00", "BB", "Sangat Baik"),
        ("80.01", "A", "Memuaskan"),
        ("90.00", "A", "Memuaskan"),
        ("90.01", "AA", "Sangat Memuaskan"),
        ("100", "AA", "Sangat Memuaskan"),
    ],
)
def test_predikat_sakip(nilai: str, kode: str, label: str) -> None:
    hasil = predikat_sakip(D(nilai))
    assert (hasil.kode, hasil.label) == (kode, label)


def test_predikat_sakip_batas() -> None:
    bb = predikat_sakip(D("75"))
    assert (bb.batas_bawah, bb.batas_atas, bb.bawah_eksklusif) == (D("70.00"), D("80.00"), True)
    assert predikat_sakip(D("0")).bawah_eksklusif is False


@pytest.mark.parametrize("nilai", ["-0.01", "100.01", "150"])
def test_predikat_sakip_salah(nilai: str) -> None:
    with pytest.raises(ValueError, match=r"Nilai evaluasi SAKIP .* di luar rentang 0 sampai 100"):
        predikat_sakip(D(nilai))


@pytest.mark.parametrize(
    ("kode", "expected"),
    [
        ("AA", ("90.00", "100.00")),
        ("A", ("80.00", "90.00")),
        ("BB", ("70.00", "80.00")),
        ("bb", ("70.00", "80.00")),
        ("B", ("60.00", "70.00")),
        ("CC", ("50.00", "60.00")),
        ("C", ("30.00", "50.00")),
        ("D", ("0.00", "30.00")),
        ("Memuaskan", ("80.00", "90.00")),
    ],
)
def test_rentang_sakip(kode: str, expected: tuple[str, str]) -> None:
    bawah, atas = rentang_sakip(kode)
    assert (str(bawah), str(atas)) == expected


def test_rentang_sakip_salah() -> None:
    with pytest.raises(ValueError, match="Predikat SAKIP 'E' tidak dikenal"):
        rentang_sakip("E")


@pytest.mark.parametrize(
    ("teks", "kata", "dinormalisasi", "jenis"),
    [
        ("Baik", "Baik", False, None),
        ("baik", "Baik", False, None),  # case only: not a correction
        ("BAIK", "Baik", False, None),
        ("Balk", "Baik", True, None),  # OCR l ↔ i
        ("Ba1k", "Baik", True, None),  # OCR 1 ↔ i
        ("(Baik)", "Baik", False, None),
        ("Baik.", "Baik", False, None),
        ("Sangat Baik", "Sangat Baik", False, None),
        ("Sangat baik", "Sangat Baik", False, None),
        ("SANGAT BAIK", "Sangat Baik", False, None),
        ("Sangat  Baik", "Sangat Baik", False, None),
        ("Sangat Balk", "Sangat Baik", True, None),
        ("Sangta Baik", "Sangat Baik", True, None),  # transposition
        ("Kurang Baik", "Kurang Baik", False, "ikm"),
        ("kurang baik", "Kurang Baik", False, "ikm"),
        ("Tidak Baik", "Tidak Baik", False, "ikm"),
        ("Tldak Baik", "Tidak Baik", True, "ikm"),
        ("Memuaskan", "Memuaskan", False, "sakip"),
        ("Mernuaskan", "Memuaskan", True, "sakip"),  # OCR rn ↔ m
        ("Memuaskn", "Memuaskan", True, "sakip"),  # one letter lost
        ("Sangat Memuaskan", "Sangat Memuaskan", False, "sakip"),
        ("Cukup", "Cukup (Memadai)", False, "sakip"),  # the short form is not a correction
        ("Cukup (Memadai)", "Cukup (Memadai)", False, "sakip"),
        ("Kurang", "Kurang", False, "sakip"),
        ("Kurnag", "Kurang", True, "sakip"),
        ("Sangat Kurang", "Sangat Kurang", False, "sakip"),
        ("AA", "AA", False, "sakip"),
        ("A", "A", False, None),
        ("BB", "BB", False, "sakip"),
        ("bb", "BB", False, "sakip"),
        ("B", "B", False, None),
        ("B.", "B", False, None),
        ("CC", "CC", False, "sakip"),
        ("C", "C", False, None),
        ("D", "D", False, None),
    ],
)
def test_normalise_predikat(
    teks: str, kata: str, dinormalisasi: bool, jenis: Literal["ikm", "sakip"] | None
) -> None:
    assert normalise_predikat(teks) == PredikatKata(kata, " ".join(teks.split()), dinormalisasi, jenis)


@pytest.mark.parametrize(
    "teks",
    [
        "",
        "unit",
        "orang",
        "tim",
        "naik",  # one letter from "baik", but a real word
        "Bank",
        "kurung",
        "Target",
        "dokumen",
        "Sangat",
        "Tidak",
        "Baik Baik",
        "Cukup Baik",
        "84,00 (Baik)",  # a value with a predicate: the pk parser splits it first
        "AAA",
        "E",
        "WTP",
    ],
)
def test_normalise_predikat_bukan_predikat(teks: str) -> None:
    assert normalise_predikat(teks) is None

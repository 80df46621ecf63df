"""Indonesian numbers: rounding, parsing, formatting, terbilang (docs/formulas.md §Angka)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.domain.numbers import (
    AngkaError,
    bulatkan,
    format_angka,
    format_nilai,
    format_persen,
    format_rupiah,
    parse_angka,
    parse_nilai,
    parse_rupiah,
    terbilang,
    terbilang_rupiah,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("88.305"), 2, "88.31"),  # half-up, not banker's rounding
        (D("88.315"), 2, "88.32"),
        (D("76.604"), 2, "76.60"),
        (D("64.995"), 2, "65.00"),
        (D("0.005"), 2, "0.01"),
        (D("-0.005"), 2, "-0.01"),  # half away from zero
        (D("2.5"), 0, "3"),
        (D("3.06435"), 4, "3.0644"),
        (D("84"), 2, "84.00"),
        # huge: no precision loss
        (D("1000000000000000000000000000000.125"), 2, "1000000000000000000000000000000.13"),
    ],
)
def test_bulatkan(value: Decimal, places: int, expected: str) -> None:
    hasil = bulatkan(value, places)
    assert str(hasil) == expected


def test_bulatkan_menolak_float() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        bulatkan(0.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("84,00", "84.00"),
        ("1.521.097.505,00", "1521097505.00"),
        ("0,54", "0.54"),
        ("26.138.904.000", "26138904000"),
        ("1.000", "1000"),
        ("74,15", "74.15"),
        ("99.87", "99.87"),  # dot-decimal slip: group after the dot is not 3 digits
        ("0.545", "0.545"),  # a lone 0 before the dot: decimal point
        ("1. 521.097.505,00", "1521097505.00"),  # stray space after a separator
        ("  100  ", "100"),
        ("0", "0"),
        ("-1.234,5", "-1234.5"),
        ("−5", "-5"),  # Unicode minus sign
        ("+7", "7"),
        ("1.0000", "1.0000"),
        ("48,270", "48.270"),  # trailing zeros kept as printed
    ],
)
def test_parse_angka(text: str, expected: str) -> None:
    hasil = parse_angka(text)
    assert str(hasil) == expected


@pytest.mark.parametrize(
    ("text", "pesan"),
    [
        ("", "kosong"),
        ("abc", "hanya boleh"),
        ("12a", "hanya boleh"),
        ("1,2,3", "koma"),
        ("1,234.56", "titik sesudah koma"),
        ("1.21.097,00", "kelompok ribuan"),
        ("1521.097.505,00", "kelompok pertama"),
        ("1.000.5", "kelompok ribuan"),
        (".5", "titik di awal"),
        ("5.", "titik di awal"),
        ("5,", "sesudah koma"),
        ("5 204 765 371", "hanya boleh"),
    ],
)
def test_parse_angka_salah(text: str, pesan: str) -> None:
    with pytest.raises(AngkaError, match=pesan):
        parse_angka(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp1.521.097.505,00", "1521097505.00"),
        ("Rp 33.800.000,00", "33800000.00"),
        ("Rp. 7.838.434.333,-", "7838434333.00"),
        ("Rp7.838.434.333,--", "7838434333.00"),
        ("26.138.904.000", "26138904000.00"),
        ("Rp1.000", "1000.00"),
        ("IDR 5.000", "5000.00"),
        ("rp 5.000,5", "5000.50"),
        ("-Rp5.000", "-5000.00"),
        ("Rp -5.000", "-5000.00"),
    ],
)
def test_parse_rupiah(text: str, expected: str) -> None:
    hasil = parse_rupiah(text)
    assert str(hasil) == expected


@pytest.mark.parametrize(
    ("text", "pesan"),
    [("Rp", "tidak berisi angka"), ("Rp abc", "Rupiah"), ("Rp1.000,555", "sen")],
)
def test_parse_rupiah_salah(text: str, pesan: str) -> None:
    with pytest.raises(AngkaError, match=pesan):
        parse_rupiah(text)


@pytest.mark.parametrize(
    ("text", "nilai", "satuan"),
    [
        ("84,00", "84.00", None),
        ("100%", "100", "%"),
        ("48,27%", "48.27", "%"),
        ("100 %", "100", "%"),
        ("0,54", "0.54", None),
        ("8 unit", "8", "unit"),
        ("1 maklumat pelayanan", "1", "maklumat pelayanan"),
        ("5 unsur masyarakat", "5", "unsur masyarakat"),
        ("0,9 Angka", "0.9", "Angka"),
        ("100,00 Persen", "100.00", "%"),
        ("75 prosen", "75", "%"),
        ("Rp 33.800.000,00", "33800000.00", "Rp"),
        ("33.800.000 rupiah", "33800000.00", "Rp"),
        ("84,00 (Baik)", "84.00", None),
        ("8 (delapan) unit", "8", "unit"),
        ("0", "0", None),
        ("12  dokumen ", "12", "dokumen"),
        ("BB", None, None),
        ("WTP", None, None),
        ("", None, None),
        ("   ", None, None),
        ("1.2.3 unit", None, None),
    ],
)
def test_parse_nilai(text: str, nilai: str | None, satuan: str | None) -> None:
    hasil_nilai, hasil_satuan = parse_nilai(text)
    assert (None if hasil_nilai is None else str(hasil_nilai)) == nilai
    assert hasil_satuan == satuan


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("84"), 2, "84,00"),
        (D("1234567.891"), 2, "1.234.567,89"),
        (D("1521097505"), 2, "1.521.097.505,00"),
        (D("100"), None, "100"),
        (D("0.54"), None, "0,54"),
        (D("84.00"), None, "84,00"),
        (D("1E+2"), None, "100"),
        (D("1000"), 0, "1.000"),
        (D("-1234567.891"), 2, "-1.234.567,89"),
        (D("-0.004"), 2, "0,00"),  # no "-0,00"
        (D("999.995"), 2, "1.000,00"),
        (D("123456789012345678901234567890123.456"), 2, "123.456.789.012.345.678.901.234.567.890.123,46"),
    ],
)
def test_format_angka(value: Decimal, places: int | None, expected: str) -> None:
    assert format_angka(value, places) == expected


@pytest.mark.parametrize(
    ("value", "spasi", "desimal", "expected"),
    [
        (D("1521097505"), False, True, "Rp1.521.097.505,00"),
        (D("1521097505"), True, True, "Rp 1.521.097.505,00"),
        (D("1521097505"), False, False, "Rp1.521.097.505"),
        (D("33800000.00"), False, True, "Rp33.800.000,00"),
        (D("1000.5"), False, False, "Rp1.001"),
        (D("-5000"), False, True, "-Rp5.000,00"),
        (D("0"), False, True, "Rp0,00"),
    ],
)
def test_format_rupiah(value: Decimal, spasi: bool, desimal: bool, expected: str) -> None:
    assert format_rupiah(value, spasi=spasi, desimal=desimal) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("100"), None, "100%"),
        (D("48.27"), None, "48,27%"),
        (D("100"), 2, "100,00%"),
        (D("88.305"), 2, "88,31%"),
    ],
)
def test_format_persen(value: Decimal, places: int | None, expected: str) -> None:
    assert format_persen(value, places) == expected


@pytest.mark.parametrize(
    ("value", "satuan", "expected"),
    [
        (D("100"), "%", "100%"),
        (D("8"), "unit", "8 unit"),
        (D("84.00"), None, "84,00"),
        (D("33800000.00"), "Rp", "Rp33.800.000,00"),
        (D("1500"), "orang", "1.500 orang"),
        (None, None, ""),
        (None, "unit", "unit"),
    ],
)
def test_format_nilai(value: Decimal | None, satuan: str | None, expected: str) -> None:
    assert format_nilai(value, satuan) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1521097505, "satu miliar lima ratus dua puluh satu juta sembilan puluh tujuh ribu lima ratus lima"),
        (0, "nol"),
        (D("12.5"), "dua belas koma lima"),
        (D("12.50"), "dua belas koma lima"),
        (D("0.05"), "nol koma nol lima"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (1000, "seribu"),
        (1100, "seribu seratus"),
        (21000, "dua puluh satu ribu"),
        (101000, "seratus satu ribu"),
        (1000000, "satu juta"),
        (1001000, "satu juta seribu"),
        (1000000000, "satu miliar"),
        (1000000000000, "satu triliun"),
        (-5, "minus lima"),
        (D("-3.25"), "minus tiga koma dua lima"),
    ],
)
def test_terbilang(value: int | Decimal, expected: str) -> None:
    assert terbilang(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            D("5204765371"),
            "lima miliar dua ratus empat juta tujuh ratus enam puluh lima ribu"
            " tiga ratus tujuh puluh satu rupiah",
        ),
        (D("1000.00"), "seribu rupiah"),
        (D("1000.50"), "seribu rupiah lima puluh sen"),
        (D("1000.05"), "seribu rupiah lima sen"),
        (D("0"), "nol rupiah"),
        (D("-1000"), "minus seribu rupiah"),
    ],
)
def test_terbilang_rupiah(value: Decimal, expected: str) -> None:
    assert terbilang_rupiah(value) == expected


# Property: what we print, we read back (0-2 decimals, including negative and huge values).
_desimal = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=0, max_value=2),
)


@given(_desimal)
def test_parse_format_angka_bolak_balik(x: Decimal) -> None:
    hasil = parse_angka(format_angka(x, None))
    assert hasil == x
    assert str(hasil) == str(x) or x == 0  # same digits, same exponent (zero may differ only in sign)


@given(_desimal)
def test_parse_format_angka_dua_desimal(x: Decimal) -> None:
    assert parse_angka(format_angka(x)) == x


@given(_desimal, st.booleans())
def test_parse_format_rupiah_bolak_balik(x: Decimal, spasi: bool) -> None:
    assert parse_rupiah(format_rupiah(x, spasi=spasi)) == x


@given(_desimal)
def test_parse_format_nilai_persen(x: Decimal) -> None:
    assert parse_nilai(format_nilai(x, "%")) == (x, "%")

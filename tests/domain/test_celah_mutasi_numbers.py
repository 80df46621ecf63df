"""kinerja/domain/numbers.py: what the mutation run of issue #15 found untested after the first round
(docs/testing.md). Expected values come from PUEBI and the module's contract (docs/formulas.md §Angka),
and the Indonesian messages name the function and quote the text, as the CLI shows them."""

from decimal import Decimal

import pytest

from kinerja.domain import numbers

D = Decimal


@pytest.mark.parametrize(
    "fungsi", ["bulatkan", "format_angka", "format_rupiah", "terbilang", "terbilang_rupiah"]
)
def test_every_formatter_refuses_a_float_naming_itself(fungsi):
    with pytest.raises(TypeError) as galat:
        getattr(numbers, fungsi)(0.5)
    assert str(galat.value) == f"{fungsi}: nilai harus Decimal atau int, bukan float (0.5)"


@pytest.mark.parametrize("fungsi", ["bulatkan", "format_angka", "terbilang"])
def test_every_formatter_refuses_text_naming_itself(fungsi):
    with pytest.raises(TypeError) as galat:
        getattr(numbers, fungsi)("5")
    assert str(galat.value) == f"{fungsi}: nilai harus Decimal atau int, bukan str"


@pytest.mark.parametrize("nilai", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_a_value_that_is_not_finite_is_refused(nilai):
    with pytest.raises(numbers.AngkaError) as galat:
        numbers.bulatkan(nilai)
    assert str(galat.value) == f"bulatkan: nilai {nilai} bukan angka berhingga"


@pytest.mark.parametrize(
    ("nilai", "places", "hasil"),
    [
        (D("1.2345678905"), 9, "1.234567891"),  # past the cached quanta (0–8 places), still half up
        (D("1.23456789015"), 10, "1.2345678902"),
        (D("2.5"), 0, "3"),
    ],
)
def test_bulatkan_rounds_half_up_to_any_number_of_places(nilai, places, hasil):
    assert str(numbers.bulatkan(nilai, places)) == hasil


@pytest.mark.parametrize(
    ("fungsi", "nilai", "pesan"),
    [
        (numbers.parse_angka, 5, "parse_angka: teks harus str, bukan int"),
        (numbers.parse_rupiah, None, "parse_rupiah: teks harus str, bukan NoneType"),
        (numbers.parse_rupiah, 5000, "parse_rupiah: teks harus str, bukan int"),
    ],
)
def test_the_parsers_refuse_what_is_not_text(fungsi, nilai, pesan):
    with pytest.raises(TypeError) as galat:
        fungsi(nilai)
    assert str(galat.value) == pesan


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("   ", "Angka kosong: tidak ada angka untuk dibaca"),
        (" 12a ", "Angka ' 12a ' tidak dapat dibaca: hanya boleh berisi angka, titik dan koma"),
        (
            "1234.567.890",
            "Angka '1234.567.890' tidak dapat dibaca: kelompok pertama '1234' lebih dari tiga angka",
        ),
    ],
)
def test_parse_angka_says_what_is_wrong_quoting_the_text_as_given(teks, pesan):
    with pytest.raises(numbers.AngkaError) as galat:
        numbers.parse_angka(teks)
    assert str(galat.value) == pesan


@pytest.mark.parametrize("teks", ["Rp -,-", "Rp. -", "Rp \u2212,-"])
def test_a_rupiah_placeholder_for_nothing_is_refused_as_holding_no_number(teks):
    # "Rp -,-" is how tables print "nothing": not a number, and the message says so.
    with pytest.raises(numbers.AngkaError) as galat:
        numbers.parse_rupiah(teks)
    assert str(galat.value) == f"Jumlah Rupiah {teks!r} tidak berisi angka"


def test_parse_rupiah_refuses_a_minus_written_twice():
    with pytest.raises(numbers.AngkaError, match="tidak dapat dibaca"):
        numbers.parse_rupiah("- Rp -5.000")


@pytest.mark.parametrize(
    ("teks", "nilai", "satuan"),
    [
        ("-Rp5.000", D("-5000.00"), "Rp"),  # a negative amount, minus before "Rp"
        ("- Rp 5.000", D("-5000.00"), "Rp"),
        ("5 204 765 371", None, None),  # digits after a space: not one readable number
        ("2 X setahun", D("2"), "X setahun"),  # a satuan may start with a capital X
        (None, None, None),  # an empty cell: never raises
    ],
)
def test_parse_nilai_more_cases(teks, nilai, satuan):
    assert numbers.parse_nilai(teks) == (nilai, satuan)


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (D("-0.40"), "-Rp0,40"),  # negative once rounded to sen: the minus stays
        (D("-0.004"), "Rp0,00"),  # rounds to zero sen: no "-Rp0,00"
    ],
)
def test_format_rupiah_with_sen_writes_the_minus_only_for_a_negative_rounded_amount(nilai, teks):
    assert numbers.format_rupiah(nilai) == teks


def test_format_nilai_without_a_satuan_keeps_the_value_s_own_decimals():
    assert numbers.format_nilai(D("8.5"), None) == "8,5"
    assert numbers.format_nilai(D("8"), "") == "8"


def test_terbilang_reads_a_value_written_with_an_exponent():
    assert numbers.terbilang(D("1E+3")) == "seribu"

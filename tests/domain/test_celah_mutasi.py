"""Behaviours the mutation run of issue #15 found untested (its list), pinned down one by one: numbers,
NIP and predicate cases that a changed operator or constant would get wrong without a test noticing."""

from datetime import date
from decimal import Decimal

import pytest

from kinerja.domain import numbers, predikat
from kinerja.domain.nip import NIPError, format_nip, parse_nip, periksa_nip


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("2024", Decimal("2024")),  # four digits without a thousands dot: a number, not a refusal
        ("- 5", Decimal("-5")),  # a minus set apart
        ("12.345", Decimal("12345")),
        ("1.234.567,89", Decimal("1234567.89")),
    ],
)
def test_parse_angka_reads(teks, nilai):
    assert numbers.parse_angka(teks) == nilai


def test_parse_angka_refuses_a_thousands_group_of_two_digits():
    with pytest.raises(ValueError, match="kelompok ribuan '23' harus tepat tiga angka"):
        numbers.parse_angka("1.23,5")


@pytest.mark.parametrize("teks", ["- Rp 5.000", "Rp -5.000", "-Rp5.000"])
def test_parse_rupiah_reads_a_negative_amount_however_the_minus_is_written(teks):
    assert numbers.parse_rupiah(teks) == Decimal("-5000")


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [(Decimal("-0.4"), "Rp0"), (Decimal("-0.5"), "-Rp1"), (Decimal("0.5"), "Rp1")],  # no "-Rp0"; half up
)
def test_format_rupiah_without_decimals_rounds_half_up_and_writes_no_negative_zero(nilai, teks):
    assert numbers.format_rupiah(nilai, desimal=False) == teks


@pytest.mark.parametrize(
    "nip",
    [
        "197110101993012003",  # TMT in January (month 01)
        "197110101993121100",  # a sequence number of 100 …
        "197110101993121999",  # … and of 999
        "197110011989102003",  # 18 years old exactly on the first day of the TMT month
    ],
)
def test_valid_nip_at_the_edges(nip):
    assert periksa_nip(nip) == []


def test_a_day_short_of_the_minimum_age_is_refused():
    [pesan] = periksa_nip("197110021989102003")
    assert "sebelum pegawai berumur 18 tahun (lahir 02/10/1971)" in pesan


@pytest.mark.parametrize(
    ("tercetak", "kata"),
    [
        ("Memuaskann", "Memuaskan"),  # a letter too many (a deletion step)
        ("Emmuaskan", "Memuaskan"),  # two letters swapped (a transposition step)
        ("Tidek Baik", "Tidak Baik"),  # a letter changed
    ],
)
def test_predicate_typos_are_read_and_the_printed_word_kept(tercetak, kata):
    hasil = predikat.normalise_predikat(tercetak)
    assert (hasil.kata, hasil.tercetak, hasil.dinormalisasi) == (kata, tercetak, True)


def test_rentang_ikm_without_a_scale_is_the_converted_one():
    assert predikat.rentang_ikm("B") == (Decimal("76.61"), Decimal("88.30"))
    assert predikat.rentang_ikm("B", skala="interval") == (Decimal("3.0644"), Decimal("3.5320"))
    assert predikat.rentang_ikm("Baik") == predikat.rentang_ikm("B")


@pytest.mark.parametrize(("kode", "label"), [("BB", "Sangat Baik"), ("A", "Memuaskan")])
def test_rentang_sakip_by_its_code_and_by_its_label(kode, label):
    assert predikat.rentang_sakip(label) == predikat.rentang_sakip(kode)


def test_a_nip_message_quotes_the_nip_as_printed_without_its_surrounding_spaces():
    assert periksa_nip("  19711010199312200A ") == [
        "NIP '19711010199312200A' berisi huruf atau tanda selain angka"
    ]


def test_parse_nip_reads_a_sequence_number_of_three_digits():
    nip = parse_nip("NIP. 19711010 199312 1 100")
    assert (nip.urut, nip.jenis_kelamin, nip.tmt) == (100, 1, date(1993, 12, 1))


def test_parse_nip_checks_the_minimum_age_it_is_given():
    # Born 10/10/1971, TMT 12/1993: 22 years old on the TMT.
    assert parse_nip("197110101993122003", umur_minimum=22).urut == 3
    with pytest.raises(NIPError, match="sebelum pegawai berumur 23 tahun"):
        parse_nip("197110101993122003", umur_minimum=23)


def test_parse_nip_joins_every_problem_with_a_semicolon():
    with pytest.raises(NIPError) as galat:
        parse_nip("197113101993132000")
    assert str(galat.value) == "; ".join(
        [
            "NIP '197113101993132000': tanggal lahir (angka ke-1 s.d. 8) '19711310' bukan tanggal yang sah",
            "NIP '197113101993132000': bulan TMT CPNS (angka ke-13 s.d. 14) '13' harus 01 s.d. 12",
            "NIP '197113101993132000': nomor urut (angka ke-16 s.d. 18) tidak boleh 000",
        ]
    )


@pytest.mark.parametrize(("teks", "tampil"), [(None, ""), ("", ""), ("  NIP. -  ", "NIP. -")])
def test_format_nip_of_no_nip_is_the_text_stripped(teks, tampil):
    # An elected official has no NIP: templates pass None or the printed placeholder.
    assert format_nip(teks) == tampil

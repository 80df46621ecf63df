"""kinerja/domain/predikat.py: what the mutation run of issue #15 found untested after the first round
(docs/testing.md). Bounds are the printed tables of PermenPANRB 14/2017, KEP/25/M.PAN/2/2004 and
PermenPANRB 88/2021 (docs/formulas.md §IKM, §SAKIP); messages are the Indonesian ones the CLI shows."""

from decimal import Decimal

import pytest

from kinerja.domain import predikat
from kinerja.domain.predikat import MutuIKM

D = Decimal


@pytest.mark.parametrize(
    ("nilai", "regime", "mutu"),
    [
        # NRR 3,30 on the 1–4 scale: A under 2004 (3,26–4,00), B under 2017 (3,0644–3,5320).
        (D("3.30"), "2004", MutuIKM("A", "Sangat Baik", D("3.26"), D("4.00"), "2004")),
        (D("3.30"), "2017", MutuIKM("B", "Baik", D("3.0644"), D("3.5320"), "2017")),
        (D("2.5996"), "2017", MutuIKM("D", "Tidak Baik", D("1.0000"), D("2.5996"), "2017")),
        (D("2.51"), "2004", MutuIKM("B", "Baik", D("2.51"), D("3.25"), "2004")),
    ],
)
def test_mutu_ikm_ni_gives_the_whole_row_of_its_regime(nilai, regime, mutu):
    assert predikat.mutu_ikm_ni(nilai, regime) == mutu


@pytest.mark.parametrize(
    ("nilai", "regime", "mutu"),
    [
        (D("81.26"), "2004", MutuIKM("A", "Sangat Baik", D("81.26"), D("100.00"), "2004")),
        (D("81.25"), "2004", MutuIKM("B", "Baik", D("62.51"), D("81.25"), "2004")),
        (D("81.25"), "2017", MutuIKM("B", "Baik", D("76.61"), D("88.30"), "2017")),
    ],
)
def test_mutu_ikm_gives_the_whole_row_of_its_regime(nilai, regime, mutu):
    assert predikat.mutu_ikm(nilai, regime) == mutu


@pytest.mark.parametrize(
    ("panggil", "pesan"),
    [
        (
            lambda: predikat.mutu_ikm(D("80"), "2010"),
            "Regime IKM '2010' tidak dikenal: pilih '2017' (PermenPANRB 14/2017) atau '2004' (KEP/25/M.PAN/2/2004)",
        ),
        (
            lambda: predikat.mutu_ikm(D("24.994")),
            "Nilai IKM (konversi) 24,99 di luar rentang 25,00 sampai 100,00 (nilai sebelum dibulatkan: 24,994)",
        ),
        (
            lambda: predikat.mutu_ikm_ni(D("4.00006")),
            "Nilai interval IKM 4,0001 di luar rentang 1 sampai 4 (nilai sebelum dibulatkan: 4,00006)",
        ),
        (
            lambda: predikat.rentang_ikm("E"),
            "Mutu IKM 'E' tidak dikenal: pilih A, B, C, D atau Sangat Baik, Baik, Kurang Baik, Tidak Baik",
        ),
        (
            lambda: predikat.predikat_sakip(D("100.005")),
            "Nilai evaluasi SAKIP 100,01 di luar rentang 0 sampai 100 (nilai sebelum dibulatkan: 100,005)",
        ),
    ],
)
def test_out_of_range_and_unknown_values_are_refused_with_their_message(panggil, pesan):
    with pytest.raises(ValueError) as galat:
        panggil()
    assert str(galat.value) == pesan


@pytest.mark.parametrize(
    ("a", "b", "jarak"),
    [
        ("", "baik", 4),  # all insertions
        ("baik", "", 4),  # all deletions
        ("ab", "ba", 1),  # one transposition
        ("ab", "xy", 2),  # two substitutions, not a transposition
        ("ca", "abc", 3),  # restricted transposition: no edit inside a swapped pair
        ("aaa", "a", 2),
        ("kurang", "karang", 1),
        ("memuaskan", "emmuaskan", 1),
    ],
)
def test_jarak_edit_is_the_optimal_string_alignment_distance(a, b, jarak):
    assert predikat.jarak_edit(a, b) == jarak
    assert predikat.jarak_edit(b, a) == jarak

"""IKM engine: NRR, penimbang, konversi, mutu (docs/formulas.md §IKM)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.domain.ikm import (
    UNSUR_2004,
    UNSUR_2017,
    HasilIKM,
    IKMError,
    bobot,
    gabung_periode,
    gabung_unit,
    hitung_ikm,
    ikm_dari_agregat,
    ikm_dari_nrr,
)

D = Decimal
KODE = [f"U{i}" for i in range(1, 10)]


def semua(nilai: int | None, n: int = 9) -> dict[str, int | None]:
    return {f"U{i}": nilai for i in range(1, n + 1)}


def nrr(teks: str) -> list[Decimal]:
    return [D(t.replace(",", ".")) for t in teks.split()]


# ---------------------------------------------------------------------------------------------------
# The unsur
# ---------------------------------------------------------------------------------------------------


def test_unsur_2017_are_the_nine_of_the_regulation_by_code() -> None:
    assert [u.kode for u in UNSUR_2017] == KODE
    nama = {u.kode: u.nama for u in UNSUR_2017}
    assert nama["U1"] == "Persyaratan"
    assert nama["U2"] == "Sistem, Mekanisme, dan Prosedur"
    assert nama["U4"] == "Biaya/Tarif"
    assert nama["U7"] == "Perilaku Pelaksana"
    # Default order (docs/formulas.md is uncertain): the order most questionnaires ask in.
    assert nama["U8"] == "Sarana dan Prasarana"
    assert nama["U9"] == "Penanganan Pengaduan, Saran dan Masukan"
    assert all(len(u.label) == 4 and u.pertanyaan.endswith("?") for u in UNSUR_2017)


@pytest.mark.parametrize(
    ("kode", "label"),
    [
        ("U1", ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
        ("U4", ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
        ("U8", ("Buruk", "Cukup", "Baik", "Sangat baik")),
        (
            "U9",
            ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
        ),
    ],
)
def test_unsur_labels_follow_the_sample_questionnaire(kode: str, label: tuple[str, ...]) -> None:
    assert next(u for u in UNSUR_2017 if u.kode == kode).label == label


def test_unsur_2004_are_fourteen() -> None:
    assert [u.kode for u in UNSUR_2004] == [f"U{i}" for i in range(1, 15)]
    assert UNSUR_2004[0].nama == "Prosedur pelayanan"
    assert UNSUR_2004[13].nama == "Keamanan pelayanan"
    assert UNSUR_2004[10].label[0] == "Selalu tidak sesuai"


@pytest.mark.parametrize(
    ("regime", "penimbang", "w"),
    [
        ("2017", "tepat", Fraction(1, 9)),
        ("2017", "0,111", Fraction(111, 1000)),
        ("2004", "tepat", Fraction(1, 14)),
        ("2004", "0,111", Fraction(71, 1000)),  # the legacy option means "1/n rounded to 3 decimals"
    ],
)
def test_bobot(regime, penimbang, w) -> None:
    assert bobot(regime, penimbang) == w


# ---------------------------------------------------------------------------------------------------
# hitung_ikm: a small example computed by hand
# ---------------------------------------------------------------------------------------------------

CONTOH = [
    {"U1": 4, "U2": 3, "U3": 3, "U4": 4, "U5": 3, "U6": 4, "U7": 4, "U8": 3, "U9": 3},
    {"U1": 3, "U2": 3, "U3": 2, "U4": 4, "U5": 3, "U6": 3, "U7": 4, "U8": 3, "U9": 2},
    {"U1": 4, "U2": 4, "U3": 3, "U4": 3, "U5": 4, "U6": 4, "U7": 4, "U8": 3, "U9": None},
    {"U1": 3, "U2": 2, "U3": 3, "U4": 4, "U5": 3, "U6": 3, "U7": 3, "U8": 2, "U9": 3},
]


def test_hitung_ikm_small_example_by_hand() -> None:
    h = hitung_ikm(CONTOH)
    # NRR = sum / number who answered; U9 was answered by 3 of the 4 respondents: 8/3.
    assert dict(h.nrr) == {
        "U1": D("3.5"),
        "U2": D("3"),
        "U3": D("2.75"),
        "U4": D("3.75"),
        "U5": D("3.25"),
        "U6": D("3.5"),
        "U7": D("3.75"),
        "U8": D("2.75"),
        "U9": D(8) / D(3),
    }
    # Σ NRR = 26,25 + 8/3 = 28,91666…; NI = Σ/9 = 3,212962…; × 25 = 80,324074… → 80,32 (B, Baik).
    assert h.nilai_interval == D("28.91666666666666666666666667") / 9
    assert h.ikm == D("80.32")
    assert (h.mutu, h.kinerja) == ("B", "Baik")
    assert h.jumlah_responden == 4
    assert h.nrr_tertimbang["U1"] == D("3.5") / 9
    assert (h.penimbang, h.regime) == ("tepat", "2017")


def test_a_missing_answer_is_the_same_as_none() -> None:
    tanpa_u9 = [*CONTOH[:2], {k: v for k, v in CONTOH[2].items() if k != "U9"}, CONTOH[3]]
    assert hitung_ikm(tanpa_u9) == hitung_ikm(CONTOH)


def test_hitung_ikm_with_legacy_weight() -> None:
    # 28,91666… × 0,111 × 25 = 80,24375 → 80,24.
    assert hitung_ikm(CONTOH, penimbang="0,111").ikm == D("80.24")


def test_unsur_terendah_lowest_first_ties_in_questionnaire_order() -> None:
    urutan = [k for k, _ in hitung_ikm(CONTOH).unsur_terendah()]
    assert urutan == ["U9", "U3", "U8", "U2", "U5", "U1", "U6", "U4", "U7"]


def test_mutu_unsur_uses_the_ni_table() -> None:
    m = hitung_ikm(CONTOH).mutu_unsur()
    assert m["U9"].mutu == "C"  # 2,6667: 2,60 – 3,064
    assert m["U4"].mutu == "A"  # 3,75


def test_to_json_uses_strings_with_a_dot() -> None:
    data = hitung_ikm(CONTOH).to_json()
    assert data["ikm"] == "80.32"
    assert data["mutu"] == "B" and data["kinerja"] == "Baik"
    assert data["nrr"]["U1"] == "3.5"  # type: ignore[index]
    assert data["jumlah_responden"] == 4
    assert data["penimbang"] == "tepat" and data["regime"] == "2017"


def test_codes_are_read_case_insensitively() -> None:
    baris = [{k.lower(): v for k, v in r.items()} for r in CONTOH]
    assert hitung_ikm(baris) == hitung_ikm(CONTOH)


# ---------------------------------------------------------------------------------------------------
# Exact 1/9 versus 0,111: a perfect survey
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regime", "n", "penimbang", "ikm", "mutu"),
    [
        ("2017", 9, "tepat", "100.00", "A"),
        ("2017", 9, "0,111", "99.90", "A"),  # 4 × 9 × 0,111 × 25
        ("2004", 14, "tepat", "100.00", "A"),
        ("2004", 14, "0,111", "99.40", "A"),  # 4 × 14 × 0,071 × 25
    ],
)
def test_perfect_survey(regime, n, penimbang, ikm, mutu) -> None:
    h = hitung_ikm([semua(4, n)] * 3, regime=regime, penimbang=penimbang)
    assert h.ikm == D(ikm)
    assert h.mutu == mutu


@pytest.mark.parametrize(("penimbang", "ikm"), [("tepat", "25.00"), ("0,111", "24.98")])
def test_worst_survey_is_d_even_below_25_with_the_legacy_weight(penimbang, ikm) -> None:
    h = hitung_ikm([semua(1)], penimbang=penimbang)
    assert (h.ikm, h.mutu, h.kinerja) == (D(ikm), "D", "Tidak Baik")


# ---------------------------------------------------------------------------------------------------
# Band edges of PermenPANRB 14/2017 (and KEP/25/2004), through the whole computation
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ni", "ikm", "mutu", "kinerja"),
    [
        ("1", "25.00", "D", "Tidak Baik"),
        ("2.5996", "64.99", "D", "Tidak Baik"),
        ("2.59978", "64.99", "D", "Tidak Baik"),  # 64,9945
        ("2.5998", "65.00", "C", "Kurang Baik"),  # 64,995 → 65,00 (half-up)
        ("2.6", "65.00", "C", "Kurang Baik"),
        ("3.064", "76.60", "C", "Kurang Baik"),
        ("3.0642", "76.61", "B", "Baik"),  # 76,605 → 76,61
        ("3.0644", "76.61", "B", "Baik"),
        ("3.532", "88.30", "B", "Baik"),
        ("3.5322", "88.31", "A", "Sangat Baik"),  # 88,305 → 88,31
        ("3.5324", "88.31", "A", "Sangat Baik"),
        ("4", "100.00", "A", "Sangat Baik"),
    ],
)
def test_band_edges_2017(ni, ikm, mutu, kinerja) -> None:
    h = ikm_dari_nrr([D(ni)] * 9)
    assert (h.ikm, h.mutu, h.kinerja) == (D(ikm), mutu, kinerja)


@pytest.mark.parametrize(
    ("konversi", "mutu"),
    [("64.99", "D"), ("65.00", "C"), ("76.60", "C"), ("76.61", "B"), ("88.30", "B"), ("88.31", "A")],
)
def test_band_edges_2017_from_nrr_on_the_25_100_scale(konversi, mutu) -> None:
    h = ikm_dari_nrr([D(konversi)] * 9)  # all > 4: the 25–100 scale, divided by 25
    assert (h.ikm, h.mutu) == (D(konversi), mutu)


@pytest.mark.parametrize(
    ("konversi", "mutu"),
    [("43.75", "D"), ("43.76", "C"), ("62.50", "C"), ("62.51", "B"), ("81.25", "B"), ("81.26", "A")],
)
def test_band_edges_2004(konversi, mutu) -> None:
    h = ikm_dari_nrr([D(konversi)] * 14, regime="2004")
    assert (h.ikm, h.mutu, h.regime) == (D(konversi), mutu, "2004")


def test_same_value_is_b_under_2004_and_c_under_2017() -> None:
    assert ikm_dari_nrr([D("70")] * 9).mutu == "C"
    assert ikm_dari_nrr([D("70")] * 14, regime="2004").mutu == "B"


# ---------------------------------------------------------------------------------------------------
# ikm_dari_nrr
# ---------------------------------------------------------------------------------------------------

TERBIT = "3,31 3,35 3,40 3,28 3,52 3,45 3,38 3,30 3,36"


def test_ikm_from_published_nrr() -> None:
    # Σ = 30,35; /9 × 25 = 84,3055… → 84,31; with 0,111: 30,35 × 2,775 = 84,22125 → 84,22.
    h = ikm_dari_nrr(nrr(TERBIT))
    assert (h.ikm, h.mutu, h.kinerja, h.jumlah_responden) == (D("84.31"), "B", "Baik", 0)
    assert ikm_dari_nrr(nrr(TERBIT), penimbang="0,111").ikm == D("84.22")
    assert h.unsur_terendah()[0] == ("U4", D("3.28"))


def test_ikm_from_nrr_by_code_equals_by_order() -> None:
    per_kode = dict(zip(reversed(KODE), reversed(nrr(TERBIT)), strict=True))
    assert ikm_dari_nrr(per_kode) == ikm_dari_nrr(nrr(TERBIT))


def test_ikm_from_nrr_scale_given_or_detected() -> None:
    skala_100 = [v * 25 for v in nrr(TERBIT)]
    assert ikm_dari_nrr(skala_100).ikm == D("84.31")
    assert ikm_dari_nrr(skala_100, skala="25-100") == ikm_dari_nrr(nrr(TERBIT))
    with pytest.raises(IKMError, match="di luar skala 1 sampai 4"):
        ikm_dari_nrr(skala_100, skala="1-4")


@pytest.mark.parametrize(
    ("nilai", "kwargs", "pesan"),
    [
        (["3.31"] * 8, {}, "Tertulis 8 NRR, padahal PermenPANRB 14/2017 memakai 9 unsur"),
        (["3.31"] * 14, {}, "pilih regime 2004"),
        (["3.31"] * 8 + ["82.75"], {}, "tercampur skala"),
        (["0.5"] * 9, {}, "di luar skala 1 sampai 4"),
        (["101"] * 9, {}, "di luar skala 25 sampai 100"),
        (["3.31"] * 9, {"regime": "2016"}, "Regime IKM '2016' tidak dikenal"),
        (["3.31"] * 9, {"penimbang": "0,11"}, "Penimbang '0,11' tidak dikenal"),
    ],
)
def test_ikm_from_nrr_errors(nilai, kwargs, pesan) -> None:
    with pytest.raises(IKMError, match=pesan):
        ikm_dari_nrr([D(v) for v in nilai], **kwargs)


def test_ikm_from_nrr_refuses_float_and_missing_codes() -> None:
    with pytest.raises(IKMError, match="harus Decimal"):
        ikm_dari_nrr([3.31] * 9)  # type: ignore[list-item]
    with pytest.raises(IKMError, match="NRR unsur U9 tidak ada"):
        ikm_dari_nrr({k: D("3") for k in KODE[:8]})


# ---------------------------------------------------------------------------------------------------
# Errors in answers and aggregates
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jawaban", "pesan"),
    [
        (
            [semua(3), {**semua(3), "U4": 5}],
            r"Responden ke-2, unsur U4 \(Biaya/Tarif\): jawaban 5 di luar skala 1 sampai 4",
        ),
        ([{**semua(3), "U1": 0}], r"Responden ke-1, unsur U1 \(Persyaratan\): jawaban 0 di luar skala"),
        ([{**semua(3), "U2": "3"}], r"Responden ke-1, unsur U2 .*: jawaban '3' bukan angka bulat"),
        ([{**semua(3), "U2": True}], "bukan angka bulat"),
        ([{**semua(3), "U2": 3.0}], "bukan angka bulat"),
        ([semua(3), semua(3), {**semua(3), "U10": 3}], "Responden ke-3: unsur 'U10' tidak dikenal"),
        ([], "Tidak ada responden"),
        ([{**semua(3), "U4": None}], r"Tidak ada responden yang menjawab unsur U4 \(Biaya/Tarif\)"),
    ],
)
def test_hitung_ikm_errors_name_respondent_and_unsur(jawaban, pesan) -> None:
    with pytest.raises(IKMError, match=pesan):
        hitung_ikm(jawaban)


def test_ikm_error_is_a_value_error() -> None:
    assert issubclass(IKMError, ValueError)


@pytest.mark.parametrize(
    ("jumlah", "cacah", "responden", "pesan"),
    [
        (dict.fromkeys(KODE, 30), dict.fromkeys(KODE, 10), 5, "lebih banyak dari jumlah responden"),
        ({**dict.fromkeys(KODE, 30), "U3": 41}, dict.fromkeys(KODE, 10), 10, "jumlah nilai 41 tidak mungkin"),
        ({**dict.fromkeys(KODE, 30), "U3": 9}, dict.fromkeys(KODE, 10), 10, "jumlah nilai 9 tidak mungkin"),
        (
            dict.fromkeys(KODE, 30),
            {**dict.fromkeys(KODE, 10), "U5": 0},
            10,
            "Tidak ada responden yang menjawab unsur U5",
        ),
        (dict.fromkeys(KODE, 30), dict.fromkeys(KODE, 10), 0, "Tidak ada responden"),
        (dict.fromkeys(KODE, 30), dict.fromkeys(KODE, 10), -1, "tidak negatif"),
    ],
)
def test_aggregate_errors(jumlah, cacah, responden, pesan) -> None:
    with pytest.raises(IKMError, match=pesan):
        ikm_dari_agregat(jumlah, cacah, responden)


def test_aggregate_example() -> None:
    # 10 respondents, all answered everything, sum 33 per unsur: NRR 3,3 → 82,50 (B).
    h = ikm_dari_agregat(dict.fromkeys(KODE, 33), dict.fromkeys(KODE, 10), 10)
    assert (h.ikm, h.mutu, h.jumlah_responden) == (D("82.50"), "B", 10)


# ---------------------------------------------------------------------------------------------------
# Aggregates maintained with each response give exactly the full computation (property)
# ---------------------------------------------------------------------------------------------------

jawaban_satu = st.fixed_dictionaries({k: st.one_of(st.none(), st.integers(1, 4)) for k in KODE})


def _agregat(jawaban: list[dict[str, int | None]]) -> tuple[dict[str, int], dict[str, int]]:
    jumlah = dict.fromkeys(KODE, 0)
    cacah = dict.fromkeys(KODE, 0)
    for r in jawaban:  # what the app does on each response: bump the sum and count of each answered unsur
        for k, v in r.items():
            if v is not None:
                jumlah[k] += v
                cacah[k] += 1
    return jumlah, cacah


@settings(max_examples=200, deadline=None)
@given(
    jawaban=st.lists(jawaban_satu, min_size=1, max_size=60).filter(
        lambda rs: all(any(r[k] is not None for r in rs) for k in KODE)
    ),
    penimbang=st.sampled_from(["tepat", "0,111"]),
)
def test_aggregate_equals_full_computation(jawaban, penimbang) -> None:
    jumlah, cacah = _agregat(jawaban)
    penuh = hitung_ikm(jawaban, penimbang=penimbang)
    assert ikm_dari_agregat(jumlah, cacah, len(jawaban), penimbang=penimbang) == penuh
    # And the IKM is the textbook formula: mean of NRR × 25 (exact 1/9), rounded half-up once.
    if penimbang == "tepat":
        ni = sum(Fraction(jumlah[k], cacah[k]) for k in KODE) / 9
        tepat = ni * 25
        assert abs(Fraction(penuh.ikm) - tepat) <= Fraction(1, 200)
        assert 25 <= penuh.ikm <= 100


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fixed_dictionaries({k: st.integers(1, 4) for k in KODE}), min_size=1, max_size=40))
def test_ikm_from_its_own_nrr_is_the_same(jawaban) -> None:
    h = hitung_ikm(jawaban)
    assert ikm_dari_nrr(dict(h.nrr)).ikm == h.ikm


# ---------------------------------------------------------------------------------------------------
# Combining units and periods
# ---------------------------------------------------------------------------------------------------


def _hasil(ikm_nrr: str, responden: int) -> HasilIKM:
    return ikm_dari_nrr([D(ikm_nrr)] * 9, jumlah_responden=responden)


def test_gabung_unit_is_the_plain_mean_of_the_units_ikm() -> None:
    a, b, c = _hasil("3.2", 100), _hasil("3.5", 10), _hasil("3.33", 50)  # 80,00; 87,50; 83,25
    g = gabung_unit([a, b, c])
    # (80,00 + 87,50 + 83,25) / 3 = 83,5833… → 83,58: each unit counts once, whatever its respondents.
    assert g.ikm == D("83.58")
    assert (g.mutu, g.kinerja) == ("B", "Baik")
    assert g.jumlah_responden == 160
    assert g.nrr["U1"] == (D("3.2") + D("3.5") + D("3.33")) / 3
    assert g.nilai_interval == (a.nilai_interval + b.nilai_interval + c.nilai_interval) / 3


def test_gabung_periode_annual_is_the_mean_of_semesters() -> None:
    s1 = hitung_ikm(CONTOH)  # 80,32
    s2 = ikm_dari_nrr(nrr(TERBIT), jumlah_responden=300)  # 84,31
    tahun = gabung_periode([s1, s2])
    assert tahun.ikm == D("82.32")  # (80,32 + 84,31) / 2 = 82,315 → 82,32 (half-up)
    assert tahun.jumlah_responden == 304
    assert gabung_periode([s1]) == s1


def test_gabung_refuses_mixed_rules_and_nothing() -> None:
    with pytest.raises(IKMError, match="regime/penimbang berbeda"):
        gabung_unit([hitung_ikm(CONTOH), hitung_ikm(CONTOH, penimbang="0,111")])
    with pytest.raises(IKMError, match="Tidak ada hasil IKM periode"):
        gabung_periode([])

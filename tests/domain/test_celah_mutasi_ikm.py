"""kinerja/domain/ikm.py: what the mutation run of issue #15 found untested (docs/testing.md).

Expected figures follow PermenPANRB 14/2017 and KEP/25/M.PAN/2/2004 (docs/formulas.md §IKM): NRR × 1/n,
summed, × 25, rounded half-up to 2 decimals; the 2004 table puts an NI of 3,26–4,00 in mutu A."""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

import pytest

from kinerja.domain import ikm
from kinerja.domain.ikm import IKMError

D = Decimal
NRR = ["3,31", "3,35", "3,40", "3,28", "3,52", "3,45", "3,38", "3,30", "3,36"]  # Σ 30,35: IKM 84,31


# --- the printed-IKM checker ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tercetak", "sesuai", "ikm_tercetak"),
    [
        ("3,37", True, D("84.25")),  # printed on the 1–4 scale: × 25, its rounding too (± 0,125)
        ("84", True, D("84")),  # printed as a whole number: ± 0,5
        ("86", False, D("86")),
    ],
)
def test_a_printed_ikm_on_the_1_to_4_scale_or_as_a_whole_number(tercetak, sesuai, ikm_tercetak):
    k = ikm.periksa_ikm_tercetak(NRR, tercetak)
    assert (k.sesuai, k.ikm_tercetak) == (sesuai, ikm_tercetak)


@pytest.mark.parametrize("tercetak", ["100,50", "24,49", "0,5"])
def test_a_printed_ikm_outside_both_scales_is_refused(tercetak):
    with pytest.raises(IKMError) as galat:
        ikm.periksa_ikm_tercetak(["4,00"] * 9, tercetak)
    assert str(galat.value) == f"IKM tercetak {tercetak!r} di luar skala 25–100 (atau 1–4)"


@pytest.mark.parametrize(
    ("nrr", "tercetak", "dihitung"), [("4,00", "100,00", "100.00"), ("1,00", "25,00", "25.00")]
)
def test_nrr_printed_at_the_end_of_the_scale_give_the_end_of_the_ikm_scale(nrr, tercetak, dihitung):
    # Σ 9 × 4,00 / 9 × 25 = 100,00 exactly: the figure computed "from the NRR as printed" is 100,00, even
    # though the true NRR (4,00 ± 0,005, at most 4) can only lie below it.
    k = ikm.periksa_ikm_tercetak([nrr] * 9, tercetak)
    assert k.sesuai
    assert k.ikm_dihitung == D(dihitung)
    assert f"= {tercetak} (rentang" in k.pesan


def test_the_scale_given_is_the_scale_used():
    # NRR above 4 would be read as the 25–100 scale; told "1-4", they are out of scale.
    with pytest.raises(IKMError) as galat:
        ikm.periksa_ikm_tercetak(["4,50"] + ["3,00"] * 13, "75,00", regime="2004", skala="1-4")
    assert str(galat.value) == "NRR unsur U1 (Prosedur pelayanan) = 4,5 di luar skala 1 sampai 4"


def test_nrr_as_one_string_is_refused_with_an_example():
    with pytest.raises(IKMError) as galat:
        ikm.periksa_ikm_tercetak("3,31 3,35", "84,31")  # type: ignore[arg-type]
    assert str(galat.value) == 'NRR tercetak harus berupa daftar teks, mis. ["3,31", "3,35", ...]'


def test_a_result_is_checked_against_the_answers_and_says_so():
    k = ikm.periksa_ikm_hasil(ikm.ikm_dari_nrr([D("3.3714")] * 9), "84,29")
    assert k.sesuai
    assert k.pesan.startswith("IKM tercetak 84,29 sesuai dengan data jawaban: ")


def test_an_intermediate_rounding_of_the_nilai_interval_is_named_with_its_decimals():
    # NI = 3,3714 exactly: IKM 84,285 → 84,29. "84,25" is 3,37 × 25 (NI rounded to 2 decimals first),
    # not 3,371 × 25 = 84,275 (3 decimals).
    k = ikm.periksa_ikm_hasil(ikm.ikm_dari_nrr([D("3.3714")] * 9), "84,25")
    assert (k.sesuai, k.pembulatan_ni) == (False, 2)
    assert "dibulatkan dahulu ke 2 desimal (3,37)" in k.pesan


def test_kesesuaian_to_json():
    k = ikm.periksa_ikm_tercetak(NRR, "84,17")
    assert k.to_json() == {
        "sesuai": True,
        "ikm_dihitung": "84.31",
        "ikm_min": str(k.ikm_min),
        "ikm_max": str(k.ikm_max),
        "ikm_tercetak": "84.17",
        "penimbang_cocok": "0,111",
        "pembulatan_ni": None,
        "pesan": k.pesan,
    }
    assert D(k.to_json()["ikm_min"]) <= D("84.31") <= D(k.to_json()["ikm_max"])
    assert replace(k, ikm_tercetak=None, pembulatan_ni=2).to_json()["ikm_tercetak"] is None
    assert replace(k, ikm_tercetak=None, pembulatan_ni=2).to_json()["pembulatan_ni"] == 2


# --- HasilIKM ------------------------------------------------------------------------------------


def test_hasil_to_json_under_the_2004_regime():
    # 14 NRR of 3,30: NI 3,30, IKM 82,50, mutu A under 2004 (B under 2017).
    h = ikm.ikm_dari_nrr([D("3.30")] * 14, regime="2004", jumlah_responden=40)
    j = h.to_json()
    assert j["ikm"] == "82.50"
    assert (j["mutu"], j["kinerja"], j["regime"], j["penimbang"]) == ("A", "Sangat Baik", "2004", "tepat")
    assert D(j["nilai_interval"]) == D("3.3")
    assert {D(v) for v in j["nrr"].values()} == {D("3.3")}
    assert list(j["nrr_tertimbang"]) == [f"U{i}" for i in range(1, 15)]
    assert sum(D(v) for v in j["nrr_tertimbang"].values()).quantize(D("0.0001")) == D("3.3000")
    assert j["jumlah_responden"] == 40


def test_mutu_per_unsur_uses_the_result_s_regime():
    h = ikm.ikm_dari_nrr([D("3.30")] * 14, regime="2004")
    assert {m.mutu for m in h.mutu_unsur().values()} == {"A"}
    assert {m.mutu for m in ikm.ikm_dari_nrr([D("3.30")] * 9).mutu_unsur().values()} == {"B"}


@pytest.mark.parametrize(
    ("regime", "kode", "nama"),
    [
        ("2017", "U8", "Sarana dan Prasarana"),
        ("2004", "U8", "Keadilan mendapatkan pelayanan"),
        ("2017", "U10", "U10"),
    ],
)
def test_nama_unsur_in_the_result_s_regime_or_the_code_when_unknown(regime, kode, nama):
    n = 9 if regime == "2017" else 14
    assert ikm.ikm_dari_nrr([D("3")] * n, regime=regime).nama_unsur(kode) == nama


def test_unsur_terendah_breaks_ties_in_questionnaire_order_whatever_the_stored_order():
    # A result rebuilt from a stored snapshot (kinerja/surveys/hasil.py) keeps the stored key order;
    # an unknown code goes after the known ones.
    h = ikm.ikm_dari_nrr([D("3")] * 9)
    h = replace(h, nrr=MappingProxyType({"U9": D("3"), "X": D("3"), "U1": D("3"), "U4": D("2.5")}))
    assert h.unsur_terendah() == [("U4", D("2.5")), ("U1", D("3")), ("U9", D("3")), ("X", D("3"))]


# --- combining results ---------------------------------------------------------------------------


def test_combining_results_keeps_their_penimbang():
    a = ikm.ikm_dari_nrr([D("3.20")] * 9, penimbang="0,111")  # 28,80 × 2,775 = 79,92
    b = ikm.ikm_dari_nrr([D("3.60")] * 9, penimbang="0,111")  # 32,40 × 2,775 = 89,91
    g = ikm.gabung_unit([a, b])
    assert (g.ikm, g.penimbang, g.regime) == (D("84.92"), "0,111", "2017")  # (79,92 + 89,91) / 2 = 84,915


def test_combining_results_keeps_their_regime_and_its_table():
    # Two 2004 surveys of NRR 3,30: IKM 82,50, which is A under 2004 (81,26–100) and B under 2017.
    a = ikm.ikm_dari_nrr([D("3.30")] * 14, regime="2004")
    g = ikm.gabung_periode([a, a])
    assert (g.ikm, g.mutu, g.kinerja, g.regime, g.penimbang) == (
        D("82.50"),
        "A",
        "Sangat Baik",
        "2004",
        "tepat",
    )


@pytest.mark.parametrize(("gabung", "apa"), [(ikm.gabung_unit, "unit"), (ikm.gabung_periode, "periode")])
def test_combining_nothing_or_different_unsur_is_refused_naming_what_is_combined(gabung, apa):
    with pytest.raises(IKMError) as galat:
        gabung([])
    assert str(galat.value) == f"Tidak ada hasil IKM {apa} untuk digabung"
    a = ikm.ikm_dari_nrr([D("3")] * 9)
    b = replace(a, nrr=MappingProxyType({f"U{i}": D("3") for i in range(1, 9)}))
    with pytest.raises(IKMError) as galat:
        gabung([a, b])
    assert str(galat.value) == f"Hasil IKM {apa} tidak dapat digabung: unsur berbeda"


# --- the 2004 questionnaire ----------------------------------------------------------------------


def test_a_2004_unsur_spells_its_labels_from_one_word_or_takes_them_in_full():
    assert ikm._u04("U1", "Prosedur", "Bagaimana?", "mudah") == ikm.Unsur(
        "U1", "Prosedur", "Bagaimana?", ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")
    )
    assert ikm._u04("U11", "Kepastian", "Bagaimana?", "", "a", "b", "c", "d") == ikm.Unsur(
        "U11", "Kepastian", "Bagaimana?", ("a", "b", "c", "d")
    )
    assert ikm.UNSUR_2004[6].label == ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")


# --- the checker's messages and edges ------------------------------------------------------------

TEPAT_3_3714 = ikm.ikm_dari_nrr([D("3.3714")] * 9)  # NI 3,3714 exactly: IKM 84,285 → 84,29; 0,111: 84,2007


@pytest.mark.parametrize(
    ("periksa", "pesan"),
    [
        (
            lambda: ikm.periksa_ikm_hasil(TEPAT_3_3714, "84,29"),
            "IKM tercetak 84,29 sesuai dengan data jawaban: IKM dari NRR dengan penimbang tepat 1/9 = 84,29 "
            "(tanpa pembulatan 84,2850).",
        ),
        (
            lambda: ikm.periksa_ikm_tercetak(NRR, " 84,31 "),
            "IKM tercetak 84,31 sesuai dengan NRR tercetak: IKM dari NRR dengan penimbang tepat 1/9 = 84,31 "
            "(rentang 84,181 sampai 84,431, karena pembulatan NRR tercetak).",
        ),
        (
            # 30,35 × 0,111 × 25 = 84,22125
            lambda: ikm.periksa_ikm_tercetak(NRR, "84,17"),
            "IKM tercetak 84,17 hanya sesuai bila dihitung dengan penimbang 0,111 (hasilnya 84,22); "
            "IKM dari NRR dengan penimbang tepat 1/9 = 84,31 (rentang 84,181 sampai 84,431, karena pembulatan "
            "NRR tercetak). Penimbang 0,111 adalah pembulatan; nilai yang benar memakai 1/9.",
        ),
    ],
)
def test_the_checker_s_message_names_the_source_the_penimbang_and_the_range(periksa, pesan):
    assert periksa().pesan == pesan


def test_an_unreadable_printed_ikm_is_refused_naming_it():
    with pytest.raises(IKMError) as galat:
        ikm.periksa_ikm_tercetak(NRR, "8a")
    assert str(galat.value).startswith("IKM tercetak: Angka '8a' tidak dapat dibaca")


@pytest.mark.parametrize(
    ("nrr", "tercetak", "ikm_tercetak"),
    [("1,00", "1,00", D("25")), ("4,00", "4,00", D("100"))],  # both ends of the 1–4 scale are on it
)
def test_a_printed_ikm_at_either_end_of_the_1_to_4_scale_is_converted(nrr, tercetak, ikm_tercetak):
    k = ikm.periksa_ikm_tercetak([nrr] * 9, tercetak)
    assert (k.sesuai, k.ikm_tercetak) == (True, ikm_tercetak)


@pytest.mark.parametrize(
    ("tercetak", "sesuai"),
    [
        ("3,37", True),  # 3,37 × 25 = 84,25 ± 0,125 (the 1–4 figure's rounding, × 25) holds 84,285
        ("84,28", True),  # [84,275; 84,285]: the exact IKM on the upper edge — closed intervals
        ("84,29", True),  # [84,285; 84,295]: on the lower edge
        ("84,27", False),
        ("84,30", False),
    ],
)
def test_a_printed_ikm_matches_an_exact_result_within_its_own_rounding_edges_included(tercetak, sesuai):
    assert ikm.periksa_ikm_hasil(TEPAT_3_3714, tercetak).sesuai is sesuai


@pytest.mark.parametrize(
    ("regime", "n", "tercetak"),
    [("2017", 9, "24,98"), ("2004", 14, "24,85")],  # 9 × 0,111 × 25 = 24,975; 14 × 0,071 × 25 = 24,85
)
def test_the_lowest_ikm_of_the_legacy_weight_is_recognised_not_refused(regime, n, tercetak):
    # Every answer 1 and the weight 0,111 (0,071 for 14 unsur): the IKM a report prints is below 25. The
    # mutation run's property test found the checker refusing it as "di luar skala 25–100".
    h = ikm.hitung_ikm(
        [dict.fromkeys([f"U{i}" for i in range(1, n + 1)], 1)], regime=regime, penimbang="0,111"
    )
    assert format(h.ikm, "f").replace(".", ",") == tercetak
    k = ikm.periksa_ikm_tercetak(["1,00"] * n, tercetak, regime=regime)
    assert (k.sesuai, k.penimbang_cocok) == (True, "0,111")
    assert ikm.periksa_ikm_hasil(h, tercetak).sesuai


def test_a_half_even_print_of_the_legacy_weight_s_lowest_ikm_is_on_the_scale():
    # 24,975 printed half-even is "24,97": on the edge of what the scale admits, and it follows from 0,111.
    k = ikm.periksa_ikm_tercetak(["1,00"] * 9, "24,97")
    assert (k.sesuai, k.penimbang_cocok) == (True, "0,111")


def test_the_exact_0111_figure_is_a_note_after_the_verdict():
    assert ikm.periksa_ikm_tercetak(NRR, "84,22").pesan == (
        "IKM tercetak 84,22 sesuai dengan NRR tercetak: IKM dari NRR dengan penimbang tepat 1/9 = 84,31 "
        "(rentang 84,181 sampai 84,431, karena pembulatan NRR tercetak). Angka tercetak sama persis dengan "
        "perhitungan penimbang 0,111 (84,22): kemungkinan dihitung dengan penimbang itu."
    )


@pytest.mark.parametrize(
    ("tercetak", "selisih"),
    [
        ("84,25", "0,030"),  # below the exact 84,285: 84,285 − 84,255
        ("84,35", "0,060"),  # above it: 84,345 − 84,285
    ],
)
def test_a_printed_ikm_that_does_not_follow_says_by_how_much(tercetak, selisih):
    pesan = ikm.periksa_ikm_hasil(TEPAT_3_3714, tercetak).pesan
    assert pesan.startswith(f"IKM tercetak {tercetak} TIDAK sesuai dengan data jawaban: ")
    assert f"Selisih di luar batas pembulatan: {selisih}." in pesan


def test_an_intermediate_rounding_to_3_decimals_is_named_with_the_rounded_nilai_interval():
    # NI 3,3696 exactly: IKM 84,24 (0,111: 84,16). "84,250" is 3,370 × 25: NI rounded to 3 decimals first.
    k = ikm.periksa_ikm_hasil(ikm.ikm_dari_nrr([D("3.3696")] * 9), "84,250")
    assert (k.sesuai, k.penimbang_cocok, k.pembulatan_ni) == (False, None, 3)
    assert k.pesan == (
        "IKM tercetak 84,250 TIDAK sesuai dengan data jawaban: IKM dari NRR dengan penimbang tepat 1/9 = 84,24 "
        "(tanpa pembulatan 84,2400); dengan penimbang 0,111 = 84,16. Selisih di luar batas pembulatan: 0,010. "
        "Angka tercetak itu diperoleh bila nilai interval dibulatkan dahulu ke 3 desimal (3,370) lalu dikali 25 "
        "(dengan penimbang tepat 1/9): pembulatan antara yang tidak dikenal rumus."
    )


@pytest.mark.parametrize(
    ("panggil", "pesan"),
    [
        (
            lambda: ikm.ikm_dari_nrr([D("NaN")] + [D("3")] * 8),
            "NRR ke-1: nilai NaN bukan angka berhingga",
        ),
        (
            lambda: ikm.ikm_dari_nrr([D("3")] * 9, skala="1-5"),  # type: ignore[arg-type]
            "Skala NRR '1-5' tidak dikenal: pilih '1-4' atau '25-100'",
        ),
        (
            lambda: ikm.ikm_dari_nrr([D("3")] * 8 + [D("80")]),
            "NRR tercampur skala: sebagian di atas 4 (skala 25–100) dan sebagian tidak (skala 1–4); "
            "tuliskan semua NRR pada satu skala",
        ),
        (
            lambda: ikm.periksa_ikm_tercetak([3] * 9, "84"),  # type: ignore[list-item]
            'NRR ke-1 harus berupa teks seperti tercetak (mis. "3,31"), bukan int',
        ),
    ],
)
def test_published_nrr_that_cannot_be_read_are_refused_with_their_message(panggil, pesan):
    with pytest.raises(IKMError) as galat:
        panggil()
    assert str(galat.value) == pesan


# --- the CLI's messages for answers, aggregates and published NRR ----------------------------------

KODE = [f"U{i}" for i in range(1, 10)]
TIGA = {k: D("3") for k in KODE}


@pytest.mark.parametrize(
    ("panggil", "pesan"),
    [
        (
            lambda: ikm.ikm_dari_nrr({"U10": D("3"), **TIGA}),
            "NRR: unsur 'U10' tidak dikenal (regime 2017: U1 sampai U9)",
        ),
        (lambda: ikm.ikm_dari_nrr({**TIGA, "U1": 3.5}), "NRR U1: nilai 3.5 harus Decimal"),
        (
            lambda: ikm.ikm_dari_nrr({"U1": D("3")}),
            "NRR unsur U2, U3, U4, U5, U6, U7, U8, U9 tidak ada (regime 2017: 9 unsur)",
        ),
        (
            lambda: ikm.ikm_dari_nrr([D("3")] * 8),
            "Tertulis 8 NRR, padahal PermenPANRB 14/2017 memakai 9 unsur",
        ),
        (
            lambda: ikm.ikm_dari_nrr([D("3")] * 14),
            "Tertulis 14 NRR, padahal PermenPANRB 14/2017 memakai 9 unsur "
            "(KEP/25/M.PAN/2/2004 memakai 14 unsur: pilih regime 2004)",
        ),
        (lambda: ikm.ikm_dari_nrr([3.5] + [D("3")] * 8), "NRR ke-1: nilai 3.5 harus Decimal"),
        (lambda: ikm.ikm_dari_nrr([D("3"), 3.5] + [D("3")] * 7), "NRR ke-2: nilai 3.5 harus Decimal"),
        (
            lambda: ikm.daftar_unsur("2016"),  # type: ignore[arg-type]
            "Regime IKM '2016' tidak dikenal: pilih '2017' (PermenPANRB 14/2017) atau '2004' (KEP/25/M.PAN/2/2004)",
        ),
        (lambda: ikm.hitung_ikm([]), "Tidak ada responden: IKM tidak dapat dihitung"),
        (
            lambda: ikm.ikm_dari_agregat({"X": 1}, {}, 1),
            "Agregat jumlah: unsur 'X' tidak dikenal (regime 2017: U1 sampai U9)",
        ),
        (
            lambda: ikm.ikm_dari_agregat({}, {"X": 1}, 1),
            "Agregat cacah: unsur 'X' tidak dikenal (regime 2017: U1 sampai U9)",
        ),
        (
            # one answer to U1 counted, but no sum for it: a sum of 0 is impossible for one answer of 1–4
            lambda: ikm.ikm_dari_agregat(dict.fromkeys(KODE[1:], 3), dict.fromkeys(KODE, 1), 1),
            "Agregat unsur U1 (Persyaratan): jumlah nilai 0 tidak mungkin untuk 1 jawaban berskala 1 sampai 4",
        ),
        (
            lambda: ikm.ikm_dari_agregat(dict.fromkeys(KODE, 3), {**dict.fromkeys(KODE, 1), "U1": True}, 1),
            "Agregat unsur U1 (Persyaratan): jumlah dan cacah harus bilangan bulat",
        ),
        (
            lambda: ikm.ikm_dari_agregat(dict.fromkeys(KODE, 3), dict.fromkeys(KODE, 1), True),
            "Jumlah responden True harus bilangan bulat tidak negatif",
        ),
    ],
)
def test_what_cannot_give_an_ikm_is_refused_with_its_message(panggil, pesan):
    with pytest.raises(IKMError) as galat:
        panggil()
    assert str(galat.value) == pesan


def test_the_defaults_are_the_2017_regime_and_the_exact_weight_and_0_111_may_be_written_with_a_dot():
    assert ikm.daftar_unsur() == ikm.UNSUR_2017
    assert ikm.bobot() == Fraction(1, 9)
    assert ikm.bobot("2017", "0.111") == ikm.bobot("2017", "0,111") == Fraction(111, 1000)  # type: ignore[arg-type]
    assert ikm.bobot("2004", "0,111") == Fraction(71, 1000)

"""Does a printed IKM follow from its printed NRR? (docs/formulas.md §Memeriksa angka tercetak)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.domain.ikm import IKMError, hitung_ikm, ikm_dari_nrr, periksa_ikm_hasil, periksa_ikm_tercetak
from kinerja.domain.numbers import bulatkan, format_angka

D = Decimal
KODE = [f"U{i}" for i in range(1, 10)]

# A realistic published table: NRR to 2 decimals. Σ = 30,35, so IKM = 30,35 / 9 × 25 = 84,3055… → 84,31.
# Each NRR may be anywhere in ±0,005, so the IKM is anywhere in 84,3055… ± 0,125 = [84,1806; 84,4306].
# With 0,111: 30,35 × 2,775 = 84,22125 → 84,22, range [84,0964; 84,3461].
NRR = ["3,31", "3,35", "3,40", "3,28", "3,52", "3,45", "3,38", "3,30", "3,36"]
# The same survey with NRR printed to 3 decimals: Σ = 30,371, tolerance ± 0,0125 on the IKM.
NRR_3 = ["3,312", "3,354", "3,401", "3,285", "3,523", "3,448", "3,381", "3,302", "3,365"]
# GASPUL-like: a report printing 91,48 for a table that gives 90,61 (mixed rounded intermediates).
NRR_GASPUL = ["3,62", "3,58", "3,65", "3,60", "3,63", "3,61", "3,64", "3,59", "3,70"]


@pytest.mark.parametrize(
    ("nrr", "ikm", "sesuai", "cocok"),
    [
        # consistent: reproduced
        (NRR, "84,31", True, "tepat"),
        (NRR, "84,30", True, "tepat"),
        (NRR, "84,18", True, "tepat"),  # [84,175; 84,185] touches 84,1806
        (NRR, "84,43", True, "tepat"),  # [84,425; 84,435] touches 84,4306
        (NRR, "84,22", True, "tepat"),  # also what 0,111 gives; tepat is not excluded
        (NRR, "84,3", True, "tepat"),  # printed with 1 decimal: ± 0,05
        (NRR, "3,37", True, "tepat"),  # printed on the 1–4 scale: 3,37 × 25 ± 0,125
        (NRR, "3,3722", True, "tepat"),
        # only with the legacy weight 0,111
        (NRR, "84,17", True, "0,111"),
        (NRR, "84,10", True, "0,111"),
        (NRR_3, "84,28", True, "0,111"),  # 30,371 × 2,775 = 84,2795; tepat 84,3639 ± 0,0125
        (NRR_3, "84,36", True, "tepat"),
        # inconsistent: flagged
        (NRR, "84,44", False, None),
        (NRR, "84,09", False, None),
        (NRR, "85,31", False, None),
        (NRR, "3,40", False, None),
        (NRR_3, "84,33", False, None),  # between the two ranges: follows from neither
        (NRR_GASPUL, "91,48", False, None),
        (NRR_GASPUL, "90,56", True, "tepat"),  # 90,61 ± 0,125
        (NRR_GASPUL, "90,80", False, None),
    ],
)
def test_printed_ikm_against_printed_nrr(nrr, ikm, sesuai, cocok) -> None:
    k = periksa_ikm_tercetak(nrr, ikm)
    assert (k.sesuai, k.penimbang_cocok) == (sesuai, cocok), k.pesan
    assert k.ikm_min <= k.ikm_max


def test_details_of_a_consistent_table() -> None:
    k = periksa_ikm_tercetak(NRR, "84,31")
    assert k.ikm_dihitung == D("84.31")
    assert bulatkan(k.ikm_min, 4) == D("84.1806")
    assert bulatkan(k.ikm_max, 4) == D("84.4306")
    assert k.ikm_tercetak == D("84.31")
    assert "sesuai dengan NRR tercetak" in k.pesan
    assert "84,181 sampai 84,431" in k.pesan


def test_message_when_it_only_matches_with_0111() -> None:
    k = periksa_ikm_tercetak(NRR_3, "84,28")
    assert "hanya sesuai bila dihitung dengan penimbang 0,111" in k.pesan
    assert k.ikm_dihitung == D("84.36")  # with the requested (exact) weight


def test_exact_0111_figure_is_pointed_out_even_when_tepat_also_fits() -> None:
    k = periksa_ikm_tercetak(NRR, "84,22")
    assert k.sesuai and "sama persis dengan perhitungan penimbang 0,111 (84,22)" in k.pesan


def test_asking_for_0111_and_getting_tepat() -> None:
    k = periksa_ikm_tercetak(NRR_3, "84,36", penimbang="0,111")
    assert (k.sesuai, k.penimbang_cocok, k.ikm_dihitung) == (True, "tepat", D("84.28"))


def test_message_when_inconsistent() -> None:
    k = periksa_ikm_tercetak(NRR_GASPUL, "91,48")
    assert not k.sesuai
    assert "TIDAK sesuai" in k.pesan and "90,61" in k.pesan
    assert k.pembulatan_ni is None


def test_intermediate_rounding_of_the_nilai_interval_is_explained_but_not_accepted() -> None:
    # NI range [3,3672; 3,3772]: rounded to 2 decimals it can be 3,38, and 3,38 × 25 = 84,50.
    k = periksa_ikm_tercetak(NRR, "84,50")
    assert not k.sesuai
    assert k.pembulatan_ni == 2
    assert "dibulatkan dahulu ke 2 desimal (3,38)" in k.pesan


def test_nrr_printed_on_the_25_100_scale() -> None:
    skala_100 = [format_angka(D(t.replace(",", ".")) * 25) for t in NRR]  # "82,75", …
    k = periksa_ikm_tercetak(skala_100, "84,31")
    assert k.sesuai
    # 2 decimals on the 25–100 scale are 25 times finer: ± 0,005 on the IKM.
    assert bulatkan(k.ikm_max - k.ikm_min, 3) == D("0.010")
    assert not periksa_ikm_tercetak(skala_100, "84,29").sesuai


def test_2004_regime() -> None:
    nrr = ["3,10"] * 7 + ["3,20"] * 7  # Σ = 44,10 → 44,10 / 14 × 25 = 78,75; with 0,071: 78,28
    assert periksa_ikm_tercetak(nrr, "78,75", regime="2004").penimbang_cocok == "tepat"
    k = periksa_ikm_tercetak(nrr, "78,28", regime="2004")
    assert (k.sesuai, k.penimbang_cocok) == (True, "0,111")
    assert "penimbang 0,071" in k.pesan


@pytest.mark.parametrize(
    ("nrr", "ikm", "pesan"),
    [
        (NRR[:8], "84,31", "Tertulis 8 NRR"),
        (NRR, "delapan", "IKM tercetak"),
        ([*NRR[:8], "3,3,6"], "84,31", "NRR ke-9"),
        (NRR, "120", "di luar skala"),
        ("3,31;3,35", "84,31", "daftar teks"),
    ],
)
def test_unusable_printed_figures(nrr, ikm, pesan) -> None:
    with pytest.raises(IKMError, match=pesan):
        periksa_ikm_tercetak(nrr, ikm)


# ---------------------------------------------------------------------------------------------------
# From a computed survey (exact NRR): only the printed IKM's own rounding counts
# ---------------------------------------------------------------------------------------------------

CONTOH = [
    {"U1": 4, "U2": 3, "U3": 3, "U4": 4, "U5": 3, "U6": 4, "U7": 4, "U8": 3, "U9": 3},
    {"U1": 3, "U2": 3, "U3": 2, "U4": 4, "U5": 3, "U6": 3, "U7": 4, "U8": 3, "U9": 2},
    {"U1": 4, "U2": 4, "U3": 3, "U4": 3, "U5": 4, "U6": 4, "U7": 4, "U8": 3, "U9": None},
    {"U1": 3, "U2": 2, "U3": 3, "U4": 4, "U5": 3, "U6": 3, "U7": 3, "U8": 2, "U9": 3},
]


@pytest.mark.parametrize(
    ("ikm", "sesuai", "cocok"),
    [("80,32", True, "tepat"), ("80,3", True, "tepat"), ("80,33", False, None), ("80,24", True, "0,111")],
)
def test_printed_ikm_against_a_computed_survey(ikm, sesuai, cocok) -> None:
    k = periksa_ikm_hasil(hitung_ikm(CONTOH), ikm)  # exact 80,324074…
    assert (k.sesuai, k.penimbang_cocok) == (sesuai, cocok), k.pesan
    assert k.ikm_min == k.ikm_max


# ---------------------------------------------------------------------------------------------------
# Properties: every consistent report is reproduced, every clearly wrong one flagged
# ---------------------------------------------------------------------------------------------------

survei = st.lists(st.fixed_dictionaries({k: st.integers(1, 4) for k in KODE}), min_size=1, max_size=50)


@settings(max_examples=200, deadline=None)
@given(jawaban=survei, desimal=st.sampled_from([2, 3]), penimbang=st.sampled_from(["tepat", "0,111"]))
def test_a_report_made_from_the_data_is_always_reproduced(jawaban, desimal, penimbang) -> None:
    h = hitung_ikm(jawaban, penimbang=penimbang)
    nrr = [format_angka(h.nrr[k], desimal) for k in KODE]  # the table as printed
    k = periksa_ikm_tercetak(nrr, format_angka(h.ikm))
    assert k.sesuai, k.pesan
    # The IKM recomputed from the printed NRR is within the tolerance derived from their precision.
    assert abs(ikm_dari_nrr([D(t.replace(",", ".")) for t in nrr], penimbang=penimbang).ikm - h.ikm) <= (
        D("0.13") if desimal == 2 else D("0.02")
    )


@settings(max_examples=200, deadline=None)
@given(jawaban=survei, geser=st.sampled_from([D("0.30"), D("0.50"), D("-0.45"), D("-1.00")]))
def test_a_report_off_by_more_than_rounding_is_flagged(jawaban, geser) -> None:
    # The exact IKM can sit anywhere in the 0,25-wide range the 2-decimal NRR allow, and 0,111 lowers it by
    # up to 0,10: an error beyond 0,26 upwards or 0,36 downwards can never be explained by rounding.
    h = hitung_ikm(jawaban)
    nrr = [format_angka(h.nrr[k], 2) for k in KODE]
    salah = h.ikm + geser
    if not D(25) <= salah <= D(100):
        return
    k = periksa_ikm_tercetak(nrr, format_angka(salah))
    assert not k.sesuai, k.pesan

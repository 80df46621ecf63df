"""Capaian (kinerja.domain.capaian): one table per rule, each row a worked example with its source
(docs/formulas.md "Capaian" gives the sources in full)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.domain import capaian as c


def _h(*args, **kwargs) -> tuple[str | None, str | None, str]:
    hasil = c.hitung(*args, **kwargs)
    mentah = None if hasil.mentah is None else str(hasil.mentah)
    nilai = None if hasil.nilai is None else str(hasil.nilai)
    return mentah, nilai, hasil.kode


# Positive polarity: R ÷ T × 100 (LKjIP practice; docs/formulas.md). The seed's two baselines.
@pytest.mark.parametrize(
    ("target", "realisasi", "harap"),
    [
        ("85", "80.33", "94.51"),  # IKM 2023 of Kecamatan Bajeng (printed "94,51%")
        (
            "74.25",
            "74.15",
            "99.87",
        ),  # Nilai SAKIP 2023 (printed "99.87%"; 74,25 is the only 2-decimal target giving it)
        ("100", "100", "100.00"),
        ("8", "10", "125.00"),
        ("3", "2", "66.67"),  # 66,666… rounded half up
        ("8", "0", "0.00"),  # a reported zero is a result, not "–"
    ],
)
def test_positif(target, realisasi, harap):
    assert _h(D(target), D(realisasi)) == (harap, harap, "positif")


# Negative polarity: (2T − R) ÷ T × 100 by default; T ÷ R × 100 when declared (docs/formulas.md).
@pytest.mark.parametrize(
    ("target", "realisasi", "rumus", "mentah", "nilai", "kode"),
    [
        ("10", "8", "selisih", "120.00", "120.00", "negatif_selisih"),  # fewer complaints than allowed
        ("10", "12", "selisih", "80.00", "80.00", "negatif_selisih"),
        ("10", "25", "selisih", "-50.00", "0.00", "negatif_selisih"),  # raw kept, shown value never below 0
        ("10", "8", "kebalikan", "125.00", "125.00", "negatif_kebalikan"),
        ("10", "12", "kebalikan", "83.33", "83.33", "negatif_kebalikan"),
        ("10", "0", "kebalikan", "100.00", "100.00", "negatif_kebalikan"),
    ],
)
def test_negatif(target, realisasi, rumus, mentah, nilai, kode):
    assert _h(D(target), D(realisasi), polaritas="negatif", rumus_negatif=rumus) == (mentah, nilai, kode)


# A cap keeps the raw capaian and shows the capped one (docs/formulas.md: none, 100, 110, 120).
@pytest.mark.parametrize(
    ("batas", "mentah", "nilai"),
    [
        (None, "125.00", "125.00"),
        ("100", "125.00", "100.00"),
        ("110", "125.00", "110.00"),
        ("120", "125.00", "120.00"),
    ],
)
def test_batas(batas, mentah, nilai):
    assert _h(D(8), D(10), batas=None if batas is None else D(batas))[:2] == (mentah, nilai)


# Range targets: met inside; outside, the nearer bound is the target (docs/formulas.md, PermenPANRB SKP rule).
@pytest.mark.parametrize(
    ("realisasi", "polaritas", "harap"),
    [
        ("85", "positif", "100.00"),
        ("80", "positif", "100.00"),
        ("90", "positif", "100.00"),
        ("72", "positif", "90.00"),  # 72 ÷ 80
        ("99", "positif", "110.00"),  # 99 ÷ 90
        ("99", "negatif", "90.00"),  # (2 × 90 − 99) ÷ 90
    ],
)
def test_rentang(realisasi, polaritas, harap):
    assert _h(D(80), D(realisasi), polaritas=polaritas, target_atas=D(90)) == (harap, harap, "rentang")


# Target 0 (docs/formulas.md, one implementation; negative polarity: no source, the project's choice).
@pytest.mark.parametrize(
    ("realisasi", "polaritas", "batas", "harap"),
    [
        ("3", "positif", None, "100.00"),
        ("3", "positif", "120", "120.00"),
        ("0", "positif", None, None),  # not rated
        ("0", "negatif", None, "100.00"),
        ("2", "negatif", None, "0.00"),
    ],
)
def test_target_nol(realisasi, polaritas, batas, harap):
    hasil = c.hitung(D(0), D(realisasi), polaritas=polaritas, batas=None if batas is None else D(batas))
    assert (None if hasil.nilai is None else str(hasil.nilai)) == harap


def test_tanpa_realisasi_atau_target_adalah_strip():
    for hasil in (c.hitung(D(85), None), c.hitung(None, D(80))):
        assert (hasil.mentah, hasil.nilai, hasil.rumus) == (None, None, "–")
        assert hasil.keterangan


def test_rumus_dengan_angka_tercetak():
    assert c.hitung(D(85), D("80.33")).rumus == "R ÷ T × 100 = 80,33 ÷ 85 × 100"
    assert (
        c.hitung(D(10), D(12), polaritas="negatif").rumus == "(2T − R) ÷ T × 100 = (2 × 10 − 12) ÷ 10 × 100"
    )
    assert c.hitung(D(85), D("80.33")).to_json() == {
        "capaian_mentah": "94.51",
        "capaian": "94.51",
        "kode_rumus": "positif",
        "rumus": "R ÷ T × 100 = 80,33 ÷ 85 × 100",
        "keterangan": "",
    }


# Predicates through their ordinal scale (no authoritative formula: docs/formulas.md [open]).
@pytest.mark.parametrize(
    ("target", "realisasi", "skala", "harap"),
    [
        ("BB", "BB", "sakip", "100.00"),
        ("BB", "B", "sakip", "80.00"),  # rank 4 ÷ 5
        ("BB", "A", "sakip", "120.00"),
        ("B", "A", "ikm", "133.33"),
        ("Baik", "Sangat Baik", "ikm", "133.33"),
        ("WTP", "WDP", "opini", "75.00"),
        ("wtp", "Wajar Tanpa Pengecualian", "opini", "100.00"),
    ],
)
def test_predikat(target, realisasi, skala, harap):
    hasil = c.hitung_predikat(target, realisasi, skala=skala)
    assert (str(hasil.nilai), hasil.kode) == (harap, "predikat")
    assert f"skala {skala}" in hasil.rumus


@pytest.mark.parametrize(
    ("target", "skala"),
    [("BB", "sakip"), ("Baik", "ikm"), ("WTP", "opini"), ("B", "sakip"), ("Luar biasa", None)],
)
def test_cari_skala(target, skala):
    # A bare letter (A–D) is on both the SAKIP and the IKM scale: the SAKIP one is found first; an
    # indikator declares its scale when it is the IKM mutu.
    assert c.cari_skala(target) == skala


def test_predikat_yang_tidak_dikenal_adalah_strip():
    assert c.hitung_predikat("BB", "X").nilai is None
    assert c.hitung_predikat("Luar biasa", "BB").nilai is None
    assert c.hitung_predikat("BB", None).nilai is None


# Consolidating the quarters (Kemenkeu "jenis konsolidasi": sum, average, last; docs/formulas.md).
@pytest.mark.parametrize(
    ("nilai", "cara", "harap"),
    [
        (["2", "3", None, "5"], "jumlah", "10"),
        (["2", "3", None, "5"], "rata_rata", "3.333333333333333333333333333"),
        (["60", "70", "85", None], "terakhir", "85"),
        ([None, None], "jumlah", None),
    ],
)
def test_konsolidasi(nilai, cara, harap):
    hasil = c.konsolidasi([None if v is None else D(v) for v in nilai], cara)
    assert (None if hasil is None else str(hasil)) == harap


def test_konsolidasi_yang_tidak_dikenal():
    with pytest.raises(ValueError, match="tidak dikenal"):
        c.konsolidasi([D(1)], "median")  # type: ignore[arg-type]


def test_capaian_sasaran_rata_rata_tanpa_strip():
    assert c.rata_rata([c.hitung(D(85), D("80.33")), c.hitung(D(100), None), D(100)]) == D("97.26")
    assert c.rata_rata([c.hitung(D(100), None)]) is None


# Category bands (Renja/RKPD evaluation, LKjIP practice; docs/formulas.md).
@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("120", "ST"),
        ("91", "ST"),
        ("90.99", "T"),
        ("76", "T"),
        ("75.99", "S"),
        ("66", "S"),
        ("65", "R"),
        ("51", "R"),
        ("50.99", "SR"),
        ("0", "SR"),
    ],
)
def test_kategori(nilai, kode):
    assert c.kategori(D(nilai)).kode == kode


def test_kategori_strip_dan_pita_sendiri():
    assert c.kategori(None) is None and c.kategori(c.hitung(D(1), None)) is None
    dua = (c.Pita(D(100), "T", "Tercapai", "✓"), c.Pita(None, "B", "Belum", "✗"))
    assert c.kategori(D(100), dua).kode == "T" and c.kategori(D("99.99"), dua).kode == "B"


# The bulk path (`nilai`) gives exactly `hitung`'s capped value, over a grid of every rule.
_GRID_T = [None, D(0), D(8), D("84.00"), D("0.5")]
_GRID_R = [None, D(0), D(-1), D(7), D("80.33"), D(12), D("0.25")]


@pytest.mark.parametrize("polaritas", ["positif", "negatif"])
@pytest.mark.parametrize("rumus", ["selisih", "kebalikan"])
@pytest.mark.parametrize("atas", [None, D(10)])
@pytest.mark.parametrize("batas", [None, D(100), D(110), D(120)])
def test_nilai_sama_dengan_hitung(polaritas, rumus, atas, batas):
    for t in _GRID_T:
        for r in _GRID_R:
            kwargs = {"polaritas": polaritas, "rumus_negatif": rumus, "target_atas": atas, "batas": batas}
            assert c.nilai(t, r, **kwargs) == c.hitung(t, r, **kwargs).nilai, (t, r, kwargs)


def test_pilihan_dan_predikat_dikenal():
    assert c.pilihan_predikat("BB") == ["AA", "A", "BB", "B", "CC", "C", "D"]
    assert c.pilihan_predikat("WTP")[0] == "WTP"
    assert c.pilihan_predikat("tinggi") == []
    assert c.predikat_dikenal("BB", "a") and not c.predikat_dikenal("BB", "WTP")
    assert not c.predikat_dikenal("tinggi", "A")

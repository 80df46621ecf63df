"""Monitoring: deadlines, targets and realisasi to date, capaian per triwulan and year, budget,
plausibility (docs/formulas.md "Pemantauan"). Worked examples computed by hand."""

from datetime import date
from decimal import Decimal as D

import pytest

from kinerja.domain import pantau as p


@pytest.mark.parametrize(
    ("tahun", "tw", "hari", "tenggat"),
    [
        (2024, 1, 10, date(2024, 4, 10)),
        (2024, 2, 10, date(2024, 7, 10)),
        (2024, 3, 10, date(2024, 10, 10)),
        (2024, 4, 10, date(2025, 1, 10)),  # TW IV: January of the next year
        (2024, 1, 31, date(2024, 4, 30)),  # a day past the month's end: its last day
        (2024, 2, 0, date(2024, 7, 1)),
    ],
)
def test_tenggat(tahun, tw, hari, tenggat):
    assert p.tenggat(tahun, tw, hari) == tenggat


def test_terkunci_the_day_after_the_deadline():
    assert not p.terkunci(2024, 1, date(2024, 4, 10))
    assert p.terkunci(2024, 1, date(2024, 4, 11))
    with pytest.raises(ValueError):
        p.tenggat(2024, 5)


@pytest.mark.parametrize(
    ("tanggal", "tw", "akhir"),
    [
        (date(2024, 1, 1), 1, date(2024, 3, 31)),
        (date(2024, 6, 30), 2, date(2024, 6, 30)),
        (date(2024, 7, 1), 3, date(2024, 9, 30)),
        (date(2024, 12, 31), 4, date(2024, 12, 31)),
    ],
)
def test_triwulan_dari_dan_akhir(tanggal, tw, akhir):
    assert p.triwulan_dari(tanggal) == tw
    assert p.akhir_triwulan(2024, tw) == akhir
    assert p.nama_triwulan(tw).startswith("Triwulan ")


# target up to a triwulan ------------------------------------------------------------------------
KUM = p.IndikatorPantau(target=D(100), target_triwulan=(D(25), D(50), D(75), D(100)))
PER = p.IndikatorPantau(
    target=D(100),
    target_triwulan=(D(25), D(25), D(25), D(25)),
    sifat_target="triwulanan",
    konsolidasi="jumlah",
)
TANPA = p.IndikatorPantau(target=D(85))


@pytest.mark.parametrize(
    ("ind", "tw", "target"),
    [
        (KUM, 1, D(25)),
        (KUM, 3, D(75)),
        (PER, 2, D(50)),  # per triwulan, summed like the realisasi
        (PER, 4, D(100)),
        (TANPA, 2, D(85)),  # no plan: the year target
        (p.IndikatorPantau(target=D(10), target_triwulan=(D(2), None, None, None)), 3, D(10)),
    ],
)
def test_target_sampai(ind, tw, target):
    assert p.target_sampai(ind, tw) == target


@pytest.mark.parametrize(
    ("nilai", "tw", "cara", "hasil"),
    [
        ([D(10), D(20), None, None], 2, "jumlah", D(30)),
        ([D(10), D(20), None, None], 3, "jumlah", None),  # TW III not reported: "–"
        ([D(10), None, D(30), None], 3, "jumlah", D(40)),  # the missing TW II left out, not 0
        ([D(10), None, D(30), None], 3, "rata_rata", D(20)),
        ([D(70), D(75), D(80), None], 3, "terakhir", D(80)),
    ],
)
def test_realisasi_sampai(nilai, tw, cara, hasil):
    assert p.realisasi_sampai(nilai, tw, cara) == hasil


# capaian per triwulan and year ------------------------------------------------------------------
def test_capaian_triwulan_positive_cumulative():
    # TW II: R 45 vs cumulative target 50 → 90,00%
    hasil = p.capaian_triwulan(KUM, [D(20), D(45), None, None], 2)
    assert hasil.nilai == D("90.00")
    assert "45 ÷ 50" in hasil.rumus


def test_capaian_triwulan_sum_of_quarters():
    # per-quarter 25 each, summed: TW III realisasi 20+30+25 = 75 vs target 75 → 100%
    assert p.capaian_triwulan(PER, [D(20), D(30), D(25), None], 3).nilai == D("100.00")


def test_capaian_triwulan_missing_is_dash():
    hasil = p.capaian_triwulan(KUM, [D(20), None, None, None], 2)
    assert hasil.nilai is None
    assert hasil.rumus == "–"


def test_capaian_tahun_negative_with_cap():
    ind = p.IndikatorPantau(target=D(10), polaritas="negatif", konsolidasi="rata_rata")
    # average of 6, 8, 7 (TW IV missing) = 7; (2×10 − 7) ÷ 10 × 100 = 130 → cap 120
    hasil = p.capaian_tahun(ind, [D(6), D(8), D(7), None], batas=D(120))
    assert (hasil.mentah, hasil.nilai) == (D("130.00"), D("120.00"))


def test_capaian_predikat_last_reported():
    ind = p.IndikatorPantau(target=None, target_predikat="BB")
    # B (rank 4) against BB (rank 5): 80%
    assert p.capaian_tahun(ind, [], predikat=["", "B", "", ""]).nilai == D("80.00")
    assert p.capaian_triwulan(ind, [], 2, predikat=["", "BB", "", ""]).nilai == D("100.00")
    assert p.capaian_triwulan(ind, [], 1, predikat=["", "BB", "", ""]).nilai is None
    assert ind.predikat and not KUM.predikat


def test_capaian_rentang_uses_year_range_without_a_plan():
    ind = p.IndikatorPantau(target=D(80), target_atas=D(90))
    assert p.capaian_triwulan(ind, [D(85), None, None, None], 1).nilai == D("100.00")
    assert p.capaian_tahun(ind, [D(72), None, None, None]).nilai == D("90.00")  # below: 72 ÷ 80


def test_target_nol():
    ind = p.IndikatorPantau(target=D(0), konsolidasi="jumlah")
    assert p.capaian_tahun(ind, [D(0), D(0), D(0), D(0)]).nilai is None
    assert p.capaian_tahun(ind, [D(1), None, None, None]).nilai == D("100.00")


# budget ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pagu", "realisasi", "serapan", "efisiensi"),
    [
        (D("1521097505"), D("1369000000"), D("90.00"), D("10.00")),
        (D(1000), D(1000), D("100.00"), D("0.00")),
        (D(1000), None, None, None),
        (None, D(5), None, None),
        (D(0), D(5), None, None),
    ],
)
def test_serapan_efisiensi(pagu, realisasi, serapan, efisiensi):
    assert p.serapan(pagu, realisasi) == serapan
    assert p.efisiensi(pagu, realisasi) == efisiensi


@pytest.mark.parametrize(
    ("capaian", "serapan", "indeks"),
    [
        (D("94.51"), D("90.00"), D("1.05")),
        (D(100), D(100), D("1.00")),
        (D(50), D(0), None),
        (None, D(5), None),
    ],
)
def test_indeks_efisiensi(capaian, serapan, indeks):
    assert p.indeks_efisiensi(capaian, serapan) == indeks


# plausibility -----------------------------------------------------------------------------------
def _kode(hasil):
    return [w.kode for w in hasil]


def test_kumulatif_turun():
    assert _kode(p.periksa_realisasi(KUM, 2, D(15), [D(20)])) == ["PAN-001"]
    assert _kode(p.periksa_realisasi(KUM, 2, D(45), [D(20)])) == []
    # a sum indicator may go down from one quarter to the next
    assert _kode(p.periksa_realisasi(PER, 2, D(15), [D(20)])) == []


def test_persen_lebih_dari_100():
    ind = p.IndikatorPantau(target=D(95), satuan="%")
    assert _kode(p.periksa_realisasi(ind, 1, D("101.5"), [])) == ["PAN-002"]
    assert _kode(p.periksa_realisasi(ind, 1, D("99.5"), [])) == []
    # a target above 100% (a growth index) may be exceeded
    assert _kode(p.periksa_realisasi(p.IndikatorPantau(target=D(120), satuan="%"), 1, D(130), [])) == []


@pytest.mark.parametrize(
    ("nilai", "sebelumnya", "dugaan"),
    [
        (D(8033), [], "80,33"),  # "80,33" typed as 8033: ×100 from the target 85
        (D("0.8"), [D(80)], "80"),
        (D(85000), [D(84)], "85"),
    ],
)
def test_selip_koma(nilai, sebelumnya, dugaan):
    ind = p.IndikatorPantau(target=D(85))
    hasil = p.periksa_realisasi(ind, len(sebelumnya) + 1, nilai, sebelumnya)
    assert "PAN-003" in _kode(hasil)
    assert f"maksudnya {dugaan}?" in hasil[-1].pesan


def test_bukan_selip():
    ind = p.IndikatorPantau(target=D(85))
    assert p.periksa_realisasi(ind, 2, D(80), [D(79)]) == []
    assert p.periksa_realisasi(ind, 1, None, []) == []


def test_anggaran_hampir_habis():
    assert _kode(p.periksa_anggaran(D(1000), D(960))) == ["PAN-004"]
    assert p.periksa_anggaran(D(1000), D(900)) == []
    assert p.periksa_anggaran(D(1000), D(1001)) == []  # over the pagu: refused by the service
    assert p.periksa_anggaran(None, D(5)) == []


@pytest.mark.parametrize(
    "ind",
    [
        KUM,
        PER,
        TANPA,
        p.IndikatorPantau(target=D(10), polaritas="negatif", konsolidasi="rata_rata"),
        p.IndikatorPantau(target=D(80), target_atas=D(90)),
        p.IndikatorPantau(target=D(0), konsolidasi="jumlah"),
        p.IndikatorPantau(target=None, target_predikat="BB"),
    ],
)
@pytest.mark.parametrize("batas", [None, D(110)])
def test_nilai_sama_dengan_capaian(ind, batas):
    nilai = [D(30), None, D("80.5"), D(100)]
    predikat = ["B", "", "A", "BB"]
    for tw in p.TRIWULAN:
        harap = p.capaian_triwulan(ind, nilai, tw, predikat=predikat, batas=batas).nilai
        assert p.nilai_triwulan(ind, nilai, tw, predikat=predikat, batas=batas) == harap
    harap = p.capaian_tahun(ind, nilai, predikat=predikat, batas=batas).nilai
    assert p.nilai_tahun(ind, nilai, predikat=predikat, batas=batas) == harap

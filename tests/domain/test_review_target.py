"""Rules PK-TGT (targets): each fires with the exact places and values, and stays silent when right.

In the corrected seed: sasaran[0].indikator[0] is the IKM (84,00 (Baik)), sasaran[1].indikator[0] Nilai
SAKIP (74,50 (BB)); penjelasan[0] explains Nilai SAKIP, penjelasan[1] the IKM.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.domain.pk import Baseline
from kinerja.domain.review_target import skala_indikator, target_dalam_penjelasan
from tests.domain.test_review import (
    Kasus,
    ganti_indikator,
    ganti_penjelasan,
    ganti_target,
    periksa,
    pk_benar,
    pk_dari,
)

IKM = "sasaran[0].indikator[0]"
SAKIP = "sasaran[1].indikator[0]"


def _ikm(teks: str):
    return lambda: ganti_target(pk_benar(), 0, 0, teks)


def _sakip(teks: str):
    return lambda: ganti_target(pk_benar(), 1, 0, teks)


def _indikator(si: int, uraian: str, target: str):
    return lambda: ganti_target(ganti_indikator(pk_benar(), si, 0, uraian=uraian), si, 0, target)


def _baseline(pi: int, *baseline: Baseline):
    return lambda: ganti_penjelasan(pk_benar(), pi, baseline=baseline)


def _teks_ikm(lama: str, baru: str):
    """Replace a phrase in the IKM explanation (Lampiran 2)."""
    return lambda: pk_dari((lama, baru))


D = Decimal

KASUS = [
    # PK-TGT-001: predicate vs value (IKM 14/2017, SAKIP 88/2021 with lower bound exclusive)
    Kasus(
        "ikm-88-35-bukan-b",
        "PK-TGT-001",
        _ikm("88,35 (B)"),
        jalur=(IKM,),
        nilai={IKM: "88,35 (B)", "tercetak": "B", "seharusnya": "A (Sangat Baik)"},
        pesan=("PermenPANRB 14/2017", "berpredikat A (Sangat Baik; 88,31–100,00)"),
        saran=("“88,35 (A)”", "predikat B (76,61–88,30)"),
    ),
    Kasus(
        "ikm-76-60-kurang-baik",
        "PK-TGT-001",
        _ikm("76,60 (Baik)"),
        nilai={"seharusnya": "C (Kurang Baik)"},
        saran=("“76,60 (Kurang Baik)”",),
    ),
    Kasus("ikm-skala-1-4", "PK-TGT-001", _ikm("3,60 (B)"), nilai={"seharusnya": "A (Sangat Baik)"}),
    Kasus("ikm-dengan-kode-sakip", "PK-TGT-001", _ikm("84,00 (BB)"), nilai={"seharusnya": "B (Baik)"}),
    Kasus(
        "sakip-80-bukan-a",
        "PK-TGT-001",
        _sakip("80,00 (A)"),
        jalur=(SAKIP,),
        nilai={SAKIP: "80,00 (A)", "seharusnya": "BB (Sangat Baik)"},
        pesan=("PermenPANRB 88/2021", "lebih dari 70,00 s.d. 80,00"),
    ),
    Kasus("sakip-80-01-bukan-bb", "PK-TGT-001", _sakip("80,01 (BB)"), nilai={"seharusnya": "A (Memuaskan)"}),
    Kasus("sakip-70-adalah-b", "PK-TGT-001", _sakip("70,00 (BB)"), nilai={"seharusnya": "B (Baik)"}),
    Kasus(
        "sakip-label",
        "PK-TGT-001",
        _sakip("74,50 (Memuaskan)"),
        nilai={"seharusnya": "BB (Sangat Baik)"},
        saran=("“74,50 (Sangat Baik)”",),
    ),
    Kasus(
        "kolom-lampiran-2",
        "PK-TGT-001",
        lambda: ganti_penjelasan(pk_benar(), 1, target="88,35 (B)"),
        jalur=("penjelasan[1].target",),
        nilai={"penjelasan[1].target": "88,35 (B)"},
    ),
    *[
        Kasus(f"benar-{t}", "PK-TGT-001", f, jumlah=0)
        for t, f in [
            ("84-baik", _ikm("84,00 (Baik)")),
            ("84-b", _ikm("84,00 (B)")),
            ("88-31-a", _ikm("88,31 (A)")),
            ("88-30-b", _ikm("88,30 (Baik)")),
            ("76-61-b", _ikm("76,61 (B)")),
            ("3-50-b", _ikm("3,50 (B)")),
            ("80-bb", _sakip("80,00 (BB)")),
            ("80-01-a", _sakip("80,01 (A)")),
            ("90-01-aa", _sakip("90,01 (AA)")),
            ("bb-sangat-baik", _sakip("74,50 (Sangat Baik)")),
            ("30-d", _sakip("30,00 (D)")),
            ("cukup", _sakip("55,00 (Cukup)")),
            ("bukan-skala", _indikator(2, "Indeks Reformasi Birokrasi", "85 (B)")),
            ("persentase-skm", _indikator(2, "Persentase hasil SKM yang ditindaklanjuti", "100% (A)")),
        ]
    ],
    # PK-TGT-002: a misspelt predicate word
    Kasus(
        "balk",
        "PK-TGT-002",
        _ikm("84,00 (Balk)"),
        jalur=(IKM,),
        nilai={IKM: "84,00 (Balk)", "tercetak": "Balk", "seharusnya": "Baik"},
        pesan=("“Balk”", "maksudnya “Baik”"),
        saran=("Ganti “Balk” dengan “Baik”",),
    ),
    Kasus(
        "balk-lampiran-2",
        "PK-TGT-002",
        lambda: ganti_penjelasan(pk_benar(), 1, target="84,00 (Balk)"),
        jalur=("penjelasan[1].target",),
    ),
    Kasus("sangat-balk", "PK-TGT-002", _ikm("90,00 (Sangat Balk)"), nilai={"seharusnya": "Sangat Baik"}),
    Kasus("baik", "PK-TGT-002", pk_benar, jumlah=0),
    # PK-TGT-003: an unknown predicate word
    Kasus(
        "bagus",
        "PK-TGT-003",
        _ikm("84,00 (Bagus)"),
        jalur=(IKM,),
        nilai={"tercetak": "Bagus"},
        saran=("Sangat Baik, Baik, Kurang Baik, Tidak Baik",),
    ),
    Kasus(
        "sakip-tanpa-angka",
        "PK-TGT-003",
        _sakip("Sangat Bagus"),
        nilai={"tercetak": "Sangat Bagus"},
        saran=("AA, A, BB",),
    ),
    Kasus("terbilang", "PK-TGT-003", _ikm("84 (delapan puluh empat)"), jumlah=0),
    Kasus("tanpa-predikat", "PK-TGT-003", _ikm("84,00"), jumlah=0),
    Kasus("bukan-indeks", "PK-TGT-003", _indikator(2, "Jumlah sarana pelayanan", "8 unit (baru)"), jumlah=0),
    # PK-TGT-004: the unit does not fit the indicator's name
    Kasus(
        "persentase-dalam-unit",
        "PK-TGT-004",
        _indikator(3, "Persentase layanan yang memiliki SOP", "14 SOP"),
        jalur=("sasaran[3].indikator[0]",),
        nilai={"sasaran[3].indikator[0]": "14 SOP"},
        pesan=("indikator persentase bertarget dalam satuan “SOP”",),
    ),
    Kasus("persentase-predikat", "PK-TGT-004", _indikator(3, "Persentase layanan yang memiliki SOP", "Baik")),
    Kasus(
        "jumlah-persen",
        "PK-TGT-004",
        _indikator(2, "Jumlah sarana dan prasarana yang memadai", "80%"),
        pesan=("indikator jumlah bertarget persen",),
    ),
    Kasus(
        "jumlah-pecahan",
        "PK-TGT-004",
        _indikator(10, "Jumlah tim penyusunan SOP", "1,5 tim"),
        pesan=("bilangan bulat",),
    ),
    Kasus("persen-benar", "PK-TGT-004", pk_benar, jumlah=0),
    Kasus(
        "persen-tanpa-tanda",
        "PK-TGT-004",
        _indikator(3, "Persentase layanan yang memiliki SOP", "100"),
        jumlah=0,
    ),
    Kasus(
        "panjang-jalan", "PK-TGT-004", _indikator(2, "Jumlah panjang jalan yang dibangun", "2,5 km"), jumlah=0
    ),
    # PK-TGT-005: a count without a unit
    Kasus(
        "jumlah-tanpa-satuan",
        "PK-TGT-005",
        _indikator(16, "Jumlah usulan masyarakat", "56"),
        jalur=("sasaran[16].indikator[0]",),
        nilai={"sasaran[16].indikator[0]": "56"},
        saran=("“56 unit”",),
    ),
    Kasus("jumlah-bersatuan", "PK-TGT-005", pk_benar, jumlah=0),
    # PK-TGT-006: a share over 100%
    Kasus(
        "lebih-100",
        "PK-TGT-006",
        _indikator(15, "Persentase pengaduan yang ditindaklanjuti", "120%"),
        jalur=("sasaran[15].indikator[0]",),
        nilai={"sasaran[15].indikator[0]": "120%"},
        pesan=("lebih dari 100%",),
    ),
    Kasus(
        "pertumbuhan",
        "PK-TGT-006",
        _indikator(15, "Persentase peningkatan PAD yang diterima", "120%"),
        jumlah=0,
    ),
    Kasus("tanpa-yang", "PK-TGT-006", _indikator(4, "Persentase capaian target kinerja", "110%"), jumlah=0),
    Kasus("tepat-100", "PK-TGT-006", pk_benar, jumlah=0),
    # PK-TGT-013: other names of a part of a whole over 100% (a peringatan: ratios may exceed 100)
    Kasus(
        "terhadap-lebih-100",
        "PK-TGT-013",
        _indikator(15, "Prosentase SDM perencana terhadap kebutuhan ideal", "110%"),
        jalur=("sasaran[15].indikator[0]",),
        nilai={"sasaran[15].indikator[0]": "110%"},
        pesan=("lebih dari 100%", "bagian dari suatu keseluruhan"),
    ),
    Kasus("proporsi", "PK-TGT-013", _indikator(15, "Proporsi desa mandiri", "105 persen"), jumlah=1),
    Kasus(
        "rasio-terhadap",
        "PK-TGT-013",
        _indikator(15, "Rasio PAD terhadap total pendapatan", "120%"),
        jumlah=1,
    ),
    Kasus("rasio-saja", "PK-TGT-013", _indikator(15, "Rasio guru dan murid", "120%"), jumlah=0),
    Kasus("pertumbuhan-13", "PK-TGT-013", _indikator(15, "Persentase pertumbuhan ekonomi", "120%"), jumlah=0),
    Kasus(
        "yang-milik-006",
        "PK-TGT-013",
        _indikator(15, "Persentase pengaduan yang ditindaklanjuti", "120%"),
        jumlah=0,
    ),
    Kasus("seratus-13", "PK-TGT-013", _indikator(15, "Proporsi desa mandiri", "100%"), jumlah=0),
    # PK-TGT-014: a target of two quantities (Cimahi 2018), not a category
    Kasus(
        "dua-besaran",
        "PK-TGT-014",
        _indikator(15, "Jumlah Unit Kendaraan", "27 unit 1 tahun"),
        jalur=("sasaran[15].indikator[0]",),
        nilai={"sasaran[15].indikator[0]": "27 unit 1 tahun"},
        pesan=("lebih dari satu besaran", "tidak dapat dihitung"),
    ),
    Kasus(
        "dua-besaran-koma", "PK-TGT-014", _indikator(15, "Jumlah Dokumen", "1 dokumen, 70 orang"), jumlah=1
    ),
    Kasus("satu-besaran", "PK-TGT-014", _indikator(15, "Jumlah Dokumen", "5 kali penilaian"), jumlah=0),
    Kasus("kategori", "PK-TGT-014", _indikator(15, "Opini BPK atas LKPD", "WTP"), jumlah=0),
    Kasus("level", "PK-TGT-014", _indikator(15, "Level kapabilitas APIP", "III"), jumlah=0),
    # PK-TGT-007: Lampiran 1 vs Lampiran 2
    Kasus(
        "teks-penjelasan",
        "PK-TGT-007",
        _sakip("80,00 (BB)"),
        jalur=(SAKIP, "penjelasan[0].penjelasan_target"),
        nilai={SAKIP: "80,00 (BB)", "penjelasan[0].penjelasan_target": "74,50"},
        pesan=("Target “Nilai SAKIP” berbeda", "menargetkan Nilai SAKIP yaitu 74,50"),
    ),
    Kasus(
        "kolom-target",
        "PK-TGT-007",
        lambda: ganti_penjelasan(pk_benar(), 1, target="85,00 (Baik)"),
        jalur=(IKM, "penjelasan[1].target"),
        nilai={IKM: "84,00 (Baik)", "penjelasan[1].target": "85,00 (Baik)"},
    ),
    Kasus(
        "kolom-predikat",
        "PK-TGT-007",
        lambda: ganti_penjelasan(pk_benar(), 0, target="A"),
        jalur=(SAKIP, "penjelasan[0].target"),
        nilai={"penjelasan[0].target": "A"},
    ),
    Kasus(
        "kalimat-banyak-angka",
        "PK-TGT-007",
        lambda: ganti_penjelasan(
            pk_benar(),
            1,
            penjelasan_target="Untuk tahun 2024 ditargetkan 84,00 yaitu 9 unsur dengan 1 survei.",
        ),
        jumlah=0,
    ),
    Kasus(
        "angka-di-nama-indikator",
        "PK-TGT-007",
        lambda: ganti_penjelasan(
            ganti_indikator(pk_benar(), 0, 0, uraian="Indeks Kepuasan Masyarakat 9 unsur"),
            1,
            indikator="Indeks Kepuasan Masyarakat 9 unsur",
            penjelasan_target="Untuk tahun 2024 ditargetkan Indeks Kepuasan Masyarakat 9 unsur sebesar 84,00.",
        ),
        jumlah=0,
    ),
    Kasus(
        "predikat-setara",
        "PK-TGT-007",
        lambda: ganti_penjelasan(pk_benar(), 0, target="Sangat Baik"),
        jumlah=0,
    ),
    Kasus("sama", "PK-TGT-007", pk_benar, jumlah=0),
    # PK-TGT-008: "rises"/"falls" against the numbers
    Kasus(
        "meningkat-padahal-turun",
        "PK-TGT-008",
        _teks_ikm("Target ini menurun dari", "Target ini meningkat dari"),
        jalur=(IKM, "penjelasan[1].penjelasan_target"),
        nilai={IKM: "84,00 (Baik)", "target_2023": "85"},
        pesan=("“meningkat”", "tidak lebih tinggi dari 85"),
        saran=("menurun dari target tahun 2023 sebesar 85",),
    ),
    Kasus(
        "menurun-padahal-naik",
        "PK-TGT-008",
        lambda: ganti_target(pk_benar(), 0, 0, "86,00 (Baik)"),
        pesan=("“menurun”", "tidak lebih rendah dari 85"),
    ),
    Kasus(
        "di-bawah-realisasi",
        "PK-TGT-008",
        _teks_ikm(
            "Target ini menurun dari target tahun sebelumnya (2023) dengan nilai 85 (Baik)",
            "Target ini di bawah realisasi tahun sebelumnya (2023) dengan nilai 85 (Baik)",
        ),
        nilai={"realisasi_2023": "80,33"},
    ),
    Kasus("menurun-benar", "PK-TGT-008", pk_benar, jumlah=0),
    Kasus(
        "meningkat-benar",
        "PK-TGT-008",
        lambda: pk_dari(("Target ini menurun dari", "Target ini meningkat dari"), ("84,00", "86,00")),
        jumlah=0,
    ),
    Kasus(
        "tanpa-target-lalu",
        "PK-TGT-008",
        _baseline(1, Baseline(2023, None, D("80.33"), D("94.51"))),
        jumlah=0,
    ),
    # PK-TGT-009: capaian = realisasi / target × 100, within the printed precision
    Kasus(
        "capaian-salah",
        "PK-TGT-009",
        _baseline(1, Baseline(2023, D("85"), D("80.33"), D("90.00"))),
        jalur=("penjelasan[1].baseline[0]",),
        nilai={"dihitung": "94,51%"},
        pesan=("tertulis 90,00%", "memberi 94,51%"),
    ),
    Kasus(
        "presisi-target",
        "PK-TGT-009",
        _baseline(1, Baseline(2023, D("85.00"), D("80.33"), D("94.60"))),
        nilai={"dihitung": "94,51%"},
    ),
    Kasus(
        "pembulatan-target-bulat",
        "PK-TGT-009",
        _baseline(1, Baseline(2023, D("85"), D("80.33"), D("94.60"))),
        jumlah=0,
    ),
    Kasus("capaian-benar", "PK-TGT-009", pk_benar, jumlah=0),
    Kasus(
        "polaritas-negatif", "PK-TGT-009", _baseline(1, Baseline(2023, D("10"), D("8"), D("120"))), jumlah=0
    ),
    # PK-TGT-010: the previous target implied by realisasi and capaian
    Kasus(
        "tersirat",
        "PK-TGT-010",
        _baseline(0, Baseline(2023, None, D("74.15"), D("99.87"))),
        jalur=("penjelasan[0].baseline[0]",),
        nilai={"tersirat": "74,25", "realisasi_2023": "74,15", "capaian_2023": "99,87%"},
        pesan=("74,15 ÷ 99,87%",),
    ),
    Kasus("disebut", "PK-TGT-010", pk_benar, jumlah=0),
    # PK-TGT-011: outside the scale
    Kasus("ikm-125", "PK-TGT-011", _ikm("125,00"), jalur=(IKM,), pesan=("25–100",)),
    Kasus("ikm-12", "PK-TGT-011", _ikm("12,00")),
    Kasus("sakip-105", "PK-TGT-011", _sakip("105")),
    Kasus("ikm-ni", "PK-TGT-011", _ikm("3,50"), jumlah=0),
    Kasus("dalam-skala", "PK-TGT-011", pk_benar, jumlah=0),
    # PK-TGT-012: no target
    Kasus("kosong", "PK-TGT-012", _ikm(""), jalur=(IKM,), nilai={IKM: ""}),
    Kasus("ada", "PK-TGT-012", pk_benar, jumlah=0),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k.kode}-{k.id}")
def test_aturan_target(kasus):
    periksa(kasus)


@pytest.mark.parametrize(
    ("uraian", "skala"),
    [
        ("Indeks Kepuasan Masyarakat (IKM)", "ikm"),
        ("Nilai IKM Kecamatan", "ikm"),
        ("Nilai SAKIP", "sakip"),
        ("Nilai AKIP Perangkat Daerah", "sakip"),
        ("Nilai Akuntabilitas Kinerja", "sakip"),
        ("Persentase hasil SKM yang ditindaklanjuti", None),
        ("Jumlah pengguna layanan yang mengisi kuesioner IKM", None),
        ("Indeks Reformasi Birokrasi", None),
    ],
)
def test_skala_indikator(uraian, skala):
    assert skala_indikator(uraian) == skala


@pytest.mark.parametrize(
    ("teks", "tahun", "nilai"),
    [
        (
            "Untuk tahun 2024 Kecamatan Bajeng menargetkan Nilai SAKIP yaitu 74,50 kategori BB.",
            2024,
            D("74.50"),
        ),
        ("Untuk tahun 2024 ditargetkan nilai IKM sebesar 84,00 atau dengan predikat Baik.", 2024, D("84.00")),
        ("Target tahun 2024 adalah 90%.", 2024, D("90")),
        ("Target ini meningkat dari target tahun sebelumnya (2023) dengan nilai 85.", 2024, None),
        ("Target tahun 2023 sebesar 85.", 2024, None),
        ("Nilai IKM Tahun 2023 yaitu 80,33.", 2024, None),
        ("", 2024, None),
    ],
)
def test_target_dalam_penjelasan(teks, tahun, nilai):
    hasil = target_dalam_penjelasan(teks, tahun)
    assert (hasil.nilai if hasil else None) == nilai

"""Rules PK-STR (structure): each fires with the exact places and values, and stays silent when right."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kinerja.domain.pk import Indikator, Penjelasan, Sasaran
from kinerja.domain.pk_text import parse_target
from kinerja.domain.review import Opsi
from kinerja.domain.review_teks import angka_dari_kata
from tests.domain.test_review import Kasus, ganti_penjelasan, ganti_ttd, periksa, pk_benar, pk_dari

TOTAL = Decimal("5204765371.00")


def _tambah_sasaran(sasaran: Sasaran):
    return lambda: replace(pk_benar(), sasaran=(*pk_benar().sasaran, sasaran))


def _tanggal_pernyataan(tanggal: str, jenis: str = "murni"):
    def pk():
        p = replace(pk_benar(), tanggal=tanggal, jenis=jenis)  # type: ignore[arg-type]
        return ganti_ttd(ganti_ttd(p, 0, tanggal=tanggal), 1, tanggal=tanggal)

    return pk


def _tanggal_semua(tanggal: str, jenis: str = "murni"):
    return lambda: ganti_ttd(_tanggal_pernyataan(tanggal, jenis)(), 3, tanggal=tanggal)


def _uraian_ikm(uraian: str):
    return lambda: pk_dari(
        (
            "Meningkatnya kepuasan masyarakat terhadap pelayanan publik. Yang dimaksud",
            uraian + " Yang dimaksud",
        )
    )


IKM_BARU = Indikator("Indeks Kepuasan Masyarakat (IKM)", parse_target("84,00 (Baik)"), None)

KASUS = [
    # PK-STR-001
    Kasus(
        "sasaran-kosong",
        "PK-STR-001",
        _tambah_sasaran(Sasaran("kegiatan", "Terlaksananya pembinaan RT/RW", (), 70)),
        jalur=("sasaran[18]",),
        nilai={"sasaran[18]": "Terlaksananya pembinaan RT/RW"},
        pesan=("tidak memiliki indikator kinerja",),
    ),
    Kasus("semua-berindikator", "PK-STR-001", pk_benar, jumlah=0),
    # PK-STR-002
    Kasus(
        "sakip-tanpa-penjelasan",
        "PK-STR-002",
        lambda: replace(pk_benar(), penjelasan=pk_benar().penjelasan[1:]),
        jalur=("sasaran[1].indikator[0]",),
        pesan=("Indikator strategis “Nilai SAKIP”",),
    ),
    Kasus("tanpa-lampiran-2", "PK-STR-002", lambda: replace(pk_benar(), penjelasan=()), jumlah=0),
    Kasus("semua-dijelaskan", "PK-STR-002", pk_benar, jumlah=0),
    # PK-STR-003: one info finding listing them
    Kasus(
        "program-kegiatan",
        "PK-STR-003",
        pk_benar,
        nilai={"sasaran[2].indikator[0]": "Jumlah sarana dan prasarana yang memadai"},
        pesan=("16 indikator sasaran program/kegiatan", "dan 11 lainnya"),
    ),
    Kasus("tanpa-lampiran-2", "PK-STR-003", lambda: replace(pk_benar(), penjelasan=()), jumlah=0),
    Kasus(
        "hanya-strategis",
        "PK-STR-003",
        lambda: replace(pk_benar(), sasaran=pk_benar().sasaran[:2]),
        jumlah=0,
    ),
    # PK-STR-004: "memiliki Satu indikator"
    Kasus(
        "dua-padahal-satu",
        "PK-STR-004",
        lambda: ganti_penjelasan(pk_benar(), 0, jumlah_indikator_tertulis="Dua"),
        jalur=("penjelasan[0].jumlah_indikator_tertulis", "sasaran[1]"),
        nilai={"penjelasan[0].jumlah_indikator_tertulis": "Dua", "sasaran[1]": "1", "dijelaskan": "1"},
        pesan=("memiliki “Dua” indikator", "menjelaskan 1 indikator", "di Lampiran 1 memiliki 1 indikator"),
    ),
    Kasus(
        "sasaran-punya-dua",
        "PK-STR-004",
        lambda: replace(
            pk_benar(),
            sasaran=(
                pk_benar().sasaran[0],
                replace(pk_benar().sasaran[1], indikator=(*pk_benar().sasaran[1].indikator, IKM_BARU)),
                *pk_benar().sasaran[2:],
            ),
        ),
        jalur=("penjelasan[0].jumlah_indikator_tertulis", "sasaran[1]"),
        nilai={"sasaran[1]": "2"},
    ),
    Kasus(
        "angka",
        "PK-STR-004",
        lambda: ganti_penjelasan(pk_benar(), 0, jumlah_indikator_tertulis="1"),
        jumlah=0,
    ),
    Kasus(
        "tak-terbaca",
        "PK-STR-004",
        lambda: ganti_penjelasan(pk_benar(), 0, jumlah_indikator_tertulis="beberapa"),
        jumlah=0,
    ),
    Kasus("satu", "PK-STR-004", pk_benar, jumlah=0),
    # PK-STR-005: the same indicator twice
    Kasus(
        "ganda",
        "PK-STR-005",
        _tambah_sasaran(Sasaran("program", "Meningkatnya kualitas layanan", (IKM_BARU,), 70)),
        jalur=("sasaran[0].indikator[0]", "sasaran[18].indikator[0]"),
        pesan=("tertulis 2 kali", "pada tingkat program dan strategis"),
    ),
    Kasus("tanpa-ganda", "PK-STR-005", pk_benar, jumlah=0),
    # PK-STR-006: total anggaran
    Kasus(
        "total-salah",
        "PK-STR-006",
        lambda: replace(pk_benar(), total_anggaran_tercetak=TOTAL + 1),
        jalur=("total_anggaran", "program[0]", "program[1]", "program[2]"),
        nilai={
            "total_anggaran": "Rp 5.204.765.372,00",
            "jumlah_program": "Rp 5.204.765.371,00",
            "selisih": "Rp 1,00",
        },
        pesan=("selisih Rp 1,00", "lebih besar"),
    ),
    Kasus("total-benar", "PK-STR-006", lambda: replace(pk_benar(), total_anggaran_tercetak=TOTAL), jumlah=0),
    Kasus("tanpa-total", "PK-STR-006", pk_benar, jumlah=0),
    # PK-STR-007: the sasaran named in Lampiran 2
    Kasus(
        "sasaran-lain",
        "PK-STR-007",
        _uraian_ikm("Meningkatnya kepuasan masyarakat terhadap layanan pos pelayanan publik."),
        jalur=("sasaran[0]", "penjelasan[1].uraian_sasaran"),
        nilai={
            "sasaran[0]": "Meningkatnya kepuasan masyarakat terhadap pelayanan publik",
            "penjelasan[1].uraian_sasaran": "Meningkatnya kepuasan masyarakat terhadap layanan pos pelayanan publik",
        },
    ),
    Kasus(
        "sasaran-indikator-lain",
        "PK-STR-007",
        _uraian_ikm("Meningkatnya akuntabilitas penyelenggaraan pemerintahan kecamatan."),
        pesan=("itu sasaran lain di Lampiran 1",),
    ),
    Kasus(
        "huruf-dan-salah-ketik",
        "PK-STR-007",
        _uraian_ikm("MENINGKATNYA KEPUASAN MASYARAKAT TERHADAP PELAYANAN PUBLIC."),
        jumlah=0,
    ),
    Kasus("hanya-uraian", "PK-STR-007", _uraian_ikm("Yang dimaksud adalah kepuasan atas layanan."), jumlah=0),
    Kasus("sama", "PK-STR-007", pk_benar, jumlah=0),
    # PK-STR-008: no day
    Kasus(
        "tanpa-hari",
        "PK-STR-008",
        _tanggal_pernyataan("Januari 2024"),
        jalur=("tanggal", "tanda_tangan[0]", "tanda_tangan[1]"),
        nilai={"tanggal": "Januari 2024"},
        pesan=("“Januari 2024” tidak menyebut hari", "“2 Januari 2024”"),
    ),
    Kasus("lengkap", "PK-STR-008", pk_benar, jumlah=0),
    # PK-STR-009: outside the year
    Kasus(
        "tahun-berikutnya",
        "PK-STR-009",
        _tanggal_semua("2 Januari 2025"),
        jalur=("tanggal", "tanda_tangan[0]", "tanda_tangan[1]", "tanda_tangan[3]"),
        nilai={"tahun_pk": "2024"},
    ),
    Kasus("desember-sebelumnya-murni", "PK-STR-009", _tanggal_semua("30 Desember 2023"), jumlah=0),
    Kasus("desember-sebelumnya-perubahan", "PK-STR-009", _tanggal_semua("30 Desember 2023", "perubahan")),
    Kasus("november-sebelumnya", "PK-STR-009", _tanggal_semua("30 November 2023")),
    Kasus("tahun-sama", "PK-STR-009", pk_benar, jumlah=0),
    # PK-STR-010: PK murni later than one month into the year (configurable)
    Kasus(
        "maret",
        "PK-STR-010",
        _tanggal_semua("4 Maret 2024"),
        nilai={"batas": "akhir Januari 2024"},
        pesan=("PermenPANRB 53/2014",),
    ),
    Kasus(
        "maret-batas-3",
        "PK-STR-010",
        _tanggal_semua("4 Maret 2024"),
        jumlah=0,
        opsi=Opsi(batas_bulan_pk_murni=3),
    ),
    Kasus("februari-tanpa-hari", "PK-STR-010", _tanggal_semua("Februari 2024")),
    Kasus("perubahan", "PK-STR-010", _tanggal_semua("4 Agustus 2024", "perubahan"), jumlah=0),
    Kasus("januari", "PK-STR-010", pk_benar, jumlah=0),
    # PK-STR-011: different dates in the statement and the attachments
    Kasus(
        "beda-hari",
        "PK-STR-011",
        lambda: ganti_ttd(pk_benar(), 3, tanggal="5 Januari 2024"),
        jalur=("tanggal", "tanda_tangan[0]", "tanda_tangan[1]", "tanda_tangan[3]"),
        nilai={"tanda_tangan[3]": "5 Januari 2024", "tanggal": "2 Januari 2024"},
    ),
    Kasus("tanpa-hari-sebulan", "PK-STR-011", _tanggal_pernyataan("Januari 2024"), jumlah=0),
    Kasus("sama", "PK-STR-011", pk_benar, jumlah=0),
    # PK-STR-012: an explanation of an indicator not in Lampiran 1
    Kasus(
        "tidak-ada",
        "PK-STR-012",
        lambda: ganti_penjelasan(pk_benar(), 0, indikator="Nilai Reformasi Birokrasi"),
        jalur=("penjelasan[0]",),
        nilai={"penjelasan[0]": "Nilai Reformasi Birokrasi"},
    ),
    Kasus(
        "huruf-dan-singkatan",
        "PK-STR-012",
        lambda: ganti_penjelasan(pk_benar(), 1, indikator="INDEKS KEPUASAN MASYARAKAT"),
        jumlah=0,
    ),
    Kasus("ada", "PK-STR-012", pk_benar, jumlah=0),
    # PK-STR-013: a date that does not exist
    Kasus(
        "31-februari",
        "PK-STR-013",
        lambda: ganti_ttd(pk_benar(), 3, tanggal="31 Februari 2024"),
        jalur=("tanda_tangan[3]",),
    ),
    Kasus("ada", "PK-STR-013", pk_benar, jumlah=0),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k.kode}-{k.id}")
def test_aturan_struktur(kasus):
    periksa(kasus)


def test_penjelasan_without_tabel_is_left_alone():
    pk = replace(pk_benar(), sasaran=(), penjelasan=(Penjelasan("Nilai SAKIP"),))
    from kinerja.domain.review import review

    assert [t.kode for t in review(pk, kode=["PK-STR"])] == []


@pytest.mark.parametrize(
    ("teks", "angka"),
    [
        ("Satu", 1),
        ("**Dua**", 2),
        ("tiga", 3),
        ("sepuluh", 10),
        ("sebelas", 11),
        ("dua belas", 12),
        ("dua puluh satu", 21),
        ("3", 3),
        ("(empat)", 4),
        ("beberapa", None),
        ("", None),
        (None, None),
    ],
)
def test_angka_dari_kata(teks, angka):
    assert angka_dari_kata(teks) == angka

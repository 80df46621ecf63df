"""Rows of the budget table: program, kegiatan and sub kegiatan with their Permendagri 90/2019 codes,
read from the printed name; and the PK's total, which counts a kegiatan inside its program."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.domain import pk as d
from kinerja.domain.pk_text import parse, pisah_kode


@pytest.mark.parametrize(
    ("tercetak", "harap"),
    [
        (
            "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            ("program", None, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"),
        ),
        (
            "7.01.01 Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            ("program", "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"),
        ),
        (
            "7.01.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            ("kegiatan", "7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
        ),
        (
            "7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah",
            ("sub_kegiatan", "7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
        ),
        (
            "Kegiatan Penyelenggaraan Pemerintahan Desa",
            ("kegiatan", None, "Kegiatan Penyelenggaraan Pemerintahan Desa"),
        ),
        (
            "Sub Kegiatan Fasilitasi Penataan Kelurahan",
            ("sub_kegiatan", None, "Sub Kegiatan Fasilitasi Penataan Kelurahan"),
        ),
        ("X.XX.01 Program Penunjang Urusan", ("program", "X.XX.01", "Program Penunjang Urusan")),
        ("7.01.02.1.01 Kegiatan Koordinasi", ("kegiatan", "7.01.02.1.01", "Kegiatan Koordinasi")),
        # Not a code: a number of a list, an amount, a year in the words.
        ("1. Program Pemberdayaan Masyarakat", ("program", None, "1. Program Pemberdayaan Masyarakat")),
        ("Program 2024 Pelayanan", ("program", None, "Program 2024 Pelayanan")),
    ],
)
def test_pisah_kode(tercetak, harap):
    assert pisah_kode(tercetak) == harap


P = d.Program


@pytest.mark.parametrize(
    ("baris", "total"),
    [
        ([P("A", Decimal(100)), P("B", Decimal(50))], Decimal("150.00")),
        # The kegiatan of a program are part of its anggaran: counted once.
        (
            [P("A", Decimal(100)), P("a1", Decimal(60), "kegiatan"), P("a2", Decimal(40), "kegiatan")],
            Decimal("100.00"),
        ),
        # An eselon III PK lists its kegiatan only: they are the total.
        (
            [
                P("a1", Decimal(60), "kegiatan"),
                P("s", Decimal(10), "sub_kegiatan"),
                P("a2", Decimal(40), "kegiatan"),
            ],
            Decimal("100.00"),
        ),
        ([P("A"), P("a1", Decimal(60), "kegiatan")], None),
        ([], None),
    ],
)
def test_total_program(baris, total):
    assert d.total_program(baris) == total


def test_a_table_with_a_kode_column_and_kegiatan_rows_is_read():
    teks = "\n".join(
        [
            "PERJANJIAN KINERJA TAHUN 2024",
            "KECAMATAN BAJENG",
            "",
            "LAMPIRAN I",
            "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET",
            "1.\tMeningkatnya kualitas pelayanan\tIndeks Kepuasan Masyarakat\t84,00 (Baik)",
            "",
            "No\tKode\tProgram/Kegiatan\tAnggaran (Rp)",
            "1\t7.01.01\tProgram Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\tRp 3.649.867.866,00",
            "\t7.01.01.2.01\tPerencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah\tRp 49.867.866,00",
            "2\t7.01.02\tProgram Penyelenggaraan Pemerintahan dan Pelayanan Publik\tRp 1.000.000,00",
            "\tJUMLAH\t\tRp 3.650.867.866,00",
        ]
    )
    [pk] = parse(teks)
    assert [(p.jenis, p.kode, p.nama, p.anggaran) for p in pk.program] == [
        (
            "program",
            "7.01.01",
            "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            Decimal("3649867866.00"),
        ),
        (
            "kegiatan",
            "7.01.01.2.01",
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            Decimal("49867866.00"),
        ),
        (
            "program",
            "7.01.02",
            "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
            Decimal("1000000.00"),
        ),
    ]
    # The kegiatan is inside its program: the total counts the programs, as printed.
    assert pk.total_anggaran == pk.total_anggaran_tercetak == Decimal("3650867866.00")

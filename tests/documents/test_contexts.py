"""The document context: every number formatted once, in Indonesian, and the same parties on every page."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace
from decimal import Decimal

import pytest

from kinerja.documents.contexts import (
    Verifikasi,
    dokumen_pk,
    format_target,
    format_tempat_tanggal,
    nama_berkas,
)
from kinerja.domain import pk as d
from kinerja.domain.pk_text import parse_target
from tests.conftest import build_pk_data


@pytest.mark.parametrize(
    ("tercetak", "dokumen"),
    [
        ("84,00 (Balk)", "84,00 (Baik)"),  # the misprinted predicate is printed right
        ("80,00 (BB)", "80,00 (BB)"),
        ("100%", "100%"),
        ("100 %", "100%"),
        ("75,50 persen", "75,50%"),
        ("8 unit", "8 unit"),
        ("1.250 orang", "1.250 orang"),
        ("1 maklumat pelayanan", "1 maklumat pelayanan"),
        ("0", "0"),
        ("BB", "BB"),
        ("Balk", "Baik"),
        ("WTP", "WTP"),
        ("Rp 33.800.000", "Rp33.800.000,00"),
    ],
)
def test_targets_print_in_indonesian_form(tercetak, dokumen):
    assert format_target(parse_target(tercetak)) == dokumen


def test_rupiah_space_is_configurable():
    assert format_target(parse_target("Rp 1.000"), rupiah_spasi=True) == "Rp 1.000,00"


@pytest.mark.parametrize(
    ("tempat", "tanggal", "teks"),
    [
        ("Sungguminasa", "02 Januari 2024", "Sungguminasa, 2 Januari 2024"),
        ("Sungguminasa", "Januari 2024", "Sungguminasa, Januari 2024"),
        (None, "2024-01-02", "2 Januari 2024"),
        ("Boyolali", None, "Boyolali"),
        ("Boyolali", "awal tahun", "Boyolali, awal tahun"),
        (None, None, ""),
    ],
)
def test_place_and_date(tempat, tanggal, teks):
    assert format_tempat_tanggal(tempat, tanggal) == teks


def test_seed_like_pk_context():
    dok = dokumen_pk(build_pk_data(n_indikator=12))
    assert dok.judul == "PERJANJIAN KINERJA TAHUN 2024"
    assert dok.judul_lampiran_1 == "LAMPIRAN 1 PERJANJIAN KINERJA"
    assert dok.unit_judul == "KECAMATAN BAJENG KABUPATEN GOWA"
    assert dok.jabatan_judul == "CAMAT BAJENG"
    assert dok.tempat_tanggal == "Sungguminasa, Januari 2024"
    assert [p.anggaran for p in dok.program] == [
        "Rp33.800.000,00",
        "Rp1.521.097.505,00",
        "Rp3.649.867.866,00",
    ]
    assert dok.total_anggaran == "Rp5.204.765.371,00"
    assert dok.total_anggaran_nilai == Decimal("5204765371.00")
    assert dok.terbilang == (
        "Lima miliar dua ratus empat juta tujuh ratus enam puluh lima ribu tiga ratus tujuh puluh satu rupiah"
    )
    assert dok.jumlah_indikator == 12
    # Grouped by level, numbered from 1 in each, two indicators per sasaran.
    assert [k.judul for k in dok.kelompok] == ["Sasaran Strategis", "Sasaran Program", "Sasaran Kegiatan"]
    assert [[s.nomor for s in k.sasaran] for k in dok.kelompok] == [[1, 2], [1, 2], [1, 2]]
    assert all(len(s.baris) == 2 for k in dok.kelompok for s in k.sasaran)
    assert dok.kelompok[0].sasaran[0].baris[0].target.teks == "84,00 (Baik)"
    assert dok.penjelasan[0].baseline[0].capaian == "94,51%"
    assert dok.penjelasan[0].baseline[0].realisasi == "80,33"
    assert dok.nama_berkas == "PK-2024-Kecamatan-Bajeng"
    json.loads(dok.to_json())  # what Typst reads


def test_the_parties_sign_every_part_with_the_pks_place_and_date():
    # The source printed another name and NIP under Lampiran 1 ("ST. HAKRAN"): documents print the parties.
    dok = dokumen_pk(build_pk_data())
    assert dok.pernyataan == dok.lampiran_1 == dok.lampiran_2
    kiri, kanan = dok.lampiran_1.kiri, dok.lampiran_1.kanan
    assert (kiri.peran, kiri.nama, kiri.jabatan, kiri.nip) == (
        "Pihak Kedua,",
        "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.",
        "Bupati Gowa",
        "",  # no NIP: no "NIP." line
    )
    assert (kanan.peran, kanan.nama, kanan.nip) == (
        "Pihak Pertama,",
        "SITI HAERANI, S.SOS",
        "NIP. 19711010 199312 2 003",
    )
    assert dok.lampiran_1.tempat_tanggal == "Sungguminasa, Januari 2024"


def test_the_record_view_keeps_the_blocks_as_printed():
    dok = dokumen_pk(build_pk_data(), tanda_tangan="tercetak")
    assert dok.pernyataan.kanan.nama == "SITI HAERANI, S.SOS"
    assert dok.lampiran_1.kanan.nama == "ST. HAKRAN, S.Sos"
    assert dok.lampiran_1.kanan.nip == "NIP. 19711017 199312 2 003"
    assert dok.lampiran_1.tempat_tanggal == "Sungguminasa, 02 Januari 2024"
    # No block printed under Lampiran 2: the parties sign it.
    assert dok.lampiran_2.kanan.nama == "SITI HAERANI, S.SOS"


def test_pangkat_and_a_pk_without_pihak_kedua():
    pk = replace(
        build_pk_data(),
        pihak_pertama=d.Pihak(
            nama="Ir. ANDI", jabatan="Camat Bajeng", nip="19711010 199312 2 003", pangkat="Pembina (IV/a)"
        ),
        pihak_kedua=None,
    )
    dok = dokumen_pk(pk)
    assert dok.pihak_kedua is None and dok.pernyataan.kiri is None
    assert dok.pernyataan.kanan.pangkat == "Pembina (IV/a)"
    assert dok.pihak_pertama.nip == "19711010 199312 2 003"


def test_perubahan_and_its_reason():
    pk = replace(build_pk_data(), jenis="perubahan", alasan_perubahan="Perubahan karena pergantian pejabat.")
    dok = dokumen_pk(pk)
    assert dok.judul == "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024"
    assert dok.judul_lampiran_2 == "LAMPIRAN 2 PERJANJIAN KINERJA PERUBAHAN"
    assert dok.alasan_perubahan == "Perubahan karena pergantian pejabat."
    assert dok.nama_berkas == "PK-2024-Perubahan-Kecamatan-Bajeng"


def test_without_programs_and_with_an_empty_sasaran():
    pk = replace(
        build_pk_data(n_indikator=1, penjelasan=False),
        program=(),
        sasaran=(d.Sasaran(tingkat="program", uraian="Tersedianya data"),),
    )
    dok = dokumen_pk(pk)
    assert dok.total_anggaran == "" and dok.terbilang == ""
    [kelompok] = dok.kelompok
    assert kelompok.judul == "Sasaran Program"
    assert kelompok.sasaran[0].baris[0].target is None


def test_a_printed_total_that_differs_is_kept_for_the_record_view():
    pk = replace(build_pk_data(), total_anggaran_tercetak=Decimal("5000000000.00"))
    assert dokumen_pk(pk).total_tercetak_berbeda == "Rp5.000.000.000,00"
    assert dokumen_pk(build_pk_data()).total_tercetak_berbeda == ""


def test_penjelasan_without_its_own_target_shows_the_tables():
    pk = build_pk_data(n_indikator=1)
    pk = replace(pk, penjelasan=(replace(pk.penjelasan[0], target=None),))
    assert dokumen_pk(pk).penjelasan[0].target == "84,00 (Baik)"


def test_verification_is_carried_and_a_pk_needs_a_first_party():
    dok = dokumen_pk(build_pk_data(), verifikasi=Verifikasi("abc", "https://contoh/verifikasi/abc/"))
    assert dok.verifikasi.url.endswith("/abc/")
    with pytest.raises(ValueError, match="pihak pertama"):
        dokumen_pk(replace(build_pk_data(), pihak_pertama=None))


@pytest.mark.parametrize(
    ("unit", "nama"),
    [
        ("Kecamatan Bajeng", "PK-2024-Kecamatan-Bajeng"),
        ("Dinas PU & Tata Ruang", "PK-2024-Dinas-PU-Tata-Ruang"),
        (None, "PK-2024-tanpa-unit"),
    ],
)
def test_file_names_are_plain(unit, nama):
    assert nama_berkas(2024, "murni", unit) == nama


def _seperti_json(nilai):
    """The plain reference conversion: every dataclass field, tuples as lists, decimals as strings."""
    if dataclasses.is_dataclass(nilai) and not isinstance(nilai, type):
        return {f.name: _seperti_json(getattr(nilai, f.name)) for f in dataclasses.fields(nilai)}
    if isinstance(nilai, tuple | list):
        return [_seperti_json(v) for v in nilai]
    if isinstance(nilai, Decimal):
        return str(nilai)
    return nilai


@pytest.mark.parametrize("verifikasi", [None, Verifikasi(token="AbCd1234", url="http://x/v/AbCd1234/")])
def test_to_json_carries_every_field_of_the_context(verifikasi):
    dok = replace(dokumen_pk(build_pk_data(n_indikator=12)), verifikasi=verifikasi)
    data = json.loads(dok.to_json())
    assert data == _seperti_json(dok)
    assert data["total_anggaran_nilai"] == "5204765371.00"  # a decimal as its exact text
    assert data["kelompok"][0]["sasaran"][0]["baris"][0]["target"]["teks"] == "84,00 (Baik)"
    assert (data["verifikasi"] or {}).get("token") == (verifikasi.token if verifikasi else None)

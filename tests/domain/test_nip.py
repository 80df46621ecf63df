"""NIP PNS, Perka BKN 22/2007 (docs/formulas.md §NIP)."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja.domain.nip import NIP, NIPError, format_nip, nip_kosong, normalise_nip, parse_nip, periksa_nip

# The seed document's NIPs (both valid).
NIP_SEED_1 = "197110101993122003"
NIP_SEED_2 = "197110171993122003"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NIP_SEED_1, NIP_SEED_1),
        (NIP_SEED_2, NIP_SEED_2),
        ("NIP. 19711010 199312 2 003", NIP_SEED_1),
        ("NIP 19711010 199312 2 003", NIP_SEED_1),
        ("NIP: 19711010 199312 2 003", NIP_SEED_1),
        ("Nip. 19711010.199312.2.003", NIP_SEED_1),
        ("NIP.197110101993122003", NIP_SEED_1),
        ("  19711010 199312 2 003  ", NIP_SEED_1),
        ("NIP. -", None),
        ("NIP.", None),
        ("-", None),
        ("", None),
        (None, None),
        ("1971101019931220", None),  # 16 digits
        ("1971101019931220031", None),  # 19 digits
        ("NIP 1971101019931220AB", None),
    ],
)
def test_normalise_nip(text: str | None, expected: str | None) -> None:
    assert normalise_nip(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, True),
        ("", True),
        ("  ", True),
        ("-", True),
        ("NIP. -", True),
        ("NIP. ……", True),
        (NIP_SEED_1, False),
    ],
)
def test_nip_kosong(text: str | None, expected: bool) -> None:
    assert nip_kosong(text) is expected


@pytest.mark.parametrize("text", [NIP_SEED_1, NIP_SEED_2, "NIP. 19860926 201505 1 001", "NIP. -", ""])
def test_periksa_nip_sah(text: str) -> None:
    assert periksa_nip(text) == []


@pytest.mark.parametrize(
    ("text", "pesan"),
    [
        ("1971101019931220", "harus 18 angka, tertulis 16 angka"),
        ("19711010199312200312", "harus 18 angka, tertulis 20 angka"),
        ("19711010199312200X", "selain angka"),
        ("197113101993122003", "tanggal lahir (angka ke-1 s.d. 8) '19711310' bukan tanggal yang sah"),
        ("197102301993122003", "tanggal lahir"),  # 30 Februari
        ("197110101993132003", "bulan TMT CPNS (angka ke-13 s.d. 14) '13' harus 01 s.d. 12"),
        ("197110101993002003", "bulan TMT CPNS"),
        ("197110101985122003", "sebelum pegawai berumur 18 tahun"),
        ("197110101989092003", "sebelum pegawai berumur 18 tahun"),  # one month short of 18
        ("197110101993123003", "jenis kelamin (angka ke-15) '3' harus 1"),
        ("197110101993120003", "jenis kelamin"),
        ("197110101993122000", "nomor urut (angka ke-16 s.d. 18) tidak boleh 000"),
    ],
)
def test_periksa_nip_salah(text: str, pesan: str) -> None:
    masalah = periksa_nip(text)
    assert len(masalah) == 1
    assert pesan in masalah[0]


def test_periksa_nip_umur_tepat_18_sah() -> None:
    # Born 1 October 1971, TMT 1 October 1989: exactly 18.
    assert periksa_nip("197110011989102003") == []


def test_periksa_nip_umur_minimum_parameter() -> None:
    assert periksa_nip(NIP_SEED_1, umur_minimum=25) != []
    assert periksa_nip("197110101985122003", umur_minimum=14) == []


def test_periksa_nip_semua_masalah_sekaligus() -> None:
    masalah = periksa_nip("199913321985000000")
    assert len(masalah) == 4  # tanggal lahir, bulan TMT, jenis kelamin, urut


def test_parse_nip() -> None:
    nip = parse_nip("NIP. 19711010 199312 2 003")
    assert nip == NIP(
        digits=NIP_SEED_1,
        tanggal_lahir=date(1971, 10, 10),
        tmt_tahun=1993,
        tmt_bulan=12,
        jenis_kelamin=2,
        urut=3,
    )
    assert nip.jenis_kelamin_teks == "Perempuan"
    assert nip.tmt == date(1993, 12, 1)
    assert str(nip) == "19711010 199312 2 003"
    assert parse_nip("198609262015051001").jenis_kelamin_teks == "Laki-laki"
    assert parse_nip(NIP_SEED_2).tanggal_lahir == date(1971, 10, 17)


@pytest.mark.parametrize(
    ("text", "pesan"),
    [
        ("", "NIP kosong"),
        ("NIP. -", "NIP kosong"),
        ("197110101993132003", "bulan TMT"),
        ("199913321985000000", "tanggal lahir.*; .*urut"),
    ],
)
def test_parse_nip_salah(text: str, pesan: str) -> None:
    with pytest.raises(NIPError, match=pesan):
        parse_nip(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NIP_SEED_1, "19711010 199312 2 003"),
        ("NIP. 19711010 199312 2 003", "19711010 199312 2 003"),
        ("19860926201505 1 001", "19860926 201505 1 001"),
        (" 12345 ", "12345"),
        ("NIP. -", "NIP. -"),
        ("", ""),
    ],
)
def test_format_nip(text: str, expected: str) -> None:
    assert format_nip(text) == expected

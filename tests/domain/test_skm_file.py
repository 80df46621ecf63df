"""Reading questionnaires from CSV/XLSX: columns, answer forms, row errors, nothing partial."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from kinerja.domain.ikm import hitung_ikm
from kinerja.domain.skm_file import (
    BarisGalat,
    BerkasJawaban,
    SKMFileError,
    baca_jawaban,
    template_csv,
    template_xlsx,
)

KEPALA = "U1,U2,U3,U4,U5,U6,U7,U8,U9"
# The four questionnaires of tests/domain/test_ikm.py (IKM 80,32).
BARIS = ["4,3,3,4,3,4,4,3,3", "3,3,2,4,3,3,4,3,2", "4,4,3,3,4,4,4,3,", "3,2,3,4,3,3,3,2,3"]
JAWABAN = [
    {"U1": 4, "U2": 3, "U3": 3, "U4": 4, "U5": 3, "U6": 4, "U7": 4, "U8": 3, "U9": 3},
    {"U1": 3, "U2": 3, "U3": 2, "U4": 4, "U5": 3, "U6": 3, "U7": 4, "U8": 3, "U9": 2},
    {"U1": 4, "U2": 4, "U3": 3, "U4": 3, "U5": 4, "U6": 4, "U7": 4, "U8": 3, "U9": None},
    {"U1": 3, "U2": 2, "U3": 3, "U4": 4, "U5": 3, "U6": 3, "U7": 3, "U8": 2, "U9": 3},
]


def tulis(tmp_path: Path, teks: str, nama: str = "jawaban.csv", encoding: str = "utf-8") -> Path:
    f = tmp_path / nama
    f.write_bytes(teks.encode(encoding))
    return f


def xlsx(
    tmp_path: Path, rows: list[list[object]], nama: str = "jawaban.xlsx", judul: str | None = None
) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if judul:
        ws.append([judul])
        ws.append([])
    for r in rows:
        ws.append(r)
    f = tmp_path / nama
    wb.save(f)
    return f


def galat_dari(sumber, **kwargs) -> list[BarisGalat]:
    with pytest.raises(SKMFileError) as exc:
        baca_jawaban(sumber, **kwargs)
    return exc.value.galat


# ---------------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pemisah", "encoding"),
    [(",", "utf-8"), (";", "utf-8"), ("\t", "utf-8"), (";", "utf-8-sig"), (",", "cp1252")],
)
def test_csv_comma_semicolon_tab_with_or_without_bom(tmp_path, pemisah, encoding) -> None:
    teks = "\r\n".join([KEPALA, *BARIS]).replace(",", pemisah) + "\r\n"
    berkas = baca_jawaban(tulis(tmp_path, teks, encoding=encoding))
    assert berkas.jawaban == JAWABAN
    assert berkas.baris == [2, 3, 4, 5]
    assert hitung_ikm(berkas.jawaban).ikm == Decimal("80.32")


def test_windows_1252_text_is_read(tmp_path) -> None:
    teks = f"{KEPALA};saran\n{BARIS[0]};Ruang tunggu seperti café\n".replace(",", ";")
    assert baca_jawaban(tulis(tmp_path, teks, encoding="cp1252")).saran == ["Ruang tunggu seperti café"]


def test_headers_case_insensitive_any_order_profile_saran_and_ignored_columns(tmp_path) -> None:
    teks = (
        "No;Nama Petugas;Jenis Kelamin;usia;Pendidikan;pekerjaan;Layanan;u9;u8;u7;u6;u5;u4;u3;u2;u1;Saran/Masukan\n"
        "1;Andi;P;35;SMA;Wiraswasta;KTP-el;3;3;4;4;3;4;3;3;4;Antrean perlu dipercepat\n"
        "2;Budi;L;;S1;PNS;KK;2;3;4;3;3;4;2;3;3;\n"
    )
    berkas = baca_jawaban(tulis(tmp_path, teks))
    assert berkas.jawaban == JAWABAN[:2]
    assert berkas.profil[0] == {
        "jenis_kelamin": "P",
        "umur": "35",
        "pendidikan": "SMA",
        "pekerjaan": "Wiraswasta",
        "jenis_layanan": "KTP-el",
    }
    assert berkas.profil[1]["umur"] == ""
    assert berkas.saran == ["Antrean perlu dipercepat", ""]
    assert berkas.kolom_diabaikan == ("No", "Nama Petugas")


def test_answers_as_letters_labels_and_empty(tmp_path) -> None:
    teks = (
        "U1,U2,U3,U4,U5,U6,U7,U8,U9\n"
        "d,C,c.,D),c,d,d,c,c\n"
        "Kurang sesuai,Kurang mudah,Tidak cepat,Gratis,Sesuai,Kompeten,Sangat sopan dan ramah,Baik,"
        "Ada tetapi tidak berfungsi\n"
        "4,4,3,3,4,4,4,3,-\n"
        "3,2,3,4,3,3,3,2,3.0\n"
    )
    assert baca_jawaban(tulis(tmp_path, teks)).jawaban == [
        JAWABAN[0],
        {"U1": 2, "U2": 2, "U3": 1, "U4": 4, "U5": 3, "U6": 3, "U7": 4, "U8": 3, "U9": 2},
        JAWABAN[2],
        JAWABAN[3],
    ]


def test_title_rows_above_the_header_and_blank_rows_are_skipped(tmp_path) -> None:
    teks = "REKAP SKM KECAMATAN BAJENG;;\nSemester I 2024;;\n\n" + "\n".join(
        [KEPALA.replace(",", ";"), BARIS[0].replace(",", ";"), ";;;;", "", BARIS[1].replace(",", ";")]
    )
    berkas = baca_jawaban(tulis(tmp_path, teks))
    assert berkas.jawaban == JAWABAN[:2]
    assert berkas.baris == [5, 8]


def test_every_row_error_is_collected_and_nothing_is_returned(tmp_path) -> None:
    teks = "\n".join(
        [
            KEPALA,
            BARIS[0],
            "5,3,3,4,3,4,4,3,3",
            "3,e,2,4,3,3,4,3,Bagus",
            BARIS[1],
            ",,,,,,,,",
            "2.5,3,3,3,3,3,3,3,3",
        ]
    )
    teks += "\n,,,,,,,,,\n"  # an empty line is fine
    galat = galat_dari(tulis(tmp_path, teks))
    assert [(g.baris, g.kolom) for g in galat] == [(3, "U1"), (4, "U2"), (4, "U9"), (7, "U1")]
    assert "di luar skala 1 sampai 4" in galat[0].pesan
    assert "tidak dikenal" in galat[1].pesan
    assert "bukan bilangan bulat" in galat[3].pesan


def test_a_row_without_any_answer_but_with_a_profile_is_an_error(tmp_path) -> None:
    teks = f"{KEPALA},jenis_kelamin\n{BARIS[0]},L\n,,,,,,,,,P\n"
    galat = galat_dari(tulis(tmp_path, teks))
    assert [(g.baris, g.kolom) for g in galat] == [(3, None)]
    assert "tidak ada jawaban unsur sama sekali" in galat[0].pesan


def test_error_message_is_indonesian_and_lists_rows(tmp_path) -> None:
    teks = "\n".join([KEPALA, *["9,3,3,4,3,4,4,3,3"] * 25])
    with pytest.raises(SKMFileError) as exc:
        baca_jawaban(tulis(tmp_path, teks, nama="rekap.csv"))
    pesan = str(exc.value)
    assert pesan.startswith("Berkas rekap.csv ditolak: 25 galat; tidak ada jawaban yang disimpan.")
    assert "baris 2, kolom U1: jawaban 9 di luar skala 1 sampai 4" in pesan
    assert "… dan 5 galat lainnya" in pesan
    assert isinstance(exc.value, ValueError)


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("A,B,C\n1,2,3\n", "baris judul kolom tidak ditemukan: harus ada kolom U1, U2"),
        ("U1,U2,U3,U4,U5,U6,U7,U8\n4,3,3,4,3,4,4,3\n", "kolom U9 tidak ada"),
        ("U1,U2,U3,U4,U5,U6,U7,U8,U9,u1\n4,3,3,4,3,4,4,3,3,4\n", "kolom U1 muncul dua kali"),
        (f"{KEPALA}\n", "tidak ada baris jawaban"),
        ("", "baris judul kolom tidak ditemukan"),
    ],
)
def test_file_level_errors(tmp_path, teks, pesan) -> None:
    galat = galat_dari(tulis(tmp_path, teks))
    assert any(pesan in g.pesan for g in galat), galat


def test_missing_file_old_xls_and_binary(tmp_path) -> None:
    assert "tidak ditemukan" in galat_dari(tmp_path / "tidak-ada.csv")[0].pesan
    xls = tmp_path / "lama.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert ".xls" in galat_dari(xls)[0].pesan
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "bukan berkas XLSX" in galat_dari(rusak)[0].pesan


def test_bytes_and_file_objects(tmp_path) -> None:
    teks = "\n".join([KEPALA, *BARIS]).encode()
    assert baca_jawaban(teks).jawaban == JAWABAN
    assert baca_jawaban(io.BytesIO(teks)).jawaban == JAWABAN


def test_2004_regime_reads_fourteen_columns(tmp_path) -> None:
    kepala = ",".join(f"U{i}" for i in range(1, 15))
    berkas = baca_jawaban(tulis(tmp_path, f"{kepala}\n" + ",".join(["3"] * 14) + "\n"), regime="2004")
    assert berkas.jawaban == [{f"U{i}": 3 for i in range(1, 15)}]
    assert "kolom U10, U11" in galat_dari(tulis(tmp_path, f"{KEPALA}\n{BARIS[0]}\n"), regime="2004")[0].pesan


# ---------------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------------


def test_xlsx_numbers_floats_letters_and_title_rows(tmp_path) -> None:
    rows: list[list[object]] = [
        ["No", *KEPALA.split(","), "Umur", "Saran"],
        [1, 4, 3, 3, 4, 3, 4, 4, 3, 3, 35.0, "Bagus"],
        [2, 3.0, 3, 2, 4, 3, 3, 4, 3, 2, 41, None],
        [3, "d", "d", "c", "c", "d", "d", "d", "c", None, None, None],
        [None] * 12,
        [4, 3, 2, 3, 4, 3, 3, 3, 2, 3, "", ""],
    ]
    berkas = baca_jawaban(xlsx(tmp_path, rows, judul="REKAPITULASI SKM"))
    assert berkas.jawaban == JAWABAN
    assert berkas.baris == [4, 5, 6, 8]
    assert berkas.profil[0] == {"umur": "35"}
    assert berkas.saran == ["Bagus", "", "", ""]
    assert berkas.kolom_diabaikan == ("No",)


def test_xlsx_row_errors(tmp_path) -> None:
    rows: list[list[object]] = [KEPALA.split(","), [4, 3, 3, 4, 3, 4, 4, 3, 2.5], [0, 3, 3, 4, 3, 4, 4, 3, 3]]
    galat = galat_dari(xlsx(tmp_path, rows))
    assert [(g.baris, g.kolom) for g in galat] == [(2, "U9"), (3, "U1")]


def test_xlsx_sheet_with_the_header_is_found(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sampul"
    ws.append(["Laporan SKM"])
    data = wb.create_sheet("Data")
    data.append(KEPALA.split(","))
    data.append([4, 3, 3, 4, 3, 4, 4, 3, 3])
    f = tmp_path / "dua-lembar.xlsx"
    wb.save(f)
    assert baca_jawaban(f).jawaban == JAWABAN[:1]


# ---------------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------------


def test_template_csv_is_header_and_one_example_that_reads_back(tmp_path) -> None:
    teks = template_csv()
    baris = teks.splitlines()
    assert (
        baris[0] == "U1;U2;U3;U4;U5;U6;U7;U8;U9;jenis_kelamin;umur;pendidikan;pekerjaan;jenis_layanan;saran"
    )
    assert len(baris) == 2
    berkas = baca_jawaban(tulis(tmp_path, teks))
    assert isinstance(berkas, BerkasJawaban)
    assert len(berkas.jawaban) == 1 and berkas.kolom_diabaikan == ()
    assert berkas.profil[0]["jenis_layanan"] == "Pembuatan KTP-el"
    assert template_csv(pemisah=",").startswith("U1,U2,")
    assert template_csv("2004").startswith("U1;U2;U3;U4;U5;U6;U7;U8;U9;U10;U11;U12;U13;U14;jenis_kelamin")


def test_template_xlsx_reads_back_and_lists_the_questions(tmp_path) -> None:
    data = template_xlsx()
    assert len(baca_jawaban(data).jawaban) == 1
    wb = load_workbook(io.BytesIO(data))
    petunjuk = wb["Petunjuk"]
    assert petunjuk["A2"].value == "U1" and petunjuk["D2"].value == "Tidak sesuai"
    assert petunjuk["B9"].value == "Sarana dan Prasarana"

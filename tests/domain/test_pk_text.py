"""The PK parser on the real seed document and on the layout variants real PKs use."""

from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.domain import pk_text
from kinerja.domain.pk import to_json
from kinerja.domain.pk_text import ParseError, baseline_from_text, parse, parse_target

SEED = Path(__file__).resolve().parents[2] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


@pytest.fixture(scope="module")
def seed():
    [pk] = parse(SEED.read_text(encoding="utf-8"))
    return pk


# --- the seed, completely ------------------------------------------------------------------------


def test_seed_header(seed):
    assert seed.tahun == 2024
    assert seed.jenis == "murni"
    assert seed.unit == "Kecamatan Bajeng"
    assert seed.pemerintah == "Kabupaten Gowa"
    assert seed.tempat == "Sungguminasa"
    assert seed.tanggal == "Januari 2024"


def test_seed_places_keep_their_source_lines(seed):
    """The review points at these lines (docs/review.md): each party's "Nama :", the date line."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert lines[seed.pihak_pertama.baris - 1] == "Nama : SITI HAERANI, S.SOS"
    assert lines[seed.pihak_kedua.baris - 1].startswith("Nama : Dr. ADNAN")
    assert lines[seed.baris_tanggal - 1] == "Sungguminasa, Januari 2024"
    assert seed.baris_total is None  # the seed prints no total row


def test_a_printed_total_row_keeps_its_line():
    lines = SEED.read_text(encoding="utf-8").splitlines()
    i = lines.index("Rp 3.649.867.866,00") + 1
    lines[i:i] = ["TOTAL Rp 5.204.765.371,00"]
    [pk] = parse("\n".join(lines))
    assert pk.total_anggaran_tercetak == Decimal("5204765371.00")
    assert lines[pk.baris_total - 1] == "TOTAL Rp 5.204.765.371,00"


def test_seed_parties_from_statement_page(seed):
    assert seed.pihak_pertama.nama == "SITI HAERANI, S.SOS"
    assert seed.pihak_pertama.jabatan == "Camat Bajeng"
    assert seed.pihak_pertama.nip == "197110101993122003"
    assert seed.pihak_kedua.nama == "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H."
    assert seed.pihak_kedua.jabatan == "Bupati Gowa"
    assert seed.pihak_kedua.nip is None


def test_seed_every_signature_block_as_printed(seed):
    blocks = [(t.bagian, t.pihak, t.nama, t.jabatan, t.nip, t.tempat, t.tanggal) for t in seed.tanda_tangan]
    assert blocks == [
        (
            "pernyataan",
            "kedua",
            "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.",
            "Bupati Gowa",
            None,
            "Sungguminasa",
            "Januari 2024",
        ),
        (
            "pernyataan",
            "pertama",
            "SITI HAERANI, S.SOS",
            "Camat Bajeng",
            "197110101993122003",
            "Sungguminasa",
            "Januari 2024",
        ),
        ("lampiran_1", "kedua", "Dr. ADNAN PURICHTA ICHSAN, S.H., M.H.", "Bupati Gowa", None, None, None),
        (
            "lampiran_1",
            "pertama",
            "ST. HAKRAN, S.Sos",
            "Camat Bajeng",
            "197110171993122003",
            "Sungguminasa",
            "02 Januari 2024",
        ),
    ]


def test_seed_sasaran_levels(seed):
    levels = [s.tingkat for s in seed.sasaran]
    assert levels.count("strategis") == 2
    assert levels.count("program") == 6
    assert levels.count("kegiatan") == 10
    assert len(seed.indikator) == 18
    assert seed.sasaran[0].uraian == "Meningkatnya kepuasan masyarakat terhadap pelayanan publik"


SEED_TARGETS = [
    ("Indeks Kepuasan Masyarakat (IKM)", "84,00 (Balk)", "84.00", None, "Baik", "Balk"),
    ("Nilai SAKIP", "80,00 (BB)", "80.00", None, "BB", None),
    ("Jumlah sarana dan prasarana yang memadai", "8 unit", "8", "unit", None, None),
    ("Persentase layanan yang memiliki SOP", "100%", "100", "%", None, None),
    ("Persentase layanan sesuai SP", "100%", "100", "%", None, None),
    ("Persentase tindak lanjut pengaduan yang tersedia", "100%", "100", "%", None, None),
    ("Persentase usulan masyarakat yang diakomodir", "100%", "100", "%", None, None),
    ("Persentase hasil SKM yang ditindaklanjuti", "100%", "100", "%", None, None),
    ("Jumlah sarana pelayanan yang tersedia", "8 unit", "8", "unit", None, None),
    ("Jumlah sarana bagi kelompok rentan", "3 unit", "3", "unit", None, None),
    ("Jumlah tim penyusunan SOP", "1 tim", "1", "tim", None, None),
    ("Jumlah SOP pelayanan yang disusun", "14 SOP", "14", "SOP", None, None),
    (
        "Jumlah maklumat pelayanan yang tersedia",
        "1 maklumat pelayanan",
        "1",
        "maklumat pelayanan",
        None,
        None,
    ),
    (
        "Jumlah unsur masyarakat yang hadir dalam FKP",
        "5 unsur masyarakat",
        "5",
        "unsur masyarakat",
        None,
        None,
    ),
    ("Persentase pengaduan yang diverifikasi", "100%", "100", "%", None, None),
    ("Persentase pengaduan yang ditindaklanjuti", "100%", "100", "%", None, None),
    ("Jumlah usulan masyarakat", "56 usulan", "56", "usulan", None, None),
    ("Jumlah pengguna layanan yang mengisi kuesioner", "300 orang", "300", "orang", None, None),
]


def test_seed_indicators_and_targets_as_printed(seed):
    got = [
        (
            i.uraian,
            i.target.teks,
            None if i.target.nilai is None else str(i.target.nilai),
            i.target.satuan,
            i.target.predikat,
            i.target.predikat_tercetak,
        )
        for i in seed.indikator
    ]
    assert got == SEED_TARGETS


def test_seed_programs_and_total(seed):
    assert [(p.nama, p.anggaran) for p in seed.program] == [
        ("Program Pembinaan dan Pengawasan Pemerintahan Desa", Decimal("33800000.00")),
        ("Program Pemberdayaan Masyarakat Desa dan Kelurahan", Decimal("1521097505.00")),
        ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", Decimal("3649867866.00")),
    ]
    assert seed.total_anggaran == Decimal("5204765371.00")
    assert seed.total_anggaran_tercetak is None


def test_seed_penjelasan(seed):
    sakip, ikm = seed.penjelasan
    assert sakip.indikator == "Nilai SAKIP"
    assert sakip.relevansi.startswith("Nilai SAKIP telah menggambarkan akuntabilitas")
    assert sakip.formulasi == "Nilai SAKIP"
    assert sakip.sumber_data == "Inspektorat"
    assert sakip.target == "BB"
    assert "74,50" in sakip.penjelasan_target
    assert sakip.jumlah_indikator_tertulis == "Satu"
    assert sakip.dasar_hukum[-3:] == (
        "Undang-Undang 28 Tahun 1999 tentang Penyelenggara Negara yang Bersih dan Bebas dari Korupsi, "
        "Kolusi, dan Nepotisme.",
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 Tahun 2021 tentang "
        "Evaluasi Akuntabilitas Kinerja Pemerintah.",
    )
    # the citation written inline in the uraian is kept too, as printed (the review judges it)
    assert sakip.dasar_hukum[0].startswith(
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas"
    )
    assert [(b.tahun, b.target, b.realisasi, b.capaian) for b in sakip.baseline] == [
        (2023, None, Decimal("74.15"), Decimal("99.87"))
    ]
    assert ikm.indikator == "Indeks kepuasan Masyarakat (IKM)"
    assert ikm.sumber_data == "Kecamatan Bajeng"
    assert ikm.target == "84,00 (Baik)"
    assert ikm.uraian_sasaran.startswith(
        "Meningkatnya kepuasan masyarakat terhadap layanan pos pelayanan publik."
    )
    assert ikm.dasar_hukum == (
        "Undang-undang 25 tahun 2009 tentang Pelayanan Publik",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Tahun 2017 tentang Pedoman "
        "Penyusunan Survei Kepuasan masyarakat Unit Penyelenggara Pelayanan Publik.",
    )
    assert [(b.tahun, b.target, b.realisasi, b.capaian) for b in ikm.baseline] == [
        (2023, Decimal("85"), Decimal("80.33"), Decimal("94.51"))
    ]


def test_seed_nothing_unplaced(seed):
    assert seed.catatan == ()


def test_seed_json_keys_and_decimals_as_strings(seed):
    data = to_json(seed)
    for key in (
        "tahun",
        "jenis",
        "unit",
        "pemerintah",
        "pihak_pertama",
        "pihak_kedua",
        "tempat",
        "tanggal",
        "tanda_tangan",
        "sasaran",
        "program",
        "total_anggaran",
        "penjelasan",
        "catatan",
    ):
        assert key in data
    assert data["total_anggaran"] == "5204765371.00"
    assert data["sasaran"][0]["indikator"][0]["target"] == {
        "teks": "84,00 (Balk)",
        "nilai": "84.00",
        "nilai_atas": None,
        "satuan": None,
        "predikat": "Baik",
        "predikat_tercetak": "Balk",
    }
    assert data["penjelasan"][1]["baseline"] == [
        {"tahun": 2023, "target": "85", "realisasi": "80.33", "capaian": "94.51"}
    ]


# --- targets ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "nilai", "satuan", "predikat"),
    [
        ("84,00 (Baik)", "84.00", None, "Baik"),
        ("84,00 (Balk)", "84.00", None, "Baik"),
        # A range keeps its lower bound here (its upper one: test_a_range_target).
        ("80-90%", "80", "%", None),
        ("80,00 (BB)", "80.00", None, "BB"),
        ("BB", None, None, "BB"),
        ("A", None, None, "A"),
        ("0,54", "0.54", None, None),
        ("0", "0", None, None),
        ("100 %", "100", "%", None),
        ("48,27%", "48.27", "%", None),
        ("0,9 Angka", "0.9", "Angka", None),
        ("100,00 Persen", "100.00", "%", None),
        ("8 unit", "8", "unit", None),
        ("84,00 Baik", "84.00", None, "Baik"),
        ("Sangat Baik", None, None, "Sangat Baik"),
        # A scale word multiplies (Bappeda Jawa Barat 2016: "500 ribu org").
        ("500 ribu org", "500000", "org", None),
        ("1,5 juta", "1500000.0", None, None),
        ("2 Miliar rupiah", "2000000000", "rupiah", None),
        ("10 ribuan", "10", "ribuan", None),
    ],
)
def test_parse_target(teks, nilai, satuan, predikat):
    t = parse_target(teks)
    assert (None if t.nilai is None else str(t.nilai), t.satuan, t.predikat) == (nilai, satuan, predikat)
    assert t.teks == teks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nilai SAKIP Tahun 2023 yaitu 74,15 (capaian sebesar 99.87%).",
            [(2023, None, "74.15", "99.87")],
        ),
        (
            "Target ini meningkat dari target tahun sebelumnya (2023) dengan nilai 85 (Baik) "
            "dimana Nilai IKM Tahun 2023 yaitu 80,33 (capaian sebesar 94,51%).",
            [(2023, "85", "80.33", "94.51")],
        ),
        (
            "Target tahun 2022 sebesar 70 dan realisasi tahun 2022 sebesar 72,5 (capaian 103,57%)",
            [(2022, "70", "72.5", "103.57")],
        ),
        ("Tidak ada data tahun lalu.", []),
    ],
)
def test_baseline_from_text(text, expected):
    got = [
        (b.tahun, *(None if v is None else str(v) for v in (b.target, b.realisasi, b.capaian)))
        for b in baseline_from_text(text)
    ]
    assert got == expected


# --- layout variants ---------------------------------------------------------------------------------

PIPES = """
PERJANJIAN KINERJA PERUBAHAN TAHUN 2025
DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN BOYOLALI

Yang bertanda tangan di bawah ini:
Nama : Drs. BUDI SANTOSO, M.Si
Jabatan : Kepala Dinas Komunikasi dan Informatika
NIP : 19700101 199503 1 002
Selanjutnya disebut PIHAK KESATU
Nama : M. SAID HIDAYAT
Jabatan : Bupati Boyolali
Selaku atasan langsung pihak kesatu, selanjutnya disebut PIHAK KEDUA

Boyolali,        Januari 2025

PIHAK KEDUA,                         PIHAK KESATU,
Bupati Boyolali                      Kepala Dinas Komunikasi dan Informatika
M. SAID HIDAYAT                      Drs. BUDI SANTOSO, M.Si
                                     NIP. 19700101 199503 1 002

LAMPIRAN PERJANJIAN KINERJA
| NO | SASARAN STRATEGIS | INDIKATOR KINERJA | TARGET |
|---|---|---|---|
| 1 | 2 | 3 | 4 |
| 1 | Meningkatnya kualitas layanan informasi publik | Indeks Keterbukaan Informasi Publik | 0,9 Angka |
|   |   | Persentase OPD yang terhubung jaringan | 100,00 Persen |
| 2 | Meningkatnya akuntabilitas kinerja | Nilai SAKIP | A |

| NO | PROGRAM | ANGGARAN | KETERANGAN |
|---|---|---|---|
| 1 | Program Informasi dan Komunikasi Publik | Rp. 7.838.434.333,- | APBD |
| 2 | Program Aplikasi Informatika | 26.138.904.000 | APBD |
| | J U M L A H | Rp 33.977.338.333,00 | |

RENCANA AKSI
| NO | INDIKATOR KINERJA | TW I | TW II | TW III | TW IV |
| 1 | Indeks Keterbukaan Informasi Publik | 0,2 | 0,4 | 0,7 | 0,9 |
"""


def test_pipes_kesatu_perubahan_side_by_side_program_and_rencana_aksi():
    [pk] = parse(PIPES)
    assert pk.tahun == 2025
    assert pk.jenis == "perubahan"
    assert pk.unit == "Dinas Komunikasi dan Informatika"
    assert pk.pemerintah == "Kabupaten Boyolali"
    assert pk.pihak_pertama.nama == "Drs. BUDI SANTOSO, M.Si"
    assert pk.pihak_pertama.nip == "197001011995031002"
    assert pk.pihak_kedua.jabatan == "Bupati Boyolali"
    assert pk.tempat == "Boyolali"
    assert pk.tanggal == "Januari 2025"
    assert [s.tingkat for s in pk.sasaran] == ["strategis", "strategis"]
    assert [(i.uraian, i.target.nilai, i.target.satuan) for i in pk.indikator] == [
        ("Indeks Keterbukaan Informasi Publik", Decimal("0.9"), "Angka"),
        ("Persentase OPD yang terhubung jaringan", Decimal("100.00"), "%"),
        ("Nilai SAKIP", None, None),
    ]
    assert pk.indikator[2].target.predikat == "A"
    assert [(p.nama, p.anggaran) for p in pk.program] == [
        ("Program Informasi dan Komunikasi Publik", Decimal("7838434333.00")),
        ("Program Aplikasi Informatika", Decimal("26138904000.00")),
    ]
    assert pk.total_anggaran_tercetak == Decimal("33977338333.00")
    assert pk.total_anggaran == Decimal("33977338333.00")
    # rencana aksi kept apart, never mixed into the tabel kinerja
    assert len(pk.indikator) == 3
    assert pk.rencana_aksi[0].indikator == "Indeks Keterbukaan Informasi Publik"
    assert pk.rencana_aksi[0].target_periode == (
        ("TW I", "0,2"),
        ("TW II", "0,4"),
        ("TW III", "0,7"),
        ("TW IV", "0,9"),
    )
    sigs = {(t.pihak, t.nama, t.nip) for t in pk.tanda_tangan if t.bagian == "pernyataan"}
    assert sigs == {
        ("kedua", "M. SAID HIDAYAT", None),
        ("pertama", "Drs. BUDI SANTOSO, M.Si", "197001011995031002"),
    }


SPACES = """
PERJANJIAN KINERJA TAHUN 2024
KECAMATAN SOMBA OPU

Nama     : ANDI MAKMUR, S.STP
Jabatan  : Camat Somba Opu
selanjutnya disebut pihak pertama
Nama     : ADNAN PURICHTA ICHSAN
Jabatan  : Bupati Gowa
selaku atasan pihak pertama, selanjutnya disebut pihak kedua

Sungguminasa, 28 Juni 2024

LAMPIRAN I
NO    SASARAN    INDIKATOR KINERJA    TARGET
SASARAN STRATEGIS
1.    Meningkatnya kualitas pelayanan    Indeks Kepuasan Masyarakat    84,00 (Baik)
      Jumlah pengguna layanan    0 orang
SASARAN KEGIATAN
2.    Terlaksananya survei    Jumlah laporan SKM    1 laporan

PROGRAM    ANGGARAN
Program Penunjang Urusan Pemerintahan Daerah    Rp 33.800.000,00
TOTAL ANGGARAN    Rp 33.800.000,00
"""


def test_runs_of_spaces_and_section_rows():
    [pk] = parse(SPACES)
    assert pk.unit == "Kecamatan Somba Opu"
    assert pk.pemerintah == "Kabupaten Gowa"
    assert pk.tanggal == "28 Juni 2024"
    assert [(s.tingkat, s.uraian, len(s.indikator)) for s in pk.sasaran] == [
        ("strategis", "Meningkatnya kualitas pelayanan", 2),
        ("kegiatan", "Terlaksananya survei", 1),
    ]
    zero = pk.sasaran[0].indikator[1].target
    assert zero.nilai == Decimal("0") and zero.satuan == "orang"  # a target 0 is a value
    assert [(p.nama, p.anggaran) for p in pk.program] == [
        ("Program Penunjang Urusan Pemerintahan Daerah", Decimal("33800000.00"))
    ]
    assert pk.total_anggaran_tercetak == Decimal("33800000.00")


def test_two_pks_in_one_file_are_both_read():
    text = SPACES + "\n\n" + SPACES.replace("SOMBA OPU", "PALLANGGA").replace("Somba Opu", "Pallangga")
    pks = parse(text)
    assert [p.unit for p in pks] == ["Kecamatan Somba Opu", "Kecamatan Pallangga"]
    assert all(len(p.indikator) == 3 for p in pks)


def test_pengukuran_kinerja_section_is_kept_apart():
    text = (
        SPACES
        + """
PENGUKURAN KINERJA TAHUN 2023
NO\tSASARAN\tINDIKATOR\tTARGET\tREALISASI
1\tX\tIndeks Kepuasan Masyarakat\t85\t80,33
"""
    )
    [pk] = parse(text)
    assert len(pk.indikator) == 3
    assert any("Pengukuran Kinerja" in c.pesan for c in pk.catatan)


def test_unplaced_lines_go_to_catatan_with_line_number():
    text = SPACES.replace("TOTAL ANGGARAN", "Keterangan 12 lain\nTOTAL ANGGARAN")
    [pk] = parse(text)
    assert any("Keterangan 12 lain" in c.pesan and c.baris for c in pk.catatan)


# --- bad input -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "kosong"),
        ("Resep nasi goreng\nBawang merah 3 siung\n", "bukan dokumen Perjanjian Kinerja"),
        ("PERJANJIAN KINERJA TAHUN 2024\nNama : A B\nJabatan : Camat X\n\nSelesai.", "tabel kinerja"),
        (
            "PERJANJIAN KINERJA TAHUN 2024\nNama : A B\nNO\tSASARAN\tINDIKATOR\tTARGET\n",
            "tabel kinerja tidak terbaca",
        ),
    ],
)
def test_unusable_documents_raise_parse_error_with_line(text, fragment):
    with pytest.raises(ParseError) as err:
        parse(text)
    assert fragment in err.value.pesan


def test_binary_is_refused():
    with pytest.raises(pk_text.SourceError):
        parse("PK\x00\x01\x02")


LAYOUT = """\
                         PERJANJIAN KINERJA TAHUN 2025
                    BADAN PERENCANAAN PEMBANGUNAN DAERAH
                           KOTA MAKASSAR

Yang bertanda tangan di bawah ini:
Nama          : Dr. Ir. ANDI ZULKIFLY NANNA, M.Si
Jabatan       : Kepala Badan Perencanaan Pembangunan Daerah
selanjutnya disebut pihak pertama.
Nama          : MOH. RAMDHAN POMANTO
Jabatan       : Wali Kota Makassar
selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.

                                                   Makassar, 2 Januari 2025
Pihak Kedua,                                       Pihak Pertama,
Wali Kota Makassar                                 Kepala Badan Perencanaan Pembangunan Daerah

MOH. RAMDHAN POMANTO                               Dr. Ir. ANDI ZULKIFLY NANNA, M.Si
                                                   Pembina Utama Muda (IV/c)
                                                   NIP. 19680512 199403 1 009

                       LAMPIRAN PERJANJIAN KINERJA TAHUN 2025
NO   SASARAN STRATEGIS             INDIKATOR KINERJA                TARGET
1    Meningkatnya kualitas         Persentase kesesuaian program    95 %
     perencanaan pembangunan       RKPD dengan RPJMD
     daerah                        Nilai SAKIP perangkat daerah     80,01 (A)
2    Meningkatnya akuntabilitas    Jumlah dokumen perencanaan       6 dokumen
     kinerja                       yang disusun tepat waktu

NO   PROGRAM                                                 ANGGARAN
1    Program Perencanaan, Pengendalian dan Evaluasi          Rp 1. 521.097.505,00
     Pembangunan Daerah
2    Program Penunjang Urusan Pemerintahan Daerah            Rp 3.649.867.866,00
     JUMLAH                                                  Rp 5.170.965.371,00
"""


def test_fixed_width_layout_with_wrapped_cells_and_right_column_signatures():
    [pk] = parse(LAYOUT)
    assert pk.unit == "Badan Perencanaan Pembangunan Daerah"
    assert pk.pemerintah == "Kota Makassar"
    assert pk.tanggal == "2 Januari 2025"
    got = [(s.uraian, i.uraian, i.target.teks) for s in pk.sasaran for i in s.indikator]
    assert got == [
        (
            "Meningkatnya kualitas perencanaan pembangunan daerah",
            "Persentase kesesuaian program RKPD dengan RPJMD",
            "95 %",
        ),
        ("Meningkatnya kualitas perencanaan pembangunan daerah", "Nilai SAKIP perangkat daerah", "80,01 (A)"),
        (
            "Meningkatnya akuntabilitas kinerja",
            "Jumlah dokumen perencanaan yang disusun tepat waktu",
            "6 dokumen",
        ),
    ]
    assert [(p.nama, p.anggaran) for p in pk.program] == [
        ("Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", Decimal("1521097505.00")),
        ("Program Penunjang Urusan Pemerintahan Daerah", Decimal("3649867866.00")),
    ]
    assert pk.total_anggaran_tercetak == Decimal("5170965371.00")
    sig = {t.pihak: t for t in pk.tanda_tangan}
    assert sig["pertama"].nip == "196805121994031009"
    assert sig["pertama"].pangkat == "Pembina Utama Muda (IV/c)"
    assert sig["kedua"].nama == "MOH. RAMDHAN POMANTO"
    assert sig["pertama"].tanggal == "2 Januari 2025"


def test_pk_without_program_table_and_with_monthly_rencana_aksi():
    text = SPACES.split("PROGRAM    ANGGARAN")[0] + (
        "\nRENCANA AKSI\nNO\tINDIKATOR\tJan\tFeb\tMar\n1\tIndeks Kepuasan Masyarakat\t80\t82\t84\n"
    )
    [pk] = parse(text)
    assert pk.program == ()
    assert pk.total_anggaran is None
    assert pk.rencana_aksi[0].target_periode == (("Jan", "80"), ("Feb", "82"), ("Mar", "84"))
    assert len(pk.indikator) == 3


@pytest.mark.parametrize(
    "nip_line",
    [
        "NIP. 19711010 199312 2 003",
        "NIP 197110101993122003",
        "NIP : 19711010.199312.2.003",
        "NIP.19711010 1993122 003",
    ],
)
def test_nip_printed_in_any_grouping(nip_line):
    text = SEED.read_text(encoding="utf-8").replace("NIP. 197110101993122003", nip_line)
    [pk] = parse(text)
    assert pk.pihak_pertama.nip == "197110101993122003"


@pytest.mark.parametrize(
    ("words", "expected"),
    [("**Satu**", "Satu"), ("2 (dua)", "2 (dua)"), ("dua belas", "dua belas"), ("1 (satu)", "1 (satu)")],
)
def test_stated_indicator_count_keeps_all_its_words(words, expected):
    text = SEED.read_text(encoding="utf-8").replace(
        "memiliki **Satu** indikator", f"memiliki {words} indikator"
    )
    [pk] = parse(text)
    assert pk.penjelasan[0].jumlah_indikator_tertulis == expected


@pytest.mark.parametrize(
    ("teks", "bawah", "atas", "satuan"),
    [
        ("80-90%", "80", "90", "%"),
        ("80 – 90 %", "80", "90", "%"),
        ("80% - 90%", "80", "90", "%"),
        ("5 s.d. 10 unit", "5", "10", "unit"),
        ("5 s/d 10 dokumen", "5", "10", "dokumen"),
        ("75,5 sampai dengan 80,25 persen", "75.5", "80.25", "%"),
        ("2.000 - 2.500 orang", "2000", "2500", "orang"),
        ("3 sd 6 hari", "3", "6", "hari"),  # RSUD Banjarnegara 2019
    ],
)
def test_a_range_target(teks, bawah, atas, satuan):
    t = parse_target(teks)
    assert (t.nilai, t.nilai_atas, t.satuan, t.teks) == (Decimal(bawah), Decimal(atas), satuan, teks)


@pytest.mark.parametrize("teks", ["90-80%", "8 unit", "100%", "84,00 (Baik)", "5 sdm"])
def test_not_a_range(teks):
    assert parse_target(teks).nilai_atas is None

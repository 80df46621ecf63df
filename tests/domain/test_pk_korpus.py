"""The parser on layouts of real PKs from other provinces (faithful excerpts of the corpus in
tests/data/korpus), and on the corpus itself: every file read without a crash, and each person's
reading matched at least as well as docs/parser.md records."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.domain import pk_text
from kinerja.domain.pk_mutu import nilai_bacaan
from kinerja.domain.review import review
from kinerja.domain.source import SourceError
from tests.conftest import perlu_tesseract

# Bappeda Jawa Barat 2016: the statement names both parties; under the tabel kinerja the signature's
# jabatan wraps over two lines above the name.
JABATAN_DUA_BARIS = """PERJANJIAN KINERJA TAHUN 2016
Dalam rangka mewujudkan manajemen pemerintahan yang efektif, kami yang bertandatangan dibawah ini :
Nama\t: Ir. YERRY YANUAR, MM
Jabatan\t: KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH
Selanjutnya disebut PIHAK KESATU
Nama\t: AHMAD HERYAWAN
Jabatan\t: GUBERNUR JAWA BARAT
Selaku atasan PIHAK KESATU, selanjutnya disebut PIHAK KEDUA
PIHAK KEDUA,\tPIHAK KESATU,
AHMAD HERYAWAN\tIr. YERRY YANUAR, MM
\tNIP. 196401291988031004
No\tSasaran Strategis\tIndikator Kinerja\tTarget
1\tMeningkatnya kualitas perencanaan\tTingkat Kesesuaian Prioritas Pembangunan RKPD\t80 %
Bandung, Maret 2016
KEPALA BADAN PERENCANAAN
PEMBANGUNAN DAERAH,
Ir. YERRY YANUAR, MM
Pembina Utama Madya
NIP. 196401291988031004
"""


def test_a_jabatan_over_two_lines_is_not_a_second_name():
    [pk] = pk_text.parse(JABATAN_DUA_BARIS)
    [ttd] = [t for t in pk.tanda_tangan if t.bagian == "lampiran_1"]
    assert (ttd.pihak, ttd.nama, ttd.jabatan) == (
        "pertama",
        "Ir. YERRY YANUAR, MM",
        "KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH,",
    )
    assert (ttd.nip, ttd.pangkat, ttd.tempat, ttd.tanggal) == (
        "196401291988031004",
        "Pembina Utama Madya",
        "Bandung",
        "Maret 2016",
    )
    assert not [t for t in review(pk) if t.tingkat == "galat"]
    assert not pk.catatan or all("YERRY" not in c.pesan for c in pk.catatan)
    # The statement prints no date: the PK is dated where it is signed under the table.
    assert (pk.tempat, pk.tanggal) == ("Bandung", "Maret 2016")


# Diskominfo Jawa Barat 2017, exported by the e-SAKIP application: no statement page; both parties sign
# side by side under the tables (left the superior), the day and month left as dots.
EKSPOR_TANPA_PERNYATAAN = """PERJANJIAN KINERJA TAHUN 2017
DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI JAWA BARAT
No.\tSasaran Strategis\tIndikator Kinerja\tTarget
(1)\t(2)\t(3)\t(4)
1\tMeningkatnya sarana dan prasarana kerja\tJumlah sarana kerja minimal\t70 unit
2\tMeningkatnya sistem pelayanan perencanaan dan pelaporan\tJumlah dokumen perencanaan dan pelaporan\t33 dokumen
Bandung, ............... 2017
KEPALA DINAS KOMUNIKASI DAN INFORMATIKA PADA PROVINSI JAWA BARAT,\tSEKRETARIS DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI JAWA BARAT,
Dr. HENING WIDIATMOKO MA.\tDrs.H. ASEP SUKMANA M.Si
"""


def test_parties_of_an_export_without_statement_come_from_the_signatures():
    [pk] = pk_text.parse(EKSPOR_TANPA_PERNYATAAN)
    assert (pk.pihak_pertama.nama, pk.pihak_pertama.jabatan) == (
        "Drs.H. ASEP SUKMANA M.Si",
        "SEKRETARIS DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI JAWA BARAT",
    )
    assert pk.pihak_kedua.nama == "Dr. HENING WIDIATMOKO MA."
    assert [t.pihak for t in pk.tanda_tangan] == ["kedua", "pertama"]
    assert {(t.tempat, t.tanggal) for t in pk.tanda_tangan} == {("Bandung", "............... 2017")}
    assert (pk.tempat, pk.tanggal) == ("Bandung", "............... 2017")  # dated where it is signed
    assert [(i.uraian, i.target.nilai) for s in pk.sasaran for i in s.indikator] == [
        ("Jumlah sarana kerja minimal", Decimal(70)),
        ("Jumlah dokumen perencanaan dan pelaporan", Decimal(33)),
    ]
    assert pk.catatan == ()
    assert not [t for t in review(pk) if t.tingkat == "galat"]


# Inspektorat Jawa Barat 2016 (the PK as an annex of the LKIP, `pdftotext -layout`): no ruling lines,
# headings centred over left-aligned columns, cells wrapped over several lines, a target wrapped
# ("100 %" / "(Hijau)"), a word broken after its hyphen, a letter-spaced page footer.
TANPA_GARIS = """                                             Lampiran 2
                                    Perjanjian Kinerja Tahun 2016

   No              Sasaran Strategis                         Indikator Kinerja                 Target

   (1)                     (2)                                       (3)                         (4)
    1    Meningkatnya kualitas penyelenggaraan   Hasil penilaian EPPD Provinsi Jawa Barat     3,000 poin
         urusan wajib dan pilihan pemerintahan   di tingkat nasional
         daerah

    2    Meningkatnya akuntabilitas kinerja      Persentase OPD yang nilai evaluasi LKIP        80%
         instansi pemerintah terhadap OPD        adalah B ke atas
         Pemerintah Provinsi Jawa Barat
                                                 Tingkat nilai kualitas hasil evaluasi LKIP       A
                                                 Pemerintah Provinsi Jawa Barat

    3    Meningkatnya nilai pelaksanaan          Persentase kualitas nilai indikator RAD-      100 %
         Rencana Aksi Daerah Pencegahan dan      PPK                                           (Hijau)
         Pemberantasan Korupsi

INSPEKTORAT P R O V I N S I J A W A B A R A T                                                           Lamp -2
"""


def test_a_table_without_ruling_lines_under_centred_headings():
    [pk] = pk_text.parse(TANPA_GARIS)
    assert pk.tahun == 2016
    assert [
        (s.uraian, [(i.uraian, i.target.teks, i.target.nilai) for i in s.indikator]) for s in pk.sasaran
    ] == [
        (
            "Meningkatnya kualitas penyelenggaraan urusan wajib dan pilihan pemerintahan daerah",
            [("Hasil penilaian EPPD Provinsi Jawa Barat di tingkat nasional", "3,000 poin", Decimal(3))],
        ),
        (
            "Meningkatnya akuntabilitas kinerja instansi pemerintah terhadap OPD Pemerintah Provinsi Jawa Barat",
            [
                ("Persentase OPD yang nilai evaluasi LKIP adalah B ke atas", "80%", Decimal(80)),
                ("Tingkat nilai kualitas hasil evaluasi LKIP Pemerintah Provinsi Jawa Barat", "A", None),
            ],
        ),
        (
            "Meningkatnya nilai pelaksanaan Rencana Aksi Daerah Pencegahan dan Pemberantasan Korupsi",
            [("Persentase kualitas nilai indikator RAD-PPK", "100 % (Hijau)", Decimal(100))],
        ),
    ]
    # The footer is not part of the table: it is kept as a note with its line, not read as a row.
    assert [c.pesan for c in pk.catatan] == [
        "baris tidak dikenali di bagian Lampiran 1: “INSPEKTORAT P R O V I N S I J A W A B A R A T”",
        "baris tidak dikenali di bagian Lampiran 1: “Lamp -2”",
    ]


def _lembar_pk(wb, nama, jabatan, orang, indikator, program, tersembunyi=None):
    """A sheet laid out as the BPKAD Cimahi workbook: title, tabel kinerja, program table with an
    unlabelled sum under its header, signatures side by side with a jabatan over two lines."""
    ws = wb.create_sheet(nama)
    ws.append(["PERJANJIAN KINERJA TAHUN 2018"])
    ws.append([jabatan[1][0] + " " + jabatan[1][1]])
    ws.append(["No", "Sasaran Strategis", "Indikator Sasaran", "Target"])
    for k, (sasaran, uraian, target) in enumerate(indikator, start=1):
        ws.append([k, sasaran, uraian, target])
        if isinstance(target, float):
            ws.cell(ws.max_row, 4).number_format = "0%"
    ws.append([None, "PROGRAM", None, "ANGGARAN", "Ket"])
    ws.append([None, None, None, sum(a for _, a in program)])
    for k, (nama_p, anggaran) in enumerate(program, start=1):
        ws.append([k, nama_p, None, anggaran, "APBD"])
    if tersembunyi:
        ws.append([None, tersembunyi, None, 1, "APBD"])
        ws.row_dimensions[ws.max_row].hidden = True
    ws.append([None, "Cimahi,      Januari  2018"])
    ws.append([None, jabatan[0][0], None, jabatan[1][0]])
    ws.append([None, jabatan[0][1], None, jabatan[1][1]])
    ws.append([None, orang[0], None, orang[1][0]])
    ws.append([None, None, None, "Pembina"])
    ws.append([None, None, None, f"NIP. {orang[1][1]}"])


def test_a_workbook_of_pks_one_per_sheet(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _lembar_pk(
        wb,
        "Kaban",
        (("WALIKOTA CIMAHI", ""), ("KEPALA BADAN PENGELOLA", "KEUANGAN DAN ASET DAERAH")),
        ("Ir. H. AJAY MUHAMMAD PRIATNA, M.M", ("Dra. HELLA HAERANI", "19660214 199202 2 001")),
        [("Optimalnya Tata Kelola Keuangan dan Aset Daerah", "Opini BPK", "WTP")],
        [("Program Pelayanan Administrasi Perkantoran", 694855000), ("Program Penataan Aset", 150000000)],
        tersembunyi="Program lama yang tidak dicetak",
    )
    _lembar_pk(
        wb,
        "Kabid",
        (
            ("KEPALA BADAN PENGELOLA", "KEUANGAN DAN ASET DAERAH"),
            ("KEPALA BIDANG PERENCANAAN", "ANGGARAN DAN ASET"),
        ),
        ("Dra. HELLA HAERANI", ("RONY RODJANI", "19700918 199901 1 001")),
        [("Tercapainya efisiensi pengelolaan keuangan", "Persentase dokumen anggaran tepat waktu", 1.0)],
        [("Program Peningkatan Pengelolaan Keuangan Daerah", 1724886540)],
    )
    path = tmp_path / "pk.xlsx"
    wb.save(path)

    kaban, kabid = pk_text.parse_file(str(path))
    assert (kaban.pihak_pertama.nama, kaban.pihak_pertama.nip) == ("Dra. HELLA HAERANI", "196602141992022001")
    assert kaban.pihak_pertama.jabatan == "KEPALA BADAN PENGELOLA KEUANGAN DAN ASET DAERAH"
    assert kaban.pihak_kedua.nama == "Ir. H. AJAY MUHAMMAD PRIATNA, M.M"
    assert [(p.nama, p.anggaran) for p in kaban.program] == [
        ("Program Pelayanan Administrasi Perkantoran", Decimal(694855000)),
        ("Program Penataan Aset", Decimal(150000000)),
    ]  # the hidden row is not read
    assert kaban.total_anggaran_tercetak == Decimal(844855000)
    [ind] = [i for s in kaban.sasaran for i in s.indikator]
    assert (ind.uraian, ind.target.teks, ind.target.nilai) == ("Opini BPK", "WTP", None)
    assert (kabid.pihak_pertama.nama, kabid.pihak_pertama.jabatan) == (
        "RONY RODJANI",
        "KEPALA BIDANG PERENCANAAN ANGGARAN DAN ASET",
    )
    assert kabid.pihak_kedua.nama == "Dra. HELLA HAERANI"
    [ind] = [i for s in kabid.sasaran for i in s.indikator]
    assert (ind.target.teks, ind.target.nilai) == ("100%", Decimal(100))  # stored 1, shown as 100%
    assert not [t for pk in (kaban, kabid) for t in review(pk) if t.tingkat == "galat"]


# The corpus: every file read without a crash (or refused with a message), and each person's reading
# matched at least as well as docs/parser.md records: the parser's quality figure never goes down.
KORPUS = Path(__file__).resolve().parents[1] / "data" / "korpus"
BENAR_MINIMUM = {
    "01_jabar_bappeda_kaban_2016.pdf": 62,
    "03_jabar_dispora_2017_esakip_export.docx": 55,
    "04_jabar_diskominfo_sekdis_2017.docx": 27,
    "06_jabar_biro_adbang_2017_esakip_export.docx": 17,
    "07_jabar_disperkim_2017_zero_targets.docx": 44,
    "08_jabar_inspektorat_2016_lkip_lampiran.pdf": 47,
    "10_jabar_disperkim_kabid_pertanahan_2017_scan.pdf": 25,  # read by OCR
    "11_jabar_disperkim_kasi_drainase_2017_scan.pdf": 41,  # read by OCR
    "13_cimahi_bpkad_pk_2018.xlsx": 415,
    "14_cimahi_bpkad_rencana_aksi_2018.xlsx": 1,
    "15_banjarnegara_rsud_kabid_penunjang_2019.web.txt": 29,
}


@pytest.mark.parametrize("nama", sorted(BENAR_MINIMUM))
def test_corpus_file(nama):
    if nama.endswith("_scan.pdf"):
        perlu_tesseract()  # a scan is read by OCR (tests/conftest.py)
    harapan = json.loads((KORPUS / "harapan" / f"{nama}.json").read_text(encoding="utf-8"))["pk"]
    try:
        bacaan = pk_text.parse_file(str(KORPUS / nama))
    except SourceError as err:  # refused: a message in Indonesian, never a traceback
        assert err.pesan and not harapan, err.pesan
        bacaan = []
    hasil = nilai_bacaan(bacaan, harapan)
    assert hasil.benar >= BENAR_MINIMUM[nama], hasil.salah
    for pk in bacaan:
        review(pk)  # the review runs on whatever was read


def test_every_corpus_file_has_a_reading():
    assert sorted(p.name for p in KORPUS.iterdir() if p.is_file() and p.name != "README.md") == sorted(
        BENAR_MINIMUM
    )


@pytest.mark.parametrize(
    ("baris", "tanggal"),
    [
        ("Bandung, 2 Jan 2017", "2 Jan 2017"),
        ("Bandung, 12 Agt. 2017", "12 Agt. 2017"),
        ("Bandung, 5 Nop 2017", "5 Nop 2017"),
    ],
)
def test_abbreviated_months_in_the_date_line(baris, tanggal):
    """One vocabulary of months for the parser and the date module (kinerja.domain.tanggal)."""
    [pk] = pk_text.parse(EKSPOR_TANPA_PERNYATAAN.replace("Bandung, ............... 2017", baris))
    assert (pk.tempat, pk.tanggal) == ("Bandung", tanggal)
    assert pk_text.tanggal_pk(pk).tahun == 2017 and pk_text.tanggal_pk(pk).hari is not None


def test_the_statement_in_a_word_text_box_is_read():
    """The e-SAKIP exports frame their statement page in a text box (w:txbxContent)."""
    from kinerja.domain.source import read_path

    rows = read_path(KORPUS / "04_jabar_diskominfo_sekdis_2017.docx")
    assert [r.sel for r in rows[4:6]] == [
        ("Nama", ": Drs.H. ASEP SUKMANA M.Si"),
        ("Jabatan", ": SEKRETARIS DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI JAWA BARAT"),
    ]
    assert sum(1 for r in rows if r.teks == "PERJANJIAN KINERJA TAHUN 2017") == 2  # the box, then the page
    [pk] = pk_text.parse_file(str(KORPUS / "04_jabar_diskominfo_sekdis_2017.docx"))
    assert (pk.pihak_pertama.nama, pk.pihak_pertama.baris) == ("Drs.H. ASEP SUKMANA M.Si", 5)
    assert pk.pihak_kedua.jabatan == "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA PADA PROVINSI JAWA BARAT"
    assert {t.bagian for t in pk.tanda_tangan} == {"pernyataan", "lampiran_1"}


# A table pasted as pipe rows (RSUD Banjarnegara 2019, names masked as published): continuation rows
# leave the sasaran cell empty; an indikator runs over two cells; the total row's label has a typo.
PIPA = """PERJANJIAN KINERJA TAHUN 2024
Yang bertanda tangan di bawah ini:
Nama : Xxxx Xxxxxxxx, S.Sos
Jabatan : Kepala Bidang Penunjang
NIP : 19691118 199203 1 005
Selanjutnya disebut PIHAK PERTAMA
Nama : xx. Xxxxx Xxxxxxxx, M.Kes
Jabatan : Direktur RSUD
Selaku atasan pihak pertama, selanjutnya disebut PIHAK KEDUA
| No | Sasaran | Indikator | Target |
|---|---|---|---|
| 1 | Meningkatnya mutu layanan | BOR (tingkat pemanfaatan tempat tidur) | 60-75 % |
|  |  | AvLOS (rata-rata lama perawatan pasien) | 3 sd 6 hari |
|  |  | Kelengkapan jenis | 18 jenis |
| 2 | Terpenuhinya sarana | Persentase pengadaan sarana | yang sesuai kebutuhan | 100 % |
| No | Program | Anggaran |
| 1 | Program Pelayanan | Rp 1.000.000,00 |
| 2 | Program Mutu | Rp 2.000.000,00 |
|  | JUMLHA | Rp 3.000.000,00 |
Banjarnegara, 2 Jan 2024
PIHAK KEDUA,	PIHAK PERTAMA,
xx. Xxxxx Xxxxxxxx, M.Kes	Xxxx Xxxxxxxx, S.Sos
	NIP. 19691118 199203 1 005
"""


def test_pipe_table_continuations_a_split_indikator_and_a_misspelled_total():
    [pk] = pk_text.parse(PIPA)
    assert (pk.pihak_pertama.nama, pk.pihak_pertama.nip) == ("Xxxx Xxxxxxxx, S.Sos", "196911181992031005")
    assert pk.pihak_kedua.nama == "xx. Xxxxx Xxxxxxxx, M.Kes"
    assert [(s.uraian, [(i.uraian, i.target.teks) for i in s.indikator]) for s in pk.sasaran] == [
        (
            "Meningkatnya mutu layanan",
            [
                ("BOR (tingkat pemanfaatan tempat tidur)", "60-75 %"),
                ("AvLOS (rata-rata lama perawatan pasien)", "3 sd 6 hari"),
                ("Kelengkapan jenis", "18 jenis"),
            ],
        ),
        ("Terpenuhinya sarana", [("Persentase pengadaan sarana yang sesuai kebutuhan", "100 %")]),
    ]
    assert [p.nama for p in pk.program] == ["Program Pelayanan", "Program Mutu"]
    assert (pk.total_anggaran, pk.total_anggaran_tercetak) == (Decimal("3000000.00"), Decimal("3000000.00"))
    assert [c.pesan for c in pk.catatan] == [
        "baris berlabel “JUMLHA” dibaca sebagai jumlah anggaran, bukan program"
    ]
    assert (pk.tempat, pk.tanggal) == ("Banjarnegara", "2 Jan 2024")
    assert not [t for t in review(pk) if t.tingkat == "galat"]


def test_an_unnamed_row_adding_up_the_programs_is_the_total():
    [pk] = pk_text.parse(PIPA.replace("|  | JUMLHA | Rp 3.000.000,00 |", "|  |  | Rp 3.000.000,00 |"))
    assert [p.nama for p in pk.program] == ["Program Pelayanan", "Program Mutu"]
    assert pk.total_anggaran_tercetak == Decimal("3000000.00")


def test_a_bundle_of_an_eselon_iii_pk_and_its_eselon_iv_pk():
    """One file, two PKs (the second statement says "bertandatangan" in one word): two PKs out."""
    kedua = (
        PIPA.replace("Yang bertanda tangan", "Kami yang bertandatangan")
        .replace("Kepala Bidang Penunjang", "Kepala Seksi Rekam Medis")
        .replace("Xxxx Xxxxxxxx, S.Sos", "Yyyy Yyyyy, A.Md")
        .replace("19691118 199203 1 005", "19800101 200501 1 002")
    )
    satu, dua = pk_text.parse(PIPA + "\n" + kedua)
    assert (satu.tahun, satu.pihak_pertama.nama, dua.tahun, dua.pihak_pertama.nama) == (
        2024,
        "Xxxx Xxxxxxxx, S.Sos",
        2024,
        "Yyyy Yyyyy, A.Md",
    )
    assert dua.pihak_pertama.nip == "198001012005011002"
    assert [len(p.program) for p in (satu, dua)] == [2, 2]


@pytest.mark.parametrize(
    "judul",
    [
        "PERJANJIAN KINERJA\nPERUBAHAN\nTAHUN 2024",
        "PERJANJIAN KINERJA TAHUN 2024\n(PERUBAHAN KE-1)",
        "PERJANJIAN KINERJA PERUBAHAN KE-2 TAHUN 2024",
        "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024",
    ],
)
def test_a_pk_perubahan_by_its_title(judul):
    [pk] = pk_text.parse(PIPA.replace("PERJANJIAN KINERJA TAHUN 2024", judul, 1))
    assert (pk.jenis, pk.tahun) == ("perubahan", 2024)
    assert pk_text.parse(PIPA)[0].jenis == "murni"


# The text of a web page showing a PK (RSUD Banjarnegara 2019, names masked as published): every cell
# on a line of its own.
SEL_PER_BARIS = """PERJANJIAN KINERJA TAHUN 2019
Dalam rangka mewujudkan manajemen pemerintahan yang efektif, kami yang bertandatangan dibawah ini:
Nama |
: |
Xxxx Xxxxxxxx, SKM. M.Kes |
Jabatan |
: |
Kepala Bidang Penunjang RSUD |
Selanjutnya disebut sebagai PIHAK KESATU
Nama |
: |
xx. Xxxxx Xxxxxxxx, M.Kes |
Jabatan |
: |
Direktur RSUD |
Selaku atasan pihak kesatu, selanjutnya disebut sebagai PIHAK KEDUA
|
Banjarnegara, Januari 2019 |
PIHAK KEDUA, Direktur RSUD
xx. Xxxxx Xxxxxxxx, M.Kes NIP. 19700101 199503 1 008 |
PIHAK KESATU, Kepala Bidang Penunjang RSUD
Xxxx Xxxxxxxx, SKM. M.Kes NIP. 19691118 199203 1 005 |
Lampiran : Perjanjian Kinerja Tahun 2019
No
Sasaran
Indikator
Target
(1)
(2)
(3)
(4)
1
Meningkatnya kunjungan Rumah Sakit
Jumlah kunjungan pasien
162.081
2
Terpenuhinya standar mutu asuhan pelayanan
BOR (tingkat pemanfaatan tempat tidur)
60-75 %
AvLOS (rata-rata lama perawatan pasien)
3 sd 6 hari
3
Bertahannya status akreditasi
Hasil penilaian Status akreditasi Rumah Sakit
Paripurna
"""


def test_a_pk_written_a_cell_per_line():
    [pk] = pk_text.parse(SEL_PER_BARIS)
    assert (pk.pihak_pertama.nama, pk.pihak_pertama.jabatan, pk.pihak_pertama.nip) == (
        "Xxxx Xxxxxxxx, SKM. M.Kes",
        "Kepala Bidang Penunjang RSUD",
        "196911181992031005",
    )
    assert (pk.pihak_kedua.nama, pk.pihak_kedua.nip) == ("xx. Xxxxx Xxxxxxxx, M.Kes", "197001011995031008")
    assert (pk.tempat, pk.tanggal) == ("Banjarnegara", "Januari 2019")
    assert [(s.uraian, [(i.uraian, i.target.teks) for i in s.indikator]) for s in pk.sasaran] == [
        ("Meningkatnya kunjungan Rumah Sakit", [("Jumlah kunjungan pasien", "162.081")]),
        (
            "Terpenuhinya standar mutu asuhan pelayanan",
            [
                ("BOR (tingkat pemanfaatan tempat tidur)", "60-75 %"),
                ("AvLOS (rata-rata lama perawatan pasien)", "3 sd 6 hari"),
            ],
        ),
        ("Bertahannya status akreditasi", [("Hasil penilaian Status akreditasi Rumah Sakit", "Paripurna")]),
    ]
    assert pk.sasaran[0].indikator[0].target.nilai == Decimal(162081)
    assert pk.catatan == ()


def test_a_row_cut_short_by_the_end_of_the_text_is_kept_as_a_line():
    from kinerja.domain.sel_per_baris import rapatkan
    from kinerja.domain.source import read_text

    rows = rapatkan(
        read_text(
            "No\nSasaran\nIndikator\nTarget\n1\nSasaran satu\nIndikator satu\n10 %\n2\nSasaran dua\nIndikator"
        )
    )
    assert [r.sel for r in rows] == [
        ("No", "Sasaran", "Indikator", "Target"),
        ("1", "Sasaran satu", "Indikator satu", "10 %"),
        ("2 Sasaran dua Indikator",),
    ]


@pytest.mark.usefixtures("tesseract")
def test_a_scanned_pk_of_the_corpus_is_read_by_ocr():
    """Disperkim Jawa Barat 2017, Kepala Bidang Pertanahan: a signed scan without a text layer."""
    [pk] = pk_text.parse_file(str(KORPUS / "10_jabar_disperkim_kabid_pertanahan_2017_scan.pdf"))
    assert pk.ocr and pk.tahun == 2017
    assert (pk.pihak_pertama.nama, pk.pihak_pertama.nip) == ("Drs. DEDE WAHYUDIN, M.M.", "196703261991031006")
    assert pk.pihak_kedua.nip == "196201161991031004"
    [sasaran] = pk.sasaran
    assert sasaran.uraian == "Terwujudnya tertib tata kelola pertanahan"
    assert [(i.uraian, i.target.nilai, i.target.satuan) for i in sasaran.indikator] == [
        (
            "Tersusunnya Bahan Keputusan Gubernur tentang Penetapan Lokasi Pengadaan Tanah Bagi "
            "Pembangunan untuk Kepentingan Umum",
            Decimal("100"),
            "%",
        ),
        (
            "Tersusunnya Neraca Penguasaan dan Pemanfaatan Tanah Pemerintah Provinsi Jawa Barat",
            Decimal("20"),
            "%",
        ),
        (
            "Tersedianya Data Dan Informasi Spasial dan Non Spasial Pertanahan Se- Jawa Barat",
            Decimal("3"),
            "kawasan perkotaan",
        ),
    ]
    # The kegiatan table has no ruling lines: its rows are read from the words' places.
    assert [p.anggaran for p in pk.program][1:] == [
        Decimal("264000000.00"),
        Decimal("226165000.00"),
        Decimal("448315000.00"),
        Decimal("2000000000.00"),
    ]
    assert (
        pk.program[3].nama
        == "Inventarisasi Penguasaan dan Konflik Pertanahan untuk Kepentingan Strategis Provinsi"
    )
    # What OCR misread is not lost: the first amount ("2271.400.000,00") is named in a catatan.
    assert any("2271.400.000,00" in c.pesan for c in pk.catatan)
    assert not [t for t in review(pk) if t.tingkat == "galat"]


# Diskominfo Jawa Barat 2017: the statement's signature labels are printed the other way round from the
# names under them (PIHAK KEDUA over the pihak pertama) — a defect a person can point at in the paper.
LABEL_TERTUKAR = """PERJANJIAN KINERJA TAHUN 2017
yang bertanda tangan di bawah ini :
Nama\t: Drs.H. ASEP SUKMANA M.Si
Jabatan\t: SEKRETARIS DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI JAWA BARAT
Selanjutnya disebut PIHAK PERTAMA
Nama\t: Dr. HENING WIDIATMOKO MA.
Jabatan\t: KEPALA DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI JAWA BARAT
selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA
Bandung, ............... 2017
PIHAK KEDUA,\tPIHAK KESATU,
Drs.H. ASEP SUKMANA M.Si\tDr. HENING WIDIATMOKO MA.
No\tSasaran Strategis\tIndikator Kinerja\tTarget
1\tMeningkatnya sarana dan prasarana kerja\tJumlah sarana kerja minimal\t70 unit
"""


def test_names_under_swapped_labels_are_one_galat():
    [pk] = pk_text.parse(LABEL_TERTUKAR)
    temuan = [t for t in review(pk) if t.kode.startswith("PK-TTD")]
    assert [(t.kode, t.tingkat) for t in temuan] == [("PK-TTD-010", "galat")]
    assert "di bawah Pihak Kedua tertulis “Drs.H. ASEP SUKMANA M.Si”, nama Pihak Pertama" in temuan[0].pesan
    benar = LABEL_TERTUKAR.replace("PIHAK KEDUA,\tPIHAK KESATU,", "PIHAK KESATU,\tPIHAK KEDUA,")
    [pk] = pk_text.parse(benar)
    assert not [t for t in review(pk) if t.kode.startswith("PK-TTD")]


@pytest.mark.parametrize(
    ("teks", "nilai", "satuan"),
    [
        # Cimahi 2018: targets made of two quantities have no one value to measure against
        ("27 unit 1 tahun", None, None),
        ("1 dokumen, 70 orang", None, None),
        ("2 rekonsiliasi dan 1 dokumen", None, None),
        ("1 x in house training pengelola keuangan daerah untuk 40 orang", None, None),
        # one quantity, whatever words follow it; a digit inside a unit is no second quantity
        (
            "5 kali penilaian pelelangan dan penghapusan",
            Decimal("5"),
            "kali penilaian pelelangan dan penghapusan",
        ),
        ("12 bulan", Decimal("12"), "bulan"),
        ("250 m2", Decimal("250"), "m2"),
    ],
)
def test_a_target_of_two_quantities_has_no_value(teks, nilai, satuan):
    target = pk_text.parse_target(teks)
    assert (target.teks, target.nilai, target.satuan) == (teks, nilai, satuan)

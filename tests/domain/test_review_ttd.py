"""Rules PK-TTD (signatories): each fires with the exact places and values, and stays silent when right.

Places in the corrected seed: tanda_tangan[0] pernyataan/kedua, [1] pernyataan/pertama (NIP),
[2] lampiran_1/kedua, [3] lampiran_1/pertama (NIP).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kinerja.domain.pk import Pihak
from kinerja.domain.review_ttd import kelas_jabatan
from tests.domain.test_review import Kasus, ganti_ttd, periksa, pk_benar, pk_dari

L1_PERTAMA = "SITI HAERANI, S.Sos\nNIP. 197110101993122003"
NIP = "197110101993122003"


def _nama_l1(nama: str):
    return lambda: pk_dari((L1_PERTAMA, f"{nama}\nNIP. {NIP}"))


def _kedua(jabatan: str, nama: str = "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H."):
    def pk():
        p = pk_benar()
        p = replace(p, pihak_kedua=Pihak(nama=nama, jabatan=jabatan))
        p = ganti_ttd(p, 0, jabatan=jabatan, nama=nama)
        return ganti_ttd(p, 2, jabatan=jabatan, nama=nama)

    return pk


def _pertama(jabatan: str):
    def pk():
        p = pk_benar()
        assert p.pihak_pertama is not None
        p = replace(p, pihak_pertama=replace(p.pihak_pertama, jabatan=jabatan))
        p = ganti_ttd(p, 1, jabatan=jabatan)
        return ganti_ttd(p, 3, jabatan=jabatan)

    return pk


def _nip(nip: str):
    def pk():
        p = ganti_ttd(ganti_ttd(pk_benar(), 1, nip=nip), 3, nip=nip)
        assert p.pihak_pertama is not None
        return replace(p, pihak_pertama=replace(p.pihak_pertama, nip=nip))

    return pk


KASUS = [
    # PK-TTD-001: a different name (St. = Siti, but HAERANI ≠ HAKRAN)
    Kasus(
        "nama-pertama-beda",
        "PK-TTD-001",
        _nama_l1("ST. HAKRAN, S.Sos"),
        jalur=("pihak_pertama", "tanda_tangan[1]", "tanda_tangan[3]"),
        nilai={"tanda_tangan[3]": "ST. HAKRAN, S.Sos", "pihak_pertama": "SITI HAERANI, S.SOS"},
        pesan=("Nama Pihak Pertama berbeda", "“ST. HAKRAN, S.Sos” (Lampiran 1, tanda tangan Pihak Pertama)"),
        saran=("SK",),
    ),
    Kasus(
        "nama-kedua-beda",
        "PK-TTD-001",
        lambda: ganti_ttd(pk_benar(), 2, nama="Drs. ICHSAN YASIN LIMPO, M.Si"),
        jalur=("pihak_kedua", "tanda_tangan[0]", "tanda_tangan[2]"),
        nilai={"tanda_tangan[2]": "Drs. ICHSAN YASIN LIMPO, M.Si"},
        pesan=("Nama Pihak Kedua berbeda",),
    ),
    Kasus("st-adalah-siti", "PK-TTD-001", _nama_l1("ST. HAERANI, S.Sos"), jumlah=0),
    Kasus("gelar-dan-huruf", "PK-TTD-001", _nama_l1("Hj. Siti Haerani, S.Sos., M.Si."), jumlah=0),
    Kasus("sitti", "PK-TTD-001", _nama_l1("SITTI HAERANI S.Sos"), jumlah=0),
    Kasus("varian-bukan-galat", "PK-TTD-001", _nama_l1("SITI HAERANI ANSAR, S.Sos"), jumlah=0),
    # a block the reader attached to the wrong party is not a second spelling of that party
    Kasus("blok-salah-pihak", "PK-TTD-001", lambda: ganti_ttd(pk_benar(), 2, pihak="pertama"), jumlah=0),
    # PK-TTD-002: a variant (a word more or less, an initial)
    Kasus(
        "tanpa-yl",
        "PK-TTD-002",
        lambda: ganti_ttd(pk_benar(), 2, nama="Dr. ADNAN PURICHTA ICHSAN, S.H., M.H."),
        jalur=("pihak_kedua", "tanda_tangan[0]", "tanda_tangan[2]"),
        nilai={"tanda_tangan[2]": "Dr. ADNAN PURICHTA ICHSAN, S.H., M.H."},
        pesan=("ditulis tidak seragam", "“YL” hanya ada di sebagian tempat"),
    ),
    Kasus(
        "inisial",
        "PK-TTD-002",
        lambda: ganti_ttd(pk_benar(), 2, nama="Dr. A. PURICHTA ICHSAN YL, S.H., M.H."),
        jalur=("pihak_kedua", "tanda_tangan[0]", "tanda_tangan[2]"),
        pesan=("“A”", "“ADNAN”"),
    ),
    Kasus("sama-persis", "PK-TTD-002", pk_benar, jumlah=0),
    Kasus("hanya-gelar", "PK-TTD-002", _nama_l1("SITI HAERANI"), jumlah=0),
    Kasus("beda-bukan-varian", "PK-TTD-002", _nama_l1("ST. HAKRAN, S.Sos"), jumlah=0),
    # PK-TTD-003: different NIP for the same party
    Kasus(
        "nip-beda",
        "PK-TTD-003",
        lambda: ganti_ttd(pk_benar(), 3, nip="197110171993122003"),
        jalur=("tanda_tangan[1]", "tanda_tangan[3]"),
        nilai={"tanda_tangan[1]": NIP, "tanda_tangan[3]": "197110171993122003"},
        pesan=("NIP Pihak Pertama berbeda", "angka ke-8 (tanggal lahir)"),
    ),
    Kasus(
        "nip-tmt-beda",
        "PK-TTD-003",
        lambda: ganti_ttd(pk_benar(), 3, nip="197110101994012003"),
        pesan=("angka ke-12, 13, 14 (TMT CPNS)",),
    ),
    Kasus(
        "nip-berspasi", "PK-TTD-003", lambda: ganti_ttd(pk_benar(), 3, nip="19711010 199312 2 003"), jumlah=0
    ),
    Kasus("nip-sama", "PK-TTD-003", pk_benar, jumlah=0),
    Kasus(
        "nip-blok-salah-pihak",
        "PK-TTD-003",
        lambda: ganti_ttd(pk_benar(), 2, pihak="pertama", nip="196001011985031001"),
        jumlah=0,
    ),
    # PK-TTD-004: NIP structure (Perka BKN 22/2007)
    Kasus(
        "lahir-bulan-13",
        "PK-TTD-004",
        _nip("197113101993122003"),
        jalur=("tanda_tangan[1]", "tanda_tangan[3]"),
        pesan=("tanggal lahir",),
    ),
    Kasus("tmt-bulan-13", "PK-TTD-004", _nip("197110101993132003"), pesan=("bulan TMT CPNS",)),
    Kasus(
        "tmt-sebelum-18",
        "PK-TTD-004",
        _nip("197110101985122003"),
        pesan=("sebelum pegawai berumur 18 tahun",),
    ),
    Kasus("jenis-kelamin-3", "PK-TTD-004", _nip("197110101993123003"), pesan=("jenis kelamin",)),
    Kasus("urut-000", "PK-TTD-004", _nip("197110101993122000"), pesan=("nomor urut",)),
    Kasus("kurang-angka", "PK-TTD-004", _nip("19711010199312200"), pesan=("18 angka",)),
    Kasus("nip-sah", "PK-TTD-004", pk_benar, jumlah=0),
    Kasus("bupati-tanpa-nip", "PK-TTD-004", lambda: ganti_ttd(pk_benar(), 0, nip="-"), jumlah=0),
    # PK-TTD-005: the same person on both sides
    Kasus(
        "orang-sama",
        "PK-TTD-005",
        _kedua("Bupati Gowa", "SITI HAERANI, S.Sos"),
        jalur=("pihak_pertama", "pihak_kedua"),
        pesan=("orang yang sama (nama sama)",),
    ),
    Kasus(
        "nip-sama-dua-pihak",
        "PK-TTD-005",
        lambda: ganti_ttd(pk_benar(), 0, nip=NIP),
        nilai={"nip": NIP},
        pesan=("NIP sama",),
    ),
    Kasus("dua-orang", "PK-TTD-005", pk_benar, jumlah=0),
    # PK-TTD-006: pihak kedua not a plausible superior
    Kasus(
        "camat-dengan-kabid",
        "PK-TTD-006",
        _kedua("Kepala Bidang Pelayanan"),
        jalur=("pihak_pertama", "pihak_kedua"),
        nilai={"pihak_pertama": "Camat Bajeng", "pihak_kedua": "Kepala Bidang Pelayanan"},
        pesan=("bukan atasan langsung yang lazim", "bupati/wali kota/gubernur"),
        saran=("PermenPANRB 53/2014",),
    ),
    Kasus("camat-dengan-bupati", "PK-TTD-006", pk_benar, jumlah=0),
    Kasus("camat-dengan-pj-bupati", "PK-TTD-006", _kedua("Pj. Bupati Gowa"), jumlah=0),
    Kasus("jabatan-tak-dikenal", "PK-TTD-006", _kedua("Ketua Tim Kerja Kinerja"), jumlah=0),
    # PK-TTD-007: the same party with another jabatan in another part
    Kasus(
        "camat-lain",
        "PK-TTD-007",
        lambda: ganti_ttd(pk_benar(), 3, jabatan="Camat Pallangga"),
        jalur=("pihak_pertama", "tanda_tangan[1]", "tanda_tangan[3]"),
        nilai={"tanda_tangan[3]": "Camat Pallangga"},
        pesan=("Jabatan Pihak Pertama berbeda", "“Camat Pallangga”"),
    ),
    Kasus("plt", "PK-TTD-007", lambda: ganti_ttd(pk_benar(), 3, jabatan="Plt. Camat Bajeng")),
    Kasus(
        "tambah-pemda",
        "PK-TTD-007",
        lambda: ganti_ttd(pk_benar(), 3, jabatan="CAMAT BAJENG KABUPATEN GOWA"),
        jumlah=0,
    ),
    Kasus("jabatan-sama", "PK-TTD-007", pk_benar, jumlah=0),
    # PK-TTD-008: a head of another region as pihak kedua
    Kasus(
        "bupati-lain",
        "PK-TTD-008",
        _kedua("Bupati Maros"),
        jalur=("pihak_kedua",),
        nilai={"pihak_kedua": "Bupati Maros", "pemerintah": "Kabupaten Gowa"},
        pesan=("bukan kepala daerah Kabupaten Gowa",),
    ),
    Kasus("wali-kota-untuk-kabupaten", "PK-TTD-008", _kedua("Wali Kota Gowa")),
    Kasus("bupati-sendiri", "PK-TTD-008", _kedua("Pj. Bupati Gowa"), jumlah=0),
]


def _kedua_pada(pk, jabatan: str):
    pk = replace(pk, pihak_kedua=Pihak(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", jabatan=jabatan))
    return ganti_ttd(ganti_ttd(pk, 0, jabatan=jabatan), 2, jabatan=jabatan)


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k.kode}-{k.id}")
def test_aturan_ttd(kasus):
    periksa(kasus)


@pytest.mark.parametrize(
    ("jabatan", "kelas"),
    [
        ("Camat Bajeng", "camat"),
        ("Plt. Camat Bajeng", "camat"),
        ("Bupati Gowa", "kepala_daerah"),
        ("Pj. Wali Kota Makassar", "kepala_daerah"),
        ("Wakil Bupati Gowa", "wakil_kepala_daerah"),
        ("Kepala Dinas Komunikasi dan Informatika", "kepala_pd"),
        ("Kepala Badan Perencanaan Pembangunan Daerah", "kepala_pd"),
        ("Inspektur Kabupaten Gowa", "kepala_pd"),
        ("Inspektur Pembantu Wilayah I", "eselon_iii"),
        ("Sekretaris Daerah Kabupaten Gowa", "sekda"),
        ("Sekretaris Dinas Kesehatan", "eselon_iii"),
        ("Sekretaris Kecamatan Bajeng", "eselon_iii"),
        ("Kepala Bidang Pelayanan", "eselon_iii"),
        ("Kepala Bagian Organisasi", "eselon_iii"),
        ("Kepala Sub Bagian Umum dan Kepegawaian", "eselon_iv"),
        ("Kepala Seksi Pemerintahan", "eselon_iv"),
        ("Kasubbag Keuangan", "eselon_iv"),
        ("Kepala UPTD Puskesmas Bajeng", "kepala_upt"),
        ("Lurah Kalebajeng", "lurah"),
        ("Ketua Tim Kerja", None),
        ("", None),
    ],
)
def test_kelas_jabatan(jabatan, kelas):
    assert kelas_jabatan(jabatan) == kelas


@pytest.mark.parametrize(
    ("pertama", "kedua", "jumlah"),
    [
        ("Kepala Bidang Pelayanan", "Kepala Dinas Kesehatan", 0),
        ("Kepala Sub Bagian Umum", "Sekretaris Dinas Kesehatan", 0),
        ("Kepala Seksi Pemerintahan", "Camat Bajeng", 0),
        ("Lurah Kalebajeng", "Camat Bajeng", 0),
        ("Sekretaris Daerah Kabupaten Gowa", "Bupati Gowa", 0),
        ("Kepala Dinas Kesehatan", "Sekretaris Daerah Kabupaten Gowa", 1),
        ("Kepala Bidang Pelayanan", "Bupati Gowa", 1),
        ("Lurah Kalebajeng", "Bupati Gowa", 1),
        ("Camat Bajeng", "Wakil Bupati Gowa", 1),
    ],
)
def test_atasan_table(pertama, kedua, jumlah):
    periksa(Kasus("atasan", "PK-TTD-006", lambda: _kedua_pada(_pertama(pertama)(), kedua), jumlah=jumlah))

"""Rules PK-HKM (legal basis) and the regulation catalogue: reading citations tolerantly, loading users'
files, and each rule firing with its places and values and staying silent when the citation is right."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kinerja.domain.review import Katalog, KatalogError, review
from kinerja.domain.review_katalog import KATALOG_BAWAAN
from tests.domain.test_review import Kasus, ganti_penjelasan, periksa, pk_benar, pk_dari

UU28 = "1. Undang-Undang Nomor 28 Tahun 1999"
PERPRES = "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah."
SKM = "Reformasi Birokrasi Nomor 14 Tahun 2017 tentang"


def _dasar_ikm(*dasar: str):
    """The IKM explanation (penjelasan[1]) with other dasar hukum entries."""
    return lambda: ganti_penjelasan(pk_benar(), 1, dasar_hukum=dasar)


KASUS = [
    # PK-HKM-001: no number; the catalogue knows it by year and title
    Kasus(
        "tanpa-nomor",
        "PK-HKM-001",
        lambda: pk_dari((SKM, "Reformasi Birokrasi Tahun 2017 tentang")),
        jalur=("penjelasan[1].dasar_hukum[1]",),
        nilai={
            "seharusnya": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun "
            "2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik"
        },
        pesan=("tidak menyebut nomor peraturan", "Nomor 14 Tahun 2017"),
    ),
    Kasus(
        "tak-dikenal",
        "PK-HKM-001",
        _dasar_ikm("Peraturan Bupati Gowa Tahun 2020 tentang Pelayanan Kecamatan"),
        jumlah=0,
    ),
    Kasus(
        "judul-lain",
        "PK-HKM-001",
        _dasar_ikm("Peraturan Presiden Tahun 2014 tentang Kartu Indonesia Sehat"),
        jumlah=0,
    ),
    Kasus("bernomor", "PK-HKM-001", pk_benar, jumlah=0),
    # PK-HKM-002: the word "Nomor" missing
    Kasus(
        "tanpa-kata-nomor",
        "PK-HKM-002",
        lambda: pk_dari((UU28, "1. Undang-Undang 28 Tahun 1999")),
        jalur=("penjelasan[0].dasar_hukum[1]",),
        nilai={"seharusnya": "Undang-Undang Nomor 28 Tahun 1999"},
    ),
    Kasus("singkatan", "PK-HKM-002", _dasar_ikm("UU 25/2009 tentang Pelayanan Publik"), jumlah=0),
    Kasus("tak-dikenal", "PK-HKM-002", _dasar_ikm("Undang-Undang 99 Tahun 2099 tentang Hal Lain"), jumlah=0),
    Kasus("lengkap", "PK-HKM-002", pk_benar, jumlah=0),
    # PK-HKM-003: a title that is not the official one
    Kasus(
        "tanpa-instansi",
        "PK-HKM-003",
        lambda: pk_dari(
            (
                "Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah.",
                "Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Pemerintah.",
            )
        ),
        jalur=("penjelasan[0].dasar_hukum[3]",),
        nilai={"seharusnya": "Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"},
        pesan=("kurang kata “Instansi”", "dasar hukum butir 3"),
    ),
    Kasus(
        "kata-lebih",
        "PK-HKM-003",
        _dasar_ikm("Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik Daerah"),
        jalur=("penjelasan[1].dasar_hukum[0]",),
        pesan=("kata “Daerah” tidak ada di judul resmi",),
    ),
    Kasus(
        "di-uraian",
        "PK-HKM-003",
        lambda: pk_dari(
            (
                "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)",
                "tentang Sistem Akuntabilitas Kinerja Pemerintah (SAKIP)",
            )
        ),
        jalur=("penjelasan[0].dasar_hukum[0]",),
        pesan=("Lampiran 2, uraian sasaran",),
    ),
    Kasus("singkatan-dalam-kurung", "PK-HKM-003", pk_benar, jumlah=0),
    Kasus(
        "huruf",
        "PK-HKM-003",
        _dasar_ikm(
            "PERATURAN PRESIDEN NOMOR 29 TAHUN 2014 TENTANG SISTEM AKUNTABILITAS KINERJA INSTANSI PEMERINTAH"
        ),
        jumlah=0,
    ),
    Kasus(
        "judul-varian-terdaftar",
        "PK-HKM-003",
        _dasar_ikm(
            "Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan Bebas dari Korupsi, Kolusi dan Nepotisme"
        ),
        jumlah=0,
    ),
    Kasus(
        "lembaran-negara",
        "PK-HKM-003",
        _dasar_ikm(
            "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah (Lembaran Negara Republik Indonesia Tahun 2006 Nomor 25)"
        ),
        jumlah=0,
    ),
    Kasus(
        "varian-di-teks-peraturan-53-2014",
        "PK-HKM-003",
        _dasar_ikm(
            "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Penyusunan Penetapan Kinerja, "
            "Pelaporan Kinerja, dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah"
        ),
        jumlah=0,
    ),
    Kasus(
        "tak-dikenal",
        "PK-HKM-003",
        _dasar_ikm("Peraturan Bupati Gowa Nomor 5 Tahun 2020 tentang Apa Saja"),
        jumlah=0,
    ),
    Kasus(
        "judul-milik-peraturan-lain",
        "PK-HKM-003",
        _dasar_ikm(
            "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"
        ),
        jumlah=0,
    ),
    # PK-HKM-004: number/year of one regulation, title of another
    Kasus(
        "tahun-salah",
        "PK-HKM-004",
        _dasar_ikm(
            "Peraturan Presiden Nomor 29 Tahun 2015 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah"
        ),
        jalur=("penjelasan[1].dasar_hukum[0]",),
        nilai={
            "seharusnya": "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah"
        },
    ),
    Kasus(
        "nomor-peraturan-lain",
        "PK-HKM-004",
        _dasar_ikm(
            "Permenpan RB No. 53 Tahun 2014 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"
        ),
        pesan=("Nomor 53 Tahun 2014 berjudul “Petunjuk Teknis Perjanjian Kinerja",),
        nilai={
            "seharusnya": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 Tahun 2021 "
            "tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"
        },
    ),
    Kasus(
        "judul-mirip-saja",
        "PK-HKM-004",
        _dasar_ikm("Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Pemerintah"),
        jumlah=0,
    ),
    Kasus("benar", "PK-HKM-004", pk_benar, jumlah=0),
    # PK-HKM-005: replaced before the PK's year
    Kasus(
        "12-2015",
        "PK-HKM-005",
        _dasar_ikm(
            "Peraturan Menteri PAN dan RB Nomor 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi Sistem Akuntabilitas Kinerja Instansi Pemerintah"
        ),
        jalur=("penjelasan[1].dasar_hukum[0]",),
        nilai={
            "pengganti": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"
        },
    ),
    Kasus(
        "kep-25-2004",
        "PK-HKM-005",
        _dasar_ikm(
            "Keputusan Menteri Pendayagunaan Aparatur Negara Nomor KEP/25/M.PAN/2/2004 tentang Pedoman Umum Penyusunan Indeks Kepuasan Masyarakat Unit Pelayanan Instansi Pemerintah"
        ),
        pesan=(
            "diganti oleh Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017",
        ),
    ),
    Kasus(
        "masih-berlaku-saat-itu",
        "PK-HKM-005",
        lambda: replace(
            _dasar_ikm(
                "Peraturan Menteri PANRB Nomor 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi Sistem Akuntabilitas Kinerja Instansi Pemerintah"
            )(),
            tahun=2019,
        ),
        jumlah=0,
    ),
    Kasus("berlaku", "PK-HKM-005", pk_benar, jumlah=0),
]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k.kode}-{k.id}")
def test_aturan_hukum(kasus):
    periksa(kasus)


def test_one_finding_per_citation_even_when_cited_in_two_blocks():
    salah = "Undang-Undang 25 Tahun 2009 tentang Pelayanan Publik"
    pk = ganti_penjelasan(_dasar_ikm(salah)(), 0, dasar_hukum=(salah,))
    [t] = review(pk, kode=["PK-HKM-002"])
    assert [lok.jalur for lok in t.lokasi] == ["penjelasan[0].dasar_hukum[0]", "penjelasan[1].dasar_hukum[0]"]


def test_citation_in_running_text_of_the_uraian_is_read_without_judging_its_title():
    pk = ganti_penjelasan(
        pk_benar(),
        1,
        uraian_sasaran=(
            "Meningkatnya kepuasan masyarakat terhadap pelayanan publik. Sesuai Peraturan Menteri PANRB Tahun 2017 "
            "tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik, survei "
            "dilakukan setiap tahun oleh unit layanan."
        ),
    )
    [t] = review(pk, kode=["PK-HKM-001"])
    assert [lok.jalur for lok in t.lokasi] == ["penjelasan[1].uraian_sasaran"]
    assert review(pk, kode=["PK-HKM-003"]) == []


# --- the catalogue ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def katalog():
    return Katalog.bawaan()


@pytest.mark.parametrize(
    ("teks", "jenis", "nomor", "tahun", "kata_nomor"),
    [
        ("Undang-Undang 28 Tahun 1999 tentang Penyelenggara Negara", "uu", "28", 1999, False),
        ("undang-undang nomor 28 tahun 1999", "uu", "28", 1999, True),
        ("UNDANG UNDANG NOMOR 25 TAHUN 2009 TENTANG PELAYANAN PUBLIK", "uu", "25", 2009, True),
        ("UU No. 25/2009", "uu", "25", 2009, True),
        ("PP Nomor 8 Tahun 2006", "pp", "8", 2006, True),
        ("Perpres 29/2014", "perpres", "29", 2014, False),
        ("Peraturan Presiden Republik Indonesia Nomor 29 Tahun 2014", "perpres", "29", 2014, True),
        ("Permenpan RB Nomor 53 Tahun 2014", "permenpanrb", "53", 2014, True),
        ("PermenPAN-RB No 53 Th 2014", "permenpanrb", "53", 2014, True),
        ("PermenPANRB 88/2021", "permenpanrb", "88", 2021, False),
        ("Peraturan Menteri PAN RB Nomor 14 Tahun 2017", "permenpanrb", "14", 2017, True),
        (
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Tahun 2017",
            "permenpanrb",
            None,
            2017,
            False,
        ),
        (
            "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor 29 Tahun 2010",
            "permenpanrb",
            "29",
            2010,
            True,
        ),
        ("Kepmenpan Nomor KEP/25/M.PAN/2/2004", "kepmenpan", "KEP/25/M.PAN/2", 2004, True),
        ("Permendagri Nomor 86 Tahun 2017", "permendagri", "86", 2017, True),
        ("Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019", "permendagri", "90", 2019, True),
    ],
)
def test_citations_are_read_tolerantly(katalog, teks, jenis, nomor, tahun, kata_nomor):
    [r] = katalog.rujukan(teks)
    assert (r.jenis, r.nomor, r.tahun, r.kata_nomor) == (jenis, nomor, tahun, kata_nomor)
    if nomor is not None:
        assert katalog.kenali(r) is not None, teks


@pytest.mark.parametrize(
    "teks",
    [
        "Undang-Undang Dasar 1945",
        "Peraturan Presiden yang berlaku",
        "Pasal 18 ayat (1)",
        "Renstra Kecamatan Bajeng 2021-2026",
    ],
)
def test_text_that_is_not_a_citation(katalog, teks):
    assert katalog.rujukan(teks) == []


def test_a_citation_inside_a_title_belongs_to_the_title(katalog):
    [r] = katalog.rujukan(
        "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang "
        "Pelayanan Publik"
    )
    assert (r.jenis, r.nomor, r.tahun) == ("pp", "96", 2012)
    assert r.judul == "Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
    assert katalog.kenali(r).judul_cocok(r.judul)  # type: ignore[union-attr]


def test_two_citations_in_one_sentence_and_amendment_clause(katalog):
    rs = katalog.rujukan(
        "antara lain: Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP dan UU 23/2014 tentang Pemerintahan "
        "Daerah sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 9 Tahun 2015"
    )
    assert [(r.jenis, r.nomor, r.tahun, r.judul) for r in rs] == [
        ("perpres", "29", 2014, "SAKIP"),
        ("uu", "23", 2014, "Pemerintahan Daerah"),
        ("uu", "9", 2015, None),
    ]


@pytest.mark.parametrize(
    "ekor",
    [
        " beserta perubahannya",
        " dan perubahannya;",
        " sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015",
        " (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244)",
        " jo. Undang-Undang Nomor 9 Tahun 2015",
    ],
)
def test_title_ends_before_amendments_and_gazette_references(katalog, ekor):
    r = katalog.rujukan("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah" + ekor)[0]
    assert r.judul == "Pemerintahan Daerah"


def test_built_in_catalogue_holds_the_sakip_and_skm_regulations(katalog):
    for jenis, nomor, tahun in [
        ("uu", "28", 1999),
        ("uu", "25", 2009),
        ("pp", "8", 2006),
        ("perpres", "29", 2014),
        ("permenpanrb", "53", 2014),
        ("permenpanrb", "14", 2017),
        ("permenpanrb", "88", 2021),
        ("permenpanrb", "12", 2015),
        ("permenpanrb", "16", 2014),
        ("kepmenpan", "KEP/25/M.PAN/2/2004", 2004),
        ("permendagri", "86", 2017),
        ("permendagri", "90", 2019),
    ]:
        assert katalog.cari(jenis, nomor, tahun) is not None, (jenis, nomor, tahun)
    assert (
        katalog.cari("permenpanrb", "88", 2021).judul == "Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"
    )  # type: ignore[union-attr]
    assert json.loads(KATALOG_BAWAAN.read_text(encoding="utf-8"))["format"] == "kinerja-katalog-peraturan"


def test_users_extend_and_override_the_catalogue(tmp_path):
    berkas = tmp_path / "daerah.json"
    berkas.write_text(
        json.dumps(
            {
                "jenis": [{"kode": "perbup", "nama": "Peraturan Bupati Gowa", "singkatan": ["Perbup Gowa"]}],
                "peraturan": [
                    {
                        "jenis": "perbup",
                        "nomor": "12",
                        "tahun": 2022,
                        "judul": "Perjanjian Kinerja di Lingkungan Pemerintah Kabupaten Gowa",
                    },
                    {"jenis": "uu", "nomor": 25, "tahun": 2009, "judul": "Pelayanan Publik Daerah"},
                ],
            }
        ),
        encoding="utf-8",
    )
    katalog = Katalog.muat(tambahan=[berkas])
    assert len(katalog) == len(Katalog.bawaan()) + 1
    assert katalog.cari("uu", "25", 2009).judul == "Pelayanan Publik Daerah"  # type: ignore[union-attr]
    pk = ganti_penjelasan(
        pk_benar(), 1, dasar_hukum=("Perbup Gowa Nomor 12 Tahun 2022 tentang Perjanjian Kinerja",)
    )
    [t] = review(pk, katalog=katalog, kode=["PK-HKM-003"])
    assert t.nilai["seharusnya"] == "Perjanjian Kinerja di Lingkungan Pemerintah Kabupaten Gowa"
    assert review(pk, kode=["PK-HKM-003"]) == []  # the built-in catalogue does not know it: silent


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("{", "tidak dapat dibaca"),
        ("[]", "objek JSON"),
        ('{"peraturan": [{"jenis": "uu", "nomor": "1"}]}', "harus punya"),
        (
            '{"peraturan": [{"jenis": "xx", "nomor": "1", "tahun": 2020, "judul": "A"}]}',
            "tidak didefinisikan",
        ),
        ('{"jenis": [{"kode": "x"}]}', "kode"),
        (
            '{"peraturan": [{"jenis": "uu", "nomor": "1", "tahun": 2020, "judul": "A", "diganti_oleh": "uu 2/2021"}]}',
            "diganti_oleh",
        ),
    ],
)
def test_bad_catalogue_files_are_refused_in_indonesian(tmp_path, isi, pesan):
    berkas = tmp_path / "k.json"
    berkas.write_text(isi, encoding="utf-8")
    with pytest.raises(KatalogError, match=pesan):
        Katalog.muat(tambahan=[berkas])


def test_missing_catalogue_file(tmp_path):
    with pytest.raises(KatalogError, match="tidak ditemukan"):
        Katalog.muat(tmp_path / "tidak-ada.json")

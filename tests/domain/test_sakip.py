"""The SAKIP evaluation score, predikat and consistency rules (PermenPANRB 88/2021; docs/formulas.md)."""

from __future__ import annotations

import copy
import json
from decimal import Decimal as D

import pytest

from kinerja.domain import sakip
from kinerja.domain.sakip import InstrumenTidakSah, KeadaanBukti, baca_instrumen, hitung, hitung_komponen

SKALA = {
    "AA-E": {
        "AA": "1.00",
        "A": "0.90",
        "BB": "0.80",
        "B": "0.70",
        "CC": "0.60",
        "C": "0.50",
        "D": "0.30",
        "E": "0",
    },
    "Y/T": {"Y": "1", "T": "0"},
}


def _sub(kode, jenis, bobot, n, dasar=None, skala="AA-E"):
    return {
        "kode": kode,
        "nama": jenis.title(),
        "jenis": jenis,
        "bobot": bobot,
        "kriteria": [
            {"kode": f"{kode}.{i}", "teks": f"Kriteria {kode}.{i}", "skala": skala, "dasar": dasar}
            for i in range(1, n + 1)
        ],
    }


def _komponen(kode, nama, bobot, b1, b2, b3, n=(2, 3, 4)):
    return {
        "kode": kode,
        "nama": nama,
        "bobot": bobot,
        "subkomponen": [
            _sub(f"{kode}.a", "keberadaan", b1, n[0]),
            _sub(f"{kode}.b", "kualitas", b2, n[1], dasar=f"{kode}.a.1"),
            _sub(f"{kode}.c", "pemanfaatan", b3, n[2], dasar=f"{kode}.a.1"),
        ],
    }


# The four components of 88/2021 with the sub-weights of the regulation (20/30/50 % of each).
DATA = {
    "kode": "88/2021",
    "versi": "uji",
    "nama": "LKE uji",
    "peraturan": "PermenPANRB 88/2021",
    "tahun_mulai": 2022,
    "skala": SKALA,
    "komponen": [
        _komponen("1", "Perencanaan Kinerja", "30", "6", "9", "15"),
        _komponen("2", "Pengukuran Kinerja", "30", "6", "9", "15"),
        _komponen("3", "Pelaporan Kinerja", "15", "3", "4.5", "7.5"),
        _komponen("4", "Evaluasi Akuntabilitas Kinerja Internal", "25", "5", "7.5", "12.5"),
    ],
}


@pytest.fixture(scope="module")
def ins():
    return baca_instrumen(DATA)


def _semua(ins, jawaban):
    return {k.kode: jawaban for k in ins.kriteria}


@pytest.mark.parametrize(
    ("jawaban", "nilai", "predikat", "kategori"),
    [
        # Every criterion the same grade: the score is that grade's value (88/2021's table of answers).
        ("AA", "100.00", "AA", "Sangat Memuaskan"),
        ("A", "90.00", "A", "Memuaskan"),
        ("BB", "80.00", "BB", "Sangat Baik"),  # 80,00 is BB: the lower bound is exclusive
        ("B", "70.00", "B", "Baik"),
        ("CC", "60.00", "CC", "Cukup (Memadai)"),
        ("C", "50.00", "C", "Kurang"),
        ("D", "30.00", "D", "Sangat Kurang"),
        ("E", "0.00", "D", "Sangat Kurang"),
    ],
)
def test_satu_nilai_untuk_semua_kriteria(ins, jawaban, nilai, predikat, kategori):
    h = hitung(ins, _semua(ins, jawaban))
    assert (h.nilai, h.predikat.kode, h.predikat.label, h.lengkap) == (D(nilai), predikat, kategori, True)


def test_bobot_subkomponen_kali_rata_rata(ins):
    # Perencanaan: keberadaan (6) 2 criteria AA + C → 6 × 0,75 = 4,5; kualitas (9) 3 × BB → 7,2;
    # pemanfaatan (15) B, B, CC, E → 15 × (0,7+0,7+0,6+0)/4 = 7,5. Component 19,2 of 30 = 64,00 % (B).
    j = {"1.a.1": "AA", "1.a.2": "C", "1.b.1": "BB", "1.b.2": "BB", "1.b.3": "BB"}
    j |= {"1.c.1": "B", "1.c.2": "B", "1.c.3": "CC", "1.c.4": "E"}
    h = hitung(ins, j)
    p = h.komponen[0]
    assert [s.nilai for s in p.subkomponen] == [D("4.50"), D("7.2"), D("7.500")]
    assert (p.nilai_bulat, p.persen, p.predikat.kode) == (D("19.20"), D("64.00"), "B")
    assert (h.nilai, h.predikat.kode, h.lengkap) == (D("19.20"), "D", False)


def test_rata_rata_tidak_dibulatkan_sebelum_dijumlah(ins):
    # Kualitas of component 1 has 3 criteria: A, B, B → 9 × 2,3/3 = 6,9; pemanfaatan 4 × BB = 12;
    # keberadaan 2 × AA = 6 → 24,90; the rest all BB: 24 + 12 + 20 → 80,90 (A).
    j = _semua(ins, "BB") | {"1.a.1": "AA", "1.a.2": "AA", "1.b.1": "A", "1.b.2": "B", "1.b.3": "B"}
    h = hitung(ins, j)
    assert h.komponen[0].nilai == D("24.9")
    assert (h.nilai, h.predikat.kode) == (D("80.90"), "A")


def test_nilai_seperti_pk_bajeng(ins):
    # Worked example of the seed's Lampiran 2: 74,15 is BB (Sangat Baik).
    h = hitung_komponen(
        [
            ("Perencanaan Kinerja", D(30), D("22.50")),
            ("Pengukuran Kinerja", D(30), D("21.90")),
            ("Pelaporan Kinerja", D(15), D("11.25")),
            ("Evaluasi Akuntabilitas Kinerja Internal", D(25), D("18.50")),
        ]
    )
    assert (h.nilai, h.predikat.kode, h.predikat.label) == (D("74.15"), "BB", "Sangat Baik")
    assert [k.persen for k in h.komponen] == [D("75.00"), D("73.00"), D("75.00"), D("74.00")]
    assert [k.predikat.kode for k in h.komponen] == ["BB"] * 4


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        # PermenPANRB 88/2021 bands, lower bound exclusive; the boundaries and one hundredth above.
        ("100.00", "AA"),
        ("90.01", "AA"),
        ("90.00", "A"),
        ("80.01", "A"),
        ("80.00", "BB"),
        ("70.01", "BB"),
        ("70.00", "B"),
        ("60.01", "B"),
        ("60.00", "CC"),
        ("50.01", "CC"),
        ("50.00", "C"),
        ("30.01", "C"),
        ("30.00", "D"),
        ("0.00", "D"),
        ("80.005", "A"),  # rounded half up to 80,01 before the lookup
        ("80.004", "BB"),
    ],
)
def test_batas_predikat_dari_baris_komponen(nilai, predikat):
    h = hitung_komponen([("Satu", D(100), D(nilai))])
    assert h.predikat.kode == predikat


def test_baris_komponen_di_luar_bobot_ditolak():
    with pytest.raises(ValueError, match="di luar 0 sampai bobotnya 30"):
        hitung_komponen([("Perencanaan", D(30), D("30.5"))])
    with pytest.raises(ValueError, match="Tidak ada baris"):
        hitung_komponen([])


def test_to_json(ins):
    j = hitung(ins, _semua(ins, "BB")).to_json()
    assert j["nilai"] == "80.00" and j["predikat"] == "BB" and j["kategori"] == "Sangat Baik"
    assert j["komponen"][2] == {
        "komponen": "Pelaporan Kinerja",
        "bobot": "15",
        "nilai": "12.00",
        "persen": "80.00",
        "predikat": "BB",
    }


def test_jawaban_tidak_dikenal(ins):
    with pytest.raises(ValueError, match=r"Jawaban 'X' untuk kriteria 1.a.1 tidak dikenal: pilih AA, A, BB"):
        hitung(ins, {"1.a.1": "X"})
    with pytest.raises(ValueError, match=r"Kriteria 9\.z\.9 tidak ada"):
        hitung(ins, {"9.z.9": "AA"})
    # Lower case and spaces are read.
    assert hitung(ins, {"1.a.1": " bb "}).komponen[0].subkomponen[0].nilai == D("2.4")


# -- loading ---------------------------------------------------------------------------------------


def _rusak(ubah):
    data = copy.deepcopy(DATA)
    ubah(data)
    return data


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        (
            lambda d: (
                d["komponen"][0].update(bobot="31"),
                d["komponen"][0]["subkomponen"][0].update(bobot="7"),
            ),
            "bobot komponen berjumlah 101, bukan 100",
        ),
        (
            lambda d: d["komponen"][0]["subkomponen"][0].update(bobot="7"),
            "komponen 1: bobot subkomponennya berjumlah 31, bukan 30",
        ),
        (
            lambda d: d["komponen"][1]["subkomponen"][1]["kriteria"][0].update(skala="1-5"),
            "kriteria 2.b.1: skala '1-5' tidak ada",
        ),
        (lambda d: d["komponen"][1]["subkomponen"][1].update(jenis="mutu"), "subkomponen 2.b: jenis 'mutu'"),
        (
            lambda d: d["komponen"][1]["subkomponen"][1]["kriteria"][0].update(dasar="2.b.2"),
            "kriteria 2.b.1: dasar 2.b.2 bukan kriteria keberadaan",
        ),
        (
            lambda d: d["komponen"][1]["subkomponen"][1]["kriteria"][0].update(dasar="7.a.1"),
            "dasar '7.a.1' tidak ada",
        ),
        (
            lambda d: d["komponen"][1]["subkomponen"][0]["kriteria"][1].update(kode="2.a.1"),
            "kode kriteria ganda: 2.a.1",
        ),
        (
            lambda d: d["komponen"][0]["subkomponen"][0].update(bobot="enam"),
            "subkomponen 1.a: bobot/nilai 'enam'",
        ),
        (lambda d: d["skala"]["Y/T"].update(Y="2"), "skala Y/T: nilai jawaban harus antara 0 dan 1"),
        (lambda d: d.pop("komponen"), "instrumen: isian 'komponen' tidak ada"),
        (
            lambda d: d["komponen"][0]["subkomponen"][0]["kriteria"][0].update(bukti_otomatis=["sp2d"]),
            "bukti otomatis 'sp2d' tidak dikenal",
        ),
    ],
)
def test_instrumen_rusak_ditolak_dengan_tempatnya(ubah, pesan):
    with pytest.raises(InstrumenTidakSah, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        baca_instrumen(_rusak(ubah))


def test_instrumen_dari_teks_json_dan_json_rusak():
    assert baca_instrumen(json.dumps(DATA)).kode == "88/2021"
    with pytest.raises(InstrumenTidakSah, match="bukan JSON yang sah"):
        baca_instrumen("{komponen")


@pytest.mark.parametrize(
    ("kode", "komponen", "kriteria", "per_sub"),
    [
        ("88/2021", 4, 80, [7, 10, 8, 3, 7, 10, 6, 9, 7, 3, 5, 5]),
        ("12/2015", 5, None, None),
    ],
)
def test_instrumen_bawaan(kode, komponen, kriteria, per_sub):
    ins = next(i for i in sakip.instrumen_bawaan() if i.kode == kode)
    assert len(ins.komponen) == komponen
    assert sum(k.bobot for k in ins.komponen) == D(100)
    if kriteria is not None:
        assert len(ins.kriteria) == kriteria
        assert [len(s.kriteria) for k in ins.komponen for s in k.subkomponen] == per_sub
        # 20 / 30 / 50 % of each component (88/2021).
        for k in ins.komponen:
            assert [s.bobot * 100 / k.bobot for s in k.subkomponen] == [20, 30, 50]


@pytest.mark.parametrize(
    ("tahun", "kode"), [(2015, "12/2015"), (2021, "12/2015"), (2022, "88/2021"), (2030, "88/2021")]
)
def test_instrumen_untuk_tahun(tahun, kode):
    assert sakip.instrumen_untuk_tahun(tahun).kode == kode


def test_instrumen_untuk_tahun_terlalu_awal():
    with pytest.raises(InstrumenTidakSah, match="tidak ada instrumen LKE untuk tahun 2010"):
        sakip.instrumen_untuk_tahun(2010)


def test_folder_pemda_didahulukan(tmp_path):
    sendiri = copy.deepcopy(DATA) | {"versi": "Gowa-2024", "tahun_mulai": 2024}
    (tmp_path / "gowa.json").write_text(json.dumps(sendiri))
    assert sakip.instrumen_untuk_tahun(2024, tmp_path).versi == "Gowa-2024"
    # A year the pemda's folder does not cover falls back to the built-in instruments.
    assert sakip.instrumen_untuk_tahun(2019, tmp_path).kode == "12/2015"


# -- consistency rules -----------------------------------------------------------------------------


def test_kualitas_lebih_tinggi_dari_keberadaan(ins):
    j = {"1.a.1": "C", "1.b.1": "BB", "1.b.2": "C", "1.c.1": "D"}
    p = sakip.periksa_konsistensi(ins, j, KeadaanBukti(ada_bukti=frozenset(j)))
    assert [(x.kode, x.kriteria) for x in p] == [("LKE-001", "1.b.1")]
    assert "lebih tinggi dari keberadaan dokumennya (kriteria 1.a.1: C)" in p[0].pesan


def test_pemanfaatan_aa_dengan_capaian_kosong(ins):
    j = {"1.a.1": "AA", "1.c.1": "AA", "1.c.2": "A"}
    bukti = frozenset(j)
    kurang = sakip.periksa_konsistensi(ins, j, KeadaanBukti(bukti, capaian_terisi=D("0.25")))
    assert [(x.kode, x.kriteria) for x in kurang] == [("LKE-002", "1.c.1")]
    # Half filled is not "mostly missing"; unknown coverage says nothing.
    assert sakip.periksa_konsistensi(ins, j, KeadaanBukti(bukti, capaian_terisi=D("0.5"))) == []
    assert sakip.periksa_konsistensi(ins, j, KeadaanBukti(bukti)) == []


@pytest.mark.parametrize(("jawaban", "peringatan"), [("AA", True), ("CC", True), ("C", False), ("E", False)])
def test_bukti_untuk_nilai_di_atas_c(ins, jawaban, peringatan):
    p = sakip.periksa_konsistensi(ins, {"1.a.1": jawaban})
    assert [x.kode for x in p] == (["LKE-003"] if peringatan else [])


def test_urutan_pilihan_dari_nilai_bukan_dari_urutan_kunci():
    # A stored instrument comes back from PostgreSQL's jsonb with its keys sorted ("A", "AA", "B" …):
    # the choices are still offered from the highest value down.
    data = copy.deepcopy(DATA)
    data["skala"] = {n: dict(sorted(s.items())) for n, s in data["skala"].items()}
    ins = baca_instrumen(data)
    k = ins.cari("1.a.1")
    assert ins.pilihan(k) == ("AA", "A", "BB", "B", "CC", "C", "D", "E")
    assert ins.skala["Y/T"] == {"Y": D(1), "T": D(0)}


@pytest.mark.parametrize(
    ("ubah", "nilai", "predikat"),
    [
        # docs/formulas.md "Nilai SAKIP", the built-in 88/2021 instrument (two Ya/Tidak existence checks).
        ({}, "80.34", "A"),  # all BB, Y: 6 × 6/7 + 9 × 0,8 + 15 × 0,8 = 24,342857; + 56
        ({"1.b.1": "B"}, "80.25", "A"),  # 6 × 6/7 + 9 × 7,9/10 + 15 × 0,8 = 24,252857; + 56
        ({"1.a.2": "T", "1.a.3": "T"}, "78.63", "BB"),  # 6 × 4/7 + 7,2 + 12 = 22,628571; + 56
    ],
)
def test_contoh_instrumen_88_2021(ubah, nilai, predikat):
    ins = sakip.instrumen_untuk_tahun(2024)
    jawaban = {k.kode: "BB" if "BB" in ins.pilihan(k) else "Y" for k in ins.kriteria} | ubah
    h = hitung(ins, jawaban)
    assert (h.nilai, h.predikat.kode) == (D(nilai), predikat)


# -- what the mutation run (docs/testing.md) found untested --------------------------------------------


def test_lengkap_hanya_bila_setiap_subkomponen_terjawab(ins):
    # The first sub-component incomplete, every later one complete: still not complete.
    jawaban = _semua(ins, "BB") | {"1.a.1": ""}
    h = hitung(ins, jawaban)
    assert h.lengkap is False
    s = h.komponen[0].subkomponen[0]
    assert (s.kode, s.jenis, s.dijawab, s.jumlah_kriteria) == ("1.a", "keberadaan", 1, 2)
    assert [(k.kode, k.nama) for k in h.komponen][:2] == [
        ("1", "Perencanaan Kinerja"),
        ("2", "Pengukuran Kinerja"),
    ]


def test_kriteria_asing_disebut_semuanya(ins):
    with pytest.raises(ValueError, match=r"Kriteria 8\.a\.1, 9\.z\.9 tidak ada dalam instrumen 88/2021"):
        hitung(ins, {"9.z.9": "AA", "8.a.1": "B", "1.a.1": "A"})


def test_baris_komponen_bernama_dan_bernomor():
    h = hitung_komponen([("Perencanaan", D(30), D("24")), ("Pengukuran", D(70), D("56"))])
    assert [(k.kode, k.nama) for k in h.komponen] == [("1", "Perencanaan"), ("2", "Pengukuran")]
    with pytest.raises(ValueError, match=r"^Komponen Pelaporan: bobot harus lebih dari 0$"):
        hitung_komponen([("Pelaporan", D(0), D(0))])
    with pytest.raises(ValueError, match=r"^Komponen P: nilai 30,5 di luar 0 sampai bobotnya 30$"):
        hitung_komponen([("P", D(30), D("30.5"))])


def test_pesan_peringatan_lengkap(ins):
    j = {"1.a.1": "c", "1.b.1": "bb", "1.c.1": "aa"}
    p = sakip.periksa_konsistensi(ins, j, KeadaanBukti(capaian_terisi=D("0.1")))
    assert [(x.kode, x.kriteria, x.pesan) for x in p] == [
        (
            "LKE-001",
            "1.b.1",
            "Kriteria 1.b.1 dinilai BB, lebih tinggi dari keberadaan dokumennya (kriteria 1.a.1: C).",
        ),
        ("LKE-003", "1.b.1", "Kriteria 1.b.1 dinilai BB tanpa bukti: nilai di atas C perlu bukti dukung."),
        (
            "LKE-001",
            "1.c.1",
            "Kriteria 1.c.1 dinilai AA, lebih tinggi dari keberadaan dokumennya (kriteria 1.a.1: C).",
        ),
        (
            "LKE-002",
            "1.c.1",
            "Kriteria 1.c.1 dinilai AA (pemanfaatan penuh), padahal sebagian besar capaian indikator PK "
            "tahun ini belum diisi.",
        ),
        ("LKE-003", "1.c.1", "Kriteria 1.c.1 dinilai AA tanpa bukti: nilai di atas C perlu bukti dukung."),
    ]


def test_dasar_belum_dijawab_tanpa_peringatan(ins):
    # The existence criterion not answered yet: nothing to compare with (and no error).
    assert sakip.periksa_konsistensi(ins, {"1.b.1": "AA"}, KeadaanBukti(ada_bukti=frozenset({"1.b.1"}))) == []


def test_folder_dengan_dua_versi_memilih_yang_terbaru(tmp_path):
    for versi, mulai in (("lama", 2022), ("baru", 2024)):
        (tmp_path / f"{versi}.json").write_text(
            json.dumps(copy.deepcopy(DATA) | {"versi": versi, "tahun_mulai": mulai})
        )
    assert sakip.instrumen_untuk_tahun(2025, tmp_path).versi == "baru"
    assert sakip.instrumen_untuk_tahun(2023, tmp_path).versi == "lama"


def test_isian_instrumen_terbaca_semuanya():
    ins = baca_instrumen(json.dumps(DATA | {"tahun_akhir": 2030}))
    assert (ins.kode, ins.versi, ins.nama, ins.peraturan, ins.tahun_mulai, ins.tahun_akhir) == (
        "88/2021",
        "uji",
        "LKE uji",
        "PermenPANRB 88/2021",
        2022,
        2030,
    )
    # Numbers in the file are read as Decimal, never float (JSON numbers as well as strings).
    angka = baca_instrumen(json.dumps(DATA).replace('"bobot": "4.5"', '"bobot": 4.5'))
    assert angka.komponen[2].subkomponen[1].bobot == D("4.5")
    tanpa = copy.deepcopy(DATA)
    del tanpa["peraturan"]
    assert baca_instrumen(tanpa).peraturan == "" and baca_instrumen(tanpa).tahun_akhir is None


def test_instrumen_lama_tidak_dipakai_setelah_tahun_akhirnya(tmp_path):
    (tmp_path / "lama.json").write_text(
        json.dumps(DATA | {"versi": "lama", "tahun_mulai": 2015, "tahun_akhir": 2021})
    )
    assert sakip.instrumen_untuk_tahun(2021, tmp_path).versi == "lama"
    # After its last year the pemda's folder has nothing: the built-in instrument of that year.
    assert sakip.instrumen_untuk_tahun(2024, tmp_path).kode == "88/2021"


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("[]", "instrumen harus berupa objek JSON"),
        (json.dumps({k: v for k, v in DATA.items() if k != "kode"}), "instrumen: isian 'kode' tidak ada"),
        (json.dumps({k: v for k, v in DATA.items() if k != "versi"}), "instrumen: isian 'versi' tidak ada"),
        (json.dumps({k: v for k, v in DATA.items() if k != "nama"}), "instrumen: isian 'nama' tidak ada"),
        (
            json.dumps({k: v for k, v in DATA.items() if k != "tahun_mulai"}),
            "instrumen: isian 'tahun_mulai' tidak ada",
        ),
        (json.dumps(DATA | {"komponen": {"1": 1}}), "instrumen: isian 'komponen' harus daftar objek"),
    ],
)
def test_pesan_instrumen_rusak_persis(isi, pesan):
    with pytest.raises(InstrumenTidakSah) as e:
        baca_instrumen(isi)
    assert str(e.value) == pesan


def test_berkas_instrumen_tidak_ada(tmp_path):
    with pytest.raises(InstrumenTidakSah) as e:
        baca_instrumen(tmp_path / "tidak-ada.json")
    assert str(e.value) == "berkas instrumen tidak dapat dibaca: No such file or directory"

"""Properties of the review: random correct PKs give no galat and no peringatan; messy or partial PKs and
mutated real texts never make it fail (no exception, and no rule reports PK-SYS-001)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.domain import pk_text
from kinerja.domain.numbers import bulatkan, format_angka
from kinerja.domain.pk import (
    Baseline,
    Indikator,
    NaskahPK,
    Penjelasan,
    Pihak,
    Program,
    Sasaran,
    TandaTangan,
    Target,
)
from kinerja.domain.predikat import mutu_ikm, predikat_sakip
from kinerja.domain.review import Katalog, review
from kinerja.domain.source import SourceError
from tests.domain.test_review import SEED, ringkas

D = Decimal
PENGATURAN = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- random correct PKs -----------------------------------------------------------------------------------

NAMA_DEPAN = ["SITI", "ANDI", "BUDI", "RINA", "AHMAD", "DEWI", "HASAN", "YUSUF", "KARTINI", "AGUS"]
NAMA_BELAKANG = [
    "HAERANI",
    "SANTOSO",
    "PURNAMA",
    "HIDAYAT",
    "RAHMAN",
    "WIJAYA",
    "SYAMSUDDIN",
    "LESTARI",
    "MAKMUR",
]
GELAR_DEPAN = ["", "Dr. ", "Drs. ", "H. ", "Ir. "]
GELAR_BELAKANG = ["", ", S.Sos", ", S.H., M.H.", ", S.STP, M.Si", ", SE"]
WILAYAH = ["Gowa", "Maros", "Takalar", "Boyolali", "Sleman"]
KECAMATAN = ["Bajeng", "Pallangga", "Somba Opu", "Bontonompo"]
OBJEK = [
    "layanan",
    "pengaduan",
    "dokumen perencanaan",
    "sarana pelayanan",
    "usulan masyarakat",
    "SOP",
    "desa",
]
SATUAN = ["unit", "orang", "dokumen", "kegiatan", "laporan", "SOP", "desa"]
SASARAN_AWAL = ["Meningkatnya", "Tersedianya", "Terwujudnya", "Terlaksananya", "Menurunnya"]
KATA = {1: "Satu", 2: "Dua", 3: "Tiga"}
# Citations in force in any PK year the generator draws (official titles from the catalogue).
DASAR = [("uu", "25", 2009), ("perpres", "29", 2014), ("permenpanrb", "53", 2014), ("pp", "8", 2006)]


@st.composite
def nip(draw) -> str:
    lahir = date(draw(st.integers(1960, 1990)), draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    tmt = lahir.year + draw(st.integers(19, 33))
    return (
        f"{lahir:%Y%m%d}{tmt}{draw(st.integers(1, 12)):02d}{draw(st.sampled_from('12'))}"
        f"{draw(st.integers(1, 999)):03d}"
    )


@st.composite
def cetak_nama(draw, inti: str) -> str:
    """One printing of a name: gelar and case may differ between blocks, the name itself never."""
    teks = draw(st.sampled_from(GELAR_DEPAN)) + inti + draw(st.sampled_from(GELAR_BELAKANG))
    return teks if draw(st.booleans()) else teks.title()


@st.composite
def indikator(draw, n: int, tahun: int) -> tuple[Indikator, Penjelasan | None, str]:
    """An indicator with a consistent target of one of five kinds, and a consistent explanation."""
    jenis = draw(st.sampled_from(["persen", "jumlah", "ikm", "sakip", "lain"]))
    obj = draw(st.sampled_from(OBJEK))
    if jenis == "persen":
        nilai = D(draw(st.integers(0, 10000))) / 100
        uraian, teks = f"Persentase {obj} yang ditindaklanjuti kode {n}", f"{format_angka(nilai)}%"
        angka = format_angka(nilai)
    elif jenis == "jumlah":
        nilai = D(draw(st.integers(1, 500)))
        uraian, teks = f"Jumlah {obj} yang tersedia kode {n}", f"{nilai} {draw(st.sampled_from(SATUAN))}"
        angka = str(nilai)
    elif jenis == "ikm":
        nilai = D(draw(st.integers(2500, 10000))) / 100
        m = mutu_ikm(nilai)
        uraian = f"Indeks Kepuasan Masyarakat (IKM) layanan kode {n}"
        teks = f"{format_angka(nilai)} ({draw(st.sampled_from([m.mutu, m.kinerja]))})"
        angka = format_angka(nilai)
    elif jenis == "sakip":
        nilai = D(draw(st.integers(0, 10000))) / 100
        p = predikat_sakip(nilai)
        uraian = f"Nilai SAKIP unit kerja kode {n}"
        teks = f"{format_angka(nilai)} ({draw(st.sampled_from([p.kode] + ([p.label] if '(' not in p.label else [])))})"
        angka = format_angka(nilai)
    else:
        nilai = D(draw(st.integers(1, 100))) / 10
        uraian, teks, angka = (
            f"Indeks Keterbukaan Informasi kode {n}",
            f"{format_angka(nilai, None)} Angka",
            None,
        )
    ind = Indikator(uraian, pk_text.parse_target(teks), None)
    if angka is None or not draw(st.booleans()):
        return ind, None, jenis
    kalimat = [f"Untuk tahun {tahun} ditargetkan {uraian} sebesar {angka}."]
    baseline: tuple[Baseline, ...] = ()
    if draw(st.booleans()) and nilai > 0:
        lalu = bulatkan(nilai * D(draw(st.integers(80, 120))) / 100, 2)
        real = bulatkan(lalu * D(draw(st.integers(70, 110))) / 100, 2)
        if lalu > 0:
            cap = bulatkan(real / lalu * 100, 2)
            arah = "meningkat" if nilai > lalu else ("menurun" if nilai < lalu else "sama")
            kalimat.append(
                f"Target ini {arah} dari target tahun sebelumnya ({tahun - 1}) dengan nilai {format_angka(lalu)}, "
                f"dimana realisasi tahun {tahun - 1} yaitu {format_angka(real)} (capaian sebesar {format_angka(cap)}%)."
            )
            baseline = (Baseline(tahun - 1, lalu, real, cap),)
    pj = Penjelasan(
        indikator=uraian,
        target=teks,
        penjelasan_target=" ".join(kalimat),
        baseline=baseline,
        relevansi="Menggambarkan sasaran.",
        formulasi="Sesuai pedoman.",
        sumber_data="Kecamatan",
    )
    return ind, pj, jenis


PASANGAN_JABATAN = [
    ("Camat {kec}", "Bupati {wil}", "Kabupaten {wil}", "Kecamatan {kec}"),
    ("Kepala Dinas Kesehatan", "Bupati {wil}", "Kabupaten {wil}", "Dinas Kesehatan"),
    ("Kepala Badan Perencanaan Pembangunan Daerah", "Wali Kota {wil}", "Kota {wil}", "Bappeda"),
    ("Kepala Bidang Pelayanan", "Kepala Dinas Kesehatan", "Kabupaten {wil}", "Dinas Kesehatan"),
    ("Kepala Seksi Pemerintahan", "Camat {kec}", "Kabupaten {wil}", "Kecamatan {kec}"),
]


@st.composite
def pk_benar_acak(draw) -> NaskahPK:
    tahun = draw(st.integers(2022, 2030))
    wil, kec = draw(st.sampled_from(WILAYAH)), draw(st.sampled_from(KECAMATAN))
    j1, j2, pemda, unit = (s.format(wil=wil, kec=kec) for s in draw(st.sampled_from(PASANGAN_JABATAN)))
    depan = draw(st.permutations(NAMA_DEPAN))
    belakang = draw(st.permutations(NAMA_BELAKANG))
    inti1, inti2 = f"{depan[0]} {belakang[0]}", f"{depan[1]} {belakang[1]}"
    nip1 = draw(nip())
    nip2 = None if j2.startswith(("Bupati", "Wali")) else draw(nip().filter(lambda x: x != nip1))
    tgl = f"{draw(st.integers(1, 31))} Januari {tahun}"
    nama1 = [draw(cetak_nama(inti1)) for _ in range(3)]
    nama2 = [draw(cetak_nama(inti2)) for _ in range(3)]
    ttd = (
        TandaTangan("pernyataan", "kedua", nama2[1], j2, nip2, None, "Sungguminasa", tgl, 20),
        TandaTangan("pernyataan", "pertama", nama1[1], j1, nip1, None, "Sungguminasa", tgl, 24),
        TandaTangan("lampiran_1", "kedua", nama2[2], j2, nip2, None, None, None, 60),
        TandaTangan("lampiran_1", "pertama", nama1[2], j1, nip1, None, "Sungguminasa", tgl, 64),
    )
    sasaran: list[Sasaran] = []
    penjelasan: list[Penjelasan] = []
    katalog = Katalog.bawaan()
    dasar = tuple(
        katalog.rujukan_lengkap(per)
        for kunci in draw(st.lists(st.sampled_from(DASAR), max_size=3, unique=True))
        if (per := katalog.cari(*kunci)) is not None
    )
    n = 0
    for tingkat in ("strategis", "program", "kegiatan"):
        for _ in range(draw(st.integers(1, 3))):
            hasil = []
            for _ in range(draw(st.integers(1, 3))):
                n += 1
                hasil.append(draw(indikator(n, tahun)))
            uraian = (
                f"{draw(st.sampled_from(SASARAN_AWAL))} kualitas {draw(st.sampled_from(OBJEK))} tahap {n}"
            )
            sasaran.append(Sasaran(tingkat, uraian, tuple(i for i, _, _ in hasil), 30 + n))  # type: ignore[arg-type]
            if tingkat == "strategis":
                # Every strategic indicator is explained, in one block per sasaran.
                for ind, pj, _ in hasil:
                    pj = pj or Penjelasan(indikator=ind.uraian, target=ind.target.teks)
                    penjelasan.append(
                        Penjelasan(
                            **{
                                **pj.__dict__,
                                "uraian_sasaran": f"{uraian}. Yang dimaksud dalam sasaran ini adalah mutu layanan.",
                                "dasar_hukum": dasar,
                                "jumlah_indikator_tertulis": KATA[len(hasil)],
                            }
                        )
                    )
    program = tuple(
        Program(f"Program {o} kode {i}", D(draw(st.integers(1, 10**7))) * 1000, 50 + i)
        for i, o in enumerate(draw(st.lists(st.sampled_from(OBJEK), min_size=1, max_size=4)))
    )
    total = sum((p.anggaran for p in program if p.anggaran is not None), D("0.00"))
    return NaskahPK(
        tahun=tahun,
        jenis="murni",
        unit=unit,
        pemerintah=pemda,
        pihak_pertama=Pihak(nama1[0], j1, nip1),
        pihak_kedua=Pihak(nama2[0], j2, nip2),
        tempat="Sungguminasa",
        tanggal=tgl,
        tanda_tangan=ttd,
        sasaran=tuple(sasaran),
        program=program,
        total_anggaran=total,
        total_anggaran_tercetak=total if draw(st.booleans()) else None,
        penjelasan=tuple(penjelasan),
    )


@PENGATURAN
@given(pk_benar_acak())
def test_random_correct_pks_have_no_galat_and_no_peringatan(pk):
    hasil = review(pk)
    serius = [t for t in hasil if t.tingkat != "info" or t.kode == "PK-SYS-001"]
    assert serius == [], ringkas(hasil)


# --- messy and partial PKs ----------------------------------------------------------------------------------

TEKS_ANEH = [
    "",
    " ",
    "84,00 (Balk)",
    "88,35 (B)",
    "Januari 2024",
    "31 Februari 2024",
    "2 Januari 1900",
    "NIP. 1971",
    "197110101993122003",
    "000000000000000000",
    "Meningkatnya kepuasan masyarakat. Yang dimaksud",
    "Undang-Undang Tahun",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang",
    "PermenPANRB Nomor Tahun 2017 tentang (",
    "memiliki",
    "Target ini meningkat dari target tahun sebelumnya (2023) dengan nilai 85",
    "menargetkan yaitu , sebesar .",
    "((",
    "Rp",
    "9" * 40,
    "Bupati",
    "Camat",
    "Plt.",
    "ST.",
    ", S.Sos",
    "Dr.",
    "Persentase yang",
    "Jumlah",
    "Indeks Kepuasan Masyarakat (IKM)",
    "Nilai SAKIP",
    "\u200b\t\n",
    "ÆØÅ ñ 漢字",
]
teks_aneh = st.one_of(st.none(), st.sampled_from(TEKS_ANEH), st.text(max_size=30))
angka_aneh = st.one_of(
    st.none(),
    st.sampled_from(
        [D("NaN"), D("Infinity"), D("-Infinity"), D("0"), D("-5"), D("100.001"), D("1E+3"), D("1E-30")]
    ),
    st.decimals(min_value=-(10**12), max_value=10**13, allow_nan=False, allow_infinity=False, places=3),
)


def _kecil(s):
    return st.lists(s, max_size=3).map(tuple)


target_aneh = st.builds(Target, teks_aneh, angka_aneh, teks_aneh, teks_aneh, teks_aneh)
indikator_aneh = st.builds(Indikator, teks_aneh, target_aneh, st.one_of(st.none(), st.integers(-5, 500)))
sasaran_aneh = st.builds(
    Sasaran,
    st.sampled_from(["strategis", "program", "kegiatan", "lain"]),
    teks_aneh,
    _kecil(indikator_aneh),
    st.one_of(st.none(), st.integers(-5, 500)),
)
baseline_aneh = st.builds(Baseline, st.integers(1900, 2100), angka_aneh, angka_aneh, angka_aneh)
penjelasan_aneh = st.builds(
    Penjelasan,
    teks_aneh,
    teks_aneh,
    _kecil(teks_aneh),
    teks_aneh,
    teks_aneh,
    teks_aneh,
    teks_aneh,
    teks_aneh,
    _kecil(baseline_aneh),
    teks_aneh,
    st.one_of(st.none(), st.integers(0, 500)),
)
ttd_aneh = st.builds(
    TandaTangan,
    st.sampled_from(["pernyataan", "lampiran_1", "lampiran_2", "lainnya"]),
    st.sampled_from(["pertama", "kedua", "ketiga"]),
    teks_aneh,
    teks_aneh,
    teks_aneh,
    teks_aneh,
    teks_aneh,
    teks_aneh,
    st.one_of(st.none(), st.integers(-5, 500)),
)
pihak_aneh = st.one_of(st.none(), st.builds(Pihak, teks_aneh, teks_aneh, teks_aneh, teks_aneh))
pk_aneh = st.builds(
    NaskahPK,
    tahun=st.one_of(st.none(), st.integers(1, 9999)),
    jenis=st.sampled_from(["murni", "perubahan", "lain"]),
    unit=teks_aneh,
    pemerintah=teks_aneh,
    pihak_pertama=pihak_aneh,
    pihak_kedua=pihak_aneh,
    tempat=teks_aneh,
    tanggal=teks_aneh,
    tanda_tangan=_kecil(ttd_aneh),
    sasaran=_kecil(sasaran_aneh),
    program=_kecil(st.builds(Program, teks_aneh, angka_aneh, st.one_of(st.none(), st.integers()))),
    total_anggaran=angka_aneh,
    total_anggaran_tercetak=angka_aneh,
    penjelasan=_kecil(penjelasan_aneh),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pk_aneh)
def test_review_never_fails_on_messy_pks(pk):
    hasil = review(pk)
    assert not [t for t in hasil if t.kode == "PK-SYS-001"], ringkas(hasil)
    for t in hasil:
        t.to_json()


# --- mutated real text ----------------------------------------------------------------------------------------

BARIS_SEED = SEED.read_text(encoding="utf-8").splitlines()


@PENGATURAN
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["hapus", "ganda", "ganti", "sisip"]),
            st.integers(0, len(BARIS_SEED) - 1),
            st.sampled_from(TEKS_ANEH),
        ),
        max_size=8,
    )
)
def test_review_never_fails_on_parsed_mutations_of_the_seed(ubah):
    baris = list(BARIS_SEED)
    for aksi, i, teks in ubah:
        i %= max(len(baris), 1)
        if not baris:
            break
        if aksi == "hapus":
            del baris[i]
        elif aksi == "ganda":
            baris.insert(i, baris[i])
        elif aksi == "ganti":
            baris[i] = teks
        else:
            baris.insert(i, teks)
    try:
        pks = pk_text.parse("\n".join(baris))
    except SourceError:
        return
    for pk in pks:
        hasil = review(pk)
        assert not [t for t in hasil if t.kode == "PK-SYS-001"], ringkas(hasil)

"""Generated Perjanjian Kinerja (hypothesis strategies) and the structure a round trip must keep.

`pk_strategy()` draws a domain PK like the ones units write: sasaran at all three levels, indicators
with targets of every kind (numbers, decimals, %, counts with unit words, predicates such as
"84,00 (Baik)" and "BB", zero), programs with anggaran, long texts, names with gelar, parties with
and without NIP and pangkat, penjelasan with dasar hukum and baselines. Targets are built with the
parser's own `parse_target`, so the generated value, satuan and predikat are what reading the
printed target gives. `struktur(pk)` is what must survive render → parse.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from kinerja.documents.contexts import format_target
from kinerja.domain import pk as d
from kinerja.domain.nip import normalise_nip
from kinerja.domain.pk_text import parse_target
from kinerja.domain.tanggal import parse_tanggal

UNIT = [
    ("Kecamatan Bajeng", "Kabupaten Gowa", "Camat Bajeng", "Bupati Gowa"),
    ("Kecamatan Pallangga", "Kabupaten Gowa", "Camat Pallangga", "Bupati Gowa"),
    ("Dinas Pendidikan", "Kabupaten Boyolali", "Kepala Dinas Pendidikan", "Bupati Boyolali"),
    (
        "Dinas Pemberdayaan Masyarakat dan Desa",
        "Kabupaten Gowa",
        "Kepala Dinas Pemberdayaan Masyarakat dan Desa",
        "Bupati Gowa",
    ),
    ("Badan Perencanaan Pembangunan Daerah", "Kota Makassar", "Kepala Bappeda", "Wali Kota Makassar"),
    ("Inspektorat Daerah", "Kabupaten Sleman", "Inspektur Daerah", "Bupati Sleman"),
    ("Kelurahan Kalegowa", "Kabupaten Gowa", "Lurah Kalegowa", "Camat Somba Opu"),
]
TEMPAT = ["Sungguminasa", "Boyolali", "Makassar", "Sleman"]
GELAR_DEPAN = ["", "", "Dr. ", "Ir. ", "H. ", "Hj. ", "Drs. ", "dr. "]
GELAR_BELAKANG = ["", ", S.Sos", ", S.H., M.H.", ", S.STP., M.Si", ", S.E.", ", S.Kom., M.T.", ", A.Md"]
NAMA = ["SITI", "HAERANI", "ADNAN", "PURICHTA", "ICHSAN", "MUHAMMAD", "ANDI", "NURUL", "HIDAYAT", "RAHMAN"]
PANGKAT = [
    "Pembina (IV/a)",
    "Pembina Tingkat I (IV/b)",
    "Pembina Utama Muda (IV/c)",
    "Penata Tingkat I (III/d)",
]
NIP = ["197110101993122003", "198609262015051001", "197802261997031002", "196512311990031015"]
KATA = [
    "meningkatnya",
    "kualitas",
    "pelayanan",
    "publik",
    "masyarakat",
    "kecamatan",
    "akuntabilitas",
    "kinerja",
    "penyelenggaraan",
    "pemerintahan",
    "sarana",
    "prasarana",
    "pengaduan",
    "tindak",
    "lanjut",
    "usulan",
    "pembangunan",
    "desa",
    "kelurahan",
    "survei",
    "kepuasan",
    "data",
    "informasi",
    "dokumen",
    "perencanaan",
    "anggaran",
    "keuangan",
    "aset",
    "kepegawaian",
    "ketertiban",
    "umum",
    "lingkungan",
    "hidup",
    "kesehatan",
    "pendidikan",
    "sosial",
    "ekonomi",
]
AWAL_SASARAN = ["Meningkatnya", "Tersedianya", "Terwujudnya", "Terlaksananya", "Menurunnya", "Terbentuknya"]
AWAL_INDIKATOR = ["Persentase", "Jumlah", "Indeks", "Nilai", "Rasio", "Tingkat"]
SATUAN = ["unit", "orang", "dokumen", "SOP", "tim", "kegiatan", "laporan", "desa", "maklumat pelayanan"]
PREDIKAT = ["Baik", "Sangat Baik", "BB", "A", "B", "WTP"]
HUKUM = [
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 Tahun 2021 tentang "
    "Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
    "Peraturan Daerah Nomor 3 Tahun 2019 tentang Rencana Pembangunan Jangka Menengah Daerah",
]


def _kalimat(awal: list[str], min_kata: int, max_kata: int):
    return st.builds(
        lambda a, kata: " ".join([a, *kata]),
        st.sampled_from(awal),
        st.lists(st.sampled_from(KATA), min_size=min_kata, max_size=max_kata),
    )


def _angka(maks: int, desimal: int) -> st.SearchStrategy[str]:
    """An Indonesian number as printed: "1.250", "84,00", "0"."""

    def tulis(n: int, pecahan: int) -> str:
        bulat = f"{n:,}".replace(",", ".")
        return f"{bulat},{pecahan:0{desimal}d}" if desimal else bulat

    return st.builds(tulis, st.integers(0, maks), st.integers(0, 10**desimal - 1 if desimal else 0))


TEKS_TARGET = st.one_of(
    st.builds(lambda n, s: f"{n} {s}", _angka(5000, 0), st.sampled_from(SATUAN)),  # "8 unit"
    st.builds(lambda n: f"{n}%", _angka(100, 0)),  # "100%"
    st.builds(lambda n: f"{n}%", _angka(99, 2)),  # "75,25%"
    _angka(100, 2),  # "84,00"
    st.builds(lambda n, p: f"{n} ({p})", _angka(100, 2), st.sampled_from(PREDIKAT)),  # "84,00 (Baik)"
    st.sampled_from(PREDIKAT),  # "BB"
    st.sampled_from(["0", "0%", "0 kasus"]),
)


@st.composite
def pihak(draw, jabatan: str, boleh_nip: bool = True) -> d.Pihak:
    nama = " ".join(draw(st.lists(st.sampled_from(NAMA), min_size=2, max_size=3, unique=True)))
    nama = draw(st.sampled_from(GELAR_DEPAN)) + nama + draw(st.sampled_from(GELAR_BELAKANG))
    nip = draw(st.sampled_from(NIP)) if boleh_nip and draw(st.booleans()) else None
    pangkat = draw(st.sampled_from(PANGKAT)) if nip and draw(st.booleans()) else None
    return d.Pihak(nama=nama, jabatan=jabatan, nip=nip, pangkat=pangkat)


@st.composite
def pk_strategy(draw, *, maks_sasaran: int = 3, maks_indikator: int = 3) -> d.NaskahPK:
    """A generated PK (see the module docstring)."""
    unit, pemda, jabatan_1, jabatan_2 = draw(st.sampled_from(UNIT))
    tahun = draw(st.integers(2020, 2030))
    pertama = draw(pihak(jabatan_1))
    kedua = draw(st.one_of(st.none(), pihak(jabatan_2, boleh_nip=jabatan_2.startswith("Camat"))))
    dipakai: set[str] = set()
    sasaran: list[d.Sasaran] = []
    for tingkat in d.TINGKAT_URUTAN:
        for _ in range(draw(st.integers(1 if tingkat == "strategis" else 0, maks_sasaran))):
            uraian = draw(_kalimat(AWAL_SASARAN, 2, 25).filter(lambda u: u not in dipakai))
            dipakai.add(uraian)
            indikator = []
            for _ in range(draw(st.integers(1, maks_indikator))):
                nama = draw(_kalimat(AWAL_INDIKATOR, 1, 14).filter(lambda u: u not in dipakai))
                dipakai.add(nama)
                indikator.append(d.Indikator(uraian=nama, target=parse_target(draw(TEKS_TARGET))))
            sasaran.append(d.Sasaran(tingkat=tingkat, uraian=uraian, indikator=tuple(indikator)))
    program = tuple(
        d.Program(nama=nama, anggaran=Decimal(sen) / 100)
        for nama, sen in draw(
            st.lists(
                st.tuples(_kalimat(["Program"], 2, 12), st.integers(0, 10**13)),
                max_size=5,
                unique_by=lambda x: x[0],
            )
        )
    )
    semua = [i for s in sasaran for i in s.indikator]
    dijelaskan = draw(st.lists(st.sampled_from(semua), max_size=3, unique_by=lambda i: i.uraian))
    penjelasan = tuple(
        d.Penjelasan(
            indikator=i.uraian,
            uraian_sasaran=draw(_kalimat(["Yang dimaksud dalam sasaran ini adalah"], 3, 60)),
            dasar_hukum=tuple(draw(st.lists(st.sampled_from(HUKUM), max_size=3, unique=True))),
            relevansi=draw(_kalimat(["Indikator ini menggambarkan"], 2, 30)),
            formulasi=draw(_kalimat(["Jumlah"], 1, 12)),
            sumber_data=draw(st.sampled_from(["Inspektorat", "Kecamatan Bajeng", "Bappeda", "BPS"])),
            target=format_target(i.target),
            penjelasan_target=draw(_kalimat(["Target ini"], 3, 40)),
            baseline=tuple(
                d.Baseline(tahun=tahun - 1 - k, target=t, realisasi=r, capaian=c)
                for k, (t, r, c) in enumerate(
                    draw(
                        st.lists(
                            st.tuples(
                                st.none() | st.integers(0, 100).map(Decimal),
                                st.none() | st.integers(0, 10000).map(lambda n: Decimal(n) / 100),
                                st.none() | st.integers(0, 12000).map(lambda n: Decimal(n) / 100),
                            ),
                            max_size=2,
                        )
                    )
                )
            ),
        )
        for i in dijelaskan
    )
    hari = draw(st.one_of(st.none(), st.integers(1, 28)))
    bulan = draw(st.sampled_from(["Januari", "Februari", "Maret"]))
    tanggal = f"{hari} {bulan} {tahun}" if hari else f"{bulan} {tahun}"
    return d.NaskahPK(
        tahun=tahun,
        jenis=draw(st.sampled_from(["murni", "murni", "perubahan"])),
        unit=unit,
        pemerintah=pemda,
        pihak_pertama=pertama,
        pihak_kedua=kedua,
        tempat=draw(st.sampled_from(TEMPAT)),
        tanggal=tanggal,
        sasaran=tuple(sasaran),
        program=program,
        total_anggaran=sum((p.anggaran for p in program if p.anggaran is not None), Decimal(0))
        if program
        else None,
        penjelasan=penjelasan,
    )


# ---------------------------------------------------------------------------------------------------
# What a round trip keeps
# ---------------------------------------------------------------------------------------------------


def _teks(x: str | None) -> str:
    return " ".join((x or "").split())


def _pihak(p: d.Pihak | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "nama": _teks(p.nama),
        "jabatan": _teks(p.jabatan) or None,
        "nip": normalise_nip(p.nip) if p.nip else None,
        "pangkat": _teks(p.pangkat) or None,
    }


def _dec(x: Decimal | None) -> Decimal | None:
    """A value compared by amount: 84.00 == 84 (the printed decimals are kept in the target's text)."""
    return None if x is None else x.normalize()


def struktur(pk: d.NaskahPK) -> dict[str, Any]:
    """The parts of a PK that a document carries: compare this before rendering and after parsing."""
    return {
        "tahun": pk.tahun,
        "jenis": pk.jenis,
        "unit": pk.unit,
        "pemerintah": pk.pemerintah,
        "pihak_pertama": _pihak(pk.pihak_pertama),
        "pihak_kedua": _pihak(pk.pihak_kedua),
        "tempat": pk.tempat,
        "tanggal": str(parse_tanggal(pk.tanggal or "")),
        "sasaran": [
            (
                s.tingkat,
                _teks(s.uraian),
                [
                    (_teks(i.uraian), _dec(i.target.nilai), i.target.satuan, i.target.predikat)
                    for i in s.indikator
                ],
            )
            for s in pk.sasaran
        ],
        "program": [(_teks(p.nama), p.anggaran) for p in pk.program],
        "total_anggaran": pk.total_anggaran,
        "penjelasan": [
            {
                "indikator": _teks(p.indikator),
                "uraian_sasaran": _teks(p.uraian_sasaran) or None,
                "dasar_hukum": [_teks(h) for h in p.dasar_hukum],
                "relevansi": _teks(p.relevansi) or None,
                "formulasi": _teks(p.formulasi) or None,
                "sumber_data": _teks(p.sumber_data) or None,
                "target": _teks(p.target) or None,
                "penjelasan_target": _teks(p.penjelasan_target) or None,
                "baseline": [
                    (b.tahun, _dec(b.target), _dec(b.realisasi), _dec(b.capaian)) for b in p.baseline
                ],
            }
            for p in pk.penjelasan
        ],
    }


def target_tercetak(pk: d.NaskahPK) -> list[str]:
    """Every indicator's target as the document prints it (what the parsed `teks` must be)."""
    return [format_target(i.target) for i in pk.indikator]


def tanda_tangan(pk: d.NaskahPK) -> list[tuple]:
    """The signature blocks read back: (part, party, name, jabatan, NIP, pangkat)."""
    return sorted(
        (
            t.bagian,
            t.pihak,
            _teks(t.nama),
            _teks(t.jabatan) or None,
            normalise_nip(t.nip) if t.nip else None,
            _teks(t.pangkat) or None,
        )
        for t in pk.tanda_tangan
    )


def tanda_tangan_diharapkan(pk: d.NaskahPK) -> list[tuple]:
    """The blocks a rendered document has: both parties sign each part (Lampiran 2 only with penjelasan)."""
    bagian = ["pernyataan", "lampiran_1"] + (["lampiran_2"] if pk.penjelasan else [])
    out = []
    for b in bagian:
        for ke, p in (("pertama", pk.pihak_pertama), ("kedua", pk.pihak_kedua)):
            if p is not None:
                x = _pihak(p)
                assert x is not None
                out.append((b, ke, x["nama"], x["jabatan"], x["nip"], x["pangkat"]))
    return sorted(out)


def tanpa_tanda_tangan(pk: d.NaskahPK) -> d.NaskahPK:
    return replace(pk, tanda_tangan=())

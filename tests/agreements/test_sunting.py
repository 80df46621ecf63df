"""The PK editor's verbs (kinerja.agreements.sunting): each row operation changes what it says, keeps
the other rows' identity, and lands in the trail with old → new values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from kinerja.agreements import alur, sunting
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Program, Sasaran
from kinerja.riwayat.models import Riwayat
from kinerja.units.models import Pejabat

pytestmark = pytest.mark.django_db


def _s(pk: PerjanjianKinerja, n: int) -> Sasaran:
    return pk.sasaran.order_by("urutan", "pk")[n]


def _i(pk: PerjanjianKinerja, n: int) -> Indikator:
    return Indikator.objects.filter(sasaran__perjanjian=pk).order_by("sasaran__urutan", "urutan", "pk")[n]


def _p(pk: PerjanjianKinerja, n: int) -> Program:
    return pk.program.order_by("urutan", "pk")[n]


@dataclass(frozen=True)
class Kasus:
    nama: str
    aksi: Callable[[PerjanjianKinerja, Any], Any]
    kode: str
    perubahan: list[dict[str, Any]]  # every one of these is in the entry's perubahan
    periksa: Callable[[PerjanjianKinerja], bool]


KASUS = [
    Kasus(
        "add a sasaran",
        lambda pk, u: sunting.tambah_sasaran(
            pk, u, tingkat="program", uraian="Meningkatnya  layanan  adminduk"
        ),
        "pk.sasaran.tambah",
        [
            {"bidang": "tingkat", "lama": None, "baru": "program"},
            {"bidang": "uraian", "lama": None, "baru": "Meningkatnya layanan adminduk"},
        ],
        lambda pk: pk.sasaran.filter(tingkat="program", uraian="Meningkatnya layanan adminduk").exists(),
    ),
    Kasus(
        "change a sasaran's level",
        lambda pk, u: sunting.ubah_sasaran(_s(pk, 0), u, uraian=_s(pk, 0).uraian, tingkat="kegiatan"),
        "pk.sasaran.ubah",
        [{"bidang": "tingkat", "lama": "strategis", "baru": "kegiatan"}],
        lambda pk: pk.sasaran.get(uraian="Sasaran strategis nomor 1").tingkat == "kegiatan",
    ),
    Kasus(
        "remove a sasaran with its indikator",
        lambda pk, u: sunting.hapus_sasaran(_s(pk, 1), u),
        "pk.sasaran.hapus",
        [
            {"bidang": "uraian", "lama": "Sasaran strategis nomor 2", "baru": None},
            {"bidang": "indikator", "lama": "Persentase layanan sesuai standar 1 — 100%", "baru": None},
        ],
        lambda pk: pk.sasaran.count() == 3 and Indikator.objects.filter(sasaran__perjanjian=pk).count() == 3,
    ),
    Kasus(
        "move a sasaran down within its level",
        lambda pk, u: sunting.pindah_sasaran(pk.sasaran.get(uraian="Sasaran strategis nomor 1"), u, +1),
        "pk.sasaran.pindah",
        [{"bidang": "urutan", "lama": "1", "baru": "2"}],
        lambda pk: (
            [s.uraian for s in pk.sasaran.filter(tingkat="strategis").order_by("urutan")]
            == ["Sasaran strategis nomor 2", "Sasaran strategis nomor 1"]
        ),
    ),
    Kasus(
        "add an indikator with a target",
        lambda pk, u: sunting.tambah_indikator(
            _s(pk, 0), u, uraian="Jumlah inovasi pelayanan", target="2 inovasi"
        ),
        "pk.indikator.tambah",
        [
            {"bidang": "uraian", "lama": None, "baru": "Jumlah inovasi pelayanan"},
            {"bidang": "target", "lama": None, "baru": "2 inovasi"},
        ],
        lambda pk: Indikator.objects.filter(
            sasaran__perjanjian=pk,
            uraian="Jumlah inovasi pelayanan",
            target_nilai=Decimal("2"),
            satuan="inovasi",
        ).exists(),
    ),
    Kasus(
        "change a target",
        lambda pk, u: sunting.ubah_indikator(_i(pk, 1), u, uraian=_i(pk, 1).uraian, target="95%"),
        "pk.indikator.ubah",
        [{"bidang": "target", "lama": "100%", "baru": "95%"}],
        lambda pk: _i(pk, 1).target_nilai == Decimal("95") and _i(pk, 1).target_teks == "95%",
    ),
    Kasus(
        "make an indikator lower-is-better",
        lambda pk, u: sunting.ubah_indikator(
            _i(pk, 1), u, uraian=_i(pk, 1).uraian, target="100%", polaritas="negatif"
        ),
        "pk.indikator.ubah",
        [{"bidang": "polaritas", "lama": "positif", "baru": "negatif"}],
        lambda pk: _i(pk, 1).polaritas == "negatif",
    ),
    Kasus(
        "move an indikator to another sasaran",
        lambda pk, u: sunting.ubah_indikator(
            _i(pk, 2), u, uraian=_i(pk, 2).uraian, target=_i(pk, 2).target_teks, sasaran=_s(pk, 0)
        ),
        "pk.indikator.ubah",
        [{"bidang": "sasaran", "lama": "Sasaran program nomor 3", "baru": "Sasaran strategis nomor 1"}],
        lambda pk: _s(pk, 0).indikator.count() == 2,
    ),
    Kasus(
        "remove an indikator",
        lambda pk, u: sunting.hapus_indikator(_i(pk, 0), u),
        "pk.indikator.hapus",
        [
            {"bidang": "uraian", "lama": "Indeks Kepuasan Masyarakat (IKM)", "baru": None},
            {"bidang": "target", "lama": "84,00 (Balk)", "baru": None},
        ],
        lambda pk: not Indikator.objects.filter(sasaran__perjanjian=pk, uraian__startswith="Indeks").exists(),
    ),
    Kasus(
        "explain an indikator (Lampiran 2)",
        lambda pk, u: sunting.ubah_penjelasan(
            _i(pk, 1), u, {"relevansi": "Mengukur mutu layanan."}, ["UU 25/2009"]
        ),
        "pk.indikator.ubah",
        [
            {
                "bidang": "relevansi",
                "lama": "Menggambarkan kepuasan terhadap 9 unsur pelayanan.",
                "baru": "Mengukur mutu layanan.",
            }
        ],
        lambda pk: (
            _i(pk, 1).relevansi == "Mengukur mutu layanan."
            and list(_i(pk, 1).dasar_hukum.values_list("teks", flat=True)) == ["UU 25/2009"]
        ),
    ),
    Kasus(
        "add a program with its anggaran",
        lambda pk, u: sunting.tambah_program(
            pk, u, nama="Program Penyelenggaraan Ketenteraman", anggaran="Rp 12.500.000,00"
        ),
        "pk.program.tambah",
        [
            {"bidang": "nama", "lama": None, "baru": "Program Penyelenggaraan Ketenteraman"},
            {"bidang": "anggaran", "lama": None, "baru": "12500000.00"},
        ],
        lambda pk: _p(pk, 3).anggaran == Decimal("12500000.00"),
    ),
    Kasus(
        "change an anggaran",
        lambda pk, u: sunting.ubah_program(_p(pk, 0), u, nama=_p(pk, 0).nama, anggaran="35.000.000"),
        "pk.program.ubah",
        [{"bidang": "anggaran", "lama": "33800000.00", "baru": "35000000.00"}],
        lambda pk: _p(pk, 0).anggaran == Decimal("35000000"),
    ),
    Kasus(
        "move a program up",
        lambda pk, u: sunting.pindah_program(_p(pk, 2), u, -1),
        "pk.program.pindah",
        [{"bidang": "urutan", "lama": "3", "baru": "2"}],
        lambda pk: _p(pk, 1).nama.startswith("Program Penunjang"),
    ),
    Kasus(
        "remove a program",
        lambda pk, u: sunting.hapus_program(_p(pk, 1), u),
        "pk.program.hapus",
        [{"bidang": "nama", "lama": "Program Pemberdayaan Masyarakat Desa dan Kelurahan", "baru": None}],
        lambda pk: pk.program.count() == 2,
    ),
    Kasus(
        "change the place and date",
        lambda pk, u: sunting.ubah_kepala(pk, u, tempat="Sungguminasa", tanggal="2 Januari 2024"),
        "pk.ubah",
        [{"bidang": "tanggal", "lama": "Januari 2024", "baru": "2 Januari 2024"}],
        lambda pk: (pk.tanggal_hari, pk.tanggal_bulan, pk.tanggal_tahun) == (2, 1, 2024),
    ),
]


@pytest.mark.parametrize("kasus", KASUS, ids=[k.nama for k in KASUS])
def test_each_operation_changes_its_row_keeps_the_others_and_is_traced(kasus, operator_a, pk_factory, unit_a):
    pk = pk_factory(unit_a, n_indikator=4, draft=True)  # levels: strategis ×2, program, kegiatan
    lain = set(Indikator.objects.filter(sasaran__perjanjian=pk).values_list("pk", flat=True))
    sebelum = Riwayat.objects.count()

    kasus.aksi(pk, operator_a)

    pk.refresh_from_db()
    assert kasus.periksa(pk)
    [entri] = Riwayat.objects.all()[sebelum:]
    assert (entri.aksi, entri.oleh, entri.dari, entri.ke) == (kasus.kode, operator_a, "draf", "draf")
    for p in kasus.perubahan:
        assert p in entri.perubahan, (p, entri.perubahan)
    # Rows the operation did not touch keep their identity.
    sisa = set(Indikator.objects.filter(sasaran__perjanjian=pk).values_list("pk", flat=True))
    assert len(lain - sisa) <= (1 if "remove" in kasus.nama else 0)


def test_nothing_changes_without_the_right_or_past_draf(
    operator_a, operator_b, pimpinan_a, pk_factory, unit_a
):
    pk = pk_factory(unit_a, n_indikator=3, draft=True)
    for siapa in (operator_b, pimpinan_a, None):
        with pytest.raises(alur.TidakBerhak):
            sunting.tambah_program(pk, siapa, nama="X", anggaran="1")
    terbit = pk_factory(unit_a, n_indikator=3, tahun=2023)
    with pytest.raises(alur.StatusTidakSesuai, match="buat PK perubahan"):
        sunting.ubah_indikator(_i(terbit, 0), operator_a, uraian="X", target="1")
    assert Program.objects.filter(nama="X").count() == 0 and _i(terbit, 0).uraian.startswith("Indeks")


@pytest.mark.parametrize(
    ("aksi", "pesan"),
    [
        (lambda pk, u: sunting.tambah_sasaran(pk, u, tingkat="misi", uraian="X"), "Tingkat sasaran"),
        (
            lambda pk, u: sunting.tambah_sasaran(pk, u, tingkat="program", uraian="  "),
            "Uraian sasaran harus diisi",
        ),
        (lambda pk, u: sunting.tambah_indikator(_s(pk, 0), u, uraian="X", target=""), "Target harus diisi"),
        (
            lambda pk, u: sunting.tambah_program(pk, u, nama="X", anggaran="sejuta"),
            "Anggaran “sejuta” tidak terbaca",
        ),
        (
            lambda pk, u: sunting.ubah_kepala(pk, u, tempat="X", tanggal="31 Februari 2024"),
            "Tanggal “31 Februari 2024” tidak ada",
        ),
    ],
)
def test_a_value_the_editor_cannot_take_is_refused_and_names_the_field(
    aksi, pesan, operator_a, pk_factory, unit_a
):
    pk = pk_factory(unit_a, n_indikator=3, draft=True)
    sebelum = Riwayat.objects.count()
    with pytest.raises(sunting.IsianSalah, match=pesan):
        aksi(pk, operator_a)
    assert Riwayat.objects.count() == sebelum


def test_parties_are_chosen_among_the_pejabat_with_an_acting_title(
    operator_a, pk_factory, unit_a, unit_b, pemda
):
    pk = pk_factory(unit_a, n_indikator=2, draft=True)
    plt = sunting.tambah_pejabat(
        unit_a,
        operator_a,
        nama="ANDI MAPPA, S.STP",
        nip="19800202 200212 1 004",
        jabatan="Sekretaris Camat",
        pangkat="Penata (III/c)",
    )
    pk = sunting.ubah_pihak(
        pk, operator_a, ke="pertama", pejabat=plt, sementara="Plt.", jabatan="Camat Bajeng"
    )
    assert (pk.pihak_pertama, pk.pihak_pertama_nama, pk.pihak_pertama_jabatan, pk.pihak_pertama_nip) == (
        plt,
        "ANDI MAPPA, S.STP",
        "Plt. Camat Bajeng",
        "198002022002121004",
    )
    entri = Riwayat.objects.untuk(pk).last()
    assert {
        "bidang": "pihak_pertama_jabatan",
        "lama": "Camat Bajeng",
        "baru": "Plt. Camat Bajeng",
    } in entri.perubahan
    lain = Pejabat.objects.create(nama="Camat Pallangga", unit=unit_b)
    with pytest.raises(sunting.IsianSalah, match="bukan pejabat Kecamatan Bajeng"):
        sunting.ubah_pihak(pk, operator_a, ke="pertama", pejabat=lain)
    with pytest.raises(sunting.IsianSalah, match="NIP 1234"):
        sunting.tambah_pejabat(unit_a, operator_a, nama="X", nip="1234")
    with pytest.raises(sunting.IsianSalah, match="sudah dipakai"):
        sunting.tambah_pejabat(unit_a, operator_a, nama="Y", nip="198002022002121004")


def test_budget_rows_with_kode_kegiatan_and_the_sasaran_they_serve(operator_a, pk_factory, unit_a):
    pk = pk_factory(unit_a, n_indikator=3, draft=True)
    s0, s1 = list(pk.sasaran.order_by("urutan", "pk"))[:2]
    keg = sunting.tambah_program(
        pk,
        operator_a,
        nama="Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        anggaran="Rp 49.867.866,00",
        jenis="kegiatan",
        kode="7.01.01.2.01",
        sasaran=[s0, s1],
    )
    entri = Riwayat.objects.untuk(pk).last()
    assert {"bidang": "kode", "lama": None, "baru": "7.01.01.2.01"} in entri.perubahan
    assert {"bidang": "jenis", "lama": None, "baru": "kegiatan"} in entri.perubahan
    assert {"bidang": "sasaran", "lama": None, "baru": f"{s0.uraian}; {s1.uraian}"} in entri.perubahan
    # The kegiatan is part of its program's anggaran: the PK's total does not change.
    pk.refresh_from_db()
    assert pk.total_anggaran == sum(Decimal(x) for x in ("33800000", "1521097505", "3649867866"))
    sunting.ubah_program(keg, operator_a, nama=keg.nama, anggaran="49.867.866", sasaran=[s1])
    assert list(keg.sasaran.all()) == [s1]
    assert Riwayat.objects.untuk(pk).last().perubahan == [
        {"bidang": "sasaran", "lama": f"{s0.uraian}; {s1.uraian}", "baru": s1.uraian}
    ]


@pytest.mark.parametrize(
    ("jenis", "kode", "pesan"),
    [
        ("program", "7.01.01.2.01", "Kode 7.01.01.2.01 adalah kode kegiatan, bukan program"),
        ("kegiatan", "7-01-01", "tidak berbentuk kode nomenklatur"),
        ("misi", "", "Jenis “misi” tidak dikenal"),
    ],
)
def test_a_wrong_kode_is_refused_and_says_why(operator_a, pk_factory, unit_a, jenis, kode, pesan):
    pk = pk_factory(unit_a, n_indikator=2, draft=True)
    with pytest.raises(sunting.IsianSalah, match=pesan):
        sunting.tambah_program(pk, operator_a, nama="X", anggaran="1", jenis=jenis, kode=kode)


def test_a_program_serves_only_its_own_pks_sasaran(operator_a, operator_b, pk_factory, unit_a, unit_b):
    pk = pk_factory(unit_a, n_indikator=2, draft=True)
    lain = pk_factory(unit_b, n_indikator=2, draft=True)
    with pytest.raises(sunting.IsianSalah, match="hanya dapat mendukung sasaran PK ini"):
        sunting.tambah_program(pk, operator_a, nama="X", anggaran="1", sasaran=[lain.sasaran.first()])

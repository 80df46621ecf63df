"""Stored PKs as the domain's `PerjanjianKinerja` dataclass — the one shape review and documents read.

A parsed file and a PK in the database thus go through the same review rules and the same renderers
(DESIGN.md "Documents"). `to_domain_banyak(pks)` reads the parts of any number of PKs together: six
queries whatever their number and size (the page, the ZIP and bulk rendering use it); `to_domain(pk)`
is the same for one PK. The PKs should come with `unit` and `unit__induk` selected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from kinerja.agreements.models import (
    Baseline,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    Program,
    Sasaran,
    TandaTangan,
    nilai_tercetak,
    ringkas,
)
from kinerja.domain import pk as d


def _none(text: str | None) -> str | None:
    return text or None


_INDIKATOR = (
    "id",
    "sasaran_id",
    "uraian",
    "baris",
    "satuan",
    "target_nilai",
    "target_desimal",
    "target_teks",
    "target_predikat",
    "target_predikat_tercetak",
    "berpenjelasan",
    "uraian_sasaran_penjelasan",
    "relevansi",
    "formulasi",
    "sumber_data",
    "target_penjelasan",
    "penjelasan_target",
    "jumlah_indikator_tertulis",
)
_TTD = ("perjanjian_id", "bagian", "pihak", "nama", "jabatan", "nip", "pangkat", "tempat", "tanggal", "baris")


def to_domain_banyak(pks: Sequence[PerjanjianKinerja]) -> list[d.NaskahPK]:
    """The stored PKs as domain PKs, in the order given (six queries for any number of PKs)."""
    ids = [pk.pk for pk in pks]
    if not ids:
        return []
    sasaran: dict[int, list[tuple]] = defaultdict(list)
    for row in (
        Sasaran.objects.filter(perjanjian_id__in=ids)
        .order_by("urutan", "id")
        .values_list("perjanjian_id", "id", "tingkat", "uraian", "baris")
    ):
        sasaran[row[0]].append(row[1:])
    per_sasaran: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Indikator.objects.filter(sasaran__perjanjian_id__in=ids)
        .order_by("sasaran_id", "urutan", "id")
        .values_list(*_INDIKATOR)
    ):
        i = dict(zip(_INDIKATOR, row, strict=True))
        per_sasaran[i["sasaran_id"]].append(i)
    baseline: dict[int, list[d.Baseline]] = defaultdict(list)
    for indikator_id, tahun, target, realisasi, capaian in (
        Baseline.objects.filter(indikator__sasaran__perjanjian_id__in=ids)
        .order_by("tahun", "id")
        .values_list("indikator_id", "tahun", "target", "realisasi", "capaian")
    ):
        baseline[indikator_id].append(
            d.Baseline(
                tahun=tahun, target=ringkas(target), realisasi=ringkas(realisasi), capaian=ringkas(capaian)
            )
        )
    dasar: dict[int, list[str]] = defaultdict(list)
    for indikator_id, teks in (
        DasarHukum.objects.filter(indikator__sasaran__perjanjian_id__in=ids)
        .order_by("urutan", "id")
        .values_list("indikator_id", "teks")
    ):
        dasar[indikator_id].append(teks)
    program: dict[int, list[d.Program]] = defaultdict(list)
    for perjanjian_id, nama, anggaran, baris in (
        Program.objects.filter(perjanjian_id__in=ids)
        .order_by("urutan", "id")
        .values_list("perjanjian_id", "nama", "anggaran", "baris")
    ):
        program[perjanjian_id].append(d.Program(nama=nama, anggaran=anggaran, baris=baris))
    ttd: dict[int, list[d.TandaTangan]] = defaultdict(list)
    for row in TandaTangan.objects.filter(perjanjian_id__in=ids).order_by("urutan", "id").values_list(*_TTD):
        t = dict(zip(_TTD, row, strict=True))
        ttd[t["perjanjian_id"]].append(
            d.TandaTangan(
                bagian=t["bagian"],
                pihak=t["pihak"],
                nama=t["nama"],
                jabatan=_none(t["jabatan"]),
                nip=_none(t["nip"]),
                pangkat=_none(t["pangkat"]),
                tempat=_none(t["tempat"]),
                tanggal=_none(t["tanggal"]),
                baris=t["baris"],
            )
        )
    return [_satu(pk, sasaran[pk.pk], per_sasaran, baseline, dasar, program[pk.pk], ttd[pk.pk]) for pk in pks]


def _target(i: dict) -> d.Target:
    return d.Target(
        teks=i["target_teks"],
        nilai=nilai_tercetak(i["target_nilai"], i["target_desimal"]),
        satuan=_none(i["satuan"]),
        predikat=_none(i["target_predikat"]),
        predikat_tercetak=_none(i["target_predikat_tercetak"]),
    )


def _satu(
    pk: PerjanjianKinerja,
    sasaran: list[tuple],
    per_sasaran: dict[int, list[dict]],
    baseline: dict[int, list[d.Baseline]],
    dasar: dict[int, list[str]],
    program: list[d.Program],
    ttd: list[d.TandaTangan],
) -> d.NaskahPK:
    d_sasaran = tuple(
        d.Sasaran(
            tingkat=tingkat,
            uraian=uraian,
            baris=baris,
            indikator=tuple(
                d.Indikator(uraian=i["uraian"], target=_target(i), baris=i["baris"]) for i in per_sasaran[sid]
            ),
        )
        for sid, tingkat, uraian, baris in sasaran
    )
    penjelasan = tuple(
        d.Penjelasan(
            indikator=i["uraian"],
            uraian_sasaran=_none(i["uraian_sasaran_penjelasan"]),
            dasar_hukum=tuple(dasar[i["id"]]),
            relevansi=_none(i["relevansi"]),
            formulasi=_none(i["formulasi"]),
            sumber_data=_none(i["sumber_data"]),
            target=_none(i["target_penjelasan"]),
            penjelasan_target=_none(i["penjelasan_target"]),
            baseline=tuple(baseline[i["id"]]),
            jumlah_indikator_tertulis=_none(i["jumlah_indikator_tertulis"]),
            baris=i["baris"],
        )
        for sid, *_ in sasaran
        for i in per_sasaran[sid]
        if i["berpenjelasan"]
    )
    total = sum((p.anggaran for p in program if p.anggaran is not None), Decimal("0.00")) if program else None
    unit = pk.unit
    pemda = unit.induk if unit.induk_id else None
    return d.NaskahPK(
        tahun=pk.tahun,
        jenis=pk.jenis,
        alasan_perubahan=_none(pk.alasan_perubahan_keterangan),
        unit=unit.nama,
        pemerintah=pemda.nama if pemda is not None else None,
        pihak_pertama=d.Pihak(
            nama=pk.pihak_pertama_nama,
            jabatan=_none(pk.pihak_pertama_jabatan),
            nip=_none(pk.pihak_pertama_nip),
            pangkat=_none(pk.pihak_pertama_pangkat),
        ),
        pihak_kedua=(
            d.Pihak(
                nama=pk.pihak_kedua_nama,
                jabatan=_none(pk.pihak_kedua_jabatan),
                nip=_none(pk.pihak_kedua_nip),
                pangkat=_none(pk.pihak_kedua_pangkat),
            )
            if pk.pihak_kedua_nama
            else None
        ),
        tempat=_none(pk.tempat),
        tanggal=_none(pk.tanggal_teks),
        tanda_tangan=tuple(ttd),
        sasaran=d_sasaran,
        program=tuple(program),
        total_anggaran=total,
        total_anggaran_tercetak=pk.total_anggaran_tercetak,
        penjelasan=penjelasan,
    )


def to_domain(pk: PerjanjianKinerja) -> d.NaskahPK:
    """One stored PK as a frozen domain dataclass (six queries)."""
    [hasil] = to_domain_banyak([pk])
    return hasil

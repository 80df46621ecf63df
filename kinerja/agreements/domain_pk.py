"""Stored PKs as the domain's `PerjanjianKinerja` dataclass — the one shape review and documents read.

A parsed file and a PK in the database thus go through the same review rules and the same renderers
(docs/adr/0002-documents.md). `to_domain_banyak(pks)` reads the parts of any number of PKs together: six
queries whatever their number and size (the page, the ZIP and bulk rendering use it); `to_domain(perjanjian)`
is the same for one PK. The PKs should come with `unit` and `unit__induk` selected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from kinerja.agreements import kolom
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


def _kolom(*kelas: type) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k.nama for c in kelas for k in d.kolom_tersimpan(c)))


# The columns read, from the parts' descriptions (kinerja/domain/pk.py) plus the keys that tie rows.
_INDIKATOR = ("id", "sasaran_id", "target_desimal", "berpenjelasan", *_kolom(d.Indikator, d.Penjelasan))
_TTD = ("perjanjian_id", *_kolom(d.TandaTangan))
_SASARAN = ("perjanjian_id", "id", *_kolom(d.Sasaran))
_PROGRAM = ("perjanjian_id", *_kolom(d.Program))
_BASELINE = ("indikator_id", *_kolom(d.Baseline))


def to_domain_banyak(pks: Sequence[PerjanjianKinerja]) -> list[d.NaskahPK]:
    """The stored PKs as domain PKs, in the order given (six queries for any number of PKs)."""
    ids = [perjanjian.pk for perjanjian in pks]
    if not ids:
        return []
    sasaran: dict[int, list[dict]] = defaultdict(list)
    for row in Sasaran.objects.filter(perjanjian_id__in=ids).order_by("urutan", "id").values_list(*_SASARAN):
        baris = dict(zip(_SASARAN, row, strict=True))
        sasaran[baris["perjanjian_id"]].append(baris)
    per_sasaran: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Indikator.objects.filter(sasaran__perjanjian_id__in=ids)
        .order_by("sasaran_id", "urutan", "id")
        .values_list(*_INDIKATOR)
    ):
        i = dict(zip(_INDIKATOR, row, strict=True))
        # The target's value with as many decimals as printed (84,00 stays 84,00; 100 stays 100).
        i["target_nilai"] = nilai_tercetak(i["target_nilai"], i["target_desimal"])
        per_sasaran[i["sasaran_id"]].append(i)
    baseline: dict[int, list[d.Baseline]] = defaultdict(list)
    for row in (
        Baseline.objects.filter(indikator__sasaran__perjanjian_id__in=ids)
        .order_by("tahun", "id")
        .values_list(*_BASELINE)
    ):
        b = dict(zip(_BASELINE, row, strict=True))
        # Decimals without the column's trailing zeros (the penjelasan printed "85", not "85.0000").
        b.update({k: ringkas(b[k]) for k in ("target", "realisasi", "capaian")})
        baseline[b["indikator_id"]].append(kolom.dari_model(d.Baseline, b))
    dasar: dict[int, list[str]] = defaultdict(list)
    for indikator_id, teks in (
        DasarHukum.objects.filter(indikator__sasaran__perjanjian_id__in=ids)
        .order_by("urutan", "id")
        .values_list("indikator_id", "teks")
    ):
        dasar[indikator_id].append(teks)
    program: dict[int, list[d.Program]] = defaultdict(list)
    for row in Program.objects.filter(perjanjian_id__in=ids).order_by("urutan", "id").values_list(*_PROGRAM):
        p = dict(zip(_PROGRAM, row, strict=True))
        program[p["perjanjian_id"]].append(kolom.dari_model(d.Program, p))
    ttd: dict[int, list[d.TandaTangan]] = defaultdict(list)
    for row in TandaTangan.objects.filter(perjanjian_id__in=ids).order_by("urutan", "id").values_list(*_TTD):
        t = dict(zip(_TTD, row, strict=True))
        ttd[t["perjanjian_id"]].append(kolom.dari_model(d.TandaTangan, t))
    return [
        _satu(
            perjanjian,
            sasaran[perjanjian.pk],
            per_sasaran,
            baseline,
            dasar,
            program[perjanjian.pk],
            ttd[perjanjian.pk],
        )
        for perjanjian in pks
    ]


def _satu(
    perjanjian: PerjanjianKinerja,
    sasaran: list[dict],
    per_sasaran: dict[int, list[dict]],
    baseline: dict[int, list[d.Baseline]],
    dasar: dict[int, list[str]],
    program: list[d.Program],
    ttd: list[d.TandaTangan],
) -> d.NaskahPK:
    d_sasaran = tuple(
        kolom.dari_model(
            d.Sasaran, s, indikator=tuple(kolom.dari_model(d.Indikator, i) for i in per_sasaran[s["id"]])
        )
        for s in sasaran
    )
    penjelasan = tuple(
        kolom.dari_model(
            d.Penjelasan,
            i,
            indikator=i["uraian"],
            dasar_hukum=tuple(dasar[i["id"]]),
            baseline=tuple(baseline[i["id"]]),
            baris=i["baris"],
        )
        for s in sasaran
        for i in per_sasaran[s["id"]]
        if i["berpenjelasan"]
    )
    total = (d.total_program(program) or Decimal("0.00")) if program else None
    unit = perjanjian.unit
    pemda = unit.induk if unit.induk_id else None
    kepala = {k.nama: getattr(perjanjian, k.nama) for k in d.kolom_tersimpan(d.NaskahPK)}
    return kolom.dari_model(
        d.NaskahPK,
        kepala,
        tahun=perjanjian.tahun,
        jenis=perjanjian.jenis,
        unit=unit.nama,
        pemerintah=pemda.nama if pemda is not None else None,
        tanggal=_none(perjanjian.tanggal_teks),
        tanda_tangan=tuple(ttd),
        sasaran=d_sasaran,
        program=tuple(program),
        total_anggaran=total,
        penjelasan=penjelasan,
    )


def to_domain(perjanjian: PerjanjianKinerja) -> d.NaskahPK:
    """One stored PK as a frozen domain dataclass (six queries)."""
    [hasil] = to_domain_banyak([perjanjian])
    return hasil

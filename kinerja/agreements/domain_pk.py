"""A stored PK as the domain's `PerjanjianKinerja` dataclass — the one shape review and documents read.

A parsed file and a PK in the database thus go through the same review rules and the same renderers
(DESIGN.md "Documents"). Reads the PK in a fixed number of queries, whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
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
)
from kinerja.domain import pk as d


def _none(text: str | None) -> str | None:
    return text or None


def to_domain(pk: PerjanjianKinerja) -> d.PerjanjianKinerja:
    """The stored PK, its parts in document order, as a frozen domain dataclass (6 queries)."""
    sasaran = list(Sasaran.objects.filter(perjanjian=pk).order_by("urutan", "id"))
    indikator = list(Indikator.objects.filter(sasaran__perjanjian=pk).order_by("sasaran_id", "urutan", "id"))
    baseline: dict[int, list[Baseline]] = defaultdict(list)
    for b in Baseline.objects.filter(indikator__sasaran__perjanjian=pk).order_by("tahun", "id"):
        baseline[b.indikator_id].append(b)
    dasar: dict[int, list[str]] = defaultdict(list)
    for h in DasarHukum.objects.filter(indikator__sasaran__perjanjian=pk).order_by("urutan", "id"):
        dasar[h.indikator_id].append(h.teks)
    per_sasaran: dict[int, list[Indikator]] = defaultdict(list)
    for i in indikator:
        per_sasaran[i.sasaran_id].append(i)

    def target(i: Indikator) -> d.Target:
        return d.Target(
            teks=i.target_teks,
            nilai=nilai_tercetak(i.target_nilai, i.target_desimal),
            satuan=_none(i.satuan),
            predikat=_none(i.target_predikat),
            predikat_tercetak=_none(i.target_predikat_tercetak),
        )

    d_sasaran = tuple(
        d.Sasaran(
            tingkat=s.tingkat,
            uraian=s.uraian,
            baris=s.baris,
            indikator=tuple(
                d.Indikator(uraian=i.uraian, target=target(i), baris=i.baris) for i in per_sasaran[s.id]
            ),
        )
        for s in sasaran
    )
    penjelasan = tuple(
        d.Penjelasan(
            indikator=i.uraian,
            uraian_sasaran=_none(i.uraian_sasaran_penjelasan),
            dasar_hukum=tuple(dasar[i.id]),
            relevansi=_none(i.relevansi),
            formulasi=_none(i.formulasi),
            sumber_data=_none(i.sumber_data),
            target=_none(i.target_penjelasan),
            penjelasan_target=_none(i.penjelasan_target),
            baseline=tuple(
                d.Baseline(
                    tahun=b.tahun, target=_d(b.target), realisasi=_d(b.realisasi), capaian=_d(b.capaian)
                )
                for b in baseline[i.id]
            ),
            jumlah_indikator_tertulis=_none(i.jumlah_indikator_tertulis),
            baris=i.baris,
        )
        for s in sasaran
        for i in per_sasaran[s.id]
        if i.berpenjelasan
    )
    program = tuple(
        d.Program(nama=p.nama, anggaran=p.anggaran, baris=p.baris)
        for p in Program.objects.filter(perjanjian=pk).order_by("urutan", "id")
    )
    ttd = tuple(
        d.TandaTangan(
            bagian=t.bagian,
            pihak=t.pihak,
            nama=t.nama,
            jabatan=_none(t.jabatan),
            nip=_none(t.nip),
            pangkat=_none(t.pangkat),
            tempat=_none(t.tempat),
            tanggal=_none(t.tanggal),
            baris=t.baris,
        )
        for t in TandaTangan.objects.filter(perjanjian=pk).order_by("urutan", "id")
    )
    total = sum((p.anggaran for p in program if p.anggaran is not None), Decimal("0.00")) if program else None
    unit = pk.unit
    pemda = unit.induk if unit.induk_id else None
    return d.PerjanjianKinerja(
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
        tanda_tangan=ttd,
        sasaran=d_sasaran,
        program=program,
        total_anggaran=total,
        total_anggaran_tercetak=pk.total_anggaran_tercetak,
        penjelasan=penjelasan,
    )


def _d(value: Decimal | None) -> Decimal | None:
    """A stored Decimal(…, 4) without the padding zeros the column adds (80.3300 -> 80.33)."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()

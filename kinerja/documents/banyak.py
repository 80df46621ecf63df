"""Rendering many stored PKs at once: the admin's ZIP and `kinerja pk render --tahun … --semua`.

PKs are read in batches with `to_domain_banyak` (six queries per batch) and the current issued
documents of a batch in one more; a published PK's PDF is its issued document (with the QR code),
issued on the way if it does not exist yet or no longer says what the PK says. PDFs are compiled in
a thread pool: Typst releases the GIL, so a batch uses every core while the database work stays in
the calling thread.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kinerja.agreements.domain_pk import to_domain_banyak
from kinerja.agreements.models import PerjanjianKinerja
from kinerja.documents.contexts import dokumen_pk, nama_berkas
from kinerja.documents.models import DokumenTerbit
from kinerja.documents.pdf import render_pdf
from kinerja.documents.render import FORMATS, render
from kinerja.documents.terbit import Rencana, rencana_terbit, rupiah_spasi, simpan_terbit, token_baru

UKURAN_KELOMPOK = 200


def _kelompok(pks: Sequence[PerjanjianKinerja], ukuran: int) -> Iterator[Sequence[PerjanjianKinerja]]:
    for mulai in range(0, len(pks), ukuran):
        yield pks[mulai : mulai + ukuran]


def _pekerja() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def berkas_pk(
    pks: Iterable[PerjanjianKinerja],
    format: str,
    *,
    ukuran: int = UKURAN_KELOMPOK,
    templat: str | Path | None = None,
) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) for every PK, in order; names are unique within the run.

    `templat` replaces the Word template for DOCX.
    """
    if format not in FORMATS:
        raise ValueError(f"format tidak dikenal: {format!r} (pilihan: pdf, docx, xlsx)")
    daftar = list(pks)
    spasi = rupiah_spasi()
    dipakai: set[str] = set()
    nama: dict[int, str] = {}
    for perjanjian in daftar:
        dasar = nama_berkas(perjanjian.tahun, perjanjian.jenis, perjanjian.unit.nama)
        if dasar.lower() in dipakai:
            dasar = f"{dasar}-{perjanjian.pk}"
        dipakai.add(dasar.lower())
        nama[perjanjian.pk] = f"{dasar}.{FORMATS[format].ekstensi}"
    if format != "pdf":
        for kelompok in _kelompok(daftar, ukuran):
            for perjanjian, satu in zip(kelompok, to_domain_banyak(kelompok), strict=True):
                dok = dokumen_pk(satu, rupiah_spasi=spasi, tanda_air=perjanjian.tanda_air)
                yield nama[perjanjian.pk], render(dok, format, templat=templat)
        return
    with ThreadPoolExecutor(max_workers=_pekerja(), thread_name_prefix="kinerja-pdf") as pool:
        for kelompok in _kelompok(daftar, ukuran):
            yield from _pdf_kelompok(kelompok, nama, spasi, pool)


def _pdf_kelompok(kelompok, nama: dict[int, str], spasi: bool, pool) -> Iterator[tuple[str, bytes]]:
    data = to_domain_banyak(kelompok)
    terbit = [perjanjian.pk for perjanjian in kelompok if perjanjian.publik]
    kini = (
        {x.perjanjian_id: x for x in DokumenTerbit.objects.filter(perjanjian_id__in=terbit, berlaku=True)}
        if terbit
        else {}
    )
    # What each PK needs: its stored document, a new one to issue, or (a draft) a plain render.
    token = iter(token_baru(len(terbit)) if terbit else [])
    rencana = [
        rencana_terbit(perjanjian, satu, kini.get(perjanjian.pk), next(token))
        if perjanjian.publik
        else dokumen_pk(satu, rupiah_spasi=spasi, tanda_air=perjanjian.tanda_air)
        for perjanjian, satu in zip(kelompok, data, strict=True)
    ]
    pdf = pool.map(
        render_pdf,
        [r.dok if isinstance(r, Rencana) else r for r in rencana if not isinstance(r, DokumenTerbit)],
    )
    hasil = [r if isinstance(r, DokumenTerbit) else next(pdf) for r in rencana]
    # The batch's new documents are stored together (one transaction), then served as stored.
    baru = iter(
        simpan_terbit([(r, h) for r, h in zip(rencana, hasil, strict=True) if isinstance(r, Rencana)])
    )
    for perjanjian, r, h in zip(kelompok, rencana, hasil, strict=True):
        if isinstance(r, DokumenTerbit):
            yield nama[perjanjian.pk], bytes(r.pdf)
        elif isinstance(r, Rencana):
            yield nama[perjanjian.pk], bytes(next(baru).pdf)
        else:
            yield nama[perjanjian.pk], h

"""Paper questionnaires typed in a spreadsheet: a CSV/XLSX file imported into a period in one go.

The file is read by kinerja.domain.skm_file (row errors in Indonesian) and checked against the period
(jenis layanan of the unit, lengths); then, in ONE transaction, every response is inserted with
bulk_create and the period's aggregates are bumped by one upsert per file (one row per key: all
responses and each jenis layanan), the same `x = x + excluded.x` rule as a single response, refused
when the period was closed meanwhile. Any error: nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from kinerja.domain.skm_file import BarisGalat, SKMFileError, baca_jawaban
from kinerja.surveys.kuesioner import PROFIL
from kinerja.surveys.models import Agregat, JenisLayanan, PeriodeSurvei, Respons, kolom_jawaban
from kinerja.surveys.services import PeriodeDitutup, SKMError, _pesan_ditutup, _salah

MAKS_BARIS = 20000
MAKS_SARAN = 2000
MAKS_PROFIL = 60
UKURAN_BATCH = 1000


@dataclass(frozen=True)
class HasilImpor:
    jumlah: int
    kolom_diabaikan: tuple[str, ...]


def _normal(teks: str) -> str:
    return " ".join(teks.lower().split())


def _totals(respons: list[Respons], kolom: list[str]) -> dict[int, dict[str, int]]:
    """Per aggregate key (0 = all, else layanan id): responden, jumlah_*, cacah_* of the new responses."""
    hasil: dict[int, dict[str, int]] = {}
    for r in respons:
        for kunci in (Agregat.SEMUA, r.jenis_layanan_id) if r.jenis_layanan_id else (Agregat.SEMUA,):
            t = hasil.get(kunci)
            if t is None:
                t = hasil[kunci] = {
                    "responden": 0,
                    **{f"jumlah_{k}": 0 for k in kolom},
                    **{f"cacah_{k}": 0 for k in kolom},
                }
            t["responden"] += 1
            for k in kolom:
                v = getattr(r, k)
                if v is not None:
                    t[f"jumlah_{k}"] += v
                    t[f"cacah_{k}"] += 1
    return hasil


def naikkan_agregat_banyak(periode: PeriodeSurvei, totals: Mapping[int, Mapping[str, int]]) -> None:
    """Add many responses' totals to the period's aggregate rows in one statement (PeriodeDitutup if closed)."""
    if not totals:
        return
    kolom = [kolom_jawaban(k) for k in periode.kode_unsur]
    nama = ["responden", *(f"jumlah_{k}" for k in kolom), *(f"cacah_{k}" for k in kolom)]
    t = connection.ops.quote_name(Agregat._meta.db_table)
    salah = _salah(connection.vendor)
    baris, params = [], []
    for kunci in sorted(totals):  # the same row order as single responses: no deadlock cycle
        baris.append(f"(%s, %s, %s, {salah}, {', '.join(['%s'] * len(nama))})")
        params += [periode.pk, kunci or None, kunci, *(totals[kunci][n] for n in nama)]
    tambah = ", ".join(f"{n} = {t}.{n} + excluded.{n}" for n in nama)
    sql = (
        f"INSERT INTO {t} (periode_id, jenis_layanan_id, kunci, ditutup, {', '.join(nama)}) "
        f"VALUES {', '.join(baris)} ON CONFLICT (periode_id, kunci) DO UPDATE SET {tambah} "
        f"WHERE {t}.ditutup = {salah} RETURNING kunci"
    )
    with connection.cursor() as cur:
        cur.execute(sql, params)
        ditulis = len(cur.fetchall())
    if ditulis != len(baris):
        raise PeriodeDitutup(_pesan_ditutup(periode))


def impor_berkas(periode: PeriodeSurvei, sumber, *, nama: str | None = None) -> HasilImpor:
    """Import a file of questionnaires into an open period (sumber = impor); SKMFileError lists every
    row error and nothing is stored; SKMError / PeriodeDitutup when the period no longer takes answers."""
    if periode.status != PeriodeSurvei.Status.DIBUKA:
        raise PeriodeDitutup(_pesan_ditutup(periode))
    berkas = baca_jawaban(sumber, regime=periode.regime)  # type: ignore[arg-type]
    if len(berkas.jawaban) > MAKS_BARIS:
        raise SKMFileError(
            [
                BarisGalat(
                    None,
                    None,
                    f"terlalu banyak baris ({len(berkas.jawaban)}); paling banyak {MAKS_BARIS} per berkas",
                )
            ],
            nama,
        )
    layanan = {_normal(x.nama): x for x in JenisLayanan.objects.filter(unit_id=periode.unit_id)}
    kolom = {kode: kolom_jawaban(kode) for kode in periode.kode_unsur}
    galat: list[BarisGalat] = []
    respons: list[Respons] = []
    sekarang = timezone.now()
    for jawaban, profil, saran, nomor in zip(
        berkas.jawaban,
        berkas.profil,
        berkas.saran,
        berkas.baris or range(2, 2 + len(berkas.jawaban)),
        strict=False,
    ):
        jl = None
        teks_layanan = (profil.get("jenis_layanan") or "").strip()
        if teks_layanan:
            jl = layanan.get(_normal(teks_layanan))
            if jl is None:
                daftar = (
                    ", ".join(x.nama for x in layanan.values() if x.aktif)
                    or "(unit belum mempunyai daftar layanan)"
                )
                galat.append(
                    BarisGalat(
                        nomor,
                        "jenis_layanan",
                        f"jenis layanan “{teks_layanan}” tidak dikenal; pilihan: {daftar}",
                    )
                )
        for p in PROFIL:
            if len(profil.get(p, "")) > MAKS_PROFIL:
                galat.append(BarisGalat(nomor, p, f"terlalu panjang (paling banyak {MAKS_PROFIL} karakter)"))
        if len(saran) > MAKS_SARAN:
            galat.append(BarisGalat(nomor, "saran", f"terlalu panjang (paling banyak {MAKS_SARAN} karakter)"))
        respons.append(
            Respons(
                periode=periode,
                jenis_layanan=jl,
                diterima_pada=sekarang,
                sumber=Respons.Sumber.IMPOR,
                saran=saran.strip(),
                **{p: (profil.get(p) or "").strip() for p in PROFIL},
                **{kolom[k]: v for k, v in jawaban.items() if k in kolom},
            )
        )
    if galat:
        raise SKMFileError(galat, nama)
    with transaction.atomic():
        # Lock the period row: a concurrent close waits for this import (or the import sees it closed).
        status = (
            PeriodeSurvei.objects.select_for_update()
            .filter(pk=periode.pk)
            .values_list("status", flat=True)
            .first()
        )
        if status != PeriodeSurvei.Status.DIBUKA:
            raise PeriodeDitutup(_pesan_ditutup(periode))
        Respons.objects.bulk_create(respons, batch_size=UKURAN_BATCH)
        naikkan_agregat_banyak(periode, _totals(respons, list(kolom.values())))
    return HasilImpor(len(respons), berkas.kolom_diabaikan)


__all__ = ["HasilImpor", "SKMError", "SKMFileError", "impor_berkas", "naikkan_agregat_banyak"]

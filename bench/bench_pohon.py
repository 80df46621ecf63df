#!/usr/bin/env python
"""Benchmark of the pohon kinerja: server time and SQL queries of /pohon/ for 500 units × 5 indikator.

Usage: .venv/bin/python bench/bench_pohon.py [--unit 500] [--indikator 5] [--kali 20] [--ekspor]
The tree: the Bupati's PK (5 sasaran strategis), 49 perangkat daerah deriving from it, and the rest as
their sub units (eselon III) deriving from them; every PK one sasaran with `--indikator` indikator,
each linked to the one above. All published, read by a visitor over HTTPS with production settings
(bench/_lingkungan.py). Uses a temporary SQLite database unless DATABASE_URL is set (then a throw-away
test database next to it). Target: median <= 300 ms.
`--ekspor` also times the PDF and the XLSX of the whole tree.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import _lingkungan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", type=int, default=500, help="number of units with a PK (default 500)")
    parser.add_argument("--indikator", type=int, default=5, help="indikator per PK (default 5)")
    parser.add_argument("--kali", type=int, default=20, help="number of timed renders (default 20)")
    parser.add_argument("--ekspor", action="store_true", help="also time the PDF and XLSX")
    args = parser.parse_args()
    with _lingkungan.basis_data(statik=True) as connection:
        return _run(args, connection)


def buat_pohon(n_unit: int, n_indikator: int) -> None:
    """The tree's data, written in bulk (the bench measures reading it, not the editor)."""
    from decimal import Decimal

    from kinerja.agreements.models import Indikator, PerjanjianKinerja, Sasaran
    from kinerja.units.models import Pejabat, Unit

    pemda = Unit.objects.create(nama="Kabupaten Bench", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    n_opd = min(49, n_unit - 1)
    opd = [
        Unit.objects.create(nama=f"Dinas {k + 1}", jenis="perangkat_daerah", induk=pemda)
        for k in range(n_opd)
    ]
    sub = [
        Unit.objects.create(
            nama=f"Bidang {k + 1} {opd[k % n_opd].nama}", jenis="sub_unit", induk=opd[k % n_opd]
        )
        for k in range(n_unit - 1 - n_opd)
    ]

    def pk(unit: Unit, atasan: PerjanjianKinerja | None) -> PerjanjianKinerja:
        pejabat = Pejabat.objects.create(nama=f"Kepala {unit.nama}", jabatan=f"Kepala {unit.nama}", unit=unit)
        return PerjanjianKinerja.objects.create(
            tahun=2024,
            unit=unit,
            pihak_pertama=pejabat,
            pihak_pertama_nama=pejabat.nama,
            pihak_pertama_jabatan=pejabat.jabatan,
            status="diterbitkan",
            atasan_pk=atasan,
        )

    def baris(p: PerjanjianKinerja, n_sasaran: int, induk: list[Indikator]) -> list[Indikator]:
        sasaran = Sasaran.objects.bulk_create(
            [
                Sasaran(
                    perjanjian=p,
                    tingkat="strategis",
                    urutan=k,
                    uraian=f"Meningkatnya kinerja {p.unit.nama} bidang {k + 1}",
                    mendukung=induk[0].sasaran if induk else None,
                )
                for k in range(n_sasaran)
            ]
        )
        per = max(1, n_indikator // n_sasaran) if n_sasaran > 1 else n_indikator
        return Indikator.objects.bulk_create(
            [
                Indikator(
                    sasaran=sasaran[min(k // per, n_sasaran - 1)],
                    urutan=k,
                    uraian=f"Jumlah layanan {k + 1} {p.unit.nama}",
                    target_teks=f"{10 + k} unit",
                    target_nilai=Decimal(10 + k),
                    satuan="unit",
                    mendukung=induk[k % len(induk)] if induk else None,
                )
                for k in range(n_indikator)
            ]
        )

    bupati = pk(pemda, None)
    ind_bupati = baris(bupati, 5, [])
    ind_opd: dict[int, list[Indikator]] = {}
    for u in opd:
        ind_opd[u.pk] = baris(pk(u, bupati), 1, ind_bupati)
    pk_opd = {p.unit_id: p for p in PerjanjianKinerja.objects.filter(unit__in=opd)}
    for u in sub:
        baris(pk(u, pk_opd[u.induk_id]), 1, ind_opd[u.induk_id])


def _run(args, connection) -> int:
    from django.test.utils import CaptureQueriesContext

    t0 = time.perf_counter()
    buat_pohon(args.unit, args.indikator)
    siap_ms = (time.perf_counter() - t0) * 1000
    client = _lingkungan.klien()
    url = "/pohon/?tahun=2024"
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    n_query = len(q.captured_queries)
    if r.status_code != 200:
        print(f"GAGAL: {url} -> HTTP {r.status_code}", file=sys.stderr)
        return 1
    html = r.content.decode()
    for _ in range(2):
        client.get(url)
    waktu = []
    for _ in range(args.kali):
        t = time.perf_counter()
        client.get(url)
        waktu.append((time.perf_counter() - t) * 1000)
    waktu.sort()
    median = statistics.median(waktu)
    p95 = waktu[min(len(waktu) - 1, round(0.95 * (len(waktu) - 1)))]
    print(f"database      : {connection.vendor}")
    print(
        f"pohon         : {args.unit} unit × {args.indikator} indikator; data dibuat dalam {siap_ms:.0f} ms"
    )
    n_simpul = html.count('<li id="sasaran-')
    n_indikator = html.count("<li>")
    print(f"simpul        : {n_simpul} sasaran, {n_indikator} indikator di halaman")
    print(f"/pohon/       : {args.kali} kali, median {median:.1f} ms, p95 {p95:.1f} ms, {n_query} query")
    print(f"ukuran halaman: {len(r.content) / 1024:.0f} KiB")
    print(f"target <= 300 ms: {'ya' if median <= 300 else 'TIDAK'}")
    if args.ekspor:
        for fmt in ("xlsx", "pdf"):
            t = time.perf_counter()
            r = client.get(url + f"&format={fmt}")
            print(
                f"ekspor {fmt:4}   : {(time.perf_counter() - t) * 1000:.0f} ms, {len(r.content) / 1024:.0f} KiB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

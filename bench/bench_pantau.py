#!/usr/bin/env python
"""Benchmark of monitoring (issue #11), measured side by side in one run:

1. the pemda's dashboard /pantau/ for 50 units × 20 indikator × 4 triwulan: server time and queries
   (target: median <= 150 ms, a constant number of queries);
2. capaian for 1 000 000 realisasi rows: in bulk (`kinerja.monitoring.massal.capaian_massal`: plain
   rows, the domain formula) against a per-row loop over ORM objects (target: bulk >= 10× faster).

Usage: .venv/bin/python bench/bench_pantau.py [--unit 50] [--indikator 20] [--kali 20] [--baris 1000000]
Production settings, the dashboard read over HTTPS by a superuser whose session passed the second factor
(bench/_lingkungan.py). Uses a temporary SQLite database unless DATABASE_URL is set (then a throw-away
test database next to it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import _lingkungan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", type=int, default=50, help="units with a PK (default 50)")
    parser.add_argument("--indikator", type=int, default=20, help="indikator per PK (default 20)")
    parser.add_argument("--kali", type=int, default=20, help="timed renders of the dashboard (default 20)")
    parser.add_argument("--baris", type=int, default=1_000_000, help="realisasi rows for the bulk capaian")
    args = parser.parse_args()
    with _lingkungan.basis_data(statik=True) as connection:
        return _run(args, connection)


def buat_data(n_unit: int, n_indikator: int, *, tahun: int = 2024, nama: str = "Bench") -> list[int]:
    """`n_unit` units with a published PK of `n_indikator` indikator and four triwulan of realisasi,
    written in bulk (the bench measures reading, not entry). Returns the PK ids."""
    from decimal import Decimal

    from kinerja.agreements.models import Indikator, PerjanjianKinerja, Sasaran
    from kinerja.monitoring.models import Realisasi, RencanaIndikator
    from kinerja.units.models import Pejabat, Unit

    pemda = Unit.objects.create(nama=f"Kabupaten {nama}", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    ids = []
    status = ["terverifikasi", "terverifikasi", "diajukan", "draf"]
    for u in range(n_unit):
        unit = Unit.objects.create(nama=f"Kecamatan {nama} {u + 1}", jenis="perangkat_daerah", induk=pemda)
        pejabat = Pejabat.objects.create(nama=f"Camat {u + 1}", jabatan=f"Camat {unit.nama}", unit=unit)
        p = PerjanjianKinerja.objects.create(
            tahun=tahun,
            unit=unit,
            pihak_pertama=pejabat,
            pihak_pertama_nama=pejabat.nama,
            status="diterbitkan",
        )
        ids.append(p.pk)
        sasaran = Sasaran.objects.bulk_create(
            [
                Sasaran(perjanjian=p, tingkat="strategis", urutan=k, uraian=f"Sasaran {k + 1}")
                for k in range(4)
            ]
        )
        indikator = Indikator.objects.bulk_create(
            [
                Indikator(
                    sasaran=sasaran[k % 4],
                    urutan=k,
                    uraian=f"Indikator {k + 1} {unit.nama}",
                    target_teks=f"{80 + k % 20}%",
                    target_nilai=Decimal(80 + k % 20),
                    satuan="%",
                    polaritas="negatif" if k % 5 == 4 else "positif",
                )
                for k in range(n_indikator)
            ]
        )
        RencanaIndikator.objects.bulk_create(
            [
                RencanaIndikator(
                    indikator=i,
                    konsolidasi=("terakhir", "jumlah", "rata_rata")[k % 3],
                    target_tw1=i.target_nilai / 4,
                    target_tw2=i.target_nilai / 2,
                    target_tw3=i.target_nilai * 3 / 4,
                    target_tw4=i.target_nilai,
                )
                for k, i in enumerate(indikator)
                if k % 2 == 0
            ]
        )
        Realisasi.objects.bulk_create(
            [
                Realisasi(
                    indikator=i,
                    triwulan=tw,
                    nilai=Decimal(60 + (k * 7 + tw * 3 + u) % 45) + Decimal("0.25"),
                    status=status[(k + tw) % 4],
                )
                for k, i in enumerate(indikator)
                for tw in (1, 2, 3, 4)
                if (k + u + tw) % 13  # some missing
            ]
        )
    return ids


def buat_baris(n_baris: int) -> None:
    """`n_baris` realisasi rows (a quarter as many indikator) for the bulk capaian, in chunks."""
    from decimal import Decimal

    from kinerja.agreements.models import Indikator, PerjanjianKinerja, Sasaran
    from kinerja.monitoring.models import Realisasi
    from kinerja.units.models import Pejabat, Unit

    pemda = Unit.objects.create(nama="Kabupaten Massal", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    pejabat = Pejabat.objects.create(nama="Bupati Massal", jabatan="Bupati", unit=pemda)
    p = PerjanjianKinerja.objects.create(
        tahun=2023, unit=pemda, pihak_pertama=pejabat, pihak_pertama_nama=pejabat.nama, status="diterbitkan"
    )
    s = Sasaran.objects.create(perjanjian=p, tingkat="strategis", uraian="Sasaran massal")
    n_ind = -(-n_baris // 4)
    potong = 20_000
    for mulai in range(0, n_ind, potong):
        indikator = Indikator.objects.bulk_create(
            [
                Indikator(
                    sasaran=s,
                    urutan=k,
                    uraian=f"Indikator massal {k}",
                    target_teks=f"{50 + k % 50}",
                    target_nilai=Decimal(50 + k % 50),
                    polaritas="negatif" if k % 4 == 3 else "positif",
                )
                for k in range(mulai, min(n_ind, mulai + potong))
            ]
        )
        Realisasi.objects.bulk_create(
            [
                Realisasi(indikator=i, triwulan=tw, nilai=Decimal(40 + (i.urutan + tw) % 70) + Decimal("0.5"))
                for i in indikator
                for tw in (1, 2, 3, 4)
            ][: max(0, n_baris - mulai * 4)],
            batch_size=5000,
        )


def _dasbor(args, connection) -> tuple[float, float, int]:
    from django.contrib.auth import get_user_model
    from django.test.utils import CaptureQueriesContext

    admin = get_user_model().objects.create_superuser("bench", "bench@kinerja.invalid", "bench-rahasia-123")
    client = _lingkungan.klien(admin)  # HTTPS, the second factor verified (a superuser must use one)
    url = "/pantau/?tahun=2024"
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    n_query = len(q)  # now: the next request empties the log
    if r.status_code != 200:
        raise SystemExit(f"GAGAL: {url} -> HTTP {r.status_code}")
    for _ in range(2):
        client.get(url)
    waktu = []
    for _ in range(args.kali):
        t = time.perf_counter()
        client.get(url)
        waktu.append((time.perf_counter() - t) * 1000)
    waktu.sort()
    return statistics.median(waktu), waktu[min(len(waktu) - 1, round(0.95 * (len(waktu) - 1)))], n_query


def _run(args, connection) -> int:
    from kinerja.monitoring.massal import capaian_massal, capaian_per_objek

    t0 = time.perf_counter()
    buat_data(args.unit, args.indikator)
    print(f"database      : {connection.vendor}")
    print(
        f"dasbor pemda  : {args.unit} unit × {args.indikator} indikator × 4 triwulan; "
        f"data dibuat dalam {(time.perf_counter() - t0) * 1000:.0f} ms"
    )
    median, p95, n_query = _dasbor(args, connection)
    print(f"/pantau/      : {args.kali} kali, median {median:.1f} ms, p95 {p95:.1f} ms, {n_query} query")
    print(f"target <= 150 ms: {'ya' if median <= 150 else 'TIDAK'}")

    t0 = time.perf_counter()
    buat_baris(args.baris)
    from kinerja.monitoring.models import Realisasi

    semua = Realisasi.objects.filter(indikator__sasaran__perjanjian__tahun=2023)
    n = semua.count()
    print(f"capaian massal: {n} baris realisasi dibuat dalam {time.perf_counter() - t0:.1f} s")
    t = time.perf_counter()
    massal = capaian_massal(semua)
    t_massal = time.perf_counter() - t
    t = time.perf_counter()
    per_objek = capaian_per_objek(semua)
    t_objek = time.perf_counter() - t
    sama = massal == per_objek
    print(f"  massal      : {t_massal:.2f} s ({t_massal / n * 1e6:.1f} µs per baris)")
    print(f"  per objek   : {t_objek:.2f} s ({t_objek / n * 1e6:.1f} µs per baris)")
    print(f"  hasil sama  : {'ya' if sama else 'TIDAK'}; {t_objek / t_massal:.1f}× lebih cepat")
    print(f"target >= 10×: {'ya' if t_objek / t_massal >= 10 else 'TIDAK'}")
    return 0 if sama else 1


if __name__ == "__main__":
    sys.exit(main())

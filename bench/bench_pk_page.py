#!/usr/bin/env python
"""Benchmark of the PK page: server time and SQL queries to render /pk/<id>/ for a 200-indicator PK.

Usage: .venv/bin/python bench/bench_pk_page.py [--indikator 200] [--kali 50]
Production settings, pages read over HTTPS (bench/_lingkungan.py). Uses a temporary SQLite database
unless DATABASE_URL is set (then a throw-away test database is created next to it, as the test runner
does). Target: median <= 50 ms for 200 indicators.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

# Measure what production serves (DEBUG off: templates cached, HTTPS, hashed static names).
import _lingkungan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indikator", type=int, default=200, help="number of indicators (default 200)")
    parser.add_argument("--kali", type=int, default=50, help="number of timed renders (default 50)")
    args = parser.parse_args()
    with _lingkungan.basis_data(statik=True) as connection:
        return _run(args.indikator, args.kali, connection)


def _waktu(client, url: str, kali: int) -> tuple[float, float]:
    for _ in range(3):  # warm up
        client.get(url)
    waktu = []
    for _ in range(kali):
        t = time.perf_counter()
        client.get(url)
        waktu.append((time.perf_counter() - t) * 1000)
    waktu.sort()
    return statistics.median(waktu), waktu[min(len(waktu) - 1, round(0.95 * (len(waktu) - 1)))]


def _run(n_indikator: int, kali: int, connection) -> int:
    from dataclasses import replace

    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinerja.agreements.services import import_pk
    from kinerja.units.models import Unit
    from tests.conftest import _user, build_pk_data, terbitkan_pk

    # The public reads a published PK (imported as signed, then published: the lifecycle's path).
    t0 = time.perf_counter()
    pk = terbitkan_pk(build_pk_data(n_indikator=n_indikator))
    terbit_ms = (time.perf_counter() - t0) * 1000
    url = reverse("agreements:pk_detail", args=[pk.pk])
    client = _lingkungan.klien()

    with CaptureQueriesContext(connection) as queries:
        respons = client.get(url)
    # Read now: the captured list is a view on the connection's log, which the next request clears.
    jumlah_query = len(queries.captured_queries)
    if respons.status_code != 200:
        print(f"GAGAL: {url} -> HTTP {respons.status_code}", file=sys.stderr)
        return 1
    median, p95 = _waktu(client, url, kali)

    # The unit's operator reads a draft: the review's findings, the trail and the actions beside it.
    data = build_pk_data(n_indikator=n_indikator, tahun=2025)
    t0 = time.perf_counter()
    draf = import_pk(data).pk
    impor_ms = (time.perf_counter() - t0) * 1000
    # Re-import with one target changed: rows paired and updated in place, one trail entry.
    s0 = data.sasaran[1]
    ubah = replace(
        s0, indikator=(replace(s0.indikator[0], target=replace(s0.indikator[0].target, teks="95%")),)
    )
    t0 = time.perf_counter()
    import_pk(replace(data, sasaran=(data.sasaran[0], ubah, *data.sasaran[2:])))
    impor_ulang_ms = (time.perf_counter() - t0) * 1000
    operator = _user("operator_bench", Unit.objects.get(nama="Kecamatan Bajeng"), "operator")
    client_operator = _lingkungan.klien(operator)
    url_draf = reverse("agreements:pk_detail", args=[draf.pk])
    with CaptureQueriesContext(connection) as queries:
        respons_operator = client_operator.get(url_draf)
    query_operator = len(queries.captured_queries)
    if respons_operator.status_code != 200:  # a redirect would be timed instead of the page
        print(f"GAGAL: {url_draf} -> HTTP {respons_operator.status_code}", file=sys.stderr)
        return 1
    median_op, p95_op = _waktu(client_operator, url_draf, kali)

    print(f"database        : {connection.vendor} ({connection.settings_dict['NAME']})")
    print(f"indikator       : {n_indikator}")
    print(f"impor+terbitkan : {terbit_ms:.1f} ms")
    print(f"impor (draf)    : {impor_ms:.1f} ms; impor ulang, 1 target diubah: {impor_ulang_ms:.1f} ms")
    print(
        f"render /pk/<id>/ publik  : {kali} kali, median {median:.1f} ms, p95 {p95:.1f} ms, {jumlah_query} query"
    )
    print(
        f"render /pk/<id>/ operator: {kali} kali, median {median_op:.1f} ms, p95 {p95_op:.1f} ms, {query_operator} query"
    )
    print(f"ukuran halaman  : {len(respons.content) / 1024:.0f} KiB")
    print(f"target <= 50 ms (publik): {'ya' if median <= 50 else 'TIDAK'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

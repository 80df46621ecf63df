"""Time the PK review in-process and print the figures (issue #3: parse + review of the seed <= 20 ms;
1 000 PKs reviewed in one process on one core <= 10 s).

Usage: .venv/bin/python bench/bench_review.py [--runs N] [--pks N]
The 1 000 PKs are the seed and its hand-corrected variant, each with its indicators, targets and
signatories varied (so per-PK caches do not help), parsed once beforehand: only the review is timed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from kinerja.domain import pk_text
from kinerja.domain.pk import NaskahPK
from kinerja.domain.review import Katalog, review

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"
BENAR = ROOT / "tests" / "domain" / "fixtures" / "pk-bajeng-2024-benar.txt"


def _ms(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _variasi(pk: NaskahPK, i: int) -> NaskahPK:
    """A different PK of the same shape: other target values, names and year."""
    sasaran = tuple(
        replace(
            s,
            uraian=f"{s.uraian} {i}",
            indikator=tuple(
                replace(
                    ind,
                    uraian=f"{ind.uraian} {i}",
                    target=replace(ind.target, nilai=(ind.target.nilai or Decimal(0)) + i % 7),
                )
                for ind in s.indikator
            ),
        )
        for s in pk.sasaran
    )
    ttd = tuple(
        replace(t, nama=f"{t.nama} {chr(65 + i % 26)}") if t.pihak == "pertama" and i % 3 == 0 else t
        for t in pk.tanda_tangan
    )
    return replace(pk, sasaran=sasaran, tanda_tangan=ttd, tahun=(pk.tahun or 2024) + i % 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--pks", type=int, default=1000)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    teks = SEED.read_text(encoding="utf-8")
    katalog = Katalog.bawaan()

    def parse_review() -> None:
        for pk in pk_text.parse(teks):
            review(pk, katalog=katalog)

    dingin = _ms(parse_review, 1)[0]
    hangat = _ms(parse_review, args.runs)
    [pk] = pk_text.parse(teks)
    hanya_review = _ms(lambda: review(pk, katalog=katalog), args.runs)
    q = statistics.quantiles(hangat, n=20)

    [benar] = pk_text.parse(BENAR.read_text(encoding="utf-8"))
    dasar = [pk, benar]
    pks = [_variasi(dasar[i % 2], i) for i in range(args.pks)]
    mulai = time.perf_counter()
    jumlah = sum(len(review(p, katalog=katalog)) for p in pks)
    total = time.perf_counter() - mulai

    print(f"machine: {platform.node()} {platform.machine()} Python {platform.python_version()}")
    print(f"seed: {SEED.name}, {len(pk.indikator)} indikator, {len(review(pk))} temuan")
    print(f"parse + review (first, cold caches): {dingin:.2f} ms")
    print(
        f"parse + review median: {statistics.median(hangat):.2f} ms   p95: {q[18]:.2f} ms   ({args.runs} runs; target <= 20 ms)"
    )
    print(f"review alone median: {statistics.median(hanya_review):.2f} ms")
    print(
        f"{args.pks} PKs reviewed in one process, one core: {total:.2f} s ({jumlah} temuan; target <= 10 s)"
    )


if __name__ == "__main__":
    main()

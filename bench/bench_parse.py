"""Parse the seed PK in-process and print the time per parse (issue #2: <= 5 ms).

Usage: .venv/bin/python bench/bench_parse.py [--runs N]
Prints the first (cold) parse, then median and p95 over N warm parses, plus read_text alone.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

from kinerja.domain import pk_text
from kinerja.domain.source import read_text

SEED = Path(__file__).resolve().parents[1] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


def _time(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=500)
    args = ap.parse_args()
    text = SEED.read_text(encoding="utf-8")
    cold = _time(lambda: pk_text.parse(text), 1)[0]
    warm = _time(lambda: pk_text.parse(text), args.runs)
    rows = _time(lambda: read_text(text), args.runs)
    [pk] = pk_text.parse(text)
    q = statistics.quantiles(warm, n=20)
    print(f"machine: {platform.node()} {platform.machine()} Python {platform.python_version()}")
    print(f"seed: {SEED.name}, {len(text.splitlines())} lines, {len(pk.indikator)} indikator")
    print(f"parse (first, cold caches): {cold:.2f} ms")
    print(f"parse median: {statistics.median(warm):.2f} ms   p95: {q[18]:.2f} ms   ({args.runs} runs)")
    print(f"read_text alone median: {statistics.median(rows):.3f} ms")


if __name__ == "__main__":
    main()

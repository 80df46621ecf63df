"""Parse the seed PK in-process and print the time per parse (issue #2: <= 5 ms).

Usage: .venv/bin/python bench/bench_parse.py [--runs N] [--pdf]
Prints the first (cold) parse, then median and p95 over N warm parses, plus read_text alone. With
--pdf, also the time to read a ten-page PDF of twelve-row tables (pdfplumber; the tests' fixture).
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
    ap.add_argument("--pdf", action="store_true", help="also time reading a ten-page PDF")
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
    if args.pdf:
        _pdf()


def _pdf() -> None:
    import sys
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from kinerja.domain.pdf_source import read_pdf
    from tests.domain.docfixtures import make_pdf
    from tests.domain.test_pdf_source import _ten_pages

    with tempfile.TemporaryDirectory() as tmp:
        path = make_pdf(Path(tmp) / "sepuluh.pdf", _ten_pages())
        read_pdf(path)  # imports pdfplumber: not part of the figures
        waktu = _time(lambda: read_pdf(path), 10)
    print(f"ten-page PDF read median: {statistics.median(waktu):.0f} ms   max: {max(waktu):.0f} ms (10 runs)")


if __name__ == "__main__":
    main()

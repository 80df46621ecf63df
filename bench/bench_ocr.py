#!/usr/bin/env python
"""OCR of scanned PKs: time per page, and the share of fields read right.

Usage: .venv/bin/python bench/bench_ocr.py [--kali N] [FILE ...]
Without files: the scanned PDFs of tests/data/korpus. For each file, N times (default 3): the time to
read it (render at 300 dpi, deskew, find the ruled tables, Tesseract with one thread) and to parse it;
prints pages, median and best seconds per page, and — where tests/data/korpus/harapan holds a person's
reading — the fields right. Also the time of each step on the first page (render, deskew, lines,
Tesseract) so a slowdown can be placed. Needs Tesseract with its Indonesian data (`make ocr`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kinerja.domain import ocr, ocr_tabel, pk_text  # noqa: E402
from kinerja.domain.pk_mutu import nilai_bacaan  # noqa: E402
from kinerja.domain.source import halaman_ocr  # noqa: E402

KORPUS = ROOT / "tests" / "data" / "korpus"


def _langkah(path: Path) -> str:
    """Seconds of each step on the file's first page."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        t0 = time.perf_counter()
        gambar = pdf.pages[0].to_image(resolution=ocr.DPI).original.convert("L")
        t1 = time.perf_counter()
        lurus = ocr.luruskan(gambar)
        t2 = time.perf_counter()
        kisi = ocr_tabel.cari_kisi(ocr_tabel.garis(lurus))
        t3 = time.perf_counter()
        ocr.baca_gambar(gambar)
        t4 = time.perf_counter()
    baca = (t4 - t3) - (t2 - t1) - (t3 - t2)  # baca_gambar repeats deskew and lines
    return (
        f"render {t1 - t0:.2f} s, deskew {t2 - t1:.2f} s, garis {t3 - t2:.2f} s ({len(kisi)} tabel), "
        f"Tesseract+susun {baca:.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("berkas", nargs="*", type=Path)
    parser.add_argument("--kali", type=int, default=3)
    args = parser.parse_args()
    if not ocr.tersedia():
        print("Tesseract dengan data bahasa Indonesia belum terpasang: make ocr", file=sys.stderr)
        return 2
    berkas = args.berkas or sorted(KORPUS.glob("*_scan.pdf"))
    print("| berkas | halaman | detik/halaman (median) | terbaik | benar |")
    print("|---|---|---|---|---|")
    semua_halaman = 0
    semua_detik: list[float] = []
    for path in berkas:
        halaman = halaman_ocr(path.read_bytes(), path.name)
        waktu = []
        pks = []
        for _ in range(args.kali):
            t = time.perf_counter()
            pks = pk_text.parse_file(str(path))
            waktu.append(time.perf_counter() - t)
        harapan = KORPUS / "harapan" / f"{path.name}.json"
        benar = "–"
        if harapan.is_file():
            hasil = nilai_bacaan(pks, json.loads(harapan.read_text(encoding="utf-8"))["pk"])
            benar = f"{hasil.benar}/{hasil.jumlah} ({hasil.persen}%)"
        per = [w / max(halaman, 1) for w in waktu]
        semua_halaman += halaman
        semua_detik.append(statistics.median(waktu))
        print(f"| {path.name} | {halaman} | {statistics.median(per):.2f} | {min(per):.2f} | {benar} |")
    print(
        f"\nseluruhnya: {semua_halaman} halaman, {sum(semua_detik) / max(semua_halaman, 1):.2f} detik/halaman"
    )
    print("langkah halaman pertama:", _langkah(berkas[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

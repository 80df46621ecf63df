#!/usr/bin/env python
"""Hostile files against the PK reader: how long it takes, and how much memory, to refuse each.

Usage: .venv/bin/python bench/bench_berkas_jahat.py
Writes the files of issue #13 at full size into a temporary folder — a 278 KB DOCX of two million empty
paragraphs, a DOCX of 1 MB expanding to 400 MB, a PDF of 20 000 pages, an XLSX of three million rows —
then reads each in a fresh Python process (as an upload's first reading would) and prints the time to
the refusal and the peak memory above the process's size after its imports (ru_maxrss). The target:
each refused within 2 s and 200 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The same hostile files as the tests (tests/domain/test_batas.py), here at full size.
from tests.domain.test_batas import docx_paragraf_kosong, pdf_halaman, xlsx_baris, zip_bom  # noqa: E402

ANAK = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from kinerja.domain import pk_text
from kinerja.domain.source import SourceError
data = open(sys.argv[1], "rb").read()
awal = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
try:
    pk_text.parse_bytes(data, sys.argv[1])
    pesan = "DITERIMA"
except SourceError as e:
    pesan = e.pesan
detik = time.perf_counter() - t
puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"detik": detik, "mb": (puncak - awal) / 1024, "pesan": pesan}))
"""


def main() -> int:
    berkas = {
        "paragraf-kosong.docx": lambda: docx_paragraf_kosong(2_000_000),
        "bom-400mb.docx": lambda: zip_bom("docx", 400),
        "20000-halaman.pdf": lambda: pdf_halaman(20_000),
        "3-juta-baris.xlsx": lambda: xlsx_baris(3_000_000),
    }
    print("| berkas | ukuran | ditolak dalam | memori puncak | pesan |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for nama, buat in berkas.items():
            path = Path(tmp) / nama
            path.write_bytes(buat())
            hasil = subprocess.run(
                [sys.executable, "-c", ANAK, str(path), str(ROOT)], capture_output=True, text=True, check=True
            )
            h = json.loads(hasil.stdout)
            ukuran = path.stat().st_size / 1024
            print(
                f"| {nama} | {ukuran:,.0f} KB | {h['detik']:.3f} s | {h['mb']:.1f} MB | {h['pesan'][:90]} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

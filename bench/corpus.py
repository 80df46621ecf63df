#!/usr/bin/env python
"""The parser on a folder of real PKs: what it reads of each file, and how much of it is right.

Usage: .venv/bin/python bench/corpus.py [DIR] [--rinci]
DIR defaults to tests/data/korpus. For each file (PDF, DOCX, XLSX, TXT): PKs found, parties with name
and NIP, sasaran and indikator, targets read as numbers / predicates, programs and the printed total,
`catatan` lines, the review's galat and peringatan, and the time. Where DIR/harapan/FILE.json holds a
person's reading (format: kinerja/domain/pk_mutu.py), the share of its fields the parser read right;
the total share is the parser's quality figure (docs/parser.md keeps the table). `--rinci` lists the
wrong fields. A file the parser refuses is shown with its message; a crash would print the traceback
and exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kinerja.domain import pk_text  # noqa: E402
from kinerja.domain.pk_mutu import Hasil, nilai_bacaan  # noqa: E402
from kinerja.domain.review import review  # noqa: E402
from kinerja.domain.source import SourceError  # noqa: E402

AKHIRAN = (".pdf", ".docx", ".xlsx", ".txt", ".md")


def _baris(nama: str, pks: list, ms: float, hasil: Hasil | None) -> list[str]:
    pihak = sum(1 for p in pks for x in (p.pihak_pertama, p.pihak_kedua) if x is not None and x.nama)
    nip = sum(1 for p in pks for x in (p.pihak_pertama, p.pihak_kedua) if x is not None and x.nip)
    sasaran = sum(len(p.sasaran) for p in pks)
    ind = [i for p in pks for s in p.sasaran for i in s.indikator]
    angka = sum(1 for i in ind if i.target.nilai is not None)
    predikat = sum(1 for i in ind if i.target.nilai is None and i.target.predikat)
    program = sum(len(p.program) for p in pks)
    total = sum(1 for p in pks if p.total_anggaran_tercetak is not None)
    catatan = sum(len(p.catatan) for p in pks)
    temuan = [t for p in pks for t in review(p)]
    galat = sum(1 for t in temuan if t.tingkat == "galat")
    peringatan = sum(1 for t in temuan if t.tingkat == "peringatan")
    mutu = f"{hasil.benar}/{hasil.jumlah} ({hasil.persen}%)" if hasil else "–"
    return [
        nama,
        str(len(pks)),
        f"{pihak}/{nip}",
        str(sasaran),
        str(len(ind)),
        f"{angka}/{predikat}",
        str(program),
        str(total),
        str(catatan),
        f"{galat}/{peringatan}",
        f"{ms:.0f}",
        mutu,
    ]


KEPALA = [
    "berkas",
    "PK",
    "pihak nama/NIP",
    "sasaran",
    "indikator",
    "target angka/predikat",
    "program",
    "total tercetak",
    "catatan",
    "galat/peringatan",
    "ms",
    "benar",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default=str(ROOT / "tests" / "data" / "korpus"))
    parser.add_argument("--rinci", action="store_true", help="list the fields read wrong")
    args = parser.parse_args()
    folder = Path(args.dir)
    berkas = sorted(p for p in folder.iterdir() if p.is_file() and p.name.lower().endswith(AKHIRAN))
    berkas = [p for p in berkas if p.name != "README.md"]
    semua = Hasil()
    rows, rinci, crash = [], [], 0
    for p in berkas:
        harapan_path = folder / "harapan" / f"{p.name}.json"
        harapan = (
            json.loads(harapan_path.read_text(encoding="utf-8"))["pk"] if harapan_path.exists() else None
        )
        t = time.perf_counter()
        try:
            pks = pk_text.parse_file(str(p))
            pesan = ""
        except (SourceError, ValueError, OSError) as err:  # refused with a message (ParseError is one)
            pks, pesan = [], getattr(err, "pesan", None) or str(err)
        except Exception:
            traceback.print_exc()
            pks, pesan, crash = [], "CRASH", crash + 1
        ms = (time.perf_counter() - t) * 1000
        hasil = nilai_bacaan(pks, harapan) if harapan is not None else None
        if hasil is not None:
            semua.tambah(hasil)
            if args.rinci and hasil.salah:
                rinci.append((p.name, hasil.salah))
        rows.append(_baris(p.name, pks, ms, hasil))
        if pesan:
            rows[-1][-1] += f" — ditolak: {pesan[:90]}"
    print("| " + " | ".join(KEPALA) + " |")
    print("|" + "---|" * len(KEPALA))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"\nbenar seluruhnya: {semua.benar}/{semua.jumlah} bidang = {semua.persen}%")
    for nama, salah in rinci:
        print(f"\n{nama}:")
        for s in salah:
            print(f"  - {s}")
    return 1 if crash else 0


if __name__ == "__main__":
    sys.exit(main())

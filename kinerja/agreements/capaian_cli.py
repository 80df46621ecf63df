"""`kinerja capaian FILE.csv|FILE.xlsx [--batas 100|110|120] [--json]`: the reviewer's calculator.

Reads rows `indikator, satuan, polaritas, target, realisasi[, capaian]` and prints each row's capaian
by the declared formula (kinerja.domain.capaian), and whether a printed capaian follows from the row
under the same cap. Exit 0; 1 when a printed capaian does not follow; 2 on an unusable file (an
Indonesian message, never a traceback).
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any, NoReturn

from kinerja.domain.capaian_file import CapaianFileError, HasilBaris, baca, hitung_baris
from kinerja.domain.numbers import format_angka

BATAS = {"tanpa": None, "100": Decimal(100), "110": Decimal(110), "120": Decimal(120)}


def add_arguments(parser: Any) -> None:
    parser.add_argument(
        "file", help="berkas .csv atau .xlsx: indikator, satuan, polaritas, target, realisasi[, capaian]"
    )
    parser.add_argument(
        "--batas",
        choices=tuple(BATAS),
        default="tanpa",
        help="batas atas capaian (100, 110, 120); baku: tanpa batas",
    )
    parser.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")


def _gagal(command: Any, pesan: str) -> NoReturn:
    command.stderr.write(f"Galat: {pesan}")
    sys.exit(2)


def _persen(v: Decimal | None) -> str:
    return "–" if v is None else f"{format_angka(v, 2)}%"


def format_teks(hasil: list[HasilBaris], batas: str) -> str:
    baris = [f"Capaian {len(hasil)} indikator (batas: {batas}):"]
    for h in hasil:
        c = h.capaian
        kategori = f" — {h.kategori.label}" if h.kategori else ""
        dibatasi = f" (sebelum batas {_persen(c.mentah)})" if c.mentah != c.nilai else ""
        baris.append(f"- {h.baris.indikator}: {_persen(c.nilai)}{dibatasi}{kategori}")
        baris.append(f"    rumus: {c.rumus}" + (f" ({c.keterangan})" if c.keterangan else ""))
        if h.sesuai is not None:
            judul = "sesuai" if h.sesuai else "TIDAK SESUAI"
            baris.append(f"    tercetak {_persen(h.baris.tercetak)}: {judul}")
    tidak = sum(1 for h in hasil if h.sesuai is False)
    if tidak:
        baris.append(f"{tidak} capaian tercetak tidak sesuai dengan target dan realisasinya.")
    return "\n".join(baris)


def handle(command: Any, options: dict[str, Any]) -> None:
    try:
        rows = baca(options["file"])
        hasil = [hitung_baris(b, batas=BATAS[options["batas"]]) for b in rows]
    except (CapaianFileError, ValueError) as exc:
        _gagal(command, str(exc))
    if options.get("json"):
        command.stdout.write(json.dumps([h.to_json() for h in hasil], ensure_ascii=False, indent=2))
    else:
        command.stdout.write(format_teks(hasil, options["batas"]))
    if any(h.sesuai is False for h in hasil):
        sys.exit(1)

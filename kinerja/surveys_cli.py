"""`kinerja skm ikm FILE | --nrr "3,31;3,35;…" [--ikm-tercetak 87,28] [--penimbang] [--regime] [--json]`.

Computes the IKM (PermenPANRB 14/2017) from a questionnaire file (CSV/XLSX) or from published NRR values
and, with --ikm-tercetak, says whether a printed IKM follows from them. Exit status: 0; 1 when the
printed IKM does not follow (`sesuai` false); 2 on unusable input (an Indonesian message, never a
traceback).

The Django management command `skm` delegates here: `add_arguments(parser)` and `handle(command, options)`;
a command that already has subcommands can call `add_parser(subparsers)` and `run(command, options)`.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, NoReturn

from kinerja.domain.ikm import (
    PENIMBANG,
    HasilIKM,
    IKMError,
    Kesesuaian,
    hitung_ikm,
    ikm_dari_nrr,
    periksa_ikm_hasil,
    periksa_ikm_tercetak,
)
from kinerja.domain.numbers import AngkaError, bulatkan, format_angka, parse_angka
from kinerja.domain.skm_file import SKMFileError, baca_jawaban

NAMA_REGIME = {"2017": "PermenPANRB 14/2017", "2004": "KEP/25/M.PAN/2/2004"}


def _penimbang(teks: str) -> str:
    if teks in ("0.111", "0,111"):
        return "0,111"
    return teks


def add_parser(sub: Any) -> list[str]:
    """Register `ikm` on an existing subparsers object; returns the names added."""
    p = sub.add_parser(
        "ikm",
        help="hitung IKM dari berkas jawaban atau dari NRR tercetak, dan periksa IKM tercetak",
        description="Hitung IKM (PermenPANRB 14/2017) dari berkas jawaban SKM (CSV/XLSX, kolom U1..U9) "
        "atau dari NRR tercetak (--nrr), dan periksa apakah IKM tercetak (--ikm-tercetak) sesuai.",
    )
    p.add_argument("file", nargs="?", help="berkas jawaban .csv atau .xlsx (kolom U1..U9)")
    p.add_argument(
        "--nrr",
        help='NRR tercetak per unsur, urut U1..U9, dipisah titik koma: "3,31;3,35;…" '
        "(skala 1–4, atau 25–100 bila semuanya di atas 4)",
    )
    p.add_argument("--ikm-tercetak", dest="ikm_tercetak", help="IKM yang tercetak di laporan, mis. 87,28")
    p.add_argument(
        "--penimbang",
        type=_penimbang,
        choices=PENIMBANG,
        default="tepat",
        help="tepat = 1/jumlah unsur (baku); 0,111 = penimbang dibulatkan seperti laporan lama",
    )
    p.add_argument("--regime", choices=("2017", "2004"), default="2017", help="aturan SKM (baku 2017)")
    p.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")
    return ["ikm"]


def add_arguments(parser: Any) -> None:
    """Add the `skm` subcommands (today: `ikm`) to the management command's parser."""
    sub = parser.add_subparsers(dest="aksi", required=True, metavar="{ikm}")
    add_parser(sub)


def gagal(command: Any, pesan: str) -> NoReturn:
    """Unusable input: the message on stderr, exit 2 (the calculators `skm ikm` and `sakip nilai`)."""
    command.stderr.write(f"Galat: {pesan}")
    sys.exit(2)


def _nrr_tercetak(teks: str) -> list[str]:
    """Split "3,31;3,35 …" into the printed values (semicolon, newline or spaces between them)."""
    return [t for t in re.split(r"[;\s|]+", teks.strip()) if t]


def _hitung(command: Any, options: dict[str, Any]) -> tuple[HasilIKM, Kesesuaian | None]:
    regime, penimbang = options["regime"], options["penimbang"]
    tercetak = options.get("ikm_tercetak")
    if options.get("file"):
        berkas = baca_jawaban(options["file"], regime=regime)
        hasil = hitung_ikm(berkas.jawaban, regime=regime, penimbang=penimbang)
        return hasil, (periksa_ikm_hasil(hasil, tercetak) if tercetak else None)
    teks = _nrr_tercetak(options["nrr"])
    nilai = []
    for i, t in enumerate(teks, start=1):
        try:
            nilai.append(parse_angka(t))
        except AngkaError as exc:
            raise IKMError(f"NRR ke-{i}: {exc}") from None
    hasil = ikm_dari_nrr(nilai, regime=regime, penimbang=penimbang)
    if tercetak:
        return hasil, periksa_ikm_tercetak(teks, tercetak, regime=regime, penimbang=penimbang)
    return hasil, None


def to_json(hasil: HasilIKM, kesesuaian: Kesesuaian | None) -> dict[str, Any]:
    """The `--json` document: ikm, mutu, kinerja, nrr (2 decimals), sesuai, then the details."""
    data: dict[str, Any] = {
        "ikm": str(hasil.ikm),
        "mutu": hasil.mutu,
        "kinerja": hasil.kinerja,
        "nrr": {k: str(bulatkan(v, 2)) for k, v in hasil.nrr.items()},
        "sesuai": None if kesesuaian is None else kesesuaian.sesuai,
    }
    lengkap = hasil.to_json()
    data["nrr_tepat"] = lengkap.pop("nrr")
    for kunci in ("ikm", "mutu", "kinerja"):
        lengkap.pop(kunci)
    data.update(lengkap)
    data["unsur_terendah"] = [k for k, _ in hasil.unsur_terendah()]
    data["kesesuaian"] = None if kesesuaian is None else kesesuaian.to_json()
    return data


def format_teks(hasil: HasilIKM, kesesuaian: Kesesuaian | None) -> str:
    """The result in plain Indonesian."""
    n = len(hasil.nrr)
    penimbang = f"1/{n} (tepat)" if hasil.penimbang == "tepat" else f"{hasil.penimbang} (dibulatkan)"
    baris = [
        f"IKM: {format_angka(hasil.ikm)} — mutu {hasil.mutu} ({hasil.kinerja})",
        f"Nilai interval (skala 1–4): {format_angka(hasil.nilai_interval, 4)}",
        f"Jumlah responden: {hasil.jumlah_responden if hasil.jumlah_responden else '-'}",
        f"Aturan: {NAMA_REGIME[hasil.regime]}; penimbang {penimbang}",
        "NRR per unsur (terendah lebih dulu):",
    ]
    mutu = hasil.mutu_unsur()
    lebar = max(len(hasil.nama_unsur(k)) for k in hasil.nrr)
    for kode, nilai in hasil.unsur_terendah():
        baris.append(
            f"  {kode:<4} {hasil.nama_unsur(kode):<{lebar}}  {format_angka(nilai)}  {mutu[kode].mutu}"
        )
    if kesesuaian is not None:
        judul = "SESUAI" if kesesuaian.sesuai else "TIDAK SESUAI"
        baris.append(f"IKM tercetak: {judul}")
        baris.append(f"  {kesesuaian.pesan}")
    return "\n".join(baris)


def run(command: Any, options: dict[str, Any]) -> None:
    """`skm ikm`: print the IKM; exit 1 when a printed IKM does not follow, 2 on unusable input."""
    if bool(options.get("file")) == bool(options.get("nrr")):
        gagal(command, 'sebutkan satu sumber: berkas jawaban (.csv/.xlsx) atau --nrr "3,31;3,35;…"')
    try:
        hasil, kesesuaian = _hitung(command, options)
    except (SKMFileError, IKMError, ValueError) as exc:
        gagal(command, str(exc))
    if options.get("json"):
        command.stdout.write(json.dumps(to_json(hasil, kesesuaian), ensure_ascii=False, indent=2))
    else:
        command.stdout.write(format_teks(hasil, kesesuaian))
    if kesesuaian is not None and not kesesuaian.sesuai:
        sys.exit(1)


def handle(command: Any, options: dict[str, Any]) -> None:
    """Run the `skm` subcommand named in options["aksi"]."""
    aksi = options.get("aksi", "ikm")
    if aksi == "ikm":
        run(command, options)
        return
    gagal(command, f"perintah skm {aksi!r} tidak dikenal")

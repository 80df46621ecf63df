"""`kinerja sakip nilai FILE.csv|FILE.xlsx [--nilai-tercetak 74,15] [--json]`: the reviewer's calculator
of a Nilai SAKIP (Evaluasi AKIP, PermenPANRB 88/2021; docs/formulas.md "Nilai SAKIP").

The file holds one of two kinds of rows, told apart by its header row (any case and spacing):

- criterion rows `komponen, subkomponen, kriteria, jawaban`: the answer ("BB", "Y", …) to each criterion
  of the LKE, by its code ("1.a.3"); scored with the built-in 88/2021 instrument unless `--instrumen`,
  `--tahun` or `--instrumen-berkas` says otherwise. Unanswered criteria count 0. The komponen and
  subkomponen cells, when filled, must name the criterion's own (code, name, or for a sub-component
  its jenis: keberadaan / kualitas / pemanfaatan).
- component rows `komponen, bobot, nilai`: the component scores as printed in an LHE ("22,50" or "22.50").

It prints each component (bobot, nilai, persen of the weight and its predikat) and the Nilai SAKIP with
its predikat and, with `--nilai-tercetak`, whether a printed total follows. Exit status: 0; 1 when the
printed total does not follow; 2 on unusable input (an Indonesian message naming the file and the
line, never a traceback). The management command `sakip` (kinerja/evaluation) delegates here.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kinerja.domain.numbers import AngkaError, format_angka, parse_angka
from kinerja.domain.sakip import (
    Instrumen,
    InstrumenTidakSah,
    Komponen,
    NilaiSAKIP,
    Subkomponen,
    baca_instrumen,
    hitung,
    hitung_komponen,
    instrumen_bawaan,
    instrumen_untuk_tahun,
)
from kinerja.surveys_cli import gagal

INSTRUMEN_BAKU = "88/2021"
KOLOM_KRITERIA = ("komponen", "subkomponen", "kriteria", "jawaban")
KOLOM_KOMPONEN = ("komponen", "bobot", "nilai")
BENTUK = "baris kriteria: komponen, subkomponen, kriteria, jawaban; baris komponen: komponen, bobot, nilai"
# Header text (lower case, letters and digits only) → column.
_ALIAS = {
    "komponen": "komponen",
    "namakomponen": "komponen",
    "subkomponen": "subkomponen",
    "kriteria": "kriteria",
    "kodekriteria": "kriteria",
    "kode": "kriteria",
    "jawaban": "jawaban",
    "bobot": "bobot",
    "nilai": "nilai",
}
_KOSONG = {"", "-", "–", "—"}
# The total row under an LHE's component table (not a component): skipped.
_BARIS_JUMLAH = {"jumlah", "total", "nilaiakhir", "jumlahnilai", "nilaisakip", "nilaiakip", "nilaievaluasi"}
_BARIS_JUDUL_MAKS = 20  # the header is looked for among the first rows (title rows above it)
_GALAT_DITAMPILKAN = 20
TOTAL_BOBOT = Decimal(100)

Baris = tuple[int, list[str]]  # (line or spreadsheet row number, cells as text)


class SakipFileError(ValueError):
    """The file cannot be used; `galat` lists each problem with its line (Indonesian)."""

    def __init__(self, galat: Sequence[str], nama: str) -> None:
        self.galat = list(galat)
        if len(self.galat) == 1:
            pesan = f"Berkas {nama} ditolak: {self.galat[0]}"
        else:
            daftar = [f"  {g}" for g in self.galat[:_GALAT_DITAMPILKAN]]
            if len(self.galat) > _GALAT_DITAMPILKAN:
                daftar.append(f"  … dan {len(self.galat) - _GALAT_DITAMPILKAN} galat lainnya")
            pesan = "\n".join([f"Berkas {nama} ditolak: {len(self.galat)} galat", *daftar])
        super().__init__(pesan)


@dataclass(frozen=True)
class HasilBerkas:
    """The score of a file; for criterion rows also the instrument and how many were answered."""

    nilai: NilaiSAKIP
    instrumen: Instrumen | None = None  # None: component rows
    dijawab: int = 0
    jumlah_kriteria: int = 0


# ---------------------------------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------------------------------


def add_parser(sub: Any) -> list[str]:
    """Register `nilai` on an existing subparsers object; returns the names added."""
    p = sub.add_parser(
        "nilai",
        help="hitung Nilai SAKIP dari berkas jawaban LKE atau nilai komponen, dan periksa nilai tercetak",
        description="Hitung Nilai SAKIP (PermenPANRB 88/2021) dari berkas CSV/XLSX berisi jawaban per "
        "kriteria (komponen, subkomponen, kriteria, jawaban) atau nilai per komponen (komponen, bobot, "
        "nilai), dan periksa apakah nilai tercetak (--nilai-tercetak) sesuai.",
    )
    p.add_argument("file", help="berkas .csv atau .xlsx")
    pilih = p.add_mutually_exclusive_group()
    pilih.add_argument(
        "--instrumen",
        metavar="88/2021",
        help="instrumen LKE bawaan untuk baris kriteria: 88/2021 (baku) atau 12/2015",
    )
    pilih.add_argument(
        "--tahun", type=int, metavar="YYYY", help="pakai instrumen LKE yang berlaku untuk tahun ini"
    )
    pilih.add_argument(
        "--instrumen-berkas",
        dest="instrumen_berkas",
        metavar="FILE.json",
        help="instrumen LKE pemda sendiri (berkas .json)",
    )
    p.add_argument(
        "--nilai-tercetak", dest="nilai_tercetak", metavar="X", help="Nilai SAKIP yang tercetak, mis. 74,15"
    )
    p.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")
    return ["nilai"]


def add_arguments(parser: Any) -> None:
    """Add the `sakip` subcommands (today: `nilai`) to the management command's parser."""
    sub = parser.add_subparsers(dest="aksi", required=True, metavar="{nilai}")
    add_parser(sub)


# ---------------------------------------------------------------------------------------------------
# Reading the file's rows
# ---------------------------------------------------------------------------------------------------


def _sel(nilai: object) -> str:
    """A cell as text: a whole float without ".0", any other float by its shortest form."""
    if nilai is None:
        return ""
    if isinstance(nilai, float):
        return str(int(nilai)) if nilai.is_integer() else repr(nilai)
    return " ".join(str(nilai).split())


def _baris_csv(data: bytes, nama: str) -> Iterator[Baris]:
    if b"\x00" in data[:1024]:
        raise SakipFileError(["bukan berkas CSV (isinya biner); berkas Excel diberi akhiran .xlsx"], nama)
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        teks = data.decode("cp1252", errors="replace")  # "CSV" saved by Excel on Windows
    contoh = next((b for b in teks.splitlines() if b.strip()), "")
    pemisah = max((";", ",", "\t"), key=contoh.count)
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    try:
        for row in pembaca:
            yield pembaca.line_num, [_sel(c) for c in row]
    except csv.Error as exc:
        raise SakipFileError([f"baris {pembaca.line_num}: CSV tidak dapat dibaca ({exc})"], nama) from None


def _baris_xlsx(data: bytes, nama: str) -> list[Baris]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SakipFileError([f"bukan berkas XLSX yang sah ({exc})"], nama) from None
    try:
        lembar = [
            [(i, [_sel(c) for c in row]) for i, row in enumerate(ws.iter_rows(values_only=True), start=1)]
            for ws in wb.worksheets
        ]
    except Exception as exc:  # a damaged sheet: openpyxl reads it lazily, its XML errors come here
        raise SakipFileError([f"isi berkas XLSX rusak ({exc})"], nama) from None
    finally:
        wb.close()
    # The first sheet with a header row; else the first sheet.
    return next((rows for rows in lembar if _cari_kepala(rows)), lembar[0] if lembar else [])


def baca_baris(path: str | Path) -> tuple[str, list[Baris]]:
    """The file's name and its non-empty rows; SakipFileError for a file that cannot be read."""
    p = Path(path)
    akhiran = p.suffix.lower()
    if akhiran == ".xls":
        raise SakipFileError(
            ["format Excel lama (.xls) tidak didukung: simpan sebagai .xlsx atau .csv"], p.name
        )
    if akhiran not in (".csv", ".xlsx"):
        raise SakipFileError(
            [f"jenis berkas {akhiran or '(tanpa akhiran)'!r} tidak dikenal: pakai .csv atau .xlsx"], p.name
        )
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise SakipFileError(["berkas tidak ditemukan"], p.name) from None
    except OSError as exc:
        raise SakipFileError([f"berkas tidak dapat dibaca ({exc.strerror or exc})"], p.name) from None
    rows = _baris_xlsx(data, p.name) if akhiran == ".xlsx" else list(_baris_csv(data, p.name))
    isi = [(n, row) for n, row in rows if any(row)]
    if not isi:
        raise SakipFileError(["berkas kosong: tidak ada baris sama sekali"], p.name)
    return p.name, isi


def _rata(teks: str) -> str:
    """Lower case, letters and digits only: "Sub Komponen" → "subkomponen", "1.a" → "1a"."""
    return re.sub(r"[^0-9a-z]", "", teks.lower())


def _kunci(teks: str) -> str | None:
    return _ALIAS.get(_rata(teks))


def _cari_kepala(rows: Sequence[Baris]) -> int | None:
    """The index of the header row: the first (of the first few) naming kriteria, jawaban, bobot or nilai."""
    for i, (_nomor, row) in enumerate(rows[:_BARIS_JUDUL_MAKS]):
        if {_kunci(c) for c in row} & {"kriteria", "jawaban", "bobot", "nilai"}:
            return i
    return None


def _kolom(rows: Sequence[Baris], nama: str) -> tuple[int, dict[str, int]]:
    """The header's index in rows and its columns (column → cell index); each column at most once."""
    i = _cari_kepala(rows)
    if i is None:
        raise SakipFileError([f"baris judul kolom tidak ditemukan ({BENTUK})"], nama)
    nomor, kepala = rows[i]
    kolom: dict[str, int] = {}
    for j, sel in enumerate(kepala):
        kunci = _kunci(sel)
        if kunci in kolom:
            raise SakipFileError([f"baris {nomor}: kolom {kunci} muncul dua kali"], nama)
        if kunci:
            kolom[kunci] = j
    wajib = ("kriteria", "jawaban") if {"kriteria", "jawaban"} & set(kolom) else KOLOM_KOMPONEN
    kurang = [k for k in wajib if k not in kolom]
    if kurang:
        raise SakipFileError([f"baris {nomor}: kolom {', '.join(kurang)} tidak ada ({BENTUK})"], nama)
    return i, kolom


def _isi(row: list[str], kolom: dict[str, int]) -> dict[str, str]:
    return {k: (row[j] if j < len(row) else "") for k, j in kolom.items()}


# ---------------------------------------------------------------------------------------------------
# Component rows
# ---------------------------------------------------------------------------------------------------


def baca_angka(teks: str) -> Decimal:
    """A number in Indonesian ("22,50", "1.234,5") or plain ("22.50") format; AngkaError otherwise.

    Scores and weights are at most 100, so a single dot between digits is always a decimal point."""
    t = teks.strip()
    if re.fullmatch(r"[+-]?\d+\.\d+", t):
        try:
            return Decimal(t)
        except InvalidOperation:  # pragma: no cover - the pattern is a valid decimal
            raise AngkaError(f"Angka {teks!r} tidak dapat dibaca") from None
    return parse_angka(t)


def _satu_komponen(nomor: int, isi: dict[str, str]) -> tuple[tuple[str, Decimal, Decimal] | None, list[str]]:
    """One component row as (name, weight, score), or its problems."""
    galat: list[str] = []
    nama = isi["komponen"]
    angka: dict[str, Decimal] = {}
    if not nama:
        galat.append(f"baris {nomor}: nama komponen kosong")
    for k in ("bobot", "nilai"):
        try:
            angka[k] = baca_angka(isi[k])
        except AngkaError as exc:
            galat.append(f"baris {nomor}, kolom {k}: {exc}")
    bobot, nilai = angka.get("bobot"), angka.get("nilai")
    if bobot is not None and bobot <= 0:
        galat.append(f"baris {nomor}, kolom bobot: bobot {format_angka(bobot, None)} harus lebih dari 0")
    elif bobot is not None and nilai is not None and not 0 <= nilai <= bobot:
        galat.append(
            f"baris {nomor}, kolom nilai: nilai {format_angka(nilai, None)} di luar 0 sampai "
            f"bobotnya {format_angka(bobot, None)}"
        )
    if galat or bobot is None or nilai is None:
        return None, galat
    return (nama, bobot, nilai), []


def nilai_komponen(rows: Sequence[Baris], kolom: dict[str, int], nama: str) -> HasilBerkas:
    """The Nilai SAKIP of component rows; their weights must add up to 100."""
    baris: list[tuple[str, Decimal, Decimal]] = []
    galat: list[str] = []
    for nomor, row in rows:
        isi = _isi(row, kolom)
        if _rata(isi["komponen"]) in _BARIS_JUMLAH:
            continue
        satu, salah = _satu_komponen(nomor, isi)
        galat.extend(salah)
        if satu is not None:
            baris.append(satu)
    if not baris and not galat:
        galat.append("tidak ada baris komponen di bawah baris judul kolom")
    jumlah = sum((b[1] for b in baris), Decimal(0))
    if not galat and jumlah != TOTAL_BOBOT:
        galat.append(
            f"bobot komponen berjumlah {format_angka(jumlah, None)}, bukan 100: ada komponen yang kurang?"
        )
    if galat:
        raise SakipFileError(galat, nama)
    return HasilBerkas(hitung_komponen(baris))


# ---------------------------------------------------------------------------------------------------
# Criterion rows
# ---------------------------------------------------------------------------------------------------


def pilih_instrumen(options: dict[str, Any]) -> Instrumen:
    """The instrument named by --instrumen-berkas, --tahun or --instrumen (88/2021 by default)."""
    if options.get("instrumen_berkas"):
        p = Path(options["instrumen_berkas"])
        try:
            return baca_instrumen(p)
        except InstrumenTidakSah as exc:
            raise InstrumenTidakSah(f"berkas instrumen {p.name} tidak dapat dipakai: {exc}") from None
    if options.get("tahun") is not None:
        return instrumen_untuk_tahun(int(options["tahun"]))
    kode = (options.get("instrumen") or INSTRUMEN_BAKU).strip().replace("-", "/")
    bawaan = instrumen_bawaan()
    for ins in bawaan:
        if ins.kode == kode:
            return ins
    pilihan = " atau ".join(i.kode for i in bawaan)
    raise InstrumenTidakSah(
        f"instrumen {kode!r} tidak dikenal: pilih {pilihan}, atau --instrumen-berkas FILE.json"
    )


def _cocok(teks: str, bagian: Komponen | Subkomponen) -> bool:
    """Whether a komponen/subkomponen cell names this part: code, its last segment, name, jenis."""
    t = _rata(teks)
    sebutan = {bagian.kode, bagian.kode.rsplit(".", 1)[-1], bagian.nama, bagian.kode + bagian.nama}
    if isinstance(bagian, Subkomponen):
        sebutan.add(bagian.jenis)
    return t in {_rata(s) for s in sebutan}


def _letak(ins: Instrumen) -> dict[str, tuple[Komponen, Subkomponen]]:
    """criterion code (lower case) → its component and sub-component."""
    return {k.kode.lower(): (km, s) for km in ins.komponen for s in km.subkomponen for k in s.kriteria}


def _periksa_letak(nomor: int, kode: str, isi: dict[str, str], km: Komponen, s: Subkomponen) -> list[str]:
    galat = []
    if isi.get("komponen") and not _cocok(isi["komponen"], km):
        galat.append(
            f"baris {nomor}: kriteria {kode} termasuk komponen {km.kode} ({km.nama}), bukan {isi['komponen']!r}"
        )
    if isi.get("subkomponen") and not _cocok(isi["subkomponen"], s):
        galat.append(
            f"baris {nomor}: kriteria {kode} termasuk subkomponen {s.kode} ({s.jenis}: {s.nama}), "
            f"bukan {isi['subkomponen']!r}"
        )
    return galat


@dataclass
class _Jawaban:
    """The answers read so far: criterion code → answer, and the line of each criterion."""

    letak: dict[str, tuple[Komponen, Subkomponen]]
    jawaban: dict[str, str] = field(default_factory=dict)
    baris: dict[str, int] = field(default_factory=dict)
    galat: list[str] = field(default_factory=list)


def _satu_kriteria(nomor: int, isi: dict[str, str], ins: Instrumen, hasil: _Jawaban) -> None:
    kode_tertulis, jawab = isi["kriteria"].strip(), isi["jawaban"].strip()
    if not kode_tertulis:
        if jawab not in _KOSONG:
            hasil.galat.append(f"baris {nomor}: kode kriteria kosong, padahal ada jawaban {jawab!r}")
        return  # a heading row (komponen or subkomponen only)
    letak = hasil.letak.get(kode_tertulis.lower())
    if letak is None:
        hasil.galat.append(f"baris {nomor}: kriteria {kode_tertulis!r} tidak ada dalam instrumen {ins.kode}")
        return
    km, s = letak
    k = next(k for k in s.kriteria if k.kode.lower() == kode_tertulis.lower())
    if k.kode in hasil.baris:
        hasil.galat.append(f"baris {nomor}: kriteria {k.kode} sudah diisi di baris {hasil.baris[k.kode]}")
        return
    hasil.baris[k.kode] = nomor
    hasil.galat.extend(_periksa_letak(nomor, k.kode, isi, km, s))
    if jawab in _KOSONG:
        return
    try:
        ins.nilai_jawaban(k, jawab)
    except ValueError as exc:
        hasil.galat.append(f"baris {nomor}: {exc}")
        return
    hasil.jawaban[k.kode] = jawab


def nilai_kriteria(rows: Sequence[Baris], kolom: dict[str, int], nama: str, ins: Instrumen) -> HasilBerkas:
    """The Nilai SAKIP of criterion rows scored with `ins`; unanswered criteria count 0."""
    hasil = _Jawaban(_letak(ins))
    for nomor, row in rows:
        _satu_kriteria(nomor, _isi(row, kolom), ins, hasil)
    if not hasil.baris and not hasil.galat:
        hasil.galat.append("tidak ada baris kriteria di bawah baris judul kolom")
    if hasil.galat:
        raise SakipFileError(hasil.galat, nama)
    nilai = hitung(ins, hasil.jawaban)
    return HasilBerkas(nilai, ins, len(hasil.jawaban), len(ins.kriteria))


def nilai_berkas(path: str | Path, options: dict[str, Any]) -> HasilBerkas:
    """The Nilai SAKIP of a calculator file (criterion or component rows, told by the header)."""
    nama, rows = baca_baris(path)
    i, kolom = _kolom(rows, nama)
    data = rows[i + 1 :]
    if "kriteria" in kolom:
        return nilai_kriteria(data, kolom, nama, pilih_instrumen(options))
    return nilai_komponen(data, kolom, nama)


# ---------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------


def to_json(hasil: HasilBerkas, sesuai: bool | None) -> dict[str, Any]:
    """The `--json` document: nilai, predikat, kategori, komponen, sesuai (numbers as "74.15")."""
    return {**hasil.nilai.to_json(), "sesuai": sesuai}


def _tabel(nilai: NilaiSAKIP) -> list[str]:
    kepala = ("Komponen", "Bobot", "Nilai", "Persen", "Predikat")
    isi = [
        (
            k.nama,
            format_angka(k.bobot),
            format_angka(k.nilai_bulat),
            f"{format_angka(k.persen)}%",
            k.predikat.kode,
        )
        for k in nilai.komponen
    ]
    lebar = [max(len(r[j]) for r in [kepala, *isi]) for j in range(len(kepala))]

    def baris(r: Sequence[str]) -> str:
        angka = "  ".join(f"{r[j]:>{lebar[j]}}" for j in range(1, 4))
        return f"  {r[0]:<{lebar[0]}}  {angka}  {r[4]}"

    return [baris(kepala), *(baris(r) for r in isi)]


def _tampil(v: Decimal) -> str:
    """A number in Indonesian format with at least two decimals, and all of its own."""
    eksponen = v.as_tuple().exponent
    return format_angka(v, max(2, -eksponen) if isinstance(eksponen, int) else 2)


def format_teks(hasil: HasilBerkas, tercetak: Decimal | None, sesuai: bool | None) -> str:
    """The result in plain Indonesian: the components, the total and its predikat, the printed total."""
    n = hasil.nilai
    baris = []
    if hasil.instrumen is not None:
        ins = hasil.instrumen
        baris.append(f"Instrumen LKE {ins.kode} (versi {ins.versi}, berlaku mulai {ins.tahun_mulai})")
    baris += _tabel(n)
    baris.append(f"Nilai SAKIP: {format_angka(n.nilai)} — {n.predikat.kode} ({n.predikat.label})")
    if hasil.instrumen is not None:
        baris.append(
            f"Kriteria dijawab: {hasil.dijawab} dari {hasil.jumlah_kriteria} "
            "(kriteria yang tidak dijawab bernilai 0)"
        )
    if tercetak is not None:
        if sesuai:
            baris.append(f"Nilai tercetak {_tampil(tercetak)} sesuai dengan hasil hitung.")
        else:
            baris.append(
                f"Nilai tercetak {_tampil(tercetak)} tidak sesuai: hasil hitung {format_angka(n.nilai)}"
            )
    return "\n".join(baris)


def nilai_tercetak(options: dict[str, Any]) -> Decimal | None:
    """The --nilai-tercetak value (Indonesian or plain format), None without the option."""
    teks = options.get("nilai_tercetak")
    if teks is None:
        return None
    try:
        return baca_angka(teks)
    except AngkaError as exc:
        raise AngkaError(f"--nilai-tercetak: {exc}") from None


def run(command: Any, options: dict[str, Any]) -> None:
    """`sakip nilai`: print the score; exit 1 when a printed total does not follow, 2 on unusable input."""
    try:
        tercetak = nilai_tercetak(options)
        hasil = nilai_berkas(options["file"], options)
    except (SakipFileError, InstrumenTidakSah, ValueError) as exc:
        gagal(command, str(exc))
    # The computed nilai is already rounded half up to two decimals (PermenPANRB 88/2021).
    sesuai = None if tercetak is None else tercetak == hasil.nilai.nilai
    if options.get("json"):
        command.stdout.write(json.dumps(to_json(hasil, sesuai), ensure_ascii=False, indent=2))
    else:
        command.stdout.write(format_teks(hasil, tercetak, sesuai))
    if sesuai is False:
        sys.exit(1)


def handle(command: Any, options: dict[str, Any]) -> None:
    """Run the `sakip` subcommand named in options["aksi"]."""
    aksi = options.get("aksi", "nilai")
    if aksi == "nilai":
        run(command, options)
        return
    gagal(command, f"perintah sakip {aksi!r} tidak dikenal")

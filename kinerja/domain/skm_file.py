"""SKM questionnaires from a CSV or XLSX file (paper questionnaires typed in a spreadsheet).

    berkas = baca_jawaban("jawaban.xlsx")
    hitung_ikm(berkas.jawaban)

Columns U1..U9 (any case; the 2004 regime U1..U14) hold the answers: 1–4, a–d (= 1–4), the answer label
of that unsur ("Sangat sesuai"), or empty / "-" for not answered. Optional profile columns
(jenis_kelamin, umur, pendidikan, pekerjaan, jenis_layanan) and saran; any other column is ignored and
listed. The header may sit below a few title rows. CSV: comma, semicolon or tab, UTF-8 (with or without
BOM) or Windows-1252. Every row error is collected and the file is rejected as a whole (`SKMFileError`):
nothing partial.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from kinerja.domain.ikm import Regime, Unsur, daftar_unsur
from kinerja.domain.teks_masuk import bersihkan

__all__ = [
    "KOLOM_PROFIL",
    "BarisGalat",
    "BerkasJawaban",
    "SKMFileError",
    "baca_jawaban",
    "template_csv",
    "template_xlsx",
]

# docs/skm.md §8: the respondent profile columns reports tabulate, with the headers seen in practice.
KOLOM_PROFIL: tuple[str, ...] = ("jenis_kelamin", "umur", "pendidikan", "pekerjaan", "jenis_layanan")
_ALIAS: dict[str, str] = {
    "jenis_kelamin": "jenis_kelamin",
    "jk": "jenis_kelamin",
    "kelamin": "jenis_kelamin",
    "l_p": "jenis_kelamin",
    "umur": "umur",
    "usia": "umur",
    "pendidikan": "pendidikan",
    "pendidikan_terakhir": "pendidikan",
    "pekerjaan": "pekerjaan",
    "jenis_layanan": "jenis_layanan",
    "layanan": "jenis_layanan",
    "jenis_pelayanan": "jenis_layanan",
    "saran": "saran",
    "masukan": "saran",
    "saran_masukan": "saran",
    "saran_dan_masukan": "saran",
    "kritik_dan_saran": "saran",
}
_KOSONG = {"", "-", "–", "—"}
_HURUF = {"a": 1, "b": 2, "c": 3, "d": 4}
_BARIS_JUDUL_MAKS = 20  # the header row is looked for among the first rows (title rows above it)
_GALAT_DITAMPILKAN = 20


@dataclass(frozen=True)
class BarisGalat:
    """One problem in the file: spreadsheet row number (None: the whole file), column, message."""

    baris: int | None
    kolom: str | None
    pesan: str

    def __str__(self) -> str:
        tempat = []
        if self.baris is not None:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom {self.kolom}")
        return f"{', '.join(tempat)}: {self.pesan}" if tempat else self.pesan


class SKMFileError(ValueError):
    """The file is rejected; `galat` lists every problem found (Indonesian messages)."""

    def __init__(self, galat: Sequence[BarisGalat], berkas: str | None = None) -> None:
        self.galat: list[BarisGalat] = list(galat)
        self.berkas = berkas
        awal = f"Berkas {berkas} ditolak" if berkas else "Berkas ditolak"
        baris = [f"{awal}: {len(self.galat)} galat; tidak ada jawaban yang disimpan."]
        baris += [f"  {g}" for g in self.galat[:_GALAT_DITAMPILKAN]]
        if len(self.galat) > _GALAT_DITAMPILKAN:
            baris.append(f"  … dan {len(self.galat) - _GALAT_DITAMPILKAN} galat lainnya")
        super().__init__("\n".join(baris))


@dataclass(frozen=True)
class BerkasJawaban:
    """The questionnaires of a file, one entry per respondent in every list (same order)."""

    jawaban: list[dict[str, int | None]]  # unsur code → 1–4 or None (not answered)
    profil: list[dict[str, str]]  # profile column → text ("" when empty); only columns in the file
    saran: list[str]  # "" when the respondent wrote none
    baris: list[int] = field(default_factory=list)  # the spreadsheet row of each respondent
    kolom_diabaikan: tuple[str, ...] = ()  # headers that are neither unsur, profile nor saran


Sumber = str | os.PathLike[str] | bytes | BinaryIO


def _norm(teks: object) -> str:
    return re.sub(r"[\s_\-/.()]+", "_", str(teks).strip().lower()).strip("_")


def _kode_kolom(teks: object) -> str | None:
    """ "U1", "u 1", "U01" → "U1"; anything else None."""
    m = re.fullmatch(r"u_?0*(\d{1,2})", _norm(teks))
    return f"U{int(m.group(1))}" if m else None


def _teks_sel(nilai: object) -> str:
    """A cell as text: numbers without ".0", dates as YYYY-MM-DD, None as "", control characters out."""
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    if isinstance(nilai, datetime):
        return nilai.date().isoformat() if nilai.time() == datetime.min.time() else nilai.isoformat()
    if isinstance(nilai, date):
        return nilai.isoformat()
    return bersihkan(str(nilai)).strip()


def _label_ke_nilai(u: Unsur) -> dict[str, int]:
    return {" ".join(lb.lower().split()): i for i, lb in enumerate(u.label, start=1)}


def _jawaban(nilai: object, u: Unsur, label: dict[str, int]) -> int | None:
    """An answer cell as 1–4 or None; ValueError with an Indonesian reason otherwise."""
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise ValueError(f"jawaban {nilai!r} tidak dikenal")
    if isinstance(nilai, (int, float, Decimal)):
        if nilai != int(nilai):
            raise ValueError(f"jawaban {_teks_sel(nilai)} bukan bilangan bulat: isi 1, 2, 3 atau 4")
        angka = int(nilai)
    else:
        teks = " ".join(str(nilai).split())
        if teks in _KOSONG:
            return None
        kecil = teks.lower()
        m = re.fullmatch(r"([a-d])[.)]?", kecil)
        if m:
            return _HURUF[m.group(1)]
        if kecil in label:
            return label[kecil]
        m = re.fullmatch(r"(-?\d+)(?:[.,]0+)?", kecil)
        if not m and re.fullmatch(r"-?\d+[.,]\d+", kecil):
            raise ValueError(f"jawaban {teks} bukan bilangan bulat: isi 1, 2, 3 atau 4")
        if not m:
            raise ValueError(
                f"jawaban {teks!r} tidak dikenal: isi 1–4, huruf a–d, label jawaban "
                f"(mis. {u.label[3]!r}) atau biarkan kosong"
            )
        angka = int(m.group(1))
    if not 1 <= angka <= 4:
        raise ValueError(f"jawaban {angka} di luar skala 1 sampai 4")
    return angka


def _baca_byte(sumber: Sumber) -> tuple[bytes, str]:
    """The file's bytes and a name for messages."""
    if isinstance(sumber, bytes):
        return sumber, ""
    if isinstance(sumber, (str, os.PathLike)):
        path = Path(sumber)
        try:
            return path.read_bytes(), path.name
        except FileNotFoundError:
            raise SKMFileError([BarisGalat(None, None, "berkas tidak ditemukan")], path.name) from None
        except OSError as exc:
            raise SKMFileError(
                [BarisGalat(None, None, f"berkas tidak dapat dibaca ({exc.strerror})")], path.name
            ) from None
    data = sumber.read()
    return data, Path(str(getattr(sumber, "name", "") or "")).name


def _baris_xlsx(data: bytes, nama: str) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SKMFileError([BarisGalat(None, None, f"bukan berkas XLSX yang sah ({exc})")], nama) from None
    try:
        # The first sheet with a U1 header in its first rows; else the active sheet.
        pilihan = wb.active
        for ws in wb.worksheets:
            rows = ws.iter_rows(min_row=1, max_row=_BARIS_JUDUL_MAKS, values_only=True)
            if any(_kode_kolom(c) == "U1" for row in rows for c in row if c is not None):
                pilihan = ws
                break
        if pilihan is None:  # pragma: no cover - a workbook always has a sheet
            return
        for i, row in enumerate(pilihan.iter_rows(min_row=1, values_only=True), start=1):
            yield i, list(row)
    finally:
        wb.close()


def _dekode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page.
        return data.decode("cp1252", errors="replace")


def _baris_csv(data: bytes) -> Iterator[tuple[int, list[object]]]:
    teks = _dekode(data)
    baris = teks.splitlines()
    contoh = next(
        (b for b in baris[:_BARIS_JUDUL_MAKS] if re.search(r"(?i)(^|[,;\t\"'\s])u\s*0*1($|[,;\t\"'\s])", b)),
        next((b for b in baris if b.strip()), ""),
    )
    pemisah = max((";", ",", "\t"), key=contoh.count)
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    for row in pembaca:
        yield pembaca.line_num, list(row)


def _kosong(row: Sequence[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in row)


def baca_jawaban(sumber: Sumber, *, regime: Regime = "2017") -> BerkasJawaban:
    """Read a CSV or XLSX of questionnaires; raise SKMFileError with every row error (nothing partial)."""
    data, nama = _baca_byte(sumber)
    rows = _baris_berkas(data, nama)
    unsur = daftar_unsur(regime)
    nomor_kepala, kepala = _cari_kepala(rows, unsur, nama)
    kolom = _kolom_jawaban(kepala, nomor_kepala, unsur)
    if kolom.galat:
        raise SKMFileError(kolom.galat, nama)
    galat: list[BarisGalat] = []
    hasil = BerkasJawaban([], [], [], [], tuple(kolom.diabaikan))
    for nomor, row in rows:
        if not _kosong(row):
            _satu_kuesioner(nomor, row, kolom, unsur, hasil, galat)
    if not hasil.jawaban and not galat:
        galat.append(BarisGalat(None, None, "tidak ada baris jawaban di bawah baris judul kolom"))
    if galat:
        raise SKMFileError(galat, nama)
    return hasil


def _baris_berkas(data: bytes, nama: str) -> Iterator[tuple[int, list[object]]]:
    """The numbered rows of the file: XLSX by its zip signature, else CSV (an old .xls refused)."""
    if data[:4] == b"PK\x03\x04":
        return _baris_xlsx(data, nama)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        pesan = "format Excel lama (.xls) tidak didukung: simpan sebagai .xlsx atau .csv"
        raise SKMFileError([BarisGalat(None, None, pesan)], nama)
    if b"\x00" in data[:1024]:
        raise SKMFileError([BarisGalat(None, None, "bukan berkas CSV atau XLSX")], nama)
    return _baris_csv(data)


def _cari_kepala(
    rows: Iterator[tuple[int, list[object]]], unsur: Sequence[Unsur], nama: str
) -> tuple[int, list[object]]:
    """The header: the first row (among the first few) with a U1 column."""
    for nomor, row in rows:
        if any(_kode_kolom(c) == "U1" for c in row if c is not None):
            return nomor, row
        if nomor >= _BARIS_JUDUL_MAKS:
            break
    kodes = ", ".join(u.kode for u in unsur)
    raise SKMFileError(
        [BarisGalat(None, None, f"baris judul kolom tidak ditemukan: harus ada kolom {kodes}")], nama
    )


@dataclass
class _KolomJawaban:
    """Which column of the file holds which unsur, which profile field, and the saran."""

    unsur: list[tuple[int, str]] = field(default_factory=list)  # in the regime's order of unsur
    profil: dict[int, str] = field(default_factory=dict)
    saran: int | None = None
    diabaikan: list[str] = field(default_factory=list)
    galat: list[BarisGalat] = field(default_factory=list)
    label: dict[str, dict[str, int]] = field(default_factory=dict)  # per unsur: answer label → 1–4


def _kolom_jawaban(kepala: list[object], nomor_kepala: int, unsur: Sequence[Unsur]) -> _KolomJawaban:
    """The columns named by the header row (U1…U9 or their aliases); each at most once, every unsur."""
    kode_unsur = [u.kode for u in unsur]
    k = _KolomJawaban(label={u.kode: _label_ke_nilai(u) for u in unsur})
    terlihat: dict[str, int] = {}
    for j, sel in enumerate(kepala):
        teks = _teks_sel(sel)
        if not teks:
            continue
        kode = _kode_kolom(teks)
        kunci = kode if kode in kode_unsur else _ALIAS.get(_norm(teks))
        if kunci is None:
            k.diabaikan.append(teks)
        elif kunci in terlihat:
            k.galat.append(BarisGalat(nomor_kepala, teks, f"kolom {kunci} muncul dua kali"))
        else:
            terlihat[kunci] = j
            if kunci in kode_unsur:
                k.unsur.append((j, kunci))
            elif kunci == "saran":
                k.saran = j
            else:
                k.profil[j] = kunci
    kurang = [kode for kode in kode_unsur if kode not in terlihat]
    if kurang:
        k.galat.append(BarisGalat(nomor_kepala, None, f"kolom {', '.join(kurang)} tidak ada"))
    k.unsur.sort(key=lambda jk: kode_unsur.index(jk[1]))
    return k


def _satu_kuesioner(
    nomor: int,
    row: list[object],
    kolom: _KolomJawaban,
    unsur: Sequence[Unsur],
    hasil: BerkasJawaban,
    galat: list[BarisGalat],
) -> None:
    """One respondent's row: the answer to each unsur (errors collected), the profile and the saran."""

    def sel(j: int | None) -> object:
        return row[j] if j is not None and j < len(row) else None

    isi: dict[str, int | None] = {}
    salah = False
    for j, kode in kolom.unsur:
        u = next(u for u in unsur if u.kode == kode)
        try:
            isi[kode] = _jawaban(sel(j), u, kolom.label[kode])
        except ValueError as exc:
            galat.append(BarisGalat(nomor, kode, str(exc)))
            isi[kode] = None
            salah = True
    if not salah and all(v is None for v in isi.values()):
        galat.append(BarisGalat(nomor, None, "tidak ada jawaban unsur sama sekali"))
    hasil.jawaban.append(isi)
    hasil.profil.append({k: _teks_sel(sel(j)) for j, k in kolom.profil.items()})
    hasil.saran.append(_teks_sel(sel(kolom.saran)) if kolom.saran is not None else "")
    hasil.baris.append(nomor)


def _kepala(regime: Regime) -> list[str]:
    return [u.kode for u in daftar_unsur(regime)] + [*KOLOM_PROFIL, "saran"]


def _contoh(regime: Regime) -> list[str]:
    jawaban = ["4", "3", "3", "4", "3", "4", "4", "3", "3", "4", "3", "3", "4", "3"]
    n = len(daftar_unsur(regime))
    return [*jawaban[:n], "P", "35", "SMA", "Wiraswasta", "Pembuatan KTP-el", "Antrean perlu dipercepat"]


def template_csv(regime: Regime = "2017", pemisah: str = ";") -> str:
    """The downloadable CSV template: the header and one example row (semicolon: Indonesian Excel)."""
    # Excel with Indonesian regional settings uses ";" as list separator (the comma is the decimal sign),
    # so a semicolon file opens in columns with a double click; baca_jawaban reads either.
    keluaran = io.StringIO()
    w = csv.writer(keluaran, delimiter=pemisah, lineterminator="\r\n")
    w.writerow(_kepala(regime))
    w.writerow(_contoh(regime))
    return keluaran.getvalue()


def template_xlsx(regime: Regime = "2017") -> bytes:
    """The downloadable XLSX template: a sheet to fill (header + example row) and a sheet of the questions."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Jawaban"
    ws.append(_kepala(regime))
    ws.append([int(x) if x.isdigit() else x for x in _contoh(regime)])
    for sel in ws[1]:
        sel.font = Font(bold=True)
    petunjuk = wb.create_sheet("Petunjuk")
    petunjuk.append(["Kode", "Unsur", "Pertanyaan", "1 (a)", "2 (b)", "3 (c)", "4 (d)"])
    for u in daftar_unsur(regime):
        petunjuk.append([u.kode, u.nama, u.pertanyaan, *u.label])
    petunjuk.append([])
    petunjuk.append(["Isi jawaban dengan 1–4 atau a–d; kosongkan bila responden tidak menjawab."])
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()

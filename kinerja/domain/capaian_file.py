"""Rows for the reviewer's calculator (`kinerja capaian FILE`): a CSV or XLSX with the columns
indikator, satuan, polaritas, target, realisasi and, optionally, capaian as printed in a report.

Numbers in Indonesian or plain format ("1,5", "1.234,56", "98.5", "94,51%"); a target may be a range
("80–90") or a predicate ("BB"). Unusable input raises `CapaianFileError` with every bad row listed,
in Indonesian. Pure Python (openpyxl only for XLSX).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kinerja.domain import capaian as cap
from kinerja.domain.numbers import AngkaError, bulatkan, parse_angka
from kinerja.domain.pk_text import parse_target

KOLOM_WAJIB = ("indikator", "target", "realisasi")
KOLOM = ("indikator", "satuan", "polaritas", "target", "realisasi", "capaian")


class CapaianFileError(ValueError):
    """The file cannot be used; `galat` lists each problem with its row."""

    def __init__(self, galat: list[str], nama: str = "") -> None:
        self.galat = galat
        awal = f"{nama}: " if nama else ""
        super().__init__(awal + "; ".join(galat))


@dataclass(frozen=True)
class BarisCapaian:
    baris: int
    indikator: str
    satuan: str
    polaritas: str
    target: str
    realisasi: str
    tercetak: Decimal | None  # the capaian printed in the report, if given


@dataclass(frozen=True)
class HasilBaris:
    baris: BarisCapaian
    capaian: cap.Capaian
    kategori: cap.Pita | None
    sesuai: bool | None  # whether the printed capaian follows (None: none printed)

    def to_json(self) -> dict[str, object]:
        return {
            "indikator": self.baris.indikator,
            "capaian_mentah": None if self.capaian.mentah is None else str(self.capaian.mentah),
            "capaian": None if self.capaian.nilai is None else str(self.capaian.nilai),
            "kategori": None if self.kategori is None else self.kategori.label,
            "rumus": self.capaian.rumus,
            "sesuai": self.sesuai,
        }


def _kunci(teks: object) -> str:
    return re.sub(r"[^a-z]", "", str(teks or "").lower())


def _sel(nilai: object) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, float):
        # A number typed into a spreadsheet cell: its shortest decimal form, never binary noise.
        return repr(nilai)
    return " ".join(str(nilai).split())


def _baris_csv(data: bytes) -> Iterator[tuple[int, list[object]]]:
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        teks = data.decode("cp1252", errors="replace")
    contoh = next((b for b in teks.splitlines() if b.strip()), "")
    pemisah = max((";", ",", "\t"), key=contoh.count)
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    for row in pembaca:
        yield pembaca.line_num, list(row)


def _baris_xlsx(data: bytes, nama: str) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CapaianFileError([f"bukan berkas XLSX yang sah ({exc})"], nama) from None
    try:
        ws = wb.worksheets[0]
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield i, list(row)
    finally:
        wb.close()


def _persen(teks: str) -> Decimal:
    return parse_angka(teks.replace("%", "").strip())


def baca(path: str | Path) -> list[BarisCapaian]:
    """The rows of a calculator file (.csv or .xlsx)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise CapaianFileError([f"berkas tidak dapat dibaca ({exc.strerror or exc})"], p.name) from None
    if p.suffix.lower() == ".xls":
        raise CapaianFileError(
            ["format Excel lama (.xls) tidak didukung: simpan sebagai .xlsx atau .csv"], p.name
        )
    rows = _baris_xlsx(data, p.name) if data[:2] == b"PK" else _baris_csv(data)
    kepala: dict[str, int] | None = None
    hasil: list[BarisCapaian] = []
    galat: list[str] = []
    for nomor, row in rows:
        sel = [_sel(x) for x in row]
        if not any(sel):
            continue
        if kepala is None:
            kunci = {_kunci(x): i for i, x in enumerate(sel) if _kunci(x)}
            kurang = [k for k in KOLOM_WAJIB if k not in kunci]
            if kurang:
                raise CapaianFileError(
                    [
                        f"baris {nomor}: kolom {', '.join(kurang)} tidak ada (kolom: indikator, satuan, polaritas, target, realisasi, capaian)"
                    ],
                    p.name,
                )
            kepala = {k: kunci[k] for k in KOLOM if k in kunci}
            continue
        isi = {k: (sel[i] if i < len(sel) else "") for k, i in kepala.items()}
        salah = _periksa(nomor, isi)
        if salah:
            galat.extend(salah)
            continue
        tercetak = _persen(isi["capaian"]) if isi.get("capaian") else None
        hasil.append(
            BarisCapaian(
                nomor,
                isi["indikator"],
                isi.get("satuan", ""),
                (isi.get("polaritas") or "positif").lower(),
                isi["target"],
                isi["realisasi"],
                tercetak,
            )
        )
    if kepala is None:
        raise CapaianFileError(["berkas kosong: tidak ada baris judul kolom"], p.name)
    if galat:
        raise CapaianFileError(galat, p.name)
    if not hasil:
        raise CapaianFileError(["tidak ada baris data di bawah judul kolom"], p.name)
    return hasil


def _periksa(nomor: int, isi: dict[str, str]) -> list[str]:
    galat = []
    if not isi.get("indikator"):
        galat.append(f"baris {nomor}: indikator kosong")
    if (isi.get("polaritas") or "positif").lower() not in ("positif", "negatif"):
        galat.append(f"baris {nomor}: polaritas “{isi['polaritas']}” harus positif atau negatif")
    if not isi.get("target"):
        galat.append(f"baris {nomor}: target kosong")
    for kolom in ("realisasi", "capaian"):
        teks = isi.get(kolom, "")
        if kolom == "realisasi" and parse_target(isi.get("target", "")).predikat and not _angka(teks):
            continue  # a predicate realisasi for a predicate target
        if teks and teks not in ("-", "–") and not _angka(teks.replace("%", "")):
            galat.append(f"baris {nomor}: {kolom} “{teks}” bukan angka")
    return galat


def _angka(teks: str) -> bool:
    try:
        parse_angka(teks)
    except (AngkaError, ValueError):
        return False
    return True


def hitung_baris(b: BarisCapaian, *, batas: Decimal | None = None) -> HasilBaris:
    """One row's capaian by its declared formula, and whether the printed capaian follows from it."""
    target = parse_target(b.target)
    if target.nilai is None and target.predikat:
        hasil = cap.hitung_predikat(target.predikat, b.realisasi or None, batas=batas)
    else:
        realisasi = (
            parse_angka(b.realisasi.replace("%", ""))
            if b.realisasi and b.realisasi not in ("-", "–")
            else None
        )
        hasil = cap.hitung(
            target.nilai,
            realisasi,
            polaritas="negatif" if b.polaritas == "negatif" else "positif",
            target_atas=target.nilai_atas,
            batas=batas,
        )
    return HasilBaris(b, hasil, cap.kategori(hasil), _sesuai(hasil, b.tercetak))


def _sesuai(hasil: cap.Capaian, tercetak: Decimal | None) -> bool | None:
    """The printed capaian follows when it equals the computed one at the printed number of decimals
    (a report printing 94,5 or 95 for 94,51 is right; 94,6 is not)."""
    if tercetak is None:
        return None
    if hasil.nilai is None:
        return False
    eksponen = tercetak.as_tuple().exponent
    desimal = min(-eksponen if isinstance(eksponen, int) and eksponen < 0 else 0, 2)
    cetak = bulatkan(tercetak, desimal)
    # Rounded from the exact value, or from the two-decimal one (as a spreadsheet may have done).
    calon = [hasil.nilai] + ([hasil.tepat] if hasil.tepat is not None else [])
    return any(bulatkan(v, desimal) == cetak for v in calon)

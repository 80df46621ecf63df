"""Reading an XLSX workbook into rows: each sheet a page, its rows as the PK parser reads them.

Workbooks of PKs put one PK on each sheet (a title, the tabel kinerja, the program table, the
signatures), laid out in cells. What is read:

- every sheet in order, hidden ones too (a person reading the file sees them in the list of sheets);
  rows and columns hidden on a sheet are left out, as they are from its print;
- a cell's value as cached by the spreadsheet program (the result of a formula, not the formula:
  totals are often unlabelled sums);
- numbers shown as the sheet shows them where it matters: a percentage format gives "95%" for 0,95,
  other numbers are written plainly with a decimal comma ("0,5", "7130451940"), dates as "2 Januari
  2018";
- a row with two or more filled cells is a table row (`tabel` = the sheet's number, cells from the
  sheet's first to its last used column, so the columns line up with the header), and so is a row of
  one filled cell between two table rows (an unlabelled sum); another row with one filled cell is a
  line of text that keeps the empty cells before it, so it stays in its column (the NIP line
  of a signature block on the right).

`baris` counts the rows read over the whole workbook; `halaman` is the sheet's number (1-based) and
`lembar` its name. A PK title at the top of a sheet starts a PK of its own (the parser splits there).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

from kinerja.domain.source import Row, SourceError
from kinerja.domain.tanggal import format_tanggal


def _teks(nilai: object, format_angka: str) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "Ya" if nilai else "Tidak"
    if isinstance(nilai, (dt.datetime, dt.date)):
        return format_tanggal(nilai.date() if isinstance(nilai, dt.datetime) else nilai)
    if isinstance(nilai, (int, float)):
        angka = Decimal(repr(nilai)) if isinstance(nilai, float) else Decimal(nilai)
        if "%" in (format_angka or ""):
            angka *= 100
        teks = format(angka.normalize(), "f")
        teks = teks.replace(".", ",")
        return teks + "%" if "%" in (format_angka or "") else teks
    return str(nilai).replace("\r", "").strip()


def read_xlsx(path: str | Path) -> list[Row]:
    """Rows of every sheet of an .xlsx workbook; raises SourceError with an Indonesian message."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except zipfile.BadZipFile:
        raise SourceError(
            "berkas XLSX tidak dapat dibaca: bukan arsip XLSX yang sah (rusak atau terpotong)"
        ) from None
    except Exception as exc:  # any failure of the reader is an unusable file
        raise SourceError(
            f"berkas XLSX tidak dapat dibaca: isi berkas rusak ({type(exc).__name__}: {exc})"
        ) from None
    rows: list[Row] = []
    for nomor, ws in enumerate(wb.worksheets, start=1):
        kolom = [
            c
            for c in range(1, (ws.max_column or 0) + 1)
            if not ws.column_dimensions[get_column_letter(c)].hidden
        ]
        isi: list[list[str]] = []
        for r in range(1, (ws.max_row or 0) + 1):
            if ws.row_dimensions[r].hidden:
                continue
            sel = [_teks(ws.cell(r, c).value, ws.cell(r, c).number_format) for c in kolom]
            if any(sel):
                isi.append(sel)
        if not isi:
            continue
        dipakai = [k for k in range(len(kolom)) if any(s[k] for s in isi)]
        pertama, terakhir = dipakai[0], dipakai[-1]
        isi = [sel[pertama : terakhir + 1] for sel in isi]
        banyak = [sum(1 for s in sel if s) >= 2 for sel in isi]
        for n, sel in enumerate(isi):
            terisi = [k for k, s in enumerate(sel) if s]
            # One filled cell between two table rows (an unlabelled sum) stays in the table.
            diapit = 0 < n < len(isi) - 1 and banyak[n - 1] and banyak[n + 1]
            if banyak[n] or diapit:
                rows.append(
                    Row(baris=len(rows) + 1, sel=tuple(sel), tabel=nomor, halaman=nomor, lembar=ws.title)
                )
            else:
                k = terisi[0]
                sel_baris = ("",) * k + (sel[k],)  # keeps its column (a signature block's NIP line)
                rows.append(Row(baris=len(rows) + 1, sel=sel_baris, halaman=nomor, lembar=ws.title))
    if not rows:
        raise SourceError("berkas XLSX tidak berisi sel yang terisi")
    return rows

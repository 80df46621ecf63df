"""Rows whose cells stand each on a line of their own, put back together.

The text of a web page showing a PK (a contract site's copy, a CMS article) often gives every table
cell as its own line, sometimes ending in " |":

    Nama |            No            1
    : |               Sasaran       Meningkatnya kunjungan Rumah Sakit
    Xxxx, SKM |       Indikator     Jumlah kunjungan pasien
                      Target        162.081
                      (1) … (4)     2 …

`rapatkan` turns a statement field written over three lines ("Nama" / ":" / the value) into one row
("Nama", ": value"), and a tabel kinerja whose header is four lines (No / Sasaran / Indikator / Target)
into rows of four cells: a row starts at a line holding only a number, then the sasaran, then its
indikator and target lines in turn (a sasaran with several indikator gives rows with an empty sasaran
cell, as a table does). The table ends at a heading (a roman numeral, PROGRAM, PIHAK, LAMPIRAN) or an
empty marker line ("-"); a row cut short by the end of the text is kept as one line (it goes to
`catatan`). A signature block whose lines ran together ("PIHAK KEDUA, Direktur …", "Name NIP. …") is
split back into its lines; a line's trailing " |" is dropped, and so is a line holding only "|". Rows of several cells are not
touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kinerja.domain.source import Row

__all__ = ["rapatkan"]

_LABEL = re.compile(r"(?:Nama|Jabatan|NIP|Pangkat(?:\s*/\s*Gol(?:ongan)?\.?)?|Golongan)", re.I)
_KEPALA = ("no", "sasaran", "indikator", "target")
_NOMOR = re.compile(r"\d{1,2}\.?")
_NOMOR_KOLOM = re.compile(r"\(\d\)")
_AKHIR = re.compile(r"^(?:[IVX]+\.\s|PROGRAM\b|KEGIATAN\b|ANGGARAN\b|PIHAK\b|LAMPIRAN\b|-$)", re.I)


def _teks(row: Row) -> str | None:
    """The text of a row of one cell on one line, without a trailing "|" (None for any other row: a
    table row, a right-hand line kept in its column, a cell of several lines)."""
    if len(row.sel) != 1 or "\n" in row.sel[0]:
        return None
    return " ".join(row.sel[0].split()).rstrip(" |").strip()


def rapatkan(rows: Sequence[Row]) -> list[Row]:
    """The rows with fields and tables written a cell per line joined back into rows."""
    out: list[Row] = []
    i, n = 0, len(rows)
    while i < n:
        t = _teks(rows[i])
        if t is not None and _LABEL.fullmatch(t) and i + 2 < n and _teks(rows[i + 1]) == ":":
            nilai = _teks(rows[i + 2])
            if nilai:
                out.append(Row(baris=rows[i].baris, sel=(t, f": {nilai}"), halaman=rows[i].halaman))
                i += 3
                continue
        if t is not None and t.casefold() in ("no", "no.") and _kepala_tegak(rows, i):
            i = _tabel(rows, i, out)
            continue
        if t == "" and rows[i].teks.strip() == "|":
            i += 1  # an empty cell's marker: nothing to read
            continue
        out.extend(_pisah_ttd(rows[i], t))
        i += 1
    return out


_LABEL_TTD = re.compile(r"^(PIHAK\s+(?:PERTAMA|KESATU|KEDUA)\s*,)\s*(\S.*)$", re.I)
_NIP_DI_UJUNG = re.compile(r"^(\S.*?)\s+(NIP\.?\s*:?\s*[\d .]{18,})$", re.I)


def _pisah_ttd(row: Row, t: str | None) -> list[Row]:
    """A signature block whose lines ran together: "PIHAK KEDUA, Direktur RSUD …" and "Name NIP. …"
    give back their two lines (the label or name first, on the row's line number)."""
    if t is None:
        return [row]
    if row.teks.endswith("|"):
        row = Row(baris=row.baris, sel=(t,), halaman=row.halaman)  # "Banjarnegara, Januari 2019 |"
    for pola in (_LABEL_TTD, _NIP_DI_UJUNG):
        m = pola.match(t)
        if m:
            return [
                Row(baris=row.baris, sel=(m.group(1),), halaman=row.halaman),
                Row(baris=row.baris, sel=(m.group(2),), halaman=row.halaman),
            ]
    return [row]


def _kepala_tegak(rows: Sequence[Row], i: int) -> bool:
    kata = [_teks(r) for r in rows[i : i + 4]]
    return len(kata) == 4 and all(
        k is not None and k.casefold().startswith(awal) for k, awal in zip(kata, _KEPALA, strict=True)
    )


def _tabel(rows: Sequence[Row], i: int, out: list[Row]) -> int:
    """Read the table whose four header lines start at `i`; returns the index after it."""
    kepala = [_teks(r) or "" for r in rows[i : i + 4]]
    out.append(Row(baris=rows[i].baris, sel=tuple(kepala), halaman=rows[i].halaman))
    j = i + 4
    while j < len(rows) and _NOMOR_KOLOM.fullmatch(_teks(rows[j]) or ""):
        j += 1  # (1) (2) (3) (4)
    nomor = sasaran = indikator = None
    baris = 0
    while j < len(rows):
        t = _teks(rows[j])
        if t is None or _AKHIR.match(t):
            break
        if indikator is not None:  # the target of the indikator above
            out.append(
                Row(baris=baris, sel=(nomor or "", sasaran or "", indikator, t), halaman=rows[j].halaman)
            )
            nomor = sasaran = indikator = None
        elif _NOMOR.fullmatch(t) and sasaran is None:
            nomor, baris = t, rows[j].baris
        elif nomor is not None and sasaran is None:
            sasaran = t
        else:
            indikator = t
            baris = baris if nomor is not None else rows[j].baris
        j += 1
    if indikator is not None or sasaran is not None:
        # the text ends inside a row (a page cut short): kept as a line, so it goes to `catatan`
        sisa = " ".join(x for x in (nomor, sasaran, indikator) if x)
        out.append(Row(baris=baris, sel=(sisa,)))
    return j

"""The ruled tables of a scanned page: ruling lines found in the image, the grid they make, and the
words read by OCR put into its cells.

A PK's tabel kinerja and its table of programs are drawn with ruling lines. Tesseract reads text, not
tables: on a whole page it reads a table row as one line of words, the cells' texts run together, and
a cell whose text wraps over four lines becomes four lines. The lines themselves tell where the cells
are, so they are found first:

- The page is made black and white (`_HITAM`), then shrunk along one axis by averaging `_LIPAT`
  pixels into one (in C, by Pillow): a ruling line stays black across the whole average, a letter's
  stroke does not. A run of black at least `_PANJANG_MINIMUM` long is a piece of ruling line; the
  pieces at neighbouring positions make one line (its thickness).
- A table is a set of vertical and horizontal lines that cross one another (connected), with at least
  two of each. Its columns lie between consecutive verticals, its rows between consecutive
  horizontals. Where a horizontal line does not cross a column between two rows, the cell above runs
  on into the row below (a sasaran merged over its indikator); likewise across a missing vertical.
- Each word goes to the cell holding its centre; a merged cell's text is given in its top-left grid
  position and None in the positions it covers (what pdf_source gives for a text PDF's table). The
  lines of a cell are joined by "\\n", its words by a space.

Coordinates are pixels of the (straightened) page image.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Protocol

_HITAM = 160  # grey level below which a pixel is ink
_LIPAT = 16  # pixels averaged into one when looking for lines
_PANJANG_MINIMUM = 64  # pixels (about 5 mm at 300 dpi): longer than any letter's stroke
_PANJANG_DATAR = 128  # pixels: a horizontal stroke of bold text can run on further than a vertical one
_LEBAR_TABEL = 600  # pixels (5 cm): a narrower "grid" is the strokes of a signature or a stamp
_TEBAL_MAKS = 15  # pixels: a thicker "line" is a blot (a logo, a stamp), not a ruling
_RAPAT = 12  # pixels: two lines closer than this are one (a thick or doubled line)
# A run of shrunk pixels at least 70% ink (a letter's strokes rarely are, over 16 pixels).
_RUNTUN = {
    True: re.compile(rb"[\x00-\x4c]{%d,}" % (_PANJANG_MINIMUM // _LIPAT)),
    False: re.compile(rb"[\x00-\x4c]{%d,}" % (_PANJANG_DATAR // _LIPAT)),
}


class _Kotak(Protocol):
    teks: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Garis:
    """A ruling line: vertical (`tegak`) at x = `letak` from y = `awal` to `akhir`, or horizontal at
    y = `letak` from x = `awal` to `akhir`; `tebal` its thickness in pixels."""

    tegak: bool
    letak: float
    awal: float
    akhir: float
    tebal: int = 1

    def menyilang(self, lain: Garis, toleransi: float = _RAPAT) -> bool:
        """Whether a vertical and a horizontal line meet (a line ending just short of the other counts)."""
        if self.tegak == lain.tegak:
            return False
        return (
            lain.awal - toleransi <= self.letak <= lain.akhir + toleransi
            and self.awal - toleransi <= lain.letak <= self.akhir + toleransi
        )


def garis(gambar: Any) -> list[Garis]:
    """The ruling lines of a grey page image."""
    hitam = gambar.point(lambda v: 0 if v < _HITAM else 255)
    return _garis_satu_arah(hitam, tegak=True) + _garis_satu_arah(hitam, tegak=False)


def _garis_satu_arah(hitam: Any, *, tegak: bool) -> list[Garis]:
    from PIL import Image

    lebar, tinggi = hitam.size
    if tegak:
        kecil = hitam.resize((lebar, max(1, tinggi // _LIPAT)), Image.Resampling.BOX).transpose(
            Image.Transpose.TRANSPOSE
        )
    else:
        kecil = hitam.resize((max(1, lebar // _LIPAT), tinggi), Image.Resampling.BOX)
    # Each row of `kecil` is now one line of pixels along the direction looked at.
    n, panjang = kecil.height, kecil.width
    data = kecil.tobytes()
    potongan: list[tuple[int, int, int]] = []  # (position, start, end) in full pixels
    for letak in range(n):
        baris = data[letak * panjang : (letak + 1) * panjang]
        potongan.extend((letak, m.start() * _LIPAT, m.end() * _LIPAT) for m in _RUNTUN[tegak].finditer(baris))
    return _gabung(potongan, tegak)


def _gabung(potongan: list[tuple[int, int, int]], tegak: bool) -> list[Garis]:
    """Pieces at neighbouring positions that overlap along the line are one line."""
    hasil: list[Garis] = []
    terbuka: list[tuple[Garis, int, float]] = []  # (line, last position, sum of positions)
    for letak, awal, akhir in potongan:
        for i, (g, akhir_letak, jumlah) in enumerate(terbuka):
            if letak - akhir_letak <= 2 and awal <= g.akhir and akhir >= g.awal:
                g.awal, g.akhir = min(g.awal, awal), max(g.akhir, akhir)
                g.tebal += 1
                terbuka[i] = (g, letak, jumlah + letak)
                break
        else:
            g = Garis(tegak, letak, awal, akhir)
            hasil.append(g)
            terbuka.append((g, letak, letak))
        terbuka = [t for t in terbuka if letak - t[1] <= 2]
        for g, _, jumlah in terbuka:
            g.letak = jumlah / g.tebal
    return hasil


def _menutup(potongan: list[Garis], awal: float, akhir: float) -> bool:
    """Whether the pieces of one line cover most of the stretch [awal, akhir] along its direction."""
    tertutup = 0.0
    ujung = awal
    for g in sorted(potongan, key=lambda g: g.awal):
        mulai, selesai = max(g.awal, ujung), min(g.akhir, akhir)
        if selesai > mulai:
            tertutup += selesai - mulai
            ujung = selesai
    return tertutup >= 0.6 * (akhir - awal)


def hapus_garis(gambar: Any, semua: list[Garis]) -> Any:
    """A copy of the grey image with the ruling lines painted white (what Tesseract should read)."""
    from PIL import ImageDraw

    salinan = gambar.copy()
    gambar_ulang = ImageDraw.Draw(salinan)
    for g in semua:
        setengah = g.tebal / 2 + 5
        if g.tegak:
            kotak = (g.letak - setengah, g.awal - 2, g.letak + setengah, g.akhir + 2)
        else:
            kotak = (g.awal - 2, g.letak - setengah, g.akhir + 2, g.letak + setengah)
        gambar_ulang.rectangle(kotak, fill=255)
    return salinan


@dataclass(frozen=True)
class Kisi:
    """A table's grid: column edges `xs`, row edges `ys` and the lines that draw it."""

    xs: list[float]
    ys: list[float]
    tegak: list[Garis]
    datar: list[Garis]

    @property
    def kotak(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def garis(self) -> list[Garis]:
        return self.tegak + self.datar


@dataclass(frozen=True)
class TabelPiksel:
    kotak: tuple[float, float, float, float]
    sel: list[list[str | None]]


def cari_kisi(semua: list[Garis]) -> list[Kisi]:
    """The tables' grids among the ruling lines: groups of crossing lines, two or more each way."""
    hasil: list[Kisi] = []
    for kelompok in _kelompok([g for g in semua if g.tebal <= _TEBAL_MAKS]):
        tegak = [g for g in kelompok if g.tegak]
        datar = [g for g in kelompok if not g.tegak]
        xs = _tepi([g.letak for g in tegak])
        ys = _tepi([g.letak for g in datar])
        if len(xs) >= 2 and len(ys) >= 2 and xs[-1] - xs[0] >= _LEBAR_TABEL:
            hasil.append(Kisi(xs, ys, tegak, datar))
    return hasil


def susun_tabel(semua_kisi: list[Kisi], kata: list[Any]) -> tuple[list[TabelPiksel], list[Any]]:
    """The tables with the words in their cells; and the words outside every table."""
    tabel: list[TabelPiksel] = []
    sisa = list(kata)
    for kisi in semua_kisi:
        di_dalam = [k for k in sisa if _di(k, kisi.kotak)]
        if not di_dalam and len(kisi.xs) < 3:
            continue  # an empty frame (a box around a signature, a stamp's edge) is no table
        sisa = [k for k in sisa if not _di(k, kisi.kotak)]
        tabel.append(TabelPiksel(kisi.kotak, _isi(kisi, di_dalam)))
    return tabel, sisa


def _kelompok(semua: list[Garis]) -> list[list[Garis]]:
    """The lines in groups that cross one another (each a table, or a lone line)."""
    induk = list(range(len(semua)))

    def akar(i: int) -> int:
        while induk[i] != i:
            induk[i] = induk[induk[i]]
            i = induk[i]
        return i

    for i, a in enumerate(semua):
        for j in range(i + 1, len(semua)):
            if a.menyilang(semua[j]):
                induk[akar(i)] = akar(j)
    kelompok: dict[int, list[Garis]] = {}
    for i, g in enumerate(semua):
        kelompok.setdefault(akar(i), []).append(g)
    return sorted(kelompok.values(), key=lambda k: min(g.letak if not g.tegak else g.awal for g in k))


def _tepi(letak: list[float]) -> list[float]:
    """Distinct positions (those closer than _RAPAT are one), sorted."""
    hasil: list[float] = []
    for x in sorted(letak):
        if hasil and x - hasil[-1] < _RAPAT:
            continue
        hasil.append(x)
    return hasil


def _tengah(k: _Kotak) -> tuple[float, float]:
    return (k.x0 + k.x1) / 2, (k.top + k.bottom) / 2


def _di(k: _Kotak, kotak: tuple[float, float, float, float]) -> bool:
    x, y = _tengah(k)
    return kotak[0] <= x <= kotak[2] and kotak[1] <= y <= kotak[3]


def _isi(kisi: Kisi, kata: list[Any]) -> list[list[str | None]]:
    """The grid's cells with their words; merged cells in their top-left position, None elsewhere."""
    xs, ys = kisi.xs, kisi.ys
    nr, nc = len(ys) - 1, len(xs) - 1

    def ada_datar(y: float, x0: float, x1: float) -> bool:
        return _menutup([g for g in kisi.datar if abs(g.letak - y) < _RAPAT], x0, x1)

    def ada_tegak(x: float, y0: float, y1: float) -> bool:
        return _menutup([g for g in kisi.tegak if abs(g.letak - x) < _RAPAT], y0, y1)

    akar: list[list[tuple[int, int]]] = [[(r, c) for c in range(nc)] for r in range(nr)]
    for r in range(nr):
        for c in range(nc):
            if r and not ada_datar(ys[r], xs[c], xs[c + 1]):
                akar[r][c] = akar[r - 1][c]
            elif c and not ada_tegak(xs[c], ys[r], ys[r + 1]):
                akar[r][c] = akar[r][c - 1]
    isi: dict[tuple[int, int], list[Any]] = {}
    for k in kata:
        x, y = _tengah(k)
        r = min(max(bisect_right(ys, y) - 1, 0), nr - 1)
        c = min(max(bisect_right(xs, x) - 1, 0), nc - 1)
        isi.setdefault(akar[r][c], []).append(k)
    hasil: list[list[str | None]] = []
    for r in range(nr):
        sel = [_baris_sel(isi.get((r, c), [])) if akar[r][c] == (r, c) else None for c in range(nc)]
        hasil.extend(_pecah_baris(sel))
    return hasil


_Baris = list[Any]  # the words of one line of a cell


def _baris_sel(kata: list[Any]) -> list[_Baris]:
    """A cell's words in lines, top to bottom (a word whose middle is above the line's bottom joins it)."""
    baris: list[_Baris] = []
    for k in sorted(kata, key=lambda k: (k.top, k.x0)):
        tengah = (k.top + k.bottom) / 2
        if baris and tengah < max(b.bottom for b in baris[-1]):
            baris[-1].append(k)
        else:
            baris.append([k])
    return [sorted(b, key=lambda k: k.x0) for b in baris]


def _teks(baris: list[_Baris]) -> str:
    """Lines joined by "\\n", words by a space; a bullet OCR read as a letter ("e", "»") dropped."""
    return "\n".join(_BUTIR.sub("", " ".join(k.teks for k in b)) for b in baris)


_BUTIR = re.compile(r"^(?:[e»«•°*+]|o)\s+(?=[A-Z0-9])")


def _atas(b: _Baris) -> float:
    return float(min(k.top for k in b))


def _pecah_baris(sel: list[list[_Baris] | None]) -> list[list[str | None]]:
    """A table row whose cells stack several items without ruling lines between them — a target cell
    whose lines stand apart (blank lines between), each beside the first line of its indikator — split
    into one row per item. The guide is a cell of two or more lines standing apart (`_terpisah`); a
    cell is split where it has a line beside each of the guide's lines (all but one at
    most), else it stays whole in the first row (a sasaran beside its indikator)."""
    teks_utuh: list[str | None] = [None if b is None else _teks(b) for b in sel]
    jarak = [_atas(b) - _atas(a) for baris in sel if baris for a, b in pairwise(baris)]
    if not jarak:
        return [teks_utuh]
    pemandu = next((b for b in sel if b is not None and _terpisah(b, min(jarak))), None)
    if pemandu is None:
        return [teks_utuh]
    tinggi = statistics.median(max(k.bottom for k in b) - _atas(b) for b in pemandu)
    batas = [_atas(b) - tinggi / 2 for b in pemandu[1:]]  # where each item after the first begins
    keluar: list[list[str | None]] = [list(teks_utuh)] + [
        [None if b is None else "" for b in sel] for _ in batas
    ]
    for c, baris in enumerate(sel):
        if baris is None or not _sejajar(baris, batas, tinggi):
            continue
        bagian: list[list[_Baris]] = [[] for _ in range(len(batas) + 1)]
        for b in baris:
            bagian[bisect_right(batas, _atas(b))].append(b)
        for i, isi in enumerate(bagian):
            keluar[i][c] = _teks(isi)
    return [r for r in keluar if any(r)]


def _terpisah(baris: list[_Baris], jarak: float) -> bool:
    """Two or more lines, each at least 1,6 line pitches (`jarak`, the row's closest lines) below the one
    above — blank lines between: a stack of short items, not a wrapped text."""
    return len(baris) >= 2 and all(_atas(b) - _atas(a) >= 1.6 * jarak for a, b in pairwise(baris))


def _sejajar(baris: list[_Baris], batas: list[float], tinggi: float) -> bool:
    """Whether the cell has a line starting beside the guide's lines (all, or all but one)."""
    dekat = sum(1 for y in batas if any(abs(_atas(b) - (y + tinggi / 2)) <= tinggi * 0.6 for b in baris))
    return dekat >= max(1, len(batas) - 1)

"""The pohon kinerja as PDF (Typst, kinerja/documents/typst/pohon.typ) and as XLSX (openpyxl).

Both walk the tree depth first (`cascading.baris_pohon`) and then list the sasaran that no link places
("belum tertaut"). Text is data, never markup or formulas:
- the PDF's main source passes everything as one JSON string (`json(bytes("…"))`, as the PK's PDF in
  kinerja/documents/pdf.py does), so "#", "$", "*", "[", "<" or "\\" print as they are;
- every text cell of the XLSX is typed as a string, so "=1+1" or "#N/A" stay text, and one starting
  with "=", "+", "-", "@", a tab or a CR also carries Excel's quote prefix, so it stays text when it is
  edited; characters a worksheet (XML 1.0) cannot hold are dropped.

Speed, 500 PKs × 2 sasaran × 5 indikator (1 000 nodes, 5 000 indikator, 146 pages) on a slow 2-core
machine: the PDF in 1,0-1,7 s with a new compiler (fonts loaded), 1,4 s for another tree with a warm
one, 0,2-0,3 s when the nodes are those of a tree laid out before (Typst memoises each node); the XLSX
in 0,7-1,2 s (a write-only workbook: cells streamed, each alignment's style made once and copied).
The PDF's outline is flat (a node drawn at its depth), so neither size nor depth recurses.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Iterator
from copy import copy
from typing import cast

from kinerja.agreements.models import Status, Tingkat
from kinerja.agreements.pohon import HasilPohon
from kinerja.domain.cascading import PKJenjang, Pohon, Simpul, baris_pohon
from kinerja.domain.teks_keluaran import isi_sel, satu_baris, string_typst, teks_pdf

# The deepest indent written: 15 levels, the most Excel's cell format offers (deeper nodes stay there;
# their depth is in the first column).
_INDENT_MAKS = 15


_TINGKAT = dict(Tingkat.choices)  # lazy labels: read in the active language when written
_STATUS = dict(Status.choices)


def _tingkat(tingkat: str) -> str:
    return str(_TINGKAT.get(tingkat, tingkat))


def _status(pk: PKJenjang) -> str:
    """The PK's status when it is not published (a unit's own draft), else ""."""
    if not pk.status or pk.status == Status.DITERBITKAN:
        return ""
    return str(_STATUS.get(pk.status, pk.status))


def judul(hasil: HasilPohon) -> str:
    return f"Pohon Kinerja {satu_baris(hasil.pemda.nama)} Tahun {hasil.tahun}"


def _ringkasan(hasil: HasilPohon) -> str:
    """ "12 perjanjian kinerja; 40 sasaran dalam pohon; 2 sasaran belum tertaut (dan 3 di bawahnya)"."""
    t = hasil.pohon
    teks = f"{hasil.jumlah_pk} perjanjian kinerja; {sum(s.jumlah for s in t.akar)} sasaran dalam pohon"
    lepas = sum(len(d) for _, d in t.lepas)
    if lepas:
        bawah = sum(s.jumlah for _, d in t.lepas for s in d) - lepas
        teks += f"; {lepas} sasaran belum tertaut" + (f" (dan {bawah} di bawahnya)" if bawah else "")
    return teks


def _baris(akar: Pohon | list[Simpul]) -> Iterator[tuple[int, str, Simpul, Simpul | None]]:
    """Every node of a tree (or of a list of subtrees) depth first, with its depth, its outline number
    ("1.2.1") and its parent node."""
    jalur: list[Simpul] = []
    nomor: list[int] = []
    for kedalaman, s in baris_pohon(akar):
        del jalur[kedalaman:]
        del nomor[kedalaman + 1 :]
        if len(nomor) == kedalaman + 1:
            nomor[kedalaman] += 1
        else:
            nomor.append(1)
        yield kedalaman, ".".join(map(str, nomor)), s, jalur[-1] if jalur else None
        jalur.append(s)


def nama_berkas(hasil: HasilPohon, format: str) -> str:
    """ "Pohon-Kinerja-2024-Kabupaten-Gowa.pdf": ASCII letters, digits, "-" and "." only."""
    ascii_ = unicodedata.normalize("NFKD", f"Pohon Kinerja {hasil.tahun} {hasil.pemda.nama}")
    ascii_ = ascii_.encode("ascii", "ignore").decode()
    dasar = re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9.-]", "", re.sub(r"\s+", "-", ascii_))).strip("-.")
    akhiran = re.sub(r"[^A-Za-z0-9]", "", format).lower()
    return f"{dasar or 'Pohon-Kinerja'}.{akhiran}" if akhiran else dasar or "Pohon-Kinerja"


# ---------------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------------

_KOLOM_POHON = (
    ("Tingkat pohon", 8),
    ("Unit", 28),
    ("Pejabat", 24),
    ("Tingkat sasaran", 17),
    ("Sasaran", 50),
    ("Indikator", 45),
    ("Target", 16),
    ("Mendukung", 40),
    ("Status", 13),
)
# The same, after the PK whose sasaran is not linked (the nodes below it may be of other PKs).
_KOLOM_LEPAS = (("Perjanjian kinerja", 36), *_KOLOM_POHON)


def render_xlsx(hasil: HasilPohon) -> bytes:
    """The tree as a spreadsheet: sheet "Pohon kinerja" (one row per indikator, the sasaran indented by
    its depth) and, when some sasaran are not linked, sheet "Belum tertaut"."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    buku = Workbook(write_only=True)
    tebal = Font(bold=True)
    isi_kepala = PatternFill("solid", fgColor="DDDDDD")
    rata_kepala = Alignment(horizontal="center", vertical="center", wrap_text=True)
    bungkus = Alignment(wrap_text=True, vertical="top")
    atas = Alignment(vertical="top")
    menjorok = [Alignment(wrap_text=True, vertical="top", indent=k) for k in range(_INDENT_MAKS + 1)]

    # The style array of each alignment, made once and copied to every cell that uses it: setting
    # `alignment` cell by cell costs a lookup in the workbook's styles each time, which was most of
    # the time of 5 000 rows. Style ids belong to the workbook, so any of its sheets makes them.
    gaya: dict[int, object] = {}

    def sel(ws, nilai: object, rata: Alignment | None = bungkus):
        """A cell; text is always a string (never a formula or an error code)."""
        c = isi_sel(WriteOnlyCell(ws), nilai)
        if rata is not None:
            if c.has_style:  # quotePrefix
                c.alignment = rata
            else:
                if id(rata) not in gaya:
                    contoh = WriteOnlyCell(ws)
                    contoh.alignment = rata
                    gaya[id(rata)] = contoh._style
                c._style = copy(gaya[id(rata)])
        return c

    def lembar(nama: str, judul_lembar: str, kolom: tuple[tuple[str, int], ...]):
        ws = buku.create_sheet(nama)
        for i, (_, lebar) in enumerate(kolom, start=1):
            ws.column_dimensions[get_column_letter(i)].width = lebar
        ws.freeze_panes = "A4"
        ws.print_title_rows = "3:3"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        t = sel(ws, judul_lembar, None)
        t.font = Font(bold=True, size=13)
        ws.append([t])
        ws.append([sel(ws, _ringkasan(hasil), None)])
        kepala = []
        for teks, _ in kolom:
            c = sel(ws, teks, rata_kepala)
            c.font, c.fill = tebal, isi_kepala
            kepala.append(c)
        ws.append(kepala)
        return ws

    def baris(ws, akar: Pohon | list[Simpul], awal: tuple = ()) -> int:
        """One row per indikator of every node (one for a sasaran without any); the row count."""
        n = 0
        for kedalaman, _, s, induk in _baris(akar):
            pk, sasaran = s.pk, s.sasaran
            mendukung = induk.sasaran.uraian if induk is not None else ""
            for i in sasaran.indikator or (None,):
                ws.append(
                    [
                        *(sel(ws, x) for x in awal),
                        sel(ws, kedalaman + 1, atas),
                        sel(ws, pk.unit),
                        sel(ws, pk.pihak),
                        sel(ws, _tingkat(sasaran.tingkat)),
                        sel(ws, sasaran.uraian, menjorok[min(kedalaman, _INDENT_MAKS)]),
                        sel(ws, i.uraian if i else None),
                        sel(ws, i.target.teks if i else None),
                        sel(ws, mendukung),
                        sel(ws, _status(pk)),
                    ]
                )
                n += 1
        return n

    ws = lembar("Pohon kinerja", judul(hasil), _KOLOM_POHON)
    n = baris(ws, hasil.pohon)
    ws.auto_filter.ref = f"A3:{get_column_letter(len(_KOLOM_POHON))}{n + 3}"

    if hasil.pohon.lepas:
        ws = lembar("Belum tertaut", "Sasaran yang belum tertaut — " + judul(hasil), _KOLOM_LEPAS)
        n = sum(baris(ws, daftar, (pk.label,)) for pk, daftar in hasil.pohon.lepas)
        ws.auto_filter.ref = f"A3:{get_column_letter(len(_KOLOM_LEPAS))}{n + 3}"

    out = io.BytesIO()
    buku.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------

TEMPLATE = "pohon.typ"  # in kinerja/documents/typst, the root of kinerja.documents.pdf's compiler


def _kepala(pk: PKJenjang, tingkat: str) -> str:
    """ "Kecamatan Bajeng · Camat Bajeng · Sasaran Program"."""
    bagian = [teks_pdf(pk.unit), teks_pdf(pk.pihak), _tingkat(tingkat)]
    return " · ".join(b for b in bagian if b)


def _simpul_pdf(akar: Pohon | list[Simpul], *, bernomor: bool) -> list[dict]:
    return [
        {
            "d": kedalaman,
            "n": nomor if bernomor else "",
            "k": _kepala(s.pk, s.sasaran.tingkat),
            "st": _status(s.pk),
            "u": teks_pdf(s.sasaran.uraian),
            "i": [
                [
                    teks_pdf(i.uraian),
                    teks_pdf(i.target.teks),
                    teks_pdf(s.mendukung_indikator.get(i.id, "")),
                ]
                for i in s.sasaran.indikator
            ],
        }
        for kedalaman, nomor, s, _ in _baris(akar)
    ]


def data_pdf(hasil: HasilPohon) -> dict:
    """What pohon.typ lays out. Nodes are flat lists with their depth (the template draws the depth
    with lines, no recursion, so a tree of any depth lays out); short keys keep a big tree's JSON small:
    `d` depth, `n` outline number ("1.2"; none for the subtrees not linked), `k` the head line, `st` the
    status, `u` the uraian, `i` the indikator as [uraian, target, the parent indikator it supports or ""].
    `lepas`: per PK with sasaran not linked, its label and those sasaran with what hangs below them."""
    return {
        "judul": judul(hasil),
        "ringkasan": _ringkasan(hasil),
        "simpul": _simpul_pdf(hasil.pohon, bernomor=True),
        "lepas": [
            {"pk": teks_pdf(pk.label), "simpul": _simpul_pdf(daftar, bernomor=False)}
            for pk, daftar in hasil.pohon.lepas
        ],
    }


def sumber(hasil: HasilPohon) -> bytes:
    """The main source: pohon.typ's `dokumen` called with the data as a JSON string."""

    data = json.dumps(data_pdf(hasil), ensure_ascii=False, separators=(",", ":"))
    return f'#import "{TEMPLATE}": dokumen\n#dokumen(json(bytes({string_typst(data)})))\n'.encode()


def render_pdf(hasil: HasilPohon) -> bytes:
    """The tree as an A4 landscape PDF: an indented outline, then the sasaran not linked."""
    from kinerja.documents.pdf import PDF_TAGS, RenderError, _compiler

    try:
        return cast(bytes, _compiler().compile(input=sumber(hasil), pdf_tags=PDF_TAGS))
    except RuntimeError as err:  # typst.TypstError
        raise RenderError(f"PDF pohon kinerja tidak dapat dibuat: {err}") from err

"""The pohon kinerja as PDF (Typst, kinerja/documents/typst/pohon.typ) and as XLSX (openpyxl).

Both walk the tree depth first (`cascading.baris_pohon`) and then list the sasaran that no link places
("belum tertaut"). Text is data, never markup or formulas:
- the PDF's main source passes everything as one JSON string (`json(bytes("…"))`, as the PK's PDF in
  kinerja/documents/pdf.py does), so "#", "$", "*", "[", "<" or "\\" print as they are;
- every text cell of the XLSX is typed as a string, so "=1+1" or "#N/A" stay text, and one starting
  with "=", "+", "-", "@", a tab or a CR also carries Excel's quote prefix, so it stays text when it is
  edited; characters a worksheet (XML 1.0) cannot hold are dropped.

Speed, 500 PKs × 2 sasaran × 5 indikator (1 000 nodes, 5 000 rows) on a 2-core machine: about
1,7 s for the PDF (about 0,9 s once the compiler has laid out the same tree) and 0,5 s for the
XLSX (write-only workbook: cells streamed, one shared style per kind of cell).
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import cast

from kinerja.agreements.models import Status, Tingkat
from kinerja.agreements.pohon import HasilPohon
from kinerja.domain.cascading import PKJenjang, Simpul, baris_pohon

MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What neither a worksheet (XML 1.0; openpyxl's ILLEGAL_CHARACTERS_RE and more) nor a UTF-8 encoder
# takes: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF.
_TIDAK_SAH = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A text cell starting with one of these would be read as a formula when typed or imported.
_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
# Excel's indent stops at 15 levels (openpyxl would write more, Excel would reject the file).
_INDENT_MAKS = 15


def _bersih(teks: object) -> str:
    """Text with the characters a worksheet or UTF-8 cannot hold removed."""
    return _TIDAK_SAH.sub("", str(teks or ""))


def _satu_baris(teks: object) -> str:
    """Clean text on one line (runs of whitespace, line breaks included, become one space)."""
    return " ".join(_bersih(teks).split())


def _tingkat(tingkat: str) -> str:
    return str(dict(Tingkat.choices).get(tingkat, tingkat))


def _status(pk: PKJenjang) -> str:
    """The PK's status when it is not published (a unit's own draft), else ""."""
    if not pk.status or pk.status == Status.DITERBITKAN:
        return ""
    return str(dict(Status.choices).get(pk.status, pk.status))


def judul(hasil: HasilPohon) -> str:
    return f"Pohon Kinerja {_satu_baris(hasil.pemda.nama)} Tahun {hasil.tahun}"


def _ringkasan(hasil: HasilPohon) -> str:
    lepas = sum(len(d) for _, d in hasil.pohon.lepas)
    teks = f"{hasil.jumlah_pk} perjanjian kinerja; {hasil.pohon.jumlah_simpul} sasaran dalam pohon"
    return teks + (f"; {lepas} sasaran belum tertaut" if lepas else "")


def _baris(hasil: HasilPohon) -> Iterator[tuple[int, str, Simpul, Simpul | None]]:
    """Every node depth first with its depth, its outline number ("1.2.1") and its parent node."""
    jalur: list[Simpul] = []
    nomor: list[int] = []
    for kedalaman, s in baris_pohon(hasil.pohon):
        del jalur[kedalaman:]
        if len(nomor) > kedalaman + 1:
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
_KOLOM_LEPAS = (
    ("Perjanjian kinerja", 40),
    ("Tingkat sasaran", 17),
    ("Sasaran", 50),
    ("Indikator", 45),
    ("Target", 16),
    ("Status", 13),
)


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

    def sel(ws, nilai: object, rata: Alignment | None = bungkus):
        """A cell; text is always a string (never a formula or an error code)."""
        if isinstance(nilai, str) or nilai is None:
            teks = _bersih(nilai)
            c = WriteOnlyCell(ws, value=teks or None)
            if teks:
                c.data_type = "s"
                if teks.startswith(_AWAL_RUMUS):
                    c.quotePrefix = True
        else:
            c = WriteOnlyCell(ws, value=nilai)
        if rata is not None:
            c.alignment = rata
        return c

    def lembar(nama: str, judul_lembar: str, kolom: tuple[tuple[str, int], ...]):
        ws = buku.create_sheet(nama)
        for i, (_, lebar) in enumerate(kolom, start=1):
            ws.column_dimensions[get_column_letter(i)].width = lebar
        ws.freeze_panes = "A4"
        ws.print_title_rows = "3:3"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
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

    # -- Pohon kinerja ---------------------------------------------------------------------------
    ws = lembar("Pohon kinerja", judul(hasil), _KOLOM_POHON)
    n = 3
    for kedalaman, _, s, induk in _baris(hasil):
        pk, sasaran = s.pk, s.sasaran
        mendukung = induk.sasaran.uraian if induk is not None else ""
        indikator = sasaran.indikator or (None,)
        for i in indikator:
            ws.append(
                [
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
    ws.auto_filter.ref = f"A3:{get_column_letter(len(_KOLOM_POHON))}{n}"

    # -- Belum tertaut ---------------------------------------------------------------------------
    if hasil.pohon.lepas:
        ws = lembar("Belum tertaut", "Sasaran yang belum tertaut — " + judul(hasil), _KOLOM_LEPAS)
        n = 3
        for pk, daftar in hasil.pohon.lepas:
            for sasaran in daftar:
                for i in sasaran.indikator or (None,):
                    ws.append(
                        [
                            sel(ws, pk.label),
                            sel(ws, _tingkat(sasaran.tingkat)),
                            sel(ws, sasaran.uraian),
                            sel(ws, i.uraian if i else None),
                            sel(ws, i.target.teks if i else None),
                            sel(ws, _status(pk)),
                        ]
                    )
                    n += 1
        ws.auto_filter.ref = f"A3:{get_column_letter(len(_KOLOM_LEPAS))}{n}"

    out = io.BytesIO()
    buku.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------

TEMPLATE = "pohon.typ"  # in kinerja/documents/typst, the root of kinerja.documents.pdf's compiler


def _kepala(pk: PKJenjang, tingkat: str) -> str:
    """ "Kecamatan Bajeng · Camat Bajeng · Sasaran Program"."""
    bagian = [_satu_baris(pk.unit), _satu_baris(pk.pihak), _tingkat(tingkat)]
    return " · ".join(b for b in bagian if b)


def data_pdf(hasil: HasilPohon) -> dict:
    """What pohon.typ lays out. Nodes are a flat list with their depth (the template draws the depth
    with lines, no recursion, so a tree of any depth lays out); short keys keep a big tree's JSON small:
    `d` depth, `n` outline number, `k` the head line, `st` status, `u` uraian, `i` the indikator as
    [uraian, target, the parent indikator it supports or ""]."""
    simpul = [
        {
            "d": kedalaman,
            "n": nomor,
            "k": _kepala(s.pk, s.sasaran.tingkat),
            "st": _status(s.pk),
            "u": _satu_baris(s.sasaran.uraian),
            "i": [
                [
                    _satu_baris(i.uraian),
                    _satu_baris(i.target.teks),
                    _satu_baris(s.mendukung_indikator.get(i.id, "")),
                ]
                for i in s.sasaran.indikator
            ],
        }
        for kedalaman, nomor, s, _ in _baris(hasil)
    ]
    lepas = [
        {
            "pk": _satu_baris(pk.label),
            "st": _status(pk),
            "s": [
                {
                    "t": _tingkat(sasaran.tingkat),
                    "u": _satu_baris(sasaran.uraian),
                    "i": [[_satu_baris(i.uraian), _satu_baris(i.target.teks)] for i in sasaran.indikator],
                }
                for sasaran in daftar
            ],
        }
        for pk, daftar in hasil.pohon.lepas
    ]
    return {"judul": judul(hasil), "ringkasan": _ringkasan(hasil), "simpul": simpul, "lepas": lepas}


def sumber(hasil: HasilPohon) -> bytes:
    """The main source: pohon.typ's `dokumen` called with the data as a JSON string."""
    from kinerja.documents.pdf import _string_typst

    data = json.dumps(data_pdf(hasil), ensure_ascii=False, separators=(",", ":"))
    return f'#import "{TEMPLATE}": dokumen\n#dokumen(json(bytes({_string_typst(data)})))\n'.encode()


def render_pdf(hasil: HasilPohon) -> bytes:
    """The tree as an A4 landscape PDF: an indented outline, then the sasaran not linked."""
    from kinerja.documents.pdf import PDF_TAGS, RenderError, _compiler

    try:
        return cast(bytes, _compiler().compile(input=sumber(hasil), pdf_tags=PDF_TAGS))
    except RuntimeError as err:  # typst.TypstError
        raise RenderError(f"PDF pohon kinerja tidak dapat dibuat: {err}") from err

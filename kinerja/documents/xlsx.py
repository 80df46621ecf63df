"""The PK's tables as XLSX through openpyxl: numbers stay numbers, shown with number formats.

Sheets: "Tabel Kinerja" (one row per indicator: level, sasaran, indicator, the target as printed
and its value, satuan and predikat apart), "Program" (anggaran and TOTAL), "Penjelasan" and
"Baseline". A number format code is stored locale-independently ("#,##0.00": comma groups, point
decimals) and the spreadsheet program shows it with the reader's separators — on an Indonesian
system "1.521.097.505,00" (ECMA-376, numFmt). Writing "#.##0,00" would not give Indonesian
separators: it would mean a decimal point and a thousands scaling. The values are Decimals written
as numbers; nothing numeric is stored as text.
"""

from __future__ import annotations

import io
from decimal import Decimal

from kinerja.documents.contexts import DokumenPK
from kinerja.domain.teks_keluaran import isi_sel

FORMAT_RUPIAH = '"Rp"#,##0.00'
FORMAT_BULAT = "#,##0"
FORMAT_PERSEN = "0.00%"


def _format_nilai(nilai: Decimal) -> str:
    """The number format that shows a value with as many decimals as it has (84,00 keeps two)."""
    eksponen = nilai.as_tuple().exponent
    desimal = -eksponen if isinstance(eksponen, int) and eksponen < 0 else 0
    if desimal == 0:
        return FORMAT_BULAT
    return "#,##0." + "0" * desimal


def _tambah(ws, nilai: list) -> None:
    """Append a row whose text stays text: an indikator or a name starting with "=" is no formula, and
    characters a worksheet cannot hold are dropped (kinerja.domain.teks_keluaran.isi_sel)."""
    ws.append([None] * len(nilai))
    for i, v in enumerate(nilai, start=1):
        isi_sel(ws.cell(row=ws.max_row, column=i), v)


def _angka(nilai: Decimal | None) -> int | float | None:
    """A Decimal as the number openpyxl writes (XLSX stores IEEE doubles); None stays empty."""
    if nilai is None:
        return None
    return int(nilai) if nilai == nilai.to_integral_value() and abs(nilai) < 2**53 else float(nilai)


def render_xlsx(dok: DokumenPK) -> bytes:
    """The XLSX bytes of a PK's tables."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    tipis = Side(style="thin")
    garis = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
    tebal = Font(bold=True)
    kepala_isi = PatternFill("solid", fgColor="DDDDDD")
    bungkus = Alignment(wrap_text=True, vertical="top")

    def lembar(ws, judul: str, kolom: list[tuple[str, float]]) -> int:
        """Title lines, then the header row; returns the header's row number."""
        if dok.tanda_air:
            # A PK that is not published says so above every sheet, and on every printed page.
            _tambah(ws, [f"{dok.tanda_air} — belum diterbitkan; tidak berlaku sebagai Perjanjian Kinerja"])
            ws["A1"].font = Font(bold=True, size=14, color="B00000")
            ws.oddHeader.center.text = dok.tanda_air
        awal = ws.max_row + 1 if dok.tanda_air else 1
        _tambah(ws, [dok.judul])
        _tambah(ws, [" ".join(x for x in (dok.unit, dok.pemerintah) if x)])
        _tambah(ws, [judul])
        ws.cell(row=awal, column=1).font = Font(bold=True, size=12)
        ws.cell(row=awal + 2, column=1).font = tebal
        ws.append([])
        _tambah(ws, [k for k, _ in kolom])
        baris = ws.max_row
        for i, (_, lebar) in enumerate(kolom, start=1):
            sel = ws.cell(row=baris, column=i)
            sel.font, sel.fill, sel.border = tebal, kepala_isi, garis
            sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.column_dimensions[get_column_letter(i)].width = lebar
        ws.freeze_panes = f"A{baris + 1}"
        return baris

    def isi(ws, nilai: list, formats: dict[int, str] | None = None) -> None:
        _tambah(ws, nilai)
        baris = ws.max_row
        for i in range(1, len(nilai) + 1):
            sel = ws.cell(row=baris, column=i)
            sel.border = garis
            sel.alignment = bungkus
            if formats and i in formats:
                sel.number_format = formats[i]

    # -- Tabel Kinerja --------------------------------------------------------------------------
    ws = wb.active
    ws.title = "Tabel Kinerja"
    kepala = lembar(
        ws,
        "TABEL KINERJA TAHUN " + str(dok.tahun or ""),
        [
            ("NO", 6),
            ("TINGKAT", 18),
            ("SASARAN", 45),
            ("INDIKATOR KINERJA", 45),
            ("TARGET", 18),
            ("NILAI TARGET", 14),
            ("SATUAN", 14),
            ("PREDIKAT", 12),
        ],
    )
    for k in dok.kelompok:
        for s in k.sasaran:
            for b in s.baris:
                t = b.target
                nilai = t.nilai if t is not None else None
                isi(
                    ws,
                    [
                        s.nomor,
                        k.judul,
                        s.uraian,
                        b.indikator,
                        t.teks if t else None,
                        _angka(nilai),
                        (t.satuan or None) if t else None,
                        (t.predikat or None) if t else None,
                    ],
                    {6: _format_nilai(nilai)} if nilai is not None else None,
                )
    ws.auto_filter.ref = f"A{kepala}:H{max(ws.max_row, kepala)}"

    # -- Program ---------------------------------------------------------------------------------
    ws = wb.create_sheet("Program")
    kepala = lembar(ws, "PROGRAM DAN ANGGARAN", [("NO", 6), ("PROGRAM", 60), ("ANGGARAN (Rp)", 22)])
    for p in dok.program:
        isi(ws, [p.nomor, p.nama, _angka(p.anggaran_nilai)], {3: FORMAT_RUPIAH})
    isi(ws, [None, "TOTAL", _angka(dok.total_anggaran_nilai)], {3: FORMAT_RUPIAH})
    for sel in ws[ws.max_row]:
        sel.font = tebal
    if dok.terbilang:
        _tambah(ws, [None, "Terbilang: " + dok.terbilang])
        ws.cell(row=ws.max_row, column=2).font = Font(italic=True)

    # -- Penjelasan ------------------------------------------------------------------------------
    ws = wb.create_sheet("Penjelasan")
    lembar(
        ws,
        "PENJELASAN KINERJA",
        [
            ("NO", 6),
            ("INDIKATOR KINERJA", 35),
            ("URAIAN SASARAN", 50),
            ("DASAR HUKUM", 50),
            ("RELEVANSI", 40),
            ("FORMULASI", 30),
            ("SUMBER DATA", 20),
            ("TARGET", 16),
            ("PENJELASAN TARGET", 50),
        ],
    )
    for p in dok.penjelasan:
        isi(
            ws,
            [
                p.nomor,
                p.indikator,
                p.uraian_sasaran or None,
                "\n".join(f"{i}. {h}" for i, h in enumerate(p.dasar_hukum, start=1)) or None,
                p.relevansi or None,
                p.formulasi or None,
                p.sumber_data or None,
                p.target or None,
                p.penjelasan_target or None,
            ],
        )

    # -- Baseline --------------------------------------------------------------------------------
    ws = wb.create_sheet("Baseline")
    lembar(
        ws,
        "CAPAIAN TAHUN SEBELUMNYA",
        [("INDIKATOR KINERJA", 40), ("TAHUN", 8), ("TARGET", 14), ("REALISASI", 14), ("CAPAIAN", 12)],
    )
    for p in dok.penjelasan:
        for b in p.baseline:
            formats = {
                i: _format_nilai(v) for i, v in ((3, b.target_nilai), (4, b.realisasi_nilai)) if v is not None
            }
            formats[5] = FORMAT_PERSEN
            capaian = None if b.capaian_nilai is None else b.capaian_nilai / 100
            isi(
                ws,
                [p.indikator, b.tahun, _angka(b.target_nilai), _angka(b.realisasi_nilai), _angka(capaian)],
                formats,
            )

    wb.properties.creator = "kinerja"
    wb.properties.title = f"{dok.judul} {dok.unit}".strip()
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()

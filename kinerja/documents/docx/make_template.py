#!/usr/bin/env python
"""Write kinerja/documents/docx/pk.docx, the Word template of the PK (docxtpl tags in a real document).

Run it again after changing this file: `.venv/bin/python kinerja/documents/docx/make_template.py`.
The template is plain Word: a user may open pk.docx, add a kop surat (letterhead) to the header of the
first page, change fonts or margins, keep the {{ … }} and {% … %} tags, and save it under another
name (docs/documents.md lists the fields). Tags follow docxtpl: `{%p …%}` stands for its whole
paragraph, `{%tr …%}` for its whole table row, `{% vm %}` merges a cell down the rows of its loop.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent / "pk.docx"
FONT = "Times New Roman"  # Kinerja Serif (Liberation Serif), used by the PDF, has the same metrics

PERNYATAAN = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang bersih, efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
JANJI = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang sesuai lampiran perjanjian kinerja ini. "
    "Setiap keberhasilan ataupun kegagalan dalam pencapaian target kinerja tersebut menjadi tanggung jawab "
    "pihak pertama."
)
ATASAN = (
    " Pihak kedua akan melakukan supervisi dan pendampingan yang diperlukan serta akan melakukan evaluasi "
    "terhadap capaian kinerja, juga akan mengambil tindakan yang diperlukan dalam rangka pemberian "
    "penghargaan dan sanksi kepada pihak pertama dalam mencapai target kinerja sesuai dengan perjanjian "
    "kinerja ini."
)


PT_4, PT_11 = Pt(4), Pt(11)


def _par(container, *runs, align=None, bold=False, italic=False, size=None, space_after=PT_4, keep=False):
    """A paragraph of runs; a run is a str or (str, {"bold": True, …})."""
    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = space_after
    p.paragraph_format.space_before = Pt(0)
    if keep:
        p.paragraph_format.keep_with_next = True
    for run in runs:
        text, fmt = (run, {}) if isinstance(run, str) else run
        r = p.add_run(text)
        r.bold = fmt.get("bold", bold) or None
        r.italic = fmt.get("italic", italic) or None
        r.underline = fmt.get("underline") or None
        if size or fmt.get("size"):
            r.font.size = fmt.get("size") or size
    return p


def _tag(container, tag: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}); it disappears when rendered."""
    p = container.add_paragraph()
    p.add_run(tag)
    return p


def _cell_par(cell, *runs, align=None, bold=False, first=True, size=PT_11):
    """Write into a table cell: its first (empty) paragraph, or a new one."""
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    for run in runs:
        r = p.add_run(run)
        r.bold = bold or None
        r.font.size = size
    return p


def _repeat_header(row) -> None:
    """Repeat this row at the top of every page the table runs onto (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _widths(table, *cm: float) -> None:
    """Column widths in the table grid (what Word and LibreOffice lay out by) and in every cell."""
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), cm, strict=False):
        col.set(qn("w:w"), str(Cm(w).twips))
    for row in table.rows:
        for cell, w in zip(row.cells, cm, strict=False):
            cell.width = Cm(w)


def _grid_table(doc, cols: int, widths: tuple[float, ...]):
    t = doc.add_table(rows=0, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t._widths = widths  # applied once all rows exist
    return t


def _row(table, *texts: str, bold=False, merge: int = 0, aligns=None):
    """Add a row; `merge` > 1 merges the first `merge` cells into one holding texts[0]."""
    row = table.add_row()
    cells = row.cells
    if merge > 1:
        cells[0].merge(cells[merge - 1])
        texts = (texts[0], *[""] * (merge - 1), *texts[1:])
    for i, (cell, text) in enumerate(zip(cells, texts, strict=False)):
        if merge > 1 and 0 < i < merge:
            continue
        align = aligns[i] if aligns else None
        _cell_par(cell, text, bold=bold, align=align)
    return row


def _tr(table, tag: str):
    """A row holding a docxtpl row tag ({%tr … %}) in its first cell; it disappears when rendered."""
    row = table.add_row()
    _cell_par(row.cells[0], tag)
    return row


def _pengesahan(doc, name: str) -> None:
    """Place, date and the two signature blocks of one part, in a borderless table."""
    p = f"dok.{name}"
    t = doc.add_table(rows=2, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in t.rows:
        _cant_split(row)
    _cell_par(t.rows[0].cells[1], f"{{{{ {p}.tempat_tanggal }}}}", align=WD_ALIGN_PARAGRAPH.CENTER, size=None)
    for cell, side in zip(t.rows[1].cells, ("kiri", "kanan"), strict=True):
        b = f"{p}.{side}"
        lines = [
            f"{{%p if {b} %}}",
            f"{{{{ {b}.peran }}}}",
            f"{{%p if {b}.jabatan %}}",
            f"{{{{ {b}.jabatan }}}}",
            "{%p endif %}",
            "",
            "",
            "",
            ("name", f"{{{{ {b}.nama }}}}"),
            f"{{%p if {b}.pangkat %}}",
            f"{{{{ {b}.pangkat }}}}",
            "{%p endif %}",
            f"{{%p if {b}.nip %}}",
            f"{{{{ {b}.nip }}}}",
            "{%p endif %}",
            "{%p endif %}",
        ]
        for i, line in enumerate(lines):
            para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.paragraph_format.space_after = Pt(0)
            if isinstance(line, tuple):
                r = para.add_run(line[1])
                r.bold = True
                r.underline = True
            else:
                para.add_run(line)
    _widths(t, 8.25, 8.25)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _footer_page_numbers(section) -> None:
    """ "Halaman X dari Y" with Word fields (PAGE, NUMPAGES), centred in the footer."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field(code: str) -> None:
        el = OxmlElement("w:fldSimple")
        el.set(qn("w:instr"), code)
        r = OxmlElement("w:r")
        r_pr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), "18")  # 9 pt, as the words around it
        r_pr.append(sz)
        r.append(r_pr)
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        el.append(r)
        p._p.append(el)

    p.add_run("Halaman ").font.size = Pt(9)
    field("PAGE")
    p.add_run(" dari ").font.size = Pt(9)
    field("NUMPAGES")


def build(out: Path = OUT) -> Path:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.font.size = Pt(12)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    # The header of the first page is where a kop surat goes; it starts empty.
    section.different_first_page_header_footer = False
    _footer_page_numbers(section)
    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY

    # -- statement ---------------------------------------------------------------------------------
    _par(doc, "{{ dok.judul }}", align=center, bold=True, space_after=Pt(0))
    _par(doc, "{{ dok.unit|upper }}", align=center, bold=True, space_after=Pt(12))
    _par(doc, PERNYATAAN, align=justify)
    for ke, kalimat in (
        ("pertama", [("Selanjutnya disebut "), ("Pihak Pertama", {"bold": True})]),
        (
            "kedua",
            [("selaku atasan pihak pertama, selanjutnya disebut "), ("Pihak Kedua", {"bold": True})],
        ),
    ):
        if ke == "kedua":
            _tag(doc, "{%p if dok.pihak_kedua %}")
        for label, field in (
            ("Nama", "nama"),
            ("Jabatan", "jabatan"),
            ("Pangkat/Golongan", "pangkat"),
            ("NIP", "nip"),
        ):
            if field != "nama":
                _tag(doc, f"{{%p if dok.pihak_{ke}.{field} %}}")
            p = _par(doc, label, "\t:\t", f"{{{{ dok.pihak_{ke}.{field} }}}}", space_after=Pt(2))
            p.paragraph_format.tab_stops.add_tab_stop(Cm(3.6))
            p.paragraph_format.tab_stops.add_tab_stop(Cm(4.1))
            if field != "nama":
                _tag(doc, "{%p endif %}")
        _par(doc, *kalimat, space_after=Pt(6))
        if ke == "kedua":
            _tag(doc, "{%p endif %}")
    _par(doc, JANJI + "{% if dok.pihak_kedua %}" + ATASAN + "{% endif %}", align=justify)
    _tag(doc, "{%p if dok.alasan_perubahan %}")
    _par(doc, "{{ dok.alasan_perubahan }}", align=justify)
    _tag(doc, "{%p endif %}")
    _pengesahan(doc, "pernyataan")

    # -- Lampiran 1 ---------------------------------------------------------------------------------
    _page_break(doc)
    for line in (
        "{{ dok.judul_lampiran_1 }}",
        "{{ dok.unit_judul }}",
        "TABEL KINERJA",
        "TAHUN {{ dok.tahun }}",
    ):
        _par(doc, line, align=center, bold=True, space_after=Pt(0))
    _par(doc, "", space_after=Pt(6))
    t = _grid_table(doc, 4, (1.2, 5.6, 5.6, 4.1))
    _repeat_header(_row(t, "NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", bold=True, aligns=[center] * 4))
    _repeat_header(_row(t, "(1)", "(2)", "(3)", "(4)", aligns=[center] * 4))
    _tr(t, "{%tr for k in dok.kelompok %}")
    _row(t, "{{ k.judul }}", bold=True, merge=4)
    _tr(t, "{%tr for s in k.sasaran %}")
    _tr(t, "{%tr for b in s.baris %}")
    _cant_split(
        _row(
            t,
            "{% vm %}{{ s.nomor }}",
            "{% vm %}{{ s.uraian }}",
            "{{ b.indikator }}",
            "{{ b.target.teks if b.target else '' }}",
            aligns=[center, None, None, center],
        )
    )
    _tr(t, "{%tr endfor %}")
    _tr(t, "{%tr endfor %}")
    _tr(t, "{%tr endfor %}")
    _widths(t, *t._widths)
    _par(doc, "", space_after=Pt(6))

    right = WD_ALIGN_PARAGRAPH.RIGHT
    t = _grid_table(doc, 3, (1.2, 11.3, 4.0))
    _repeat_header(_row(t, "NO", "PROGRAM", "ANGGARAN", bold=True, aligns=[center] * 3))
    _tr(t, "{%tr for p in dok.program %}")
    _cant_split(_row(t, "{{ p.nomor }}", "{{ p.nama }}", "{{ p.anggaran }}", aligns=[center, None, right]))
    _tr(t, "{%tr endfor %}")
    _row(t, "TOTAL", "{{ dok.total_anggaran }}", bold=True, merge=2, aligns=[None, right, right])
    _widths(t, *t._widths)
    _tag(doc, "{%p if dok.terbilang %}")
    _par(doc, "Terbilang: ", ("{{ dok.terbilang }}", {"italic": True}))
    _tag(doc, "{%p endif %}")
    _pengesahan(doc, "lampiran_1")

    # -- Lampiran 2 ---------------------------------------------------------------------------------
    _tag(doc, "{%p if dok.penjelasan %}")
    _page_break(doc)
    for line in (
        "{{ dok.judul_lampiran_2 }}",
        "{{ dok.jabatan_judul }}",
        "PENJELASAN KINERJA",
        "TAHUN {{ dok.tahun }}",
    ):
        _par(doc, line, align=center, bold=True, space_after=Pt(0))
    _tag(doc, "{%p for p in dok.penjelasan %}")
    _par(
        doc, "Penjelasan Kinerja {{ p.nomor }}", bold=True, keep=True, space_after=Pt(2)
    ).paragraph_format.space_before = Pt(12)
    _tag(doc, "{%p if p.uraian_sasaran %}")
    _par(doc, "Uraian Sasaran", bold=True, keep=True, space_after=Pt(2))
    _par(doc, "{{ p.uraian_sasaran }}", align=justify)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if p.dasar_hukum %}")
    _par(doc, "Dasar Hukum :", bold=True, keep=True, space_after=Pt(2))
    _tag(doc, "{%p for h in p.dasar_hukum %}")
    item = _par(doc, "{{ loop.index }}.\t{{ h }}", align=justify, space_after=Pt(2))
    item.paragraph_format.left_indent = Cm(0.6)
    item.paragraph_format.first_line_indent = Cm(-0.6)
    item.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _par(doc, "Indikator Kinerja", bold=True, keep=True, space_after=Pt(2))
    _par(
        doc,
        "Sasaran kinerja ini memiliki ",
        ("{{ p.jumlah_indikator }}", {"bold": True}),
        " indikator kinerja yang akan menggambarkan secara langsung ketercapaian/kondisi sasaran kinerja "
        "yang akan diwujudkan, antara lain :",
        align=justify,
    )
    t = _grid_table(doc, 5, (1.0, 3.5, 5.0, 4.0, 3.0))
    _repeat_header(_row(t, "NO", "URAIAN", "RELEVANSI", "FORMULASI", "SUMBER DATA", bold=True))
    _row(t, "1.", "{{ p.indikator }}", "{{ p.relevansi }}", "{{ p.formulasi }}", "{{ p.sumber_data }}")
    _widths(t, *t._widths)
    _par(doc, "Target Kinerja", bold=True, keep=True, space_after=Pt(2)).paragraph_format.space_before = Pt(6)
    _par(
        doc,
        "Dalam perjanjian kinerja ini, setiap indikator kinerja telah ditetapkan besaran target kinerja yang "
        "akan dicapai dengan penjelasan sebagai berikut :",
        align=justify,
    )
    t = _grid_table(doc, 3, (4.5, 3.0, 9.0))
    _repeat_header(_row(t, "INDIKATOR KINERJA", "TARGET", "PENJELASAN", bold=True))
    _row(t, "{{ p.indikator }}", "{{ p.target }}", "{{ p.penjelasan_target }}")
    _widths(t, *t._widths)
    _tag(doc, "{%p if p.baseline %}")
    _par(doc, "", space_after=Pt(0))
    t = _grid_table(doc, 4, (2.5, 4.6, 4.7, 4.7))
    _repeat_header(_row(t, "TAHUN", "TARGET", "REALISASI", "CAPAIAN", bold=True, aligns=[center] * 4))
    _tr(t, "{%tr for b in p.baseline %}")
    _row(
        t,
        "{{ b.tahun }}",
        "{{ b.target }}",
        "{{ b.realisasi }}",
        "{{ b.capaian }}",
        aligns=[center, right, right, right],
    )
    _tr(t, "{%tr endfor %}")
    _widths(t, *t._widths)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _pengesahan(doc, "lampiran_2")
    _tag(doc, "{%p endif %}")

    doc.core_properties.author = "kinerja"
    doc.core_properties.title = "Perjanjian Kinerja"
    doc.save(str(out))
    return out


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(path)

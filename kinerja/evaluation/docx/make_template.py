#!/usr/bin/env python
"""Write the Word template of the Laporan Hasil Evaluasi (docxtpl tags): lhe.docx, A4 portrait, in this
folder.

Run it again after changing this file: `.venv/bin/python kinerja/evaluation/docx/make_template.py`.
The template sees one variable, `d`: the context kinerja.evaluation.lhe.LHE as plain values (every
value already formatted). An Inspektorat may open it, put its own kop surat in place of the two
heading lines, change fonts, keep the {{ … }} / {% … %} tags and use its copy. `{%p …%}` stands for
its whole paragraph, `{%tr …%}` for its whole table row. The same content as the PDF
(kinerja/evaluation/typst/lhe.typ); the DRAF mark is the page header's.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FOLDER = Path(__file__).resolve().parent
FONT = "Times New Roman"
KANAN = WD_ALIGN_PARAGRAPH.RIGHT
TENGAH = WD_ALIGN_PARAGRAPH.CENTER
RATA = WD_ALIGN_PARAGRAPH.JUSTIFY
# What may follow w:pBdr in a w:pPr (ECMA-376 CT_PPrBase, the order python-docx keeps).
SETELAH_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
# Where a numbered item's text starts (its number hangs before it).
GANTUNG = Cm(0.75)

PP_8 = "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah;"
PERPRES_29 = (
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;"
)


def _par(doc, teks: str = "", *, bold=False, italic=False, align=None, size=None, kiri=None, gantung=None):
    """A paragraph; `kiri` its left indent, `gantung` the hanging indent of its first line (a number
    and a tab before the text)."""
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    f = p.paragraph_format
    f.space_after = Pt(4)
    if kiri is not None:
        f.left_indent = kiri
    if gantung is not None:
        f.first_line_indent = -gantung
        f.tab_stops.add_tab_stop(kiri or gantung)
    if teks:
        r = p.add_run(teks)
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)
    return p


def _butir(doc, nomor: str, teks: str, *, kiri=GANTUNG, bold=False, size=None):
    """A numbered item: "a.<tab>text", the text's lines aligned after the number."""
    return _par(doc, f"{nomor}\t{teks}", kiri=kiri, gantung=GANTUNG, bold=bold, align=RATA, size=size)


def _garis_bawah(p, *, tebal: int = 18) -> None:
    """A rule under a paragraph (the kop's line), in eighths of a point: a thick-thin double line."""
    pPr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    bawah.set(qn("w:val"), "thickThinSmallGap")
    bawah.set(qn("w:sz"), str(tebal))
    bawah.set(qn("w:space"), "1")
    bawah.set(qn("w:color"), "000000")
    bdr.append(bawah)
    # In the schema's order (Word refuses a pBdr after the spacing or the alignment).
    pPr.insert_element_before(bdr, *SETELAH_PBDR)


def _tulis(sel, teks: str, *, bold=False, align=None, size=10.5):
    p = sel.paragraphs[0]
    if align is not None:
        p.alignment = align
    r = p.add_run(teks)
    r.bold = bold or None
    r.font.size = Pt(size)
    return p


def _baris(
    t, sel: list[str], *, bold=False, align: list | None = None, gabung: tuple[int, int] | None = None
):
    cells = t.add_row().cells
    if gabung is not None:
        cells[gabung[0]].merge(cells[gabung[1]])
    for i, s in enumerate(sel):
        if s and (gabung is None or not (gabung[0] < i <= gabung[1])):
            _tulis(cells[i], s, bold=bold, align=align[i] if align else None)


def _tag(t, teks: str) -> None:
    """A row holding only a {%tr … %} tag (docxtpl removes it)."""
    t.add_row().cells[0].paragraphs[0].add_run(teks)


def lhe() -> None:
    doc = Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = FONT
    gaya.font.size = Pt(12)
    s = doc.sections[0]
    s.page_height, s.page_width = Cm(29.7), Cm(21.0)
    s.top_margin, s.bottom_margin = Cm(2), Cm(2.3)
    s.left_margin, s.right_margin = Cm(3), Cm(2)

    # The DRAF mark: in the page header, so on every page.
    kepala = s.header.paragraphs[0]
    kepala.alignment = KANAN
    r = kepala.add_run("{% if d.draf %}DRAF{% endif %}")
    r.bold = True
    r.font.size = Pt(20)
    r.font.color.rgb = RGBColor(0x99, 0x99, 0x99)

    # Kop
    _par(doc, "{{ d.pemda|upper }}", bold=True, align=TENGAH, size=14).paragraph_format.space_after = Pt(0)
    kop = _par(doc, "{{ d.inspektorat|upper }}", bold=True, align=TENGAH, size=16)
    _garis_bawah(kop)
    kop.paragraph_format.space_after = Pt(10)

    _par(doc, "{{ d.tempat_tanggal }}", align=KANAN)
    label = Cm(2.2)
    for nama, nilai, bold in (
        ("Nomor", "{{ d.nomor_surat }}", False),
        ("Lampiran", "–", False),
        (
            "Perihal",
            "Laporan Hasil Evaluasi Akuntabilitas Kinerja Instansi Pemerintah Tahun {{ d.tahun }} {{ d.unit }}",
            True,
        ),
    ):
        p = _par(doc, kiri=label + Cm(0.5), gantung=label + Cm(0.5))
        p.paragraph_format.tab_stops.add_tab_stop(label)
        p.paragraph_format.space_after = Pt(2)
        p.add_run(f"{nama}\t:\t")
        p.add_run(nilai).bold = bold or None
    _par(doc)
    _par(doc, "Yth. {{ d.kepada }}").paragraph_format.space_after = Pt(0)
    _par(doc, "di").paragraph_format.space_after = Pt(0)
    _par(doc, "Tempat", kiri=Cm(0.6))
    _par(doc)

    _par(doc, "A. PENDAHULUAN", bold=True)
    _butir(doc, "1.", "Dasar Hukum", bold=True)
    _par(doc, "Evaluasi ini dilaksanakan berdasarkan:", kiri=GANTUNG)
    for nomor, teks in (("a.", PP_8), ("b.", PERPRES_29), ("c.", "{{ d.peraturan }}.")):
        _butir(doc, nomor, teks, kiri=GANTUNG * 2)
    _butir(doc, "2.", "Tujuan", bold=True)
    _par(
        doc,
        "Evaluasi bertujuan untuk menilai tingkat akuntabilitas kinerja atau tingkat implementasi Sistem "
        "Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) pada {{ d.unit }} Tahun {{ d.tahun }}, serta "
        "memberikan saran perbaikan untuk meningkatkan akuntabilitas kinerja dan implementasi SAKIP.",
        kiri=GANTUNG,
        align=RATA,
    )
    _butir(doc, "3.", "Ruang Lingkup", bold=True)
    _par(
        doc,
        "Evaluasi meliputi penilaian terhadap komponen manajemen kinerja sebagaimana diatur dalam "
        "{{ d.peraturan }}{% if d.komponen %}, yaitu "
        "{% for k in d.komponen %}{{ k.komponen }}{% if not loop.last %}"
        "{% if loop.revindex == 2 %}{% if loop.length > 2 %},{% endif %} dan {% else %}, {% endif %}"
        "{% endif %}{% endfor %}{% endif %}. "
        "Penilaian dilakukan atas bukti dukung setiap kriteria pada Lembar Kerja Evaluasi (LKE).",
        kiri=GANTUNG,
        align=RATA,
    )

    _par(doc, "B. HASIL EVALUASI", bold=True)
    _par(
        doc,
        "Berdasarkan hasil evaluasi, {{ d.unit }} Tahun {{ d.tahun }} memperoleh nilai {{ d.nilai }} dengan "
        "predikat “{{ d.predikat }}” ({{ d.kategori }}).{% if d.nilai_lalu != '–' %} Pada evaluasi Tahun "
        "{{ d.tahun - 1 }}, {{ d.unit }} memperoleh nilai {{ d.nilai_lalu }}{% if d.predikat_lalu %} dengan "
        "predikat “{{ d.predikat_lalu }}”{% endif %}.{% endif %} Rincian nilai per komponen adalah sebagai "
        "berikut:",
        align=RATA,
    )
    t = doc.add_table(rows=0, cols=7)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    tengah = [TENGAH, None, KANAN, KANAN, KANAN, KANAN, TENGAH]
    _baris(
        t,
        [
            "No",
            "Komponen",
            "Bobot",
            "Nilai {{ d.tahun - 1 }}",
            "Nilai {{ d.tahun }}",
            "Persentase",
            "Predikat",
        ],
        bold=True,
        align=[TENGAH] * 7,
    )
    _tag(t, "{%tr for k in d.komponen %}")
    _baris(
        t,
        [
            "{{ k.nomor }}",
            "{{ k.komponen }}",
            "{{ k.bobot }}",
            "{{ k.nilai_lalu }}",
            "{{ k.nilai }}",
            "{{ k.persen }}",
            "{{ k.predikat }}",
        ],
        align=tengah,
    )
    _tag(t, "{%tr endfor %}")
    _baris(
        t,
        [
            "Nilai Akuntabilitas Kinerja",
            "",
            "{{ d.jumlah_bobot }}",
            "{{ d.nilai_lalu }}",
            "{{ d.nilai }}",
            "",
            "{{ d.predikat }}",
        ],
        bold=True,
        align=[TENGAH, None, KANAN, KANAN, KANAN, KANAN, TENGAH],
        gabung=(0, 1),
    )
    for kolom, cm in zip(t.columns, [1.0, 5.6, 1.6, 1.9, 1.9, 2.2, 1.8], strict=True):
        for c in kolom.cells:
            c.width = Cm(cm)

    _par(doc)
    _par(doc, "Catatan hasil evaluasi atas setiap komponen adalah sebagai berikut:")
    _par(doc, "{%p for c in d.catatan %}")
    _butir(doc, "{{ loop.index }}.", "{{ c.komponen }}", bold=True)
    _par(doc, "{{ c.catatan or 'Tidak ada catatan.' }}", kiri=GANTUNG, align=RATA)
    _par(doc, "{%p endfor %}")

    _par(doc, "C. REKOMENDASI", bold=True)
    _par(doc, "{%p if d.rekomendasi %}")
    _par(
        doc,
        "Untuk meningkatkan akuntabilitas kinerja, kami merekomendasikan kepada {{ d.kepada }} agar:",
        align=RATA,
    )
    _par(doc, "{%p for r in d.rekomendasi %}")
    p = _butir(doc, "{{ r.nomor }}.", "{{ r.teks }}")
    r = p.add_run("{% if r.komponen %} (Komponen {{ r.komponen }}){% endif %}")
    r.italic = True
    r.font.size = Pt(10)
    _par(doc, "{%p endfor %}")
    _par(doc, "{%p else %}")
    _par(doc, "Tidak ada rekomendasi.")
    _par(doc, "{%p endif %}")

    _par(
        doc,
        "Demikian laporan hasil evaluasi ini kami sampaikan. Kami menghargai upaya {{ d.unit }} dalam "
        "mengimplementasikan SAKIP dan mengharapkan rekomendasi di atas ditindaklanjuti. Atas perhatian dan "
        "kerja sama Saudara, kami ucapkan terima kasih.",
        align=RATA,
    )
    _par(doc)
    tanda = Cm(8)
    _par(doc, "{{ d.penandatangan_jabatan }},", align=TENGAH, kiri=tanda)
    for _ in range(3):
        _par(doc, kiri=tanda)
    nama = _par(doc, align=TENGAH, kiri=tanda)
    nama.paragraph_format.space_after = Pt(0)
    r = nama.add_run("{{ d.penandatangan_nama }}")
    r.bold = r.underline = True
    _par(
        doc, "{% if d.penandatangan_nip %}NIP. {{ d.penandatangan_nip }}{% endif %}", align=TENGAH, kiri=tanda
    )

    _par(doc, "{%p if d.tembusan %}")
    _par(doc)
    _par(doc, "Tembusan Yth.:", size=11).paragraph_format.space_after = Pt(2)
    _par(doc, "{%p for t in d.tembusan %}")
    _butir(doc, "{{ loop.index }}.", "{{ t }}", size=11).paragraph_format.space_after = Pt(0)
    _par(doc, "{%p endfor %}")
    _par(doc, "{%p endif %}")

    doc.core_properties.title = "Laporan Hasil Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"
    doc.core_properties.author = "kinerja"
    doc.save(FOLDER / "lhe.docx")


def main() -> None:
    lhe()


if __name__ == "__main__":
    main()

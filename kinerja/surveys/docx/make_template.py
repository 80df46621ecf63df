#!/usr/bin/env python
"""Write kinerja/surveys/docx/laporan.docx, the Word template of the SKM report (docxtpl tags).

Run it again after changing this file: `.venv/bin/python kinerja/surveys/docx/make_template.py`.
The template sees one variable, `d`: the context of kinerja.surveys.laporan.konteks_laporan (texts,
numbers already formatted). A unit may open laporan.docx, add its kop surat, change fonts, keep the
{{ … }} / {% … %} tags and use its copy. `{%p …%}` stands for its whole paragraph, `{%tr …%}` for its row.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent / "laporan.docx"
FONT = "Times New Roman"


def _par(doc, teks: str = "", *, bold=False, align=None, size=None):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(6)
    if teks:
        r = p.add_run(teks)
        r.bold = bold or None
        if size:
            r.font.size = size
    return p


def _bab(doc, judul: str, sub: str) -> None:
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    _par(doc, judul, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _par(doc, sub, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def _tabel(doc, kepala: list[str], sel: list[str], loop: str, akhir: list[str] | None = None):
    """A table: a header row, one looped row (`{%tr for … %}` rows around it) and an optional last row."""
    t = doc.add_table(rows=0, cols=len(kepala))
    t.style = "Table Grid"
    baris = t.add_row().cells
    for c, k in zip(baris, kepala, strict=True):
        c.paragraphs[0].add_run(k).bold = True
    t.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for x in {loop} %}}")
    isi = t.add_row().cells
    for c, s in zip(isi, sel, strict=True):
        c.paragraphs[0].add_run(s)
    t.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    if akhir:
        for c, s in zip(t.add_row().cells, akhir, strict=True):
            c.paragraphs[0].add_run(s).bold = True
    doc.add_paragraph()
    return t


def main() -> None:
    doc = Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = FONT
    gaya.font.size = Pt(12)
    for s in doc.sections:
        s.page_height, s.page_width = Cm(29.7), Cm(21.0)
        s.top_margin = s.bottom_margin = Cm(2.5)
        s.left_margin, s.right_margin = Cm(3), Cm(2.5)

    c = WD_ALIGN_PARAGRAPH.CENTER
    _par(doc, "LAPORAN", bold=True, align=c, size=Pt(16))
    _par(doc, "SURVEI KEPUASAN MASYARAKAT", bold=True, align=c, size=Pt(16))
    _par(doc, "{{ d.unit|upper }}", align=c, size=Pt(14))
    _par(doc, "{{ d.periode }}", align=c)
    _par(doc, "{{ d.tanggal }}", align=c)
    _par(doc, "{%p if d.sementara %}")
    _par(doc, "HASIL SEMENTARA — periode belum ditutup", bold=True, align=c)
    _par(doc, "{%p endif %}")
    _par(
        doc,
        "Indeks Kepuasan Masyarakat: {{ d.ikm }} (mutu {{ d.mutu }}, {{ d.kinerja }}); "
        "{{ d.responden }} responden",
        align=c,
        bold=True,
    )

    _bab(doc, "BAB I", "PENDAHULUAN")
    _par(doc, "A. Latar Belakang", bold=True)
    _par(doc, "{{ d.latar_belakang }}")
    _par(doc, "B. Dasar Hukum", bold=True)
    _par(doc, "{%p for x in d.dasar_hukum %}")
    _par(doc, "{{ loop.index }}. {{ x }}")
    _par(doc, "{%p endfor %}")
    _par(doc, "C. Maksud dan Tujuan", bold=True)
    _par(doc, "{{ d.maksud_tujuan }}")

    _bab(doc, "BAB II", "PENGUMPULAN DATA SKM")
    for judul, f in (
        ("A. Pelaksana SKM", "pelaksana"),
        ("B. Metode Pengumpulan Data", "metode"),
        ("C. Lokasi Pengumpulan Data", "lokasi"),
        ("D. Waktu Pelaksanaan", "waktu"),
    ):
        _par(doc, judul, bold=True)
        _par(doc, f"{{{{ d.{f} }}}}")
    _par(doc, "E. Penentuan Jumlah Responden", bold=True)
    _par(doc, "{%p if d.populasi %}")
    _par(
        doc,
        "Populasi pengguna layanan {{ d.populasi }} orang; sampel minimum menurut Krejcie–Morgan "
        "{{ d.minimum }} responden; responden terkumpul {{ d.responden }} orang "
        "({% if d.cukup %}cukup{% else %}belum cukup{% endif %}).",
    )
    _par(doc, "{%p else %}")
    _par(doc, "Jumlah responden yang terkumpul {{ d.responden }} orang.")
    _par(doc, "{%p endif %}")

    _bab(doc, "BAB III", "HASIL PENGOLAHAN DATA SKM")
    _par(doc, "A. Jumlah dan Profil Responden", bold=True)
    _par(doc, "Jumlah responden {{ d.responden }} orang, dengan profil sebagai berikut.")
    _par(doc, "{%p for t in d.profil %}")
    _par(doc, "{{ t.judul }}", bold=True)
    _tabel(
        doc,
        ["Kategori", "Jumlah", "%"],
        ["{{ x.label }}", "{{ x.n }}", "{{ x.persen }}"],
        "t.baris",
        ["Jumlah", "{{ t.jumlah }}", "100,00"],
    )
    _par(doc, "{%p endfor %}")
    _par(doc, "B. Indeks Kepuasan Masyarakat", bold=True)
    _tabel(
        doc,
        ["Kode", "Unsur", "NRR", "NRR tertimbang"],
        ["{{ x.kode }}", "{{ x.nama }}", "{{ x.nrr }}", "{{ x.nrr_tertimbang }}"],
        "d.unsur_kode",
        ["", "Nilai indeks / IKM (× 25)", "{{ d.nilai_interval }}", "{{ d.ikm }}"],
    )
    _par(
        doc,
        "Nilai IKM setelah dikonversi adalah {{ d.ikm }}, mutu pelayanan {{ d.mutu }}, kinerja unit "
        "pelayanan {{ d.kinerja }} ({{ d.regime }}; penimbang {{ d.penimbang }}).",
    )
    _par(doc, "{%p if d.layanan %}")
    _tabel(
        doc,
        ["Jenis layanan", "Responden", "IKM", "Mutu"],
        ["{{ x.nama }}", "{{ x.responden }}", "{{ x.ikm }}", "{{ x.mutu }}"],
        "d.layanan",
    )
    _par(doc, "{%p endif %}")

    _bab(doc, "BAB IV", "ANALISIS HASIL SKM")
    _par(doc, "A. Nilai per Unsur (terendah lebih dulu)", bold=True)
    _tabel(
        doc,
        ["No", "Unsur", "NRR", "Mutu"],
        ["{{ x.peringkat }}", "{{ x.kode }} {{ x.nama }}", "{{ x.nrr }}", "{{ x.mutu }}"],
        "d.unsur",
    )
    _par(doc, "{{ d.analisis }}")
    _par(doc, "B. Rencana Tindak Lanjut", bold=True)
    _par(doc, "{%p if d.tindak_lanjut %}")
    _tabel(
        doc,
        ["Unsur", "Kegiatan", "Penanggung jawab", "Target waktu", "Status"],
        [
            "{{ x.unsur }}",
            "{{ x.uraian }}",
            "{{ x.penanggung_jawab }}",
            "{{ x.target_waktu }}",
            "{{ x.status }}",
        ],
        "d.tindak_lanjut",
    )
    _par(doc, "{%p else %}")
    _par(doc, "Rencana tindak lanjut belum disusun.")
    _par(doc, "{%p endif %}")
    _par(doc, "C. Tren Nilai SKM", bold=True)
    _tabel(doc, ["Periode", "IKM", "Mutu"], ["{{ x.judul }}", "{{ x.ikm }}", "{{ x.mutu }}"], "d.tren")

    _bab(doc, "BAB V", "KESIMPULAN")
    _par(doc, "{{ d.kesimpulan }}")
    _par(doc)
    _par(doc, "{{ d.jabatan_penandatangan }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _par(doc)
    _par(doc)
    _par(doc, "{{ d.penandatangan or '(................................)' }}", align=WD_ALIGN_PARAGRAPH.RIGHT)

    _bab(doc, "LAMPIRAN", "KUESIONER DAN HASIL OLAH DATA")
    _par(doc, "Lampiran 1. Kuesioner", bold=True)
    _par(doc, "{%p for u in d.kuesioner %}")
    _par(
        doc,
        "{{ u.kode }} {{ u.nama }}. {{ u.pertanyaan }} (1) {{ u.label[0] }}; (2) {{ u.label[1] }}; "
        "(3) {{ u.label[2] }}; (4) {{ u.label[3] }}",
    )
    _par(doc, "{%p endfor %}")
    _par(doc, "Lampiran 2. Nilai per Unsur", bold=True)
    _tabel(
        doc,
        ["No", "Unsur", "NRR", "NRR tertimbang", "Konversi"],
        [
            "{{ x.peringkat }}",
            "{{ x.kode }} {{ x.nama }}",
            "{{ x.nrr }}",
            "{{ x.nrr_tertimbang }}",
            "{{ x.konversi }}",
        ],
        "d.unsur",
    )
    doc.core_properties.title = "Laporan Survei Kepuasan Masyarakat"
    doc.core_properties.author = "kinerja"
    doc.save(OUT)


if __name__ == "__main__":
    main()

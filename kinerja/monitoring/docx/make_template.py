#!/usr/bin/env python
"""Write the Word templates of the monitoring reports (docxtpl tags): laporan_triwulan.docx (the
triwulan report, A4 landscape) and lkjip.docx (the LKjIP draft, A4 portrait), in this folder.

Run it again after changing this file: `.venv/bin/python kinerja/monitoring/docx/make_template.py`.
A template sees one variable, `d`: the context of kinerja.monitoring.laporan (`laporan_triwulan` or
`lkjip`, as plain values; numbers already formatted). A unit may open a template, add its kop surat,
change fonts, keep the {{ … }} / {% … %} tags and use its copy. `{%p …%}` stands for its whole
paragraph, `{%tr …%}` for its whole table row. A capaian's note number is a superscript run; the
notes ("Rumus capaian") follow the table.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

FOLDER = Path(__file__).resolve().parent
FONT = "Times New Roman"
KANAN = WD_ALIGN_PARAGRAPH.RIGHT
TENGAH = WD_ALIGN_PARAGRAPH.CENTER


def _dokumen(*, mendatar: bool, ukuran: int):
    doc = Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = FONT
    gaya.font.size = Pt(ukuran)
    for s in doc.sections:
        if mendatar:
            s.orientation = WD_ORIENT.LANDSCAPE
            s.page_height, s.page_width = Cm(21.0), Cm(29.7)
            s.top_margin = s.bottom_margin = s.left_margin = s.right_margin = Cm(1.6)
        else:
            s.page_height, s.page_width = Cm(29.7), Cm(21.0)
            s.top_margin = s.bottom_margin = Cm(2.5)
            s.left_margin, s.right_margin = Cm(3), Cm(2.5)
    return doc


def _par(doc, teks: str = "", *, bold=False, italic=False, align=None, size=None):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(4)
    if teks:
        r = p.add_run(teks)
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)
    return p


def _isian(doc, kunci: str):
    """A placeholder the unit writes over."""
    return _par(doc, f"{{{{ d.isian.{kunci}.petunjuk }}}}", italic=True)


def _bab(doc, judul: str, sub: str = "") -> None:
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    _par(doc, judul, bold=True, align=TENGAH)
    if sub:
        _par(doc, sub, bold=True, align=TENGAH)


def _tulis(sel, teks: str, *, bold=False, size=None):
    """Text in a cell; `teks` may end with "^^{{ … }}": that part is a superscript run (a note number)."""
    p = sel.paragraphs[0]
    utama, _, atas = teks.partition("^^")
    r = p.add_run(utama)
    r.bold = bold or None
    if size:
        r.font.size = Pt(size)
    if atas:
        s = p.add_run(atas)
        s.font.superscript = True
        if size:
            s.font.size = Pt(size)
    return p


def _baris(t, sel: list[str], *, bold=False, gabung: tuple[int, int] | None = None, size=9):
    cells = t.add_row().cells
    if gabung is not None:
        cells[gabung[0]].merge(cells[gabung[1]])
    for i, s in enumerate(sel):
        if s and (gabung is None or not (gabung[0] < i <= gabung[1])):
            _tulis(cells[i], s, bold=bold, size=size)


def _tag(t, teks: str) -> None:
    """A row holding only a {%tr … %} tag (docxtpl removes it)."""
    t.add_row().cells[0].paragraphs[0].add_run(teks)


def _tabel(doc, kepala: list[str], lebar: list[float] | None = None):
    t = doc.add_table(rows=0, cols=len(kepala))
    t.style = "Table Grid"
    _baris(t, kepala, bold=True)
    if lebar:
        for kolom, cm in zip(t.columns, lebar, strict=True):
            for c in kolom.cells:
                c.width = Cm(cm)
    return t


def _catatan(doc) -> None:
    _par(doc, "{%p if d.catatan %}")
    _par(doc, "Rumus capaian", bold=True, size=9)
    _par(doc, "{%p for c in d.catatan %}")
    _par(doc, "({{ c.nomor }}) {{ c.label }}: {{ c.rumus }}", size=8)
    _par(doc, "{%p endfor %}")
    _par(doc, "{%p endif %}")


def _anggaran(doc, var: str, realisasi: str | None) -> None:
    """The budget table of `var` (an Anggaran); `realisasi` None: the pagu alone."""
    kepala = ["No", "Kode", "Program / Kegiatan", "Pagu (Rp)"]
    sel = [
        "{{ x.nomor }}",
        "{{ x.kode }}",
        "{{ x.nama }}{% if x.jenis != 'program' %} ({{ x.jenis_label }}){% endif %}",
        "{{ x.pagu_teks }}",
    ]
    jumlah = ["", "", "Jumlah (program)", f"{{{{ {var}.pagu_teks }}}}"]
    if realisasi is not None:
        kepala += [realisasi, "Serapan (%)"]
        sel += ["{{ x.realisasi_teks }}", "{{ x.serapan_teks }}"]
        jumlah += [f"{{{{ {var}.realisasi_teks }}}}", f"{{{{ {var}.serapan_teks }}}}"]
    _par(doc, f"{{%p if {var}.baris %}}")
    t = _tabel(doc, kepala)
    _tag(t, f"{{%tr for x in {var}.baris %}}")
    _baris(t, sel)
    _tag(t, "{%tr endfor %}")
    _baris(t, jumlah, bold=True)
    _par(doc, "{%p else %}")
    _par(doc, "PK ini tidak memuat program dan anggaran.", italic=True)
    _par(doc, "{%p endif %}")


def _legenda(doc) -> None:
    _par(
        doc,
        "Kategori capaian: ▲▲ Sangat Tinggi (≥ 91%) · ▲ Tinggi (≥ 76%) · ■ Sedang (≥ 66%) · ▼ Rendah (≥ 51%) · "
        "▼▼ Sangat Rendah (≤ 50%) · – belum ada realisasi."
        "{% if d.belum_terverifikasi %} * realisasi belum terverifikasi.{% endif %}",
        size=8,
    )


def triwulan() -> None:
    doc = _dokumen(mendatar=True, ukuran=10)
    _par(doc, "{{ d.kepala.judul|upper }}", bold=True, align=TENGAH, size=13)
    _par(doc, "{{ d.kepala.unit|upper }}", bold=True, align=TENGAH, size=11)
    _par(doc, "{{ d.kepala.pemda|upper }}", align=TENGAH, size=11)
    for label, nilai in (
        ("Unit kerja", "{{ d.kepala.unit }}"),
        ("Pemerintah daerah", "{{ d.kepala.pemda }}"),
        ("Tahun / triwulan", "{{ d.kepala.tahun }} / Triwulan {{ d.romawi }}"),
        (
            "Pihak pertama",
            "{{ d.kepala.pihak_pertama }}{% if d.kepala.jabatan_pertama %} ({{ d.kepala.jabatan_pertama }}){% endif %}",
        ),
        (
            "Disusun per",
            "{{ d.kepala.tanggal }}{% if d.kepala.batas %}; capaian dibatasi {{ d.kepala.batas }}{% endif %}",
        ),
    ):
        _par(doc, f"{label}: {nilai}")
    t = _tabel(
        doc,
        [
            "No",
            "Sasaran / Indikator Kinerja",
            "Satuan",
            "Target tahun",
            "Target s.d. TW {{ d.romawi }}",
            "Realisasi s.d. TW {{ d.romawi }}",
            "Capaian (%)",
            "Kategori",
            "Kendala",
            "Upaya",
        ],
        [1.0, 6.0, 1.6, 1.9, 1.9, 1.9, 1.9, 2.3, 3.9, 3.9],
    )
    _tag(t, "{%tr for s in d.sasaran %}")
    _baris(
        t,
        [
            "{{ s.nomor }}",
            "{{ s.uraian }} ({{ s.tingkat }})",
            "",
            "",
            "",
            "",
            "{{ s.capaian.teks }}^^{% if s.capaian.catatan %}({{ s.capaian.catatan }}){% endif %}",
            "{% if s.capaian.kode %}{{ s.capaian.tanda }} {{ s.capaian.label }}{% else %}–{% endif %}",
            "",
            "",
        ],
        bold=True,
        gabung=(1, 5),
    )
    _tag(t, "{%tr for x in s.indikator %}")
    _baris(
        t,
        [
            "{{ x.nomor }}",
            "{{ x.uraian }}",
            "{{ x.satuan }}",
            "{{ x.target_tahun }}",
            "{{ x.target }}",
            "{{ x.realisasi }}{% if not x.terverifikasi %}*{% endif %}",
            "{{ x.capaian.teks }}^^{% if x.capaian.catatan %}({{ x.capaian.catatan }}){% endif %}",
            "{% if x.capaian.kode %}{{ x.capaian.tanda }} {{ x.capaian.label }}{% else %}–{% endif %}",
            "{{ x.kendala }}",
            "{{ x.upaya }}",
        ],
    )
    _tag(t, "{%tr endfor %}")
    _tag(t, "{%tr endfor %}")
    _baris(
        t,
        [
            "",
            "Rata-rata capaian seluruh indikator",
            "",
            "",
            "",
            "",
            "{{ d.capaian.teks }}^^{% if d.capaian.catatan %}({{ d.capaian.catatan }}){% endif %}",
            "{% if d.capaian.kode %}{{ d.capaian.tanda }} {{ d.capaian.label }}{% else %}–{% endif %}",
            "",
            "",
        ],
        bold=True,
        gabung=(1, 5),
    )
    _legenda(doc)
    _catatan(doc)
    _par(doc, "Realisasi anggaran sampai Triwulan {{ d.romawi }}", bold=True)
    _anggaran(doc, "d.anggaran", "Realisasi s.d. TW {{ d.romawi }} (Rp)")
    _par(doc)
    _par(doc, "{{ d.kepala.unit }}, {{ d.kepala.tanggal }}", align=KANAN)
    _par(doc, "{{ d.kepala.jabatan_pertama }}", align=KANAN)
    _par(doc)
    _par(doc)
    _par(doc, "{{ d.kepala.pihak_pertama }}", bold=True, align=KANAN)
    _par(doc, "{% if d.kepala.nip_pertama %}NIP {{ d.kepala.nip_pertama }}{% endif %}", align=KANAN)
    doc.core_properties.title = "Laporan Pengukuran Kinerja Triwulan"
    doc.core_properties.author = "kinerja"
    doc.save(FOLDER / "laporan_triwulan.docx")


def lkjip() -> None:
    doc = _dokumen(mendatar=False, ukuran=12)
    for _ in range(4):
        _par(doc)
    _par(doc, "LAPORAN KINERJA INSTANSI PEMERINTAH", bold=True, align=TENGAH, size=16)
    _par(doc, "(LKjIP)", bold=True, align=TENGAH, size=16)
    _par(doc, "TAHUN {{ d.kepala.tahun }}", bold=True, align=TENGAH, size=14)
    _par(doc)
    _par(doc, "{{ d.kepala.unit|upper }}", align=TENGAH, size=14)
    _par(doc, "{{ d.kepala.pemda|upper }}", align=TENGAH, size=13)
    _par(doc)
    _par(doc, "DRAF", bold=True, align=TENGAH)
    _par(
        doc,
        "Disusun dari data pemantauan kinerja per {{ d.kepala.tanggal }}. Bagian bertanda "
        "[Diisi oleh unit: …] ditulis oleh unit sebelum laporan disampaikan.",
        align=TENGAH,
        size=10,
    )

    _bab(doc, "KATA PENGANTAR")
    _isian(doc, "kata_pengantar")
    _bab(doc, "RINGKASAN EKSEKUTIF")
    _par(doc, "{{ d.ringkasan }}")
    _isian(doc, "ringkasan_eksekutif")

    _bab(doc, "BAB I", "PENDAHULUAN")
    for kunci in ("organisasi", "tugas_fungsi", "isu_strategis"):
        _par(doc, f"{{{{ d.isian.{kunci}.judul }}}}", bold=True)
        _isian(doc, kunci)

    _bab(doc, "BAB II", "PERENCANAAN KINERJA")
    _par(
        doc,
        "Perjanjian Kinerja {{ d.kepala.jenis_pk }} Tahun {{ d.kepala.tahun }} ditandatangani oleh "
        "{{ d.kepala.pihak_pertama }}{% if d.kepala.jabatan_pertama %} ({{ d.kepala.jabatan_pertama }}){% endif %}"
        "{% if d.kepala.pihak_kedua %} selaku pihak pertama dan {{ d.kepala.pihak_kedua }}"
        "{% if d.kepala.jabatan_kedua %} ({{ d.kepala.jabatan_kedua }}){% endif %} selaku pihak kedua{% endif %}. "
        "Perjanjian itu memuat {{ d.rencana|length }} sasaran dengan indikator dan target berikut.",
    )
    _par(doc, "A. Sasaran, Indikator Kinerja dan Target", bold=True)
    t = _tabel(doc, ["No", "Sasaran / Indikator Kinerja", "Target"], [1.2, 11.3, 3.0])
    _tag(t, "{%tr for s in d.rencana %}")
    _baris(t, ["{{ s.nomor }}", "{{ s.uraian }} ({{ s.tingkat }})", ""], bold=True, gabung=(1, 2))
    _tag(t, "{%tr for x in s.indikator %}")
    _baris(t, ["{{ x.nomor }}", "{{ x.uraian }}", "{{ x.target }}"])
    _tag(t, "{%tr endfor %}")
    _tag(t, "{%tr endfor %}")
    _par(doc, "B. Program dan Anggaran", bold=True)
    _anggaran(doc, "d.program", None)

    _bab(doc, "BAB III", "AKUNTABILITAS KINERJA")
    _par(doc, "A. Capaian Kinerja Organisasi", bold=True)
    _par(
        doc,
        "Capaian setiap indikator dihitung dari realisasi tahun berjalan terhadap target Perjanjian Kinerja "
        "dengan rumus yang dinyatakan untuk indikator itu; capaian sasaran adalah rata-rata capaian "
        "indikatornya. Rumus setiap angka, dengan bilangannya, tercantum pada catatan bernomor. Target akhir "
        "Renstra belum tersedia di aplikasi dan ditulis “–”.",
    )
    _par(doc, "{%p for s in d.capaian %}")
    _par(doc, "Sasaran {{ s.nomor }}: {{ s.uraian }}", bold=True)
    _par(
        doc,
        "Capaian sasaran: {{ s.capaian.teks }}{% if s.capaian.nilai %}%{% endif %} "
        "({% if s.capaian.kode %}{{ s.capaian.tanda }} {{ s.capaian.label }}{% else %}–{% endif %}; "
        "rumus pada catatan ({{ s.capaian.catatan }}))",
    )
    t = _tabel(
        doc,
        [
            "No",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Kategori",
            "Realisasi tahun lalu",
            "Target akhir Renstra",
        ],
        [0.9, 4.6, 1.3, 1.5, 1.5, 1.5, 1.8, 1.4, 1.4],
    )
    _tag(t, "{%tr for x in s.indikator %}")
    _baris(
        t,
        [
            "{{ x.nomor }}",
            "{{ x.uraian }}",
            "{{ x.satuan }}",
            "{{ x.target }}",
            "{{ x.realisasi }}{% if not x.terverifikasi %}*{% endif %}",
            "{{ x.capaian.teks }}^^{% if x.capaian.catatan %}({{ x.capaian.catatan }}){% endif %}",
            "{% if x.capaian.kode %}{{ x.capaian.tanda }} {{ x.capaian.label }}{% else %}–{% endif %}",
            "{{ x.lalu }}",
            "{{ x.renstra }}",
        ],
        size=8,
    )
    _tag(t, "{%tr endfor %}")
    _par(doc, "{%p for x in s.indikator %}")
    _par(doc, "{%p if x.narasi %}")
    _par(doc, "Kendala dan upaya — {{ x.nomor }} {{ x.uraian }}", italic=True, size=10)
    _par(doc, "{%p for n in x.narasi %}")
    _par(
        doc,
        "TW {{ n.triwulan }} — kendala: {{ n.kendala or '–' }}; upaya: {{ n.upaya or '–' }}",
        size=10,
    )
    _par(doc, "{%p endfor %}")
    _par(doc, "{%p endif %}")
    _par(doc, "{%p endfor %}")
    _par(doc, "{%p if s.program %}")
    _par(doc, "Program/kegiatan pendukung: {{ s.program|join('; ') }}.", size=10)
    _par(doc, "{%p endif %}")
    _isian(doc, "analisis")
    _par(doc, "{%p endfor %}")
    _par(
        doc,
        "Rata-rata capaian seluruh sasaran: {{ d.capaian_tahun.teks }}{% if d.capaian_tahun.nilai %}%{% endif %} "
        "({% if d.capaian_tahun.kode %}{{ d.capaian_tahun.tanda }} {{ d.capaian_tahun.label }}{% else %}–{% endif %}; "
        "rumus pada catatan ({{ d.capaian_tahun.catatan }}))",
        bold=True,
    )
    _legenda(doc)
    _par(doc, "Efisiensi Penggunaan Sumber Daya", bold=True)
    _par(
        doc,
        "Indeks efisiensi = capaian kinerja sasaran yang didukung (%) ÷ serapan anggaran (%); di atas 1 berarti "
        "hasil lebih banyak per rupiah daripada yang direncanakan.",
    )
    _par(doc, "{%p if d.efisiensi %}")
    t = _tabel(doc, ["No", "Program / Kegiatan", "Sasaran", "Capaian (%)", "Serapan (%)", "Indeks efisiensi"])
    _tag(t, "{%tr for e in d.efisiensi %}")
    _baris(
        t,
        [
            "{{ e.nomor }}",
            "{{ e.nama }}{% if not e.nomor %} ({{ e.jenis_label }}){% endif %}",
            "{{ e.sasaran }}",
            "{{ e.capaian_teks }}",
            "{{ e.serapan_teks }}",
            "{{ e.indeks_teks }}",
        ],
    )
    _tag(t, "{%tr endfor %}")
    _par(doc, "{%p endif %}")
    _isian(doc, "efisiensi")
    _catatan(doc)
    _par(doc, "B. Realisasi Anggaran", bold=True)
    _anggaran(doc, "d.anggaran", "Realisasi (Rp)")

    _bab(doc, "BAB IV", "PENUTUP")
    _isian(doc, "penutup")
    _bab(doc, "LAMPIRAN")
    _par(doc, "Lampiran: {{ d.lampiran }}.")
    doc.core_properties.title = "Laporan Kinerja Instansi Pemerintah (LKjIP)"
    doc.core_properties.author = "kinerja"
    doc.save(FOLDER / "lkjip.docx")


def main() -> None:
    triwulan()
    lkjip()


if __name__ == "__main__":
    main()

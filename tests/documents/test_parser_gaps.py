"""Parser gaps found by rendering PKs and reading them back — kept failing until the parser reads them.

Each test is the smallest document that shows one gap; the layouts are the ordinary ones of paper
PKs (the rendered PK of kinerja itself has each of them). Reported to the owner of kinerja/domain
(issue #4 report); the first three were fixed in 560af7b and stay as regression tests.
"""

from __future__ import annotations

from pathlib import Path

import typst

from kinerja.domain import pk_text

AWAL = """#set page(paper: "a4", margin: 2cm, footer: context align(center)[Halaman #counter(page).display() dari #counter(page).final().first()])
#set text(size: 11pt, hyphenate: false)
#set par(justify: true)
PERJANJIAN KINERJA TAHUN 2024

Nama : SITI HAERANI, S.SOS

Jabatan : Camat Bajeng

Selanjutnya disebut Pihak Pertama

#table(columns: 4, stroke: 0.5pt, [NO], [SASARAN], [INDIKATOR KINERJA], [TARGET],
  [1], [Meningkatnya kualitas pelayanan], [Indeks Kepuasan Masyarakat], [84,00])
"""


def _pdf(tmp_path: Path, isi: str) -> Path:
    berkas = tmp_path / "pk.pdf"
    berkas.write_bytes(typst.compile((AWAL + isi).encode(), ignore_system_fonts=True))
    return berkas


def test_pdf_a_line_only_in_the_right_signature_block_stays_in_its_block(tmp_path):
    # Two blocks side by side; the Bupati has no NIP, so the NIP line has text in the right column
    # only. pdf_source gives that line as a single cell with no position, `_stream_items` puts it in
    # the main stream, and the NIP never reaches Pihak Pertama's block (also a pangkat line, or the
    # second line of a long jabatan, under one block only). The text reader keeps such a line in its
    # column (an empty first cell for a line pushed right); the PDF reader could do the same for a
    # line that starts right of the page's middle.
    berkas = _pdf(
        tmp_path,
        """
#grid(columns: (1fr, 1fr), align: center, row-gutter: 0.65em,
  [Pihak Kedua,], [Pihak Pertama,],
  [Bupati Gowa], [Camat Bajeng],
  [ADNAN PURICHTA ICHSAN], [SITI HAERANI, S.SOS],
  [], [NIP. 19711010 199312 2 003],
)
""",
    )
    [pk] = pk_text.parse_file(str(berkas))
    [pertama] = [t for t in pk.tanda_tangan if t.pihak == "pertama"]
    assert pertama.nama == "SITI HAERANI, S.SOS"
    assert pertama.nip == "197110101993122003"


def test_an_indicator_named_jumlah_anggaran_is_not_the_total_row(tmp_path):
    # "Jumlah anggaran" with a numeric target matches _TOTAL_ROW on the row's joined text, so the
    # tabel kinerja ends there: the indicator and every row after it are lost (to catatan).
    teks = """PERJANJIAN KINERJA TAHUN 2024
KECAMATAN BAJENG
Nama : SITI HAERANI
Jabatan : Camat Bajeng
Selanjutnya disebut Pihak Pertama

NO\tSASARAN\tINDIKATOR KINERJA\tTARGET
Sasaran Strategis\t\t\t
1\tMeningkatnya akuntabilitas keuangan\tPersentase temuan yang ditindaklanjuti\t100%
\t\tJumlah anggaran\t100%
2\tMeningkatnya pelayanan\tIndeks Kepuasan Masyarakat\t84,00
"""
    [pk] = pk_text.parse(teks)
    assert [i.uraian for i in pk.indikator] == [
        "Persentase temuan yang ditindaklanjuti",
        "Jumlah anggaran",
        "Indeks Kepuasan Masyarakat",
    ]


def test_pdf_page_number_inside_a_penjelasan_is_not_part_of_its_text(tmp_path):
    # A page break inside (or right after) "Uraian Sasaran" puts the footer "Halaman 1 dari 2" (and a
    # running header, if any) between the paragraph's lines; the parser appends every text row to the
    # uraian while in that part. pdf_source knows page numbers (_PAGE_NUMBER) but passes them on.
    # (kinerja's own PDF keeps the uraian unbreakable and tied to the next heading to avoid it.)
    kalimat = "Yang dimaksud dalam sasaran kinerja ini adalah pelayanan yang cepat, tepat dan adil. "
    berkas = _pdf(
        tmp_path,
        f"""
#pagebreak()
LAMPIRAN 2 PERJANJIAN KINERJA

Penjelasan Kinerja 1

Uraian Sasaran

#v(18cm)
{kalimat * 12}

Indikator Kinerja

#table(columns: 5, stroke: 0.5pt, [NO], [URAIAN], [RELEVANSI], [FORMULASI], [SUMBER DATA],
  [1.], [Indeks Kepuasan Masyarakat], [Menggambarkan kepuasan], [Nilai IKM], [Kecamatan])
""",
    )
    [pk] = pk_text.parse_file(str(berkas))
    [penjelasan] = pk.penjelasan
    assert "Halaman" not in (penjelasan.uraian_sasaran or "")


def test_pdf_a_pangkat_line_under_a_single_signature_block_stays_its_own_line(tmp_path):
    # One signatory (no Pihak Kedua): the block is centred in the right half, every line of it a
    # single right-hand cell. pdf_source's wrapped-paragraph rule joins them in pairs — "Pihak
    # Pertama, Camat Bajeng", "SITI HAERANI, S.SOS Pembina Utama Muda (IV/c)" — since each upper line
    # ends near the right edge (so the next first word "would not have fitted"), and no block is read.
    # In kinerja's own PDF the label/jabatan pair survives (other spacing) but the name and pangkat
    # are joined the same way. A line that starts far right of the paragraph's left edge (centred in
    # the right half) is not a wrapped paragraph line.
    berkas = _pdf(
        tmp_path,
        """
#grid(columns: (1fr, 1fr), align: center, row-gutter: 0.65em,
  [], [Pihak Pertama,],
  [], [Camat Bajeng],
  [], [*SITI HAERANI, S.SOS*],
  [], [Pembina Utama Muda (IV/c)],
  [], [NIP. 19711010 199312 2 003],
)
""",
    )
    [pk] = pk_text.parse_file(str(berkas))
    [pertama] = [t for t in pk.tanda_tangan if t.pihak == "pertama"]
    assert (pertama.nama, pertama.jabatan, pertama.pangkat, pertama.nip) == (
        "SITI HAERANI, S.SOS",
        "Camat Bajeng",
        "Pembina Utama Muda (IV/c)",
        "197110101993122003",
    )

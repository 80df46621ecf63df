"""read_pdf: ruled tables and text lines in reading order; scans, locked and damaged files refused."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
import typst

from kinerja.domain import ocr
from kinerja.domain.docx_source import read_docx
from kinerja.domain.pdf_source import read_pdf
from kinerja.domain.source import Row, SourceError, read_path
from tests.domain.docfixtures import (
    CONTOH_PK,
    PAGE_BREAK,
    Block,
    blocks_from_text,
    expected_cells,
    make_docx,
    make_pdf,
)


def _compile(tmp_path: Path, source: str, name: str = "doc") -> Path:
    (tmp_path / f"{name}.typ").write_text(source, encoding="utf-8")
    out = tmp_path / f"{name}.pdf"
    typst.compile(str(tmp_path / f"{name}.typ"), output=str(out), ignore_system_fonts=True)
    return out


HAND_WRITTEN = r"""
#set page(paper: "a4", margin: 2cm)
#set text(size: 11pt, lang: "id", hyphenate: false)

PERJANJIAN KINERJA TAHUN 2024

#par(justify: true)[Dalam rangka mewujudkan manajemen pemerintahan yang bersih, efektif, transparan dan
akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:]

#table(columns: 4, stroke: 0.5pt,
  [*NO*], [*SASARAN*], [*INDIKATOR KINERJA*], [*TARGET*],
  table.cell(colspan: 4)[Sasaran Strategis],
  [1], [Meningkatnya kepuasan \ masyarakat], [Indeks Kepuasan Masyarakat (IKM)], [84,00 (Baik)],
  [], [], [Nilai SAKIP], [],
)

Pihak pertama berjanji akan mewujudkan target kinerja.

#pagebreak()

#grid(columns: 2, column-gutter: 3em, row-gutter: 0.8em,
  [PROGRAM], [ANGGARAN],
  [Program Pembinaan dan Pengawasan Pemerintahan Desa], [Rp 33.800.000,00],
  [Program Penunjang Urusan Pemerintahan Daerah], [Rp 3.649.867.866,00],
)

Sungguminasa, 02 Januari 2024
"""


def test_hand_written_typst_document(tmp_path: Path) -> None:
    rows = read_pdf(_compile(tmp_path, HAND_WRITTEN))

    assert rows == [
        Row(1, ("PERJANJIAN KINERJA TAHUN 2024",), halaman=1),
        # The justified paragraph wraps; its lines are joined back (stretched spaces do not split it).
        Row(
            2,
            (
                "Dalam rangka mewujudkan manajemen pemerintahan yang bersih, efektif, transparan dan "
                "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
            ),
            halaman=1,
        ),
        Row(3, ("NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"), tabel=0, halaman=1),
        Row(4, ("Sasaran Strategis", "", "", ""), tabel=0, halaman=1),
        Row(
            5,
            ("1", "Meningkatnya kepuasan\nmasyarakat", "Indeks Kepuasan Masyarakat (IKM)", "84,00 (Baik)"),
            tabel=0,
            halaman=1,
        ),
        Row(6, ("", "", "Nilai SAKIP", ""), tabel=0, halaman=1),
        Row(7, ("Pihak pertama berjanji akan mewujudkan target kinerja.",), halaman=1),
        # No ruling lines: a table laid out with space stays text, split on the wide gaps; each cell
        # keeps where it starts, in characters from the text's left edge (as a fixed-width text does).
        Row(8, ("PROGRAM", "ANGGARAN"), halaman=2, posisi=(0, 55)),
        Row(
            9,
            ("Program Pembinaan dan Pengawasan Pemerintahan Desa", "Rp 33.800.000,00"),
            halaman=2,
            posisi=(0, 55),
        ),
        Row(
            10,
            ("Program Penunjang Urusan Pemerintahan Daerah", "Rp 3.649.867.866,00"),
            halaman=2,
            posisi=(0, 55),
        ),
        Row(11, ("Sungguminasa, 02 Januari 2024",), halaman=2),
    ]


def test_pk_fixture_reads_like_the_docx_of_the_same_blocks(tmp_path: Path) -> None:
    rows = read_pdf(make_pdf(tmp_path / "pk.pdf", CONTOH_PK))

    assert rows[:4] == [
        Row(1, ("PERJANJIAN KINERJA TAHUN 2024",), halaman=1),
        Row(2, ("Nama", ": SITI HAERANI, S.SOS"), halaman=1, posisi=(0, 13)),
        Row(3, ("Jabatan", ": Camat Bajeng"), halaman=1, posisi=(0, 14)),
        Row(4, ("NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"), tabel=0, halaman=1),
    ]
    assert rows[4:8] == [
        Row(5, ("1", "2", "3", "4"), tabel=0, halaman=1),
        Row(6, ("Sasaran Strategis", "", "", ""), tabel=0, halaman=1),
        Row(
            7,
            ("1", "Meningkatnya kepuasan\nmasyarakat", "Indeks Kepuasan Masyarakat (IKM)", "84,00"),
            tabel=0,
            halaman=1,
        ),
        Row(8, ("", "", "Nilai SAKIP", "80,00 (BB)"), tabel=0, halaman=1),
    ]
    assert rows[-3:] == [
        Row(12, ("PROGRAM", "ANGGARAN"), tabel=1, halaman=2),
        Row(13, ("Program Penunjang Urusan Pemerintahan Daerah", "Rp 3.649.867.866,00"), tabel=1, halaman=2),
        Row(14, ("TOTAL", "Rp 5.204.765.371,00"), tabel=1, halaman=2),
    ]
    docx_rows = read_docx(make_docx(tmp_path / "pk.docx", CONTOH_PK))
    assert [(r.sel, r.tabel) for r in rows] == [(r.sel, r.tabel) for r in docx_rows]
    assert [r.sel for r in rows] == expected_cells(CONTOH_PK)


SEED = Path(__file__).resolve().parents[2] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


def test_real_pk_reads_the_same_from_docx_and_pdf(tmp_path: Path) -> None:
    # The seed runs over four pages: its Tabel Kinerja breaks across a page, its paragraphs wrap,
    # its cells wrap. Up to line breaks (Row.teks), the PDF gives what the DOCX gives.
    blocks = blocks_from_text(SEED.read_text(encoding="utf-8"))
    pdf_rows = read_pdf(make_pdf(tmp_path / "seed.pdf", blocks))
    docx_rows = read_docx(make_docx(tmp_path / "seed.docx", blocks))

    assert [(r.teks, r.tabel) for r in pdf_rows] == [(r.teks, r.tabel) for r in docx_rows]
    assert max(r.halaman or 0 for r in pdf_rows) >= 3
    assert len({r.halaman for r in pdf_rows if r.tabel == 0}) == 2  # one table over two pages


def test_wrapped_paragraphs_and_list_items_are_joined_other_lines_are_not(tmp_path: Path) -> None:
    blocks: list[Block] = [
        "Uraian Sasaran",
        "Yang dimaksud dalam sasaran kinerja ini adalah penggunaan anggaran secara efektif dan efisien "
        "untuk mencapai kinerja maksimal sesuai dengan target yang telah ditetapkan. Dasar hukum dalam "
        "mencapai kinerja antara lain:",
        "1. Undang-Undang 28 Tahun 1999 tentang Penyelenggara Negara yang Bersih dan Bebas dari Korupsi, "
        "Kolusi, dan Nepotisme.",
        "2. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.",
        "Nama : SITI HAERANI, S.SOS",
        "Jabatan : Camat Bajeng",
        "Pihak pertama berjanji akan mewujudkan target kinerja yang sesuai lampiran perjanjian kinerja ini.",
    ]
    rows = read_pdf(make_pdf(tmp_path / "paragraf.pdf", blocks))
    assert [r.sel for r in rows] == expected_cells(blocks)


def test_read_path_dispatches_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf", ["Judul", [["A", "B"], ["1", "2"]]])
    assert read_path(path) == [
        Row(1, ("Judul",), halaman=1),
        Row(2, ("A", "B"), tabel=0, halaman=1),
        Row(3, ("1", "2"), tabel=0, halaman=1),
    ]


def _ten_pages() -> list[Block]:
    blocks: list[Block] = []
    for page in range(1, 11):
        blocks += [
            f"Halaman {page}: dalam rangka mewujudkan manajemen pemerintahan yang bersih dan akuntabel",
            "Nama\t: SITI HAERANI",
        ]
        header = ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]
        body = [
            [str(i), f"Sasaran nomor {i}", "Indeks Kepuasan Masyarakat (IKM)", "84,00"] for i in range(12)
        ]
        blocks += [[header, *body], PAGE_BREAK]
    return blocks[:-1]


def test_ten_pages_each_table_gets_its_own_index(tmp_path: Path) -> None:
    # How fast ten pages read is measured by bench/bench_parse.py (--pdf), not asserted here: a timed
    # unit test fails on a busy machine without telling anything about the code.
    path = make_pdf(tmp_path / "sepuluh.pdf", _ten_pages())
    rows = read_pdf(path)

    assert max(r.halaman or 0 for r in rows) == 10
    assert {r.tabel for r in rows if r.halaman == 10} == {None, 9}
    assert [r.baris for r in rows] == list(range(1, len(rows) + 1))
    assert len(rows) == 10 * (2 + 13)


def test_table_continued_on_the_next_page_keeps_its_index(tmp_path: Path) -> None:
    long_table: list[list[str | None]] = [["NO", "INDIKATOR"]] + [
        [str(i), f"Indikator {i}"] for i in range(60)
    ]
    blocks: list[Block] = ["Tabel panjang", long_table, "Sesudah tabel", [["A", "B"], ["1", "2"]]]
    rows = read_pdf(make_pdf(tmp_path / "panjang.pdf", blocks))
    table_rows = [r for r in rows if r.tabel is not None]

    assert [r.sel for r in table_rows] == [tuple(r) for r in long_table] + [("A", "B"), ("1", "2")]
    assert {(r.halaman, r.tabel) for r in table_rows} == {(1, 0), (2, 0), (2, 1)}
    assert [r.sel for r in rows] == expected_cells(blocks)


def test_next_page_part_repeating_the_header_is_a_new_table(tmp_path: Path) -> None:
    body = ",".join(f"[{i}], [Indikator {i}]" for i in range(60))
    source = f"#table(columns: 2, stroke: 0.5pt, table.header([NO], [INDIKATOR]), {body})\n"
    rows = read_pdf(_compile(tmp_path, source))

    headers = [r for r in rows if r.sel == ("NO", "INDIKATOR")]
    assert [(r.halaman, r.tabel) for r in headers] == [(1, 0), (2, 1)]


def test_page_numbers_between_the_parts_do_not_break_a_table(tmp_path: Path) -> None:
    body = ",".join(f"[{i}], [Indikator {i}]" for i in range(60))
    source = (
        r"#set page(footer: context align(center)[\- #counter(page).display() \-])"
        "\n"
        f"Judul\n\n#table(columns: 2, stroke: 0.5pt, [NO], [INDIKATOR], {body})\n"
    )
    rows = read_pdf(_compile(tmp_path, source))

    assert {r.tabel for r in rows if r.sel[0].isdigit() and len(r.sel) == 2} == {0}
    # page numbers are the printer's, not the document's: they are not rows
    assert not [r for r in rows if r.teks.startswith("- ")]


def _png(width: int, height: int) -> bytes:
    """A grey-scale PNG written with zlib and struct only."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes((x * 7 + y * 3) % 256 for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_scanned_pdf_without_tesseract_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ocr, "tersedia", lambda: False)
    (tmp_path / "pindaian.png").write_bytes(_png(60, 80))
    source = (
        '#set page(margin: 0pt)\n#image("pindaian.png", width: 100%)\n#pagebreak()\n#image("pindaian.png")\n'
    )
    with pytest.raises(SourceError, match=r"pindaian.*OCR.*tesseract-ocr tesseract-ocr-ind"):
        read_pdf(_compile(tmp_path, source))


def test_scanned_pdf_over_the_page_limit_is_refused_before_ocr(tmp_path: Path) -> None:
    (tmp_path / "pindaian.png").write_bytes(_png(60, 80))
    halaman = '#image("pindaian.png", width: 100%)\n'
    source = "#set page(margin: 0pt)\n" + "#pagebreak()\n".join([halaman] * (ocr.BATAS_HALAMAN + 1))
    with pytest.raises(
        SourceError, match=rf"{ocr.BATAS_HALAMAN + 1} halaman pindaian.*dibatasi {ocr.BATAS_HALAMAN}"
    ):
        read_pdf(_compile(tmp_path, source))


def test_pdf_of_blank_pages_asks_for_ocr(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="OCR"):
        read_pdf(_compile(tmp_path, "#pagebreak()\n"))


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A minimal PDF file around the given objects (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


CATALOG = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]


def _helvetica_page(content: bytes) -> bytes:
    """A one-page PDF drawing `content` with the standard Helvetica font as /F1."""
    return _pdf(
        [
            *CATALOG,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_small_text_spaced_by_moving_the_pen_keeps_its_words(tmp_path: Path) -> None:
    # 7pt text whose spaces are pen moves of 0.3 em (about 2pt, under pdfplumber's fixed 3pt).
    content = (
        b"BT /F1 7 Tf 72 720 Td [(Indeks) -300 (Kepuasan) -300 (Masyarakat)] TJ ET "
        b"BT /F1 7 Tf 72 700 Td [(Nama) -3000 (: SITI HAERANI)] TJ ET"
    )
    path = tmp_path / "kecil.pdf"
    path.write_bytes(_helvetica_page(content))
    assert [r.sel for r in read_pdf(path)] == [
        ("Indeks Kepuasan Masyarakat",),
        ("Nama", ": SITI HAERANI"),
    ]


def test_overprinted_fake_bold_is_read_once(tmp_path: Path) -> None:
    line = b"BT /F1 11 Tf 72 720 Td (Nilai SAKIP) Tj ET "
    path = tmp_path / "tebal.pdf"
    path.write_bytes(_helvetica_page(line + line + b"BT /F1 11 Tf 72.7 720 Td (Nilai SAKIP) Tj ET"))
    assert [r.sel for r in read_pdf(path)] == [("Nilai SAKIP",)]


def test_text_without_unicode_map_asks_for_ocr(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 72 720 Td <00050006000700080009> Tj ET"
    path = tmp_path / "cid.pdf"
    path.write_bytes(
        _pdf(
            [
                *CATALOG,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
                b"<< /Type /Font /Subtype /Type0 /BaseFont /Tanpa /Encoding /Identity-H"
                b" /DescendantFonts [6 0 R] >>",
                b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Tanpa /DW 500"
                b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
            ]
        )
    )
    with pytest.raises(SourceError, match=r"Unicode.*OCR"):
        read_pdf(path)


def test_password_protected_pdf_raises_source_error(tmp_path: Path) -> None:
    path = tmp_path / "terkunci.pdf"
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >>" % (b"11" * 32, b"22" * 32)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    path.write_bytes(
        _pdf([*CATALOG, page, encrypt], b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (b"ab" * 16, b"ab" * 16))
    )
    with pytest.raises(SourceError, match="kata sandi"):
        read_pdf(path)


@pytest.mark.parametrize(
    "content",
    [b"bukan PDF sama sekali", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type", b""],
    ids=["sampah", "terpotong", "kosong"],
)
def test_corrupt_pdf_raises_source_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rusak.pdf"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="berkas PDF tidak dapat dibaca"):
        read_pdf(path)


def test_truncated_real_pdf_raises_source_error(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "utuh.pdf", CONTOH_PK).read_bytes()
    path = tmp_path / "separuh.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError, match="berkas PDF tidak dapat dibaca"):
        read_pdf(path)


def test_missing_file_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="tidak ditemukan"):
        read_pdf(tmp_path / "tidak-ada.pdf")

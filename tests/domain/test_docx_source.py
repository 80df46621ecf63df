"""read_docx: paragraphs and tables in document order, merged cells keeping their columns."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from kinerja.domain.docx_source import read_docx
from kinerja.domain.source import Row, SourceError, read_path
from tests.domain.docfixtures import CONTOH_PK, expected_cells, make_docx


def test_pk_document_rows_in_order_with_merges_and_line_breaks(tmp_path: Path) -> None:
    rows = read_docx(make_docx(tmp_path / "pk.docx", CONTOH_PK))

    assert rows == [
        Row(1, ("PERJANJIAN KINERJA TAHUN 2024",)),
        Row(2, ("Nama", ": SITI HAERANI, S.SOS")),
        Row(3, ("Jabatan", ": Camat Bajeng")),
        Row(4, ("NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"), tabel=0),
        Row(5, ("1", "2", "3", "4"), tabel=0),
        Row(6, ("Sasaran Strategis", "", "", ""), tabel=0),
        Row(
            7,
            ("1", "Meningkatnya kepuasan\nmasyarakat", "Indeks Kepuasan Masyarakat (IKM)", "84,00"),
            tabel=0,
        ),
        Row(8, ("", "", "Nilai SAKIP", "80,00 (BB)"), tabel=0),
        Row(9, ("2", "Meningkatnya akuntabilitas", "Nilai SAKIP", "80,00"), tabel=0),
        Row(10, ("", "", "Persentase layanan sesuai SP", "100%"), tabel=0),
        Row(11, ("Sungguminasa, 02 Januari 2024",)),
        Row(12, ("PROGRAM", "ANGGARAN"), tabel=1),
        Row(13, ("Program Penunjang Urusan Pemerintahan Daerah", "Rp 3.649.867.866,00"), tabel=1),
        Row(14, ("TOTAL", "Rp 5.204.765.371,00"), tabel=1),
    ]
    assert [r.sel for r in rows] == expected_cells(CONTOH_PK)
    assert rows[6].teks == "1 Meningkatnya kepuasan masyarakat Indeks Kepuasan Masyarakat (IKM) 84,00"


def test_read_path_dispatches_docx(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "pk.docx", ["Judul", [["A", "B"], ["1", "2"]]])
    assert read_path(path) == [Row(1, ("Judul",)), Row(2, ("A", "B"), tabel=0), Row(3, ("1", "2"), tabel=0)]


def test_soft_line_breaks_in_a_paragraph_give_separate_rows(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", ["LAMPIRAN 1 PERJANJIAN KINERJA\nTABEL KINERJA\n\nTAHUN 2024"])
    assert [r.sel for r in read_docx(path)] == [
        ("LAMPIRAN 1 PERJANJIAN KINERJA",),
        ("TABEL KINERJA",),
        ("TAHUN 2024",),
    ]


def _body_xml(tmp_path: Path, xml: str) -> Path:
    """A .docx whose body holds `xml` (WordprocessingML, `w:` prefix) after a first paragraph."""
    document = docx.Document()
    document.add_paragraph("awal")
    body = document.element.body
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    for element in parse_xml(f"<w:root {nsdecls('w')} {mc}>{xml}</w:root>"):
        body.insert(len(body) - 1, element)  # before w:sectPr
    path = tmp_path / "x.docx"
    document.save(str(path))
    return path


def _tc(text: str, props: str = "") -> str:
    paragraphs = (
        "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in text.split("|")) if text else "<w:p/>"
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"


def test_cell_with_several_paragraphs_is_joined_by_newlines(tmp_path: Path) -> None:
    xml = f"<w:tbl><w:tr>{_tc('NO')}{_tc('Baris satu|  |Baris   dua')}</w:tr></w:tbl>"
    assert read_docx(_body_xml(tmp_path, xml))[1] == Row(2, ("NO", "Baris satu\nBaris dua"), tabel=0)


def test_grid_columns_where_no_cell_starts_are_dropped(tmp_path: Path) -> None:
    # A converter's fine grid: 5 grid columns, but cells only ever start at 0, 1 and 3.
    span2 = '<w:gridSpan w:val="2"/>'
    xml = (
        "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * 5 + "</w:tblGrid>"
        f"<w:tr>{_tc('NO')}{_tc('SASARAN', span2)}{_tc('TARGET', span2)}</w:tr>"
        f"<w:tr>{_tc('1')}{_tc('Meningkatnya', span2)}{_tc('84', span2)}</w:tr>"
        "</w:tbl>"
    )
    assert [r.sel for r in read_docx(_body_xml(tmp_path, xml))[1:]] == [
        ("NO", "SASARAN", "TARGET"),
        ("1", "Meningkatnya", "84"),
    ]


def test_grid_before_legacy_hmerge_and_short_rows_keep_columns(tmp_path: Path) -> None:
    restart = "<w:hMerge w:val='restart'/>"
    xml = (
        "<w:tbl>"
        f"<w:tr>{_tc('A')}{_tc('B')}{_tc('C')}</w:tr>"
        f"<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>{_tc('y')}{_tc('z')}</w:tr>"
        f"<w:tr>{_tc('judul', restart)}{_tc('sisa', '<w:hMerge/>')}{_tc('c')}</w:tr>"
        f"<w:tr>{_tc('pendek')}</w:tr>"
        f"<w:tr>{_tc('')}{_tc('')}{_tc('')}</w:tr>"
        "</w:tbl>"
    )
    assert [r.sel for r in read_docx(_body_xml(tmp_path, xml))[1:]] == [
        ("A", "B", "C"),
        ("", "y", "z"),
        ("judul", "", "c"),
        ("pendek", "", ""),
    ]


def test_nested_table_is_flattened_into_its_cell(tmp_path: Path) -> None:
    nested = f"<w:tbl><w:tr>{_tc('TW I')}{_tc('TW II')}</w:tr><w:tr>{_tc('25%')}{_tc('50%')}</w:tr></w:tbl>"
    cell = f"<w:tc><w:p><w:r><w:t>per triwulan</w:t></w:r></w:p>{nested}<w:p/></w:tc>"
    xml = f"<w:tbl><w:tr>{_tc('Target')}{cell}</w:tr></w:tbl>"
    assert read_docx(_body_xml(tmp_path, xml))[1].sel == ("Target", "per triwulan\nTW I\tTW II\n25%\t50%")


def test_tracked_deletions_text_boxes_and_field_codes_are_left_out(tmp_path: Path) -> None:
    xml = (
        "<w:p>"
        "<w:r><w:t xml:space='preserve'>Target </w:t></w:r>"
        "<w:del><w:r><w:delText>80</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>84</w:t></w:r></w:ins>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>,00</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing/></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>kotak</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "</w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>dalam kontrol isi</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    assert [r.sel for r in read_docx(_body_xml(tmp_path, xml))] == [
        ("awal",),
        ("Target 84,00",),
        ("dalam kontrol isi",),
    ]


@pytest.mark.parametrize(
    "content",
    [b"bukan dokumen sama sekali", b"PK\x03\x04 terpotong", b""],
    ids=["sampah", "zip-terpotong", "kosong"],
)
def test_corrupt_docx_raises_source_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rusak.docx"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="berkas DOCX tidak dapat dibaca"):
        read_docx(path)


def test_zip_that_is_not_a_word_document_raises_source_error(tmp_path: Path) -> None:
    path = tmp_path / "arsip.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("catatan.txt", "halo")
    with pytest.raises(SourceError, match="berkas DOCX tidak dapat dibaca"):
        read_docx(path)


def test_missing_file_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="tidak ditemukan"):
        read_docx(tmp_path / "tidak-ada.docx")

"""The Word template (reproducible, replaceable) and the spreadsheet (numbers stay numbers)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from decimal import Decimal

import docx
import openpyxl
import pytest

from kinerja.documents.contexts import dokumen_pk
from kinerja.documents.docx import make_template
from kinerja.documents.word import TEMPLATE, TemplateError, render_docx
from kinerja.documents.xlsx import render_xlsx
from kinerja.domain import pk as d
from tests.conftest import build_pk_data


def _xml(path_or_bytes, nama="word/document.xml") -> bytes:
    sumber = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    with zipfile.ZipFile(sumber) as z:
        return z.read(nama)


def test_the_committed_template_is_what_make_template_writes(tmp_path):
    baru = make_template.build(tmp_path / "pk.docx")
    for bagian in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
        assert _xml(baru, bagian) == _xml(TEMPLATE, bagian), bagian


def test_the_docx_reads_like_the_document():
    dok = dokumen_pk(build_pk_data(n_indikator=6))
    hasil = docx.Document(io.BytesIO(render_docx(dok)))
    teks = [p.text for p in hasil.paragraphs]
    assert teks[0] == "PERJANJIAN KINERJA TAHUN 2024" and teks[1] == "KECAMATAN BAJENG"
    assert "Nama\t:\tSITI HAERANI, S.SOS" in teks and "NIP\t:\t19711010 199312 2 003" in teks
    assert "{{" not in "".join(teks) and "{%" not in "".join(teks)
    kinerja = hasil.tables[1]
    assert [c.text for c in kinerja.rows[0].cells] == ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]
    assert kinerja.rows[2].cells[0].text == "Sasaran Strategis"
    assert [c.text for c in kinerja.rows[3].cells][2:] == ["Indeks Kepuasan Masyarakat (IKM)", "84,00 (Baik)"]
    program = hasil.tables[2]
    assert [c.text for c in program.rows[-1].cells][-1] == "Rp5.204.765.371,00"


def test_special_characters_do_not_break_the_docx():
    pk = replace(build_pk_data(n_indikator=1), unit="Dinas PU & <Tata> Ruang")
    hasil = docx.Document(io.BytesIO(render_docx(dokumen_pk(pk))))
    assert hasil.paragraphs[1].text == "DINAS PU & <TATA> RUANG"


def test_a_broken_or_missing_template_says_so(tmp_path):
    with pytest.raises(TemplateError, match="tidak ditemukan"):
        render_docx(dokumen_pk(build_pk_data()), template=tmp_path / "tidak-ada.docx")
    rusak = docx.Document()
    rusak.add_paragraph("{% for x in %}")
    rusak.save(str(tmp_path / "rusak.docx"))
    with pytest.raises(TemplateError, match="tidak dapat dipakai"):
        render_docx(dokumen_pk(build_pk_data()), template=tmp_path / "rusak.docx")


def test_the_setting_chooses_the_template(settings, tmp_path):
    templat = docx.Document(str(TEMPLATE))
    templat.sections[0].header.paragraphs[0].text = "KOP SURAT"
    templat.save(str(tmp_path / "kop.docx"))
    settings.KINERJA_DOCX_TEMPLATE = str(tmp_path / "kop.docx")
    hasil = docx.Document(io.BytesIO(render_docx(dokumen_pk(build_pk_data()))))
    assert hasil.sections[0].header.paragraphs[0].text == "KOP SURAT"


def test_the_spreadsheet_keeps_numbers_as_numbers():
    pk = build_pk_data(n_indikator=3)
    pk = replace(
        pk,
        sasaran=(
            *pk.sasaran,
            d.Sasaran(
                tingkat="kegiatan",
                uraian="Nilai desimal",
                indikator=(d.Indikator(uraian="Rasio", target=d.Target(teks="0,5", nilai=Decimal("0.5"))),),
            ),
        ),
    )
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(dokumen_pk(pk, tanda_air=""))))
    assert wb.sheetnames == ["Tabel Kinerja", "Program", "Penjelasan", "Baseline"]
    ws = wb["Tabel Kinerja"]
    kepala = [c.value for c in ws[5]]
    assert kepala == [
        "NO",
        "TINGKAT",
        "SASARAN",
        "INDIKATOR KINERJA",
        "TARGET",
        "NILAI TARGET",
        "SATUAN",
        "PREDIKAT",
    ]
    baris = [list(r) for r in ws.iter_rows(min_row=6)]
    ikm = baris[0]
    assert [c.value for c in ikm][:5] == [
        1,
        "Sasaran Strategis",
        "Sasaran strategis nomor 1",
        "Indeks Kepuasan Masyarakat (IKM)",
        "84,00 (Baik)",
    ]
    assert ikm[5].value == 84 and ikm[5].number_format == "#,##0.00" and ikm[7].value == "Baik"
    persen = baris[1]
    assert persen[5].value == 100 and persen[6].value == "%" and persen[5].number_format == "#,##0"
    assert baris[-1][5].value == 0.5 and baris[-1][5].number_format == "#,##0.0"
    ws = wb["Program"]
    nilai = [r[2] for r in ws.iter_rows(min_row=6)]
    assert [c.value for c in nilai[:4]] == [33800000, 1521097505, 3649867866, 5204765371]
    assert all(c.number_format == '"Rp"#,##0.00' for c in nilai[:4])
    assert ws.cell(row=9, column=2).value == "TOTAL"
    ws = wb["Baseline"]
    [baris] = list(ws.iter_rows(min_row=6, max_row=6))
    assert [c.value for c in baris] == ["INDEKS KEPUASAN MASYARAKAT (IKM)", 2023, 85, 80.33, 0.9451]
    assert baris[4].number_format == "0.00%"

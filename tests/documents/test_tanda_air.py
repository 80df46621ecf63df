"""Documents follow the PK's state: a PK that is not published says DRAF on every page, without QR."""

from __future__ import annotations

import io

import docx
import openpyxl
import pdfplumber
import pytest
from django.test import override_settings
from django.urls import reverse

from kinerja.documents.contexts import dokumen_pk
from kinerja.documents.pdf import render_pdf
from kinerja.documents.word import render_docx
from kinerja.documents.xlsx import render_xlsx
from tests.conftest import build_pk_data


def _tanda_pdf(pdf: bytes) -> list[str]:
    """The large diagonal text of each page (the mark), read from the raw characters."""
    with pdfplumber.open(io.BytesIO(pdf)) as dokumen:
        return [
            "".join(c["text"] for c in halaman.chars if c["size"] > 60 and abs(c["matrix"][1]) > 0.01)
            for halaman in dokumen.pages
        ]


def test_a_draft_prints_draf_on_every_page_of_every_format():
    dok = dokumen_pk(build_pk_data(n_indikator=30))
    assert dok.tanda_air == "DRAF" and dok.verifikasi is None
    halaman = _tanda_pdf(render_pdf(dok))
    assert len(halaman) >= 3 and set(halaman) == {"DRAF"}
    word = docx.Document(io.BytesIO(render_docx(dok)))
    assert all(
        s.header.paragraphs[0].text.startswith("DRAF — dokumen ini belum diterbitkan") for s in word.sections
    )
    buku = openpyxl.load_workbook(io.BytesIO(render_xlsx(dok)))
    for lembar in buku.worksheets:
        assert lembar["A1"].value.startswith("DRAF — belum diterbitkan")
        assert lembar.oddHeader.center.text == "DRAF"


def test_a_replaced_or_withdrawn_pk_says_so_and_a_published_one_carries_no_mark():
    assert set(_tanda_pdf(render_pdf(dokumen_pk(build_pk_data(), tanda_air="DIGANTI")))) == {"DIGANTI"}
    bersih = dokumen_pk(build_pk_data(), tanda_air="")
    assert set(_tanda_pdf(render_pdf(bersih))) == {""}
    assert "DRAF" not in docx.Document(io.BytesIO(render_docx(bersih))).sections[0].header.paragraphs[0].text
    assert (
        openpyxl.load_workbook(io.BytesIO(render_xlsx(bersih)))
        .worksheets[0]["A1"]
        .value.startswith("PERJANJIAN KINERJA")
    )


@pytest.mark.django_db
def test_downloads_follow_the_status(client_as, operator_a, pk_factory, unit_a):
    from kinerja.agreements.models import PerjanjianKinerja

    client = client_as(operator_a)
    draf = pk_factory(unit_a, draft=True)
    terbit = pk_factory(unit_a, tahun=2023)
    pdf_draf = client.get(reverse("documents:pk_unduh", args=[draf.pk, "pdf"])).content
    assert set(_tanda_pdf(pdf_draf)) == {"DRAF"}
    with pdfplumber.open(io.BytesIO(pdf_draf)) as d:
        assert "/verifikasi/" not in d.pages[0].extract_text()
    pdf_terbit = client.get(reverse("documents:pk_unduh", args=[terbit.pk, "pdf"])).content
    assert set(_tanda_pdf(pdf_terbit)) == {""}
    with pdfplumber.open(io.BytesIO(pdf_terbit)) as d:
        assert "/verifikasi/" in d.pages[0].extract_text().replace("\n", "")
    PerjanjianKinerja.objects.filter(pk=terbit.pk).update(status="dicabut")
    xlsx = client.get(reverse("documents:pk_unduh", args=[terbit.pk, "xlsx"])).content
    assert openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]["A1"].value.startswith("DICABUT")


@pytest.mark.django_db
@override_settings(DEBUG=True, KINERJA_BASE_URL=None, ALLOWED_HOSTS=["127.0.0.1", "testserver"])
def test_in_development_the_qr_points_at_the_address_actually_served(client, pk_factory, unit_a):
    terbit = pk_factory(unit_a)
    pdf = client.get(
        reverse("documents:pk_unduh", args=[terbit.pk, "pdf"]), HTTP_HOST="127.0.0.1:9000"
    ).content
    with pdfplumber.open(io.BytesIO(pdf)) as d:
        teks = d.pages[0].extract_text().replace("\n", "")
    assert "http://127.0.0.1:9000/verifikasi/" in teks

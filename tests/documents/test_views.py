"""Downloads (PDF, DOCX, XLSX) for whoever may view the PK, the year's ZIP for the admin, fixed query counts."""

from __future__ import annotations

import io
import zipfile

import pdfplumber
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.alamat import alamat_dasar
from kinerja.documents.models import DokumenTerbit

pytestmark = pytest.mark.django_db

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _unduh(pk, format="pdf"):
    return reverse("documents:pk_unduh", args=[pk.pk, format])


@pytest.fixture
def terbit_a(pk_factory, unit_a):
    return pk_factory(unit_a, n_indikator=3)


@pytest.fixture
def draf_a(pk_factory, unit_a):
    return pk_factory(unit_a, n_indikator=2, draft=True, tahun=2025)


@pytest.mark.parametrize("format", ["pdf", "docx", "xlsx"])
def test_the_public_downloads_a_published_pk(anonymous_client, terbit_a, format):
    r = anonymous_client.get(_unduh(terbit_a, format))
    assert r.status_code == 200
    assert r["Content-Type"] == MIME[format]
    assert r["Content-Disposition"] == f'attachment; filename="PK-2024-Kecamatan-Bajeng.{format}"'
    data = r.content
    assert data[:4] == (b"%PDF" if format == "pdf" else b"PK\x03\x04")


def test_a_published_pdf_is_issued_once_and_served_as_issued(anonymous_client, terbit_a):
    pertama = anonymous_client.get(_unduh(terbit_a)).content
    kedua = anonymous_client.get(_unduh(terbit_a)).content
    assert pertama == kedua
    [dokumen] = DokumenTerbit.objects.all()
    assert bytes(dokumen.pdf) == pertama and dokumen.berlaku
    with pdfplumber.open(io.BytesIO(pertama)) as pdf:
        teks = pdf.pages[0].extract_text().replace("\n", "")
    assert f"{alamat_dasar()}/verifikasi/{dokumen.token}/" in teks


@pytest.mark.parametrize("pengguna", ["anonymous", "operator_b"])
@pytest.mark.parametrize("format", ["pdf", "docx", "xlsx"])
def test_a_draft_is_not_found_for_those_who_may_not_view_it(request, client, pengguna, format, draf_a):
    if pengguna != "anonymous":
        client.force_login(request.getfixturevalue(pengguna))
    assert client.get(_unduh(draf_a, format)).status_code == 404


@pytest.mark.parametrize("pengguna", ["operator_a", "pimpinan_a", "verifikator", "inspektur", "admin_pemda"])
def test_a_draft_downloads_for_those_who_may_view_it_without_a_qr_code(request, client_as, pengguna, draf_a):
    r = client_as(request.getfixturevalue(pengguna)).get(_unduh(draf_a))
    assert r.status_code == 200 and r.content[:4] == b"%PDF"
    assert not DokumenTerbit.objects.exists()  # a draft is never issued


def test_unknown_format_or_pk_is_not_found(anonymous_client, terbit_a):
    assert anonymous_client.get(_unduh(terbit_a, "odt")).status_code == 404
    assert anonymous_client.get(reverse("documents:pk_unduh", args=[999999, "pdf"])).status_code == 404


def test_the_pk_page_offers_the_downloads(anonymous_client, terbit_a):
    html = anonymous_client.get(reverse("agreements:pk_detail", args=[terbit_a.pk])).content.decode()
    for format in ("pdf", "docx", "xlsx"):
        assert f'href="{_unduh(terbit_a, format)}"' in html


def _jumlah_query(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200, url
    return len(q.captured_queries)


@pytest.mark.parametrize("format", ["pdf", "docx", "xlsx"])
def test_download_queries_do_not_grow_with_the_pk(client_as, operator_a, pk_factory, unit_a, format):
    client = client_as(operator_a)
    kecil = pk_factory(unit_a, n_indikator=3)
    besar = pk_factory(unit_a, n_indikator=60, tahun=2025)
    for pk in (kecil, besar):
        client.get(_unduh(pk, format))  # a published PDF is issued on the first request
    assert _jumlah_query(client, _unduh(kecil, format)) == _jumlah_query(client, _unduh(besar, format))


# -- the year's ZIP ---------------------------------------------------------------------------------


@pytest.fixture
def setahun(pk_factory, unit_a, unit_b):
    return [
        pk_factory(unit_a, n_indikator=2),
        pk_factory(unit_b, n_indikator=2, draft=True),
        pk_factory(unit_a, n_indikator=2, tahun=2023),
    ]


def _zip(client, tahun=2024, format="pdf"):
    return client.get(reverse("documents:pk_zip", args=[tahun]) + f"?format={format}")


def test_the_admin_downloads_every_pk_of_a_year(client_as, admin_pemda, setahun):
    r = _zip(client_as(admin_pemda))
    assert r.status_code == 200
    assert r["Content-Disposition"] == 'attachment; filename="PK-2024-pdf.zip"'
    arsip = zipfile.ZipFile(io.BytesIO(b"".join(r.streaming_content)))
    assert sorted(arsip.namelist()) == ["PK-2024-Kecamatan-Bajeng.pdf", "PK-2024-Kecamatan-Pallangga.pdf"]
    # The published one is its issued document (with the QR code), the draft is not issued.
    [dokumen] = DokumenTerbit.objects.all()
    assert arsip.read("PK-2024-Kecamatan-Bajeng.pdf") == bytes(dokumen.pdf)


@pytest.mark.parametrize("format", ["docx", "xlsx"])
def test_the_zip_in_other_formats(client_as, admin_pemda, setahun, format):
    r = _zip(client_as(admin_pemda), format=format)
    arsip = zipfile.ZipFile(io.BytesIO(b"".join(r.streaming_content)))
    assert len(arsip.namelist()) == 2 and all(n.endswith(f".{format}") for n in arsip.namelist())


@pytest.mark.parametrize("pengguna", ["operator_a", "pimpinan_a", "verifikator", "inspektur"])
def test_the_zip_is_for_admins_only(request, client_as, pengguna, setahun):
    assert _zip(client_as(request.getfixturevalue(pengguna))).status_code == 403


def test_the_zip_asks_the_public_to_log_in(anonymous_client, setahun):
    r = _zip(anonymous_client)
    assert r.status_code == 302 and "/masuk/" in r["Location"]


def test_a_year_without_pks_or_a_wrong_format_is_not_found(client_as, admin_pemda, setahun):
    assert _zip(client_as(admin_pemda), tahun=2019).status_code == 404
    assert _zip(client_as(admin_pemda), format="odt").status_code == 404


def test_an_admin_of_one_unit_gets_only_that_unit(client_as, unit_b, setahun):
    from tests.conftest import _user

    admin_b = _user("admin_b", unit_b, "admin")
    arsip = zipfile.ZipFile(io.BytesIO(b"".join(_zip(client_as(admin_b)).streaming_content)))
    assert arsip.namelist() == ["PK-2024-Kecamatan-Pallangga.pdf"]


def test_zip_queries_do_not_grow_with_the_number_of_pks(client_as, admin_pemda, pk_factory, unit_a, unit_b):
    client = client_as(admin_pemda)
    pk_factory(unit_a, n_indikator=2)
    pk_factory(unit_b, n_indikator=2)
    _zip(client)  # issues the published PDFs
    with CaptureQueriesContext(connection) as sedikit:
        b"".join(_zip(client).streaming_content)
    for tahun in (2020, 2021, 2022):
        pk_factory(unit_a, n_indikator=2, tahun=tahun)
    _zip(client, tahun=2020), _zip(client, tahun=2021), _zip(client, tahun=2022)
    for unit in (unit_a, unit_b):
        pk_factory(unit, n_indikator=2, tahun=2024, jenis="perubahan")
    _zip(client)
    with CaptureQueriesContext(connection) as banyak:
        b"".join(_zip(client).streaming_content)
    assert len(banyak.captured_queries) == len(sedikit.captured_queries)


def test_the_downloads_page_lists_the_admins_years(client_as, admin_pemda, operator_a, setahun):
    html = client_as(admin_pemda).get(reverse("documents:unduhan")).content.decode()
    assert reverse("documents:pk_zip", args=[2024]) + "?format=pdf" in html
    assert reverse("documents:pk_zip", args=[2023]) + "?format=xlsx" in html
    html = client_as(operator_a).get(reverse("documents:unduhan")).content.decode()
    assert "Hanya admin unit" in html

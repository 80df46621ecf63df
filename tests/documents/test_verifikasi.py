"""The public verification page: what was issued, whether a given PDF is it, and what replaced it."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from kinerja.agreements.models import PerjanjianKinerja
from kinerja.documents.models import DokumenTerbit
from kinerja.documents.terbit import dokumen_terbit

pytestmark = pytest.mark.django_db


@pytest.fixture
def pk(pk_factory, unit_a):
    return pk_factory(unit_a, n_indikator=3)


@pytest.fixture
def terbit(pk):
    return dokumen_terbit(pk)


def _halaman(token):
    return reverse("documents:verifikasi", args=[token])


def test_the_page_is_public_and_shows_the_document(anonymous_client, terbit):
    r = anonymous_client.get(_halaman(terbit.token))
    assert r.status_code == 200
    html = r.content.decode()
    for teks in (
        "Dokumen ini berlaku",
        "PERJANJIAN KINERJA TAHUN 2024",
        "Kecamatan Bajeng, Kabupaten Gowa",
        "SITI HAERANI, S.SOS",
        "NIP. 19711010 199312 2 003",
        "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.",
        "Sungguminasa, Januari 2024",
        terbit.sha256,
        terbit.token,
    ):
        assert teks in html, teks
    assert len(terbit.token) == 8 and terbit.sha256 == hashlib.sha256(bytes(terbit.pdf)).hexdigest()


def test_uploading_the_issued_pdf_says_it_matches(anonymous_client, terbit):
    berkas = SimpleUploadedFile("pk.pdf", bytes(terbit.pdf), content_type="application/pdf")
    html = anonymous_client.post(_halaman(terbit.token), {"berkas": berkas}).content.decode()
    assert "Cocok." in html and "sama persis dengan dokumen yang diterbitkan" in html


def test_uploading_another_pdf_says_it_does_not(anonymous_client, terbit):
    diubah = bytes(terbit.pdf).replace(b"Bajeng", b"Bajenk")
    berkas = SimpleUploadedFile("pk.pdf", diubah, content_type="application/pdf")
    html = anonymous_client.post(_halaman(terbit.token), {"berkas": berkas}).content.decode()
    assert "Tidak cocok." in html and hashlib.sha256(diubah).hexdigest() in html


def test_pasting_the_sha256_works_too(anonymous_client, terbit):
    tempel = " ".join([terbit.sha256[:32].upper(), terbit.sha256[32:]])
    html = anonymous_client.post(_halaman(terbit.token), {"sha256": tempel}).content.decode()
    assert "Cocok." in html
    html = anonymous_client.post(_halaman(terbit.token), {"sha256": "0" * 64}).content.decode()
    assert "Tidak cocok." in html


@pytest.mark.parametrize(
    ("data", "pesan"), [({}, "Unggah berkas PDF"), ({"sha256": "bukan-hash"}, "64 karakter")]
)
def test_an_empty_or_wrong_form_says_what_is_needed(anonymous_client, terbit, data, pesan):
    html = anonymous_client.post(_halaman(terbit.token), data).content.decode()
    assert pesan in html and "Cocok." not in html


def test_a_new_address_issues_a_new_document_and_the_old_token_says_replaced(anonymous_client, pk, terbit):
    # The same content at the same address keeps the document.
    assert dokumen_terbit(pk).pk == terbit.pk
    # Served at another address (the QR must point there): a new document with a new token.
    with override_settings(KINERJA_BASE_URL="https://kinerja.gowakab.go.id"):
        baru = dokumen_terbit(PerjanjianKinerja.objects.get(pk=pk.pk))
    assert baru.token != terbit.token and baru.berlaku
    terbit.refresh_from_db()
    assert not terbit.berlaku and terbit.diganti_oleh == baru and terbit.diganti_pada is not None
    html = anonymous_client.get(_halaman(terbit.token)).content.decode()
    assert "sudah diganti" in html and f'href="{_halaman(baru.token)}"' in html
    # The old PDF checked on the new page: another version of the same PK.
    berkas = SimpleUploadedFile("lama.pdf", bytes(terbit.pdf), content_type="application/pdf")
    html = anonymous_client.post(_halaman(baru.token), {"berkas": berkas}).content.decode()
    assert "Versi lain." in html
    # And on its own page: it is that document, no longer in force.
    berkas = SimpleUploadedFile("lama.pdf", bytes(terbit.pdf), content_type="application/pdf")
    html = anonymous_client.post(_halaman(terbit.token), {"berkas": berkas}).content.decode()
    assert "Cocok." in html and "tidak berlaku lagi" in html
    assert DokumenTerbit.objects.filter(perjanjian=pk, berlaku=True).count() == 1


def test_a_pk_replaced_by_its_published_perubahan_stays_verifiable_and_links_the_new_version(
    anonymous_client, pk, terbit, sistem
):
    from kinerja.agreements.alur import tandatangani, terbitkan
    from kinerja.agreements.versi import buat_perubahan

    baru = buat_perubahan(pk, sistem, alasan="a", keterangan="Camat diganti")
    PerjanjianKinerja.objects.filter(pk=baru.pk).update(status="disetujui")
    tandatangani(baru, sistem, tanpa_pindaian=True)
    terbitkan(baru, sistem)
    pk.refresh_from_db()
    assert pk.status == "diganti"
    html = anonymous_client.get(_halaman(terbit.token)).content.decode()
    assert "sudah diganti oleh PK perubahan" in html
    assert reverse("agreements:pk_detail", args=[baru.pk]) in html
    assert "SITI HAERANI" in html  # still public: the parties as issued
    assert anonymous_client.get(reverse("documents:verifikasi_pdf", args=[terbit.token])).status_code == 200


def test_the_issued_pdf_is_public_while_the_pk_is_published(anonymous_client, pk, terbit, sistem):
    from kinerja.agreements.alur import cabut

    url = reverse("documents:verifikasi_pdf", args=[terbit.token])
    r = anonymous_client.get(url)
    assert r.status_code == 200 and r.content == bytes(terbit.pdf)
    cabut(pk, sistem, catatan="Terbit karena salah unggah.")
    assert anonymous_client.get(url).status_code == 404
    html = anonymous_client.get(_halaman(terbit.token)).content.decode()
    assert "tidak lagi diterbitkan" in html
    assert terbit.sha256 in html and "SITI HAERANI" not in html  # the parties are no longer shown


def test_an_unknown_token_is_not_found_and_says_so(anonymous_client, db):
    r = anonymous_client.get(_halaman("tidakada"))
    assert r.status_code == 404
    assert "kode tidak dikenal: dokumen ini tidak diterbitkan melalui kinerja" in r.content.decode().lower()


def test_a_draft_is_never_issued(pk_factory, unit_a):
    with pytest.raises(ValueError):
        dokumen_terbit(pk_factory(unit_a, draft=True))


@override_settings(KINERJA_BASE_URL="https://kinerja.gowakab.go.id")
def test_the_qr_url_uses_the_configured_address(pk):
    import pdfplumber

    dokumen = dokumen_terbit(pk)
    with pdfplumber.open(io.BytesIO(bytes(dokumen.pdf))) as pdf:
        teks = pdf.pages[0].extract_text().replace("\n", "")
    assert f"https://kinerja.gowakab.go.id/verifikasi/{dokumen.token}/" in teks


def test_the_admin_lists_issued_documents_read_only(admin_client, terbit):
    r = admin_client.get(reverse("admin:documents_dokumenterbit_changelist"))
    assert r.status_code == 200 and terbit.token in r.content.decode()
    r = admin_client.get(reverse("admin:documents_dokumenterbit_change", args=[terbit.pk]))
    assert r.status_code == 200 and _halaman(terbit.token) in r.content.decode()
    assert admin_client.get(reverse("admin:documents_dokumenterbit_add")).status_code == 403

"""Importing a PK on the web: upload, read and review shown before anything is stored, then accept."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.agreements.models import PerjanjianKinerja, UnggahanPK

SEED = Path(__file__).resolve().parents[2] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"
URL = reverse("agreements:pk_impor")


def _upload(client, content: bytes, name: str = "pk-bajeng.txt"):
    return client.post(URL, {"berkas": SimpleUploadedFile(name, content, content_type="text/plain")})


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    res = client.get(URL)
    assert res.status_code == 302
    assert res["Location"].startswith("/masuk/")


@pytest.mark.django_db
def test_operator_sees_reading_and_review_before_anything_is_stored(client, operator_a):
    client.force_login(operator_a)
    res = _upload(client, SEED.read_bytes())
    assert res.status_code == 302
    preview = client.get(res["Location"])
    html = preview.content.decode()
    assert preview.status_code == 200
    assert PerjanjianKinerja.objects.count() == 0  # nothing stored yet
    assert "Kecamatan Bajeng" in html
    assert "18 indikator" in html
    assert "Rp5.204.765.371,00" in html
    # the review is shown: the seed's name mismatch and the OCR slip
    assert "HAKRAN" in html and "Balk" in html
    assert "galat" in html


@pytest.mark.django_db
def test_accepting_stores_once_and_opens_the_pk(client, operator_a):
    client.force_login(operator_a)
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    res = client.post(preview_url, {"simpan": "1"})
    pk = PerjanjianKinerja.objects.get()
    assert res.status_code == 302 and res["Location"] == reverse("agreements:pk_detail", args=[pk.pk])
    assert pk.diimpor_oleh == operator_a
    assert UnggahanPK.objects.count() == 0
    # again: updated, never duplicated
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    client.post(preview_url, {"simpan": "1", "draft": "1"})
    pk = PerjanjianKinerja.objects.get()
    assert not pk.diterbitkan


@pytest.mark.django_db
def test_operator_of_another_unit_cannot_store_it(client, operator_b):
    client.force_login(operator_b)
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    preview = client.get(preview_url)
    assert "tidak berhak" in preview.content.decode()
    res = client.post(preview_url, {"simpan": "1"})
    assert res.status_code == 200
    assert PerjanjianKinerja.objects.count() == 0


@pytest.mark.django_db
def test_someone_else_cannot_open_my_upload(client, operator_a, operator_b):
    client.force_login(operator_a)
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    client.force_login(operator_b)
    assert client.get(preview_url).status_code == 404


@pytest.mark.django_db
def test_cancel_deletes_the_upload(client, operator_a):
    client.force_login(operator_a)
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    client.post(preview_url, {"batal": "1"})
    assert UnggahanPK.objects.count() == 0
    assert PerjanjianKinerja.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        (b"Daftar belanja\nGula 2 kg\n", "belanja.txt", "bukan dokumen Perjanjian Kinerja"),
        (b"", "kosong.txt", "kosong"),
        (b"\x00\x01binary", "gambar.png", "tidak didukung"),
    ],
)
def test_unusable_upload_is_refused_with_a_message_and_nothing_kept(
    client, operator_a, content, name, fragment
):
    client.force_login(operator_a)
    res = _upload(client, content, name)
    assert res.status_code == 400
    assert fragment in res.content.decode()
    assert UnggahanPK.objects.count() == 0

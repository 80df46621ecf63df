"""Importing a PK on the web: upload, read and review shown before anything is stored, then accept."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.agreements.models import Indikator, PerjanjianKinerja, UnggahanPK
from kinerja.domain import pk_text

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
    assert pk.diimpor_oleh == operator_a and pk.status == "draf" and not pk.publik
    assert UnggahanPK.objects.count() == 0
    ids = set(Indikator.objects.filter(sasaran__perjanjian=pk).values_list("pk", flat=True))
    # again: the draft is updated in place, never duplicated; its rows keep their identity
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    assert "baris yang sama tetap dipakai" in client.get(preview_url).content.decode()
    client.post(preview_url, {"simpan": "1"})
    pk = PerjanjianKinerja.objects.get()
    assert set(Indikator.objects.filter(sasaran__perjanjian=pk).values_list("pk", flat=True)) == ids


@pytest.mark.django_db
def test_a_published_pk_is_not_overwritten_by_an_upload(client, operator_a, sistem):
    from tests.conftest import terbitkan_pk

    [data] = pk_text.parse_file(str(SEED))
    pk = terbitkan_pk(data)
    client.force_login(operator_a)
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    teks = client.get(preview_url).content.decode()
    assert "buat PK perubahan" in teks and f"/pk/{pk.pk}/" in teks
    res = client.post(preview_url, {"simpan": "1"})
    assert res.status_code == 400 and "Tidak disimpan" in res.content.decode()
    pk.refresh_from_db()
    assert pk.status == "diterbitkan" and PerjanjianKinerja.objects.count() == 1


@pytest.mark.django_db
def test_only_a_pimpinan_or_admin_is_offered_to_store_as_signed_and_needs_the_scan(
    client, operator_a, pimpinan_a
):
    client.force_login(operator_a)
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    assert 'name="ditandatangani"' not in client.get(preview_url).content.decode()
    client.force_login(pimpinan_a)
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    assert 'name="ditandatangani"' in client.get(preview_url).content.decode()
    res = client.post(preview_url, {"simpan": "1", "ditandatangani": "1"})
    assert res.status_code == 400 and "pindaian" in res.content.decode()
    assert PerjanjianKinerja.objects.count() == 0
    scan = SimpleUploadedFile("ttd.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64, content_type="image/png")
    res = client.post(preview_url, {"simpan": "1", "ditandatangani": "1", "pindaian": scan})
    pk = PerjanjianKinerja.objects.get()
    assert (
        res.status_code == 302
        and pk.status == "ditandatangani"
        and pk.pindaian.get().jenis_isi == "image/png"
    )


@pytest.mark.django_db
def test_operator_of_another_unit_cannot_store_it(client, operator_b):
    client.force_login(operator_b)
    preview_url = _upload(client, SEED.read_bytes())["Location"]
    preview = client.get(preview_url)
    assert "tidak berhak" in preview.content.decode()
    res = client.post(preview_url, {"simpan": "1"})
    assert res.status_code == 400
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
        (b"PK\x03\x04terpotong", "pk.xlsx", "bukan arsip XLSX yang sah"),
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


@pytest.mark.django_db
def test_a_workbook_is_read_sheet_by_sheet_in_the_preview(client, operator_a):
    korpus = Path(__file__).resolve().parents[1] / "data" / "korpus" / "13_cimahi_bpkad_pk_2018.xlsx"
    client.force_login(operator_a)
    res = client.post(
        URL,
        {
            "berkas": SimpleUploadedFile(
                korpus.name,
                korpus.read_bytes(),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        },
    )
    assert res.status_code == 302
    html = client.get(res["Location"]).content.decode()
    assert "HELLA HAERANI" in html and "RONY RODJANI" in html
    assert PerjanjianKinerja.objects.count() == 0

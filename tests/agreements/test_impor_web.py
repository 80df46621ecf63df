"""Importing a PK on the web: upload, read and review shown before anything is stored, then accept."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kinerja.agreements import baca_latar, views_impor
from kinerja.agreements.models import Indikator, PerjanjianKinerja, UnggahanPK
from kinerja.domain import ocr, pk_text

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
        (b"\x00\x01binary", "gambar.gif", "tidak didukung"),
        (b"\x00\x01binary", "gambar.png", "gambar tidak dapat dibaca"),
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


# -- scans read by OCR in the background ---------------------------------------------------------------

KORPUS = Path(__file__).resolve().parents[1] / "data" / "korpus"
PINDAIAN = KORPUS / "10_jabar_disperkim_kabid_pertanahan_2017_scan.pdf"
perlu_tesseract = pytest.mark.usefixtures("tesseract")  # tests/conftest.py: skipped only without Tesseract


def _unggah_pindaian(client):
    return client.post(
        URL,
        {"berkas": SimpleUploadedFile(PINDAIAN.name, PINDAIAN.read_bytes(), content_type="application/pdf")},
    )


@perlu_tesseract
@pytest.mark.django_db
def test_a_scan_waits_for_ocr_then_shows_its_reading_with_the_warning(
    client, operator_a, monkeypatch, django_capture_on_commit_callbacks
):
    """The upload answers at once; OCR runs after the request (here: when the commit's callbacks run)."""
    dimulai: list[int] = []
    monkeypatch.setattr(baca_latar, "mulai", lambda unggahan: dimulai.append(unggahan.pk))
    client.force_login(operator_a)
    with django_capture_on_commit_callbacks(execute=True):
        res = _unggah_pindaian(client)
    assert res.status_code == 302
    [unggahan] = UnggahanPK.objects.all()
    assert dimulai == [unggahan.pk]
    assert (unggahan.status_baca, unggahan.halaman_ocr, unggahan.baris) == ("antre", 2, None)

    menunggu = client.get(res["Location"])
    html = menunggu.content.decode()
    assert menunggu.status_code == 200
    assert "Membaca pindaian" in html and "Menunggu giliran" in html
    assert 'hx-trigger="every 2s"' in html

    baca_latar.baca(unggahan.pk)  # what the background thread does
    unggahan.refresh_from_db()
    assert (unggahan.status_baca, unggahan.halaman_ocr_selesai) == ("selesai", 2)
    poll = client.get(res["Location"], headers={"HX-Request": "true"})
    assert poll.status_code == 204 and poll["HX-Redirect"] == res["Location"]

    html = client.get(res["Location"]).content.decode()
    assert "periksa setiap angka terhadap kertasnya" in html
    assert "3 indikator" in html and "DEDE WAHYUDIN" in html
    assert PerjanjianKinerja.objects.count() == 0  # nothing stored before it is accepted


@perlu_tesseract
@pytest.mark.django_db(transaction=True)
def test_the_background_thread_reads_the_scan_while_the_server_answers(client, operator_a, monkeypatch):
    threads = []
    asli = baca_latar.mulai
    monkeypatch.setattr(baca_latar, "mulai", lambda unggahan: threads.append(asli(unggahan)))
    client.force_login(operator_a)
    res = _unggah_pindaian(client)
    assert res.status_code == 302
    [thread] = threads
    assert client.get(reverse("agreements:pk_list")).status_code == 200  # the server answers meanwhile
    thread.join(timeout=120)
    assert not thread.is_alive()
    unggahan = UnggahanPK.objects.get()
    assert unggahan.status_baca == "selesai", unggahan.pesan_baca
    assert "periksa setiap angka" in client.get(res["Location"]).content.decode()


@pytest.mark.django_db
def test_a_scan_without_tesseract_is_refused_with_what_to_install(client, operator_a, monkeypatch):
    monkeypatch.setattr(ocr, "tersedia", lambda: False)
    client.force_login(operator_a)
    res = _unggah_pindaian(client)
    assert res.status_code == 400
    assert "tesseract-ocr-ind" in res.content.decode()
    assert UnggahanPK.objects.count() == 0


@pytest.mark.django_db
def test_a_scan_over_the_page_limit_is_refused_before_ocr(client, operator_a, monkeypatch):
    monkeypatch.setattr(views_impor, "halaman_ocr", lambda isi, nama: ocr.BATAS_HALAMAN + 5)
    client.force_login(operator_a)
    res = _unggah_pindaian(client)
    assert res.status_code == 400
    assert f"{ocr.BATAS_HALAMAN + 5} halaman pindaian" in res.content.decode()
    assert UnggahanPK.objects.count() == 0


@pytest.mark.django_db
def test_a_reading_that_failed_or_died_says_so(client, operator_a):
    client.force_login(operator_a)
    gagal = UnggahanPK.objects.create(
        pengguna=operator_a,
        nama_berkas="pindaian.pdf",
        isi=b"%PDF",
        sha256="0" * 64,
        status_baca="gagal",
        pesan_baca="PDF ini tidak memuat teks yang dapat dibaca",
    )
    html = client.get(reverse("agreements:pk_impor_pratinjau", args=[gagal.pk])).content.decode()
    assert "pindaian.pdf tidak dapat dibaca" in html and "tidak memuat teks" in html
    assert "hx-trigger" not in html  # no more polling

    mati = UnggahanPK.objects.create(
        pengguna=operator_a, nama_berkas="lama.pdf", isi=b"%PDF", sha256="0" * 64, status_baca="berjalan"
    )
    UnggahanPK.objects.filter(pk=mati.pk).update(diperbarui_pada=timezone.now() - baca_latar.BATAS_DIAM * 2)
    html = client.get(reverse("agreements:pk_impor_pratinjau", args=[mati.pk])).content.decode()
    assert "pembacaan terhenti" in html

    res = client.post(reverse("agreements:pk_impor_pratinjau", args=[mati.pk]), {"batal": "1"})
    assert res.status_code == 302 and not UnggahanPK.objects.filter(pk=mati.pk).exists()


@pytest.mark.django_db
def test_the_preview_parses_the_rows_kept_at_upload_not_the_file_again(client, operator_a, monkeypatch):
    client.force_login(operator_a)
    res = _upload(client, SEED.read_bytes())
    monkeypatch.setattr(
        pk_text, "parse_bytes", lambda *a, **k: (_ for _ in ()).throw(AssertionError("dibaca ulang"))
    )
    assert client.get(res["Location"]).status_code == 200

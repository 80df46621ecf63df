"""The monitoring spreadsheets: the templates as written, the upload's preview, acceptance in one
transaction through the services, and who may upload."""

import io
import zipfile
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from kinerja.monitoring import layanan as m
from kinerja.monitoring import lembar
from kinerja.monitoring.models import Realisasi, RencanaIndikator
from kinerja.riwayat.models import Riwayat
from tests.monitoring.conftest import HARI_TW1

# The template's first data row (title lines, a blank line, the header above it).
BARIS_1 = lembar.BARIS_KEPALA + 1


@pytest.fixture(autouse=True)
def _hari_tw1(monkeypatch):
    """Every page of these tests is used on 5 April 2024 (TW I of the 2024 PK is open)."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: HARI_TW1)


@pytest.fixture
def predikat(indikator):
    """The third indikator made a predicate one (target "BB", SAKIP's scale)."""
    i = indikator[2]
    i.target_nilai, i.target_predikat, i.target_teks, i.satuan = None, "BB", "BB", ""
    i.save()
    return i


def _unduh(client, pk_pantau, tw=1) -> bytes:
    r = client.get(reverse("monitoring:lembar_unduh", args=[pk_pantau.pk, tw]))
    assert r.status_code == 200, r.content[:300]
    assert r["Content-Type"] == lembar.JENIS_XLSX
    return r.content


def _meta(wb) -> dict[str, str]:
    return {str(a.value): str(b.value) for a, b in wb[lembar.LEMBAR_META].iter_rows(max_col=2) if a.value}


def _isi(data: bytes, per_id: dict[int, dict[str, object]], *, format_angka: str | None = None) -> bytes:
    """The template with some cells typed over (by indikator id and column key), as a user would."""
    wb = load_workbook(io.BytesIO(data))
    meta = _meta(wb)
    ws = wb.worksheets[0]
    kolom = {k.removeprefix("kolom:"): int(v) for k, v in meta.items() if k.startswith("kolom:")}
    for row in ws.iter_rows(min_row=BARIS_1):
        ident = row[kolom["id"] - 1].value
        for k, v in per_id.get(ident, {}).items():
            c = row[kolom[k] - 1]
            c.value = v
            if format_angka and isinstance(v, float):
                c.number_format = format_angka
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _unggah(client, pk_pantau, data: bytes, tw=1, nama="realisasi.xlsx"):
    return client.post(
        reverse("monitoring:lembar_unggah", args=[pk_pantau.pk, tw]),
        {"berkas": SimpleUploadedFile(nama, data, content_type=lembar.JENIS_XLSX)},
    )


def _aksi(obj):
    return [r.aksi for r in Riwayat.objects.untuk(obj)]


# ---------------------------------------------------------------------------------------------------
# The template
# ---------------------------------------------------------------------------------------------------


def test_template_columns_protection_and_predicate_list(
    client_as, operator_a, pk_pantau, indikator, predikat
):
    m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D("92.5"), kendala="Jaringan", hari_ini=HARI_TW1)
    data = _unduh(client_as(operator_a), pk_pantau)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Realisasi", "Petunjuk", lembar.LEMBAR_META]
    assert wb[lembar.LEMBAR_META].sheet_state == "veryHidden"
    ws = wb["Realisasi"]
    kepala = [c.value for c in ws[lembar.BARIS_KEPALA]]
    assert kepala == [
        "ID",
        "Versi",
        "No",
        "Sasaran",
        "Indikator",
        "Satuan",
        "Target s.d. TW I",
        "Realisasi TW I",
        "Kendala",
        "Upaya dan tindak lanjut",
        "Status",
    ]
    assert ws.column_dimensions["A"].hidden and ws.column_dimensions["B"].hidden
    assert ws.protection.sheet
    baris = {r[0].value: r for r in ws.iter_rows(min_row=BARIS_1)}
    assert list(baris) == [i.pk for i in indikator]
    ikm, persen, bb = (baris[i.pk] for i in indikator)
    assert ikm[4].value == indikator[0].uraian and ikm[6].value == 84  # target to date: the year's
    assert (persen[7].value, persen[8].value, persen[10].value) == (92.5, "Jaringan", "Draf")
    assert persen[1].value  # the stored realisasi's version
    for c in persen[7:10]:
        assert c.protection.locked is False  # the input cells
    for c in (persen[0], persen[4], persen[6], persen[10]):
        assert c.protection.locked is not False
    assert bb[6].value == "BB"
    [dv] = ws.data_validations.dataValidation
    assert dv.type == "list" and "BB" in dv.formula1 and str(dv.sqref) == bb[7].coordinate
    petunjuk = " ".join(str(c.value) for c in wb["Petunjuk"]["B"] if c.value)
    assert "sel berwarna kuning" in petunjuk and "2 MB" in petunjuk
    assert _meta(wb)["perjanjian"] == str(pk_pantau.pk) and _meta(wb)["triwulan"] == "1"


def test_formula_looking_text_is_written_as_text(client_as, operator_a, pk_pantau, indikator):
    rumus = '=HYPERLINK("http://contoh.invalid","klik")'
    m.simpan_realisasi(
        indikator[1], 1, operator_a, nilai=D(90), kendala=rumus, upaya="+62 811", hari_ini=HARI_TW1
    )
    data = _unduh(client_as(operator_a), pk_pantau)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "HYPERLINK" in xml
    ws = load_workbook(io.BytesIO(data))["Realisasi"]
    row = next(r for r in ws.iter_rows(min_row=BARIS_1) if r[0].value == indikator[1].pk)
    assert (row[8].value, row[8].data_type, row[8].quotePrefix) == (rumus, "s", True)
    assert (row[9].value, row[9].data_type, row[9].quotePrefix) == ("+62 811", "s", True)


def test_only_a_monitored_pk_and_a_real_triwulan(client_as, operator_a, pk_factory, unit_a, pk_pantau):
    c = client_as(operator_a)
    draf = pk_factory(unit_a, draft=True, tahun=2025)
    assert c.get(reverse("monitoring:lembar_unduh", args=[draf.pk, 1])).status_code == 404
    assert c.get(reverse("monitoring:lembar_unduh", args=[pk_pantau.pk, 5])).status_code == 404


# ---------------------------------------------------------------------------------------------------
# Upload, preview, accept
# ---------------------------------------------------------------------------------------------------


def test_valid_upload_stores_rows_and_writes_the_trail(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    data = _isi(
        _unduh(c, pk_pantau),
        {
            indikator[0].pk: {"realisasi": "80,33", "kendala": "Responden sedikit", "upaya": "Survei ulang"},
            indikator[1].pk: {"realisasi": 92.5},
        },
    )
    r = _unggah(c, pk_pantau, data)
    assert r.status_code == 302, r.content.decode()[:2000]
    assert not Realisasi.objects.exists()  # the preview stores nothing
    halaman = c.get(r["Location"])
    html = halaman.content.decode()
    assert halaman.status_code == 200
    assert "2 baris akan disimpan" in html and "80,33" in html and "Responden sedikit" in html
    r = c.post(r["Location"], {"simpan": "1"})
    assert r.status_code == 302 and r["Location"] == reverse("monitoring:triwulan", args=[pk_pantau.pk, 1])
    ikm = Realisasi.objects.get(indikator=indikator[0], triwulan=1)
    assert (ikm.nilai, ikm.kendala, ikm.upaya, ikm.status, ikm.diisi_oleh) == (
        D("80.33"),
        "Responden sedikit",
        "Survei ulang",
        "draf",
        operator_a,
    )
    assert Realisasi.objects.get(indikator=indikator[1]).nilai == D("92.5")
    assert not Realisasi.objects.filter(indikator=indikator[2]).exists()  # left empty
    entri = Riwayat.objects.untuk(ikm).get()
    assert (entri.aksi, entri.oleh) == ("realisasi.simpan", operator_a)
    assert {"bidang": "nilai", "lama": None, "baru": "80.33"} in entri.perubahan


def test_bad_cell_rejects_the_whole_file_naming_the_row(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    data = _isi(
        _unduh(c, pk_pantau), {indikator[0].pk: {"realisasi": "80"}, indikator[1].pk: {"realisasi": "8o"}}
    )
    r = _unggah(c, pk_pantau, data)
    url = r["Location"]
    html = c.get(url).content.decode()
    baris = BARIS_1 + 1
    assert f"Baris {baris}, kolom Realisasi TW I: “8o” bukan angka" in html
    assert 'name="simpan" value="1" disabled' in html
    r = c.post(url, {"simpan": "1"})
    assert r.status_code == 409
    assert not Realisasi.objects.exists()


def test_a_row_refused_on_acceptance_stores_nothing(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    data = _isi(
        _unduh(c, pk_pantau), {indikator[0].pk: {"realisasi": 81}, indikator[1].pk: {"realisasi": 90}}
    )
    url = _unggah(c, pk_pantau, data)["Location"]
    # Someone else enters the second indikator between the preview and its acceptance.
    m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(95), hari_ini=HARI_TW1)
    r = c.post(url, {"simpan": "1"})
    html = r.content.decode()
    assert r.status_code == 409
    assert f"Baris {BARIS_1 + 1}" in html and "sesudah pratinjau" in html
    assert not Realisasi.objects.filter(indikator=indikator[0]).exists()  # the first row rolled back
    assert Realisasi.objects.get(indikator=indikator[1]).nilai == D(95)


def test_service_refusal_in_preview(client_as, operator_a, pk_pantau, indikator, predikat):
    c = client_as(operator_a)
    data = _isi(_unduh(c, pk_pantau), {predikat.pk: {"realisasi": "ZZ"}, indikator[0].pk: {"realisasi": 80}})
    html = c.get(_unggah(c, pk_pantau, data)["Location"]).content.decode()
    assert f"Baris {BARIS_1 + 2}, kolom Realisasi TW I: predikat “ZZ” tidak dikenal" in html
    data = _isi(_unduh(c, pk_pantau), {predikat.pk: {"realisasi": "A"}})
    url = _unggah(c, pk_pantau, data)["Location"]
    assert c.post(url, {"simpan": "1"}).status_code == 302
    assert Realisasi.objects.get(indikator=predikat).predikat == "A"


def test_plausibility_warnings_are_confirmed_with_one_box(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    # IKM target 84: "80,33" typed as 8033.
    data = _isi(
        _unduh(c, pk_pantau), {indikator[0].pk: {"realisasi": 8033}, indikator[1].pk: {"realisasi": 90}}
    )
    url = _unggah(c, pk_pantau, data)["Location"]
    html = c.get(url).content.decode()
    assert "PAN-003" in html and "Nilai yang diberi peringatan sudah saya periksa" in html
    r = c.post(url, {"simpan": "1"})
    assert r.status_code == 400 and 'id="akui-galat"' in r.content.decode()
    assert not Realisasi.objects.exists()
    r = c.post(url, {"simpan": "1", "akui": "1"})
    assert r.status_code == 302
    ikm = Realisasi.objects.get(indikator=indikator[0])
    assert ikm.nilai == D(8033)
    assert Riwayat.objects.untuk(ikm).get().data["peringatan"][0]["kode"] == "PAN-003"
    assert not Riwayat.objects.untuk(Realisasi.objects.get(indikator=indikator[1])).get().data
    assert c.get(url).status_code == 302  # the preview is gone once stored


def test_unchanged_automatic_and_verified_rows_are_skipped(
    client_as, operator_a, verifikator, pk_pantau, indikator
):
    r1 = m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(90), hari_ini=HARI_TW1)
    m.ajukan_triwulan(pk_pantau, 1, operator_a, hari_ini=HARI_TW1)
    m.verifikasi(r1, verifikator)
    Realisasi.objects.create(
        indikator=indikator[0], triwulan=1, nilai=D("82.1"), otomatis=True, status="diajukan"
    )
    c = client_as(operator_a)
    tanpa_ubah = _unduh(c, pk_pantau)
    html = c.get(_unggah(c, pk_pantau, tanpa_ubah)["Location"]).content.decode()
    assert (
        "Tidak ada baris yang berubah" in html
        and "Otomatis — dilewati" in html
        and "Kosong — dilewati" in html
    )
    # Typed over anyway (a copy of the sheet without protection): still skipped.
    data = _isi(
        tanpa_ubah,
        {
            indikator[0].pk: {"realisasi": 1},
            indikator[1].pk: {"realisasi": 2},
            indikator[2].pk: {"realisasi": 7},
        },
    )
    url = _unggah(c, pk_pantau, data)["Location"]
    html = c.get(url).content.decode()
    assert "Terverifikasi — dilewati" in html and "1 baris akan disimpan" in html
    assert c.post(url, {"simpan": "1"}).status_code == 302
    assert Realisasi.objects.get(indikator=indikator[0]).nilai == D("82.1")
    assert Realisasi.objects.get(indikator=indikator[1]).nilai == D(90)
    assert Realisasi.objects.get(indikator=indikator[2]).nilai == D(7)


def test_a_stale_template_does_not_overwrite(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    lama = _unduh(c, pk_pantau)
    m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(95), hari_ini=HARI_TW1)
    html = c.get(
        _unggah(c, pk_pantau, _isi(lama, {indikator[1].pk: {"realisasi": 70}}))["Location"]
    ).content.decode()
    assert (
        f"Baris {BARIS_1 + 1}: realisasi “{indikator[1].uraian}” diubah di aplikasi sesudah lembar ini diunduh"
        in html
    )
    # Left as downloaded, the stale row would empty the value entered since: refused too.
    url = _unggah(c, pk_pantau, _isi(lama, {indikator[0].pk: {"realisasi": 80}}))["Location"]
    html = c.get(url).content.decode()
    assert f"Baris {BARIS_1 + 1}: realisasi" in html and f"Baris {BARIS_1}:" not in html
    assert c.post(url, {"simpan": "1"}).status_code == 409
    assert Realisasi.objects.get(indikator=indikator[1]).nilai == D(95)
    assert not Realisasi.objects.filter(indikator=indikator[0]).exists()


def test_percentage_and_indonesian_numbers(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    data = _isi(
        _unduh(c, pk_pantau),
        {indikator[1].pk: {"realisasi": 0.925}, indikator[0].pk: {"realisasi": "1.234,5"}},
        format_angka="0.0%",
    )
    url = _unggah(c, pk_pantau, data)["Location"]
    assert c.post(url, {"simpan": "1", "akui": "1"}).status_code == 302
    assert Realisasi.objects.get(indikator=indikator[1]).nilai == D("92.5")
    assert Realisasi.objects.get(indikator=indikator[0]).nilai == D("1234.5")


def test_the_preview_is_not_read_again(client_as, operator_a, pk_pantau, indikator, monkeypatch):
    c = client_as(operator_a)
    url = _unggah(c, pk_pantau, _isi(_unduh(c, pk_pantau), {indikator[1].pk: {"realisasi": 90}}))["Location"]

    def jangan(*a, **k):
        raise AssertionError("berkas dibaca lagi")

    monkeypatch.setattr(lembar, "_baca", jangan)
    assert c.get(url).status_code == 200
    assert c.post(url, {"simpan": "1"}).status_code == 302


def test_an_old_preview_expires(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    url = _unggah(c, pk_pantau, _isi(_unduh(c, pk_pantau), {indikator[1].pk: {"realisasi": 90}}))["Location"]
    s = c.session
    for v in s["kinerja_lembar"].values():
        v["dibuat"] = "2000-01-01T00:00:00+00:00"
    s.save()
    r = c.post(url, {"simpan": "1"})
    assert r.status_code == 302 and r["Location"] == reverse(
        "monitoring:lembar_unggah", args=[pk_pantau.pk, 1]
    )
    assert not Realisasi.objects.exists()


def test_cancel(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    url = _unggah(c, pk_pantau, _isi(_unduh(c, pk_pantau), {indikator[1].pk: {"realisasi": 90}}))["Location"]
    assert c.post(url, {"batal": "1"}).status_code == 302
    assert not Realisasi.objects.exists()
    assert c.get(url).status_code == 302


# ---------------------------------------------------------------------------------------------------
# Unusable files
# ---------------------------------------------------------------------------------------------------


def _workbook(isi: list[list[object]]) -> bytes:
    wb = Workbook()
    for row in isi:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("realisasi.csv", b"indikator;realisasi\nIKM;80\n", "bukan berkas .xlsx"),
        ("realisasi.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "Excel lama (.xls)"),
        ("terkunci.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "dikunci dengan kata sandi"),
        ("realisasi.xlsx", b"indikator;realisasi\n", "bukan berkas XLSX"),
        ("realisasi.xlsx", b"PK\x03\x04rusak", "bukan berkas XLSX yang utuh"),
        ("realisasi.xlsx", b"PK\x03\x04" + b"0" * (2 * 1024 * 1024), "lebih dari 2 MB"),
        ("realisasi.xlsx", _workbook([["ID", "Realisasi"], [1, 80]]), "bukan lembar templat kinerja"),
    ],
)
def test_unusable_files_are_refused_with_a_message(client_as, operator_a, pk_pantau, nama, isi, pesan):
    r = _unggah(client_as(operator_a), pk_pantau, isi, nama=nama)
    html = r.content.decode()
    assert r.status_code == 400
    assert pesan in html and 'aria-invalid="true"' in html and 'id="id_berkas_galat"' in html


def test_another_pk_or_triwulan_or_kind_is_refused(
    client_as, operator_a, pk_pantau, pk_factory, unit_a, indikator
):
    c = client_as(operator_a)
    tw1 = _unduh(c, pk_pantau)
    r = _unggah(c, pk_pantau, tw1, tw=2)
    assert r.status_code == 400 and "lembar Triwulan I, bukan Triwulan II" in r.content.decode()
    rencana = c.get(reverse("monitoring:rencana_unduh", args=[pk_pantau.pk])).content
    assert "bukan lembar realisasi" in _unggah(c, pk_pantau, rencana).content.decode()
    lain = pk_factory(unit_a, n_indikator=2, tahun=2024, jenis="perubahan")
    r = _unggah(c, lain, tw1)
    assert r.status_code == 400 and "lembar PK lain" in r.content.decode()


def test_too_many_rows_are_refused(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    wb = load_workbook(io.BytesIO(_unduh(c, pk_pantau)))
    wb.worksheets[0].cell(row=lembar.BATAS_BARIS + 1, column=9, value="terlalu jauh")
    out = io.BytesIO()
    wb.save(out)
    r = _unggah(c, pk_pantau, out.getvalue())
    assert r.status_code == 400 and "lebih dari 2.000 baris" in r.content.decode()


def test_rows_not_from_the_template(client_as, operator_a, pk_pantau, indikator, pk_factory, unit_b):
    c = client_as(operator_a)
    wb = load_workbook(io.BytesIO(_unduh(c, pk_pantau)))
    ws = wb.worksheets[0]
    n = ws.max_row
    ws.cell(row=n + 1, column=8, value=5)  # a row typed below, without an id
    lain = pk_factory(unit_b).sasaran.first().indikator.first()
    ws.cell(row=n + 2, column=1, value=lain.pk)  # another PK's indikator
    ws.cell(row=n + 2, column=8, value=5)
    ws.cell(row=n + 3, column=1, value=indikator[0].pk)  # twice the same indikator
    ws.cell(row=n + 3, column=8, value=5)
    out = io.BytesIO()
    wb.save(out)
    html = c.get(_unggah(c, pk_pantau, out.getvalue())["Location"]).content.decode()
    assert f"Baris {n + 1}: baris ini tidak berasal dari templat" in html
    assert f"Baris {n + 2}: indikator nomor {lain.pk} bukan bagian PK ini" in html
    assert f"Baris {n + 3}: indikator ini sudah ada di baris {BARIS_1}" in html


# ---------------------------------------------------------------------------------------------------
# Who may
# ---------------------------------------------------------------------------------------------------


def test_another_units_operator_and_a_verifikator_may_not_upload(
    client_as, operator_a, operator_b, verifikator, pk_pantau, indikator
):
    data = _isi(_unduh(client_as(operator_a), pk_pantau), {indikator[1].pk: {"realisasi": 90}})
    url = reverse("monitoring:lembar_unggah", args=[pk_pantau.pk, 1])
    b = client_as(operator_b)
    assert b.get(url).status_code == 404
    assert _unggah(b, pk_pantau, data).status_code == 404
    assert b.get(reverse("monitoring:lembar_unduh", args=[pk_pantau.pk, 1])).status_code == 404
    v = client_as(verifikator)
    assert v.get(url).status_code == 403
    assert _unggah(v, pk_pantau, data).status_code == 403
    assert v.get(reverse("monitoring:rencana_unggah", args=[pk_pantau.pk])).status_code == 403
    assert not Realisasi.objects.exists()


def test_a_preview_belongs_to_its_pk(
    client_as, operator_a, admin_pemda, pk_pantau, pk_factory, unit_b, indikator
):
    c = client_as(admin_pemda)  # an admin of the pemda may edit both units
    url = _unggah(c, pk_pantau, _isi(_unduh(c, pk_pantau), {indikator[1].pk: {"realisasi": 90}}))["Location"]
    token = url.rstrip("/").rsplit("/", 1)[1]
    lain = pk_factory(unit_b)
    r = c.post(reverse("monitoring:lembar_pratinjau", args=[lain.pk, 1, token]), {"simpan": "1"})
    assert r.status_code == 302 and not Realisasi.objects.exists()


def test_the_upload_page(client_as, operator_a, pk_pantau):
    html = (
        client_as(operator_a)
        .get(reverse("monitoring:lembar_unggah", args=[pk_pantau.pk, 1]))
        .content.decode()
    )
    assert reverse("monitoring:lembar_unduh", args=[pk_pantau.pk, 1]) in html
    assert '<label for="id_berkas">' in html and 'aria-describedby="id_berkas_bantuan"' in html


# ---------------------------------------------------------------------------------------------------
# Rencana aksi
# ---------------------------------------------------------------------------------------------------


def _unduh_rencana(client, pk_pantau) -> bytes:
    r = client.get(reverse("monitoring:rencana_unduh", args=[pk_pantau.pk]))
    assert r.status_code == 200
    return r.content


def _unggah_rencana(client, pk_pantau, data: bytes):
    return client.post(
        reverse("monitoring:rencana_unggah", args=[pk_pantau.pk]),
        {"berkas": SimpleUploadedFile("rencana.xlsx", data, content_type=lembar.JENIS_XLSX)},
    )


def test_rencana_template(client_as, operator_a, pk_pantau, indikator, predikat):
    m.simpan_rencana(indikator[1], operator_a, target_tw1=D(25), aksi="=SUM(A1)")
    ws = load_workbook(io.BytesIO(_unduh_rencana(client_as(operator_a), pk_pantau)))["Rencana aksi"]
    kepala = [c.value for c in ws[lembar.BARIS_KEPALA]]
    assert kepala[:6] == ["ID", "No", "Sasaran", "Indikator", "Satuan", "Target tahun"]
    assert kepala[6:] == [
        "Target TW I",
        "Target TW II",
        "Target TW III",
        "Target TW IV",
        "Sifat target",
        "Konsolidasi",
        "Rencana aksi",
    ]
    baris = {r[0].value: r for r in ws.iter_rows(min_row=BARIS_1)}
    persen = baris[indikator[1].pk]
    assert (persen[6].value, persen[10].value, persen[11].value) == (25, "kumulatif", "terakhir")
    assert (persen[12].value, persen[12].data_type) == ("=SUM(A1)", "s")
    assert persen[6].protection.locked is False
    assert baris[predikat.pk][6].protection.locked is not False  # a predicate has no triwulan targets
    assert baris[predikat.pk][10].protection.locked is False
    assert len(ws.data_validations.dataValidation) == 2


def test_rencana_upload_stores_through_the_service(client_as, operator_a, pk_pantau, indikator):
    c = client_as(operator_a)
    data = _isi(
        _unduh_rencana(c, pk_pantau),
        {
            indikator[2].pk: {
                "target_tw1": 2,
                "target_tw2": "2",
                "target_tw3": "2,5",
                "target_tw4": 1.5,
                "sifat_target": "triwulanan",
                "konsolidasi": "Jumlah",
                "aksi": "Membangun pos pelayanan",
            },
            indikator[1].pk: {"sifat_target": "bulanan"},
        },
    )
    url = _unggah_rencana(c, pk_pantau, data)["Location"]
    html = c.get(url).content.decode()
    assert f"Baris {BARIS_1 + 1}, kolom Sifat target: “bulanan” tidak dikenal" in html
    assert c.post(url, {"simpan": "1"}).status_code == 409
    assert not RencanaIndikator.objects.exists()
    data = _isi(data, {indikator[1].pk: {"sifat_target": "kumulatif"}})
    url = _unggah_rencana(c, pk_pantau, data)["Location"]
    html = c.get(url).content.decode()
    assert "1 baris akan disimpan" in html and "Membangun pos pelayanan" in html
    r = c.post(url, {"simpan": "1"})
    assert r.status_code == 302 and r["Location"] == reverse("monitoring:rencana", args=[pk_pantau.pk])
    ren = RencanaIndikator.objects.get()
    assert (ren.indikator, ren.target_triwulan, ren.sifat_target, ren.konsolidasi, ren.aksi) == (
        indikator[2],
        (D(2), D(2), D("2.5"), D("1.5")),
        "triwulanan",
        "jumlah",
        "Membangun pos pelayanan",
    )
    assert _aksi(ren) == ["rencana.ubah"]


def test_rencana_predicate_has_no_triwulan_numbers(client_as, operator_a, pk_pantau, indikator, predikat):
    c = client_as(operator_a)
    data = _isi(_unduh_rencana(c, pk_pantau), {predikat.pk: {"target_tw1": 3}})
    html = c.get(_unggah_rencana(c, pk_pantau, data)["Location"]).content.decode()
    assert "kolom Target TW I: indikator ini bertarget predikat" in html


def test_rencana_upload_refused_to_another_unit(client_as, operator_a, operator_b, pk_pantau, indikator):
    data = _isi(_unduh_rencana(client_as(operator_a), pk_pantau), {indikator[2].pk: {"target_tw1": 2}})
    assert _unggah_rencana(client_as(operator_b), pk_pantau, data).status_code == 404
    assert not RencanaIndikator.objects.exists()

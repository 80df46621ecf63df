"""The evaluation pages' edges: odd input answers 404 or 400 (never 500), who sees the opening form, the
pemda's list in fixed queries, English."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.evaluation import layanan
from kinerja.evaluation.models import Evaluasi
from kinerja.units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def ev(unit_a, operator_a):
    return layanan.buka(operator_a, unit_a, 2024)


@pytest.mark.parametrize(
    "data",
    [
        {"aksi": "tidak-ada"},
        {"aksi": "hapus_bukti", "bukti": "abc"},
        {"aksi": "hapus_bukti", "bukti": "9" * 30},
        {"aksi": "hapus_bukti", "bukti": "999999"},
        {"aksi": "hapus_rekomendasi", "rekomendasi": "1 OR 1=1"},
    ],
)
def test_isian_aneh_404(client, ev, operator_a, data):
    client.force_login(operator_a)
    assert client.post(f"/evaluasi/{ev.pk}/", data).status_code == 404


def test_lhe_format_lain_404(client, ev, operator_a):
    client.force_login(operator_a)
    assert client.get(f"/evaluasi/{ev.pk}/lhe.xlsx").status_code == 404
    r = client.get(f"/evaluasi/{ev.pk}/lhe.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("data", "status", "pesan"),
    [
        ({"unit": "", "tahun": "2024"}, 400, "Pilih unit dan tulis tahun empat angka"),
        ({"unit": "UNIT_A", "tahun": "24"}, 400, "Pilih unit dan tulis tahun empat angka"),
        ({"unit": "UNIT_A", "tahun": "2024"}, 409, "sudah ada"),
        ({"unit": "UNIT_A", "tahun": "1999"}, 400, "tidak masuk akal"),
    ],
)
def test_buka_dari_daftar_ditolak_dengan_pesan(client, ev, unit_a, operator_a, data, status, pesan):
    client.force_login(operator_a)
    data = {k: str(unit_a.pk) if v == "UNIT_A" else v for k, v in data.items()}
    r = client.post("/evaluasi/", data)
    assert r.status_code == status
    teks = r.content.decode()
    assert pesan in teks
    assert f'value="{data["tahun"]}"' in teks  # what was typed is kept


def test_unit_orang_lain_404(client, unit_b, operator_a):
    client.force_login(operator_a)
    assert client.post("/evaluasi/", {"unit": unit_b.pk, "tahun": "2024"}).status_code == 404


def test_inspektorat_dapat_membuka_untuk_unit_mana_pun(client, unit_a, unit_b, inspektur):
    client.force_login(inspektur)
    halaman = client.get("/evaluasi/").content.decode()
    assert "Kecamatan Bajeng" in halaman and "Kecamatan Pallangga" in halaman
    assert client.post("/evaluasi/", {"unit": unit_b.pk, "tahun": "2024"}).status_code == 302
    assert Evaluasi.objects.filter(unit=unit_b, tahun=2024).exists()


def test_daftar_pemda_kueri_tetap(client, pemda, unit_a, operator_a, inspektur):
    client.force_login(inspektur)

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            assert client.get("/evaluasi/?tahun=2024").status_code == 200
        return len(q)

    layanan.buka(operator_a, unit_a, 2024)
    layanan.buka(operator_a, unit_a, 2023)
    satu = hitung()
    for i in range(6):
        u = Unit.objects.create(nama=f"Kecamatan Uji {i}", jenis="kecamatan", induk=pemda)
        layanan.buka(inspektur, u, 2024)
        layanan.buka(inspektur, u, 2023)
    assert hitung() == satu


def test_halaman_dalam_bahasa_inggris(client, ev, operator_a):
    from django.conf import settings

    client.force_login(operator_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the footer's choice (not the browser's)
    teks = client.get(f"/evaluasi/{ev.pk}/").content.decode()
    assert "SAKIP evaluation 2024 — Kecamatan Bajeng" in teks and "Unit’s self-assessment" in teks

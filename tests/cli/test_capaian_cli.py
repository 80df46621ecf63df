"""`kinerja capaian FILE`: the reviewer's calculator over a CSV or XLSX of target and realisasi."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LKJIP = (
    "indikator;satuan;polaritas;target;realisasi;capaian\n"
    "Indeks Kepuasan Masyarakat;indeks;positif;85;80,33;94,51%\n"
    "Nilai SAKIP;nilai;;74,25;74,15;99.87\n"
    "Jumlah pengaduan tidak ditindaklanjuti;pengaduan;negatif;10;8;120,00\n"
    "Persentase layanan sesuai SP;%;positif;80-90;85;100\n"
    "Predikat SAKIP;;positif;BB;B;80\n"
)


def _jalankan(tmp_path, isi: str | bytes, *args: str, nama: str = "capaian.csv"):
    berkas = tmp_path / nama
    berkas.write_bytes(isi if isinstance(isi, bytes) else isi.encode())
    keluar = []

    class Tulis:
        def write(self, teks):
            keluar.append(teks)

    kode = 0
    try:
        call_command("capaian", str(berkas), *args, stdout=Tulis(), stderr=Tulis())
    except SystemExit as e:
        kode = e.code
    return kode, "".join(keluar)


def test_a_published_table_that_follows_from_its_rows(tmp_path):
    kode, teks = _jalankan(tmp_path, LKJIP, "--json")
    assert kode == 0
    data = json.loads(teks)
    assert [(d["capaian"], d["kategori"], d["sesuai"]) for d in data] == [
        ("94.51", "Sangat Tinggi", True),
        ("99.87", "Sangat Tinggi", True),
        ("120.00", "Sangat Tinggi", True),
        ("100.00", "Sangat Tinggi", True),
        ("80.00", "Tinggi", True),
    ]
    assert data[0]["rumus"] == "R ÷ T × 100 = 80,33 ÷ 85 × 100"
    assert set(data[0]) == {"indikator", "capaian_mentah", "capaian", "kategori", "rumus", "sesuai"}


def test_a_cap_and_a_printed_value_that_does_not_follow(tmp_path):
    isi = "indikator,target,realisasi,capaian\nA,8,10,125\nB,8,10,100\n"
    kode, teks = _jalankan(tmp_path, isi, "--json", "--batas", "100")
    data = json.loads(teks)
    assert [(d["capaian_mentah"], d["capaian"], d["sesuai"]) for d in data] == [
        ("125.00", "100.00", False),  # printed without the cap the table declares
        ("125.00", "100.00", True),
    ]
    assert kode == 1
    kode, teks = _jalankan(tmp_path, isi)
    assert kode == 1 and "1 capaian tercetak tidak sesuai" in teks and "125,00%" in teks


def test_printed_rounding_is_allowed(tmp_path):
    isi = "indikator;target;realisasi;capaian\nIKM;85;80,33;94,5\nIKM;85;80,33;95\nIKM;85;80,33;94,6\n"
    _, teks = _jalankan(tmp_path, isi, "--json")
    assert [d["sesuai"] for d in json.loads(teks)] == [True, True, False]


def test_missing_realisasi_is_a_dash_and_no_printed_value_is_null(tmp_path):
    kode, teks = _jalankan(tmp_path, "indikator;target;realisasi\nA;85;\nB;85;-\n", "--json")
    assert kode == 0
    assert [(d["capaian"], d["kategori"], d["sesuai"]) for d in json.loads(teks)] == [(None, None, None)] * 2


def test_xlsx(tmp_path):
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Indikator", "Satuan", "Polaritas", "Target", "Realisasi", "Capaian"])
    ws.append(["IKM", "indeks", "positif", 85, 80.33, 94.51])
    out = io.BytesIO()
    wb.save(out)
    kode, teks = _jalankan(tmp_path, out.getvalue(), "--json", nama="c.xlsx")
    assert kode == 0 and json.loads(teks)[0]["capaian"] == "94.51"


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("nama;nilai\nA;1\n", "kolom indikator, target, realisasi tidak ada"),
        ("indikator;target;realisasi\nA;85;delapan\n", "baris 2: realisasi “delapan” bukan angka"),
        (
            "indikator;polaritas;target;realisasi\nA;naik;85;80\n",
            "polaritas “naik” harus positif atau negatif",
        ),
        ("", "berkas kosong"),
        ("indikator;target;realisasi\n", "tidak ada baris data"),
    ],
)
def test_an_unusable_file_exits_2_with_the_row(tmp_path, isi, pesan):
    kode, teks = _jalankan(tmp_path, isi)
    assert kode == 2 and pesan in teks and "Traceback" not in teks


def test_a_missing_file_and_an_old_excel_file(tmp_path):
    kode, teks = _jalankan(tmp_path, b"PK\x03\x04rusak", nama="rusak.xlsx")
    assert kode == 2 and "bukan berkas XLSX yang sah" in teks
    kode, teks = _jalankan(tmp_path, b"\xd0\xcf", nama="lama.xls")
    assert kode == 2 and ".xls" in teks

"""Single-object rules of the PK models: natural key, date text, sums, display values, __str__."""

from decimal import Decimal

import pytest
from django.db import IntegrityError

from kinerja.agreements.models import (
    Baseline,
    CatatanImpor,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    TandaTangan,
    ringkas,
)
from kinerja.agreements.templatetags import format_id
from kinerja.units.models import Pejabat

pytestmark = pytest.mark.django_db


@pytest.fixture
def pk(unit_a):
    camat = Pejabat.objects.create(nama="SITI HAERANI, S.SOS", nip="197110101993122003", unit=unit_a)
    return PerjanjianKinerja.objects.create(
        tahun=2024,
        unit=unit_a,
        pihak_pertama=camat,
        pihak_pertama_nama=camat.nama,
        tanggal_bulan=1,
        tanggal_tahun=2024,
    )


def test_one_pk_per_natural_key(pk):
    assert pk.kunci_dokumen == (pk.unit_id, 2024, "murni", pk.pihak_pertama_id)
    assert PerjanjianKinerja.objects.dengan_kunci(pk.unit, 2024, "murni", pk.pihak_pertama).get() == pk
    with pytest.raises(IntegrityError):
        PerjanjianKinerja.objects.create(tahun=2024, unit=pk.unit, pihak_pertama=pk.pihak_pertama)


@pytest.mark.parametrize(
    ("hari", "bulan", "tahun", "teks"),
    [
        (None, 1, 2024, "Januari 2024"),
        (2, 1, 2024, "2 Januari 2024"),
        (None, None, 2024, "2024"),
        (None, None, None, ""),
    ],
)
def test_tanggal_teks(pk, hari, bulan, tahun, teks):
    pk.tanggal_hari, pk.tanggal_bulan, pk.tanggal_tahun = hari, bulan, tahun
    assert pk.tanggal_teks == teks


def test_snapshot_copies_the_parties(pk):
    pk.pihak_pertama.jabatan = "Camat Bajeng"
    pk.snapshot_pihak()
    assert (pk.pihak_pertama_nama, pk.pihak_pertama_nip, pk.pihak_pertama_jabatan) == (
        "SITI HAERANI, S.SOS",
        "197110101993122003",
        "Camat Bajeng",
    )
    assert pk.pihak_kedua_nama == ""


def test_ringkasan_counts_and_sums_without_multiplying_rows(pk):
    for n in range(2):
        s = Sasaran.objects.create(perjanjian=pk, tingkat="strategis", uraian=f"S{n}", urutan=n)
        for m in range(3):
            Indikator.objects.create(sasaran=s, uraian=f"I{n}{m}")
    Program.objects.create(perjanjian=pk, nama="A", anggaran=Decimal("33800000.00"))
    Program.objects.create(perjanjian=pk, nama="B", anggaran=Decimal("1521097505.00"))
    Program.objects.create(perjanjian=pk, nama="C", anggaran=None)

    hasil = PerjanjianKinerja.objects.with_ringkasan().get(pk=pk.pk)

    assert hasil.jumlah_indikator == 6
    assert hasil.total_anggaran_program == Decimal("1554897505.00")
    assert pk.total_anggaran == Decimal("1554897505.00")


def test_ringkasan_of_an_empty_pk(pk):
    hasil = PerjanjianKinerja.objects.with_ringkasan().get(pk=pk.pk)
    assert hasil.jumlah_indikator == 0 and hasil.total_anggaran_program is None
    assert pk.total_anggaran is None


def test_target_is_shown_with_the_printed_decimals(pk):
    s = Sasaran.objects.create(perjanjian=pk, tingkat="strategis", uraian="S")
    ikm = Indikator.objects.create(
        sasaran=s, uraian="IKM", target_nilai=Decimal("84.00"), target_desimal=2, target_predikat="Baik"
    )
    ikm.refresh_from_db()  # the column gives 84.0000
    assert format_id.target(ikm) == "84,00 (Baik)"
    persen = Indikator.objects.create(sasaran=s, uraian="P", target_nilai=Decimal("100"), satuan="%")
    persen.refresh_from_db()
    assert format_id.target(persen) == "100%"
    teks = Indikator.objects.create(sasaran=s, uraian="SAKIP", target_teks="BB")
    assert format_id.target(teks) == "BB"


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [(Decimal("80.3300"), Decimal("80.33")), (Decimal("100.0000"), Decimal("100")), (None, None)],
)
def test_ringkas(nilai, hasil):
    r = ringkas(nilai)
    assert r == hasil and (r is None or str(r) == str(hasil))


def test_filters_leave_empty_values_empty():
    for f in (format_id.angka, format_id.rupiah, format_id.persen, format_id.terbilang_rupiah, format_id.nip):
        assert f(None) == ""
    assert format_id.rupiah(Decimal("33800000")) == "Rp33.800.000,00"
    assert format_id.persen(Decimal("94.5100")) == "94,51%"
    assert format_id.nilai(Decimal("8"), "unit") == "8 unit"
    assert format_id.angka(Decimal("1234567.891")) == "1.234.567,89"
    assert format_id.angka_ringkas(Decimal("85.0000")) == "85"
    assert format_id.nip("197110101993122003") == "19711010 199312 2 003"
    assert format_id.terbilang_rupiah(Decimal("1000")) == "seribu rupiah"


def test_str_of_every_model(pk):
    s = Sasaran.objects.create(perjanjian=pk, tingkat="program", uraian="Meningkatnya pelayanan")
    ind = Indikator.objects.create(sasaran=s, uraian="Persentase layanan")
    objek = [
        (pk, "PK 2024 Kecamatan Bajeng — SITI HAERANI, S.SOS"),
        (s, "Meningkatnya pelayanan"),
        (ind, "Persentase layanan"),
        (Baseline(indikator=ind, tahun=2023), "Persentase layanan — 2023"),
        (DasarHukum(indikator=ind, teks="UU 25/2009"), "UU 25/2009"),
        (Program(perjanjian=pk, nama="Program X"), "Program X"),
        (
            TandaTangan(perjanjian=pk, bagian="lampiran_1", pihak="kedua", nama="Bupati"),
            "Pihak Kedua (Lampiran 1): Bupati",
        ),
        (
            RencanaAksi(perjanjian=pk, indikator_teks="IKM", periode="TW I", target_teks="80"),
            "IKM — TW I: 80",
        ),
        (CatatanImpor(perjanjian=pk, baris=3, pesan="?"), "3: ?"),
        (CatatanImpor(perjanjian=pk, pesan="?"), "?"),
    ]
    for obj, teks in objek:
        assert str(obj) == teks
    pk.jenis = PerjanjianKinerja.Jenis.PERUBAHAN
    assert str(pk).endswith("(Perubahan)")

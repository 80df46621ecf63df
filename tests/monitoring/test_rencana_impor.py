"""The rencana aksi printed in an imported PK become the triwulan targets of its indikator."""

import io
from decimal import Decimal as D

import pytest
from django.core.management import call_command

from kinerja.agreements.alur import TidakBerhak
from kinerja.agreements.models import RencanaAksi
from kinerja.monitoring.models import RencanaIndikator
from kinerja.monitoring.rencana_impor import baca_periode, baca_target, rencana_dari_impor
from kinerja.riwayat.models import Riwayat


@pytest.mark.parametrize(
    ("teks", "triwulan"),
    [
        ("Triwulan I", 1),
        ("Triwulan II", 2),
        ("TRIWULAN III", 3),
        ("triwulan iv", 4),
        ("Tri wulan 2", 2),
        ("Triwulan ke-3", 3),
        ("Triwulan 4", 4),
        ("TW I", 1),
        ("TW II", 2),
        ("Tw 3", 3),
        ("TW-1", 1),
        ("TW.2", 2),
        ("tw4", 4),
        ("Trw. III", 3),
        ("Trw IV", 4),
        ("Q1", 1),
        ("Q 4", 4),
        ("I", 1),
        ("II", 2),
        ("III", 3),
        ("IV", 4),
        (" IV ", 4),
        ("TW IV (Desember)", 4),
        ("Triwulan I:", 1),
        # not one triwulan
        ("", None),
        (None, None),
        ("1", None),
        ("TW V", None),
        ("TW 5", None),
        ("TW I-II", None),
        ("TW I–IV", None),
        ("Semester I", None),
        ("Semester 2", None),
        ("Januari", None),
        ("Maret", None),
        ("Tahunan", None),
        ("Triwulan", None),
        ("IIII", None),
        ("Ikan", None),
        ("VI", None),
    ],
)
def test_period_reading(teks, triwulan):
    assert baca_periode(teks) == triwulan


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("25%", D(25)),
        ("25 %", D(25)),
        ("2 dokumen", D(2)),
        ("1.234,5", D("1234.5")),
        ("0,5", D("0.5")),
        ("98.5", D("98.5")),
        ("84,00 (Baik)", D("84.00")),
        ("", None),
        ("-", None),
        ("80–90", None),
        ("BB", None),
        ("tersedia", None),
    ],
)
def test_target_reading(teks, nilai):
    assert baca_target(teks) == nilai


def _rencana(pk, indikator_teks, periode, target, indikator=None, baris=None):
    return RencanaAksi.objects.create(
        perjanjian=pk,
        indikator_teks=indikator_teks,
        indikator=indikator,
        periode=periode,
        target_teks=target,
        baris=baris,
    )


def test_targets_from_the_printed_rencana_aksi(pk_pantau, indikator, operator_a):
    persen, jumlah = indikator[1], indikator[2]
    for periode, target in (("TW I", "25%"), ("TW II", "50%"), ("Triwulan III", "75 %"), ("IV", "100%")):
        _rencana(pk_pantau, persen.uraian, periode, target, indikator=persen)
    # Not linked by the import: found by its words (case and spacing do not count); 2+2+2+2 = 8 unit.
    for periode in ("Tw 1", "Tw 2", "Tw 3", "Tw 4"):
        _rencana(pk_pantau, jumlah.uraian.upper().replace(" ", "  "), periode, "2 unit")
    _rencana(pk_pantau, persen.uraian, "Semester I", "50%", indikator=persen, baris=41)
    _rencana(pk_pantau, "Indikator yang tidak ada", "TW I", "3", baris=42)
    _rencana(pk_pantau, indikator[0].uraian, "TW I", "-", indikator=indikator[0])  # nothing planned
    _rencana(pk_pantau, indikator[0].uraian, "TW II", "sesuai jadwal", indikator=indikator[0], baris=44)
    catatan: list[str] = []
    assert rencana_dari_impor(pk_pantau, operator_a, catatan=catatan) == 2
    r = RencanaIndikator.objects.get(indikator=persen)
    assert (r.target_triwulan, r.sifat_target, r.konsolidasi) == (
        (D(25), D(50), D(75), D(100)),
        "kumulatif",
        "terakhir",
    )
    r = RencanaIndikator.objects.get(indikator=jumlah)
    assert (r.target_triwulan, r.sifat_target, r.konsolidasi) == ((D(2),) * 4, "triwulanan", "jumlah")
    assert not RencanaIndikator.objects.filter(indikator=indikator[0]).exists()
    teks = "\n".join(catatan)
    assert "baris 41: periode “Semester I” bukan triwulan; dilewati." in teks
    assert "baris 42: indikator “Indikator yang tidak ada” tidak ada di PK ini; dilewati." in teks
    assert "baris 44: target “sesuai jadwal” TW II bukan satu angka; dilewati." in teks
    assert "berjumlah target tahun" in teks
    assert [e.aksi for e in Riwayat.objects.untuk(r)] == ["rencana.ubah"]
    assert [e.oleh for e in Riwayat.objects.untuk(r)] == [operator_a]


def test_only_the_printed_triwulan_change(pk_pantau, indikator, operator_a):
    from kinerja.monitoring import layanan

    layanan.simpan_rencana(indikator[1], operator_a, target_tw1=D(10), target_tw4=D(100), aksi="Sosialisasi")
    _rencana(pk_pantau, indikator[1].uraian, "Triwulan II", "40%", indikator=indikator[1])
    _rencana(pk_pantau, indikator[1].uraian, "TW 2", "45%", indikator=indikator[1], baris=9)
    catatan: list[str] = []
    assert rencana_dari_impor(pk_pantau, operator_a, catatan=catatan) == 1
    r = RencanaIndikator.objects.get(indikator=indikator[1])
    assert (r.target_triwulan, r.aksi) == ((D(10), D(40), None, D(100)), "Sosialisasi")
    assert catatan == [f"baris 9: “{indikator[1].uraian}” Triwulan II sudah bertarget 40; 45 dilewati."]


def test_nothing_to_read(pk_pantau, operator_a):
    assert rencana_dari_impor(pk_pantau, operator_a) == 0


def test_another_units_operator_stores_nothing(pk_pantau, indikator, operator_b):
    for periode in ("TW I", "TW II"):
        _rencana(pk_pantau, indikator[1].uraian, periode, "50%", indikator=indikator[1])
    _rencana(pk_pantau, indikator[2].uraian, "TW I", "2", indikator=indikator[2])
    with pytest.raises(TidakBerhak):
        rencana_dari_impor(pk_pantau, operator_b)
    assert not RencanaIndikator.objects.exists()


def _perintah(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("monitoring", "rencana-impor", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command(pk_pantau, indikator, operator_a):
    _rencana(pk_pantau, indikator[1].uraian, "TW I", "25%", indikator=indikator[1])
    _rencana(pk_pantau, indikator[1].uraian, "Semester I", "50%", indikator=indikator[1], baris=12)
    out, err = _perintah("--id", str(pk_pantau.pk), "--oleh", "operator_a")
    assert err == ""
    assert f"{pk_pantau}: 1 indikator mendapat target triwulan dari rencana aksi tercetak." in out
    assert "- baris 12: periode “Semester I” bukan triwulan; dilewati." in out
    assert RencanaIndikator.objects.get().target_tw1 == D(25)


@pytest.mark.parametrize(
    ("args", "kode", "pesan"),
    [
        (
            ["--id", "999999", "--oleh", "operator_a"],
            2,
            "Galat: Perjanjian Kinerja dengan id 999999 tidak ada.",
        ),
        (["--id", "satu", "--oleh", "operator_a"], 2, "Galat: Perjanjian Kinerja dengan id satu tidak ada."),
        (["--id", "{pk}", "--oleh", "siapa"], 2, "Galat: Pengguna “siapa” tidak ada."),
        (["--id", "{pk}", "--oleh", "operator_b"], 1, "Ditolak: operator_b tidak berhak"),
    ],
)
def test_the_command_refuses(pk_pantau, indikator, operator_a, operator_b, args, kode, pesan):
    _rencana(pk_pantau, indikator[1].uraian, "TW I", "25%", indikator=indikator[1])
    err = io.StringIO()
    with pytest.raises(SystemExit) as e:
        call_command(
            "monitoring",
            "rencana-impor",
            *(a.format(pk=pk_pantau.pk) for a in args),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert e.value.code == kode
    assert pesan in err.getvalue()
    assert not RencanaIndikator.objects.exists()

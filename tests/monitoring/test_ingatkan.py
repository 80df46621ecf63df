"""`kinerja monitoring ingatkan`: what each unit still lacks, late units first, and the e-mails."""

import io
import json
from datetime import date
from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.agreements.models import Indikator
from kinerja.monitoring import ingatkan as ing
from kinerja.monitoring import layanan as m
from kinerja.monitoring.bukti import periksa_bukti
from kinerja.units.models import Unit, UnitRole
from tests.monitoring.conftest import HARI_TW1, PDF

# Five days after TW I's deadline (10 April 2024).
TELAT = date(2024, 4, 15)


def _jalankan(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("monitoring", "ingatkan", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def dua_unit(pk_pantau, indikator, pk_factory, unit_b, operator_a, operator_b, verifikator):
    """Bajeng: TW I has one realisasi verified with evidence, one without evidence, one missing.
    Pallangga: TW I complete (every realisasi verified with evidence)."""
    operator_a.email = "operator.bajeng@gowa.invalid"
    operator_a.save()
    operator_b.email = "operator.pallangga@gowa.invalid"
    operator_b.save()
    User = get_user_model()
    tanpa_surel = User.objects.create_user("operator_a2", password="rahasia-uji-123")
    nonaktif = User.objects.create_user(
        "operator_a3", "lama@gowa.invalid", "rahasia-uji-123", is_active=False
    )
    for u in (tanpa_surel, nonaktif):
        UnitRole.objects.create(user=u, unit=pk_pantau.unit, peran="operator")
    bukti = [periksa_bukti("notulen.pdf", PDF)]
    m.simpan_realisasi(indikator[1], 1, operator_a, nilai=D(95), bukti=bukti, hari_ini=HARI_TW1)
    m.simpan_realisasi(indikator[0], 1, operator_a, nilai=D(84), hari_ini=HARI_TW1)
    m.ajukan_triwulan(pk_pantau, 1, operator_a, hari_ini=HARI_TW1)
    m.verifikasi(indikator[1].realisasi.get(triwulan=1), verifikator)
    pk_b = pk_factory(unit_b)
    semua_b = Indikator.objects.filter(sasaran__perjanjian=pk_b).order_by("sasaran__urutan", "urutan")
    for ind, nilai in zip(semua_b, (D(84), D(100), D(8)), strict=True):
        m.simpan_realisasi(ind, 1, operator_b, nilai=nilai, bukti=bukti, hari_ini=HARI_TW1)
    m.ajukan_triwulan(pk_b, 1, operator_b, hari_ini=HARI_TW1)
    m.verifikasi_triwulan(pk_b, 1, verifikator)
    return pk_pantau, pk_b


def test_late_units_first_with_what_is_missing(dua_unit, indikator):
    daftar = ing.ingatkan(2024, TELAT)
    assert [p.unit for p in daftar] == ["Kecamatan Bajeng", "Kecamatan Pallangga"]
    a, b = daftar
    assert (a.terlambat_hari, a.keterangan, a.penerima) == (
        5,
        "terlambat 5 hari",
        ("operator.bajeng@gowa.invalid",),
    )
    tw1, tw2 = a.triwulan
    assert (tw1.triwulan, tw1.tenggat, tw1.terlambat_hari) == (1, date(2024, 4, 10), 5)
    assert [(k.jenis, k.indikator) for k in tw1.butir] == [
        ("belum_diisi", indikator[2].uraian),
        ("tanpa_bukti", indikator[0].uraian),
    ]
    assert tw1.ringkas == "1 belum diisi, 1 tanpa bukti"
    assert (tw2.triwulan, tw2.keterangan, tw2.jumlah) == (2, "tenggat 10 Juli 2024", {"belum_diisi": 3})
    assert [t.triwulan for t in b.triwulan] == [2]  # TW I complete
    assert b.terlambat_hari == 0 and b.keterangan == "tenggat 10 Juli 2024"

    out, err = _jalankan("--tanggal", "2024-04-15")
    assert err == ""
    assert "Pengingat realisasi kinerja 2024 per 15 April 2024: 2 unit belum lengkap, 0 unit lengkap." in out
    assert out.index("Kecamatan Bajeng — terlambat 5 hari") < out.index(
        "Kecamatan Pallangga — tenggat 10 Juli 2024"
    )
    assert "  Triwulan I (tenggat 10 April 2024, terlambat 5 hari): 1 belum diisi, 1 tanpa bukti" in out
    assert f"    - tanpa bukti: {indikator[0].uraian}" in out
    assert "  Operator: operator.bajeng@gowa.invalid" in out


def test_a_near_deadline_is_said_in_days(dua_unit):
    out, _err = _jalankan("--tanggal", "2024-04-05", "--tahun", "2024")
    assert "Kecamatan Bajeng — tenggat dalam 5 hari" in out
    assert "  Triwulan I (tenggat dalam 5 hari, 10 April 2024): 1 belum diisi, 1 tanpa bukti" in out
    assert "  Triwulan II (tenggat 10 Juli 2024): 3 belum diisi" in out  # begun on 1 April


def test_json(dua_unit, indikator):
    out, _err = _jalankan("--tanggal", "2024-04-15", "--json")
    data = json.loads(out)
    assert (data["tahun"], data["tanggal"], data["lengkap"]) == (2024, "2024-04-15", [])
    a = data["unit"][0]
    assert (a["unit"], a["terlambat_hari"], a["perjanjian_id"]) == ("Kecamatan Bajeng", 5, dua_unit[0].pk)
    assert a["triwulan"][0]["kekurangan"][0] == {"jenis": "belum_diisi", "indikator": indikator[2].uraian}
    assert a["triwulan"][0]["tenggat"] == "2024-04-10"


def test_emails_to_each_units_operators(dua_unit, mailoutbox, settings):
    settings.KINERJA_BASE_URL = "https://kinerja.gowakab.invalid"
    out, err = _jalankan("--tanggal", "2024-04-15", "--kirim")
    assert err == ""
    assert [(e.to, e.subject) for e in mailoutbox] == [
        (
            ["operator.bajeng@gowa.invalid"],
            "[kinerja] Realisasi kinerja Kecamatan Bajeng 2024: terlambat 5 hari",
        ),
        (
            ["operator.pallangga@gowa.invalid"],
            "[kinerja] Realisasi kinerja Kecamatan Pallangga 2024: tenggat 10 Juli 2024",
        ),
    ]
    body = mailoutbox[0].body
    assert "Triwulan I (tenggat 10 April 2024, terlambat 5 hari): 1 belum diisi, 1 tanpa bukti" in body
    assert f"https://kinerja.gowakab.invalid/pantau/pk/{dua_unit[0].pk}/tw/1/" in body
    assert "Surel terkirim ke Kecamatan Bajeng: operator.bajeng@gowa.invalid" in out


def test_a_unit_without_an_operator_address(dua_unit, operator_b, mailoutbox):
    operator_b.email = ""
    operator_b.save()
    out, _err = _jalankan("--tanggal", "2024-04-15", "--kirim")
    assert [e.to for e in mailoutbox] == [["operator.bajeng@gowa.invalid"]]
    assert "Surel Kecamatan Pallangga tidak terkirim: tidak ada operator dengan alamat surel" in out


def test_a_failed_send_exits_1_after_the_others(dua_unit, mailoutbox, monkeypatch):
    asli = ing.send_mail

    def kadang(subjek, isi, dari, kepada, **kw):
        if "Bajeng" in subjek:
            raise OSError("server surel tidak menjawab")
        return asli(subjek, isi, dari, kepada, **kw)

    monkeypatch.setattr(ing, "send_mail", kadang)
    with pytest.raises(SystemExit) as e:
        _jalankan("--tanggal", "2024-04-15", "--kirim")
    assert e.value.code == 1
    assert [e.to for e in mailoutbox] == [["operator.pallangga@gowa.invalid"]]


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (["--tanggal", "2024-13-01"], "Galat: tanggal “2024-13-01” tidak sah: tulis YYYY-MM-DD"),
        (["--tanggal", "15-04-2024"], "Galat: tanggal “15-04-2024” tidak sah"),
        (["--tanggal", "2024-02-30"], "Galat: tanggal “2024-02-30” tidak sah"),
        (["--tahun", "dua ribu"], "Galat: tahun “dua ribu” tidak sah: tulis empat angka"),
        (["--tahun", "1850"], "Galat: tahun “1850” tidak sah"),
    ],
)
def test_bad_arguments_exit_2(db, args, pesan):
    err = io.StringIO()
    with pytest.raises(SystemExit) as e:
        call_command("monitoring", "ingatkan", *args, stdout=io.StringIO(), stderr=err)
    assert e.value.code == 2
    assert pesan in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_nothing_monitored(db):
    out, _err = _jalankan("--tahun", "2030", "--tanggal", "2030-05-01")
    assert "Tidak ada PK yang dipantau untuk tahun 2030." in out


def test_january_reminds_the_previous_year(dua_unit):
    out, _err = _jalankan("--tanggal", "2025-01-05")
    assert out.startswith("Pengingat realisasi kinerja 2024 per 5 Januari 2025")
    assert "Triwulan IV (tenggat dalam 5 hari, 10 Januari 2025)" in out
    assert "Kecamatan Bajeng — terlambat 270 hari" in out  # TW I: 10 April 2024


def test_query_count_does_not_grow_with_units(dua_unit, pk_factory, pemda):
    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            ing.ingatkan(2024, TELAT)
        return len(q)

    dua = hitung()
    for n in range(3):
        unit = Unit.objects.create(nama=f"Kecamatan Uji {n}", jenis=Unit.Jenis.KECAMATAN, induk=pemda)
        pk_factory(unit, n_indikator=4)
    assert len(ing.ingatkan(2024, TELAT)) == 5
    assert hitung() == dua

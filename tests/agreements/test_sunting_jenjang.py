"""The cascade in the editor: link a PK to its superior's, derive rows from it, link rows, and what the
review (PK-CAS) and the versions make of the links."""

from __future__ import annotations

import pytest

from kinerja.agreements import alur, sunting, versi
from kinerja.agreements.jenjang import jenjang_pk, temuan_pk
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Sasaran
from kinerja.domain import pk as d
from kinerja.riwayat.models import Riwayat
from kinerja.units.models import Pejabat

pytestmark = pytest.mark.django_db

BUPATI = d.Pihak(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", jabatan="Bupati Gowa")
GUBERNUR = d.Pihak(nama="ANDI SUDIRMAN SULAIMAN", jabatan="Gubernur Sulawesi Selatan")


@pytest.fixture
def pk_bupati(pk_factory, pemda):
    """The Bupati's published PK: strategis IKM "84,00", strategis "100%", program "8 unit"."""
    return pk_factory(pemda, n_indikator=3, pihak_pertama=BUPATI, pihak_kedua=GUBERNUR)


def _indikator(pk: PerjanjianKinerja) -> list[Indikator]:
    return list(Indikator.objects.filter(sasaran__perjanjian=pk).order_by("sasaran__urutan", "urutan", "pk"))


def _kosong(unit, oleh, nama="ANDI CAMAT, S.STP") -> PerjanjianKinerja:
    camat = Pejabat.objects.create(nama=nama, jabatan=f"Camat {unit.nama.split()[-1]}", unit=unit)
    return sunting.buat_pk(unit, oleh, tahun=2024, pihak_pertama=camat)


def _kode(pk) -> list[tuple[str, str]]:
    return [(t.kode, t.lokasi[0].jalur) for t in temuan_pk(pk) if t.kode.startswith("PK-CAS")]


def test_derive_from_the_superiors_pk_links_every_row_and_traces_it(operator_a, unit_a, pk_bupati):
    pk = _kosong(unit_a, operator_a)
    pk = sunting.ubah_atasan(pk, operator_a, pk_bupati)
    assert pk.pihak_kedua == pk_bupati.pihak_pertama and pk.pihak_kedua_jabatan == "Bupati Gowa"
    ikm, _persen, sarana = _indikator(pk_bupati)

    sunting.turunkan(pk, operator_a, [ikm.pk, sarana.pk])

    sasaran = list(pk.sasaran.order_by("urutan"))
    assert [(s.tingkat, s.uraian, s.mendukung) for s in sasaran] == [
        ("strategis", ikm.sasaran.uraian, ikm.sasaran),
        ("strategis", sarana.sasaran.uraian, sarana.sasaran),
    ]
    turunan = _indikator(pk)
    assert [(i.uraian, i.target_teks, i.mendukung) for i in turunan] == [
        (ikm.uraian, ikm.target_teks, ikm),
        (sarana.uraian, "8 unit", sarana),
    ]
    aksi = list(Riwayat.objects.untuk(pk).values_list("aksi", flat=True))
    assert aksi[-4:] == ["pk.sasaran.tambah", "pk.indikator.tambah"] * 2
    entri = Riwayat.objects.untuk(pk).last()
    assert any(p["bidang"] == "mendukung" and "Kabupaten Gowa" in p["baru"] for p in entri.perubahan)
    # Deriving the same sasaran again reuses it.
    sunting.turunkan(pk, operator_a, [ikm.pk])
    assert pk.sasaran.count() == 2 and pk.sasaran.first().indikator.count() == 2

    # A complete link: no PK-CAS finding on the child; the parent's unsupported indikator is an info.
    assert _kode(pk) == []
    assert _kode(pk_bupati) == [("PK-CAS-002", "sasaran[1].indikator[0]")]


def test_a_sasaran_strategis_without_its_link_is_a_warning_until_linked(operator_a, unit_a, pk_bupati):
    pk = _kosong(unit_a, operator_a)
    sunting.ubah_atasan(pk, operator_a, pk_bupati)
    s = sunting.tambah_sasaran(pk, operator_a, tingkat="strategis", uraian="Meningkatnya ketertiban")
    assert _kode(pk) == [("PK-CAS-001", "sasaran[0]")]

    tujuan = pk_bupati.sasaran.order_by("urutan").first()
    sunting.tautkan(s, operator_a, tujuan)
    assert _kode(pk) == []
    entri = Riwayat.objects.untuk(pk).last()
    assert (entri.aksi, entri.perubahan[0]["bidang"], entri.perubahan[0]["lama"]) == (
        "pk.sasaran.ubah",
        "mendukung",
        None,
    )
    sunting.tautkan(s, operator_a, None)
    assert _kode(pk) == [("PK-CAS-001", "sasaran[0]")]


def test_links_go_only_to_the_superiors_pk_or_a_higher_level(
    operator_a, unit_a, unit_b, pk_bupati, pk_factory
):
    pk = _kosong(unit_a, operator_a)
    sunting.ubah_atasan(pk, operator_a, pk_bupati)
    strategis = sunting.tambah_sasaran(pk, operator_a, tingkat="strategis", uraian="A")
    program = sunting.tambah_sasaran(pk, operator_a, tingkat="program", uraian="B")
    lain = pk_factory(unit_b, n_indikator=2)
    with pytest.raises(sunting.IsianSalah, match="tidak dapat didukung"):
        sunting.tautkan(strategis, operator_a, lain.sasaran.first())
    with pytest.raises(sunting.IsianSalah, match="tidak dapat didukung"):
        sunting.tautkan(strategis, operator_a, program)  # a lower level of the same PK
    sunting.tautkan(program, operator_a, strategis)  # a higher level of the same PK
    assert Sasaran.objects.get(pk=program.pk).mendukung == strategis
    with pytest.raises(sunting.IsianSalah, match="PK atasan"):
        sunting.ubah_atasan(pk, operator_a, lain)  # a sibling unit's PK is no superior
    with pytest.raises(alur.TidakBerhak):
        sunting.tautkan(program, None, strategis)


def test_unlinking_the_superior_drops_the_rows_links_to_it(operator_a, unit_a, pk_bupati):
    pk = _kosong(unit_a, operator_a)
    sunting.ubah_atasan(pk, operator_a, pk_bupati)
    sunting.turunkan(pk, operator_a, [_indikator(pk_bupati)[0].pk])
    program = sunting.tambah_sasaran(pk, operator_a, tingkat="program", uraian="B")
    sunting.tautkan(program, operator_a, pk.sasaran.get(tingkat="strategis"))

    sunting.ubah_atasan(pk, operator_a, None)

    pk.refresh_from_db()
    assert pk.atasan_pk is None
    assert list(pk.sasaran.filter(mendukung__isnull=False)) == [program]  # the link inside the PK stays
    assert not Indikator.objects.filter(sasaran__perjanjian=pk, mendukung__isnull=False).exists()
    entri = Riwayat.objects.untuk(pk).last()
    assert [p["bidang"] for p in entri.perubahan] == ["atasan_pk", "mendukung", "mendukung"]


def test_sibling_counts_that_cannot_reach_the_parent_are_warned_on_each(
    operator_a, operator_b, unit_a, unit_b, pk_bupati
):
    sarana = _indikator(pk_bupati)[2]  # "8 unit"
    anak = []
    for unit, op in ((unit_a, operator_a), (unit_b, operator_b)):
        pk = _kosong(unit, op, nama=f"CAMAT {unit.pk}")
        sunting.ubah_atasan(pk, op, pk_bupati)
        sunting.turunkan(pk, op, [sarana.pk])
        [ind] = _indikator(pk)
        sunting.ubah_indikator(ind, op, uraian=ind.uraian, target="3 unit")
        anak.append(pk)
    for pk in anak:
        [(kode, _)] = _kode(pk)
        assert kode == "PK-CAS-003"
    [t] = [t for t in temuan_pk(anak[0]) if t.kode == "PK-CAS-003"]
    assert "berjumlah 6 unit: kurang dari target atasan" in t.pesan
    assert len(jenjang_pk(pk_bupati).bawahan) == 2
    # One unit raises its target to 5: 3 + 5 = 8 reaches the parent's 8.
    [ind] = _indikator(anak[1])
    sunting.ubah_indikator(ind, operator_b, uraian=ind.uraian, target="5 unit")
    assert _kode(anak[0]) == [] and _kode(anak[1]) == []


def test_a_perubahan_keeps_the_links(operator_a, pimpinan_a, unit_a, pk_bupati, sistem):
    pk = _kosong(unit_a, operator_a)
    sunting.ubah_atasan(pk, operator_a, pk_bupati)
    sunting.turunkan(pk, operator_a, [_indikator(pk_bupati)[0].pk])
    program = sunting.tambah_sasaran(pk, operator_a, tingkat="program", uraian="B")
    strategis = pk.sasaran.get(tingkat="strategis")
    sunting.tautkan(program, operator_a, strategis)
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status="diterbitkan")
    pk.refresh_from_db()

    baru = versi.buat_perubahan(pk, sistem, alasan="a")

    assert baru.atasan_pk == pk_bupati
    s_baru = {s.tingkat: s for s in baru.sasaran.all()}
    assert s_baru["strategis"].mendukung == strategis.mendukung  # still the Bupati's sasaran
    assert s_baru["program"].mendukung == s_baru["strategis"]  # moved to the new version's row
    assert _indikator(baru)[0].mendukung == _indikator(pk_bupati)[0]


def test_the_json_carries_the_links(client_as, operator_a, unit_a, pk_bupati):
    pk = _kosong(unit_a, operator_a)
    sunting.ubah_atasan(pk, operator_a, pk_bupati)
    [s] = sunting.turunkan(pk, operator_a, [_indikator(pk_bupati)[0].pk])
    prog = sunting.tambah_program(pk, operator_a, nama="Program X", anggaran="1", kode="7.01.01", sasaran=[s])
    data = client_as(operator_a).get(f"/pk/{pk.pk}/json/").json()
    induk = _indikator(pk_bupati)[0]
    assert data["atasan_pk"] == pk_bupati.pk
    assert (data["sasaran"][0]["id"], data["sasaran"][0]["mendukung"]) == (s.pk, induk.sasaran_id)
    assert data["sasaran"][0]["indikator"][0]["mendukung"] == induk.pk
    assert data["program"] == [
        {
            "nama": "Program X",
            "anggaran": "1.00",
            "jenis": "program",
            "kode": "7.01.01",
            "baris": None,
            "id": prog.pk,
            "sasaran": [s.pk],
        }
    ]

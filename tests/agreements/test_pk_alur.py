"""The PK's life, end to end on the services: every transition and every refusal, and the trail.

Runs on SQLite and PostgreSQL (`make test` and CI). The seed PK is the operator's file; its four galat
are then corrected in a second file, as a unit would.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kinerja.agreements import alur
from kinerja.agreements.models import Indikator, PerjanjianKinerja
from kinerja.agreements.pindaian import periksa_pindaian
from kinerja.agreements.services import ImporDitolak, import_pk
from kinerja.agreements.versi import buat_perubahan, rantai
from kinerja.domain import pk_text
from kinerja.riwayat.models import Riwayat
from tests.conftest import _user

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"
SCAN = periksa_pindaian("pk-bertanda-tangan.pdf", b"%PDF-1.4\n% pindaian\n")


def seed_diperbaiki(teks: str | None = None) -> str:
    """The seed with its four galat corrected: one name and NIP on every page, targets that agree."""
    teks = teks or SEED.read_text(encoding="utf-8")
    for lama, baru in (
        ("ST. HAKRAN, S.Sos", "SITI HAERANI, S.SOS"),
        ("NIP. 197110171993122003", "NIP. 197110101993122003"),
        ("menargetkan Nilai SAKIP yaitu 74,50", "menargetkan Nilai SAKIP yaitu 80,00"),
        (
            "Target ini meningkat dari target tahun sebelumnya (2023) dengan nilai 85",
            "Target ini menurun dari target tahun sebelumnya (2023) dengan nilai 85",
        ),
    ):
        assert lama in teks, lama
        teks = teks.replace(lama, baru)
    return teks


def _baca(teks: str):
    [data] = pk_text.parse(teks)
    return data


def _jejak(perjanjian) -> list[tuple[str, str, str, str]]:
    return [(r.aksi, r.oleh_nama, r.dari, r.ke) for r in Riwayat.objects.untuk(perjanjian)]


@pytest.fixture
def pimpinan_b(unit_b):
    return _user("pimpinan_b", unit_b, "pimpinan")


def _id_indikator(perjanjian) -> list[int]:
    return list(
        Indikator.objects.filter(sasaran__perjanjian=perjanjian)
        .order_by("sasaran__urutan", "urutan")
        .values_list("pk", flat=True)
    )


def test_a_pk_walks_through_every_transition_and_refusal(
    operator_a, pimpinan_a, pimpinan_b, admin_pemda, unit_a
):
    # The operator imports the file as it is: a draft, traced.
    pk = import_pk(_baca(SEED.read_text(encoding="utf-8")), oleh=operator_a, sumber="seed.txt").pk
    assert pk.status == "draf"
    ids = _id_indikator(pk)

    # Galat block the submission, listed; nothing changes.
    with pytest.raises(alur.AdaGalat) as galat:
        alur.ajukan(pk, operator_a)
    assert sorted(t.kode for t in galat.value.temuan) == [
        "PK-TGT-007",
        "PK-TGT-008",
        "PK-TTD-001",
        "PK-TTD-003",
    ]
    assert "PK-TTD-001" in galat.value.pesan
    assert PerjanjianKinerja.objects.get(pk=pk.pk).status == "draf"

    # The corrected file is imported over the draft: same PK, same rows.
    pk = import_pk(_baca(seed_diperbaiki()), oleh=operator_a, sumber="seed-diperbaiki.txt").pk
    assert _id_indikator(pk) == ids

    # Peringatan must be acknowledged, each one traced.
    with pytest.raises(alur.PeringatanBelumDiakui) as belum:
        alur.ajukan(pk, operator_a)
    assert len(belum.value.temuan) == 7
    alur.ajukan(pk, operator_a, akui_semua=True, catatan="Sudah diperiksa bersama Sekcam.")
    assert pk.status == "diajukan"

    # Only the unit's pimpinan approves: not the operator, not another unit's pimpinan, not the admin.
    for siapa in (operator_a, pimpinan_b, admin_pemda):
        with pytest.raises(alur.TidakBerhak):
            alur.setujui(pk, siapa)
    # Returning needs a note; the operator then submits again.
    with pytest.raises(alur.IsianKurang):
        alur.kembalikan(pk, pimpinan_a, catatan=" ")
    alur.kembalikan(pk, pimpinan_a, catatan="Lengkapi penjelasan IKM.")
    assert pk.status == "dikembalikan"
    alur.ajukan(pk, operator_a, akui_semua=True)
    alur.setujui(pk, pimpinan_a)
    assert pk.status == "disetujui"
    with pytest.raises(alur.StatusTidakSesuai):
        alur.setujui(pk, pimpinan_a)

    # Re-importing past draf is refused, saying what to do.
    with pytest.raises(ImporDitolak, match="buat PK perubahan"):
        import_pk(_baca(seed_diperbaiki()), oleh=operator_a)

    # Signing needs the scan; the operator uploads it.
    with pytest.raises(alur.IsianKurang):
        alur.tandatangani(pk, operator_a)
    alur.tandatangani(pk, operator_a, pindaian=SCAN)
    assert pk.status == "ditandatangani" and pk.pindaian.get().sha256 == SCAN.sha256

    # Publishing is the pimpinan's or the admin's act.
    with pytest.raises(alur.TidakBerhak):
        alur.terbitkan(pk, operator_a)
    alur.terbitkan(pk, pimpinan_a)
    pk.refresh_from_db()
    assert pk.status == "diterbitkan" and pk.publik and pk.diterbitkan_pada is not None

    # One entry per step, with the right actor: the two imports, the corrections, the acknowledged
    # peringatan (seven, each time it was submitted) and the transitions.
    jejak = _jejak(pk)
    assert jejak[:2] == [("pk.impor", "operator_a", "", "draf"), ("pk.impor", "operator_a", "draf", "draf")]
    koreksi = jejak[2 : jejak.index(("pk.peringatan.akui", "operator_a", "", ""))]
    assert koreksi and {(a, o) for a, o, _d, _k in koreksi} <= {
        ("pk.indikator.ubah", "operator_a"),
        ("pk.tanda_tangan.ubah", "operator_a"),
    }
    assert jejak[2 + len(koreksi) :] == [
        *[("pk.peringatan.akui", "operator_a", "", "")] * 7,
        ("pk.ajukan", "operator_a", "draf", "diajukan"),
        ("pk.kembalikan", "pimpinan_a", "diajukan", "dikembalikan"),
        *[("pk.peringatan.akui", "operator_a", "", "")] * 7,
        ("pk.ajukan", "operator_a", "dikembalikan", "diajukan"),
        ("pk.setujui", "pimpinan_a", "diajukan", "disetujui"),
        ("pk.tandatangani", "operator_a", "disetujui", "ditandatangani"),
        ("pk.terbitkan", "pimpinan_a", "ditandatangani", "diterbitkan"),
    ]
    # The correction of the SAKIP target's explanation, old → new.
    sakip = next(
        r for r in Riwayat.objects.untuk(pk) if r.aksi == "pk.indikator.ubah" and "Nilai SAKIP" in r.catatan
    )
    [ubah] = [p for p in sakip.perubahan if p["bidang"] == "penjelasan_target"]
    assert "74,50" in ubah["lama"] and "80,00" in ubah["baru"]
    catatan_ajukan = Riwayat.objects.untuk(pk).filter(aksi="pk.ajukan").first().catatan
    assert catatan_ajukan == "Sudah diperiksa bersama Sekcam."


def _terbit(pk, pimpinan, operator):
    alur.ajukan(pk, operator, akui_semua=True)
    alur.setujui(pk, pimpinan)
    alur.tandatangani(pk, pimpinan, pindaian=SCAN)
    return alur.terbitkan(pk, pimpinan)


def test_a_published_perubahan_replaces_its_predecessor_which_stays_public(
    operator_a, pimpinan_a, admin_pemda, client
):
    v1 = import_pk(_baca(seed_diperbaiki()), oleh=operator_a).pk
    _terbit(v1, pimpinan_a, operator_a)

    # Nothing but a transition changes a published PK; the perubahan is the way.
    # APBD-Perubahan: a program's anggaran grows (reason b).
    teks_v2 = seed_diperbaiki().replace("Rp 33.800.000,00", "Rp 45.000.000,00")
    data_v2 = replace(_baca(teks_v2), jenis="perubahan")
    with pytest.raises(alur.TidakBerhak):
        buat_perubahan(v1, pimpinan_a, alasan="b", data=data_v2)  # approving is not editing
    v2 = buat_perubahan(v1, operator_a, alasan="b", keterangan="APBD-Perubahan 2024", data=data_v2)
    assert (v2.status, v2.versi, v2.menggantikan, v2.jenis, v2.alasan_perubahan) == (
        "draf",
        2,
        v1,
        "perubahan",
        "b",
    )
    with pytest.raises(alur.StatusTidakSesuai, match="versi 2"):
        buat_perubahan(v1, operator_a, alasan="a", keterangan="lagi")
    v1.refresh_from_db()
    assert v1.status == "diterbitkan"  # still the PK in force until v2 is published

    alur.ajukan(v2, operator_a, akui_semua=True)
    alur.setujui(v2, pimpinan_a)
    alur.tandatangani(v2, pimpinan_a, pindaian=SCAN)
    alur.terbitkan(v2, admin_pemda)
    v1.refresh_from_db()
    assert v1.status == "diganti" and v1.publik
    assert [(v.versi, v.status) for v in rantai(v1)] == [(1, "diganti"), (2, "diterbitkan")]
    assert _jejak(v1)[-1] == ("pk.ganti", "admin_pemda", "diterbitkan", "diganti")
    # Anyone still reads the replaced version, marked as such, with a link to the current one.
    html = client.get(f"/pk/{v1.pk}/").content.decode()
    assert "sudah diganti oleh PK perubahan" in html and f'href="/pk/{v2.pk}/"' in html

    # A third version is possible once v2 is published.
    v3 = buat_perubahan(v2, operator_a, alasan="a", keterangan="Camat baru")
    assert v3.versi == 3 and v3.menggantikan == v2


def test_reimporting_a_draft_with_one_target_changed_keeps_every_id_and_traces_exactly_that_change(
    operator_a, unit_a
):
    teks = seed_diperbaiki()
    pk = import_pk(_baca(teks), oleh=operator_a).pk
    ids = _id_indikator(pk)
    sasaran = list(pk.sasaran.order_by("urutan").values_list("pk", flat=True))
    program = list(pk.program.order_by("urutan").values_list("pk", flat=True))
    sebelum = Riwayat.objects.count()

    teks_baru = teks.replace(
        "Persentase layanan yang memiliki SOP\t100%", "Persentase layanan yang memiliki SOP\t95%"
    )
    assert teks_baru != teks
    import_pk(_baca(teks_baru), oleh=operator_a)

    assert _id_indikator(pk) == ids
    assert list(pk.sasaran.order_by("urutan").values_list("pk", flat=True)) == sasaran
    assert list(pk.program.order_by("urutan").values_list("pk", flat=True)) == program
    baru = list(Riwayat.objects.untuk(pk))[sebelum:]
    assert [r.aksi for r in baru] == ["pk.impor", "pk.indikator.ubah"]
    assert baru[1].perubahan == [{"bidang": "target", "lama": "100%", "baru": "95%"}]
    assert baru[1].oleh == operator_a and "Persentase layanan yang memiliki SOP" in baru[1].catatan
    ubah = Indikator.objects.get(sasaran__perjanjian=pk, uraian="Persentase layanan yang memiliki SOP")
    assert ubah.target_teks == "95%" and ubah.pk in ids


def test_an_admin_withdraws_with_a_reason_and_nobody_else_may(operator_a, pimpinan_a, admin_pemda):
    pk = import_pk(_baca(seed_diperbaiki()), oleh=operator_a).pk
    _terbit(pk, pimpinan_a, operator_a)
    for siapa in (operator_a, pimpinan_a):
        with pytest.raises(alur.TidakBerhak):
            alur.cabut(pk, siapa, catatan="salah")
    with pytest.raises(alur.IsianKurang):
        alur.cabut(pk, admin_pemda, catatan="")
    alur.cabut(pk, admin_pemda, catatan="Diterbitkan untuk unit yang salah.")
    assert pk.status == "dicabut" and not pk.publik
    with pytest.raises(alur.StatusTidakSesuai):
        alur.cabut(pk, admin_pemda, catatan="lagi")
    # A withdrawn PK does not block a new import of the same document: a new draft.
    baru = import_pk(_baca(seed_diperbaiki()), oleh=operator_a).pk
    assert baru.pk != pk.pk and baru.status == "draf"


def test_a_transition_without_a_user_is_refused(operator_a):
    pk = import_pk(_baca(seed_diperbaiki()), oleh=operator_a).pk
    with pytest.raises(alur.TidakBerhak):
        alur.ajukan(pk, None, akui_semua=True)

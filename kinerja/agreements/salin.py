"""Start points of a new PK other than an empty one (issue #10): a copy of the unit's last PK, and the
superior's published PK to derive from.

`salin_pk` makes next year's draft from a PK of the unit: its sasaran, indikator with their targets
(kept, to be edited; each indikator remembers the one it continues, so the editor shows last year's
target beside it), Lampiran 2 explanations with their dasar hukum and baselines, the budget rows and
the links inside the PK. The date is left empty and the parties are this year's; links to last year's
superior PK are not carried over (that PK is not this year's), the superior's PK of the new year is
found as an import finds it. One trail entry ("pk.buat", with what it was copied from).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.agreements import sunting
from kinerja.agreements.models import (
    Baseline,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    Program,
    Sasaran,
    Status,
)
from kinerja.units.models import Pejabat, Unit
from kinerja.units.permissions import can

# Columns of an indikator that carry over to the copy (its identity, links and source line do not).
_INDIKATOR_LEWAT = {"id", "sasaran", "mendukung", "asal", "baris"}


def pk_terakhir(unit: Unit, sebelum: int) -> PerjanjianKinerja | None:
    """The unit's PK to copy for year `sebelum`: the latest year before it, the published one first."""
    calon = (
        PerjanjianKinerja.objects.filter(unit=unit, tahun__lt=sebelum)
        .exclude(status__in=[Status.DICABUT, Status.DIGANTI])
        .order_by("-tahun", "-versi", "-pk")
    )
    semua = list(calon[:10])
    if not semua:
        return None
    tahun = semua[0].tahun
    sama = [p for p in semua if p.tahun == tahun]
    return next((p for p in sama if p.status == Status.DITERBITKAN), sama[0])


def atasan_terbit(unit: Unit, tahun: int) -> PerjanjianKinerja | None:
    """The published PK of the unit above for the year (the usual superior's PK to derive from)."""
    if not unit.induk_id:
        return None
    return (
        PerjanjianKinerja.objects.filter(unit_id=unit.induk_id, tahun=tahun, status=Status.DITERBITKAN)
        .order_by("-versi", "pk")
        .first()
    )


def salin_pk(sumber: PerjanjianKinerja, oleh, *, tahun: int, pihak_pertama: Pejabat) -> PerjanjianKinerja:
    """A draft for `tahun` copied from `sumber` (see the module's text)."""
    if oleh is None or not getattr(oleh, "is_authenticated", False) or not can(oleh, "edit", sumber.unit):
        raise sunting.TidakBerhak(_("Anda tidak berhak membuat PK untuk %s.") % sumber.unit)
    if tahun <= sumber.tahun:
        raise sunting.IsianSalah(
            _("PK tahun %(tahun)d tidak dapat disalin dari PK tahun %(sumber)d.")
            % {"tahun": tahun, "sumber": sumber.tahun}
        )
    with transaction.atomic():
        p = sunting.buat_pk(
            sumber.unit,
            oleh,
            tahun=tahun,
            pihak_pertama=pihak_pertama,
            catatan=_(
                "Disalin dari PK %(tahun)d (#%(id)d): sasaran, indikator, target, penjelasan dan program."
            )
            % {"tahun": sumber.tahun, "id": sumber.pk},
            data={"disalin_dari": sumber.pk},
        )
        if sumber.pihak_kedua_id and p.pihak_kedua_id is None:
            p.pihak_kedua = sumber.pihak_kedua
            p.snapshot_pihak()
        p.tempat = sumber.tempat
        from kinerja.agreements.services import _cari_atasan

        p.atasan_pk = _cari_atasan(p) if p.pihak_kedua_id else None
        p.save()
        _salin_baris(sumber, p)
    return p


def _salin_baris(sumber: PerjanjianKinerja, p: PerjanjianKinerja) -> None:
    sasaran_lama = list(sumber.sasaran.order_by("urutan", "pk"))
    sasaran_baru = Sasaran.objects.bulk_create(
        [Sasaran(perjanjian=p, tingkat=s.tingkat, urutan=s.urutan, uraian=s.uraian) for s in sasaran_lama]
    )
    ke_sasaran = {a.pk: b for a, b in zip(sasaran_lama, sasaran_baru, strict=True)}
    _salin_tautan(sasaran_lama, ke_sasaran, Sasaran)

    indikator_lama = list(
        Indikator.objects.filter(sasaran__perjanjian=sumber).order_by(
            "sasaran__urutan", "sasaran_id", "urutan", "pk"
        )
    )
    kolom = [f.attname for f in Indikator._meta.concrete_fields if f.name not in _INDIKATOR_LEWAT]
    indikator_baru = Indikator.objects.bulk_create(
        [
            Indikator(sasaran=ke_sasaran[i.sasaran_id], asal=i, **{k: getattr(i, k) for k in kolom})
            for i in indikator_lama
        ]
    )
    ke_indikator = {a.pk: b for a, b in zip(indikator_lama, indikator_baru, strict=True)}
    _salin_tautan(indikator_lama, ke_indikator, Indikator)
    DasarHukum.objects.bulk_create(
        [
            DasarHukum(indikator=ke_indikator[x.indikator_id], teks=x.teks, urutan=x.urutan)
            for x in DasarHukum.objects.filter(indikator__in=indikator_lama)
        ]
    )
    Baseline.objects.bulk_create(
        [
            Baseline(
                indikator=ke_indikator[b.indikator_id],
                tahun=b.tahun,
                target=b.target,
                realisasi=b.realisasi,
                capaian=b.capaian,
            )
            for b in Baseline.objects.filter(indikator__in=indikator_lama)
        ]
    )
    program_lama = list(sumber.program.order_by("urutan", "pk").prefetch_related("sasaran"))
    program_baru = Program.objects.bulk_create(
        [
            Program(
                perjanjian=p, urutan=x.urutan, jenis=x.jenis, kode=x.kode, nama=x.nama, anggaran=x.anggaran
            )
            for x in program_lama
        ]
    )
    Program.sasaran.through.objects.bulk_create(
        [
            Program.sasaran.through(program_id=b.pk, sasaran_id=ke_sasaran[s.pk].pk)
            for a, b in zip(program_lama, program_baru, strict=True)
            for s in a.sasaran.all()
        ]
    )


def _salin_tautan(lama: list, ke_baru: dict, model) -> None:
    """The copies keep the links inside the PK (a sasaran program under its sasaran strategis)."""
    ubah = []
    for a in lama:
        if a.mendukung_id in ke_baru:
            b = ke_baru[a.pk]
            b.mendukung = ke_baru[a.mendukung_id]
            ubah.append(b)
    model.objects.bulk_update(ubah, ["mendukung"])

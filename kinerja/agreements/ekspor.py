"""A stored PK as JSON (docs/pk-json.md): the keys of `kinerja pk parse`, plus its record's life.

Added keys: `id`, `status`, `versi`, `menggantikan` (id of the version it replaces), `diganti_oleh`
(id of its successor, if any), `alasan_perubahan_kode` (a/b/c), `tautan` (its page), `atasan_pk` (id
of the superior's PK it derives from), on each sasaran and indikator its `id` and `mendukung` (id of
the row it supports), on each program its `id` and `sasaran` (ids of the sasaran it serves), and, for
those who may view its unit, `riwayat` (the audit trail, as `kinerja pk riwayat --json`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from kinerja.agreements.domain_pk import to_domain
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Status
from kinerja.domain.pk import to_json
from kinerja.riwayat.models import Riwayat


def riwayat_json(perjanjian: PerjanjianKinerja) -> list[dict[str, Any]]:
    """The trail, oldest first: `{"waktu", "oleh", "aksi", "dari", "ke", "catatan", "perubahan"}`."""
    return [r.to_json() for r in Riwayat.objects.untuk(perjanjian)]


def _tambah_identitas(perjanjian: PerjanjianKinerja, data: dict[str, Any]) -> None:
    """Each row's id and cascade link, by position (the rows are in the order of `to_domain`)."""
    sasaran = list(
        perjanjian.sasaran.order_by("urutan", "id").prefetch_related(
            Prefetch("indikator", queryset=Indikator.objects.order_by("urutan", "id"))
        )
    )
    for s, js in zip(sasaran, data["sasaran"], strict=True):
        js.update({"id": s.pk, "mendukung": s.mendukung_id})
        for i, ji in zip(s.indikator.all(), js["indikator"], strict=True):
            ji.update({"id": i.pk, "mendukung": i.mendukung_id})
    program = perjanjian.program.order_by("urutan", "id").prefetch_related("sasaran")
    for p, jp in zip(program, data["program"], strict=True):
        jp.update({"id": p.pk, "sasaran": sorted(x.pk for x in p.sasaran.all())})


def pk_ke_json(perjanjian: PerjanjianKinerja, *, dengan_riwayat: bool) -> dict[str, Any]:
    data = to_json(to_domain(perjanjian))
    pengganti = perjanjian.pengganti.exclude(status=Status.DICABUT).values_list("pk", flat=True).first()
    data.update(
        {
            "id": perjanjian.pk,
            "status": perjanjian.status,
            "versi": perjanjian.versi,
            "menggantikan": perjanjian.menggantikan_id,
            "diganti_oleh": pengganti,
            "alasan_perubahan_kode": perjanjian.alasan_perubahan or None,
            "tautan": reverse("agreements:pk_detail", args=[perjanjian.pk]),
            "atasan_pk": perjanjian.atasan_pk_id,
        }
    )
    _tambah_identitas(perjanjian, data)
    if dengan_riwayat:
        data["riwayat"] = riwayat_json(perjanjian)
    return data

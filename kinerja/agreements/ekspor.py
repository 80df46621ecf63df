"""A stored PK as JSON (docs/pk-json.md): the keys of `kinerja pk parse`, plus its record's life.

Added keys: `id`, `status`, `versi`, `menggantikan` (id of the version it replaces), `diganti_oleh`
(id of its successor, if any), `alasan_perubahan_kode` (a/b/c), `tautan` (its page), and, for those
who may view its unit, `riwayat` (the audit trail, as `kinerja pk riwayat --json`).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kinerja.agreements.domain_pk import to_domain
from kinerja.agreements.models import PerjanjianKinerja, Status
from kinerja.domain.pk import to_json
from kinerja.riwayat.models import Riwayat


def riwayat_json(perjanjian: PerjanjianKinerja) -> list[dict[str, Any]]:
    """The trail, oldest first: `{"waktu", "oleh", "aksi", "dari", "ke", "catatan", "perubahan"}`."""
    return [r.to_json() for r in Riwayat.objects.untuk(perjanjian)]


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
        }
    )
    if dengan_riwayat:
        data["riwayat"] = riwayat_json(perjanjian)
    return data

"""Rencana tindak lanjut of an SKM: the share done, which feeds "Persentase hasil SKM yang ditindaklanjuti"."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from kinerja.domain.numbers import bulatkan
from kinerja.surveys.models import TindakLanjut


@dataclass(frozen=True)
class PersentaseTindakLanjut:
    selesai: int
    jumlah: int
    periode: int  # how many periods have follow-ups

    @property
    def persen(self) -> Decimal | None:
        """selesai / jumlah × 100, rounded half-up to 2 decimals; None when there is no follow-up."""
        if not self.jumlah:
            return None
        return bulatkan(Decimal(self.selesai) * 100 / Decimal(self.jumlah), 2)


def persentase_tindak_lanjut(unit_id: int, tahun: int | None = None, *, periode_id: int | None = None):
    """The share of a unit's follow-ups that are done, over the periods ending in `tahun` (or one period).

    One query. Counts every follow-up planned for those periods; "selesai" ones are the numerator.
    """
    qs = TindakLanjut.objects.filter(periode__unit_id=unit_id)
    if tahun is not None:
        qs = qs.filter(periode__tanggal_selesai__year=tahun)
    if periode_id is not None:
        qs = qs.filter(periode_id=periode_id)
    b = qs.order_by().aggregate(
        jumlah=Count("pk"),
        selesai=Count("pk", filter=Q(status=TindakLanjut.Status.SELESAI)),
        n_periode=Count("periode_id", distinct=True),
    )
    return PersentaseTindakLanjut(b["selesai"], b["jumlah"], b["n_periode"])

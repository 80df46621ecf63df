"""Capaian of many realisasi at once (a pemda's years of data, a recomputation after the cap changes).

`capaian_massal` reads each indikator's target and formula once and the realisasi as plain database
rows (two queries, streamed), and applies the rules of `kinerja.domain.capaian` through `capaian.nilai`
(the same rules as `hitung`, without writing the formula's words: a test checks they agree).
`capaian_per_objek` computes the same the way a loop over ORM objects does; it is the benchmark's
reference (bench/bench_pantau.py) and the tests check both agree. Each realisasi is compared with its
indikator's year target.
"""

from __future__ import annotations

from decimal import Context, Decimal

from django.db import connections
from django.db.models import QuerySet

from kinerja.agreements.models import Indikator
from kinerja.domain import capaian

# SQLite hands a decimal column back as a float: read it as Django does (15 significant digits), which
# gives back the decimal that was stored. PostgreSQL hands back a Decimal.
_DARI_FLOAT = Context(prec=15).create_decimal_from_float


def _desimal(v: object) -> Decimal | None:
    if v is None or isinstance(v, Decimal):
        return v
    if isinstance(v, float):
        return _DARI_FLOAT(v)
    return Decimal(v)  # type: ignore[arg-type]


def capaian_massal(realisasi: QuerySet, batas: Decimal | None = None) -> dict[int, Decimal | None]:
    """{realisasi id: capaian (capped, two decimals) or None} for every row of the queryset."""
    ukuran = {
        pk: (target, atas, polaritas, rumus or "selisih")
        for pk, target, atas, polaritas, rumus in Indikator.objects.filter(
            pk__in=realisasi.order_by().values("indikator_id")
        )
        .values_list("id", "target_nilai", "target_nilai_atas", "polaritas", "rencana__rumus_negatif")
        .iterator(chunk_size=20_000)
    }
    sql, params = realisasi.order_by().values_list("id", "indikator_id", "nilai").query.sql_with_params()
    hasil: dict[int, Decimal | None] = {}
    nilai, dari_float = capaian.nilai, _DARI_FLOAT
    with connections[realisasi.db].cursor() as c:
        c.execute(sql, params)
        while rows := c.fetchmany(20_000):
            for pk, ind, r in rows:
                t, atas, polaritas, rumus = ukuran[ind]
                if r.__class__ is float:  # SQLite (see _desimal, inlined: a million rows)
                    r = dari_float(r)
                elif r is not None and r.__class__ is not Decimal:
                    r = _desimal(r)
                hasil[pk] = nilai(t, r, polaritas, rumus, atas, batas)
    return hasil


def capaian_per_objek(realisasi: QuerySet, batas: Decimal | None = None) -> dict[int, Decimal | None]:
    """The same, one ORM object (with its indikator and rencana) per row: the slow reference."""
    hasil: dict[int, Decimal | None] = {}
    for r in realisasi.select_related("indikator", "indikator__rencana").iterator(chunk_size=2_000):
        ind = r.indikator
        rencana = getattr(ind, "rencana", None)
        hasil[r.pk] = capaian.hitung(
            ind.target_nilai,
            r.nilai,
            polaritas=ind.polaritas,
            rumus_negatif=rencana.rumus_negatif if rencana else "selisih",
            target_atas=ind.target_nilai_atas,
            batas=batas,
        ).nilai
    return hasil

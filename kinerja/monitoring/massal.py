"""Capaian of many realisasi at once (a pemda's years of data, a recomputation after the cap changes).

`capaian_massal` gives, for every realisasi of a queryset, the capped capaian against its indikator's
year target, by the rules of `kinerja.domain.capaian` (`nilai`: the same rules as `hitung`, without the
formula's words). Two ways, chosen by the database:

- PostgreSQL (production): the database computes the three formulas of the usual case in exact
  `numeric` arithmetic and rounds half up to two places (its ROUND rounds half away from zero, as
  ROUND_HALF_UP does); Python only caps (`capaian.dibatasi`). The rest — a target of 0, a range, T ÷ R
  with R ≤ 0 — goes to `capaian.nilai`, as do rows whose formula the database left empty. The quotient
  is taken at 30 decimals (Python's context holds 28 significant digits), so both round the same for
  every value whose capaian has fewer than 20 integer digits; tests compare them over a grid of every
  rule on both databases.
- SQLite (development, where a decimal column is stored as a float): plain rows without the ORM's
  per-row converters, each passed to `capaian.nilai`.

`capaian_per_objek` computes the same the way a loop over ORM objects does; it is the benchmark's
reference (bench/bench_pantau.py) and the tests check both agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Context, Decimal

from django.db import connections
from django.db.models import Case, DecimalField, F, Q, QuerySet, Value, When
from django.db.models.functions import Round

from kinerja.agreements.models import Indikator
from kinerja.domain import capaian

# SQLite hands a decimal column back as a float: read it as Django does (15 significant digits), which
# gives back the decimal that was stored. PostgreSQL hands back a Decimal.
_DARI_FLOAT = Context(prec=15).create_decimal_from_float
_POTONG = 20_000


def _desimal(v: object) -> Decimal | None:
    if v is None or isinstance(v, Decimal):
        return v
    if isinstance(v, float):
        return _DARI_FLOAT(v)
    return Decimal(v)  # type: ignore[arg-type]


def _baris(db: str, qs: QuerySet) -> Iterator[tuple]:
    """The plain database rows of a values_list queryset, streamed (no ORM converters: the caller
    reads the decimals)."""
    sql, params = qs.query.sql_with_params()
    with connections[db].cursor() as c:
        c.execute(sql, params)
        while rows := c.fetchmany(_POTONG):
            yield from rows


def _aturan(realisasi: QuerySet, ids: set[int] | None = None) -> dict[int, tuple]:
    """{indikator id: (target, its upper bound, polaritas, rumus_negatif)} of the realisasi (or of the
    indikator `ids`)."""
    if ids is None:
        chunks: list = [Indikator.objects.filter(pk__in=realisasi.order_by().values("indikator_id"))]
    else:
        urut = sorted(ids)
        chunks = [
            Indikator.objects.filter(pk__in=urut[i : i + _POTONG]) for i in range(0, len(urut), _POTONG)
        ]
    hasil = {}
    for qs in chunks:
        kolom = qs.order_by().values_list(
            "id", "target_nilai", "target_nilai_atas", "polaritas", "rencana__rumus_negatif"
        )
        for pk, target, atas, polaritas, rumus in _baris(realisasi.db, kolom):
            hasil[pk] = (_desimal(target), _desimal(atas), polaritas, rumus or "selisih")
    return hasil


def _rumus_sql() -> tuple[Case, Case]:
    """The capaian before the cap, unrounded, in the database: `capaian._mentah`'s three formulas where
    they apply alone (docs/formulas.md "Capaian"), else NULL; and beside it the indikator's id where
    `capaian.nilai` decides instead (a target of 0, a range, T ÷ R with R ≤ 0), else NULL."""
    d = DecimalField(max_digits=1000, decimal_places=30)
    r = Round(F("nilai"), 30, output_field=d)  # the quotient keeps 30 decimals
    t = F("indikator__target_nilai")
    seratus = Value(Decimal(100), output_field=d)
    negatif = Q(indikator__polaritas="negatif")
    kebalikan = negatif & Q(indikator__rencana__rumus_negatif="kebalikan")
    lain = (
        Q(indikator__target_nilai=0) | Q(indikator__target_nilai_atas__gt=t) | (kebalikan & Q(nilai__lte=0))
    )
    rumus = Case(
        When(lain, then=None),
        When(kebalikan, then=t / r * seratus),  # T ÷ R × 100
        When(negatif, then=(2 * t - r) / t * seratus),  # (2T − R) ÷ T × 100
        default=r / t * seratus,  # R ÷ T × 100
        output_field=d,
    )
    return rumus, Case(When(lain & Q(nilai__isnull=False), then=F("indikator_id")), default=None)


def capaian_massal(
    realisasi: QuerySet, batas: Decimal | None = None, *, sql: bool | None = None
) -> dict[int, Decimal | None]:
    """{realisasi id: capaian (capped, two decimals) or None} for every row of the queryset. `sql`:
    compute the usual formulas in the database (default: on PostgreSQL)."""
    if sql is None:
        sql = connections[realisasi.db].vendor == "postgresql"
    if sql:
        return _dengan_sql(realisasi, batas)
    aturan = _aturan(realisasi)
    hasil: dict[int, Decimal | None] = {}
    nilai, dari_float = capaian.nilai, _DARI_FLOAT
    for pk, ind, r in _baris(realisasi.db, realisasi.order_by().values_list("id", "indikator_id", "nilai")):
        t, atas, polaritas, rumus = aturan[ind]
        if r.__class__ is float:  # SQLite (see _desimal, inlined: a million rows)
            r = dari_float(r)
        elif r is not None and r.__class__ is not Decimal:
            r = _desimal(r)
        hasil[pk] = nilai(t, r, polaritas, rumus, atas, batas)
    return hasil


def _dengan_sql(realisasi: QuerySet, batas: Decimal | None) -> dict[int, Decimal | None]:
    rumus, lain = _rumus_sql()
    kolom = realisasi.order_by().values_list("id", Round(rumus, 2), lain)
    hasil: dict[int, Decimal | None] = {}
    sisa = []
    dibatasi = capaian.dibatasi
    for pk, m, ind in _baris(realisasi.db, kolom):
        if m is not None:
            hasil[pk] = dibatasi(m, batas)
        elif ind is None:
            hasil[pk] = None  # no realisasi or no target: no capaian
        else:
            sisa.append(pk)
    aturan = _aturan(realisasi, {ind for pk, ind, _ in _realisasi(realisasi, sisa)}) if sisa else {}
    for pk, ind, r in _realisasi(realisasi, sisa):
        t, atas, polaritas, rumus_negatif = aturan[ind]
        hasil[pk] = capaian.nilai(t, r, polaritas, rumus_negatif, atas, batas)
    return hasil


def _realisasi(realisasi: QuerySet, ids: list[int]) -> Iterator[tuple]:
    for i in range(0, len(ids), _POTONG):
        kolom = realisasi.model.objects.filter(pk__in=ids[i : i + _POTONG]).values_list(
            "id", "indikator_id", "nilai"
        )
        for pk, ind, r in _baris(realisasi.db, kolom.order_by()):
            yield pk, ind, _desimal(r)


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

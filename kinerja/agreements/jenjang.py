"""The cascade from the database: stored PKs as `kinerja.domain.cascading` views, in a fixed number of
queries, for the review (PK-CAS rules), the editor's choices and the pohon kinerja."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Q, QuerySet

from kinerja.agreements.models import Indikator, PerjanjianKinerja, Sasaran, Status, nilai_tercetak
from kinerja.domain import pk as d
from kinerja.domain.cascading import IndikatorJenjang, Jenjang, PKJenjang, SasaranJenjang
from kinerja.domain.review import Temuan, review

_INDIKATOR = (
    "id",
    "sasaran_id",
    "uraian",
    "target_teks",
    "target_nilai",
    "target_desimal",
    "satuan",
    "target_predikat",
    "polaritas",
    "mendukung_id",
)


def berlaku(qs: QuerySet[PerjanjianKinerja]) -> QuerySet[PerjanjianKinerja]:
    """The PKs that stand for their unit now: not replaced, not withdrawn, and not a perubahan still
    being prepared while the version it will replace is the published one."""
    return qs.exclude(status__in=[Status.DIGANTI, Status.DICABUT]).exclude(
        Q(menggantikan__isnull=False) & Q(menggantikan__status=Status.DITERBITKAN)
    )


def pk_jenjang_banyak(pks: Sequence[PerjanjianKinerja]) -> list[PKJenjang]:
    """The PKs (with `unit` selected) as cascade views, rows in document order: two queries."""
    ids = [p.pk for p in pks]
    if not ids:
        return []
    sasaran: dict[int, list[tuple]] = defaultdict(list)
    for row in (
        Sasaran.objects.filter(perjanjian_id__in=ids)
        .order_by("urutan", "id")
        .values_list("perjanjian_id", "id", "tingkat", "uraian", "mendukung_id")
    ):
        sasaran[row[0]].append(row[1:])
    indikator: dict[int, list[IndikatorJenjang]] = defaultdict(list)
    for row in (
        Indikator.objects.filter(sasaran__perjanjian_id__in=ids)
        .order_by("sasaran_id", "urutan", "id")
        .values_list(*_INDIKATOR)
    ):
        b = dict(zip(_INDIKATOR, row, strict=True))
        target = d.Target(
            teks=b["target_teks"],
            nilai=nilai_tercetak(b["target_nilai"], b["target_desimal"]),
            satuan=b["satuan"] or None,
            predikat=b["target_predikat"] or None,
        )
        indikator[b["sasaran_id"]].append(
            IndikatorJenjang(b["id"], b["uraian"], target, b["polaritas"], b["mendukung_id"])
        )
    return [
        PKJenjang(
            id=p.pk,
            unit=p.unit.nama,
            pihak=p.pihak_pertama_jabatan or p.pihak_pertama_nama,
            tahun=p.tahun,
            status=p.status,
            atasan=p.atasan_pk_id,
            unit_id=p.unit_id,
            unit_induk_id=p.unit.induk_id,
            sasaran=tuple(
                SasaranJenjang(sid, tingkat, uraian, mendukung, tuple(indikator[sid]))
                for sid, tingkat, uraian, mendukung in sasaran[p.pk]
            ),
        )
        for p in pks
    ]


def jenjang_pk(perjanjian: PerjanjianKinerja) -> Jenjang:
    """The PK's place in the cascade: its superior's PK, the PKs derived from it, and its siblings
    (the other PKs derived from the same superior's PK). Four queries."""
    q = Q(atasan_pk_id=perjanjian.pk)
    if perjanjian.atasan_pk_id:
        q |= Q(atasan_pk_id=perjanjian.atasan_pk_id) | Q(pk=perjanjian.atasan_pk_id)
    lain = list(
        PerjanjianKinerja.objects.filter(q)
        .exclude(pk=perjanjian.pk)
        .select_related("unit")
        .order_by("unit__jalur", "id")
    )
    lain = [p for p in lain if p.pk == perjanjian.atasan_pk_id or _berlaku(p)]
    semua = pk_jenjang_banyak([perjanjian, *lain])
    ini, lain_j = semua[0], semua[1:]
    atasan = next((x for x in lain_j if x.id == perjanjian.atasan_pk_id), None)
    return Jenjang(
        pk=ini,
        atasan=atasan,
        bawahan=tuple(x for x in lain_j if x.atasan == perjanjian.pk),
        saudara=tuple(x for x in lain_j if x.atasan is not None and x.atasan == perjanjian.atasan_pk_id),
    )


def _berlaku(p: PerjanjianKinerja) -> bool:
    """`berlaku` for a PK already read: a perubahan stands once published (its predecessor is then
    *diganti*); until then the version it replaces does."""
    if p.status in (Status.DIGANTI, Status.DICABUT):
        return False
    return p.menggantikan_id is None or p.status == Status.DITERBITKAN


def temuan_pk(perjanjian: PerjanjianKinerja, data: d.NaskahPK | None = None) -> list[Temuan]:
    """The review's findings on a stored PK, the cascade rules included (`data`: the PK already read)."""
    from kinerja.agreements.domain_pk import to_domain

    return review(data if data is not None else to_domain(perjanjian), jenjang=jenjang_pk(perjanjian))

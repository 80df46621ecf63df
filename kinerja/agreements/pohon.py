"""The pohon kinerja of a pemda and a year: which PKs it shows to whom, and its HTML.

The tree itself is `kinerja.domain.cascading.pohon`. A visitor sees the published PKs; a user of a
unit also sees his units' PKs in their current state (a draft, a PK awaiting approval), marked with
their status. Five queries whatever the size (the pemda, its years, the PKs with their units, sasaran,
indikator): 500 units × 5 indikator open in about 130 ms (bench/bench_pohon.py; the issue asks ≤ 300).
The nodes are written in Python (escaped) rather than through a recursive template include per node.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from kinerja.agreements.jenjang import berlaku, pk_jenjang_banyak
from kinerja.agreements.models import PerjanjianKinerja, Status, Tingkat
from kinerja.domain import cascading
from kinerja.domain.cascading import PKJenjang, Pohon, Simpul
from kinerja.units.models import Unit


@dataclass
class HasilPohon:
    pemda: Unit
    tahun: int
    pohon: Pohon
    jumlah_pk: int


def pk_pohon(pemda: Unit, tahun: int, user) -> list[PerjanjianKinerja]:
    """The PKs of the pemda's tree for the year that `user` may see, in the unit tree's order."""
    qs = PerjanjianKinerja.objects.filter(tahun=tahun, unit__jalur__startswith=pemda.jalur)
    return list(berlaku(qs.visible_to(user)).select_related("unit").order_by("unit__jalur", "pk"))


def pohon_kinerja(pemda: Unit, tahun: int, user, cari: str = "") -> HasilPohon:
    pks = pk_pohon(pemda, tahun, user)
    t = cascading.pohon(pk_jenjang_banyak(pks))
    return HasilPohon(pemda, tahun, cascading.saring(t, cari), len(pks))


def tahun_tersedia(pemda: Unit, user) -> list[int]:
    qs = PerjanjianKinerja.objects.filter(unit__jalur__startswith=pemda.jalur).visible_to(user)
    return sorted(set(qs.values_list("tahun", flat=True)), reverse=True)


# ---------------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------------

_TINGKAT = dict(Tingkat.choices)
_STATUS = dict(Status.choices)


def _kepala(pk: PKJenjang, tingkat: str, *, tautan: bool) -> str:
    """The node's first line: unit (a link to its PK, except inside a <summary>, which may hold no
    link), pihak, level, and the status when not published."""
    status = ""
    if pk.status != Status.DITERBITKAN:
        status = f' <span class="lencana">{escape(str(_STATUS.get(pk.status, pk.status)))}</span>'
    unit = escape(pk.unit)
    if tautan:
        unit = f'<a href="{reverse("agreements:pk_detail", args=[pk.id])}">{unit}</a>'
    return (
        f'<span class="pohon-unit">{unit} · {escape(pk.pihak)}'
        f" · {escape(str(_TINGKAT.get(tingkat, tingkat)))}{status}</span>"
    )


def _tautan_pk(pk: PKJenjang) -> str:
    url = reverse("agreements:pk_detail", args=[pk.id])
    return f'<p class="pohon-tautan"><a href="{url}">{escape(_("Lihat PK"))}<span class="sr-only"> {escape(pk.label)}</span></a></p>'


def _indikator(s: Simpul) -> str:
    if not s.sasaran.indikator:
        return ""
    baris = []
    for i in s.sasaran.indikator:
        induk = s.mendukung_indikator.get(i.id)
        tautan = f'<span class="mendukung">{escape(induk)}</span>' if induk else ""
        baris.append(f"<li>{escape(i.uraian)} — <strong>{escape(i.target.teks)}</strong>{tautan}</li>")
    return f'<ul class="pohon-indikator">{"".join(baris)}</ul>'


def _simpul(s: Simpul, keluar: list[str]) -> None:
    sasaran = f'<span class="pohon-sasaran">{escape(s.sasaran.uraian)}</span>'
    keluar.append(f'<li id="sasaran-{s.sasaran.id}">')
    if s.anak:
        keluar.append(
            f"<details open><summary>{_kepala(s.pk, s.sasaran.tingkat, tautan=False)}{sasaran}</summary>"
            f'{_tautan_pk(s.pk)}{_indikator(s)}<ul class="pohon">'
        )
        for a in s.anak:
            _simpul(a, keluar)
        keluar.append("</ul></details>")
    else:
        keluar.append(
            f'<div class="pohon-daun">{_kepala(s.pk, s.sasaran.tingkat, tautan=True)}{sasaran}{_indikator(s)}</div>'
        )
    keluar.append("</li>")


def html_pohon(t: Pohon | list[Simpul]) -> str:
    """The tree (or a list of subtrees) as nested lists: each sasaran with sasaran below it a
    collapsible node (<details>), no script needed."""
    keluar: list[str] = ['<ul class="pohon pohon-akar">']
    for s in t.akar if isinstance(t, Pohon) else t:
        _simpul(s, keluar)
    keluar.append("</ul>")
    return "".join(keluar)

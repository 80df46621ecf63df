"""How a capaian is shown everywhere: the value, its category as a mark and a code readable without
colour, and the formula that produced it one hover (title) away."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from kinerja.domain import capaian as dc
from kinerja.domain.numbers import format_angka

register = template.Library()


@register.simple_tag
def capaian(c: dc.Capaian | None, pita: dc.Pita | None = None, nilai=None):
    """`{% capaian sel.capaian sel.kategori %}` → "94,51% ▲▲ ST" with the formula as its title."""
    angka = nilai if nilai is not None else (c.nilai if c is not None else None)
    if angka is None:
        judul = c.keterangan if c is not None and c.keterangan else "–"
        return format_html('<span class="capaian capaian-kosong" title="{}">–</span>', judul)
    pita = pita or dc.kategori(angka)
    rumus = c.rumus if c is not None else ""
    if c is not None and c.mentah is not None and c.nilai is not None and c.mentah != c.nilai:
        rumus = f"{rumus}; sebelum dibatasi {format_angka(c.mentah, 2)}%"
    if pita is None:
        return format_html('<span class="capaian" title="{}">{}%</span>', rumus, format_angka(angka, 2))
    return format_html(
        '<span class="capaian pita-{}" title="{}">{}% <span aria-hidden="true">{}</span> '
        '<abbr title="{}">{}</abbr></span>',
        pita.kode,
        rumus,
        format_angka(angka, 2),
        pita.tanda,
        pita.label,
        pita.kode,
    )


@register.filter
def romawi(n) -> str:
    from kinerja.domain.pantau import ROMAWI

    return ROMAWI.get(int(n), str(n))


@register.filter
def sel_ke(baris, tw):
    """`baris|sel_ke:tw` → the indikator's cell of triwulan `tw`."""
    return baris.sel[int(tw) - 1]


@register.filter
def capaian_tw(data, tw):
    """`data|capaian_tw:2` → a PK's capaian up to triwulan 2 (the mean of its indikator's)."""
    return data.capaian_triwulan(int(tw))

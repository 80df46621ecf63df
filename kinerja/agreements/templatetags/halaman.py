"""Small helpers of the PK page: anchors for the review's places, and dictionary lookups."""

from __future__ import annotations

import re

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def jangkar(jalur: str) -> str:
    """The HTML id of a review place: "sasaran[0].indikator[1]" -> "sasaran-0-indikator-1"."""
    return re.sub(r"[^0-9a-z]+", "-", (jalur or "").lower()).strip("-")


@register.filter
def dari(kamus, kunci):
    """kamus[kunci], or an empty list when absent (for values keyed by a review place)."""
    return kamus.get(kunci, []) if kamus else []


@register.simple_tag(takes_context=True)
def query_tanpa_halaman(context) -> str:
    """The request's query string without its page number, for the links of a paginated list."""
    request = context.get("request")
    if request is None:
        return ""
    query = request.GET.copy()
    query.pop("halaman", None)
    return query.urlencode()


@register.simple_tag
def baris_kinerja(kelompok, otomatis) -> str:
    """The rows of one level of the tabel kinerja (Lampiran 1), built in Python like `blok_penjelasan`.

    A sasaran's number and text span its indicators' rows; beside a target, the values kinerja fills
    in itself (`otomatis`, by review place). Same markup and strings as the template had.
    """
    e = conditional_escape
    otomatis = otomatis or {}
    baris = []
    for s in kelompok.sasaran:
        n = len(s.baris)
        for i, b in enumerate(s.baris):
            kepala = (
                f'<td class="no" rowspan="{n}">{s.nomor}</td><td rowspan="{n}" id="{e(s.id_html)}">'
                f"{e(s.uraian)}</td>"
                if i == 0
                else ""
            )
            target = e(b.target.teks) if b.target is not None else ""
            nilai = "".join(_otomatis(o) for o in otomatis.get(b.jalur, ()))
            baris.append(
                f'\n        <tr id="{e(b.id_html)}">\n          {kepala}\n          <td>{e(b.indikator)}</td>'
                f'\n          <td class="target">{target}{nilai}</td>\n        </tr>'
            )
    return mark_safe("".join(baris))  # every value escaped above


def _otomatis(o) -> str:
    """One automatic value beside a target: what, the value, against the target, and its source."""
    e = conditional_escape
    keterangan = f' <span class="redup">({e(o.keterangan)})</span>' if o.keterangan else ""
    sumber = f'<a href="{e(o.tautan)}">{e(o.sumber)}</a>' if o.tautan else e(o.sumber)
    return (
        f'\n            <div class="otomatis"><span class="lencana">{e(_("otomatis"))}</span> {e(o.judul)}: '
        f"<strong>{e(o.nilai)}</strong>{keterangan}\n              "
        f'<span class="redup sumber">{e(_("Sumber:"))} {sumber}</span></div>'
    )


@register.simple_tag
def blok_penjelasan(ind, kepala_relevansi, kepala_target, kepala_baseline):
    """One Lampiran 2 block of the PK page, built in Python.

    The page shows up to hundreds of these; as template nodes they were most of its render time
    (docs/performance.md). Same markup and the same translatable strings as the template had.
    """
    e = conditional_escape
    bagian = [
        format_html(
            '<section class="penjelasan" id="{}">\n  <h3>{} {}: {}</h3>\n',
            ind.id_html,
            _("Penjelasan Kinerja"),
            ind.nomor,
            ind.indikator,
        )
    ]
    if ind.uraian_sasaran:
        bagian.append(format_html("  <h4>{}</h4>\n  <p>{}</p>\n", _("Uraian Sasaran"), ind.uraian_sasaran))
    if ind.dasar_hukum:
        daftar = format_html_join("", "<li>{}</li>", ((d,) for d in ind.dasar_hukum))
        bagian.append(format_html("  <h4>{}</h4>\n  <ol>{}</ol>\n", _("Dasar Hukum"), daftar))
    bagian.append(
        format_html(
            "  <h4>{}</h4>\n  <p>{} <strong>{}</strong> {}</p>\n",
            _("Indikator Kinerja"),
            _("Sasaran kinerja ini memiliki"),
            ind.jumlah_indikator,
            _(
                "indikator kinerja yang akan menggambarkan secara langsung ketercapaian/kondisi sasaran "
                "kinerja yang akan diwujudkan."
            ),
        )
    )
    bagian.append(
        format_html(
            '  <div class="gulir" tabindex="0"><table class="tabel-dokumen">{}\n    <tbody><tr><th scope="row">{}</th><td>{}</td>'
            "<td>{}</td><td>{}</td></tr></tbody>\n  </table></div>\n",
            kepala_relevansi,
            ind.indikator,
            ind.relevansi,
            ind.formulasi,
            ind.sumber_data,
        )
    )
    bagian.append(
        format_html(
            '  <h4>{}</h4>\n  <div class="gulir" tabindex="0"><table class="tabel-dokumen">{}\n    <tbody><tr>'
            '<th scope="row">{}</th><td class="target">{}</td><td>{}</td></tr></tbody>\n  </table></div>\n',
            _("Target Kinerja"),
            kepala_target,
            ind.indikator,
            ind.target,
            ind.penjelasan_target,
        )
    )
    if ind.baseline:
        baris = "".join(
            f'\n      <tr><th scope="row">{b.tahun}</th><td>{e(b.target)}</td><td>{e(b.realisasi)}</td>'
            f"<td>{e(b.capaian)}</td></tr>"
            for b in ind.baseline
        )
        bagian.append(
            format_html(
                '  <div class="gulir" tabindex="0"><table class="tabel-dokumen tabel-baseline">{}\n    <tbody>{}\n    </tbody>\n'
                "  </table></div>\n",
                kepala_baseline,
                mark_safe(baris),  # every value escaped above
            )
        )
    bagian.append(mark_safe("</section>\n"))
    return mark_safe("".join(bagian))  # built from format_html parts

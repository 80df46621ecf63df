"""Template helpers for document pages (not formats: those are in format_id)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def kepala_tabel(judul: str, *kolom: str) -> SafeString:
    """The <caption> and <thead> of a table repeated in a loop, built once: `{% kepala_tabel … as x %}`.

    A table of Lampiran 2 repeats for every indicator; its header is the same each time, so it is
    rendered once before the loop (with its translated, escaped labels) and reused.
    """
    sel = format_html_join("", '<th scope="col">{}</th>', ((k,) for k in kolom))
    return format_html("<caption>{}</caption><thead><tr>{}</tr></thead>", judul, sel)

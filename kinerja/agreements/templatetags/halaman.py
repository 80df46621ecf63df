"""Small helpers of the PK page: anchors for the review's places, and dictionary lookups."""

from __future__ import annotations

import re

from django import template

register = template.Library()


@register.filter
def jangkar(jalur: str) -> str:
    """The HTML id of a review place: "sasaran[0].indikator[1]" -> "sasaran-0-indikator-1"."""
    return re.sub(r"[^0-9a-z]+", "-", (jalur or "").lower()).strip("-")


@register.filter
def dari(kamus, kunci):
    """kamus[kunci], or an empty list when absent (for values keyed by a review place)."""
    return kamus.get(kunci, []) if kamus else []

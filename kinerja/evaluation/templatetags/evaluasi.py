"""Template helpers of the evaluation page."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def ketikan(post, awalan: str, kode: str, bawaan: str = "") -> str:
    """What the person typed into field `awalan-kode` of a rejected form, else the stored value."""
    kunci = f"{awalan}-{kode}"
    if post and kunci in post:
        return post.get(kunci, "")
    return bawaan or ""

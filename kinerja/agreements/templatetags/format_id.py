"""Indonesian formats in templates: thin filters over kinerja.domain (numbers, nip, tanggal).

Every filter returns "" for None, so an empty cell stays empty instead of printing "None".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import template

from kinerja.agreements.models import Indikator, ringkas
from kinerja.domain import nip as nip_mod
from kinerja.domain import numbers
from kinerja.domain import tanggal as tanggal_mod

register = template.Library()


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return Decimal(value)
    return None


@register.filter
def angka(value, places=2) -> str:
    """1234567.891 -> "1.234.567,89"; `|angka:0` without decimals."""
    d = _decimal(value)
    return "" if d is None else numbers.format_angka(d, int(places))


@register.filter
def angka_ringkas(value) -> str:
    """A stored decimal without its column's trailing zeros: 80.3300 -> "80,33", 85.0000 -> "85"."""
    d = _decimal(value)
    return "" if d is None else numbers.format_angka(ringkas(d), None)


@register.filter
def rupiah(value) -> str:
    """33800000 -> "Rp33.800.000,00" (PUEBI: no space after Rp)."""
    d = _decimal(value)
    return "" if d is None else numbers.format_rupiah(d)


@register.filter
def persen(value, places=None) -> str:
    """A value already in percent: 94.51 -> "94,51%"; trailing zeros of the column are dropped."""
    d = _decimal(value)
    if d is None:
        return ""
    return numbers.format_persen(ringkas(d), None if places is None else int(places))


@register.filter
def nilai(value, satuan=None) -> str:
    """A value with its satuan: "8 unit", "100%", "84,00"."""
    d = _decimal(value)
    return "" if d is None else numbers.format_nilai(d, satuan or None)


@register.filter
def target(indikator: Indikator) -> str:
    """An indicator's target: the value with its satuan and predikat ("84,00 (Baik)"), else as printed."""
    d = indikator.target_nilai_tampil
    if d is None:
        return indikator.target_teks or indikator.target_predikat
    teks = numbers.format_nilai(d, indikator.satuan or None)
    return f"{teks} ({indikator.target_predikat})" if indikator.target_predikat else teks


@register.filter
def terbilang_rupiah(value) -> str:
    """33800000 -> "tiga puluh tiga juta delapan ratus ribu rupiah"."""
    d = _decimal(value)
    return "" if d is None else numbers.terbilang_rupiah(d)


@register.filter
def nip(value) -> str:
    """ "197110101993122003" -> "19711010 199312 2 003" (other text is shown as written)."""
    return nip_mod.format_nip(value) if value else ""


@register.filter
def tanggal(value) -> str:
    """A date -> "2 Januari 2024"."""
    if isinstance(value, date | tanggal_mod.Tanggal):
        return tanggal_mod.format_tanggal(value)
    return "" if value is None else str(value)


@register.filter
def menit(durasi) -> int | str:
    """A timedelta in whole minutes (the login lock's length); anything else as it is."""
    try:
        return int(durasi.total_seconds() // 60)
    except AttributeError:
        return durasi

"""Values that other apps fill in beside a PK's indicators automatically (never retyped).

Dependencies run one way (units -> agreements -> monitoring -> surveys), so agreements cannot ask the
surveys app; instead an app registers a *penyedia* (provider) in its AppConfig.ready(), and the PK
page asks every provider once per page. A provider gets the stored PK and its indicators in document
order and returns, for the indicators it knows, what to show. It must run a constant number of
queries whatever the number of indicators (the page's query count is asserted).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kinerja.agreements.models import PerjanjianKinerja


@dataclass(frozen=True)
class IndikatorPK:
    """An indicator as providers see it: its place (the review's jalur) and its printed words."""

    jalur: str  # "sasaran[0].indikator[1]"
    uraian: str
    target_teks: str


@dataclass(frozen=True)
class NilaiOtomatis:
    """One automatic value shown beside an indicator, with its source."""

    judul: str  # "IKM Semester I 2024"
    nilai: str  # "82,15 (B, Baik)"
    keterangan: str  # "target 84,00; tercapai 97,80%" or ""
    sumber: str  # "SKM Kecamatan Bajeng, 1 Januari – 30 Juni 2024, 412 responden (ditutup 1 Juli 2024)"
    tautan: str = ""  # a page with the details (public when the source is public)
    # For monitoring (the realisasi it fills, kinerja.monitoring.layanan.isi_otomatis): the value as
    # a number and the last day of the period it measures; None when the value is not a number.
    angka: Decimal | None = None
    tanggal: date | None = None


Penyedia = Callable[[PerjanjianKinerja, Sequence[IndikatorPK]], Mapping[str, Sequence[NilaiOtomatis]]]

_PENYEDIA: list[Penyedia] = []


def daftarkan(penyedia: Penyedia) -> Penyedia:
    """Register a provider (call from AppConfig.ready(); usable as a decorator)."""
    if penyedia not in _PENYEDIA:
        _PENYEDIA.append(penyedia)
    return penyedia


def nilai_otomatis(pk: PerjanjianKinerja, indikator: Sequence[IndikatorPK]) -> dict[str, list[NilaiOtomatis]]:
    """Every provider's values for the PK's indicators, keyed by the indicator's jalur."""
    hasil: dict[str, list[NilaiOtomatis]] = {}
    for penyedia in _PENYEDIA:
        for jalur, nilai in penyedia(pk, indikator).items():
            hasil.setdefault(jalur, []).extend(nilai)
    return hasil

"""Trail entries as a page shows them, for any record: when, who, the action's label, the status before
and after, the note, and each changed field old → new. Each app gives its own labels and value
formats (a PK's fields: kinerja.agreements.riwayat_tampil; units and pejabat: kinerja.units)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.domain.tanggal import format_tanggal
from kinerja.riwayat.models import Riwayat


@dataclass(frozen=True)
class BidangTampil:
    label: str
    lama: str
    baru: str


@dataclass(frozen=True)
class BarisRiwayat:
    """One trail entry as the page shows it."""

    waktu: str  # "2 Januari 2024 10.15"
    waktu_iso: str
    oleh: str
    kode: str
    aksi: str
    dari: str
    ke: str
    catatan: str
    perubahan: tuple[BidangTampil, ...]


def _sama(teks: str) -> str:
    return teks


def baris_riwayat(
    entri: Iterable[Riwayat],
    *,
    label_aksi: Callable[[str], str],
    label_bidang: Callable[[str], str],
    format_nilai: Callable[[str, str | None], str],
    label_status: Callable[[str], str] = _sama,
) -> list[BarisRiwayat]:
    """The entries, in the order given, with the app's labels and value formats."""
    hasil = []
    for r in entri:
        waktu = timezone.localtime(r.waktu)
        hasil.append(
            BarisRiwayat(
                waktu=f"{format_tanggal(waktu.date())} {waktu:%H.%M}",
                waktu_iso=waktu.isoformat(timespec="seconds"),
                oleh=r.oleh_nama or _("sistem (baris perintah)"),
                kode=r.aksi,
                aksi=label_aksi(r.aksi),
                dari=label_status(r.dari) if r.dari else "",
                ke=label_status(r.ke) if r.ke else "",
                catatan=r.catatan,
                perubahan=tuple(
                    BidangTampil(
                        label=label_bidang(p.get("bidang", "")),
                        lama=format_nilai(p.get("bidang", ""), p.get("lama")),
                        baru=format_nilai(p.get("bidang", ""), p.get("baru")),
                    )
                    for p in r.perubahan
                ),
            )
        )
    return hasil

"""Indonesian dates: month names, a date found inside text ("Sungguminasa, 02 Januari 2024"), formatting.

A date may lack its day: PK signature blocks are often printed "Boyolali,      Januari 2026" and the day is
written in by hand. `Tanggal` keeps that as hari=None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "BULAN",
    "POLA_NAMA_BULAN",
    "Tanggal",
    "TanggalError",
    "format_tanggal",
    "format_tanggal_parsial",
    "parse_tanggal",
]

# PUEBI/KBBI nama bulan (docs/formulas.md).
BULAN: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# Spellings seen in documents, lower case → month number: the KBBI names, the old spellings
# (Pebruari, Nopember, Agustus without the "g" slip) and the usual three-letter abbreviations.
_EJAAN_BULAN: dict[str, int] = {
    **{nama.lower(): i for i, nama in enumerate(BULAN, start=1)},
    "pebruari": 2,
    "febuari": 2,
    "nopember": 11,
    "jan": 1,
    "feb": 2,
    "peb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agust": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
}

# The month names as a regular-expression alternation (longest first): the one vocabulary of months,
# used by the PK parser's place-and-date lines too.
POLA_NAMA_BULAN = "|".join(sorted(_EJAAN_BULAN, key=len, reverse=True))
_NAMA_BULAN = POLA_NAMA_BULAN
# "02 Januari 2024", "Januari 2024", "2 Agt. 2024": day optional, month name, four-digit year.
_POLA_NAMA = re.compile(rf"(?<!\w)(?:(\d{{1,2}})\s+)?({_NAMA_BULAN})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
# "02-01-2024", "2/1/2024", "02.01.2024": day-month-year, the Indonesian order.
_POLA_DMY = re.compile(r"(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)")
# "2024-01-02": ISO 8601.
_POLA_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


class TanggalError(ValueError):
    """A date that does not exist (31 Februari, bulan 13); the message is Indonesian."""


@dataclass(frozen=True)
class Tanggal:
    """A calendar date whose day may be unknown (hari=None: "Januari 2024")."""

    hari: int | None
    bulan: int
    tahun: int

    def __post_init__(self) -> None:
        if not 1 <= self.bulan <= 12:
            raise TanggalError(f"Bulan {self.bulan} tidak ada (harus 1 sampai 12), tahun {self.tahun}")
        if not 1 <= self.tahun <= 9999:
            raise TanggalError(f"Tahun {self.tahun} di luar jangkauan (1 sampai 9999)")
        if self.hari is not None:
            jumlah_hari = calendar.monthrange(self.tahun, self.bulan)[1]
            if not 1 <= self.hari <= jumlah_hari:
                raise TanggalError(
                    f"Tanggal {self.hari} {BULAN[self.bulan - 1]} {self.tahun} tidak ada: "
                    f"{BULAN[self.bulan - 1]} {self.tahun} hanya {jumlah_hari} hari"
                )

    def __str__(self) -> str:
        bulan_tahun = f"{BULAN[self.bulan - 1]} {self.tahun}"
        return bulan_tahun if self.hari is None else f"{self.hari} {bulan_tahun}"

    def to_date(self) -> date | None:
        """The `datetime.date`, or None when the day is unknown."""
        return None if self.hari is None else date(self.tahun, self.bulan, self.hari)


def parse_tanggal(text: str) -> Tanggal | None:
    """Find the first date in text ("Sungguminasa, 02 Januari 2024", "2024-01-02"); None if there is none.

    Raises TanggalError when a date is written but cannot exist ("31 Februari 2024", "02-13-2024").
    """
    # PUEBI (docs/formulas.md): tanggal bulan tahun; juga bentuk angka hari-bulan-tahun dan ISO 8601.
    if not text:
        return None
    temuan: list[tuple[int, int | None, int, int]] = []  # (position, hari, bulan, tahun)
    m = _POLA_NAMA.search(text)
    if m:
        hari = int(m.group(1)) if m.group(1) else None
        temuan.append((m.start(), hari, _EJAAN_BULAN[m.group(2).lower()], int(m.group(3))))
    m = _POLA_DMY.search(text)
    if m:
        temuan.append((m.start(), int(m.group(1)), int(m.group(3)), int(m.group(4))))
    m = _POLA_ISO.search(text)
    if m:
        temuan.append((m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    if not temuan:
        return None
    _, hari, bulan, tahun = min(temuan, key=lambda t: t[0])
    try:
        return Tanggal(hari, bulan, tahun)
    except TanggalError as exc:
        raise TanggalError(f"{exc} (dalam teks {text.strip()!r})") from exc


def format_tanggal(value: date | Tanggal) -> str:
    """Format as "2 Januari 2024" ("Januari 2024" for a Tanggal without day)."""
    # PUEBI: tanggal ditulis dengan angka, nama bulan dengan huruf (docs/formulas.md).
    if isinstance(value, Tanggal):
        return str(value)
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def format_tanggal_parsial(hari: int | None, bulan: int, tahun: int) -> str:
    """Format stored parts as printed: "2 Januari 2024", or "Januari 2024" when hari is None or 0.

    For display only: the day is not checked against the calendar (a stored "31 Februari" shows as
    such, so the user can see and fix it); the month must be 1 to 12.
    """
    if not 1 <= bulan <= 12:
        raise TanggalError(f"Bulan {bulan} tidak ada (harus 1 sampai 12), tahun {tahun}")
    bulan_tahun = f"{BULAN[bulan - 1]} {tahun}"
    return f"{hari} {bulan_tahun}" if hari else bulan_tahun

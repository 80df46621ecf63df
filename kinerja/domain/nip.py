"""NIP (Nomor Induk Pegawai) of a PNS: normalising, checking, reading and formatting the 18 digits.

Layout per Perka BKN 22/2007 (docs/formulas.md): YYYYMMDD lahir, YYYYMM TMT CPNS, jenis kelamin, urut.
Officials without a NIP (elected heads: bupati, wali kota) are normal: an absent NIP is not an error.
The NI PPPK has a different layout and is not checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "NIP",
    "NIPError",
    "format_nip",
    "nip_kosong",
    "normalise_nip",
    "parse_nip",
    "periksa_nip",
]

# "NIP", "NIP.", "NIP :", "Nip." in front of the number.
_LABEL = re.compile(r"^\s*nip(?![a-z])\s*\.?\s*:?", re.IGNORECASE)
# Separators printed inside or around a NIP, and placeholders for "none" ("NIP. -", "NIP. ……").
_PEMISAH = re.compile(r"[\s.:\-_\u2013\u2014\u2026]+")

# Pelamar PNS paling rendah berumur 18 tahun (UU 5/2014 Pasal 23, PP 98/2000 Pasal 6; pasal dari ingatan).
UMUR_MINIMUM_CPNS = 18


class NIPError(ValueError):
    """A NIP that is not structurally valid; the message lists every problem in Indonesian."""


def _bersihkan(text: str | None) -> str:
    """The NIP without its label and separators ("" for an absent one)."""
    if not text:
        return ""
    return _PEMISAH.sub("", _LABEL.sub("", text))


def nip_kosong(text: str | None) -> bool:
    """True when no NIP is written (None, "", "-", "NIP. -"): normal for elected officials."""
    return _bersihkan(text) == ""


def normalise_nip(text: str | None) -> str | None:
    """The 18 digits of a printed NIP ("NIP. 19711010 199312 2 003"), or None if it is not 18 digits."""
    angka = _bersihkan(text)
    return angka if re.fullmatch(r"\d{18}", angka) else None


@dataclass(frozen=True)
class NIP:
    """A structurally valid NIP, with its parts read out (Perka BKN 22/2007)."""

    digits: str
    tanggal_lahir: date
    tmt_tahun: int
    tmt_bulan: int
    jenis_kelamin: int
    urut: int

    @property
    def jenis_kelamin_teks(self) -> str:
        """ "Laki-laki" for 1, "Perempuan" for 2."""
        return "Laki-laki" if self.jenis_kelamin == 1 else "Perempuan"

    @property
    def tmt(self) -> date:
        """TMT CPNS as a date: the day is always 1, so the NIP omits it."""
        return date(self.tmt_tahun, self.tmt_bulan, 1)

    def __str__(self) -> str:
        return format_nip(self.digits)


def _tanggal_lahir(angka: str) -> date | None:
    try:
        return date(int(angka[0:4]), int(angka[4:6]), int(angka[6:8]))
    except ValueError:
        return None


def periksa_nip(text: str, umur_minimum: int = UMUR_MINIMUM_CPNS) -> list[str]:
    """Every structural problem of a NIP as an Indonesian message; [] when valid or when no NIP is written."""
    # Perka BKN 22/2007 (docs/formulas.md): 8 angka tanggal lahir, 6 angka TMT, 1 jenis kelamin, 3 urut.
    if nip_kosong(text):
        return []
    angka = _bersihkan(text)
    tercetak = text.strip()
    if not angka.isdigit():
        return [f"NIP {tercetak!r} berisi huruf atau tanda selain angka"]
    if len(angka) != 18:
        return [f"NIP {tercetak!r} harus 18 angka, tertulis {len(angka)} angka"]
    masalah: list[str] = []
    lahir = _tanggal_lahir(angka)
    if lahir is None:
        masalah.append(
            f"NIP {tercetak!r}: tanggal lahir (angka ke-1 s.d. 8) {angka[0:8]!r} bukan tanggal yang sah"
        )
    tmt_tahun, tmt_bulan = int(angka[8:12]), int(angka[12:14])
    if not 1 <= tmt_bulan <= 12:
        masalah.append(
            f"NIP {tercetak!r}: bulan TMT CPNS (angka ke-13 s.d. 14) {angka[12:14]!r} harus 01 s.d. 12"
        )
    elif lahir is not None:
        # Umur pada TMT (hari pertama bulan TMT), dihitung dalam tahun penuh.
        umur = tmt_tahun - lahir.year - ((tmt_bulan, 1) < (lahir.month, lahir.day))
        if umur < umur_minimum:
            masalah.append(
                f"NIP {tercetak!r}: TMT CPNS {tmt_bulan:02d}/{tmt_tahun} (angka ke-9 s.d. 14) "
                f"sebelum pegawai berumur {umur_minimum} tahun "
                f"(lahir {lahir.day:02d}/{lahir.month:02d}/{lahir.year})"
            )
    if angka[14] not in "12":
        masalah.append(
            f"NIP {tercetak!r}: jenis kelamin (angka ke-15) {angka[14]!r} "
            "harus 1 (laki-laki) atau 2 (perempuan)"
        )
    if angka[15:18] == "000":
        masalah.append(f"NIP {tercetak!r}: nomor urut (angka ke-16 s.d. 18) tidak boleh 000")
    return masalah


def parse_nip(text: str, umur_minimum: int = UMUR_MINIMUM_CPNS) -> NIP:
    """Read a NIP into its parts; raise NIPError listing every problem (also when none is written)."""
    if nip_kosong(text):
        raise NIPError(f"NIP kosong: {text!r} tidak berisi nomor")
    masalah = periksa_nip(text, umur_minimum)
    if masalah:
        raise NIPError("; ".join(masalah))
    angka = _bersihkan(text)
    lahir = _tanggal_lahir(angka)
    assert lahir is not None  # periksa_nip found no problem
    return NIP(
        digits=angka,
        tanggal_lahir=lahir,
        tmt_tahun=int(angka[8:12]),
        tmt_bulan=int(angka[12:14]),
        jenis_kelamin=int(angka[14]),
        urut=int(angka[15:18]),
    )


def format_nip(text: str) -> str:
    """Group a NIP 8-6-1-3 ("19711010 199312 2 003"); text that is not 18 digits is returned stripped."""
    # Tampilan NIP pada naskah dinas: dikelompokkan 8-6-1-3 dengan spasi (docs/formulas.md).
    angka = normalise_nip(text)
    if angka is None:
        return text.strip() if text else ""
    return f"{angka[0:8]} {angka[8:14]} {angka[14]} {angka[15:18]}"

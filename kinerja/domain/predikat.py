"""Predicate tables: IKM mutu (PermenPANRB 14/2017, KEP/25/M.PAN/2/2004), SAKIP predikat (88/2021).

Also `normalise_predikat`, which reads a printed predicate word or code ("Balk", "SANGAT BAIK", "bb")
into its canonical form, tolerating the usual OCR slips but never mapping an unrelated word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from kinerja.domain.numbers import bulatkan, format_angka

__all__ = [
    "MutuIKM",
    "PredikatKata",
    "PredikatSAKIP",
    "Regime",
    "mutu_ikm",
    "mutu_ikm_ni",
    "normalise_predikat",
    "predikat_sakip",
    "rentang_ikm",
    "rentang_sakip",
]

Regime = Literal["2017", "2004"]
Jenis = Literal["ikm", "sakip"]
D = Decimal


@dataclass(frozen=True)
class MutuIKM:
    """One row of the IKM category table: mutu A–D, kinerja label and its bounds (both inclusive)."""

    mutu: str
    kinerja: str
    batas_bawah: Decimal
    batas_atas: Decimal
    regime: Regime = "2017"


@dataclass(frozen=True)
class _BarisIKM:
    mutu: str
    kinerja: str
    ni_bawah: Decimal  # nilai interval, 1–4
    ni_atas: Decimal
    nik_bawah: Decimal  # nilai interval konversi, 25–100
    nik_atas: Decimal


# PermenPANRB 14/2017, tabel nilai persepsi, interval IKM, interval konversi, mutu dan kinerja unit.
_IKM_2017: tuple[_BarisIKM, ...] = (
    _BarisIKM("A", "Sangat Baik", D("3.5324"), D("4.0000"), D("88.31"), D("100.00")),
    _BarisIKM("B", "Baik", D("3.0644"), D("3.5320"), D("76.61"), D("88.30")),
    _BarisIKM("C", "Kurang Baik", D("2.6000"), D("3.0640"), D("65.00"), D("76.60")),
    _BarisIKM("D", "Tidak Baik", D("1.0000"), D("2.5996"), D("25.00"), D("64.99")),
)
# KEP/25/M.PAN/2/2004, tabel nilai persepsi (14 unsur), for surveys run under the old regime.
_IKM_2004: tuple[_BarisIKM, ...] = (
    _BarisIKM("A", "Sangat Baik", D("3.26"), D("4.00"), D("81.26"), D("100.00")),
    _BarisIKM("B", "Baik", D("2.51"), D("3.25"), D("62.51"), D("81.25")),
    _BarisIKM("C", "Kurang Baik", D("1.76"), D("2.50"), D("43.76"), D("62.50")),
    _BarisIKM("D", "Tidak Baik", D("1.00"), D("1.75"), D("25.00"), D("43.75")),
)
_TABEL_IKM: dict[str, tuple[_BarisIKM, ...]] = {"2017": _IKM_2017, "2004": _IKM_2004}
# Decimals the NI (1–4) is rounded to before lookup: the precision each table prints its bounds in.
_DESIMAL_NI: dict[str, int] = {"2017": 4, "2004": 2}


def _tabel_ikm(regime: str) -> tuple[_BarisIKM, ...]:
    try:
        return _TABEL_IKM[regime]
    except KeyError:
        raise ValueError(
            f"Regime IKM {regime!r} tidak dikenal: pilih '2017' (PermenPANRB 14/2017) "
            "atau '2004' (KEP/25/M.PAN/2/2004)"
        ) from None


def mutu_ikm(nilai_konversi: Decimal, regime: Regime = "2017") -> MutuIKM:
    """Mutu and kinerja of an IKM on the 25–100 scale, rounded half-up to 2 decimals before lookup."""
    # PermenPANRB 14/2017 (or KEP/25/M.PAN/2/2004), tabel nilai interval konversi IKM.
    tabel = _tabel_ikm(regime)
    nilai = bulatkan(nilai_konversi, 2)
    if not D("25.00") <= nilai <= D("100.00"):
        raise ValueError(
            f"Nilai IKM (konversi) {format_angka(nilai)} di luar rentang 25,00 sampai 100,00 "
            f"(nilai sebelum dibulatkan: {format_angka(nilai_konversi, None)})"
        )
    # Each band starts at its lower bound; the 0,01 gaps disappear because the value is rounded first.
    baris = next(b for b in tabel if nilai >= b.nik_bawah)
    return MutuIKM(baris.mutu, baris.kinerja, baris.nik_bawah, baris.nik_atas, regime)


def mutu_ikm_ni(nilai_interval: Decimal, regime: Regime = "2017") -> MutuIKM:
    """Mutu of an IKM or NRR on the 1–4 scale (2017: rounded to 4 decimals; 2004: to 2) before lookup."""
    # PermenPANRB 14/2017 (or KEP/25/M.PAN/2/2004), tabel nilai interval (NI) IKM.
    tabel = _tabel_ikm(regime)
    nilai = bulatkan(nilai_interval, _DESIMAL_NI[regime])
    if not D(1) <= nilai <= D(4):
        raise ValueError(
            f"Nilai interval IKM {format_angka(nilai, None)} di luar rentang 1 sampai 4 "
            f"(nilai sebelum dibulatkan: {format_angka(nilai_interval, None)})"
        )
    # The printed 2017 bands leave gaps (2,5996 | 2,60; 3,064 | 3,0644; 3,532 | 3,5324). A value in a gap
    # goes to the nearer printed bound, a tie to the higher band (half-up): the cut is the gap's midpoint
    # (2,5998; 3,0642; 3,5322), which is exactly what mutu_ikm gives for NI × 25 rounded to 2 decimals.
    for atas, bawah in pairwise(tabel):
        if nilai * 2 >= atas.ni_bawah + bawah.ni_atas:
            baris = atas
            break
    else:
        baris = tabel[-1]
    return MutuIKM(baris.mutu, baris.kinerja, baris.ni_bawah, baris.ni_atas, regime)


def rentang_ikm(
    mutu_or_kinerja: str, regime: Regime = "2017", skala: Literal["konversi", "interval"] = "konversi"
) -> tuple[Decimal, Decimal]:
    """Bounds (inclusive) of an IKM mutu ("B") or kinerja ("Baik") on the 25–100 or 1–4 scale."""
    # PermenPANRB 14/2017 (or KEP/25/M.PAN/2/2004), tabel nilai interval dan interval konversi.
    kunci = " ".join(mutu_or_kinerja.split()).lower()
    for b in _tabel_ikm(regime):
        if kunci in (b.mutu.lower(), b.kinerja.lower()):
            return (b.nik_bawah, b.nik_atas) if skala == "konversi" else (b.ni_bawah, b.ni_atas)
    raise ValueError(
        f"Mutu IKM {mutu_or_kinerja!r} tidak dikenal: pilih A, B, C, D "
        "atau Sangat Baik, Baik, Kurang Baik, Tidak Baik"
    )


@dataclass(frozen=True)
class PredikatSAKIP:
    """One row of the SAKIP predicate table (nilai 0–100)."""

    kode: str
    label: str
    batas_bawah: Decimal
    batas_atas: Decimal
    bawah_eksklusif: bool = True


# PermenPANRB 88/2021, tabel interpretasi predikat nilai evaluasi AKIP (batas bawah eksklusif).
_SAKIP: tuple[PredikatSAKIP, ...] = (
    PredikatSAKIP("AA", "Sangat Memuaskan", D("90.00"), D("100.00")),
    PredikatSAKIP("A", "Memuaskan", D("80.00"), D("90.00")),
    PredikatSAKIP("BB", "Sangat Baik", D("70.00"), D("80.00")),
    PredikatSAKIP("B", "Baik", D("60.00"), D("70.00")),
    PredikatSAKIP("CC", "Cukup (Memadai)", D("50.00"), D("60.00")),
    PredikatSAKIP("C", "Kurang", D("30.00"), D("50.00")),
    PredikatSAKIP("D", "Sangat Kurang", D("0.00"), D("30.00"), bawah_eksklusif=False),
)


def predikat_sakip(nilai: Decimal) -> PredikatSAKIP:
    """SAKIP predikat of an evaluation score (0–100), rounded half-up to 2 decimals; 80,00 → BB, 80,01 → A."""
    # PermenPANRB 88/2021, predikat: AA >90–100, A >80–90, BB >70–80, B >60–70, CC >50–60, C >30–50, D 0–30.
    n = bulatkan(nilai, 2)
    if not D("0.00") <= n <= D("100.00"):
        raise ValueError(
            f"Nilai evaluasi SAKIP {format_angka(n)} di luar rentang 0 sampai 100 "
            f"(nilai sebelum dibulatkan: {format_angka(nilai, None)})"
        )
    return next(p for p in _SAKIP if n > p.batas_bawah or not p.bawah_eksklusif)


def rentang_sakip(kode: str) -> tuple[Decimal, Decimal]:
    """Bounds of a SAKIP predikat ("BB" or "Sangat Baik"); the lower one is exclusive except for D."""
    # PermenPANRB 88/2021, tabel interpretasi predikat.
    kunci = " ".join(kode.split()).lower()
    for p in _SAKIP:
        if kunci in (p.kode.lower(), p.label.lower()):
            return p.batas_bawah, p.batas_atas
    raise ValueError(f"Predikat SAKIP {kode!r} tidak dikenal: pilih AA, A, BB, B, CC, C atau D")


# ---------------------------------------------------------------------------------------------------
# Printed predicate words
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PredikatKata:
    """A predicate as printed (`tercetak`) and as read (`kata`); `jenis` is its table when unambiguous."""

    kata: str
    tercetak: str
    dinormalisasi: bool
    jenis: Jenis | None


# Canonical phrase → (printed word sequences accepted as exact, jenis).
# PermenPANRB 14/2017 kinerja unit pelayanan; PermenPANRB 88/2021 predikat SAKIP labels.
# "Baik" and "Sangat Baik" appear in both tables (IKM B/A and SAKIP B/BB), so their jenis is None.
_KATA: dict[str, tuple[tuple[tuple[str, ...], ...], Jenis | None]] = {
    "Sangat Baik": ((("sangat", "baik"),), None),
    "Baik": ((("baik",),), None),
    "Kurang Baik": ((("kurang", "baik"),), "ikm"),
    "Tidak Baik": ((("tidak", "baik"),), "ikm"),
    "Sangat Memuaskan": ((("sangat", "memuaskan"),), "sakip"),
    "Memuaskan": ((("memuaskan",),), "sakip"),
    "Cukup (Memadai)": ((("cukup", "memadai"), ("cukup",)), "sakip"),
    "Kurang": ((("kurang",),), "sakip"),
    "Sangat Kurang": ((("sangat", "kurang"),), "sakip"),
}
_FRASA: dict[tuple[str, ...], str] = {
    urutan: kata for kata, (bentuk, _) in _KATA.items() for urutan in bentuk
}
_KOSAKATA: frozenset[str] = frozenset(w for urutan in _FRASA for w in urutan)

# PermenPANRB 88/2021 codes AA–D (sakip only when doubled); A–D are also IKM mutu (14/2017).
_KODE: dict[str, Jenis | None] = {
    "AA": "sakip",
    "BB": "sakip",
    "CC": "sakip",
    "A": None,
    "B": None,
    "C": None,
    "D": None,
}

# OCR confusions, applied to a token before comparing it with the vocabulary. None of the vocabulary
# words contains "l", "o" or a digit, so these rewrites cannot turn a correct word into a wrong one.
_OCR: tuple[tuple[str, str], ...] = (
    ("rn", "m"),
    ("cl", "d"),
    ("1", "i"),
    ("l", "i"),
    ("|", "i"),
    ("!", "i"),
    ("0", "o"),
)
# Plain edit distance 1 is allowed only against vocabulary words of at least this many letters:
# "baik" has too many real neighbours ("naik", "bank") to accept any one-letter change.
_PANJANG_MINIMUM_EDIT = 5
# Real words one edit away from a vocabulary word: printed, they mean themselves, never a predicate.
_KATA_LAIN: frozenset[str] = frozenset({"kurung", "karang", "kurangi", "cakup", "sengat", "sangar", "tindak"})


def jarak_edit(a: str, b: str) -> int:
    """Levenshtein distance (insert, delete, substitute), with adjacent transposition counted as one."""
    baris_sebelum: list[int] | None = None
    baris = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        baru = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            baru[j] = min(baris[j] + 1, baru[j - 1] + 1, baris[j - 1] + (ca != cb))
            if baris_sebelum is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                baru[j] = min(baru[j], baris_sebelum[j - 2] + 1)
        baris_sebelum, baris = baris, baru
    return baris[-1]


def _baca_token(token: str) -> tuple[str, bool] | None:
    """The vocabulary word a printed token stands for, and whether a slip was corrected."""
    kecil = token.lower()
    if kecil in _KOSAKATA:
        return kecil, False
    if kecil in _KATA_LAIN:
        return None
    kunci = kecil
    for salah, benar in _OCR:
        kunci = kunci.replace(salah, benar)
    if kunci in _KOSAKATA:
        return kunci, True
    calon = [
        w
        for w in _KOSAKATA
        if len(w) >= _PANJANG_MINIMUM_EDIT and min(jarak_edit(kecil, w), jarak_edit(kunci, w)) <= 1
    ]
    if len(calon) == 1:  # an ambiguous slip is not guessed
        return calon[0], True
    return None


@lru_cache(maxsize=4096)  # documents repeat the same few words; the fuzzy match is the costly part
def normalise_predikat(text: str) -> PredikatKata | None:
    """Read a printed predicate ("Balk", "SANGAT BAIK", "bb") into its canonical word; None if it is none.

    `dinormalisasi` is True only when a spelling/OCR slip was corrected; differences in case, spacing,
    surrounding punctuation and the short form "Cukup" for "Cukup (Memadai)" do not count.
    """
    if not text:
        return None
    tercetak = " ".join(text.split())
    inti = tercetak.strip(" .,:;()[]")
    kode = re.sub(r"[\s.]", "", inti).upper()
    if kode in _KODE:
        return PredikatKata(kode, tercetak, False, _KODE[kode])
    token = [t for t in re.split(r"[\s()\[\].,:;]+", inti) if t]
    if not token or len(token) > 3:
        return None
    dibaca: list[str] = []
    dikoreksi = False
    for t in token:
        hasil = _baca_token(t)
        if hasil is None:
            return None
        dibaca.append(hasil[0])
        dikoreksi = dikoreksi or hasil[1]
    kata = _FRASA.get(tuple(dibaca))
    if kata is None:
        return None
    return PredikatKata(kata, tercetak, dikoreksi, _KATA[kata][1])

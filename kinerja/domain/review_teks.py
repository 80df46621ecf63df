"""Small pure text helpers of the PK review: comparison keys, names, number words, sentences, numbers.

Only comparison is done on keys; every message quotes the text as printed.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from kinerja.domain.numbers import AngkaError, format_angka, parse_angka

__all__ = [
    "angka_dari_kata",
    "angka_teks",
    "desimal",
    "kalimat",
    "kata_kunci",
    "kunci",
    "kunci_nama",
    "kunci_tanpa_kurung",
    "mirip_kata",
    "nama_sejalan",
    "rupiah",
    "tepat",
]

_BUKAN_HURUF = re.compile(r"[^0-9a-z]+")
_KURUNG = re.compile(r"\([^()]*\)")


def _ascii(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=16384)  # documents and the catalogue repeat the same names and titles
def _kata(text: str) -> tuple[str, ...]:
    return tuple(w for w in _BUKAN_HURUF.split(_ascii(text).lower()) if w)


def kata_kunci(text: str | None) -> tuple[str, ...]:
    """The words of a text in lower case, punctuation and accents dropped."""
    return _kata(text) if isinstance(text, str) and text else ()


def kunci(text: str | None) -> str:
    """A free-text comparison key: case, punctuation and spacing do not count."""
    return " ".join(kata_kunci(text))


@lru_cache(maxsize=16384)
def _kunci_tanpa_kurung(text: str) -> str:
    return kunci(_KURUNG.sub(" ", text))


def kunci_tanpa_kurung(text: str | None) -> str:
    """As `kunci`, ignoring parenthesised parts ("Indeks Kepuasan Masyarakat (IKM)")."""
    return _kunci_tanpa_kurung(text) if isinstance(text, str) and text else ""


# ---------------------------------------------------------------------------------------------------
# Names of people
# ---------------------------------------------------------------------------------------------------

# Gelar depan (written before the name). "Andi", "Daeng", "Raden" are names or noble titles that are
# part of the registered name, so they stay.
_GELAR_DEPAN = frozenset({"prof", "dr", "drs", "dra", "ir", "h", "hj", "kh", "drg", "drh", "hc", "hm"})


# Gelar belakang written without a comma before it ("BUDI SANTOSO M.Si"): the common degrees.
def _himpunan(kata: str) -> frozenset[str]:
    return frozenset(kata.split())


_GELAR_BELAKANG = _himpunan(
    "sh se mm msi mh mpd spd ssos sstp sip skm skep map mkes amd st mt skom mkom sp mp sag mag shi mhi ssi "
    "msc phd spt msp sths ak ca mba mak ssit sps ipu"
)
# Abbreviations read as the same first name: "St." is how "Siti" is commonly shortened (issue 3).
_SAMA = {"st": "siti", "sitti": "siti", "sti": "siti"}
# Abbreviations and spellings of one name that are a *variant*, not a different person.
_KELOMPOK_VARIAN: tuple[frozenset[str], ...] = (
    _himpunan(
        "m muh muhd mhd moh moch mochd muhammad muhamad mohammad mohamad mochammad mochamad muchammad "
        "mohamed mohammed muhammed"
    ),
    frozenset({"abd", "abdul"}),
    frozenset({"a", "andi"}),
)


def _titik_dalam(token: str) -> bool:
    """ "S.Sos", "M.Si", "S.H." — letters with an inner dot: a degree, not a name."""
    return bool(re.fullmatch(r"[A-Za-z]{1,4}\.[A-Za-z.]+", token))


def kunci_nama(nama: str | None) -> tuple[str, ...]:
    """A person's comparison key: lower-case words without gelar; "St." read as "Siti".

    "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H." -> ("adnan", "purichta", "ichsan", "yl");
    "ST. HAKRAN, S.Sos" -> ("siti", "hakran").
    """
    if not nama:
        return ()
    # Indonesian usage puts the gelar belakang after the first comma: "NAMA, S.Sos, M.Si".
    inti = nama.split(",", 1)[0]
    token = inti.split()
    while len(token) > 1 and (_titik_dalam(token[-1]) or kunci(token[-1]) in _GELAR_BELAKANG):
        token.pop()
    while len(token) > 1:
        depan = kata_kunci(token[0])
        if depan and all(k in _GELAR_DEPAN for k in depan):  # "Dr.", "H.", "Dr.Ir." written together
            token.pop(0)
            continue
        break
    kata = kata_kunci(" ".join(token))
    if kata and kata[0] in _SAMA:
        return (_SAMA[kata[0]], *kata[1:])
    return kata


def _kata_sejalan(a: str, b: str) -> bool:
    """Two words of a name that may stand for the same word: equal, an initial, an abbreviation."""
    if a == b:
        return True
    if any(a in g and b in g for g in _KELOMPOK_VARIAN):
        return True
    pendek, panjang = sorted((a, b), key=len)
    if len(pendek) == 1:
        return panjang.startswith(pendek)
    return len(pendek) <= 4 and len(panjang) > len(pendek) and panjang.startswith(pendek)


def nama_sejalan(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when one name key can be a variant of the other: the shorter one's words appear, in order,
    in the longer one (equal, initials or abbreviations), with at least one full word (3+ letters) equal.
    "ADNAN PURICHTA ICHSAN" and "ADNAN PURICHTA ICHSAN YL" are variants; "SITI HAERANI" and
    "SITI HAKRAN" are not."""
    if not a or not b:
        return False
    pendek, panjang = (a, b) if len(a) <= len(b) else (b, a)
    j = 0
    for kata in pendek:
        while j < len(panjang) and not _kata_sejalan(kata, panjang[j]):
            j += 1
        if j == len(panjang):
            return False
        j += 1
    return any(len(k) >= 3 and k in panjang for k in pendek)


# ---------------------------------------------------------------------------------------------------
# Similar words (for titles and sasaran texts)
# ---------------------------------------------------------------------------------------------------


def _jarak_maks_satu(a: str, b: str) -> bool:
    """Levenshtein distance of at most one."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    pendek, panjang = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(pendek) and pendek[i] == panjang[i]:
        i += 1
    return pendek[i:] == panjang[i + 1 :]


def mirip_kata(a: str, b: str) -> bool:
    """The same word up to one typing slip ("public"/"publik") when both have five letters or more."""
    return a == b or (min(len(a), len(b)) >= 5 and _jarak_maks_satu(a, b))


# ---------------------------------------------------------------------------------------------------
# Numbers written in words, sentences, numbers in text
# ---------------------------------------------------------------------------------------------------

_SATUAN_KATA = {
    "nol": 0,
    "satu": 1,
    "se": 1,
    "sebuah": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}


def angka_dari_kata(text: str | None) -> int | None:
    """A small count written in digits or Indonesian words: "Satu" -> 1, "**dua belas**" -> 12, "3" -> 3."""
    if not text:
        return None
    kata = kata_kunci(text)
    if not kata:
        return None
    if len(kata) == 1 and kata[0].isdigit():
        return int(kata[0]) if len(kata[0]) <= 4 else None
    if kata == ("sepuluh",):
        return 10
    if kata == ("sebelas",):
        return 11
    if len(kata) == 2 and kata[1] == "belas" and kata[0] in _SATUAN_KATA:
        return 10 + _SATUAN_KATA[kata[0]]
    if len(kata) in (2, 3) and kata[1] == "puluh" and kata[0] in _SATUAN_KATA:
        tambah = _SATUAN_KATA.get(kata[2]) if len(kata) == 3 else 0
        return None if tambah is None else 10 * _SATUAN_KATA[kata[0]] + tambah
    if len(kata) == 1 and kata[0] in _SATUAN_KATA:
        return _SATUAN_KATA[kata[0]]
    return None


_AKHIR_KALIMAT = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(“\"])")


def kalimat(text: str | None) -> list[str]:
    """Split running text into sentences (a decimal point "99.87" does not end one)."""
    if not text:
        return []
    return [k.strip() for k in _AKHIR_KALIMAT.split(text) if k.strip()]


# A number as printed in running text: "74,50", "1.521.097.505,00", "99.87", "85".
ANGKA = r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])"
_ANGKA = re.compile(ANGKA)


def angka_teks(text: str) -> Decimal | None:
    """Read one printed number ("74,50", "99.87"); None when it is not readable."""
    try:
        nilai = parse_angka(text)
    except (AngkaError, ValueError, TypeError):
        return None
    return nilai if nilai.is_finite() else None


def desimal(nilai: object) -> Decimal | None:
    """A finite Decimal, or None (a stored NaN or a wrong type never reaches a comparison)."""
    if isinstance(nilai, Decimal) and nilai.is_finite():
        return nilai
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        return Decimal(nilai)
    return None


def tepat(nilai: Decimal) -> str:
    """A value as Indonesian text with its own decimals: 84.00 -> "84,00", 85 -> "85"."""
    return format_angka(nilai, None)


def rupiah(nilai: Decimal) -> str:
    """Rupiah as in the documents: "Rp 5.204.765.371,00"."""
    return "Rp " + format_angka(nilai, 2)

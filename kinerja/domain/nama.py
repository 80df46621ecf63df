"""Matching keys for names as printed: people (gelar stripped), units, and free text.

Pure Python (no Django) so the import, the models and later the review rules share one rule for
"the same name". The keys only compare; what is shown is always the name as printed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Gelar written before the name (gelar depan). Only these are stripped; "St." stays, because it is
# usually "Siti" and merging spellings of a person's name is a human decision, not a key rule.
_GELAR_DEPAN = frozenset({"PROF", "DR", "DRS", "DRA", "IR", "H", "HJ", "KH", "DRG", "DRH", "HC"})
# A gelar belakang written without a comma: letters with an inner dot ("S.H.", "M.Si", "S.Sos").
_GELAR_BELAKANG = re.compile(r"^[A-Za-z]{1,3}\.[A-Za-z.]+$")
_BUKAN_HURUF = re.compile(r"[^0-9A-Z]+")

# Common abbreviations in unit names, so "Kab. Gowa" and "Kabupaten Gowa" share a key.
_SINGKATAN_UNIT = {
    "KAB": "KABUPATEN",
    "KEC": "KECAMATAN",
    "KEL": "KELURAHAN",
    "PROV": "PROVINSI",
    "PEMKAB": "PEMERINTAH KABUPATEN",
    "PEMKOT": "PEMERINTAH KOTA",
    "PEMPROV": "PEMERINTAH PROVINSI",
}


def _ascii_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def _words(text: str) -> list[str]:
    return [w for w in _BUKAN_HURUF.split(_ascii_upper(text)) if w]


def normalise_nama(nama: str | None) -> str:
    """A person's matching key: upper case, gelar and punctuation stripped.

    "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H." -> "ADNAN PURICHTA ICHSAN YL";
    "ST. HAKRAN, S.Sos" -> "ST HAKRAN" (not merged with "Siti").
    """
    if not nama:
        return ""
    # Indonesian usage puts gelar belakang after the first comma: "NAMA, S.Sos, M.Si".
    inti = nama.split(",", 1)[0]
    tokens = inti.split()
    while len(tokens) > 1 and tokens[-1].strip() and _GELAR_BELAKANG.match(tokens[-1].strip()):
        tokens.pop()
    while len(tokens) > 1:
        kata = _words(tokens[0])
        # "Dr." / "H." / "Hj" (a gelar depan) but keep "M." or "A." (initials of a name).
        if len(kata) == 1 and kata[0] in _GELAR_DEPAN:
            tokens.pop(0)
            continue
        break
    return " ".join(_words(" ".join(tokens)))


def normalise_unit(nama: str | None) -> str:
    """A unit's matching key: upper case, punctuation stripped, common abbreviations expanded."""
    if not nama:
        return ""
    return " ".join(_SINGKATAN_UNIT.get(w, w) for w in _words(nama))


@functools.lru_cache(maxsize=16384)  # a re-import pairs hundreds of rows by these keys, twice
def kunci_teks(teks: str | None) -> str:
    """A free-text matching key: case, whitespace and punctuation do not count."""
    if not teks:
        return ""
    return " ".join(_words(teks))


@functools.lru_cache(maxsize=16384)
def kunci_teks_tanpa_kurung(teks: str | None) -> str:
    """As `kunci_teks`, also ignoring parenthesised parts ("Indeks Kepuasan Masyarakat (IKM)")."""
    if not teks:
        return ""
    return kunci_teks(re.sub(r"\([^)]*\)", " ", teks))

"""Which unsur a respondent's saran speaks of, from its words (for a follow-up made from a saran).

A saran "kotak saran tidak pernah dibuka" is about the handling of complaints, whatever that
respondent rated lowest; "antrean terlalu lama" about the time of service. Each unsur is found by a
word of its name (so the 2017 and 2004 questionnaires, and a pemda's own wording, work alike) and
recognised in the saran by everyday words for it. The unsur with most such words wins (ties: the
order below, the most specific first); None when the saran names none (the caller then proposes the
unsur the respondent rated lowest).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# (a word of the unsur's name, everyday words for it in a saran). Prefixes: "antre" finds "antrean".
_KATA: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "pengaduan",
        (
            "pengaduan",
            "aduan",
            "keluhan",
            "kotak saran",
            "kotak pengaduan",
            "komplain",
            "ditanggapi",
            "tanggapan",
        ),
    ),
    ("biaya", ("biaya", "bayar", "tarif", "pungli", "pungutan", "mahal", "uang", "gratis")),
    (
        "sarana",
        (
            "ruang tunggu",
            "kursi",
            "toilet",
            "wc",
            "parkir",
            "kipas",
            "fasilitas",
            "gedung",
            "sarana",
            "prasarana",
            "sempit",
            "panas",
            "wifi",
            "listrik",
        ),
    ),
    ("waktu", ("lama", "lambat", "menunggu", "antre", "antri", "cepat", "waktu", "jam buka", "terlambat")),
    ("persyaratan", ("syarat", "persyaratan", "berkas", "fotokopi", "formulir")),
    ("prosedur", ("prosedur", "alur", "mekanisme", "berbelit", "aplikasi", "online", "daring")),
    ("perilaku", ("ramah", "sopan", "senyum", "judes", "jutek", "kasar", "sikap", "perilaku", "marah")),
    ("kompetensi", ("kompeten", "paham", "mengerti", "terampil", "kemampuan", "bingung")),
    ("produk", ("hasil", "produk", "salah ketik", "keliru")),
)


def _pola(kata: str) -> re.Pattern[str]:
    akhir = r"\b" if len(kata) <= 3 else ""  # "wc" a word of its own; "antre" also "antrean"
    return re.compile(rf"\b{re.escape(kata)}{akhir}", re.IGNORECASE)


_POLA = tuple((nama, tuple(_pola(k) for k in kata)) for nama, kata in _KATA)


def unsur_dari_saran(saran: str, unsur: Sequence[tuple[str, str]]) -> str | None:
    """The code of the unsur (`(kode, nama)` of the period) the saran speaks of most, or None."""
    terbaik: tuple[int, int, str] | None = None  # (hits, -order, code)
    for urutan, (kata_nama, pola) in enumerate(_POLA):
        kode = next((k for k, nama in unsur if kata_nama in nama.lower()), None)
        if kode is None:
            continue
        kena = sum(1 for p in pola if p.search(saran))
        if kena and (terbaik is None or (kena, -urutan) > terbaik[:2]):
            terbaik = (kena, -urutan, kode)
    return terbaik[2] if terbaik else None

"""Capaian (achievement) of an indikator: realisasi against target, by a formula declared per indikator
and printed with every result (docs/formulas.md "Capaian").

Pure Python, Decimal only, rounded once with `numbers.bulatkan` (half up, two places). Conventions and
their sources: the polarity formulas, range targets, target 0, caps, quarterly consolidation and the
category bands of LKjIP practice (docs/formulas.md cites each). Where sources disagree the choice is
a parameter with the most common one as default: the negative formula (`rumus_negatif`), the cap
(`batas`), the category bands (`PITA_BAWAAN`), the ordinal scale of a predicate (`SKALA`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from kinerja.domain.numbers import bulatkan, format_angka

Polaritas = Literal["positif", "negatif"]
RumusNegatif = Literal["selisih", "kebalikan"]  # (2T − R) / T (default) or T / R
Konsolidasi = Literal["jumlah", "rata_rata", "terakhir"]

SERATUS = Decimal(100)
BATAS_PILIHAN = (None, Decimal(100), Decimal(110), Decimal(120))


@dataclass(slots=True)  # not frozen: built millions of times in bulk, and a frozen init costs 3×
class Capaian:
    """A capaian: raw (`mentah`) and after the cap (`nilai`), both in percent with two decimals, or
    None when it cannot be computed ("–": no realisasi, or a target 0 with nothing realised), with the
    formula that produced it in words and with the numbers (`rumus`)."""

    mentah: Decimal | None
    nilai: Decimal | None
    kode: str  # positif | negatif_selisih | negatif_kebalikan | rentang | predikat | target_nol | kosong
    # The formula's words are written only when read (`rumus`): a bulk computation reads the numbers.
    tulis_rumus: Callable[[], str] = field(repr=False, compare=False)
    keterangan: str = ""
    tepat: Decimal | None = None  # the capped value before rounding (to check a printed capaian)

    @property
    def rumus(self) -> str:
        """The formula with its numbers: "R ÷ T × 100 = 80,33 ÷ 85 × 100"."""
        return self.tulis_rumus()

    def to_json(self) -> dict[str, str | None]:
        return {
            "capaian_mentah": None if self.mentah is None else str(self.mentah),
            "capaian": None if self.nilai is None else str(self.nilai),
            "kode_rumus": self.kode,
            "rumus": self.rumus,
            "keterangan": self.keterangan,
        }


def _t(d: Decimal) -> str:
    """A number in the formula's words: as given, a long fraction (a mean of quarters) to four places."""
    return format_angka(bulatkan(d, 4) if d.as_tuple().exponent < -4 else d, None)  # type: ignore[operator]


def _batasi(mentah: Decimal, batas: Decimal | None) -> Decimal:
    """The capped value: at most `batas` (none: no ceiling), never below 0."""
    nilai = max(mentah, Decimal(0))
    return min(nilai, batas) if batas is not None else nilai


def _dibatasi(m: Decimal, batas: Decimal | None) -> Decimal:
    """The capped value of a capaian already rounded to two places (`_batasi`, without rounding again
    what is already round)."""
    if m < 0:
        return _NOL_BULAT
    if batas is not None and m > batas:
        return bulatkan(batas)
    return m


def _hasil(
    mentah: Decimal, batas: Decimal | None, kode: str, rumus: Callable[[], str], keterangan: str = ""
) -> Capaian:
    m = bulatkan(mentah)
    return Capaian(m, _dibatasi(m, batas), kode, rumus, keterangan, _batasi(mentah, batas))


def _kosong(alasan: str) -> Capaian:
    return Capaian(None, None, "kosong", lambda: "–", alasan)


# The rules, decided in one place (`_mentah`): the raw value, the formula's code and its case. `hitung`
# adds the words; `nilai` (the bulk path) keeps only the number.
_NOL = Decimal(0)
_NOL_BULAT = Decimal("0.00")
Kasus = tuple[Decimal | None, str, str, Decimal | None]  # (raw, kode, case, the range's bound used)


def _mentah(
    target: Decimal | None,
    realisasi: Decimal | None,
    polaritas: str,
    rumus: str,
    atas: Decimal | None,
    batas: Decimal | None,
) -> Kasus:
    if realisasi is None:
        return None, "kosong", "belum ada realisasi", None
    if target is None:
        return None, "kosong", "target bukan angka", None
    if atas is not None and atas > target:
        if target <= realisasi <= atas:
            return SERATUS, "rentang", "dalam", None
        acuan = atas if realisasi > atas else target
        m, kode, kasus, _ = _mentah(acuan, realisasi, polaritas, rumus, None, batas)
        return m, "rentang", f"{kode}:{kasus}", acuan
    if target == 0:
        penuh = batas or SERATUS
        if polaritas == "negatif":
            # No source rules on this (docs/formulas.md): nothing happened → met; anything → missed.
            return (
                (penuh, "target_nol", "tercapai", None)
                if realisasi <= 0
                else (_NOL, "target_nol", "lewat", None)
            )
        if realisasi > 0:
            return penuh, "target_nol", "penuh", None
        return None, "kosong", "target 0 tanpa realisasi: tidak dinilai", None
    if polaritas == "negatif":
        if rumus == "kebalikan":
            if realisasi <= 0:
                # Nothing of what is to be kept low happened: best possible, as for a target of 0.
                return batas or SERATUS, "negatif_kebalikan", "nol", None
            return target / realisasi * SERATUS, "negatif_kebalikan", "", None
        return (2 * target - realisasi) / target * SERATUS, "negatif_selisih", "", None
    return realisasi / target * SERATUS, "positif", "", None


_KETERANGAN = {
    ("negatif_kebalikan", "nol"): "realisasi 0: dianggap tercapai penuh",
    ("target_nol", "tercapai"): "target 0 tercapai",
    ("target_nol", "lewat"): "target 0 terlampaui",
    ("target_nol", "penuh"): "target 0: dianggap tercapai penuh",
}


def _kata(kode: str, kasus: str, t: Decimal, r: Decimal) -> str:
    """The formula with its numbers, for a case of `_mentah`."""
    if kode == "positif":
        return f"R ÷ T × 100 = {_t(r)} ÷ {_t(t)} × 100"
    if kode == "negatif_selisih":
        return f"(2T − R) ÷ T × 100 = (2 × {_t(t)} − {_t(r)}) ÷ {_t(t)} × 100"
    if kode == "negatif_kebalikan":
        return f"T ÷ R dengan R = {_t(r)}" if kasus == "nol" else f"T ÷ R × 100 = {_t(t)} ÷ {_t(r)} × 100"
    if kasus == "tercapai":
        return "T = 0, R = 0"
    return f"T = 0, R = {_t(r)}"


def hitung(
    target: Decimal | None,
    realisasi: Decimal | None,
    *,
    polaritas: Polaritas = "positif",
    rumus_negatif: RumusNegatif = "selisih",
    target_atas: Decimal | None = None,
    batas: Decimal | None = None,
) -> Capaian:
    """The capaian of one realisasi against its target (`target_atas`: the upper bound of a range).

    Positive polarity: R ÷ T × 100. Negative: (2T − R) ÷ T × 100, or T ÷ R × 100 when declared. A range
    counts as met inside it; outside, the nearer bound is the target. A target of 0: a positive
    realisasi is full achievement (the cap, or 100 without one); nothing realised is not rated.
    """
    mentah, kode, kasus, acuan = _mentah(target, realisasi, polaritas, rumus_negatif, target_atas, batas)
    if mentah is None:
        return _kosong(kasus)
    assert target is not None and realisasi is not None
    if kode != "rentang":
        return _hasil(
            mentah,
            batas,
            kode,
            lambda: _kata(kode, kasus, target, realisasi),
            _KETERANGAN.get((kode, kasus), ""),
        )

    def rentang() -> str:
        teks = f"{_t(target)}–{_t(target_atas)}"  # type: ignore[arg-type]
        if kasus == "dalam":
            return f"R = {_t(realisasi)} dalam rentang {teks}"
        dalam_kode, dalam_kasus = kasus.split(":", 1)
        return f"di luar rentang {teks}, T = {_t(acuan)}: {_kata(dalam_kode, dalam_kasus, acuan, realisasi)}"  # type: ignore[arg-type]

    return _hasil(mentah, batas, "rentang", rentang, _KETERANGAN.get(tuple(kasus.split(":", 1)), ""))  # type: ignore[arg-type]


def nilai(
    target: Decimal | None,
    realisasi: Decimal | None,
    polaritas: str = "positif",
    rumus_negatif: str = "selisih",
    target_atas: Decimal | None = None,
    batas: Decimal | None = None,
) -> Decimal | None:
    """Only the capped capaian of `hitung` (same rules, no words): the bulk path."""
    mentah = _mentah(target, realisasi, polaritas, rumus_negatif, target_atas, batas)[0]
    if mentah is None:
        return None
    return dibatasi(bulatkan(mentah), batas)


def dibatasi(m: Decimal, batas: Decimal | None) -> Decimal:
    """A capaian rounded to two places, capped: at most `batas` (none: no ceiling), never below 0. The
    bulk path on PostgreSQL rounds in the database and caps here."""
    return m if m >= 0 and (batas is None or m <= batas) else _dibatasi(m, batas)


# ---------------------------------------------------------------------------------------------------
# Predicates: through their ordinal scale
# ---------------------------------------------------------------------------------------------------

# Lowest first. A predicate's rank is its position (1 = lowest); capaian = rank(R) ÷ rank(T) × 100.
SKALA: dict[str, tuple[tuple[str, ...], ...]] = {
    # PermenPANRB 88/2021: predikat SAKIP.
    "sakip": (("D",), ("C",), ("CC",), ("B",), ("BB",), ("A",), ("AA",)),
    # PermenPANRB 14/2017: mutu pelayanan and its kinerja words.
    "ikm": (("D", "Tidak Baik"), ("C", "Kurang Baik"), ("B", "Baik"), ("A", "Sangat Baik")),
    # Opini BPK on financial statements (UU 15/2004).
    "opini": (
        ("TMP", "Tidak Menyatakan Pendapat"),
        ("TW", "Tidak Wajar"),
        ("WDP", "Wajar Dengan Pengecualian"),
        ("WTP", "Wajar Tanpa Pengecualian"),
    ),
}


def _peringkat(predikat: str, skala: tuple[tuple[str, ...], ...]) -> int | None:
    kunci = " ".join(predikat.split()).casefold()
    for n, nama in enumerate(skala, start=1):
        if kunci in (x.casefold() for x in nama):
            return n
    return None


def cari_skala(target: str) -> str | None:
    """The scale a predicate target belongs to ("BB" → "sakip", "Baik" → "ikm", "WTP" → "opini")."""
    for nama, skala in SKALA.items():
        if _peringkat(target, skala) is not None:
            return nama
    return None


def pilihan_predikat(target: str) -> list[str]:
    """The predicates a realisasi may take against a predicate target: its scale, best first."""
    return [nama[0] for nama in SKALA.get(cari_skala(target) or "", ())][::-1]


def predikat_dikenal(target: str, predikat: str) -> bool:
    """Whether `predikat` lies on the scale of the predicate `target` (so a capaian follows)."""
    skala = cari_skala(target)
    return skala is not None and _peringkat(predikat, SKALA[skala]) is not None


def hitung_predikat(
    target: str, realisasi: str | None, *, skala: str | None = None, batas: Decimal | None = None
) -> Capaian:
    """The capaian of a predicate against a predicate target, through their rank on one ordinal scale."""
    if realisasi is None or not realisasi.strip():
        return _kosong("belum ada realisasi")
    nama = skala or cari_skala(target)
    if nama is None or nama not in SKALA:
        return _kosong(f"predikat “{target}” tidak ada di skala mana pun")
    t, r = _peringkat(target, SKALA[nama]), _peringkat(realisasi, SKALA[nama])
    if t is None or r is None:
        return _kosong(f"predikat “{realisasi if r is None else target}” tidak ada di skala {nama}")
    return _hasil(
        Decimal(r) / Decimal(t) * SERATUS,
        batas,
        "predikat",
        lambda: (
            f"peringkat R ÷ peringkat T × 100 = {r} ({realisasi.strip()}) ÷ {t} ({target.strip()}) × 100, "
            f"skala {nama}"
        ),
    )


# ---------------------------------------------------------------------------------------------------
# Quarters, sasaran, categories
# ---------------------------------------------------------------------------------------------------


def konsolidasi(nilai: Sequence[Decimal | None], cara: Konsolidasi) -> Decimal | None:
    """The year's realisasi from the quarters' (missing ones left out, never counted as 0): their sum,
    their average, or the last one reported."""
    ada = [v for v in nilai if v is not None]
    if not ada:
        return None
    if cara == "jumlah":
        return sum(ada, Decimal(0))
    if cara == "rata_rata":
        return sum(ada, Decimal(0)) / len(ada)
    if cara == "terakhir":
        return ada[-1]
    raise ValueError(f"cara konsolidasi tidak dikenal: {cara!r} (jumlah, rata_rata, terakhir)")


def rata_rata(capaian: Sequence[Capaian | Decimal | None]) -> Decimal | None:
    """A sasaran's capaian: the mean of its indikator's (capped) capaian, "–" left out."""
    ada = [c.nilai if isinstance(c, Capaian) else c for c in capaian]
    nilai = [v for v in ada if v is not None]
    return bulatkan(sum(nilai, Decimal(0)) / len(nilai)) if nilai else None


@dataclass(frozen=True)
class Pita:
    """A category band: capaian of at least `paling_rendah` (the last band: anything lower)."""

    paling_rendah: Decimal | None
    kode: str  # ST, T, S, R, SR
    label: str
    tanda: str  # a mark readable without colour


# The five bands of Renja/RKPD evaluation and LKjIP practice (docs/formulas.md): 91–100 and more sangat
# tinggi, 76–90 tinggi, 66–75 sedang, 51–65 rendah, 50 and less sangat rendah; read as "at least 91",
# "at least 76"… on the capaian with its two decimals, so a value between two bands (90,50) falls in the
# lower one. A pemda may give its own bands.
PITA_BAWAAN: tuple[Pita, ...] = (
    Pita(Decimal(91), "ST", "Sangat Tinggi", "▲▲"),
    Pita(Decimal(76), "T", "Tinggi", "▲"),
    Pita(Decimal(66), "S", "Sedang", "■"),
    Pita(Decimal(51), "R", "Rendah", "▼"),
    Pita(None, "SR", "Sangat Rendah", "▼▼"),
)


def kategori(capaian: Capaian | Decimal | None, pita: Sequence[Pita] = PITA_BAWAAN) -> Pita | None:
    """The band of a capaian (its capped value), None for "–"."""
    nilai = capaian.nilai if isinstance(capaian, Capaian) else capaian
    if nilai is None:
        return None
    for p in pita:
        if p.paling_rendah is None or nilai >= p.paling_rendah:
            return p
    return None

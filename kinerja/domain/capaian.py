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


@dataclass(frozen=True)
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
    return format_angka(d, None)


def _batasi(mentah: Decimal, batas: Decimal | None) -> Decimal:
    """The capped value: at most `batas` (none: no ceiling), never below 0."""
    nilai = max(mentah, Decimal(0))
    return min(nilai, batas) if batas is not None else nilai


def _hasil(
    mentah: Decimal, batas: Decimal | None, kode: str, rumus: Callable[[], str], keterangan: str = ""
) -> Capaian:
    m = bulatkan(mentah)
    return Capaian(m, bulatkan(_batasi(m, batas)), kode, rumus, keterangan, _batasi(mentah, batas))


def _kosong(alasan: str) -> Capaian:
    return Capaian(None, None, "kosong", lambda: "–", alasan)


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
    if realisasi is None:
        return _kosong("belum ada realisasi")
    if target is None:
        return _kosong("target bukan angka")
    if target_atas is not None and target_atas > target:
        return _rentang(target, target_atas, realisasi, polaritas, rumus_negatif, batas)
    if target == 0:
        return _target_nol(realisasi, polaritas, batas)
    if polaritas == "negatif":
        return _negatif(target, realisasi, rumus_negatif, batas)
    return _hasil(
        realisasi / target * SERATUS,
        batas,
        "positif",
        lambda: f"R ÷ T × 100 = {_t(realisasi)} ÷ {_t(target)} × 100",
    )


def _negatif(target: Decimal, realisasi: Decimal, rumus: RumusNegatif, batas: Decimal | None) -> Capaian:
    if rumus == "kebalikan":
        if realisasi <= 0:
            # Nothing of what is to be kept low happened: best possible, as for a target of 0.
            return _hasil(
                batas or SERATUS,
                batas,
                "negatif_kebalikan",
                lambda: f"T ÷ R dengan R = {_t(realisasi)}",
                "realisasi 0: dianggap tercapai penuh",
            )
        return _hasil(
            target / realisasi * SERATUS,
            batas,
            "negatif_kebalikan",
            lambda: f"T ÷ R × 100 = {_t(target)} ÷ {_t(realisasi)} × 100",
        )
    return _hasil(
        (2 * target - realisasi) / target * SERATUS,
        batas,
        "negatif_selisih",
        lambda: f"(2T − R) ÷ T × 100 = (2 × {_t(target)} − {_t(realisasi)}) ÷ {_t(target)} × 100",
    )


def _target_nol(realisasi: Decimal, polaritas: Polaritas, batas: Decimal | None) -> Capaian:
    penuh = batas or SERATUS
    if polaritas == "negatif":
        # No source rules on this (docs/formulas.md): nothing happened → met; anything → missed.
        if realisasi <= 0:
            return _hasil(penuh, batas, "target_nol", lambda: "T = 0, R = 0", "target 0 tercapai")
        return _hasil(
            Decimal(0), batas, "target_nol", lambda: f"T = 0, R = {_t(realisasi)}", "target 0 terlampaui"
        )
    if realisasi > 0:
        return _hasil(
            penuh,
            batas,
            "target_nol",
            lambda: f"T = 0, R = {_t(realisasi)}",
            "target 0: dianggap tercapai penuh",
        )
    return _kosong("target 0 tanpa realisasi: tidak dinilai")


def _rentang(
    bawah: Decimal,
    atas: Decimal,
    realisasi: Decimal,
    polaritas: Polaritas,
    rumus: RumusNegatif,
    batas: Decimal | None,
) -> Capaian:
    def teks() -> str:
        return f"{_t(bawah)}–{_t(atas)}"

    if bawah <= realisasi <= atas:
        return _hasil(SERATUS, batas, "rentang", lambda: f"R = {_t(realisasi)} dalam rentang {teks()}")
    acuan = atas if realisasi > atas else bawah
    dasar = hitung(acuan, realisasi, polaritas=polaritas, rumus_negatif=rumus, batas=batas)
    return Capaian(
        dasar.mentah,
        dasar.nilai,
        "rentang",
        lambda: f"di luar rentang {teks()}, T = {_t(acuan)}: {dasar.rumus}",
        dasar.keterangan,
        dasar.tepat,
    )


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

"""The core of the PK review: findings (`Temuan`) and places (`Lokasi`), the rule registry, the context
shared by the rules, and the places of a PK named the same way everywhere.

A rule is a small function decorated with `@aturan(kode, tingkat, judul)` that takes the `Konteks` and
yields `Draf`s (message, places, values, suggestion); `review()` stamps each with the rule's code and
level. Codes are stable: PK-TTD (signatories), PK-TGT (targets), PK-STR (structure), PK-HKM (legal basis).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar, cast

from kinerja.domain.cascading import Jenjang
from kinerja.domain.pk import Indikator, NaskahPK, Penjelasan, Sasaran, TandaTangan
from kinerja.domain.review_katalog import Katalog
from kinerja.domain.review_teks import kunci_tanpa_kurung

__all__ = [
    "ATURAN",
    "Aturan",
    "Draf",
    "IndikatorDi",
    "Konteks",
    "Lokasi",
    "Opsi",
    "Temuan",
    "Tingkat",
    "aturan",
    "teks",
]

Tingkat = Literal["galat", "peringatan", "info"]
T = TypeVar("T")
URUTAN_TINGKAT: dict[str, int] = {"galat": 0, "peringatan": 1, "info": 2}


@dataclass(frozen=True)
class Lokasi:
    """A place in the PK that a finding names.

    `jalur` is a stable anchor into the PK's structure ("tanda_tangan[3]", "sasaran[0].indikator[1]",
    "penjelasan[0].dasar_hukum[2]", "program[2]", "total_anggaran", "tanggal", "pihak_pertama"); a page
    links to the longest prefix it has an anchor for. `baris` is the line in the source, when known.
    """

    bagian: str  # pernyataan | lampiran_1 | lampiran_2 | tabel_kinerja | program | dasar_hukum
    label: str  # Indonesian, e.g. "Lampiran 1, tanda tangan Pihak Pertama"
    jalur: str
    baris: int | None = None

    @property
    def jalur_baris(self) -> str:
        """The row-level anchor: the jalur without a field of the row ("penjelasan[1].dasar_hukum[0]" ->
        "penjelasan[1]"; "sasaran[0].indikator[1]" stays, it is a row of the tabel kinerja)."""
        m = re.match(r"^(penjelasan\[\d+\])\.", self.jalur)
        return m.group(1) if m else self.jalur

    def to_json(self) -> dict[str, Any]:
        return {"bagian": self.bagian, "label": self.label, "jalur": self.jalur, "baris": self.baris}


@dataclass(frozen=True)
class Temuan:
    """One finding of the review: what is wrong, where, with which values, and how to fix it.

    `nilai` holds the values in conflict as printed: a key shaped like a jalur is the value printed at
    that place; other keys ("seharusnya", "dihitung", "tersirat", …) are values the review computed.
    """

    kode: str
    tingkat: Tingkat
    pesan: str
    lokasi: tuple[Lokasi, ...]
    nilai: Mapping[str, str] = field(default_factory=dict, hash=False)
    saran: str = ""

    def to_json(self) -> dict[str, Any]:
        """{"kode","tingkat","pesan","lokasi":[{"bagian","label","jalur","baris"}…],"nilai":{…},"saran"}."""
        return {
            "kode": self.kode,
            "tingkat": self.tingkat,
            "pesan": self.pesan,
            "lokasi": [lok.to_json() for lok in self.lokasi],
            "nilai": dict(self.nilai),
            "saran": self.saran,
        }


@dataclass(frozen=True)
class Draf:
    """What a rule yields: a finding without its code and level (those belong to the rule)."""

    pesan: str
    lokasi: tuple[Lokasi, ...]
    nilai: Mapping[str, str] = field(default_factory=dict, hash=False)
    saran: str = ""


@dataclass(frozen=True)
class Opsi:
    """Settings of the review."""

    # PermenPANRB 53/2014: a PK is drawn up no later than one month after the budget document (DPA) is
    # approved, in practice January. A PK murni dated after the end of this month of its year is late.
    batas_bulan_pk_murni: int = 1


# ---------------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------------

FungsiAturan = Callable[["Konteks"], Iterable[Draf]]


@dataclass(frozen=True)
class Aturan:
    """A registered rule: stable code, level, a one-line Indonesian title, and its function."""

    kode: str
    tingkat: Tingkat
    judul: str
    fungsi: FungsiAturan

    @property
    def keluarga(self) -> str:
        """ "PK-TTD" for "PK-TTD-001"."""
        return self.kode.rsplit("-", 1)[0]


ATURAN: dict[str, Aturan] = {}
_KODE = re.compile(r"^PK-[A-Z]{3}-\d{3}$")


def aturan(kode: str, tingkat: Tingkat, judul: str) -> Callable[[FungsiAturan], FungsiAturan]:
    """Register a rule under a stable code ("PK-TTD-001") and level."""
    if not _KODE.match(kode):
        raise ValueError(f"Kode aturan {kode!r} harus berbentuk PK-XXX-000")
    if tingkat not in URUTAN_TINGKAT:
        raise ValueError(f"Tingkat aturan {kode}: {tingkat!r} bukan galat, peringatan atau info")

    def daftar(fungsi: FungsiAturan) -> FungsiAturan:
        if kode in ATURAN and ATURAN[kode].fungsi is not fungsi:
            raise ValueError(f"Kode aturan {kode} sudah dipakai oleh {ATURAN[kode].fungsi.__name__}")
        ATURAN[kode] = Aturan(kode, tingkat, judul, fungsi)
        return fungsi

    return daftar


# ---------------------------------------------------------------------------------------------------
# The context: the PK, the catalogue, settings, and views of the PK shared by the rules
# ---------------------------------------------------------------------------------------------------

_BAGIAN_LABEL = {"pernyataan": "Pernyataan", "lampiran_1": "Lampiran 1", "lampiran_2": "Lampiran 2"}
PIHAK_LABEL = {"pertama": "Pihak Pertama", "kedua": "Pihak Kedua"}
_MEDAN_PENJELASAN = {
    "target": "kolom target",
    "penjelasan_target": "penjelasan target",
    "uraian_sasaran": "uraian sasaran",
    "jumlah_indikator_tertulis": "jumlah indikator tertulis",
}
TINGKAT_SASARAN = {"strategis": "strategis", "program": "program", "kegiatan": "kegiatan"}


@dataclass(frozen=True)
class IndikatorDi:
    """An indicator of Lampiran 1 with its position."""

    si: int
    ii: int
    sasaran: Sasaran
    indikator: Indikator

    @property
    def jalur(self) -> str:
        return f"sasaran[{self.si}].indikator[{self.ii}]"


def teks(nilai: object) -> str:
    """The value if it is a string, else "" (a stored None never breaks a rule)."""
    return nilai if isinstance(nilai, str) else ""


@dataclass
class Konteks:
    """What every rule reads: the PK, the regulation catalogue, the settings, and shared views."""

    pk: NaskahPK
    katalog: Katalog
    opsi: Opsi = field(default_factory=Opsi)
    # The PK's place in the cascade (a stored PK); None for a file read on its own.
    jenjang: Jenjang | None = None
    _simpanan: dict[str, Any] = field(default_factory=dict, repr=False)

    def simpan(self, nama: str, hitung: Callable[[], T]) -> T:
        """A value several rules of one family share, computed once per review."""
        if nama not in self._simpanan:
            self._simpanan[nama] = hitung()
        return cast(T, self._simpanan[nama])

    # -- places ----------------------------------------------------------------------------------------
    def lokasi_pihak(self, ke: str) -> Lokasi:
        pihak = self.pk.pihak_pertama if ke == "pertama" else self.pk.pihak_kedua
        baris = pihak.baris if pihak is not None else None
        return Lokasi("pernyataan", f"Pernyataan, identitas {PIHAK_LABEL.get(ke, ke)}", f"pihak_{ke}", baris)

    def lokasi_ttd(self, i: int) -> Lokasi:
        t = self.pk.tanda_tangan[i]
        bagian = t.bagian if t.bagian in _BAGIAN_LABEL else "lainnya"
        label = (
            f"{_BAGIAN_LABEL.get(bagian, 'Bagian lain')}, tanda tangan {PIHAK_LABEL.get(t.pihak, 'pihak')}"
        )
        return Lokasi(bagian, label, f"tanda_tangan[{i}]", t.baris)

    def lokasi_tanggal(self) -> Lokasi:
        return Lokasi("pernyataan", "Pernyataan, tempat dan tanggal", "tanggal", self.pk.baris_tanggal)

    def lokasi_sasaran(self, si: int) -> Lokasi:
        s = self.pk.sasaran[si]
        label = f"Lampiran 1, sasaran {TINGKAT_SASARAN.get(s.tingkat, '')} “{teks(s.uraian)}”"
        return Lokasi("tabel_kinerja", " ".join(label.split()), f"sasaran[{si}]", s.baris)

    def lokasi_indikator(self, si: int, ii: int) -> Lokasi:
        ind = self.pk.sasaran[si].indikator[ii]
        return Lokasi(
            "tabel_kinerja",
            f"Lampiran 1, tabel kinerja, indikator “{teks(ind.uraian)}”",
            f"sasaran[{si}].indikator[{ii}]",
            ind.baris,
        )

    def lokasi_penjelasan(self, pi: int, medan: str | None = None) -> Lokasi:
        """A penjelasan block row, or one of its fields ("target", "penjelasan_target", "uraian_sasaran")."""
        p = self.pk.penjelasan[pi]
        tambahan = f", {_MEDAN_PENJELASAN.get(medan, medan)}" if medan else ""
        return Lokasi(
            "lampiran_2",
            f"Lampiran 2, penjelasan “{teks(p.indikator)}”{tambahan}",
            f"penjelasan[{pi}]" + (f".{medan}" if medan else ""),
            p.baris,
        )

    def lokasi_dasar_hukum(self, pi: int, k: int) -> Lokasi:
        p = self.pk.penjelasan[pi]
        uraian = teks(p.uraian_sasaran)
        # The parser lists the citations written inside the uraian ("… antara lain: Peraturan …") first,
        # then the numbered list: the leading entries found in the uraian are those.
        sebaris = 0
        for d in p.dasar_hukum:
            if not (teks(d) and teks(d).rstrip(".") in uraian):
                break
            sebaris += 1
        if k < sebaris:
            label = f"Lampiran 2, uraian sasaran (penjelasan “{teks(p.indikator)}”)"
        else:
            label = f"Lampiran 2, dasar hukum butir {k - sebaris + 1} (penjelasan “{teks(p.indikator)}”)"
        baris = p.baris_dasar_hukum[k] if k < len(p.baris_dasar_hukum) else None
        return Lokasi("dasar_hukum", label, f"penjelasan[{pi}].dasar_hukum[{k}]", baris)

    def lokasi_program(self, i: int) -> Lokasi:
        p = self.pk.program[i]
        return Lokasi("program", f"Lampiran 1, program “{teks(p.nama)}”", f"program[{i}]", p.baris)

    def lokasi_total(self) -> Lokasi:
        return Lokasi("program", "Lampiran 1, total anggaran", "total_anggaran", self.pk.baris_total)

    # -- shared views ----------------------------------------------------------------------------------
    @cached_property
    def indikator(self) -> list[IndikatorDi]:
        """Every indicator of Lampiran 1, in document order, with its position."""
        return [
            IndikatorDi(si, ii, s, ind)
            for si, s in enumerate(self.pk.sasaran)
            for ii, ind in enumerate(s.indikator)
        ]

    @cached_property
    def penjelasan_indikator(self) -> dict[int, IndikatorDi | None]:
        """For each penjelasan (by index), the Lampiran 1 indicator it explains, if one can be found."""
        kunci_l1: dict[str, list[IndikatorDi]] = {}
        for di in self.indikator:
            kunci_l1.setdefault(kunci_tanpa_kurung(teks(di.indikator.uraian)), []).append(di)
        hasil: dict[int, IndikatorDi | None] = {}
        for pi, p in enumerate(self.pk.penjelasan):
            k = kunci_tanpa_kurung(teks(p.indikator))
            cocok = kunci_l1.get(k)
            if not cocok and len(k) > 6:
                cocok = [
                    di
                    for kk, dis in kunci_l1.items()
                    if len(kk) > 6 and (kk.startswith(k) or k.startswith(kk))
                    for di in dis
                ]
            hasil[pi] = cocok[0] if cocok else None
        return hasil

    @cached_property
    def penjelasan_per_indikator(self) -> dict[tuple[int, int], list[int]]:
        """For each Lampiran 1 indicator (si, ii), the penjelasan that explain it."""
        hasil: dict[tuple[int, int], list[int]] = {}
        for pi, di in self.penjelasan_indikator.items():
            if di is not None:
                hasil.setdefault((di.si, di.ii), []).append(pi)
        return hasil

    @cached_property
    def blok_penjelasan(self) -> list[list[int]]:
        """Penjelasan grouped by block of Lampiran 2 (one uraian sasaran, one dasar hukum, one count)."""
        blok: list[list[int]] = []
        sebelum: tuple[object, ...] | None = None
        for pi, p in enumerate(self.pk.penjelasan):
            ciri = (p.uraian_sasaran, p.dasar_hukum, p.jumlah_indikator_tertulis)
            if blok and ciri == sebelum:
                blok[-1].append(pi)
            else:
                blok.append([pi])
            sebelum = ciri
        return blok

    def ttd(self, ke: str) -> Iterator[tuple[int, TandaTangan]]:
        """Signature blocks of one party, with their index."""
        for i, t in enumerate(self.pk.tanda_tangan):
            if t.pihak == ke:
                yield i, t

    def penjelasan(self, pi: int) -> Penjelasan:
        return self.pk.penjelasan[pi]

    def baris_urut(self, lokasi: Lokasi) -> int:
        """A line number to sort findings in document order, also for places without one."""
        if lokasi.baris is not None:
            return lokasi.baris
        m = re.match(r"penjelasan\[(\d+)\]", lokasi.jalur)
        if m and int(m.group(1)) < len(self.pk.penjelasan):
            b = self.pk.penjelasan[int(m.group(1))].baris
            if b is not None:
                return b
        if lokasi.jalur == "total_anggaran":
            return max((p.baris or 0 for p in self.pk.program), default=0)
        if lokasi.jalur.startswith(("pihak_", "tanggal")):
            return 0
        return 1_000_000

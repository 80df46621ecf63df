"""The cascade (cascading kinerja) as data, and the pohon kinerja drawn from it.

Every sasaran and indikator of a PK may name the sasaran or indikator it supports (`mendukung`): one of
the superior's PK (the Bupati's PK → the perangkat daerah's or camat's → eselon III → eselon IV), or
one of a higher level of the same PK (a sasaran program under the PK's sasaran strategis). The review
reads it through `Jenjang` (rules PK-CAS, kinerja/domain/review_jenjang.py); the pohon kinerja is
`pohon()` over the PKs of a pemda and a year. Pure Python: the database side is
kinerja/agreements/jenjang.py (docs/adr/0004-cascading.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.domain.pk import Target

# Satuan that do not add up across units: a share, an index, a score, a duration, a rank. A target in
# any other satuan ("unit", "dokumen", "orang", "Rp") counts things, and the counts of the units that
# support a parent target add up to it.
SATUAN_TIDAK_DIJUMLAH = frozenset(
    {
        "%",
        "persen",
        "indeks",
        "nilai",
        "skor",
        "poin",
        "predikat",
        "rasio",
        "hari",
        "jam",
        "menit",
        "detik",
        "bulan",
        "tahun",
        "peringkat",
        "level",
        "tingkat",
        "kategori",
    }
)


def satuan_jumlah(satuan: str | None) -> str | None:
    """The satuan of a count in a comparable form ("Unit " → "unit"), or None when it does not add up."""
    teks = " ".join((satuan or "").lower().split())
    if not teks or teks in SATUAN_TIDAK_DIJUMLAH or teks.split()[0] in SATUAN_TIDAK_DIJUMLAH:
        return None
    return teks


@dataclass(frozen=True)
class IndikatorJenjang:
    """An indikator with its identity and the parent indikator it supports."""

    id: int
    uraian: str
    target: Target
    polaritas: str = "positif"
    mendukung: int | None = None


@dataclass(frozen=True)
class SasaranJenjang:
    """A sasaran with its identity, its level, and the parent sasaran it supports."""

    id: int
    tingkat: str
    uraian: str
    mendukung: int | None = None
    indikator: tuple[IndikatorJenjang, ...] = ()


@dataclass(frozen=True)
class PKJenjang:
    """A PK as the cascade sees it: its unit, its first party, its rows in document order."""

    id: int
    unit: str
    pihak: str  # the pihak pertama's jabatan, or name ("Camat Bajeng")
    tahun: int | None = None
    status: str = ""
    atasan: int | None = None  # id of the superior's PK it derives from
    unit_id: int | None = None
    unit_induk_id: int | None = None
    sasaran: tuple[SasaranJenjang, ...] = ()

    @property
    def label(self) -> str:
        """ "PK 2024 Camat Bajeng (Kecamatan Bajeng)"."""
        tahun = f" {self.tahun}" if self.tahun else ""
        unit = f" ({self.unit})" if self.unit and self.unit not in self.pihak else ""
        return f"PK{tahun} {self.pihak or self.unit}{unit}"

    def semua_indikator(self) -> Iterable[tuple[SasaranJenjang, IndikatorJenjang]]:
        for s in self.sasaran:
            for i in s.indikator:
                yield s, i


@dataclass(frozen=True)
class Jenjang:
    """What the cascade review of one PK reads.

    `pk`: the PK itself, its sasaran in the order of its `NaskahPK` (so positions match the review's
    places); `atasan`: the superior's PK it derives from, if linked; `bawahan`: the PKs that derive from
    it; `saudara`: the other PKs that derive from the same superior's PK (their targets add up).
    """

    pk: PKJenjang
    atasan: PKJenjang | None = None
    bawahan: tuple[PKJenjang, ...] = ()
    saudara: tuple[PKJenjang, ...] = ()


# ---------------------------------------------------------------------------------------------------
# The pohon kinerja
# ---------------------------------------------------------------------------------------------------


@dataclass
class Simpul:
    """A node of the pohon kinerja: a sasaran of one PK, with the sasaran that support it below."""

    pk: PKJenjang
    sasaran: SasaranJenjang
    anak: list[Simpul] = field(default_factory=list)
    # The parent indikator each of this sasaran's indikator supports (id → uraian), for the picture.
    mendukung_indikator: dict[int, str] = field(default_factory=dict)

    @property
    def jumlah(self) -> int:
        """Nodes in this subtree, itself included."""
        return 1 + sum(a.jumlah for a in self.anak)


@dataclass
class Pohon:
    """The tree: its roots, and the sasaran that no link places (the cascade's gaps), per PK, each
    with what hangs below it."""

    akar: list[Simpul]
    lepas: list[tuple[PKJenjang, list[Simpul]]]

    @property
    def jumlah_simpul(self) -> int:
        return sum(s.jumlah for s in self.akar) + sum(s.jumlah for _, d in self.lepas for s in d)


def _induk_sasaran(
    s: SasaranJenjang,
    sasaran_id: dict[int, tuple[PKJenjang, SasaranJenjang]],
    indikator_id: dict[int, tuple[PKJenjang, SasaranJenjang]],
) -> tuple[PKJenjang, SasaranJenjang] | None:
    """The node a sasaran hangs under: the sasaran it names, else that of the first indikator it names."""
    kandidat = [sasaran_id.get(s.mendukung)] if s.mendukung is not None else []
    kandidat += [indikator_id.get(i.mendukung) for i in s.indikator if i.mendukung is not None]
    for k in kandidat:
        if k is not None and k[1].id != s.id:
            return k
    return None


def pohon(pks: Sequence[PKJenjang]) -> Pohon:
    """The pohon kinerja of a set of PKs (a pemda's year): each sasaran under the sasaran it supports.

    Roots are the sasaran strategis of the PKs that derive from no PK in the set (the kabupaten's PK, or
    a unit whose superior has no PK here). A sasaran that names nothing shown, in a PK that does derive
    from one (or below the strategis level), is listed apart as not linked: the gaps an evaluator asks
    about. A link that would make a cycle is ignored (the tree stays a tree).
    """
    sasaran_id: dict[int, tuple[PKJenjang, SasaranJenjang]] = {}
    indikator_id: dict[int, tuple[PKJenjang, SasaranJenjang]] = {}
    for pk in pks:
        for s in pk.sasaran:
            sasaran_id[s.id] = (pk, s)
            for i in s.indikator:
                indikator_id[i.id] = (pk, s)
    ada_pk = {pk.id for pk in pks}
    simpul: dict[int, Simpul] = {}
    for pk in pks:
        for s in pk.sasaran:
            teks_induk = {}
            for i in s.indikator:
                if i.mendukung is not None and i.mendukung in indikator_id:
                    _, ps = indikator_id[i.mendukung]
                    uraian = next((x.uraian for x in ps.indikator if x.id == i.mendukung), "")
                    teks_induk[i.id] = uraian
            simpul[s.id] = Simpul(pk, s, mendukung_indikator=teks_induk)
    induk: dict[int, int] = {}
    for pk in pks:
        for s in pk.sasaran:
            hasil = _induk_sasaran(s, sasaran_id, indikator_id)
            if hasil is not None:
                induk[s.id] = hasil[1].id
    # Break cycles: follow each chain; a node met twice drops its link.
    for mulai in list(induk):
        dilihat = {mulai}
        x = induk.get(mulai)
        while x is not None:
            if x in dilihat:
                induk.pop(mulai, None)
                break
            dilihat.add(x)
            x = induk.get(x)
    akar: list[Simpul] = []
    lepas: dict[int, list[Simpul]] = {}
    for pk in pks:
        berakar = pk.atasan is None or pk.atasan not in ada_pk
        for s in pk.sasaran:
            if s.id in induk:
                simpul[induk[s.id]].anak.append(simpul[s.id])
            elif berakar and s.tingkat == "strategis":
                akar.append(simpul[s.id])
            else:
                lepas.setdefault(pk.id, []).append(simpul[s.id])
    urutan_pk = {pk.id: pk for pk in pks}
    return Pohon(akar, [(urutan_pk[i], daftar) for i, daftar in lepas.items()])


def jumlah_target(nilai: Iterable[Decimal]) -> Decimal:
    """The sum of counts (a plain sum: counts are exact, no rounding)."""
    return sum(nilai, Decimal(0))


def saring(t: Pohon, kata: str) -> Pohon:
    """The tree kept to the branches that hold a unit whose name (or pejabat) contains `kata`: each
    matching node with all below it, and the nodes above it for its place."""
    kata = " ".join(kata.lower().split())
    if not kata:
        return t

    def cocok(s: Simpul) -> bool:
        return kata in s.pk.unit.lower() or kata in s.pk.pihak.lower()

    def pangkas(s: Simpul) -> Simpul | None:
        if cocok(s):
            return s
        anak = [x for x in (pangkas(a) for a in s.anak) if x is not None]
        if not anak:
            return None
        return Simpul(s.pk, s.sasaran, anak, s.mendukung_indikator)

    akar = [x for x in (pangkas(s) for s in t.akar) if x is not None]
    lepas = []
    for pk, daftar in t.lepas:
        sisa = [x for x in (pangkas(s) for s in daftar) if x is not None]
        if sisa:
            lepas.append((pk, sisa))
    return Pohon(akar, lepas)


def baris_pohon(t: Pohon | list[Simpul]) -> Iterable[tuple[int, Simpul]]:
    """Every node with its depth (0 for a root), depth first, in order: what the exports write (a tree,
    or a list of subtrees such as one PK's not linked sasaran)."""
    akar = t.akar if isinstance(t, Pohon) else t
    tumpukan: list[tuple[int, Simpul]] = [(0, s) for s in reversed(akar)]
    while tumpukan:
        kedalaman, s = tumpukan.pop()
        yield kedalaman, s
        tumpukan.extend((kedalaman + 1, a) for a in reversed(s.anak))

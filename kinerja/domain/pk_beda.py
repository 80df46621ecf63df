"""Two versions of a PK, row by row: which rows are the same, and what changed.

`pasangkan(lama, baru)` pairs two ordered lists of keys: equal keys first; then, between the pairs
that keep the document's order (anchors), the rows left over in each gap pair in order when the gap
holds as many old rows as new, else by similarity of their words (an order-keeping alignment), so a
removed row and a renamed one in the same gap are told apart. What is left is added or removed.

`beda(lama, baru)` applies it to a PK: sasaran within their level, by normalised uraian; indikator
within each pair of sasaran, then across sasaran (an indikator moved to another sasaran is the same
indikator); program by normalised nama. It returns the pairs — the import updates a draft in place
with them, so an unchanged indikator keeps its identity — and the changes, one per row, with every
field that changed (old → new, as JSON-ready strings), which the audit trail records and the
comparison page shows. Fields and labels come from the dataclasses' descriptions (`kinerja.domain.pk`).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any, Literal

from kinerja.domain import pk as d
from kinerja.domain.nama import kunci_teks, kunci_teks_tanpa_kurung

Pasangan = tuple[int | None, int | None]
Letak = tuple[int, int]  # (sasaran, indikator) in document order
BagianPK = Literal["pk", "sasaran", "indikator", "program", "tanda_tangan"]
Aksi = Literal["tambah", "hapus", "ubah"]

# Below this similarity two left-over rows of a gap are not the same row (difflib ratio of the keys).
MIRIP_MINIMUM = 0.5


# ---------------------------------------------------------------------------------------------------
# Pairing
# ---------------------------------------------------------------------------------------------------


def pasangkan(lama: Sequence[str], baru: Sequence[str]) -> list[Pasangan]:
    """Pair old and new rows by key, then by position between anchors (see the module's docstring).

    Pairs come in the new list's order; removed rows (old index, None) follow in the old order.
    """
    antrean: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(lama):
        antrean[k].append(i)
    ke_lama: dict[int, int] = {}  # new index -> old index
    for j, k in enumerate(baru):
        if antrean.get(k):
            ke_lama[j] = antrean[k].pop(0)
    jangkar = _naik_terpanjang(sorted(ke_lama.items()))
    batas = [(-1, -1), *jangkar, (len(lama), len(baru))]
    dipakai_lama = set(ke_lama.values())
    for (i0, j0), (i1, j1) in itertools.pairwise(batas):
        sisa_lama = [i for i in range(i0 + 1, i1) if i not in dipakai_lama]
        sisa_baru = [j for j in range(j0 + 1, j1) if j not in ke_lama]
        for i, j in _pasangkan_celah(sisa_lama, sisa_baru, lama, baru):
            ke_lama[j] = i
            dipakai_lama.add(i)
    hasil: list[Pasangan] = [(ke_lama.get(j), j) for j in range(len(baru))]
    hasil += [(i, None) for i in range(len(lama)) if i not in dipakai_lama]
    return hasil


def _naik_terpanjang(pasangan: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (new, old) pairs whose old indices increase, as (old, new) anchors."""
    import bisect

    ekor: list[int] = []  # smallest old index ending a run of each length
    ekor_id: list[int] = []
    sebelum: list[int] = [-1] * len(pasangan)
    for n, (_j, i) in enumerate(pasangan):
        k = bisect.bisect_left(ekor, i)
        if k == len(ekor):
            ekor.append(i)
            ekor_id.append(n)
        else:
            ekor[k] = i
            ekor_id[k] = n
        sebelum[n] = ekor_id[k - 1] if k else -1
    hasil = []
    n = ekor_id[-1] if ekor_id else -1
    while n >= 0:
        j, i = pasangan[n]
        hasil.append((i, j))
        n = sebelum[n]
    return hasil[::-1]


def _pasangkan_celah(
    sisa_lama: list[int], sisa_baru: list[int], lama: Sequence[str], baru: Sequence[str]
) -> list[tuple[int, int]]:
    """Left-over rows of one gap: in order when the counts match, else the most similar, in order."""
    if not sisa_lama or not sisa_baru:
        return []
    if len(sisa_lama) == len(sisa_baru):
        return list(zip(sisa_lama, sisa_baru, strict=True))
    # Order-keeping alignment maximising the summed similarity (rows are few: O(n·m) is nothing).
    n, m = len(sisa_lama), len(sisa_baru)
    mirip = [[_mirip(lama[i], baru[j]) for j in sisa_baru] for i in sisa_lama]
    skor = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            ambil = mirip[a][b] + skor[a + 1][b + 1] if mirip[a][b] >= MIRIP_MINIMUM else -1.0
            skor[a][b] = max(ambil, skor[a + 1][b], skor[a][b + 1])
    hasil = []
    a = b = 0
    while a < n and b < m:
        if mirip[a][b] >= MIRIP_MINIMUM and skor[a][b] == mirip[a][b] + skor[a + 1][b + 1]:
            hasil.append((sisa_lama[a], sisa_baru[b]))
            a, b = a + 1, b + 1
        elif skor[a][b] == skor[a + 1][b]:
            a += 1
        else:
            b += 1
    return hasil


def _mirip(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def pasangkan_penjelasan(
    indikator: Sequence[d.Indikator], penjelasan: Sequence[d.Penjelasan]
) -> tuple[dict[int, d.Penjelasan], list[d.Penjelasan]]:
    """Pair each penjelasan with the first indicator (document order) of the same uraian.

    Case, whitespace and punctuation do not count; a second pass ignores parenthesised parts
    ("Indeks Kepuasan Masyarakat" ~ "Indeks Kepuasan Masyarakat (IKM)"). Returns the pairs by
    indicator position and the penjelasan that explain no indicator.
    """
    pasangan: dict[int, d.Penjelasan] = {}
    sisa = list(penjelasan)
    for kunci in (kunci_teks, kunci_teks_tanpa_kurung):
        indeks: dict[str, list[int]] = defaultdict(list)
        for i, ind in enumerate(indikator):
            if i not in pasangan:
                indeks[kunci(ind.uraian)].append(i)
        belum = []
        for p in sisa:
            daftar = indeks.get(kunci(p.indikator))
            if daftar:
                pasangan[daftar.pop(0)] = p
            else:
                belum.append(p)
        sisa = belum
    return pasangan, sisa


# ---------------------------------------------------------------------------------------------------
# Changes
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BidangBeda:
    """One field that changed: its stored name, label and kind, the old and the new value as text."""

    bidang: str  # "target", "anggaran", "pihak_pertama_nip"
    label: str  # Indonesian: "target", "anggaran (Rp)", "NIP pihak pertama"
    jenis: str  # the kind of `kinerja.domain.pk.kolom` ("uang", "desimal", "teks", …): how to show it
    lama: str | None
    baru: str | None

    def to_json(self) -> dict[str, str | None]:
        return {"bidang": self.bidang, "lama": self.lama, "baru": self.baru}


@dataclass(frozen=True)
class Perubahan:
    """A row added, removed or changed (with its fields); `lama`/`baru` are its places in each version."""

    bagian: BagianPK
    aksi: Aksi
    judul: str  # "Indikator “Nilai SAKIP”", "Program “Program …”"
    lama: tuple[int, ...] | None
    baru: tuple[int, ...] | None
    bidang: tuple[BidangBeda, ...] = ()

    @property
    def kode(self) -> str:
        """The audit trail's action code: "pk.ubah", "pk.indikator.tambah", …"""
        return "pk.ubah" if self.bagian == "pk" else f"pk.{self.bagian}.{self.aksi}"


@dataclass(frozen=True)
class BedaPK:
    """The pairs of rows of two versions and the changes between them, in document order."""

    sasaran: list[Pasangan]
    indikator: list[tuple[Letak | None, Letak | None]]
    program: list[Pasangan]
    perubahan: tuple[Perubahan, ...]


def teks_nilai(nilai: Any) -> str | None:
    """A field's value as the trail keeps it: text as is, decimals as plain strings, lists one per line."""
    if nilai is None:
        return None
    if isinstance(nilai, Decimal):
        return str(nilai)
    if isinstance(nilai, d.Target):
        return nilai.teks
    if isinstance(nilai, d.Baseline):
        bagian = [f"{f}: {teks_nilai(getattr(nilai, f))}" for f in ("target", "realisasi", "capaian")]
        return f"{nilai.tahun} — " + "; ".join(b for b in bagian if not b.endswith("None"))
    if isinstance(nilai, (tuple, list)):
        return "\n".join(t for t in (teks_nilai(v) for v in nilai) if t is not None) or None
    teks = str(nilai)
    return teks if teks.strip() else None


def _bidang_kelas(kelas: type, lama: Any, baru: Any) -> list[BidangBeda]:
    """The changed fields of two instances (either may be None) of a PK dataclass, in field order."""
    hasil = []
    for f in dataclasses.fields(kelas):
        m = f.metadata
        if not m.get("banding", True) or m.get("jenis") == "lain":
            continue
        a = getattr(lama, f.name) if lama is not None else None
        b = getattr(baru, f.name) if baru is not None else None
        if m["jenis"] == "bagian" and not m["utuh"]:
            sub = _bidang_kelas(_jenis_bagian(kelas, f.name), a, b)
            hasil += [
                dataclasses.replace(x, bidang=m["awalan"] + x.bidang, label=f"{x.label} {m['label']}")
                for x in sub
            ]
            continue
        if m["jenis"] == "bagian":
            a, b = _tanpa_baris(a), _tanpa_baris(b)
        ta, tb = teks_nilai(a), teks_nilai(b)
        if ta != tb or (m["jenis"] == "bagian" and a != b):
            nama = m["nama_kolom"] or f.name
            hasil.append(BidangBeda(nama, m["label"], m["jenis"], ta, tb))
    return hasil


def beda_bidang(kelas: type, lama: Any, baru: Any) -> list[BidangBeda]:
    """The fields that differ between two instances of a PK dataclass (either may be None)."""
    return _bidang_kelas(kelas, lama, baru)


def _jenis_bagian(kelas: type, nama: str) -> type:
    return d._jenis_field(kelas)[nama]


def _tanpa_baris(obj: Any) -> Any:
    if obj is None or not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    ganti = {f.name: None for f in dataclasses.fields(obj) if not f.metadata.get("banding", True)}
    return dataclasses.replace(obj, **ganti) if ganti else obj


def _kunci_sasaran(s: d.Sasaran) -> str:
    return kunci_teks(s.uraian)


def _pasangkan_per(
    lama: Sequence[Any], baru: Sequence[Any], kelompok: Callable[[Any], str], kunci: Callable[[Any], str]
) -> list[Pasangan]:
    """`pasangkan` within each group (a sasaran's level), the result in the new list's order."""
    hasil: list[Pasangan] = []
    for g in dict.fromkeys([kelompok(x) for x in (*lama, *baru)]):
        il = [i for i, x in enumerate(lama) if kelompok(x) == g]
        jb = [j for j, x in enumerate(baru) if kelompok(x) == g]
        for a, b in pasangkan([kunci(lama[i]) for i in il], [kunci(baru[j]) for j in jb]):
            hasil.append((il[a] if a is not None else None, jb[b] if b is not None else None))
    return _urut(hasil)


def _urut(pasangan: Iterable[tuple[Any, Any]]) -> list[Any]:
    daftar = list(pasangan)
    ada = sorted((p for p in daftar if p[1] is not None), key=lambda p: p[1])
    hapus = sorted((p for p in daftar if p[1] is None), key=lambda p: p[0])
    return ada + hapus


def _pasangkan_indikator(
    lama: d.NaskahPK, baru: d.NaskahPK, sasaran: list[Pasangan]
) -> list[tuple[Letak | None, Letak | None]]:
    hasil: list[tuple[Letak | None, Letak | None]] = []
    for sl, sb in sasaran:
        il = lama.sasaran[sl].indikator if sl is not None else ()
        ib = baru.sasaran[sb].indikator if sb is not None else ()
        for a, b in pasangkan([kunci_teks(i.uraian) for i in il], [kunci_teks(i.uraian) for i in ib]):
            hasil.append(
                (
                    (sl, a) if sl is not None and a is not None else None,
                    (sb, b) if sb is not None and b is not None else None,
                )
            )
    # Across sasaran: an indikator removed here and added there with the same words was moved.
    dihapus: dict[str, list[int]] = defaultdict(list)
    for n, (x, y) in enumerate(hasil):
        if y is None and x is not None:
            dihapus[kunci_teks(lama.sasaran[x[0]].indikator[x[1]].uraian)].append(n)
    dipindah: set[int] = set()
    for n, (x, y) in enumerate(hasil):
        if x is None and y is not None:
            daftar = dihapus.get(kunci_teks(baru.sasaran[y[0]].indikator[y[1]].uraian))
            if daftar:
                m = daftar.pop(0)
                hasil[n] = (hasil[m][0], y)
                dipindah.add(m)
    return _urut(p for n, p in enumerate(hasil) if n not in dipindah)


def _judul(bagian: str, teks: str) -> str:
    singkat = " ".join(teks.split())
    if len(singkat) > 80:
        singkat = singkat[:79] + "…"
    return f"{bagian} “{singkat}”"


def _perubahan_baris(
    bagian: BagianPK,
    judul: str,
    lama: tuple[int, ...] | None,
    baru: tuple[int, ...] | None,
    bidang: list[BidangBeda],
) -> Perubahan | None:
    if lama is None:
        return Perubahan(bagian, "tambah", judul, None, baru, tuple(bidang))
    if baru is None:
        return Perubahan(bagian, "hapus", judul, lama, None, tuple(bidang))
    return Perubahan(bagian, "ubah", judul, lama, baru, tuple(bidang)) if bidang else None


def teks_tanda_tangan(pk: d.NaskahPK) -> str | None:
    """The printed signature blocks as one text (for the trail)."""
    return _ttd(pk)


def _ttd(pk: d.NaskahPK) -> str | None:
    return teks_nilai(
        [
            ", ".join(
                x
                for x in (f"{t.bagian} {t.pihak}", t.nama, t.jabatan, t.nip, t.pangkat, t.tempat, t.tanggal)
                if x
            )
            for t in pk.tanda_tangan
        ]
    )


def beda(lama: d.NaskahPK, baru: d.NaskahPK) -> BedaPK:
    """The pairs of rows and the changes from `lama` to `baru` (see the module's docstring)."""
    sasaran = _pasangkan_per(lama.sasaran, baru.sasaran, lambda s: s.tingkat, _kunci_sasaran)
    indikator = _pasangkan_indikator(lama, baru, sasaran)
    program = _pasangkan_per(lama.program, baru.program, lambda p: "", lambda p: kunci_teks(p.nama))
    perubahan = [
        *_beda_kepala(lama, baru),
        *_beda_baris("sasaran", d.Sasaran, lama.sasaran, baru.sasaran, sasaran),
        *_beda_indikator(lama, baru, indikator, set(sasaran)),
        *_beda_baris("program", d.Program, lama.program, baru.program, program),
    ]
    return BedaPK(sasaran=sasaran, indikator=indikator, program=program, perubahan=tuple(perubahan))


def _beda_kepala(lama: d.NaskahPK, baru: d.NaskahPK) -> list[Perubahan]:
    hasil = []
    kepala = _bidang_kelas(d.NaskahPK, lama, baru)
    if (lama.tanggal or "") != (baru.tanggal or ""):
        label = d.label_field(d.NaskahPK, "tanggal")
        kepala.append(BidangBeda("tanggal", label, "teks", lama.tanggal, baru.tanggal))
    if kepala:
        hasil.append(Perubahan("pk", "ubah", "Perjanjian Kinerja", (), (), tuple(kepala)))
    if _ttd(lama) != _ttd(baru):
        label = d.label_field(d.NaskahPK, "tanda_tangan")
        bidang = BidangBeda("tanda_tangan", label, "teks", _ttd(lama), _ttd(baru))
        hasil.append(Perubahan("tanda_tangan", "ubah", "Tanda tangan tercetak", (), (), (bidang,)))
    return hasil


def _satu(indeks: int | None) -> tuple[int, ...] | None:
    return (indeks,) if indeks is not None else None


def _beda_baris(
    bagian: BagianPK, kelas: type, lama: Sequence[Any], baru: Sequence[Any], pasangan: list[Pasangan]
) -> list[Perubahan]:
    """The changes of one kind of row that pairs as a whole (sasaran, program)."""
    nama = {"sasaran": "Sasaran", "program": "Program"}[bagian]
    teks = "uraian" if bagian == "sasaran" else "nama"
    hasil = []
    for il, ib in pasangan:
        a = lama[il] if il is not None else None
        b = baru[ib] if ib is not None else None
        judul = _judul(nama, getattr(b if b is not None else a, teks))
        p = _perubahan_baris(bagian, judul, _satu(il), _satu(ib), _bidang_kelas(kelas, a, b))
        if p is not None:
            hasil.append(p)
    return hasil


def _beda_indikator(
    lama: d.NaskahPK,
    baru: d.NaskahPK,
    indikator: list[tuple[Letak | None, Letak | None]],
    pasangan_sasaran: set[Pasangan],
) -> list[Perubahan]:
    hasil = []
    penj_lama = _penjelasan_per_letak(lama)
    penj_baru = _penjelasan_per_letak(baru)
    for x, y in indikator:
        a = lama.sasaran[x[0]].indikator[x[1]] if x is not None else None
        b = baru.sasaran[y[0]].indikator[y[1]] if y is not None else None
        bidang = _bidang_kelas(d.Indikator, a, b)
        if x is not None and y is not None and (x[0], y[0]) not in pasangan_sasaran:
            su_lama, su_baru = lama.sasaran[x[0]].uraian, baru.sasaran[y[0]].uraian
            if kunci_teks(su_lama) != kunci_teks(su_baru):
                bidang.append(BidangBeda("sasaran", "sasaran", "teks", su_lama, su_baru))
        bidang += _bidang_kelas(
            d.Penjelasan,
            penj_lama.get(x) if x is not None else None,
            penj_baru.get(y) if y is not None else None,
        )
        judul = _judul("Indikator", b.uraian if b is not None else a.uraian if a is not None else "")
        p = _perubahan_baris("indikator", judul, x, y, bidang)
        if p is not None:
            hasil.append(p)
    return hasil


def _penjelasan_per_letak(pk: d.NaskahPK) -> dict[Letak, d.Penjelasan]:
    letak = [(s, i) for s, sas in enumerate(pk.sasaran) for i in range(len(sas.indikator))]
    pasangan, _lepas = pasangkan_penjelasan(pk.indikator, pk.penjelasan)
    return {letak[n]: p for n, p in pasangan.items()}

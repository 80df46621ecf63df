"""How well a reading of a PK file matches what a person reads in it: the parser's quality figure.

An expected reading (`Harapan`, written by a person from the document, JSON in tests/data/korpus/harapan)
lists per PK the year, the kind, both parties (name, NIP), every indikator (sasaran, uraian, target
value) and every program (name, anggaran) with the printed total. `nilai_bacaan` compares a parse with
it field by field and says which fields were read correctly; the share of correct fields over a corpus
is the figure docs/parser.md keeps (bench/corpus.py prints it).

Matching is tolerant of what does not change the meaning: whitespace, case, and punctuation at the
ends of a text; an indikator or program is matched by its text (not by its position, so one extra row
does not make all the following ones wrong), and each row read that is not in the document counts as
one wrong field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from kinerja.domain.numbers import bulatkan
from kinerja.domain.pk import NaskahPK, Pihak

__all__ = ["Hasil", "nilai_bacaan", "normal"]

_UJUNG = re.compile(r"^[\s.,;:•\-–*]+|[\s.,;:•\-–*]+$")


def normal(teks: object) -> str:
    """Text compared without case, runs of whitespace or punctuation at its ends."""
    return _UJUNG.sub("", " ".join(str(teks or "").split())).casefold()


def _angka(nilai: object) -> Decimal | None:
    if nilai is None or nilai == "":
        return None
    try:
        return Decimal(str(nilai)).normalize()
    except InvalidOperation:
        return None


def _digit(teks: object) -> str:
    return re.sub(r"\D", "", str(teks or ""))


@dataclass
class Hasil:
    """Fields compared, fields right, and what was wrong (one line each, for the table's notes)."""

    benar: int = 0
    jumlah: int = 0
    salah: list[str] = field(default_factory=list)

    def cek(self, nama: str, ok: bool, rinci: str = "") -> None:
        self.jumlah += 1
        if ok:
            self.benar += 1
        else:
            self.salah.append(f"{nama}: {rinci}" if rinci else nama)

    def tambah(self, lain: Hasil) -> None:
        self.benar += lain.benar
        self.jumlah += lain.jumlah
        self.salah.extend(lain.salah)

    @property
    def persen(self) -> Decimal:
        return bulatkan(Decimal(self.benar) * 100 / self.jumlah, 1) if self.jumlah else Decimal(100)


def nilai_bacaan(bacaan: list[NaskahPK], harapan: list[dict[str, Any]]) -> Hasil:
    """Compare the PKs read from a file with its expected reading. Expected and read PKs are paired
    best match first (right fields minus wrong ones), so one PK missed in a bundle does not shift all
    the others."""
    hasil = Hasil()
    hasil.cek("jumlah PK", len(bacaan) == len(harapan), f"{len(bacaan)} dibaca, {len(harapan)} diharapkan")
    # Every pair scored; the best pairs taken first (greedy over the whole table, ties in order).
    skor = {
        (k, i): _satu_pk(bacaan[i], h, f"PK {k + 1}")
        for k, h in enumerate(harapan)
        for i in range(len(bacaan))
    }
    urut = sorted(skor, key=lambda ki: (-(skor[ki].benar - (skor[ki].jumlah - skor[ki].benar)), ki))
    pasangan: dict[int, Hasil] = {}
    dipakai: set[int] = set()
    for k, i in urut:
        if k not in pasangan and i not in dipakai:
            pasangan[k] = skor[k, i]
            dipakai.add(i)
    for k, h in enumerate(harapan):
        hasil.tambah(pasangan.get(k) or _satu_pk(None, h, f"PK {k + 1}"))
    return hasil


def _satu_pk(pk: NaskahPK | None, h: dict[str, Any], awal: str) -> Hasil:
    hasil = Hasil()
    hasil.cek(f"{awal} tahun", pk is not None and pk.tahun == h.get("tahun"), f"{pk and pk.tahun}")
    hasil.cek(f"{awal} jenis", pk is not None and pk.jenis == h.get("jenis", "murni"), f"{pk and pk.jenis}")
    for ke in ("pihak_pertama", "pihak_kedua"):
        _pihak(hasil, getattr(pk, ke, None), h.get(ke), f"{awal} {ke}")
    _indikator(hasil, pk, h.get("indikator") or [], awal)
    _program(hasil, pk, h.get("program") or [], awal)
    total = pk.total_anggaran_tercetak if pk is not None else None
    hasil.cek(f"{awal} total", _angka(total) == _angka(h.get("total")), f"{total}")
    return hasil


def _pihak(hasil: Hasil, pihak: Pihak | None, h: dict[str, Any] | None, awal: str) -> None:
    h = h or {}
    nama = pihak.nama if pihak is not None else None
    hasil.cek(f"{awal} nama", normal(nama) == normal(h.get("nama")), f"“{nama}”")
    nip = pihak.nip if pihak is not None else None
    hasil.cek(f"{awal} NIP", _digit(nip) == _digit(h.get("nip")), f"“{nip}”")


def _cari(teks: str, calon: list[str], dipakai: set[int]) -> int | None:
    """The first unused candidate equal to `teks`, else one containing it or contained in it."""
    for i, c in enumerate(calon):
        if i not in dipakai and c == teks:
            return i
    for i, c in enumerate(calon):
        if i not in dipakai and c and teks and (teks in c or c in teks):
            return i
    return None


def _indikator(hasil: Hasil, pk: NaskahPK | None, harapan: list[dict[str, Any]], awal: str) -> None:
    dibaca = [(s, i) for s in (pk.sasaran if pk else ()) for i in s.indikator]
    teks = [normal(i.uraian) for _, i in dibaca]
    dipakai: set[int] = set()
    for h in harapan:
        uraian = normal(h.get("uraian"))
        k = _cari(uraian, teks, dipakai)
        nama = f"{awal} indikator “{h.get('uraian')}”"
        hasil.cek(nama, k is not None, "tidak dibaca")
        if k is None:
            hasil.cek(f"{nama} sasaran", False, "tidak dibaca")
            hasil.cek(f"{nama} target", False, "tidak dibaca")
            continue
        dipakai.add(k)
        s, i = dibaca[k]
        hasil.cek(f"{nama} sasaran", _sama_kira(normal(s.uraian), normal(h.get("sasaran"))), f"“{s.uraian}”")
        if h.get("nilai") is not None:
            ok = _angka(i.target.nilai) == _angka(h.get("nilai"))
        else:
            ok = i.target.nilai is None or i.target.nilai_atas is not None
        hasil.cek(f"{nama} target", ok, f"“{i.target.teks}” → {i.target.nilai}")
    for k, (_, i) in enumerate(dibaca):
        if k not in dipakai:
            hasil.cek(f"{awal} indikator lebih “{i.uraian}”", False, "tidak ada di dokumen")


def _sama_kira(a: str, b: str) -> bool:
    return a == b or bool(a and b and (a in b or b in a))


def _program(hasil: Hasil, pk: NaskahPK | None, harapan: list[dict[str, Any]], awal: str) -> None:
    dibaca = list(pk.program if pk else ())
    teks = [normal(p.nama) for p in dibaca]
    dipakai: set[int] = set()
    for h in harapan:
        k = _cari(normal(h.get("nama")), teks, dipakai)
        nama = f"{awal} program “{h.get('nama')}”"
        hasil.cek(nama, k is not None, "tidak dibaca")
        if k is None:
            hasil.cek(f"{nama} anggaran", False, "tidak dibaca")
            continue
        dipakai.add(k)
        p = dibaca[k]
        hasil.cek(f"{nama} anggaran", _angka(p.anggaran) == _angka(h.get("anggaran")), f"{p.anggaran}")
    for k, p in enumerate(dibaca):
        if k not in dipakai:
            hasil.cek(f"{awal} program lebih “{p.nama}”", False, "tidak ada di dokumen")

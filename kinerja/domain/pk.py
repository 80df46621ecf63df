"""The Perjanjian Kinerja as read from a document: frozen dataclasses, and their JSON form.

These are what `pk_text.parse` returns, what the import stores, and what the review (and later the
document renderers) read. The JSON keys are fixed: other programs read them (issue #2). Decimals are
written as strings, never as floats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Tingkat = Literal["strategis", "program", "kegiatan"]
Jenis = Literal["murni", "perubahan"]
Bagian = Literal["pernyataan", "lampiran_1", "lampiran_2", "lainnya"]
PihakKe = Literal["pertama", "kedua"]

TINGKAT_URUTAN: tuple[Tingkat, ...] = ("strategis", "program", "kegiatan")


@dataclass(frozen=True)
class Pihak:
    """A party of the PK as named on the statement page."""

    nama: str
    jabatan: str | None = None
    nip: str | None = None
    pangkat: str | None = None
    baris: int | None = None  # the line of its name ("Nama : …"), when read from a file


@dataclass(frozen=True)
class TandaTangan:
    """One signature block, kept exactly as printed (spellings may differ between blocks)."""

    bagian: Bagian
    pihak: PihakKe
    nama: str
    jabatan: str | None = None
    nip: str | None = None
    pangkat: str | None = None
    tempat: str | None = None
    tanggal: str | None = None
    baris: int | None = None


@dataclass(frozen=True)
class Target:
    """A target as printed, with the value, unit and predicate read from it.

    `predikat` is the normalised word ("Baik"); `predikat_tercetak` keeps the printed one ("Balk")
    when they differ.
    """

    teks: str
    nilai: Decimal | None = None
    satuan: str | None = None
    predikat: str | None = None
    predikat_tercetak: str | None = None


@dataclass(frozen=True)
class Indikator:
    uraian: str
    target: Target
    baris: int | None = None


@dataclass(frozen=True)
class Sasaran:
    tingkat: Tingkat
    uraian: str
    indikator: tuple[Indikator, ...] = ()
    baris: int | None = None


@dataclass(frozen=True)
class Program:
    nama: str
    anggaran: Decimal | None = None
    baris: int | None = None


@dataclass(frozen=True)
class Baseline:
    """A previous year's figures quoted in the penjelasan (target, realisasi, capaian %)."""

    tahun: int
    target: Decimal | None = None
    realisasi: Decimal | None = None
    capaian: Decimal | None = None


@dataclass(frozen=True)
class Penjelasan:
    """Lampiran 2: the explanation of one indicator."""

    indikator: str
    uraian_sasaran: str | None = None
    dasar_hukum: tuple[str, ...] = ()
    relevansi: str | None = None
    formulasi: str | None = None
    sumber_data: str | None = None
    target: str | None = None
    penjelasan_target: str | None = None
    baseline: tuple[Baseline, ...] = ()
    jumlah_indikator_tertulis: str | None = None
    baris: int | None = None
    baris_dasar_hukum: tuple[
        int | None, ...
    ] = ()  # the line of each dasar hukum entry, when read from a file


@dataclass(frozen=True)
class RencanaAksi:
    """A row of a Rencana Aksi found after the PK: kept apart from the tabel kinerja."""

    indikator: str
    target_periode: tuple[tuple[str, str], ...] = ()
    baris: int | None = None


@dataclass(frozen=True)
class Catatan:
    """Something the parser could not place, with its line number: nothing is dropped silently."""

    baris: int | None
    pesan: str


@dataclass(frozen=True)
class NaskahPK:
    """One Perjanjian Kinerja read from a document."""

    tahun: int | None
    jenis: Jenis = "murni"
    unit: str | None = None
    pemerintah: str | None = None
    pihak_pertama: Pihak | None = None
    pihak_kedua: Pihak | None = None
    tempat: str | None = None
    tanggal: str | None = None
    tanda_tangan: tuple[TandaTangan, ...] = ()
    sasaran: tuple[Sasaran, ...] = ()
    program: tuple[Program, ...] = ()
    total_anggaran: Decimal | None = None
    total_anggaran_tercetak: Decimal | None = None
    penjelasan: tuple[Penjelasan, ...] = ()
    rencana_aksi: tuple[RencanaAksi, ...] = ()
    alasan_perubahan: str | None = None
    catatan: tuple[Catatan, ...] = field(default=())
    # Lines in the source file of the statement's place-and-date line and of the printed total row.
    baris_tanggal: int | None = None
    baris_total: int | None = None

    @property
    def indikator(self) -> list[Indikator]:
        """All indicators in document order."""
        return [i for s in self.sasaran for i in s.indikator]


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _pihak(p: Pihak | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"nama": p.nama, "jabatan": p.jabatan, "nip": p.nip, "pangkat": p.pangkat, "baris": p.baris}


def to_json(pk: NaskahPK) -> dict[str, Any]:
    """The fixed JSON shape of `kinerja pk parse` (decimals as strings)."""
    return {
        "tahun": pk.tahun,
        "jenis": pk.jenis,
        "alasan_perubahan": pk.alasan_perubahan,
        "unit": pk.unit,
        "pemerintah": pk.pemerintah,
        "pihak_pertama": _pihak(pk.pihak_pertama),
        "pihak_kedua": _pihak(pk.pihak_kedua),
        "tempat": pk.tempat,
        "tanggal": pk.tanggal,
        "baris_tanggal": pk.baris_tanggal,
        "tanda_tangan": [
            {
                "bagian": t.bagian,
                "pihak": t.pihak,
                "nama": t.nama,
                "jabatan": t.jabatan,
                "nip": t.nip,
                "pangkat": t.pangkat,
                "tempat": t.tempat,
                "tanggal": t.tanggal,
                "baris": t.baris,
            }
            for t in pk.tanda_tangan
        ],
        "sasaran": [
            {
                "tingkat": s.tingkat,
                "uraian": s.uraian,
                "baris": s.baris,
                "indikator": [
                    {
                        "uraian": i.uraian,
                        "baris": i.baris,
                        "target": {
                            "teks": i.target.teks,
                            "nilai": _dec(i.target.nilai),
                            "satuan": i.target.satuan,
                            "predikat": i.target.predikat,
                            "predikat_tercetak": i.target.predikat_tercetak,
                        },
                    }
                    for i in s.indikator
                ],
            }
            for s in pk.sasaran
        ],
        "program": [{"nama": p.nama, "anggaran": _dec(p.anggaran), "baris": p.baris} for p in pk.program],
        "total_anggaran": _dec(pk.total_anggaran),
        "total_anggaran_tercetak": _dec(pk.total_anggaran_tercetak),
        "baris_total": pk.baris_total,
        "penjelasan": [
            {
                "indikator": p.indikator,
                "uraian_sasaran": p.uraian_sasaran,
                "dasar_hukum": list(p.dasar_hukum),
                "baris_dasar_hukum": list(p.baris_dasar_hukum),
                "relevansi": p.relevansi,
                "formulasi": p.formulasi,
                "sumber_data": p.sumber_data,
                "target": p.target,
                "penjelasan_target": p.penjelasan_target,
                "jumlah_indikator_tertulis": p.jumlah_indikator_tertulis,
                "baseline": [
                    {
                        "tahun": b.tahun,
                        "target": _dec(b.target),
                        "realisasi": _dec(b.realisasi),
                        "capaian": _dec(b.capaian),
                    }
                    for b in p.baseline
                ],
                "baris": p.baris,
            }
            for p in pk.penjelasan
        ],
        "rencana_aksi": [
            {
                "indikator": r.indikator,
                "target_periode": [{"periode": k, "target": v} for k, v in r.target_periode],
                "baris": r.baris,
            }
            for r in pk.rencana_aksi
        ],
        "catatan": [{"baris": c.baris, "pesan": c.pesan} for c in pk.catatan],
    }

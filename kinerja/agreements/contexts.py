"""The PK document as a context: one frozen structure that the HTML page (and later PDF/DOCX) reads.

Values stay raw (Decimal, digits); the renderers format them (kinerja.agreements.templatetags).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kinerja.agreements.models import Indikator, PerjanjianKinerja, Program, Sasaran, TandaTangan, Tingkat


@dataclass(frozen=True)
class BarisKinerja:
    """One row of the tabel kinerja: the sasaran cell appears on its first indicator's row only."""

    nomor: int | None
    sasaran: Sasaran | None
    rowspan: int
    indikator: Indikator | None


@dataclass(frozen=True)
class KelompokTingkat:
    """The rows of one level (Sasaran Strategis / Program / Kegiatan), numbered from 1."""

    tingkat: str
    judul: str
    baris: tuple[BarisKinerja, ...]


@dataclass(frozen=True)
class BlokTandaTangan:
    """A signature block as printed (or, for a PK made in the app, from the parties' snapshot)."""

    pihak: str
    jabatan: str
    nama: str
    nip: str
    pangkat: str


@dataclass(frozen=True)
class Pengesahan:
    """Place, date and the two signature blocks of one part (Pihak Kedua left, Pihak Pertama right)."""

    tempat: str
    tanggal: str
    kedua: BlokTandaTangan | None
    pertama: BlokTandaTangan | None


@dataclass(frozen=True)
class HalamanPK:
    """Everything the PK document shows, read from prefetched objects (no further queries)."""

    pk: PerjanjianKinerja
    unit_nama: str
    pemerintah_nama: str
    pernyataan: Pengesahan
    kelompok: tuple[KelompokTingkat, ...]
    program: tuple[Program, ...]
    total_anggaran: Decimal | None
    total_tercetak_berbeda: bool
    lampiran_1: Pengesahan
    penjelasan: tuple[Indikator, ...]
    jumlah_indikator: int


def _blok_tercetak(t: TandaTangan) -> BlokTandaTangan:
    return BlokTandaTangan(pihak=t.pihak, jabatan=t.jabatan, nama=t.nama, nip=t.nip, pangkat=t.pangkat)


def _blok_snapshot(pk: PerjanjianKinerja, ke: str) -> BlokTandaTangan | None:
    nama = getattr(pk, f"pihak_{ke}_nama")
    if not nama:
        return None
    return BlokTandaTangan(
        pihak=ke,
        jabatan=getattr(pk, f"pihak_{ke}_jabatan"),
        nama=nama,
        nip=getattr(pk, f"pihak_{ke}_nip"),
        pangkat=getattr(pk, f"pihak_{ke}_pangkat"),
    )


def _pengesahan(pk: PerjanjianKinerja, semua: list[TandaTangan], bagian: str) -> Pengesahan:
    """The signatures of one part as printed; a PK without printed blocks shows its parties."""
    tercetak = [t for t in semua if t.bagian == bagian]
    blok = {ke: next((t for t in tercetak if t.pihak == ke), None) for ke in ("pertama", "kedua")}
    berwaktu = next((t for t in tercetak if t.tempat or t.tanggal), None)
    if berwaktu is not None and (
        bagian != TandaTangan.Bagian.PERNYATAAN or not (pk.tempat or pk.tanggal_teks)
    ):
        tempat, tanggal = berwaktu.tempat, berwaktu.tanggal
    else:
        # The statement page's place and date are the PK's own.
        tempat, tanggal = pk.tempat, pk.tanggal_teks
    return Pengesahan(
        tempat=tempat,
        tanggal=tanggal,
        kedua=_blok_tercetak(blok["kedua"]) if blok["kedua"] else _blok_snapshot(pk, "kedua"),
        pertama=_blok_tercetak(blok["pertama"]) if blok["pertama"] else _blok_snapshot(pk, "pertama"),
    )


def _kelompok(sasaran: list[Sasaran]) -> tuple[KelompokTingkat, ...]:
    hasil = []
    for tingkat in Tingkat:
        baris: list[BarisKinerja] = []
        nomor = 0
        for s in sasaran:
            if s.tingkat != tingkat:
                continue
            nomor += 1
            indikator = list(s.indikator.all())
            if not indikator:
                baris.append(BarisKinerja(nomor=nomor, sasaran=s, rowspan=1, indikator=None))
                continue
            for i, ind in enumerate(indikator):
                pertama = i == 0
                baris.append(
                    BarisKinerja(
                        nomor=nomor if pertama else None,
                        sasaran=s if pertama else None,
                        rowspan=len(indikator) if pertama else 0,
                        indikator=ind,
                    )
                )
        if baris:
            hasil.append(KelompokTingkat(tingkat=tingkat.value, judul=str(tingkat.label), baris=tuple(baris)))
    return tuple(hasil)


def halaman_pk(pk: PerjanjianKinerja) -> HalamanPK:
    """Build the page context of a PK fetched with `PerjanjianKinerja.objects.untuk_halaman()`."""
    sasaran = list(pk.sasaran.all())
    indikator = [ind for s in sasaran for ind in s.indikator.all()]
    tanda_tangan = list(pk.tanda_tangan.all())
    induk = pk.unit.induk
    total = pk.total_anggaran
    return HalamanPK(
        pk=pk,
        unit_nama=pk.unit.nama,
        pemerintah_nama=induk.nama if induk is not None else "",
        pernyataan=_pengesahan(pk, tanda_tangan, TandaTangan.Bagian.PERNYATAAN),
        kelompok=_kelompok(sasaran),
        program=tuple(pk.program.all()),
        total_anggaran=total,
        total_tercetak_berbeda=(
            pk.total_anggaran_tercetak is not None and total is not None and pk.total_anggaran_tercetak != total
        ),
        lampiran_1=_pengesahan(pk, tanda_tangan, TandaTangan.Bagian.LAMPIRAN_1),
        penjelasan=tuple(ind for ind in indikator if ind.berpenjelasan),
        jumlah_indikator=len(indikator),
    )

"""The PK document as a context: one frozen structure that the HTML page (and later PDF/DOCX) reads.

`halaman_pk(pk)` reads the PK's parts with a fixed number of queries (seven in all, with the PK
itself), whatever its size, into plain frozen rows: building model instances and prefetched
managers for hundreds of indicators cost more than rendering them (bench/bench_pk_page.py). Values stay raw (Decimal, digits); the
renderers format them (kinerja.agreements.templatetags.format_id).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from kinerja.agreements.models import (
    Baseline,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    Program,
    Sasaran,
    TandaTangan,
    Tingkat,
    nilai_tercetak,
)


class _Baris:
    """A row whose fields can also be read as items.

    Django's template lookup tries `obj[name]` before `obj.name`; answering it saves raising and
    catching a TypeError for every cell of a 200-indicator document (about 15% of its render time).
    """

    __slots__ = ()

    def __getitem__(self, nama: str):
        try:
            return getattr(self, nama)
        except AttributeError:
            raise KeyError(nama) from None


@dataclass(frozen=True, slots=True)
class BaselineBaris(_Baris):
    tahun: int
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None


@dataclass(frozen=True, slots=True)
class IndikatorBaris(_Baris):
    """An indicator with its target and (when it has one) its penjelasan, as the page shows it."""

    id: int
    uraian: str
    satuan: str
    target_nilai: Decimal | None
    target_desimal: int | None
    target_teks: str
    target_predikat: str
    berpenjelasan: bool
    uraian_sasaran_penjelasan: str
    relevansi: str
    formulasi: str
    sumber_data: str
    target_penjelasan: str
    penjelasan_target: str
    jumlah_indikator_tertulis: str
    dasar_hukum: tuple[str, ...]
    baseline: tuple[BaselineBaris, ...]

    @property
    def target_nilai_tampil(self) -> Decimal | None:
        return nilai_tercetak(self.target_nilai, self.target_desimal)


@dataclass(frozen=True, slots=True)
class BarisKinerja(_Baris):
    """One row of the tabel kinerja: the sasaran cell appears on its first indicator's row only."""

    nomor: int | None
    sasaran: str | None
    rowspan: int
    indikator: IndikatorBaris | None


@dataclass(frozen=True, slots=True)
class KelompokTingkat:
    """The rows of one level (Sasaran Strategis / Program / Kegiatan), numbered from 1."""

    tingkat: str
    judul: str
    baris: tuple[BarisKinerja, ...]


@dataclass(frozen=True, slots=True)
class ProgramBaris:
    nama: str
    anggaran: Decimal | None


@dataclass(frozen=True, slots=True)
class BlokTandaTangan:
    """A signature block as printed (or, for a PK made in the app, from the parties' snapshot)."""

    pihak: str
    jabatan: str
    nama: str
    nip: str
    pangkat: str


@dataclass(frozen=True, slots=True)
class Pengesahan:
    """Place, date and the two signature blocks of one part (Pihak Kedua left, Pihak Pertama right)."""

    tempat: str
    tanggal: str
    kedua: BlokTandaTangan | None
    pertama: BlokTandaTangan | None


@dataclass(frozen=True, slots=True)
class HalamanPK:
    """Everything the PK document shows."""

    pk: PerjanjianKinerja
    unit_nama: str
    pemerintah_nama: str
    pernyataan: Pengesahan
    kelompok: tuple[KelompokTingkat, ...]
    program: tuple[ProgramBaris, ...]
    total_anggaran: Decimal | None
    total_tercetak_berbeda: bool
    lampiran_1: Pengesahan
    penjelasan: tuple[IndikatorBaris, ...]
    jumlah_indikator: int


_TANDA_TANGAN = ("bagian", "pihak", "nama", "jabatan", "nip", "pangkat", "tempat", "tanggal")
_INDIKATOR = (
    "id",
    "sasaran_id",
    "uraian",
    "satuan",
    "target_nilai",
    "target_desimal",
    "target_teks",
    "target_predikat",
    "berpenjelasan",
    "uraian_sasaran_penjelasan",
    "relevansi",
    "formulasi",
    "sumber_data",
    "target_penjelasan",
    "penjelasan_target",
    "jumlah_indikator_tertulis",
)


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


def _pengesahan(pk: PerjanjianKinerja, semua: list[dict], bagian: str) -> Pengesahan:
    """The signatures of one part as printed; a PK without printed blocks shows its parties."""
    tercetak = [t for t in semua if t["bagian"] == bagian]
    blok: dict[str, BlokTandaTangan | None] = {}
    for ke in ("pertama", "kedua"):
        t = next((t for t in tercetak if t["pihak"] == ke), None)
        blok[ke] = (
            BlokTandaTangan(
                pihak=ke, jabatan=t["jabatan"], nama=t["nama"], nip=t["nip"], pangkat=t["pangkat"]
            )
            if t is not None
            else _blok_snapshot(pk, ke)
        )
    berwaktu = next((t for t in tercetak if t["tempat"] or t["tanggal"]), None)
    pernyataan = bagian == TandaTangan.Bagian.PERNYATAAN
    if berwaktu is not None and not (pernyataan and (pk.tempat or pk.tanggal_teks)):
        tempat, tanggal = berwaktu["tempat"], berwaktu["tanggal"]
    else:
        # The statement page's place and date are the PK's own.
        tempat, tanggal = pk.tempat, pk.tanggal_teks
    return Pengesahan(tempat=tempat, tanggal=tanggal, kedua=blok["kedua"], pertama=blok["pertama"])


def _kelompok(
    sasaran: list[dict], per_sasaran: dict[int, list[IndikatorBaris]]
) -> tuple[KelompokTingkat, ...]:
    hasil = []
    for tingkat in Tingkat:
        baris: list[BarisKinerja] = []
        nomor = 0
        for s in sasaran:
            if s["tingkat"] != tingkat:
                continue
            nomor += 1
            indikator = per_sasaran.get(s["id"], [])
            if not indikator:
                baris.append(BarisKinerja(nomor=nomor, sasaran=s["uraian"], rowspan=1, indikator=None))
                continue
            baris.append(
                BarisKinerja(nomor=nomor, sasaran=s["uraian"], rowspan=len(indikator), indikator=indikator[0])
            )
            baris.extend(
                BarisKinerja(nomor=None, sasaran=None, rowspan=0, indikator=i) for i in indikator[1:]
            )
        if baris:
            hasil.append(KelompokTingkat(tingkat=tingkat.value, judul=str(tingkat.label), baris=tuple(baris)))
    return tuple(hasil)


def halaman_pk(pk: PerjanjianKinerja) -> HalamanPK:
    """Build the page context of a PK (fetched with its unit and the unit's induk): six queries."""
    sasaran = list(
        Sasaran.objects.filter(perjanjian=pk).order_by("urutan", "pk").values("id", "tingkat", "uraian")
    )
    dasar_hukum: dict[int, list[str]] = defaultdict(list)
    for indikator_id, teks in (
        DasarHukum.objects.filter(indikator__sasaran__perjanjian=pk)
        .order_by("urutan", "pk")
        .values_list("indikator_id", "teks")
    ):
        dasar_hukum[indikator_id].append(teks)
    baseline: dict[int, list[BaselineBaris]] = defaultdict(list)
    for indikator_id, tahun, target, realisasi, capaian in (
        Baseline.objects.filter(indikator__sasaran__perjanjian=pk)
        .order_by("tahun", "pk")
        .values_list("indikator_id", "tahun", "target", "realisasi", "capaian")
    ):
        baseline[indikator_id].append(BaselineBaris(tahun, target, realisasi, capaian))

    per_sasaran: dict[int, list[IndikatorBaris]] = defaultdict(list)
    for row in (
        Indikator.objects.filter(sasaran__perjanjian=pk).order_by("urutan", "pk").values_list(*_INDIKATOR)
    ):
        data = dict(zip(_INDIKATOR, row, strict=True))
        sasaran_id = data.pop("sasaran_id")
        per_sasaran[sasaran_id].append(
            IndikatorBaris(
                **data,
                dasar_hukum=tuple(dasar_hukum.get(data["id"], ())),
                baseline=tuple(baseline.get(data["id"], ())),
            )
        )
    # Document order: by sasaran, then by the indicator's place in it.
    indikator = [i for s in sasaran for i in per_sasaran.get(s["id"], [])]

    program = tuple(
        ProgramBaris(nama, anggaran)
        for nama, anggaran in Program.objects.filter(perjanjian=pk)
        .order_by("urutan", "pk")
        .values_list("nama", "anggaran")
    )
    anggaran = [p.anggaran for p in program if p.anggaran is not None]
    total = sum(anggaran, Decimal("0")) if anggaran else None
    tanda_tangan = list(
        TandaTangan.objects.filter(perjanjian=pk).order_by("urutan", "pk").values(*_TANDA_TANGAN)
    )
    induk = pk.unit.induk
    return HalamanPK(
        pk=pk,
        unit_nama=pk.unit.nama,
        pemerintah_nama=induk.nama if induk is not None else "",
        pernyataan=_pengesahan(pk, tanda_tangan, TandaTangan.Bagian.PERNYATAAN),
        kelompok=_kelompok(sasaran, per_sasaran),
        program=program,
        total_anggaran=total,
        total_tercetak_berbeda=(
            pk.total_anggaran_tercetak is not None
            and total is not None
            and pk.total_anggaran_tercetak != total
        ),
        lampiran_1=_pengesahan(pk, tanda_tangan, TandaTangan.Bagian.LAMPIRAN_1),
        penjelasan=tuple(i for i in indikator if i.berpenjelasan),
        jumlah_indikator=len(indikator),
    )

"""The PK as an official document: one frozen context that every renderer reads.

`dokumen_pk(pk)` takes the domain `NaskahPK` — parsed from a file, or read from the database
by `kinerja.agreements.domain_pk.to_domain` — and computes everything a page shows once: numbers in
Indonesian formats (docs/formulas.md), the total and its terbilang, the sasaran grouped by level and
numbered, the three signature blocks. The PDF (Typst), the DOCX (docxtpl) and the XLSX (openpyxl)
only lay it out; none of them formats a number.

Names printed: the PK's parties (`pihak_pertama`, `pihak_kedua`: for a stored PK the snapshot taken
when it was signed) sign every part — statement, Lampiran 1, Lampiran 2 — with the PK's place and
date. A source document may spell a name differently in one block ("ST. HAKRAN" under Lampiran 1);
kinerja keeps that as printed for the review, but a document kinerja renders is consistent by
construction. The words are Indonesian whatever the user's language: this is the official document.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from kinerja.domain import numbers
from kinerja.domain import pk as d
from kinerja.domain.nip import format_nip, normalise_nip
from kinerja.domain.tanggal import TanggalError, format_tanggal, parse_tanggal

JUDUL_TINGKAT: dict[str, str] = {
    "strategis": "Sasaran Strategis",
    "program": "Sasaran Program",
    "kegiatan": "Sasaran Kegiatan",
}


@dataclass(frozen=True, slots=True)
class Verifikasi:
    """The verification printed on a published PK's PDF: the public page's URL (shown and as QR)."""

    token: str
    url: str


@dataclass(frozen=True, slots=True)
class PihakDok:
    """A party as the statement lists it ("Nama : …"); empty strings for what is not known."""

    nama: str
    jabatan: str
    nip: str  # grouped 8-6-1-3, "" when there is none
    pangkat: str


@dataclass(frozen=True, slots=True)
class BlokTandaTangan:
    """One signature block: "Pihak Kedua," / jabatan / (space) / nama / pangkat / "NIP. …"."""

    pihak: str  # "pertama" | "kedua"
    peran: str  # "Pihak Pertama,"
    jabatan: str
    nama: str
    pangkat: str
    nip: str  # "NIP. 19711010 199312 2 003", or "" when the party has no NIP
    jalur: str = ""  # the review's place: "tanda_tangan[3]" (as printed) or "pihak_pertama"


@dataclass(frozen=True, slots=True)
class Pengesahan:
    """Place, date and the signature blocks of one part: Pihak Kedua left, Pihak Pertama right."""

    tempat_tanggal: str
    kiri: BlokTandaTangan | None
    kanan: BlokTandaTangan | None


@dataclass(frozen=True, slots=True)
class TargetDok:
    """A target as printed ("84,00 (Baik)", "100%", "8 unit", "BB") with the values it was built from."""

    teks: str
    nilai: Decimal | None
    satuan: str
    predikat: str


@dataclass(frozen=True, slots=True)
class BarisKinerja:
    """A row of the tabel kinerja: one indicator and its target (both "" for a sasaran without one)."""

    indikator: str
    target: TargetDok | None
    jalur: str = ""  # the review's place, "sasaran[0].indikator[1]": the page links findings to it
    id_html: str = ""  # the same as an HTML id, "sasaran-0-indikator-1"


@dataclass(frozen=True, slots=True)
class SasaranDok:
    """A sasaran with its number within its level and its rows (at least one)."""

    nomor: int
    uraian: str
    baris: tuple[BarisKinerja, ...]
    jalur: str = ""  # "sasaran[0]"
    id_html: str = ""


@dataclass(frozen=True, slots=True)
class KelompokTingkat:
    """The sasaran of one level under its heading ("Sasaran Strategis"), numbered from 1."""

    tingkat: str
    judul: str
    sasaran: tuple[SasaranDok, ...]


@dataclass(frozen=True, slots=True)
class ProgramDok:
    nomor: int
    nama: str
    anggaran: str  # "Rp1.521.097.505,00", "" when not known
    anggaran_nilai: Decimal | None
    jalur: str = ""  # "program[0]"
    id_html: str = ""


@dataclass(frozen=True, slots=True)
class BaselineDok:
    """A previous year's target, realisasi and capaian (formatted; the values for the spreadsheet)."""

    tahun: int
    target: str
    realisasi: str
    capaian: str
    target_nilai: Decimal | None
    realisasi_nilai: Decimal | None
    capaian_nilai: Decimal | None


@dataclass(frozen=True, slots=True)
class PenjelasanDok:
    """Lampiran 2 for one indicator."""

    nomor: int
    indikator: str
    uraian_sasaran: str
    dasar_hukum: tuple[str, ...]
    jumlah_indikator: str  # the word of "memiliki Satu indikator kinerja"
    relevansi: str
    formulasi: str
    sumber_data: str
    target: str
    penjelasan_target: str
    baseline: tuple[BaselineDok, ...]
    jalur: str = ""  # "penjelasan[0]"
    id_html: str = ""


@dataclass(frozen=True, slots=True)
class DokumenPK:
    """Everything the PK document prints, formatted, in printing order."""

    tahun: int | None
    jenis: str
    judul: str  # "PERJANJIAN KINERJA TAHUN 2024" (… PERUBAHAN …)
    kepala_halaman: str  # the running header of pages 2 and on
    judul_lampiran_1: str  # "LAMPIRAN 1 PERJANJIAN KINERJA"
    judul_lampiran_2: str
    unit: str
    pemerintah: str
    unit_judul: str  # "KECAMATAN BAJENG KABUPATEN GOWA" (Lampiran 1 heading)
    jabatan_judul: str  # "CAMAT BAJENG" (Lampiran 2 heading)
    alasan_perubahan: str
    pihak_pertama: PihakDok
    pihak_kedua: PihakDok | None
    tempat_tanggal: str
    pernyataan: Pengesahan
    lampiran_1: Pengesahan
    lampiran_2: Pengesahan
    kelompok: tuple[KelompokTingkat, ...]
    jumlah_indikator: int
    program: tuple[ProgramDok, ...]
    total_anggaran: str
    total_anggaran_nilai: Decimal | None
    terbilang: str  # "Lima miliar … rupiah", "" without a total
    # The total printed in the source when it differs from the sum of the programs (the record view
    # shows it; documents print the sum), else "".
    total_tercetak_berbeda: str
    penjelasan: tuple[PenjelasanDok, ...]
    verifikasi: Verifikasi | None
    rupiah_spasi: bool
    # The mark on every page of a PK that is not published: "DRAF" (or "DIGANTI", "DICABUT"); "" when
    # published. A marked document never carries a verification QR code.
    tanda_air: str = ""

    @property
    def nama_berkas(self) -> str:
        """A file name without extension: "PK-2024-Kecamatan-Bajeng"."""
        return nama_berkas(self.tahun, self.jenis, self.unit)

    def to_json(self) -> str:
        """The context as JSON (decimals as strings): what the Typst template reads."""
        return json.dumps(_jsonable(self), ensure_ascii=False, separators=(",", ":"))


def nama_berkas(tahun: int | None, jenis: str, unit: str | None) -> str:
    """A file name without extension for a PK: "PK-2024-Kecamatan-Bajeng", "PK-2024-Perubahan-…"."""
    bagian = ["PK", str(tahun or ""), "Perubahan" if jenis == "perubahan" else "", unit or "tanpa-unit"]
    teks = "-".join(b for b in bagian if b)
    hasil = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in teks)
    while "--" in hasil:
        hasil = hasil.replace("--", "-")
    return hasil.strip("-")


def _jsonable(value: Any) -> Any:
    """`value` (the context: frozen dataclasses, tuples, decimals) as plain JSON values.

    Field names are read once per class (`_nama_field`): `dataclasses.fields` on every node was
    half the time of `to_json`, which every PDF pays (bench/bench_render.py).
    """
    kelas = type(value)
    if kelas is str or value is None or kelas is int or kelas is bool:
        return value
    if kelas is tuple or kelas is list:
        return [_jsonable(v) for v in value]
    if kelas is Decimal:
        return str(value)
    nama = _nama_field(kelas)
    if nama is not None:
        return {n: _jsonable(getattr(value, n)) for n in nama}
    return value


@functools.cache
def _nama_field(kelas: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type."""
    if dataclasses.is_dataclass(kelas):
        return tuple(f.name for f in dataclasses.fields(kelas))
    return None


# ---------------------------------------------------------------------------------------------------
# Formats (the one place a document formats a value)
# ---------------------------------------------------------------------------------------------------


def format_target(target: d.Target, *, rupiah_spasi: bool = False) -> str:
    """A target as the document prints it: value and satuan, then the predicate in brackets.

    "84,00 (Baik)" (the normalised word, not a misprint such as "Balk"), "100%", "8 unit", "BB";
    a target without a value prints as written, with a misprinted predicate corrected.
    """
    if target.nilai is None:
        teks = " ".join(target.teks.split())
        if target.predikat and target.predikat_tercetak and target.predikat_tercetak in teks:
            return teks.replace(target.predikat_tercetak, target.predikat)
        return teks or (target.predikat or "")
    satuan = (target.satuan or "").strip()
    if satuan.lower() in {"rp", "rp.", "rupiah"}:
        teks = numbers.format_rupiah(target.nilai, spasi=rupiah_spasi)
    else:
        teks = numbers.format_nilai(target.nilai, satuan or None)
    return f"{teks} ({target.predikat})" if target.predikat else teks


def format_tempat_tanggal(tempat: str | None, tanggal: str | None) -> str:
    """ "Sungguminasa, 2 Januari 2024": the date in PUEBI form when it can be read, else as printed."""
    teks_tanggal = " ".join((tanggal or "").split())
    try:
        dibaca = parse_tanggal(teks_tanggal)
    except TanggalError:
        dibaca = None
    if dibaca is not None:
        teks_tanggal = format_tanggal(dibaca)
    tempat = " ".join((tempat or "").split())
    if tempat and teks_tanggal:
        return f"{tempat}, {teks_tanggal}"
    return tempat or teks_tanggal


def _nip(teks: str | None) -> str:
    if not teks or not teks.strip():
        return ""
    return format_nip(teks) if normalise_nip(teks) else " ".join(teks.split())


def _angka(nilai: Decimal | None) -> str:
    return "" if nilai is None else numbers.format_angka(nilai, None)


def _kapital_awal(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


# ---------------------------------------------------------------------------------------------------
# Building the context
# ---------------------------------------------------------------------------------------------------


def _pihak(p: d.Pihak) -> PihakDok:
    return PihakDok(
        nama=" ".join(p.nama.split()),
        jabatan=" ".join((p.jabatan or "").split()),
        nip=_nip(p.nip),
        pangkat=" ".join((p.pangkat or "").split()),
    )


def _blok(p: PihakDok | None, ke: str, jalur: str = "") -> BlokTandaTangan | None:
    if p is None:
        return None
    return BlokTandaTangan(
        jalur=jalur or f"pihak_{ke}",
        pihak=ke,
        peran="Pihak Pertama," if ke == "pertama" else "Pihak Kedua,",
        jabatan=p.jabatan,
        nama=p.nama,
        pangkat=p.pangkat,
        nip=f"NIP. {p.nip}" if p.nip else "",
    )


def _kelompok(pk: d.NaskahPK, rupiah_spasi: bool) -> tuple[KelompokTingkat, ...]:
    hasil = []
    for tingkat in d.TINGKAT_URUTAN:
        daftar = [(k, s) for k, s in enumerate(pk.sasaran) if s.tingkat == tingkat]
        if not daftar:
            continue
        sasaran = []
        for nomor, (k, s) in enumerate(daftar, start=1):
            baris = tuple(
                BarisKinerja(
                    indikator=" ".join(i.uraian.split()),
                    target=TargetDok(
                        teks=format_target(i.target, rupiah_spasi=rupiah_spasi),
                        nilai=i.target.nilai,
                        satuan=i.target.satuan or "",
                        predikat=i.target.predikat or "",
                    ),
                    jalur=f"sasaran[{k}].indikator[{j}]",
                    id_html=f"sasaran-{k}-indikator-{j}",
                )
                for j, i in enumerate(s.indikator)
            ) or (BarisKinerja(indikator="", target=None),)
            sasaran.append(
                SasaranDok(
                    nomor=nomor,
                    uraian=" ".join(s.uraian.split()),
                    baris=baris,
                    jalur=f"sasaran[{k}]",
                    id_html=f"sasaran-{k}",
                )
            )
        hasil.append(KelompokTingkat(tingkat=tingkat, judul=JUDUL_TINGKAT[tingkat], sasaran=tuple(sasaran)))
    return tuple(hasil)


def _kunci(teks: str) -> str:
    return "".join(c for c in teks.lower() if c.isalnum())


def _penjelasan(p: d.Penjelasan, nomor: int, target_tabel: dict[str, str]) -> PenjelasanDok:
    return PenjelasanDok(
        nomor=nomor,
        jalur=f"penjelasan[{nomor - 1}]",
        id_html=f"penjelasan-{nomor - 1}",
        indikator=" ".join(p.indikator.split()),
        uraian_sasaran=" ".join((p.uraian_sasaran or "").split()),
        dasar_hukum=tuple(" ".join(h.split()) for h in p.dasar_hukum if h.strip()),
        # Each block explains one indicator: "memiliki Satu indikator" unless the source said otherwise.
        jumlah_indikator=p.jumlah_indikator_tertulis or _kapital_awal(numbers.terbilang(1)),
        relevansi=" ".join((p.relevansi or "").split()),
        formulasi=" ".join((p.formulasi or "").split()),
        sumber_data=" ".join((p.sumber_data or "").split()),
        # The target as the penjelasan printed it, else the indicator's target in the tabel kinerja.
        target=" ".join((p.target or "").split()) or target_tabel.get(_kunci(p.indikator), ""),
        penjelasan_target=" ".join((p.penjelasan_target or "").split()),
        baseline=tuple(
            BaselineDok(
                tahun=b.tahun,
                target=_angka(b.target),
                realisasi=_angka(b.realisasi),
                capaian="" if b.capaian is None else numbers.format_persen(b.capaian),
                target_nilai=b.target,
                realisasi_nilai=b.realisasi,
                capaian_nilai=b.capaian,
            )
            for b in p.baseline
        ),
    )


def _blok_tercetak(t: d.TandaTangan, jalur: str) -> BlokTandaTangan:
    return _blok(
        PihakDok(
            nama=" ".join(t.nama.split()),
            jabatan=" ".join((t.jabatan or "").split()),
            nip=_nip(t.nip),
            pangkat=" ".join((t.pangkat or "").split()),
        ),
        t.pihak,
        jalur,
    )  # type: ignore[return-value]


def _pengesahan_tercetak(
    pk: d.NaskahPK, bagian: str, pertama: PihakDok, kedua: PihakDok | None
) -> Pengesahan:
    """One part's signatures as the source printed them; the parties sign where it printed none."""
    tercetak = [(k, t) for k, t in enumerate(pk.tanda_tangan) if t.bagian == bagian]
    blok: dict[str, BlokTandaTangan | None] = {}
    for ke, pihak in (("pertama", pertama), ("kedua", kedua)):
        kt = next(((k, t) for k, t in tercetak if t.pihak == ke), None)
        blok[ke] = _blok_tercetak(kt[1], f"tanda_tangan[{kt[0]}]") if kt is not None else _blok(pihak, ke)
    berwaktu = next((t for _k, t in tercetak if t.tempat or t.tanggal), None)
    if berwaktu is not None and not (bagian == "pernyataan" and (pk.tempat or pk.tanggal)):
        tempat, tanggal = berwaktu.tempat, berwaktu.tanggal
    else:
        tempat, tanggal = pk.tempat, pk.tanggal  # the statement page's place and date are the PK's own
    teks = ", ".join(x for x in (tempat, tanggal) if x)
    return Pengesahan(tempat_tanggal=teks, kiri=blok["kedua"], kanan=blok["pertama"])


def dokumen_pk(
    pk: d.NaskahPK,
    *,
    verifikasi: Verifikasi | None = None,
    rupiah_spasi: bool = False,
    tanda_tangan: Literal["pihak", "tercetak"] = "pihak",
    tanda_air: str = "DRAF",
) -> DokumenPK:
    """Build the document context of a PK once.

    `rupiah_spasi` prints "Rp 1.000,00" (PUEBI: "Rp1.000,00"). `tanda_tangan="pihak"` (documents)
    has the parties sign every part with the PK's place and date; "tercetak" (the record page) shows
    each part's signature blocks, place and date as the source printed them. `tanda_air` is the
    mark of a PK that is not published ("DRAF" by default: a parsed file is not published either);
    "" for a published one, the only kind that carries a `verifikasi`.
    """
    if verifikasi is not None:
        tanda_air = ""
    if pk.pihak_pertama is None:
        raise ValueError("Perjanjian Kinerja tanpa pihak pertama tidak dapat dicetak")
    pertama = _pihak(pk.pihak_pertama)
    kedua = _pihak(pk.pihak_kedua) if pk.pihak_kedua is not None else None
    tempat_tanggal = format_tempat_tanggal(pk.tempat, pk.tanggal)
    if tanda_tangan == "tercetak":
        pernyataan, lampiran_1, lampiran_2 = (
            _pengesahan_tercetak(pk, bagian, pertama, kedua)
            for bagian in ("pernyataan", "lampiran_1", "lampiran_2")
        )
    else:
        pernyataan = lampiran_1 = lampiran_2 = Pengesahan(
            tempat_tanggal=tempat_tanggal, kiri=_blok(kedua, "kedua"), kanan=_blok(pertama, "pertama")
        )

    program = tuple(
        ProgramDok(
            nomor=n,
            nama=" ".join(f"{p.kode or ''} {p.nama}".split()),
            anggaran="" if p.anggaran is None else numbers.format_rupiah(p.anggaran, spasi=rupiah_spasi),
            anggaran_nilai=p.anggaran,
            jalur=f"program[{n - 1}]",
            id_html=f"program-{n - 1}",
        )
        for n, p in enumerate(pk.program, start=1)
    )
    # The total is the sum of the programs printed above it (a kegiatan's anggaran is part of its
    # program's); a PK without programs keeps its stated total.
    jumlah = d.total_program(pk.program)
    total = numbers.bulatkan(jumlah) if jumlah is not None else pk.total_anggaran

    unit = " ".join((pk.unit or "").split())
    pemerintah = " ".join((pk.pemerintah or "").split())
    perubahan = " PERUBAHAN" if pk.jenis == "perubahan" else ""
    kelompok = _kelompok(pk, rupiah_spasi)
    target_tabel = {
        _kunci(b.indikator): b.target.teks
        for k in kelompok
        for s in k.sasaran
        for b in s.baris
        if b.target is not None
    }
    judul = f"PERJANJIAN KINERJA{perubahan} TAHUN {pk.tahun or ''}".strip()
    return DokumenPK(
        tahun=pk.tahun,
        jenis=pk.jenis,
        judul=judul,
        judul_lampiran_1=f"LAMPIRAN 1 PERJANJIAN KINERJA{perubahan}",
        judul_lampiran_2=f"LAMPIRAN 2 PERJANJIAN KINERJA{perubahan}",
        kepala_halaman=" · ".join(x for x in (judul.capitalize(), unit) if x),
        unit=unit,
        pemerintah=pemerintah,
        unit_judul=" ".join(x for x in (unit, pemerintah) if x).upper(),
        jabatan_judul=(pertama.jabatan or unit).upper(),
        alasan_perubahan=" ".join((pk.alasan_perubahan or "").split()),
        pihak_pertama=pertama,
        pihak_kedua=kedua,
        tempat_tanggal=tempat_tanggal,
        pernyataan=pernyataan,
        lampiran_1=lampiran_1,
        lampiran_2=lampiran_2,
        kelompok=kelompok,
        jumlah_indikator=sum(len(s.indikator) for s in pk.sasaran),
        program=program,
        total_anggaran="" if total is None else numbers.format_rupiah(total, spasi=rupiah_spasi),
        total_anggaran_nilai=total,
        terbilang="" if total is None else _kapital_awal(numbers.terbilang_rupiah(total)),
        total_tercetak_berbeda=(
            numbers.format_rupiah(pk.total_anggaran_tercetak, spasi=rupiah_spasi)
            if pk.total_anggaran_tercetak is not None
            and total is not None
            and pk.total_anggaran_tercetak != total
            else ""
        ),
        penjelasan=tuple(_penjelasan(p, n, target_tabel) for n, p in enumerate(pk.penjelasan, start=1)),
        verifikasi=verifikasi,
        rupiah_spasi=rupiah_spasi,
        tanda_air=tanda_air,
    )

"""The Perjanjian Kinerja as text (`NaskahPK`): frozen dataclasses, each field described once.

These are what `pk_text.parse` returns, what the import stores, what a stored PK is read back as
(`kinerja.agreements.domain_pk`), and what the review and the document renderers read. The JSON keys
are fixed: other programs read them (issue #2). Decimals are written as strings, never as floats.

Each field carries its description as metadata (`kolom(...)`: label, kind, length, stored column): the
JSON (`to_json`), the Django model fields of the PK's parts (`kinerja.agreements.kolom`), the import's
write, the read back, and the labels of the comparison and the audit trail all derive from it, so a
field is added in one place (docs/adr/0003-pk-lifecycle.md, decision 5).
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Tingkat = Literal["strategis", "program", "kegiatan"]
Jenis = Literal["murni", "perubahan"]
Bagian = Literal["pernyataan", "lampiran_1", "lampiran_2", "lainnya"]
PihakKe = Literal["pertama", "kedua"]
# A row of the budget table: a program, a kegiatan or a sub kegiatan (Permendagri 90/2019 nomenclature).
JenisProgram = Literal["program", "kegiatan", "sub_kegiatan"]
JENIS_PROGRAM: tuple[JenisProgram, ...] = ("program", "kegiatan", "sub_kegiatan")

TINGKAT_URUTAN: tuple[Tingkat, ...] = ("strategis", "program", "kegiatan")

# How a field is stored and compared:
# - "teks": free text (no length limit); "pendek": a short text of at most `maks` characters;
# - "desimal": a value as printed (up to 4 decimals); "uang": Rupiah (2 decimals); "bilangan": a count;
# - "bagian": a nested dataclass stored in its parent's row (columns `awalan` + its own names);
# - "daftar": rows of their own (stored by their own model, compared by their own rules);
# - "lain": not stored as a column (derived, a key, or stored in another shape).
JenisKolom = Literal["teks", "pendek", "desimal", "uang", "bilangan", "bagian", "daftar", "lain"]


def gettext_noop(teks: str) -> str:
    """Mark a label for translation (Django's makemessages finds this name) without translating it."""
    return teks


def kolom(
    label: str,
    jenis: JenisKolom = "teks",
    *,
    maks: int | None = None,
    nama_kolom: str | None = None,
    awalan: str = "",
    banding: bool = True,
    utuh: bool = False,
    wajib: bool = False,
    json: Callable[[Any], Any] | None = None,
) -> dict[str, Any]:
    """The one description of a field, as dataclass metadata.

    `label`: the Indonesian label (translated in the interface); `nama_kolom`: the stored column when it
    is not `awalan` + the field's name; `banding=False`: not part of a comparison (line numbers);
    `utuh`: a "bagian" compared as one value (a target reads as its printed text); `wajib`: never empty.
    `json`: the field's JSON form when it is not the generic one.
    """
    return {
        "label": label,
        "jenis": jenis,
        "maks": maks,
        "nama_kolom": nama_kolom,
        "awalan": awalan,
        "banding": banding,
        "utuh": utuh,
        "wajib": wajib,
        "json": json,
    }


_BARIS = kolom(gettext_noop("baris di berkas sumber"), "bilangan", banding=False)


def _baris() -> Any:
    return field(default=None, metadata=_BARIS)


@dataclass(frozen=True)
class Pihak:
    """A party of the PK as named on the statement page."""

    nama: str = field(metadata=kolom(gettext_noop("nama"), "pendek", maks=255))
    jabatan: str | None = field(default=None, metadata=kolom(gettext_noop("jabatan"), "pendek", maks=255))
    nip: str | None = field(default=None, metadata=kolom(gettext_noop("NIP"), "pendek", maks=32))
    pangkat: str | None = field(default=None, metadata=kolom(gettext_noop("pangkat"), "pendek", maks=255))
    # The line of its name ("Nama : …"), when read from a file.
    baris: int | None = field(default=None, metadata=kolom(_BARIS["label"], "lain", banding=False))


@dataclass(frozen=True)
class TandaTangan:
    """One signature block, kept exactly as printed (spellings may differ between blocks)."""

    bagian: Bagian = field(metadata=kolom(gettext_noop("bagian"), "pendek", maks=16))
    pihak: PihakKe = field(metadata=kolom(gettext_noop("pihak"), "pendek", maks=8))
    nama: str = field(metadata=kolom(gettext_noop("nama"), "pendek", maks=255, wajib=True))
    jabatan: str | None = field(default=None, metadata=kolom(gettext_noop("jabatan"), "pendek", maks=255))
    nip: str | None = field(default=None, metadata=kolom(gettext_noop("NIP"), "pendek", maks=32))
    pangkat: str | None = field(default=None, metadata=kolom(gettext_noop("pangkat"), "pendek", maks=255))
    tempat: str | None = field(default=None, metadata=kolom(gettext_noop("tempat"), "pendek", maks=255))
    tanggal: str | None = field(
        default=None, metadata=kolom(gettext_noop("tanggal (tercetak)"), "pendek", maks=64)
    )
    baris: int | None = _baris()


@dataclass(frozen=True)
class Target:
    """A target as printed, with the value (a range's bounds), unit and predicate read from it.

    `predikat` is the normalised word ("Baik"); `predikat_tercetak` keeps the printed one ("Balk")
    when they differ.
    """

    teks: str = field(metadata=kolom(gettext_noop("target (tercetak)"), nama_kolom="target_teks"))
    nilai: Decimal | None = field(
        default=None, metadata=kolom(gettext_noop("nilai target"), "desimal", nama_kolom="target_nilai")
    )
    # A range "80–90%", "5 s.d. 10 unit": `nilai` is its lower bound and this its upper one.
    nilai_atas: Decimal | None = field(
        default=None,
        metadata=kolom(gettext_noop("batas atas target"), "desimal", nama_kolom="target_nilai_atas"),
    )
    satuan: str | None = field(
        default=None, metadata=kolom(gettext_noop("satuan"), "pendek", maks=128, nama_kolom="satuan")
    )
    predikat: str | None = field(
        default=None,
        metadata=kolom(gettext_noop("predikat target"), "pendek", maks=64, nama_kolom="target_predikat"),
    )
    predikat_tercetak: str | None = field(
        default=None,
        metadata=kolom(
            gettext_noop("predikat target (tercetak)"),
            "pendek",
            maks=64,
            nama_kolom="target_predikat_tercetak",
        ),
    )


@dataclass(frozen=True)
class Indikator:
    uraian: str = field(metadata=kolom(gettext_noop("uraian"), wajib=True))
    target: Target = field(metadata=kolom(gettext_noop("target"), "bagian", utuh=True))
    baris: int | None = _baris()


@dataclass(frozen=True)
class Sasaran:
    tingkat: Tingkat = field(metadata=kolom(gettext_noop("tingkat"), "pendek", maks=16))
    uraian: str = field(metadata=kolom(gettext_noop("uraian"), wajib=True))
    indikator: tuple[Indikator, ...] = field(
        default=(), metadata=kolom(gettext_noop("indikator"), "daftar", banding=False)
    )
    baris: int | None = _baris()


@dataclass(frozen=True)
class Program:
    """A row of the budget table: a program, or one of its kegiatan or sub kegiatan, with its anggaran.

    `kode` is the code of the Permendagri 90/2019 nomenclature as printed ("7.01.02", "7.01.02.2.01",
    "7.01.02.2.01.0001"); a kegiatan's anggaran is part of its program's (see `total_program`).
    """

    nama: str = field(metadata=kolom(gettext_noop("nama"), wajib=True))
    anggaran: Decimal | None = field(default=None, metadata=kolom(gettext_noop("anggaran (Rp)"), "uang"))
    jenis: JenisProgram = field(default="program", metadata=kolom(gettext_noop("jenis"), "pendek", maks=16))
    kode: str | None = field(default=None, metadata=kolom(gettext_noop("kode"), "pendek", maks=64))
    baris: int | None = _baris()


def _tingkat_program(p: Program) -> int:
    return JENIS_PROGRAM.index(p.jenis) if p.jenis in JENIS_PROGRAM else 0


def program_puncak(program: tuple[Program, ...] | list[Program]) -> list[Program]:
    """The rows of the highest level present: the programs, or the kegiatan when no program is listed."""
    if not program:
        return []
    puncak = min(_tingkat_program(p) for p in program)
    return [p for p in program if _tingkat_program(p) == puncak]


def total_program(program: tuple[Program, ...] | list[Program]) -> Decimal | None:
    """The PK's budget: the sum of the rows of the highest level present, since a kegiatan's anggaran
    is part of its program's. None when no such row has an amount."""
    nilai = [p.anggaran for p in program_puncak(program) if p.anggaran is not None]
    return sum(nilai, Decimal("0.00")) if nilai else None


@dataclass(frozen=True)
class Baseline:
    """A previous year's figures quoted in the penjelasan (target, realisasi, capaian %)."""

    tahun: int = field(metadata=kolom(gettext_noop("tahun"), "bilangan"))
    target: Decimal | None = field(default=None, metadata=kolom(gettext_noop("target"), "desimal"))
    realisasi: Decimal | None = field(default=None, metadata=kolom(gettext_noop("realisasi"), "desimal"))
    capaian: Decimal | None = field(default=None, metadata=kolom(gettext_noop("capaian (%)"), "desimal"))


@dataclass(frozen=True)
class Penjelasan:
    """Lampiran 2: the explanation of one indicator (stored on the indicator's row)."""

    # The indicator it explains, by its words: the key that pairs it with the tabel kinerja.
    indikator: str = field(metadata=kolom(gettext_noop("indikator"), "lain", banding=False))
    uraian_sasaran: str | None = field(
        default=None,
        metadata=kolom(gettext_noop("uraian sasaran (penjelasan)"), nama_kolom="uraian_sasaran_penjelasan"),
    )
    dasar_hukum: tuple[str, ...] = field(default=(), metadata=kolom(gettext_noop("dasar hukum"), "daftar"))
    relevansi: str | None = field(default=None, metadata=kolom(gettext_noop("relevansi")))
    formulasi: str | None = field(default=None, metadata=kolom(gettext_noop("formulasi")))
    sumber_data: str | None = field(default=None, metadata=kolom(gettext_noop("sumber data")))
    target: str | None = field(
        default=None, metadata=kolom(gettext_noop("target (penjelasan)"), nama_kolom="target_penjelasan")
    )
    penjelasan_target: str | None = field(default=None, metadata=kolom(gettext_noop("penjelasan target")))
    baseline: tuple[Baseline, ...] = field(default=(), metadata=kolom(gettext_noop("baseline"), "daftar"))
    jumlah_indikator_tertulis: str | None = field(
        default=None, metadata=kolom(gettext_noop("jumlah indikator tertulis"), "pendek", maks=64)
    )
    baris: int | None = field(default=None, metadata=kolom(_BARIS["label"], "lain", banding=False))
    # The line of each dasar hukum entry, when read from a file.
    baris_dasar_hukum: tuple[int | None, ...] = field(
        default=(), metadata=kolom(gettext_noop("baris dasar hukum"), "lain", banding=False)
    )


def _target_periode_json(nilai: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    return [{"periode": k, "target": v} for k, v in nilai]


@dataclass(frozen=True)
class RencanaAksi:
    """A row of a Rencana Aksi found after the PK: kept apart from the tabel kinerja."""

    indikator: str = field(metadata=kolom(gettext_noop("indikator (tercetak)")))
    target_periode: tuple[tuple[str, str], ...] = field(
        default=(), metadata=kolom(gettext_noop("target per periode"), "lain", json=_target_periode_json)
    )
    baris: int | None = _baris()


@dataclass(frozen=True)
class Catatan:
    """Something the parser could not place, with its line number: nothing is dropped silently."""

    baris: int | None = field(metadata=_BARIS)
    pesan: str = field(metadata=kolom(gettext_noop("pesan")))


def _daftar(label: str) -> Any:
    # Rows with their own identity: compared row by row (kinerja.domain.pk_beda), not as one value.
    return field(default=(), metadata=kolom(label, "daftar", banding=False))


@dataclass(frozen=True)
class NaskahPK:
    """One Perjanjian Kinerja as text: read from a document, or a stored PK read back."""

    tahun: int | None = field(metadata=kolom(gettext_noop("tahun"), "lain"))
    jenis: Jenis = field(default="murni", metadata=kolom(gettext_noop("jenis"), "lain"))
    unit: str | None = field(default=None, metadata=kolom(gettext_noop("unit"), "lain"))
    pemerintah: str | None = field(default=None, metadata=kolom(gettext_noop("pemerintah daerah"), "lain"))
    pihak_pertama: Pihak | None = field(
        default=None, metadata=kolom(gettext_noop("pihak pertama"), "bagian", awalan="pihak_pertama_")
    )
    pihak_kedua: Pihak | None = field(
        default=None, metadata=kolom(gettext_noop("pihak kedua"), "bagian", awalan="pihak_kedua_")
    )
    tempat: str | None = field(default=None, metadata=kolom(gettext_noop("tempat"), "pendek", maks=255))
    # Stored as day, month and year (a printed date may lack the day): see the model.
    tanggal: str | None = field(default=None, metadata=kolom(gettext_noop("tanggal"), "lain"))
    tanda_tangan: tuple[TandaTangan, ...] = _daftar(gettext_noop("tanda tangan"))
    sasaran: tuple[Sasaran, ...] = _daftar(gettext_noop("sasaran"))
    program: tuple[Program, ...] = _daftar(gettext_noop("program"))
    # The sum of the programs: derived, never stored.
    total_anggaran: Decimal | None = field(
        default=None, metadata=kolom(gettext_noop("total anggaran"), "lain", banding=False)
    )
    total_anggaran_tercetak: Decimal | None = field(
        default=None, metadata=kolom(gettext_noop("total anggaran tercetak"), "uang")
    )
    penjelasan: tuple[Penjelasan, ...] = _daftar(gettext_noop("penjelasan"))
    rencana_aksi: tuple[RencanaAksi, ...] = _daftar(gettext_noop("rencana aksi (tercetak)"))
    alasan_perubahan: str | None = field(
        default=None,
        metadata=kolom(gettext_noop("keterangan alasan perubahan"), nama_kolom="alasan_perubahan_keterangan"),
    )
    catatan: tuple[Catatan, ...] = _daftar(gettext_noop("catatan impor"))
    # Read by OCR from scanned pages (wholly or partly): every number wants checking against the paper.
    ocr: bool = field(default=False, metadata=kolom(gettext_noop("dibaca dengan OCR"), "lain", banding=False))
    # Lines in the source file of the statement's place-and-date line and of the printed total row.
    baris_tanggal: int | None = field(default=None, metadata=kolom(_BARIS["label"], "lain", banding=False))
    baris_total: int | None = field(default=None, metadata=kolom(_BARIS["label"], "lain", banding=False))

    @property
    def indikator(self) -> list[Indikator]:
        """All indicators in document order."""
        return [i for s in self.sasaran for i in s.indikator]


# ---------------------------------------------------------------------------------------------------
# What the descriptions give: the stored columns of a part, and the JSON
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    """One stored column of a part: its name, the path to its value in the dataclass, its description."""

    nama: str  # "target_teks", "pihak_pertama_nip"
    jalur: tuple[str, ...]  # ("target", "teks"), ("pihak_pertama", "nip")
    label: str  # "target (tercetak)", "NIP pihak pertama" (Indonesian; translated in the interface)
    jenis: JenisKolom
    maks: int | None
    wajib: bool
    banding: bool


@functools.cache
def kolom_tersimpan(kelas: type) -> tuple[Kolom, ...]:
    """The columns a dataclass is stored in: its scalar fields, and those of its "bagian" (flattened)."""
    return tuple(_kolom(kelas, (), "", ""))


def _kolom(kelas: type, jalur: tuple[str, ...], awalan: str, akhiran_label: str) -> list[Kolom]:
    hasil: list[Kolom] = []
    petunjuk = _jenis_field(kelas)
    for f in dataclasses.fields(kelas):
        m: Mapping[str, Any] = f.metadata
        jenis = m.get("jenis", "lain")
        if jenis == "bagian":
            hasil += _kolom(
                petunjuk[f.name], (*jalur, f.name), awalan + m["awalan"], "" if m["utuh"] else m["label"]
            )
        elif jenis not in ("daftar", "lain"):
            nama = awalan + (m["nama_kolom"] or f.name)
            label = f"{m['label']} {akhiran_label}".strip()
            hasil.append(Kolom(nama, (*jalur, f.name), label, jenis, m["maks"], m["wajib"], m["banding"]))
    return hasil


@functools.cache
def _jenis_field(kelas: type) -> dict[str, type]:
    """The dataclass type of each "bagian" field of `kelas` (from its annotation, `X | None` too)."""
    hints = typing.get_type_hints(kelas)
    hasil: dict[str, type] = {}
    for f in dataclasses.fields(kelas):
        if f.metadata.get("jenis") != "bagian":
            continue
        tipe = hints[f.name]
        pilihan: list[type] = [t for t in typing.get_args(tipe) if isinstance(t, type)] or [tipe]
        hasil[f.name] = next((t for t in pilihan if dataclasses.is_dataclass(t)), pilihan[0])
    return hasil


def ambil(obj: Any, jalur: tuple[str, ...]) -> Any:
    """The value at `jalur` in a dataclass (None when a "bagian" on the way is None)."""
    for nama in jalur:
        if obj is None:
            return None
        obj = getattr(obj, nama)
    return obj


def label_field(kelas: type, nama: str) -> str:
    """The Indonesian label of a field of a PK dataclass."""
    return str(next(f for f in dataclasses.fields(kelas) if f.name == nama).metadata["label"])


def to_json(obj: Any) -> Any:
    """The fixed JSON shape of `kinerja pk parse`: dataclass fields by name, decimals as strings."""
    if obj is None or isinstance(obj, (str, int, bool)):
        return obj
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, (tuple, list)):
        return [to_json(v) for v in obj]
    if dataclasses.is_dataclass(obj):
        hasil: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            ubah = f.metadata.get("json")
            nilai = getattr(obj, f.name)
            hasil[f.name] = ubah(nilai) if ubah is not None else to_json(nilai)
        return hasil
    raise TypeError(f"tidak dapat ditulis sebagai JSON: {type(obj).__name__}")

"""The trail and the comparison as the pages show them: labels for action codes and fields, values in
Indonesian formats. The field labels come from the PK's one description (kinerja/domain/pk.py)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from kinerja.agreements.jejak import label_aksi
from kinerja.agreements.models import Status
from kinerja.domain import numbers
from kinerja.domain import pk as d
from kinerja.domain.pk_beda import BedaPK
from kinerja.riwayat.models import Riwayat
from kinerja.riwayat.tampil import BarisRiwayat, BidangTampil
from kinerja.riwayat.tampil import baris_riwayat as baris_umum


@functools.cache
def _bidang() -> dict[str, tuple[str, str]]:
    """Stored field name → (Indonesian label, kind), over every part of a PK."""
    hasil: dict[str, tuple[str, str]] = {}
    for kelas in (d.Penjelasan, d.Program, d.Sasaran, d.Indikator, d.NaskahPK):
        for k in d.kolom_tersimpan(kelas):
            hasil[k.nama] = (k.label, k.jenis)
    hasil.update(
        {
            "target": (d.label_field(d.Indikator, "target"), "teks"),
            "dasar_hukum": (d.label_field(d.Penjelasan, "dasar_hukum"), "teks"),
            "baseline": (d.label_field(d.Penjelasan, "baseline"), "teks"),
            "tanggal": (d.label_field(d.NaskahPK, "tanggal"), "teks"),
            "tanda_tangan": (d.label_field(d.NaskahPK, "tanda_tangan"), "teks"),
            "sasaran": (d.label_field(d.NaskahPK, "sasaran"), "teks"),
        }
    )
    return hasil


def label_bidang(nama: str) -> str:
    """A field's label in the interface's language (its name when it is not a PK field)."""
    label = _bidang().get(nama, (nama, ""))[0]
    return _(label) if label else nama


def format_nilai(nama: str, teks: str | None) -> str:
    """A trail value as shown: Rupiah and decimals in Indonesian formats, text as written."""
    if teks is None:
        return "—"
    jenis = _bidang().get(nama, ("", "teks"))[1]
    if jenis in ("uang", "desimal"):
        try:
            nilai = Decimal(teks)
        except InvalidOperation:
            return teks
        return numbers.format_rupiah(nilai) if jenis == "uang" else numbers.format_angka(nilai, None)
    return teks


def _status(kode: str) -> str:
    return str(Status(kode).label) if kode in Status.values else kode


def baris_riwayat(entri: list[Riwayat]) -> list[BarisRiwayat]:
    """A PK's trail entries with the PK's field labels, Indonesian values and status labels."""
    return baris_umum(
        entri,
        label_aksi=label_aksi,
        label_bidang=label_bidang,
        format_nilai=format_nilai,
        label_status=_status,
    )


@dataclass(frozen=True)
class PerubahanTampil:
    aksi: str  # "ditambahkan" / "dihapus" / "diubah"
    jenis: str  # "tambah" / "hapus" / "ubah" (for styling)
    judul: str
    bidang: tuple[BidangTampil, ...]


@dataclass(frozen=True)
class KelompokBeda:
    judul: str
    perubahan: tuple[PerubahanTampil, ...]


def beda_tampil(hasil: BedaPK) -> list[KelompokBeda]:
    """The comparison grouped as the page reads: the PK's own fields, sasaran, indikator, programs."""
    kata = {"tambah": _("ditambahkan"), "hapus": _("dihapus"), "ubah": _("diubah")}
    judul = {
        "pk": _("Pihak, tempat, tanggal dan keterangan"),
        "tanda_tangan": _("Tanda tangan tercetak"),
        "sasaran": _("Sasaran"),
        "indikator": _("Indikator dan target"),
        "program": _("Program dan anggaran"),
    }
    kelompok = []
    for bagian, nama in judul.items():
        daftar = tuple(
            PerubahanTampil(
                aksi=str(kata[p.aksi]),
                jenis=p.aksi,
                judul=p.judul,
                bidang=tuple(
                    BidangTampil(
                        label=label_bidang(b.bidang),
                        lama=format_nilai(b.bidang, b.lama),
                        baru=format_nilai(b.bidang, b.baru),
                    )
                    for b in p.bidang
                ),
            )
            for p in hasil.perubahan
            if p.bagian == bagian
        )
        if daftar:
            kelompok.append(KelompokBeda(judul=str(nama), perubahan=daftar))
    return kelompok

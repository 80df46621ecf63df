"""The PK's audit trail: its action codes, their labels, and writing entries (kinerja.riwayat).

Codes are dotted and stable — other programs read them (`kinerja pk riwayat --json`):

| code | what |
|---|---|
| `pk.impor` | a file imported (new PK, or a draft updated in place) |
| `pk.ubah` | the PK's own fields changed (parties, place, date, total, reason) |
| `pk.sasaran.tambah` / `.ubah` / `.hapus` | a sasaran added, changed, removed |
| `pk.indikator.tambah` / `.ubah` / `.hapus` | an indikator (with its target and penjelasan) |
| `pk.program.tambah` / `.ubah` / `.hapus` | a program and its anggaran |
| `pk.sasaran.pindah`, `pk.indikator.pindah`, `pk.program.pindah` | a row moved up or down (its `urutan`) |
| `pk.tanda_tangan.ubah` | the printed signature blocks changed |
| `pk.peringatan.akui` | a review *peringatan* acknowledged on submission |
| `pk.ajukan`, `pk.kembalikan`, `pk.setujui`, `pk.tandatangani`, `pk.terbitkan`, `pk.cabut` | transitions |
| `pk.ganti` | replaced by its published perubahan |
| `pk.perubahan.buat` | a new version made from a published PK |
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from kinerja.domain.pk_beda import Perubahan
from kinerja.riwayat.models import Riwayat, catat_banyak, entri

LABEL_AKSI = {
    "pk.impor": _("Diimpor dari berkas"),
    "pk.ubah": _("Isi PK diubah"),
    "pk.sasaran.tambah": _("Sasaran ditambahkan"),
    "pk.sasaran.ubah": _("Sasaran diubah"),
    "pk.sasaran.hapus": _("Sasaran dihapus"),
    "pk.indikator.tambah": _("Indikator ditambahkan"),
    "pk.indikator.ubah": _("Indikator diubah"),
    "pk.indikator.hapus": _("Indikator dihapus"),
    "pk.program.tambah": _("Program ditambahkan"),
    "pk.program.ubah": _("Program diubah"),
    "pk.program.hapus": _("Program dihapus"),
    "pk.sasaran.pindah": _("Urutan sasaran diubah"),
    "pk.indikator.pindah": _("Urutan indikator diubah"),
    "pk.program.pindah": _("Urutan program diubah"),
    "pk.tanda_tangan.ubah": _("Tanda tangan tercetak diubah"),
    "pk.peringatan.akui": _("Peringatan diakui"),
    "pk.ajukan": _("Diajukan"),
    "pk.kembalikan": _("Dikembalikan"),
    "pk.setujui": _("Disetujui"),
    "pk.tandatangani": _("Ditandatangani"),
    "pk.terbitkan": _("Diterbitkan"),
    "pk.cabut": _("Dicabut"),
    "pk.ganti": _("Diganti oleh versi baru"),
    "pk.perubahan.buat": _("PK perubahan dibuat"),
    # Written by monitoring on the new version (kinerja.monitoring.versi).
    "pantau.bawa": _("Pemantauan dibawa dari versi sebelumnya"),
}


def label_aksi(kode: str) -> str:
    """The action's label in the interface's language (the code itself when unknown)."""
    return str(LABEL_AKSI.get(kode, kode))


def entri_perubahan(objek: Any, perubahan: Iterable[Perubahan], *, oleh: Any, waktu: Any) -> list[Riwayat]:
    """One unsaved trail entry per changed row (from `kinerja.domain.pk_beda.beda`)."""
    return [
        entri(
            objek,
            p.kode,
            oleh=oleh,
            waktu=waktu,
            catatan=p.judul,
            perubahan=[b.to_json() for b in p.bidang],
            data={"lama": list(p.lama) if p.lama is not None else None, "baru": list(p.baru or ()) or None},
        )
        for p in perubahan
    ]


def catat_semua(daftar: Sequence[Riwayat]) -> None:
    """Write entries in order."""
    if daftar:
        catat_banyak(daftar)

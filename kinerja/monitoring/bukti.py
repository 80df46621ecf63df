"""Evidence files of a realisasi: what is accepted (by content, at most 10 MB) and how it is named."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kinerja.agreements.pindaian import BATAS_UKURAN, JENIS  # the signed scan's kinds and limit

# Besides PDF and images (recognised by their first bytes, as the signed scan), Office files: ZIP
# packages, told apart by the part that names them.
OFFICE = (
    ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
)


class BuktiError(ValueError):
    """A file that cannot be evidence; the message says why, in Indonesian."""


@dataclass(frozen=True)
class BerkasBukti:
    nama: str
    jenis_isi: str
    isi: bytes
    sha256: str


def _office(isi: bytes) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            nama = set(z.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    return next(((j, a) for bagian, j, a in OFFICE if bagian in nama), None)


def periksa_bukti(nama: str, isi: bytes) -> BerkasBukti:
    """The file when it is a PDF, PNG, JPEG, DOCX or XLSX of at most 10 MB; else `BuktiError`."""
    nama = (nama or "bukti").replace("\\", "/").rsplit("/", 1)[-1][:200] or "bukti"
    if not isi:
        raise BuktiError(_("Berkas bukti “%s” kosong.") % nama)
    if len(isi) > BATAS_UKURAN:
        raise BuktiError(
            _("Berkas bukti “%(nama)s” %(mb).1f MB; paling besar 10 MB.")
            % {"nama": nama, "mb": len(isi) / 1048576}
        )
    jenis = next(((j, a) for awal, j, a in JENIS if isi.startswith(awal)), None)
    if jenis is None and isi.startswith(b"PK\x03\x04"):
        jenis = _office(isi)
    if jenis is None:
        raise BuktiError(_("Berkas “%s” bukan PDF, PNG, JPEG, DOCX atau XLSX.") % nama)
    return BerkasBukti(nama=nama, jenis_isi=jenis[0], isi=isi, sha256=hashlib.sha256(isi).hexdigest())


def akhiran(jenis_isi: str) -> str:
    """The extension of a stored evidence file's type (".pdf")."""
    return next((a for _awal, j, a in JENIS if j == jenis_isi), "") or next(
        (a for _b, j, a in OFFICE if j == jenis_isi), ""
    )

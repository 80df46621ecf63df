"""The signed scan of a PK: what is accepted (PDF, PNG, JPEG, by their first bytes; at most 10 MB)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.utils.translation import gettext as _

BATAS_UKURAN = 10 * 1024 * 1024
# Recognised by content, not by the name the uploader gave it.
JENIS = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)


class PindaianError(ValueError):
    """A file that cannot be the signed scan; the message says why, in Indonesian."""


@dataclass(frozen=True)
class BerkasPindaian:
    """A checked scan, ready to store."""

    nama: str
    jenis_isi: str
    isi: bytes
    sha256: str


def periksa_pindaian(nama: str, isi: bytes) -> BerkasPindaian:
    """The scan when it is a PDF, PNG or JPEG of at most 10 MB; else `PindaianError`."""
    if not isi:
        raise PindaianError(_("Berkas pindaian “%s” kosong.") % nama)
    if len(isi) > BATAS_UKURAN:
        raise PindaianError(
            _("Berkas pindaian “%(nama)s” %(mb).1f MB; paling besar 10 MB.")
            % {"nama": nama, "mb": len(isi) / 1024 / 1024}
        )
    for awal, jenis, _akhiran in JENIS:
        if isi.startswith(awal):
            return BerkasPindaian(nama=nama, jenis_isi=jenis, isi=isi, sha256=hashlib.sha256(isi).hexdigest())
    raise PindaianError(
        _("Berkas “%s” bukan PDF, PNG atau JPEG: unggah pindaian halaman yang sudah ditandatangani.") % nama
    )


def akhiran(jenis_isi: str) -> str:
    """The file extension of a stored scan's type (".pdf")."""
    return next((a for _awal, j, a in JENIS if j == jenis_isi), "")

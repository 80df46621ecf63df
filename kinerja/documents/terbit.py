"""Issuing the PDF of a published PK and checking a PDF against it (the verification flow).

A published (signed) PK's PDF carries a QR code and a short URL to `/verifikasi/<token>/`. The first
request for that PDF renders it once and stores it as a `DokumenTerbit` snapshot; later requests get
the same bytes, so the SHA-256 shown on the public page is the SHA-256 of the file people hold. When
the PK's content changes (a re-import), the next request issues a new document with a new token and
the old token's page says "sudah diganti", linking to the new one.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.agreements.models import PerjanjianKinerja
from kinerja.alamat import alamat_dasar
from kinerja.documents.contexts import DokumenPK, Verifikasi, dokumen_pk
from kinerja.documents.models import DokumenTerbit
from kinerja.documents.pdf import render_pdf
from kinerja.domain import pk as d

PANJANG_TOKEN = 6  # bytes of randomness: 8 URL-safe characters, 2**48 possibilities


def rupiah_spasi() -> bool:
    """Whether documents print "Rp 1.000,00" (setting KINERJA_RUPIAH_SPASI; PUEBI default: no space)."""
    return bool(getattr(settings, "KINERJA_RUPIAH_SPASI", False))


def url_verifikasi(token: str) -> str:
    """The absolute address printed under the QR code."""
    return alamat_dasar() + reverse("documents:verifikasi", args=[token])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sidik_isi(dok: DokumenPK) -> str:
    """A fingerprint of what the document says (its context without the verification) and of the
    address its QR code points at: served at another address, the PDF is issued anew."""
    return sha256((dok.to_json() + "\n" + alamat_dasar()).encode())


def _ringkasan(dok: DokumenPK) -> dict:
    def pihak(p):
        return None if p is None else {"nama": p.nama, "jabatan": p.jabatan, "nip": p.nip}

    return {
        "judul": dok.judul,
        "unit": dok.unit,
        "pemerintah": dok.pemerintah,
        "tahun": dok.tahun,
        "pihak_pertama": pihak(dok.pihak_pertama),
        "pihak_kedua": pihak(dok.pihak_kedua),
        "tempat_tanggal": dok.tempat_tanggal,
    }


def token_baru(jumlah: int = 1) -> list[str]:
    """`jumlah` new verification tokens, unused so far (one query)."""
    for _ in range(10):
        token = {secrets.token_urlsafe(PANJANG_TOKEN) for _ in range(jumlah)}
        if len(token) == jumlah and not DokumenTerbit.objects.filter(token__in=token).exists():
            return list(token)
    raise RuntimeError("tidak dapat membuat token verifikasi yang unik")  # pragma: no cover


_CARI = object()


@dataclass(frozen=True)
class Rencana:
    """A document to issue: its context (with the new token's verification) and content fingerprint."""

    perjanjian: PerjanjianKinerja
    dok: DokumenPK
    isi: str


def rencana_terbit(
    perjanjian: PerjanjianKinerja, data: d.NaskahPK, kini: DokumenTerbit | None, token: str | None = None
) -> DokumenTerbit | Rencana:
    """`kini` when it still says what the PK says; else the `Rencana` of a new document (not yet rendered).

    `token` is the new document's token when the caller drew tokens for many PKs at once.
    """
    if not perjanjian.publik:
        raise ValueError("hanya Perjanjian Kinerja yang diterbitkan yang mempunyai dokumen terbit")
    dok = dokumen_pk(data, rupiah_spasi=rupiah_spasi(), tanda_air="")
    isi = sidik_isi(dok)
    if kini is not None and kini.isi_sha256 == isi:
        return kini
    token = token or token_baru()[0]
    return Rencana(
        perjanjian=perjanjian,
        dok=replace(dok, verifikasi=Verifikasi(token=token, url=url_verifikasi(token))),
        isi=isi,
    )


def simpan_terbit(pasangan: list[tuple[Rencana, bytes]]) -> list[DokumenTerbit]:
    """Store rendered PDFs as their PKs' current documents, in one transaction; old ones are replaced.

    Returns, in order, each PK's current document: the new one, or the one a concurrent request
    issued for the same content meanwhile.
    """
    if not pasangan:
        return []
    try:
        with transaction.atomic():
            ids = [r.perjanjian.pk for r, _ in pasangan]
            lama = {
                x.perjanjian_id: x
                for x in DokumenTerbit.objects.select_for_update()
                .filter(perjanjian_id__in=ids, berlaku=True)
                .defer("pdf")
            }
            baru = []
            for r, pdf in pasangan:
                x = lama.get(r.perjanjian.pk)
                if x is not None and x.isi_sha256 == r.isi:
                    continue  # issued meanwhile
                assert r.dok.verifikasi is not None
                baru.append(
                    DokumenTerbit(
                        perjanjian=r.perjanjian,
                        token=r.dok.verifikasi.token,
                        sha256=sha256(pdf),
                        isi_sha256=r.isi,
                        pdf=pdf,
                        ukuran=len(pdf),
                        ringkasan=_ringkasan(r.dok),
                    )
                )
            diganti = [lama[b.perjanjian_id] for b in baru if b.perjanjian_id in lama]
            DokumenTerbit.objects.filter(pk__in=[x.pk for x in diganti]).update(berlaku=False)
            dibuat = {b.perjanjian_id: b for b in DokumenTerbit.objects.bulk_create(baru)}
            sekarang = timezone.now()
            for x in diganti:  # rare: only when a PK changed since its last document
                DokumenTerbit.objects.filter(pk=x.pk).update(
                    diganti_oleh=dibuat[x.perjanjian_id], diganti_pada=sekarang
                )
            return [dibuat.get(r.perjanjian.pk) or lama[r.perjanjian.pk] for r, _ in pasangan]
    except IntegrityError:
        # A concurrent request issued a document between our read and our write: use it.
        return [DokumenTerbit.objects.get(perjanjian=r.perjanjian, berlaku=True) for r, _ in pasangan]


def dokumen_terbit(
    perjanjian: PerjanjianKinerja, data: d.NaskahPK | None = None, *, kini=_CARI
) -> DokumenTerbit:
    """The current issued PDF of a published PK: the stored one if the content is unchanged, else a new one.

    `data` is the PK as a domain dataclass when the caller already has it (`to_domain(perjanjian)` otherwise);
    `kini` its current `DokumenTerbit` (or None) when the caller fetched those for many PKs at once.
    """
    if not perjanjian.publik:
        raise ValueError("hanya Perjanjian Kinerja yang diterbitkan yang mempunyai dokumen terbit")
    if data is None:
        from kinerja.agreements.domain_pk import to_domain

        data = to_domain(perjanjian)
    if kini is _CARI:
        kini = DokumenTerbit.objects.filter(perjanjian=perjanjian, berlaku=True).first()
    hasil = rencana_terbit(perjanjian, data, kini)
    if isinstance(hasil, DokumenTerbit):
        return hasil
    return simpan_terbit([(hasil, render_pdf(hasil.dok))])[0]


def terkini(dokumen: DokumenTerbit) -> DokumenTerbit | None:
    """The document that now stands for the same PK (itself when still current), if any."""
    if dokumen.berlaku:
        return dokumen
    return DokumenTerbit.objects.filter(perjanjian_id=dokumen.perjanjian_id, berlaku=True).first()


def sha256_berkas(berkas) -> str:
    """SHA-256 of an uploaded file, read in chunks."""
    h = hashlib.sha256()
    for chunk in berkas.chunks():
        h.update(chunk)
    return h.hexdigest()

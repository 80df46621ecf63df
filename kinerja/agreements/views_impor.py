"""Importing a PK on the web: upload, see how it was read and what the review found, then accept.

Nothing is stored until the user accepts; acceptance stores every PK of the file in one transaction
through the same service as `kinerja pk import`: as a draft (updated in place when that draft exists),
or — a pimpinan's or admin's explicit choice, with the signed scan — directly as signed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.agreements import baca_latar
from kinerja.agreements.alur import Ditolak
from kinerja.agreements.models import UnggahanPK
from kinerja.agreements.pindaian import BATAS_UKURAN as BATAS_PINDAIAN
from kinerja.agreements.pindaian import PindaianError, periksa_pindaian
from kinerja.agreements.services import ImporError, import_pk
from kinerja.domain import ocr, pk_text
from kinerja.domain import pk as d
from kinerja.domain.review import Temuan, review
from kinerja.domain.source import (
    JENIS_GAMBAR,
    SourceError,
    halaman_ocr,
    read_bytes,
    rows_dari_json,
    rows_ke_json,
)
from kinerja.units.models import UnitRole

BATAS_UKURAN = 10 * 1024 * 1024  # 10 MiB: a PK with scans of every page stays well below
JENIS_BERKAS = (".txt", ".md", ".docx", ".xlsx", ".pdf", *JENIS_GAMBAR)


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Berkas Perjanjian Kinerja"),
        help_text=gettext_lazy(
            "Teks (.txt/.md), Word (.docx), Excel (.xlsx), PDF, atau foto/pindaian halaman (.png/.jpg); "
            "PDF pindaian dan foto dibaca dengan OCR. Paling besar 10 MB."
        ),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        nama = berkas.name.lower()
        if not nama.endswith(JENIS_BERKAS):
            raise forms.ValidationError(
                _(
                    "Jenis berkas “%(nama)s” tidak didukung; gunakan .txt, .md, .docx, .xlsx, .pdf, "
                    ".png atau .jpg."
                )
                % {"nama": berkas.name}
            )
        if berkas.size > BATAS_UKURAN:
            raise forms.ValidationError(_("Berkas lebih dari 10 MB."))
        return berkas


@dataclass(frozen=True)
class Pratinjau:
    """One PK of the uploaded file: what was read, what the review found, what the import would do."""

    data: d.NaskahPK
    temuan: list[Temuan]
    pesan: list[str]
    galat_impor: str | None

    @property
    def jumlah(self) -> dict[str, int]:
        return {
            tingkat: sum(1 for s in self.data.sasaran if s.tingkat == tingkat)
            for tingkat in ("strategis", "program", "kegiatan")
        }

    def per_tingkat(self, tingkat: str) -> list[Temuan]:
        return [t for t in self.temuan if t.tingkat == tingkat]

    @property
    def galat(self) -> list[Temuan]:
        return self.per_tingkat("galat")

    @property
    def peringatan(self) -> list[Temuan]:
        return self.per_tingkat("peringatan")

    @property
    def info(self) -> list[Temuan]:
        return self.per_tingkat("info")


class _Batal(Exception):
    """Raised inside a dry run so that its transaction rolls back."""


def _coba(data: d.NaskahPK, user, sha: str, nama: str) -> tuple[list[str], str | None]:
    """What importing would do (created or updated, new units and pejabat), without storing anything."""
    hasil: list[str] = []
    try:
        with transaction.atomic():
            hasil = import_pk(data, oleh=user, sumber=nama, sha256=sha).pesan
            raise _Batal
    except _Batal:
        return hasil, None
    except (ImporError, PermissionDenied, Ditolak) as err:
        return [], str(err)


def _boleh_impor(user) -> None:
    """Only those who may store a PK somewhere upload one: an operator, a pimpinan or an admin of a unit.

    (The unit of a file is known once it is read; the import checks the right on that unit again.)
    """
    peran = (UnitRole.Peran.OPERATOR, UnitRole.Peran.PIMPINAN, UnitRole.Peran.ADMIN)
    if not (user.is_superuser or UnitRole.objects.filter(user=user, peran__in=peran).exists()):
        raise PermissionDenied(
            _(
                "Mengimpor PK adalah tugas operator, pimpinan atau admin sebuah unit; Anda belum mempunyai peran itu."
            )
        )


def _boleh_langsung_ttd(user) -> bool:
    """Whether to offer "store as signed": only pimpinan and admins may (checked again per unit)."""
    return (
        user.is_superuser
        or UnitRole.objects.filter(
            user=user, peran__in=[UnitRole.Peran.PIMPINAN, UnitRole.Peran.ADMIN]
        ).exists()
    )


def _hapus_lama() -> None:
    batas = timezone.now() - timedelta(hours=UnggahanPK.UMUR_JAM)
    UnggahanPK.objects.filter(dibuat_pada__lt=batas).delete()


@login_required
def pk_impor(request: HttpRequest) -> HttpResponse:
    """Upload a PK document; an unreadable file is refused here with the line and the reason. A scan is
    stored at once and read by OCR in the background (`baca_latar`); the preview shows its progress."""
    _boleh_impor(request.user)
    form = ImporForm(request.POST or None, request.FILES or None)
    galat_baca: str | None = None
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        isi = berkas.read()
        try:
            unggahan = _terima(request.user, berkas.name, isi)
        except SourceError as err:
            baris = f" (baris {err.baris})" if err.baris else ""
            galat_baca = _("%(nama)s tidak dapat dibaca%(baris)s: %(pesan)s") % {
                "nama": berkas.name,
                "baris": baris,
                "pesan": err.pesan,
            }
        else:
            return redirect("agreements:pk_impor_pratinjau", unggahan_id=unggahan.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "agreements/impor_form.html", {"form": form, "galat_baca": galat_baca}, status=status
    )


def _terima(user, nama: str, isi: bytes) -> UnggahanPK:
    """Store an upload: read and checked now, or (a scan) queued for OCR. SourceError when unusable."""
    halaman = halaman_ocr(isi, nama)
    ocr.periksa_pindaian(halaman)  # over the page limit, or no Tesseract: refused before anything is stored
    rows = None if halaman else read_bytes(isi, nama)
    if rows is not None:
        pk_text.parse_rows(rows)  # a file that holds no PK is refused here, with its reason
    _hapus_lama()
    unggahan = UnggahanPK.objects.create(
        pengguna=user,
        nama_berkas=nama[:255],
        isi=isi,
        sha256=hashlib.sha256(isi).hexdigest(),
        baris=rows_ke_json(rows) if rows is not None else None,
        status_baca=UnggahanPK.Baca.ANTRE if halaman else UnggahanPK.Baca.SELESAI,
        halaman_ocr=halaman,
    )
    if halaman:
        transaction.on_commit(lambda: baca_latar.mulai(unggahan))
    return unggahan


def _bacaan(unggahan: UnggahanPK) -> list[d.NaskahPK]:
    """The PKs of an upload, parsed from the rows read when it came (an older upload: from its file)."""
    if unggahan.baris is not None:
        return pk_text.parse_rows(rows_dari_json(unggahan.baris))
    return pk_text.parse_bytes(bytes(unggahan.isi), unggahan.nama_berkas)


def _menunggu(request: HttpRequest, unggahan: UnggahanPK) -> HttpResponse:
    """The page shown while a scan is read by OCR (it reloads itself), or why the reading failed."""
    gagal = unggahan.status_baca == UnggahanPK.Baca.GAGAL or baca_latar.terhenti(unggahan)
    pesan = unggahan.pesan_baca or _(
        "pembacaan terhenti tanpa hasil (server mungkin dimulai ulang); unggah berkasnya sekali lagi"
    )
    return render(
        request,
        "agreements/impor_ocr.html",
        {"unggahan": unggahan, "gagal": gagal, "pesan": pesan if gagal else ""},
    )


@login_required
def pk_impor_pratinjau(request: HttpRequest, unggahan_id: int) -> HttpResponse:
    """Show the reading and the review; on POST accept (store, in one transaction) or cancel."""
    unggahan = get_object_or_404(UnggahanPK, pk=unggahan_id, pengguna=request.user)
    if request.method == "POST" and "batal" in request.POST:
        unggahan.delete()
        messages.info(request, _("Impor dibatalkan; tidak ada yang disimpan."))
        return redirect("agreements:pk_list")
    if unggahan.status_baca != UnggahanPK.Baca.SELESAI:
        return _menunggu(request, unggahan)
    if request.headers.get("HX-Request"):
        # The waiting page's poll: the reading is done, so the browser goes to the preview itself.
        return HttpResponse(status=204, headers={"HX-Redirect": request.path})
    data_pk = _bacaan(unggahan)
    galat_simpan: str | None = None
    if request.method == "POST":
        ditandatangani = bool(request.POST.get("ditandatangani"))
        try:
            pindaian = _pindaian(request) if ditandatangani else None
            with transaction.atomic():
                hasil = [
                    import_pk(
                        data,
                        oleh=request.user,
                        ditandatangani=ditandatangani,
                        pindaian=pindaian,
                        sumber=unggahan.nama_berkas,
                        sha256=unggahan.sha256,
                    )
                    for data in data_pk
                ]
                unggahan.delete()
        except (ImporError, PermissionDenied, Ditolak, PindaianError) as err:
            galat_simpan = getattr(err, "pesan", None) or str(err)
            messages.error(request, _("Tidak disimpan: %s") % galat_simpan)
        else:
            for res in hasil:
                messages.success(request, " ".join(res.pesan))
            return redirect(reverse("agreements:pk_detail", args=[hasil[0].perjanjian.pk]))
    pratinjau = []
    for data in data_pk:
        pesan, galat = _coba(data, request.user, unggahan.sha256, unggahan.nama_berkas)
        pratinjau.append(Pratinjau(data=data, temuan=review(data), pesan=pesan, galat_impor=galat))
    return render(
        request,
        "agreements/impor_pratinjau.html",
        {
            "unggahan": unggahan,
            "pratinjau": pratinjau,
            "dibaca_ocr": any(p.data.ocr for p in pratinjau),
            "boleh_simpan": all(p.galat_impor is None for p in pratinjau),
            "boleh_ttd": _boleh_langsung_ttd(request.user),
        },
        status=400 if galat_simpan else 200,
    )


def _pindaian(request: HttpRequest):
    berkas = request.FILES.get("pindaian")
    if berkas is None:
        raise PindaianError(_("Pilih berkas pindaian PK yang sudah ditandatangani."))
    if berkas.size > BATAS_PINDAIAN:
        raise PindaianError(_("Berkas pindaian lebih dari 10 MB."))
    return periksa_pindaian(berkas.name, berkas.read())

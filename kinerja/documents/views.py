"""Document downloads (PDF, DOCX, XLSX, the ZIP of a year) and the public verification page.

Thin: read the request, check `can()`, ask the renderers, answer. A PK the user may not view is
404 (as its page is); the ZIP is for those who may "admin" the units it covers.
"""

from __future__ import annotations

import tempfile
import zipfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from kinerja.agreements.domain_pk import to_domain_banyak
from kinerja.agreements.models import PerjanjianKinerja
from kinerja.documents.banyak import berkas_pk
from kinerja.documents.contexts import dokumen_pk, nama_berkas
from kinerja.documents.forms import CekDokumenForm
from kinerja.documents.models import DokumenTerbit
from kinerja.documents.render import FORMATS
from kinerja.documents.render import render as render_format
from kinerja.documents.terbit import dokumen_terbit, rupiah_spasi, terkini
from kinerja.units.permissions import can, unit_filter


def _lampiran(data: bytes, nama: str, format: str) -> HttpResponse:
    respons = HttpResponse(data, content_type=FORMATS[format].mime)
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    return respons


def pk_unduh(request: HttpRequest, pk_id: int, format: str) -> HttpResponse:
    """A PK as PDF, DOCX or XLSX; a published PK's PDF is its issued document (with the QR code)."""
    if format not in FORMATS:
        raise Http404
    perjanjian = get_object_or_404(
        PerjanjianKinerja.objects.visible_to(request.user).untuk_halaman(), pk=pk_id
    )
    if not can(request.user, "view", perjanjian):
        raise Http404
    nama = (
        f"{nama_berkas(perjanjian.tahun, perjanjian.jenis, perjanjian.unit.nama)}.{FORMATS[format].ekstensi}"
    )
    [data] = to_domain_banyak([perjanjian])
    if format == "pdf" and perjanjian.publik:
        return _lampiran(bytes(dokumen_terbit(perjanjian, data).pdf), nama, format)
    dok = dokumen_pk(data, rupiah_spasi=rupiah_spasi(), tanda_air=perjanjian.tanda_air)
    return _lampiran(render_format(dok, format), nama, format)


def _pk_admin(user, tahun: int | None = None):
    """The PKs of units the user may administer (PermissionDenied when there are none)."""
    q = unit_filter(user, "admin", prefix="unit__")
    if q is not None and not q:
        raise PermissionDenied(_("Hanya admin unit yang dapat mengunduh semua PK sekaligus."))
    qs = PerjanjianKinerja.objects.all()
    if q is not None:
        qs = qs.filter(q)
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    return qs


@login_required
def unduhan(request: HttpRequest) -> HttpResponse:
    """The years whose PKs the admin may download at once, with their counts."""
    try:
        tahun = list(_pk_admin(request.user).order_by("-tahun").values("tahun").annotate(jumlah=Count("pk")))
    except PermissionDenied:
        tahun = None
    return render(request, "documents/unduhan.html", {"daftar_tahun": tahun, "formats": list(FORMATS)})


@login_required
def pk_zip(request: HttpRequest, tahun: int) -> HttpResponse:
    """A ZIP of every PK of a year in the units the user administers (?format=pdf|docx|xlsx)."""
    format = request.GET.get("format", "pdf")
    if format not in FORMATS:
        raise Http404
    pks = [
        perjanjian
        for perjanjian in _pk_admin(request.user, tahun).untuk_halaman().order_by("unit__nama", "jenis", "pk")
        if can(request.user, "admin", perjanjian)
    ]
    if not pks:
        raise Http404(_("Tidak ada Perjanjian Kinerja tahun %d.") % tahun)
    # Spooled: small archives stay in memory, a kabupaten's thousand PDFs go to a temporary file.
    # FileResponse closes it once sent.
    arsip = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)  # noqa: SIM115
    with zipfile.ZipFile(arsip, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in berkas_pk(pks, format):
            z.writestr(nama, data)
    arsip.seek(0)
    return FileResponse(arsip, as_attachment=True, filename=f"PK-{tahun}-{format}.zip")


def verifikasi(request: HttpRequest, token: str) -> HttpResponse:
    """Public: what the issued document with this token is, and whether a given PDF is that document."""
    dokumen = DokumenTerbit.objects.select_related("perjanjian").defer("pdf").filter(token=token).first()
    if dokumen is None:
        return render(request, "documents/verifikasi_tidak_dikenal.html", {"token": token}, status=404)
    sekarang = terkini(dokumen)
    hasil = None
    sidik = None
    form = CekDokumenForm(request.POST, request.FILES) if request.method == "POST" else CekDokumenForm()
    if form.is_bound and form.is_valid():
        sidik = form.sidik()
        if sidik == dokumen.sha256:
            hasil = "sama"
        elif (
            DokumenTerbit.objects.filter(perjanjian_id=dokumen.perjanjian_id, sha256=sidik)
            .exclude(pk=dokumen.pk)
            .exists()
        ):
            hasil = "versi_lain"
        else:
            hasil = "berbeda"
    return render(
        request,
        "documents/verifikasi.html",
        {
            "dokumen": dokumen,
            "terkini": sekarang,
            "masih_terbit": dokumen.perjanjian.publik,
            "status_pk": dokumen.perjanjian.status,
            "pengganti": _pengganti(dokumen.perjanjian),
            "form": form,
            "hasil": hasil,
            "sidik": sidik,
        },
    )


def _pengganti(perjanjian: PerjanjianKinerja) -> PerjanjianKinerja | None:
    """The published version that replaced this PK (for the verification page of a replaced PK)."""
    if perjanjian.status != "diganti":
        return None
    return perjanjian.pengganti.filter(status__in=("diterbitkan", "diganti")).order_by("-versi").first()


def verifikasi_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the issued PDF itself, while its PK is published."""
    dokumen = get_object_or_404(DokumenTerbit.objects.select_related("perjanjian"), token=token)
    if not dokumen.perjanjian.publik:
        raise Http404
    perjanjian = dokumen.perjanjian
    nama = f"{nama_berkas(perjanjian.tahun, perjanjian.jenis, dokumen.ringkasan.get('unit'))}-{dokumen.token}.pdf"
    respons = HttpResponse(bytes(dokumen.pdf), content_type="application/pdf")
    respons["Content-Disposition"] = content_disposition_header(False, nama)
    return respons

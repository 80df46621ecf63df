"""The monitoring spreadsheets on the web (docs/monitoring-lembar.md): download a template, upload it
filled, check the preview, accept.

The upload is read once (`kinerja.monitoring.lembar`) and its preview — the rows, their errors and
plausibility warnings, as plain data — is kept in the user's session for `UMUR` (at most `MAKS_SESI`
at a time), so showing the preview again never re-reads the file. Accepting stores every changed row
in one transaction through the services; a refused row stores nothing and the page names it.

Downloading needs the right to view the PK's unit (404 otherwise); uploading needs `edit` (403).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.agreements.alur import Ditolak
from kinerja.agreements.models import PerjanjianKinerja
from kinerja.domain import pantau
from kinerja.monitoring import layanan, lembar
from kinerja.units.permissions import can

SESI = "kinerja_lembar"
UMUR = timedelta(hours=2)
MAKS_SESI = 4


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Lembar yang sudah diisi (.xlsx)"),
        help_text=gettext_lazy("Templat yang diunduh dari halaman ini; paling besar 2 MB dan 2.000 baris."),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        nama = berkas.name.lower()
        if nama.endswith(".xls"):
            raise forms.ValidationError(
                _(
                    "“%s” berformat Excel lama (.xls): buka di Excel atau LibreOffice lalu simpan sebagai .xlsx."
                )
                % berkas.name
            )
        if not nama.endswith(".xlsx"):
            raise forms.ValidationError(
                _("“%s” bukan berkas .xlsx: unggah lembar templat yang diunduh dari halaman ini.")
                % berkas.name
            )
        if berkas.size > lembar.BATAS_UKURAN:
            raise forms.ValidationError(_("Berkas “%s” lebih dari 2 MB.") % berkas.name)
        return berkas


def _perjanjian(request: HttpRequest, pk: int) -> PerjanjianKinerja:
    """The PK when the user may view its unit (404 otherwise, as the monitoring pages do)."""
    p = get_object_or_404(PerjanjianKinerja.objects.select_related("unit", "unit__induk"), pk=pk)
    if not can(request.user, "view", p.unit):
        raise Http404
    return p


def _boleh_ubah(request: HttpRequest, p: PerjanjianKinerja) -> None:
    if not can(request.user, "edit", p.unit):
        raise PermissionDenied(
            _("Mengunggah lembar pemantauan adalah tugas operator atau admin %s.") % p.unit
        )


def _triwulan(tw: int) -> int:
    if tw not in pantau.TRIWULAN:
        raise Http404
    return tw


def _xlsx(isi: bytes, nama: str) -> HttpResponse:
    resp = HttpResponse(isi, content_type=lembar.JENIS_XLSX)
    resp["Content-Disposition"] = content_disposition_header(True, nama)
    resp["Cache-Control"] = "private, no-store"
    return resp


# ---------------------------------------------------------------------------------------------------
# The preview in the session
# ---------------------------------------------------------------------------------------------------


def _segar(semua: dict) -> dict:
    batas = timezone.now() - UMUR
    hasil = {}
    for token, data in semua.items():
        try:
            dibuat = datetime.fromisoformat(data["dibuat"])
        except (KeyError, TypeError, ValueError):
            continue
        if dibuat >= batas:
            hasil[token] = data
    return hasil


def _simpan_sesi(request: HttpRequest, pratinjau: lembar.Pratinjau) -> str:
    semua = _segar(request.session.get(SESI, {}))
    token = secrets.token_urlsafe(12)
    semua[token] = pratinjau.ke_dict()
    terbaru = sorted(semua.items(), key=lambda kv: kv[1]["dibuat"])[-MAKS_SESI:]
    request.session[SESI] = dict(terbaru)
    return token


def _ambil_sesi(
    request: HttpRequest, token: str, jenis: str, p: PerjanjianKinerja, tw: int | None
) -> lembar.Pratinjau | None:
    data = _segar(request.session.get(SESI, {})).get(token)
    if data is None:
        return None
    pr = lembar.Pratinjau.dari_dict(data)
    if pr.jenis != jenis or pr.perjanjian_id != p.pk or pr.triwulan != tw:
        return None
    return pr


def _hapus_sesi(request: HttpRequest, token: str) -> None:
    semua = dict(request.session.get(SESI, {}))
    if semua.pop(token, None) is not None:
        request.session[SESI] = _segar(semua)


# ---------------------------------------------------------------------------------------------------
# Realisasi of a triwulan
# ---------------------------------------------------------------------------------------------------


@login_required
@require_GET
def lembar_unduh(request: HttpRequest, pk: int, tw: int) -> HttpResponse:
    """The XLSX template of the PK's triwulan realisasi, with what is stored."""
    p = _perjanjian(request, pk)
    tw = _triwulan(tw)
    if p.status not in layanan.STATUS_DIPANTAU:
        raise Http404
    return _xlsx(lembar.tulis_realisasi(p, tw), lembar.nama_berkas(p, tw))


def _konteks(p: PerjanjianKinerja, tw: int | None) -> dict:
    if tw is None:
        return {
            "p": p,
            "tw": None,
            "jenis": "rencana",
            "halaman": "rencana",
            "triwulan": pantau.TRIWULAN,
            "judul": _("Rencana aksi %(tahun)s dari lembar") % {"tahun": p.tahun},
            "unduh_url": reverse("monitoring:rencana_unduh", args=[p.pk]),
            "unggah_url": reverse("monitoring:rencana_unggah", args=[p.pk]),
            "kembali_url": reverse("monitoring:rencana", args=[p.pk]),
        }
    return {
        "p": p,
        "tw": tw,
        "jenis": "realisasi",
        "halaman": "tw",
        "triwulan": pantau.TRIWULAN,
        "judul": _("Realisasi %(tw)s %(tahun)s dari lembar")
        % {"tw": pantau.nama_triwulan(tw), "tahun": p.tahun},
        "unduh_url": reverse("monitoring:lembar_unduh", args=[p.pk, tw]),
        "unggah_url": reverse("monitoring:lembar_unggah", args=[p.pk, tw]),
        "kembali_url": reverse("monitoring:triwulan", args=[p.pk, tw]),
    }


def _unggah(request: HttpRequest, p: PerjanjianKinerja, tw: int | None) -> HttpResponse:
    _boleh_ubah(request, p)
    konteks = _konteks(p, tw)
    if tw is not None:
        konteks["keadaan"] = layanan.keadaan_triwulan(p, tw)
        if p.status not in layanan.STATUS_DIPANTAU:
            konteks["galat_umum"] = (
                _(
                    "Perjanjian Kinerja ini berstatus %s: realisasi hanya diisi untuk PK yang sudah ditandatangani "
                    "atau diterbitkan."
                )
                % p.get_status_display()
            )
    form = UnggahForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        isi = berkas.read(lembar.BATAS_UKURAN + 1)
        try:
            if tw is None:
                pr = lembar.pratinjau_rencana(p, request.user, isi, berkas.name)
            else:
                pr = lembar.pratinjau_realisasi(p, tw, request.user, isi, berkas.name)
        except lembar.LembarError as e:
            form.add_error("berkas", e.pesan)
        else:
            token = _simpan_sesi(request, pr)
            if tw is None:
                return redirect("monitoring:rencana_pratinjau", pk=p.pk, token=token)
            return redirect("monitoring:lembar_pratinjau", pk=p.pk, tw=tw, token=token)
    konteks["form"] = form
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/lembar_unggah.html", konteks, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def lembar_unggah(request: HttpRequest, pk: int, tw: int) -> HttpResponse:
    """Upload a filled realisasi sheet; it is read and tried, then shown as a preview."""
    return _unggah(request, _perjanjian(request, pk), _triwulan(tw))


def _pratinjau(request: HttpRequest, p: PerjanjianKinerja, tw: int | None, token: str) -> HttpResponse:
    _boleh_ubah(request, p)
    konteks = _konteks(p, tw)
    jenis = konteks["jenis"]
    pr = _ambil_sesi(request, token, jenis, p, tw)
    if pr is None:
        messages.warning(
            request,
            _(
                "Pratinjau itu sudah tidak ada (lebih dari 2 jam, atau sudah disimpan); unggah lembarnya lagi."
            ),
        )
        return redirect(konteks["unggah_url"])
    status = 200
    galat_simpan = galat_akui = None
    akui = False
    if request.method == "POST":
        if "batal" in request.POST:
            _hapus_sesi(request, token)
            messages.info(request, _("Unggahan dibatalkan; tidak ada yang disimpan."))
            return redirect(konteks["kembali_url"])
        akui = bool(request.POST.get("akui"))
        if pr.berperingatan and not akui:
            status = 400
            galat_akui = _(
                "Periksa nilai yang diberi peringatan; bila sudah benar, centang kotak ini lalu simpan lagi."
            )
        else:
            try:
                n = lembar.simpan_lembar(pr, p, request.user, akui=akui)
            except Ditolak as e:
                status = 409
                galat_simpan = e.pesan
            else:
                _hapus_sesi(request, token)
                if jenis == "rencana":
                    pesan = _("Rencana aksi %(n)s indikator disimpan dari “%(nama)s”.")
                else:
                    pesan = _(
                        "Realisasi %(n)s indikator disimpan dari “%(nama)s” sebagai draf; lampirkan bukti lalu ajukan."
                    )
                messages.success(request, pesan % {"n": n, "nama": pr.nama_berkas})
                return redirect(konteks["kembali_url"])
    konteks.update(
        {
            "pr": pr,
            "ringkas": lembar.ringkas_perubahan(pr.baris),
            "galat_simpan": galat_simpan,
            "galat_akui": galat_akui,
            "akui": akui,
        }
    )
    return render(request, "monitoring/lembar_pratinjau.html", konteks, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def lembar_pratinjau(request: HttpRequest, pk: int, tw: int, token: str) -> HttpResponse:
    """The preview of an uploaded realisasi sheet; POST accepts it (or cancels)."""
    return _pratinjau(request, _perjanjian(request, pk), _triwulan(tw), token)


# ---------------------------------------------------------------------------------------------------
# Rencana aksi
# ---------------------------------------------------------------------------------------------------


@login_required
@require_GET
def rencana_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """The XLSX template of the PK's rencana aksi."""
    p = _perjanjian(request, pk)
    return _xlsx(lembar.tulis_rencana(p), lembar.nama_berkas(p))


@login_required
@require_http_methods(["GET", "POST"])
def rencana_unggah(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a filled rencana aksi sheet."""
    return _unggah(request, _perjanjian(request, pk), None)


@login_required
@require_http_methods(["GET", "POST"])
def rencana_pratinjau(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The preview of an uploaded rencana aksi sheet; POST accepts it (or cancels)."""
    return _pratinjau(request, _perjanjian(request, pk), None, token)

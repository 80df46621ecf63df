"""The PK's life on the web: its transitions, a new version, the trail, a comparison, the signed scan.

Thin: every page reads the request, calls `alur` or `versi` (which check the right and the state and
write the trail) and renders. A PK the user may not see is 404; an action the user may not take is
403; an action the state or the review refuses re-renders its page with the reason (409).
"""

from __future__ import annotations

import hashlib
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.agreements import alur, versi
from kinerja.agreements.forms import AjukanForm, CatatanForm, PerubahanForm, TandatanganiForm
from kinerja.agreements.models import PerjanjianKinerja, PindaianPK
from kinerja.agreements.pindaian import akhiran
from kinerja.agreements.riwayat_tampil import baris_riwayat, beda_tampil
from kinerja.domain import pk_text
from kinerja.domain.source import SourceError
from kinerja.riwayat.models import Riwayat
from kinerja.units.permissions import can


def pk_terlihat(request: HttpRequest, pk_id: int) -> PerjanjianKinerja:
    """The PK if the user may see it (404 otherwise, as for a PK that does not exist)."""
    return get_object_or_404(PerjanjianKinerja.objects.visible_to(request.user).untuk_halaman(), pk=pk_id)


def _form_aksi(t: alur.Transisi, request: HttpRequest, perjanjian: PerjanjianKinerja):
    data = request.POST if request.method == "POST" else None
    if t.aksi == "ajukan":
        peringatan = [x for x in alur.temuan_pk(perjanjian) if x.tingkat == "peringatan"]
        return AjukanForm(data, peringatan=peringatan)
    if t.aksi == "tandatangani":
        return TandatanganiForm(data, request.FILES if data is not None else None)
    return CatatanForm(data, wajib=t.perlu_catatan)


@login_required
@require_http_methods(["GET", "POST"])
def pk_aksi(request: HttpRequest, pk_id: int, aksi: str) -> HttpResponse:
    """One transition: GET explains it and asks what it needs; POST takes it through `alur`."""
    perjanjian = pk_terlihat(request, pk_id)
    t = alur.TRANSISI.get(aksi)
    if t is None:
        raise Http404
    if not alur.boleh(request.user, t.izin, perjanjian):
        raise PermissionDenied(_("Anda tidak berhak melakukan aksi ini pada PK ini."))
    galat = [x for x in alur.temuan_pk(perjanjian) if x.tingkat == "galat"] if aksi == "ajukan" else []
    form = _form_aksi(t, request, perjanjian)
    ditolak: alur.Ditolak | None = None
    status = 200
    if perjanjian.status not in t.dari:
        ditolak = alur.StatusTidakSesuai(
            _("PK ini berstatus %(status)s; aksi ini tidak dapat dilakukan sekarang.")
            % {"status": perjanjian.get_status_display()}
        )
        status = 409
    elif request.method == "POST":
        if form.is_valid():
            try:
                _jalankan(t, request, perjanjian, form)
            except alur.Ditolak as err:
                ditolak, status = err, 409
                galat = getattr(err, "temuan", galat) if isinstance(err, alur.AdaGalat) else galat
            else:
                messages.success(
                    request,
                    _("%(aksi)s: PK kini berstatus %(status)s.")
                    % {"aksi": t.label, "status": perjanjian.get_status_display()},
                )
                return redirect("agreements:pk_detail", pk_id=perjanjian.pk)
        else:
            status = 400
    return render(
        request,
        "agreements/pk_aksi.html",
        {
            "perjanjian": perjanjian,
            "t": t,
            "form": form,
            "galat": galat,
            "ditolak": ditolak,
            "tampil_form": perjanjian.status in t.dari and not galat,
        },
        status=status,
    )


def _jalankan(t: alur.Transisi, request: HttpRequest, perjanjian: PerjanjianKinerja, form) -> None:
    catatan = form.cleaned_data.get("catatan", "")
    if t.aksi == "ajukan":
        alur.ajukan(perjanjian, request.user, akui=form.akui(), catatan=catatan)
    elif t.aksi == "tandatangani":
        alur.tandatangani(perjanjian, request.user, pindaian=form.cleaned_data["pindaian"], catatan=catatan)
    else:
        alur.VERB[t.aksi](perjanjian, request.user, catatan=catatan)


@login_required
@require_http_methods(["GET", "POST"])
def pk_perubahan(request: HttpRequest, pk_id: int) -> HttpResponse:
    """Make a new version (PK perubahan) of a published PK, from a file or as a copy."""
    perjanjian = pk_terlihat(request, pk_id)
    if not alur.boleh(request.user, alur.IZIN_PERUBAHAN, perjanjian):
        raise PermissionDenied(_("Anda tidak berhak membuat PK perubahan untuk unit ini."))
    form = PerubahanForm(request.POST or None, request.FILES or None)
    ditolak = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                baru = _buat_perubahan(request, perjanjian, form)
            except (alur.Ditolak, SourceError, ValueError) as err:
                ditolak, status = getattr(err, "pesan", None) or str(err), 409
            else:
                messages.success(
                    request,
                    _(
                        "PK perubahan versi %(versi)d dibuat sebagai draf. Periksa, ubah bila perlu, lalu ajukan."
                    )
                    % {"versi": baru.versi},
                )
                return redirect("agreements:pk_detail", pk_id=baru.pk)
    return render(
        request,
        "agreements/pk_perubahan.html",
        {
            "perjanjian": perjanjian,
            "form": form,
            "ditolak": ditolak,
            "boleh": perjanjian.status == "diterbitkan",
        },
        status=status,
    )


def _buat_perubahan(request: HttpRequest, perjanjian: PerjanjianKinerja, form) -> PerjanjianKinerja:
    berkas = form.cleaned_data.get("berkas")
    data = sumber = sha = None
    if berkas:
        isi = berkas.read()
        daftar = pk_text.parse_bytes(isi, berkas.name)
        if len(daftar) != 1:
            raise alur.IsianKurang(
                _("Berkas PK perubahan harus berisi tepat satu PK (berisi %d).") % len(daftar)
            )
        data, sumber, sha = daftar[0], berkas.name, hashlib.sha256(isi).hexdigest()
    return versi.buat_perubahan(
        perjanjian,
        request.user,
        alasan=form.cleaned_data["alasan"],
        keterangan=form.cleaned_data.get("keterangan", ""),
        data=data,
        sumber=sumber,
        sha256=sha,
    )


@login_required
def pk_riwayat(request: HttpRequest, pk_id: int) -> HttpResponse:
    """The whole trail of a PK, oldest first: for those who may view its unit (not the public)."""
    perjanjian = pk_terlihat(request, pk_id)
    if not can(request.user, "view", perjanjian.unit):
        raise Http404
    entri = list(Riwayat.objects.untuk(perjanjian))
    return render(
        request,
        "agreements/pk_riwayat.html",
        {"perjanjian": perjanjian, "riwayat": baris_riwayat(entri), "jumlah": len(entri)},
    )


def pk_beda(request: HttpRequest, pk_id: int, lain_id: int) -> HttpResponse:
    """What changed from one PK (version) to another: parties, sasaran, indikator, targets, programs."""
    lama = pk_terlihat(request, pk_id)
    baru = pk_terlihat(request, lain_id)
    hasil = versi.bandingkan(lama, baru)
    return render(
        request, "agreements/pk_beda.html", {"lama": lama, "baru": baru, "kelompok": beda_tampil(hasil)}
    )


@login_required
def pk_pindaian(request: HttpRequest, pk_id: int, pindaian_id: int) -> HttpResponse:
    """The signed scan, as a download only, for those who may view the PK's unit."""
    perjanjian = pk_terlihat(request, pk_id)
    if not can(request.user, "view", perjanjian.unit):
        raise Http404
    berkas = get_object_or_404(PindaianPK, pk=pindaian_id, perjanjian=perjanjian)
    nama = f"PK-{perjanjian.tahun}-{perjanjian.pk}-pindaian-{berkas.pk}{akhiran(berkas.jenis_isi)}"
    respons = HttpResponse(bytes(berkas.isi), content_type="application/octet-stream")
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    respons["X-Content-Type-Options"] = "nosniff"
    return respons


def pk_json(request: HttpRequest, pk_id: int) -> HttpResponse:
    """The stored PK as JSON (docs/pk-json.md), with its trail for those who may view its unit."""
    from kinerja.agreements.ekspor import pk_ke_json

    perjanjian = pk_terlihat(request, pk_id)
    data = pk_ke_json(perjanjian, dengan_riwayat=can(request.user, "view", perjanjian.unit))
    respons = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    respons["Content-Disposition"] = content_disposition_header(
        True, f"PK-{perjanjian.tahun}-{perjanjian.pk}.json"
    )
    return respons

"""The reports of monitoring: /pantau/pk/N/laporan/tw/2/ (the triwulan report) and /pantau/pk/N/lkjip/
(the LKjIP draft), as a page, or as a download with ?format=pdf|docx|xlsx.

Thin: read the request, check the right, build the context once (kinerja.monitoring.laporan), render.
A PK's monitoring is the unit's own (a published PK is public, its monitoring is not): it is shown to
those who may view the PK's unit (`can(user, "view", unit)`); the anonymous go to the login page, a
user who may read the PK but not its unit gets 403, a PK the user may not read at all 404 (as its
page). A PK that was never signed has no monitoring: 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from kinerja.agreements.models import PerjanjianKinerja, Status
from kinerja.domain import pantau
from kinerja.monitoring import laporan as lap
from kinerja.monitoring.layanan import STATUS_DIPANTAU
from kinerja.units.permissions import can

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A replaced PK keeps its realisasi (read only): its reports are still drawn.
STATUS_BERLAPOR = (*STATUS_DIPANTAU, Status.DIGANTI)


def _perjanjian(request: HttpRequest, pk: int) -> PerjanjianKinerja:
    perjanjian = get_object_or_404(
        PerjanjianKinerja.objects.visible_to(request.user).select_related("unit", "unit__induk"), pk=pk
    )
    if not can(request.user, "view", perjanjian.unit):
        raise PermissionDenied(_("Data pemantauan hanya untuk pengguna unit ini dan unit di atasnya."))
    if perjanjian.status not in STATUS_BERLAPOR:
        raise Http404(_("PK ini belum ditandatangani: belum ada pemantauan."))
    return perjanjian


def _format(request: HttpRequest) -> str:
    format_ = request.GET.get("format", "")
    if format_ and format_ not in MIME:
        raise Http404
    return format_


def _unduh(isi: bytes, format_: str, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=MIME[format_])
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    return respons


def _triwulan() -> list[tuple[int, str]]:
    return [(t, pantau.ROMAWI[t]) for t in pantau.TRIWULAN]


@login_required
def laporan_triwulan(request: HttpRequest, pk: int, tw: int) -> HttpResponse:
    """The triwulan report (Laporan Pengukuran Kinerja Triwulan …)."""
    if tw not in pantau.TRIWULAN:
        raise Http404
    perjanjian = _perjanjian(request, pk)
    format_ = _format(request)
    if format_:
        data = lap.konteks_dokumen(lambda: lap.laporan_triwulan(perjanjian, tw))
        fungsi = {"pdf": lap.pdf_triwulan, "docx": lap.docx_triwulan, "xlsx": lap.xlsx_triwulan}
        return _unduh(fungsi[format_](data), format_, lap.nama_berkas_triwulan(perjanjian, tw, format_))
    return render(
        request,
        "monitoring/laporan_triwulan.html",
        {"p": perjanjian, "l": lap.laporan_triwulan(perjanjian, tw), "tw": tw, "triwulan": _triwulan()},
    )


@login_required
def lkjip(request: HttpRequest, pk: int) -> HttpResponse:
    """The LKjIP draft (BAB I–IV, Lampiran), its tables filled from the monitoring."""
    perjanjian = _perjanjian(request, pk)
    format_ = _format(request)
    if format_:
        data = lap.konteks_dokumen(lambda: lap.lkjip(perjanjian))
        fungsi = {"pdf": lap.pdf_lkjip, "docx": lap.docx_lkjip, "xlsx": lap.xlsx_lkjip}
        return _unduh(fungsi[format_](data), format_, lap.nama_berkas_lkjip(perjanjian, format_))
    return render(
        request,
        "monitoring/laporan_lkjip.html",
        {"p": perjanjian, "l": lap.lkjip(perjanjian), "triwulan": _triwulan()},
    )

"""Results of the SKM: a period's IKM page (public once closed), a unit's year with its child units, the
SKM report as PDF and DOCX. A closed period's results are public (PermenPANRB 14/2017 asks for their
publication); an open period's interim results only for those who may view its unit (404 otherwise).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.surveys.hasil import data_hasil, data_tahunan
from kinerja.surveys.models import PeriodeSurvei, Respons
from kinerja.units.models import Unit
from kinerja.units.permissions import can


def periode_hasil(request: HttpRequest, token: str) -> PeriodeSurvei:
    """The period if its results may be seen: closed (public) or viewable by the user; 404 otherwise."""
    periode = get_object_or_404(PeriodeSurvei.objects.select_related("unit"), token=token)
    if periode.status != PeriodeSurvei.Status.DITUTUP and not can(request.user, "view", periode):
        raise Http404(_("Hasil survei ini belum diterbitkan."))
    return periode


@require_http_methods(["GET", "HEAD"])
def hasil(request: HttpRequest, token: str) -> HttpResponse:
    """The IKM page of one period: IKM, mutu, NRR per unsur (lowest first), profile, layanan, trend."""
    periode = periode_hasil(request, token)
    d = data_hasil(periode)
    boleh_ubah = can(request.user, "edit", periode)
    return render(
        request,
        "surveys/hasil.html",
        {
            "periode": periode,
            "d": d,
            "boleh_ubah": boleh_ubah,
            "boleh_lihat_unit": boleh_ubah or can(request.user, "view", periode),
            "tahun": periode.tanggal_selesai.year,
            # How many wrote a saran: the texts themselves are for the unit (views_saran.py).
            "jumlah_saran": Respons.objects.filter(periode=periode).exclude(saran="").count(),
        },
    )


@require_http_methods(["GET", "HEAD"])
def daftar_hasil(request: HttpRequest) -> HttpResponse:
    """The public index of SKM results: every closed period's IKM, newest first (PermenPANRB 14/2017
    asks for their publication), 50 a page, a fixed number of queries."""
    from django.core.paginator import Paginator

    from kinerja.surveys.models import SnapshotIKM

    qs = (
        SnapshotIKM.objects.semua_layanan()
        .select_related("periode", "unit")
        .order_by("-tanggal_selesai", "unit__nama", "pk")
    )
    halaman = Paginator(qs, 50).get_page(request.GET.get("halaman"))
    return render(request, "surveys/daftar_hasil.html", {"halaman": halaman})


@require_http_methods(["GET", "HEAD"])
def tahunan(request: HttpRequest, unit_id: int, tahun: int) -> HttpResponse:
    """A unit's year: its closed periods, the annual IKM (mean of semesters), its child units' mean."""
    unit = get_object_or_404(Unit, pk=unit_id)
    t = data_tahunan(unit, tahun)
    return render(
        request,
        "surveys/tahunan.html",
        {"unit": unit, "tahun": tahun, **t, "kembali": reverse("surveys:tahunan", args=[unit.pk, tahun - 1])},
    )


def _unduhan(isi: bytes, nama: str, jenis: str) -> HttpResponse:
    r = HttpResponse(isi, content_type=jenis)
    r["Content-Disposition"] = f'attachment; filename="{nama}"'
    return r


def _nama_berkas(periode: PeriodeSurvei, akhiran: str) -> str:
    import re

    dasar = re.sub(r"[^A-Za-z0-9]+", "-", f"Laporan SKM {periode.unit.nama} {periode.judul}").strip("-")
    return f"{dasar}.{akhiran}"


@require_http_methods(["GET", "HEAD"])
def laporan_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The SKM report (BAB I–V, Lampiran) as PDF; interim (marked) for an open period's unit users."""
    from kinerja.surveys.laporan import render_laporan_pdf

    periode = periode_hasil(request, token)
    return _unduhan(render_laporan_pdf(periode), _nama_berkas(periode, "pdf"), "application/pdf")


@require_http_methods(["GET", "HEAD"])
def laporan_docx(request: HttpRequest, token: str) -> HttpResponse:
    """The SKM report as DOCX, to edit further in a word processor."""
    from kinerja.surveys.laporan import render_laporan_docx

    periode = periode_hasil(request, token)
    return _unduhan(
        render_laporan_docx(periode),
        _nama_berkas(periode, "docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )

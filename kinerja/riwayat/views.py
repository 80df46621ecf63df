"""The security log's page (/keamanan/): for the pemda's admin (an admin of a top unit) and the
inspektorat, filtered by kind, user and dates, newest first, fifty a page with fixed queries."""

from __future__ import annotations

from datetime import date, datetime, time

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kinerja.riwayat.models import PeristiwaKeamanan


def boleh_baca_log(user) -> bool:
    """The superuser, an admin of a top unit (the pemda), or the inspektorat (the menu's rule)."""
    from kinerja.units.menu import _menu

    return bool(_menu(user)["keamanan"])


def _tanggal(teks: str | None) -> date | None:
    try:
        return date.fromisoformat(teks) if teks else None
    except ValueError:
        return None


@login_required
@require_GET
def log_keamanan(request: HttpRequest) -> HttpResponse:
    if not boleh_baca_log(request.user):
        raise PermissionDenied(_("Log keamanan hanya untuk admin pemerintah daerah dan inspektorat."))
    qs = PeristiwaKeamanan.objects.all()
    jenis = request.GET.get("jenis", "")
    if jenis in PeristiwaKeamanan.Jenis.values:
        qs = qs.filter(jenis=jenis)
    nama = request.GET.get("pengguna", "").strip()[:150]
    if nama:
        qs = qs.filter(nama_pengguna__icontains=nama)
    zona = timezone.get_current_timezone()
    dari, sampai = _tanggal(request.GET.get("dari")), _tanggal(request.GET.get("sampai"))
    if dari:
        qs = qs.filter(waktu__gte=datetime.combine(dari, time.min, zona))
    if sampai:
        qs = qs.filter(waktu__lte=datetime.combine(sampai, time.max, zona))
    halaman = Paginator(qs.order_by("-waktu", "-id"), 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "riwayat/keamanan.html",
        {
            "halaman": halaman,
            "pilihan_jenis": PeristiwaKeamanan.Jenis.choices,
            "jenis": jenis,
            "nama": nama,
            "dari": dari,
            "sampai": sampai,
        },
    )

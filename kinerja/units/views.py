"""Small pages of the units app: the NIP checked as it is typed (htmx) — answered as a short fragment."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kinerja.domain import nip as nip_mod
from kinerja.domain.tanggal import BULAN, format_tanggal
from kinerja.units.models import Pejabat
from kinerja.units.permissions import can


@login_required
@require_GET
def periksa_nip(request: HttpRequest) -> HttpResponse:
    """What a typed NIP says (Perka BKN 22/2007): its parts when valid, else what is wrong with it, and
    whether a pejabat already has it. An empty NIP answers nothing (it is optional)."""
    teks = (request.GET.get("nip") or "")[:64].replace("\x00", "")
    if nip_mod.nip_kosong(teks):
        return HttpResponse("")
    salah = nip_mod.periksa_nip(teks)
    if salah:
        return HttpResponse(f'<span class="galat">{escape("; ".join(salah))}</span>')
    n = nip_mod.parse_nip(teks)
    pesan = _("NIP sah: lahir %(lahir)s, TMT CPNS %(tmt)s, %(jk)s.") % {
        "lahir": format_tanggal(n.tanggal_lahir),
        "tmt": f"{BULAN[n.tmt_bulan - 1]} {n.tmt_tahun}",
        "jk": _("laki-laki") if n.jenis_kelamin == 1 else _("perempuan"),
    }
    ada = Pejabat.objects.filter(nip=n.digits).select_related("unit").first()
    if ada is not None:
        siapa = str(ada) if ada.unit is None or can(request.user, "view", ada.unit) else _("pejabat lain")
        pesan += " " + _("NIP ini sudah terdaftar atas nama %s.") % siapa
        return HttpResponse(f'<span class="galat">{escape(pesan)}</span>')
    return HttpResponse(f'<span class="sah">{escape(pesan)}</span>')

"""The address of the client a request comes from — for the SKM form's limits and the login lockout.

A server behind a reverse proxy (Caddy, nginx) sees every visitor arrive from the proxy's address; the
proxy says who the client is in a header (`KINERJA_HEADER_ALAMAT_KLIEN`, e.g. "HTTP_X_FORWARDED_FOR").
That header is believed only when the request comes from one of the proxies named in
`KINERJA_PROXY_TEPERCAYA` (default: this machine, 127.0.0.1 and ::1, where the documented proxy runs);
from anyone else it is ignored — a client can write any X-Forwarded-For it likes. Of the header, only the
last entry counts: the one the proxy itself appended.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def alamat_klien(request: HttpRequest) -> str:
    """REMOTE_ADDR, or — from a trusted proxy — the last entry of the configured header."""
    langsung = request.META.get("REMOTE_ADDR", "")
    header = getattr(settings, "KINERJA_HEADER_ALAMAT_KLIEN", None)
    if not header or langsung not in settings.KINERJA_PROXY_TEPERCAYA:
        return langsung
    nilai = request.META.get(header, "")
    return nilai.rsplit(",", 1)[-1].strip() or langsung if nilai else langsung

"""The public address of this kinerja, as printed under QR codes (PK verification, SKM posters).

Production sets `KINERJA_BASE_URL` (`kinerja check --deploy` warns when it is unset with DEBUG=0). In development,
when it is unset, the address is the one the request came to (`make run PORT=9000` prints port 9000),
set for the request by `AlamatDasarMiddleware`; without a request (the command line) it is
http://127.0.0.1:8000.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.core import checks

CADANGAN = "http://127.0.0.1:8000"
_alamat_permintaan: ContextVar[str | None] = ContextVar("kinerja_alamat_permintaan", default=None)


def alamat_dasar() -> str:
    """The base URL without a trailing slash."""
    if settings.KINERJA_BASE_URL:
        return settings.KINERJA_BASE_URL
    return _alamat_permintaan.get() or CADANGAN


class AlamatDasarMiddleware:
    """In development without KINERJA_BASE_URL, QR codes point at the address being served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.KINERJA_BASE_URL or not settings.DEBUG:
            return self.get_response(request)
        token = _alamat_permintaan.set(request.build_absolute_uri("/").rstrip("/"))
        try:
            return self.get_response(request)
        finally:
            _alamat_permintaan.reset(token)


@checks.register(checks.Tags.security, deploy=True)
def cek_alamat_dasar(app_configs, **kwargs):
    """Warn when production (DEBUG=0) does not say its public address."""
    if settings.DEBUG or settings.KINERJA_BASE_URL:
        return []
    return [
        checks.Warning(
            "KINERJA_BASE_URL belum diisi: kode QR verifikasi PK dan poster SKM akan menunjuk "
            f"{CADANGAN}, bukan alamat publik server ini.",
            hint="Isi KINERJA_BASE_URL, mis. https://kinerja.gowakab.go.id (lihat README).",
            id="kinerja.W001",
        )
    ]

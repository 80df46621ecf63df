"""The second factor (TOTP, django-otp): required for those whose account can do the most harm.

Required (`wajib`) for staff and superusers, and for anyone with an admin, pimpinan or inspektorat role
— when `KINERJA_DUA_LANGKAH_WAJIB` is on (the default with DEBUG off; the `make run` demo leaves it
off). Optional for everyone else, from the account page. After the password, such a user is sent to
`/akun/dua-langkah/`: to set up an authenticator app (a QR code and its key; one code to confirm), or,
once set up, to type the app's six-digit code or one of the ten recovery codes (each once). Until then
every other page sends him there (`DuaLangkahMiddleware`); logging out stays possible.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from kinerja.units.models import UnitRole

PERAN_WAJIB = (UnitRole.Peran.ADMIN, UnitRole.Peran.PIMPINAN, UnitRole.Peran.INSPEKTORAT)


def wajib(user) -> bool:
    """Whether `user` must use a second factor (the setting on, and a role that needs it)."""
    if not getattr(settings, "KINERJA_DUA_LANGKAH_WAJIB", False) or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    from kinerja.units.permissions import _roles

    return any(p in PERAN_WAJIB for p, _unit, _jalur in _roles(user))


def _bebas(path: str) -> bool:
    """Paths a user who still owes his second factor may open."""
    awal = (reverse("akun_dua_langkah"), reverse("keluar"), settings.STATIC_URL, "/i18n/")
    return path.startswith(awal)


class DuaLangkahMiddleware:
    """Send a user who must use a second factor, and has not yet in this session, to the second step
    (after django_otp's OTPMiddleware, which marks `request.user.is_verified()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and wajib(user) and not _bebas(request.path):
            return redirect(f"{reverse('akun_dua_langkah')}?next={request.get_full_path()}")
        return self.get_response(request)

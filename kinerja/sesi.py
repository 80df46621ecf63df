"""Sessions end: after `KINERJA_SESI_DIAM_MENIT` minutes without a request (idle) and, whatever the
activity, `KINERJA_SESI_MAKS_JAM` hours after the login (absolute). A shared computer at a kantor
camat is left logged in; a stolen session cookie should not work for two weeks.

The times are kept in the session: set at login (`user_logged_in`), the last activity refreshed at most
once a minute, so an ordinary request writes nothing. A session past either limit is logged out on
its next request, which then goes on as a visitor's (a page that needs a login sends to the login
page, with a message saying why).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

MASUK = "kinerja_masuk"  # when the user logged in (epoch seconds)
AKTIF = "kinerja_aktif"  # the last request, to the minute
_SEGARKAN = 60  # seconds: the last activity is written at most this often


@receiver(user_logged_in)
def _catat_masuk(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        sekarang = time.time()
        request.session[MASUK] = sekarang
        request.session[AKTIF] = sekarang


class SesiMiddleware:
    """Log out a session past its idle or absolute limit (after the auth and messages middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._periksa(request)
        return self.get_response(request)

    @staticmethod
    def _periksa(request) -> None:
        sekarang = time.time()
        masuk = request.session.get(MASUK)
        aktif = request.session.get(AKTIF, masuk)
        if masuk is None or aktif is None:  # a session from before this rule: its clock starts now
            request.session[MASUK] = request.session[AKTIF] = sekarang
            return
        diam = sekarang - aktif > settings.KINERJA_SESI_DIAM_MENIT * 60
        habis = sekarang - masuk > settings.KINERJA_SESI_MAKS_JAM * 3600
        if diam or habis:
            logout(request)
            messages.info(
                request,
                _("Sesi Anda berakhir karena %(menit)s menit tidak ada kegiatan; silakan masuk lagi.")
                % {"menit": settings.KINERJA_SESI_DIAM_MENIT}
                if diam
                else _("Sesi Anda berakhir (paling lama %(jam)s jam setelah masuk); silakan masuk lagi.")
                % {"jam": settings.KINERJA_SESI_MAKS_JAM},
            )
        elif sekarang - aktif > _SEGARKAN:
            request.session[AKTIF] = sekarang

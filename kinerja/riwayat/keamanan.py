"""Writing the security log (`PeristiwaKeamanan`): one call, and the signals that call it for logins.

`catat_keamanan` stores the event and writes it as a JSON line through the `kinerja.keamanan` logger
(stderr in production, kinerja/log.py). Logins, failures and logouts come from Django's auth signals,
lockouts from django-axes'; password changes and links, role changes and the saran pages call it.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from kinerja.riwayat.models import PeristiwaKeamanan

log = logging.getLogger("kinerja.keamanan")
Jenis = PeristiwaKeamanan.Jenis


def catat_keamanan(
    jenis: str, *, request=None, pengguna=None, nama: str = "", keterangan: str = "", **data: Any
) -> PeristiwaKeamanan:
    """Store one security event (who: `pengguna`, else the request's user; from where: the request)."""
    from kinerja.klien import alamat_klien

    if pengguna is None and request is not None and getattr(request, "user", None) is not None:
        pengguna = request.user if request.user.is_authenticated else None
    nama = nama or (pengguna.get_username() if pengguna is not None else "")
    alamat = alamat_klien(request) if request is not None else ""
    peristiwa = PeristiwaKeamanan.objects.create(
        jenis=jenis,
        pengguna=pengguna,
        nama_pengguna=nama[:150],
        alamat=alamat[:64],
        keterangan=keterangan[:300],
        data=data,
    )
    log.info(
        "%s: %s",
        PeristiwaKeamanan.Jenis(jenis).label,
        keterangan or nama,
        extra={"jenis": jenis, "nama_pengguna": nama, "alamat": alamat},
    )
    return peristiwa


@receiver(user_logged_in)
def _masuk(sender, request, user, **kwargs) -> None:
    catat_keamanan(Jenis.MASUK, request=request, pengguna=user)


@receiver(user_login_failed)
def _gagal(sender, credentials, request=None, **kwargs) -> None:
    catat_keamanan(Jenis.MASUK_GAGAL, request=request, nama=str(credentials.get("username", ""))[:150])


@receiver(user_logged_out)
def _keluar(sender, request, user, **kwargs) -> None:
    if user is not None:
        catat_keamanan(Jenis.KELUAR, request=request, pengguna=user)


def _terkunci(sender, request, username=None, ip_address=None, **kwargs) -> None:
    from django.conf import settings

    keterangan = f"{settings.AXES_FAILURE_LIMIT} kali gagal"
    catat_keamanan(Jenis.TERKUNCI, request=request, nama=str(username or "")[:150], keterangan=keterangan)


def sambungkan() -> None:
    """Connect django-axes' lockout signal (imported at app start: RiwayatConfig.ready)."""
    from axes.signals import user_locked_out

    user_locked_out.connect(_terkunci, dispatch_uid="kinerja_keamanan_terkunci")

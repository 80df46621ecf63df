"""The demo (its accounts with known passwords, its data) exists only where DEBUG is on."""

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def tolak_tanpa_debug() -> None:
    """Refuse a demo command on a server (DEBUG off): the demo's admin password is public."""
    if not settings.DEBUG:
        raise CommandError(
            _(
                "Data demo hanya untuk mencoba (DEBUG=1, make run): akun demonya bersandi umum dan tidak boleh "
                "ada di server. Buat akun dengan `kinerja createsuperuser`."
            )
        )

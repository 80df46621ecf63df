from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiwayatConfig(AppConfig):
    name = "kinerja.riwayat"
    verbose_name = _("Riwayat (jejak audit)")

    def ready(self) -> None:
        from kinerja.riwayat import keamanan

        keamanan.sambungkan()  # the auth signals connect on import; axes' lockout here

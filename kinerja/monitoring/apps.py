from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "kinerja.monitoring"
    label = "monitoring"
    verbose_name = _("Pemantauan kinerja")

    def ready(self) -> None:
        from kinerja.agreements.alur import daftarkan_saat_diganti
        from kinerja.monitoring.versi import bawa_ke_pengganti

        # A published PK perubahan takes over the year's realisasi, rencana and budget of its version.
        daftarkan_saat_diganti(bawa_ke_pengganti)

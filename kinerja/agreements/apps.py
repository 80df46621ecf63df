from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "kinerja.agreements"
    verbose_name = _("Perjanjian kinerja")

    def ready(self) -> None:
        from kinerja import alamat  # noqa: F401  (registers the system check on KINERJA_BASE_URL)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "kinerja.units"
    verbose_name = _("Unit dan pejabat")

    def ready(self) -> None:
        from kinerja import sesi  # noqa: F401  (connects the login time to user_logged_in)

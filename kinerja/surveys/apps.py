from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "kinerja.surveys"
    verbose_name = _("Survei Kepuasan Masyarakat")

    def ready(self) -> None:
        # Signals that drop the public form's cached questionnaire when a period or a list changes.
        from kinerja.surveys import kuesioner  # noqa: F401

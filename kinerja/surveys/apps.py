from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "kinerja.surveys"
    verbose_name = _("Survei Kepuasan Masyarakat")

    def ready(self) -> None:
        # Signals that drop the public form's cached questionnaire when a period or a list changes.
        from kinerja.agreements.otomatis import daftarkan
        from kinerja.surveys import kuesioner  # noqa: F401
        from kinerja.surveys.pk_link import nilai_skm

        # The SKM's figures beside the PK's IKM, respondents and follow-up indicators.
        daftarkan(nilai_skm)

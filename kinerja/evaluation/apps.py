from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "kinerja.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluasi SAKIP")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kinerja.agreements import otomatis
        from kinerja.evaluation.pk_link import nilai_sakip

        # The final Nilai SAKIP of a unit's year beside (and into) the PK's "Nilai SAKIP" indicator.
        otomatis.daftarkan(nilai_sakip)

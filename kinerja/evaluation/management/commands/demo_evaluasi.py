"""`kinerja demo_evaluasi`: the demo's SAKIP evaluations (after `kinerja demo`, `demo_skm`, `demo_pantau`)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.demo_aman import tolak_tanpa_debug


class Command(BaseCommand):
    help = _("Muat evaluasi SAKIP demo Kecamatan Bajeng (2023 dan 2024, final, dengan LHE).")

    def handle(self, *args, **options):
        tolak_tanpa_debug()
        from kinerja.evaluation import demo

        with transaction.atomic():
            self.stdout.write(demo.muat())

"""`kinerja demo_pantau`: a year of monitoring for the demo PK (after `kinerja demo` and `demo_skm`)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.demo_aman import tolak_tanpa_debug


class Command(BaseCommand):
    help = _("Muat data pemantauan demo (rencana aksi, realisasi tiga triwulan) untuk PK demo.")

    def handle(self, *args, **options):
        tolak_tanpa_debug()
        from kinerja.monitoring import demo

        pk = demo.pk_demo()
        if pk is None:
            raise CommandError(_("PK demo belum dimuat: jalankan `kinerja demo` dulu."))
        with transaction.atomic():
            self.stdout.write(demo.muat(pk))

"""`kinerja capaian FILE [--batas] [--json]`: capaian by the declared formula (kinerja.agreements.capaian_cli)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kinerja.agreements import capaian_cli


class Command(BaseCommand):
    help = _("Hitung capaian per indikator dari berkas target dan realisasi, dan periksa capaian tercetak.")

    def add_arguments(self, parser) -> None:
        capaian_cli.add_arguments(parser)

    def handle(self, *args, **options) -> None:
        capaian_cli.handle(self, options)

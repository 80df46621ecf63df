"""`kinerja sakip nilai FILE.csv|FILE.xlsx [--nilai-tercetak 74,15] [--json]`: the Nilai SAKIP of a file
of LKE answers or component scores, and whether a printed one follows (kinerja.sakip_cli).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kinerja import sakip_cli


class Command(BaseCommand):
    help = _("Evaluasi SAKIP: hitung Nilai SAKIP dari berkas jawaban LKE atau nilai komponen (nilai).")

    def add_arguments(self, parser) -> None:
        sakip_cli.add_arguments(parser)

    def handle(self, *args, **options) -> None:
        sakip_cli.handle(self, options)

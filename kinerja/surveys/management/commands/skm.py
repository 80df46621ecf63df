"""`kinerja skm ikm …` (IKM from a responses file or printed NRR: kinerja.surveys_cli) and
`kinerja skm bersihkan-jejak` (delete rate-limit traces of earlier days; docs/skm.md).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kinerja import surveys_cli


class Command(BaseCommand):
    help = _("Survei Kepuasan Masyarakat: hitung/periksa IKM (ikm), bersihkan jejak pembatas kiriman.")

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="aksi", required=True, metavar="{ikm,bersihkan-jejak}")
        surveys_cli.add_parser(sub)
        sub.add_parser(
            "bersihkan-jejak",
            help=_("hapus jejak pembatas kiriman (hash alamat klien) dari hari-hari sebelumnya"),
        )

    def handle(self, *args, **options) -> None:
        if options["aksi"] == "bersihkan-jejak":
            from kinerja.surveys.services import bersihkan_jejak

            n = bersihkan_jejak()
            self.stdout.write(_("%(n)d jejak lama dihapus.") % {"n": n})
            return
        surveys_cli.run(self, options)

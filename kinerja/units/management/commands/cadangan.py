"""`kinerja cadangan buat DIR` / `kinerja cadangan pulihkan DIR --ya`: back up and restore the database
and the media files together (kinerja/cadangan.py; docs/deployment.md "Backup and restore")."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kinerja.cadangan import CadanganGagal, buat, pulihkan


class Command(BaseCommand):
    help = _("Cadangkan atau pulihkan basis data dan berkas media (pindaian, bukti, dokumen).")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        b = sub.add_parser("buat", help=_("buat cadangan di folder baru"))
        b.add_argument("folder")
        p = sub.add_parser("pulihkan", help=_("ganti basis data dan media dengan isi cadangan"))
        p.add_argument("folder")
        p.add_argument("--ya", action="store_true", help=_("ya, ganti semua data dengan isi cadangan"))

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        try:
            if options["aksi"] == "buat":
                manifest = buat(folder)
                baris = sum(manifest["jumlah_baris"].values())
                self.stdout.write(
                    _("Cadangan dibuat di %(folder)s: %(baris)s baris, %(berkas)s berkas media.")
                    % {"folder": folder, "baris": baris, "berkas": len(manifest["media"])}
                )
                return
            if not options["ya"]:
                self.stderr.write(
                    _(
                        "Pemulihan mengganti SEMUA data dengan isi cadangan. Hentikan server dahulu, lalu "
                        "ulangi dengan --ya."
                    )
                )
                sys.exit(2)
            manifest = pulihkan(folder)
            self.stdout.write(
                _("Dipulihkan dari cadangan %(waktu)s: %(baris)s baris, %(berkas)s berkas media.")
                % {
                    "waktu": manifest["dibuat_pada"],
                    "baris": sum(manifest["jumlah_baris"].values()),
                    "berkas": len(manifest["media"]),
                }
            )
        except CadanganGagal as err:
            self.stderr.write(_("Galat: %s") % err)
            sys.exit(2)

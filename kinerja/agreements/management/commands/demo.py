"""`kinerja demo`: load the demo data — the real PK of Kecamatan Bajeng 2024 — and a demo admin account.

The demo PK is stored as the signed paper it is (imported as signed by the demo admin, without a
scan) and published. Idempotent: running it again leaves the published PK and the account as they are.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.demo_aman import tolak_tanpa_debug
from kinerja.domain import pk_text

DEMO_DIR = Path(__file__).resolve().parents[3] / "demo"
DEMO_FILES = ("pk-kecamatan-bajeng-2024.txt",)
DEMO_USER = "admin"
DEMO_PASSWORD = "kinerja-demo"


class Command(BaseCommand):
    help = _("Muat data demo (PK Kecamatan Bajeng 2024) dan akun admin demo.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanpa-akun",
            action="store_true",
            help=_("jangan buat akun admin demo (PK demo lalu hanya disimpan sebagai draf)"),
        )

    def handle(self, *args, **options):
        tolak_tanpa_debug()
        from kinerja.agreements.alur import terbitkan
        from kinerja.agreements.services import ImporDitolak, import_pk

        with transaction.atomic():
            admin = None if options["tanpa_akun"] else self._akun()
            for name in DEMO_FILES:
                path = DEMO_DIR / name
                for data in pk_text.parse_file(str(path)):
                    try:
                        # The demo PK is a real signed paper: imported as signed (no scan in the
                        # demo, which the trail records), then published by the demo admin.
                        res = import_pk(
                            data,
                            oleh=admin,
                            ditandatangani=admin is not None,
                            tanpa_pindaian=True,
                            sumber=name,
                        )
                    except ImporDitolak:
                        self.stdout.write(_("PK demo %s sudah dimuat.") % name)
                        continue
                    if admin is not None:
                        terbitkan(res.perjanjian, admin, catatan=_("Data demo."))
                    self.stdout.write(res.pesan[0] if res.pesan else str(res.perjanjian))

    def _akun(self):
        User = get_user_model()
        user = User.objects.filter(username=DEMO_USER).first()
        if user is None:
            user = User.objects.create_superuser(DEMO_USER, "admin@kinerja.invalid", DEMO_PASSWORD)
            self.stdout.write(_("Akun demo dibuat: %(u)s / %(p)s") % {"u": DEMO_USER, "p": DEMO_PASSWORD})
        return user

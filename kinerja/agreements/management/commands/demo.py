"""`kinerja demo`: load the demo data — the real PK of Kecamatan Bajeng 2024 — and a demo admin account.

Idempotent: running it again updates the same PK and leaves the account as it is.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.domain import pk_text

DEMO_DIR = Path(__file__).resolve().parents[3] / "demo"
DEMO_FILES = ("pk-kecamatan-bajeng-2024.txt",)
DEMO_USER = "admin"
DEMO_PASSWORD = "kinerja-demo"


class Command(BaseCommand):
    help = _("Muat data demo (PK Kecamatan Bajeng 2024) dan akun admin demo.")

    def add_arguments(self, parser):
        parser.add_argument("--tanpa-akun", action="store_true", help=_("jangan buat akun admin demo"))

    def handle(self, *args, **options):
        from kinerja.agreements.services import import_pk

        with transaction.atomic():
            for name in DEMO_FILES:
                path = DEMO_DIR / name
                for data in pk_text.parse_file(str(path)):
                    res = import_pk(data, sumber=name)
                    self.stdout.write(res.pesan[0] if res.pesan else str(res.pk))
            if not options["tanpa_akun"]:
                User = get_user_model()
                if not User.objects.filter(username=DEMO_USER).exists():
                    User.objects.create_superuser(DEMO_USER, "admin@kinerja.invalid", DEMO_PASSWORD)
                    self.stdout.write(
                        _("Akun demo dibuat: %(u)s / %(p)s") % {"u": DEMO_USER, "p": DEMO_PASSWORD}
                    )

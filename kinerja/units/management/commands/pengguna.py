"""`kinerja pengguna tambah|daftar`: set a pemda's users and their roles up without the Django admin.

    kinerja pengguna tambah USERNAME --unit "NAMA UNIT" --peran operator|pimpinan|verifikator|inspektorat|admin [--sandi-acak]
    kinerja pengguna daftar

`tambah` creates the user when new (the password is asked twice on a terminal, or generated with
`--sandi-acak` and printed once) and gives them the role on the unit; for an existing user it adds
the role (and, with `--sandi-acak`, sets a new password). An admin role also opens the admin pages,
scoped to the unit's subtree (kinerja.units.peran). Unusable input exits 2 with a message.
"""

from __future__ import annotations

import getpass
import secrets
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.domain.nama import normalise_unit
from kinerja.units.models import Unit, UnitRole
from kinerja.units.peran import beri_peran


class Command(BaseCommand):
    help = _("Pengguna dan perannya pada unit: tambah atau daftar.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        t = sub.add_parser("tambah", help=_("buat pengguna (bila baru) dan beri peran pada unit"))
        t.add_argument("username", help=_("nama pengguna untuk masuk"))
        t.add_argument("--unit", required=True, help=_("nama unit (mis. “Kecamatan Bajeng”) atau id-nya"))
        t.add_argument(
            "--peran", required=True, choices=UnitRole.Peran.values, help=" | ".join(UnitRole.Peran.values)
        )
        t.add_argument(
            "--sandi-acak", action="store_true", help=_("buat sandi acak dan cetak sekali (tanpa ditanyakan)")
        )
        t.add_argument("--nama", default="", help=_("nama lengkap (boleh kosong)"))
        sub.add_parser("daftar", help=_("daftar pengguna dan perannya"))

    def _gagal(self, pesan: str) -> None:
        self.stderr.write(_("Galat: %s") % pesan)
        sys.exit(2)

    def handle(self, *args, **options):
        if options["aksi"] == "daftar":
            return self._daftar()
        return self._tambah(options)

    def _unit(self, teks: str) -> Unit:
        if teks.strip().isdigit():
            unit = Unit.objects.filter(pk=int(teks)).first()
            if unit is None:
                self._gagal(_("Unit dengan id %s tidak ada.") % teks.strip())
            return unit
        calon = list(Unit.objects.filter(nama_normal=normalise_unit(teks)).select_related("induk"))
        if not calon:
            self._gagal(
                _("Unit “%s” tidak ada. Unit dibuat saat PK-nya diimpor, atau di halaman admin.") % teks
            )
        if len(calon) > 1:
            daftar = "; ".join(f"id {u.pk}: {u.nama} ({u.induk or '-'})" for u in calon)
            self._gagal(
                _("Ada %(n)d unit bernama “%(nama)s”: %(daftar)s. Sebutkan id-nya.")
                % {"n": len(calon), "nama": teks, "daftar": daftar}
            )
        return calon[0]

    def _sandi(self, user) -> str:
        if not sys.stdin.isatty():
            self._gagal(_("Tidak ada terminal untuk menanyakan sandi: jalankan dengan --sandi-acak."))
        for _coba in range(3):
            sandi = getpass.getpass(_("Sandi untuk %s: ") % user.username)
            if sandi != getpass.getpass(_("Ulangi sandi: ")):
                self.stderr.write(_("Kedua sandi berbeda; ulangi."))
                continue
            try:
                validate_password(sandi, user)
            except ValidationError as err:
                self.stderr.write(" ".join(err.messages))
                continue
            return sandi
        self._gagal(_("Sandi tidak diterima setelah tiga kali mencoba."))
        raise AssertionError("unreachable")

    def _tambah(self, options) -> None:
        User = get_user_model()
        unit = self._unit(options["unit"])
        username = options["username"].strip()
        if not username:
            self._gagal(_("Nama pengguna kosong."))
        with transaction.atomic():
            user = User.objects.filter(username=username).first()
            baru = user is None
            sandi_acak = None
            if baru:
                user = User(username=username, first_name=options["nama"][:150])
                if options["sandi_acak"]:
                    sandi_acak = secrets.token_urlsafe(12)
                    user.set_password(sandi_acak)
                else:
                    user.set_password(self._sandi(user))
                user.save()
            elif options["sandi_acak"]:
                sandi_acak = secrets.token_urlsafe(12)
                user.set_password(sandi_acak)
                user.save(update_fields=["password"])
            _role, dibuat = beri_peran(user, unit, options["peran"])
        if baru:
            self.stdout.write(_("Pengguna %s dibuat.") % username)
        label = UnitRole.Peran(options["peran"]).label
        if dibuat:
            self.stdout.write(_("Peran %(peran)s pada %(unit)s diberikan.") % {"peran": label, "unit": unit})
        else:
            self.stdout.write(
                _("%(user)s sudah berperan %(peran)s pada %(unit)s.")
                % {"user": username, "peran": label, "unit": unit}
            )
        if sandi_acak:
            self.stdout.write(
                _("Sandi: %s (sampaikan kepada pemiliknya; tidak ditampilkan lagi)") % sandi_acak
            )

    def _daftar(self) -> None:
        User = get_user_model()
        peran: dict[int, list[str]] = {}
        for r in UnitRole.objects.select_related("unit").order_by("unit__jalur", "peran"):
            peran.setdefault(r.user_id, []).append(f"{r.get_peran_display()} @ {r.unit.nama}")
        pengguna = list(User.objects.order_by("username"))
        if not pengguna:
            self.stdout.write(_("Belum ada pengguna."))
        for u in pengguna:
            tanda = []
            if u.is_superuser:
                tanda.append(_("superuser"))
            if not u.is_active:
                tanda.append(_("nonaktif"))
            ekor = f" ({', '.join(tanda)})" if tanda else ""
            daftar_peran = "; ".join(peran.get(u.pk, [])) or _("tanpa peran")
            self.stdout.write(f"{u.username}{ekor}: {daftar_peran}")

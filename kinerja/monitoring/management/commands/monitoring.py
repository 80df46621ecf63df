"""`kinerja monitoring …`: monitoring from the command line (docs/monitoring-lembar.md).

- `ingatkan [--tahun N] [--tanggal YYYY-MM-DD] [--kirim] [--json]`: what each unit still lacks for the
  triwulan begun (kinerja.monitoring.ingatkan), late units first; with `--kirim`, e-mailed to each
  unit's operators through the configured EMAIL_BACKEND. Exit 1 when some e-mail could not be sent
  (the others are).
- `rencana-impor --id PK --oleh PENGGUNA`: the triwulan targets from the rencana aksi printed in the
  imported PK (kinerja.monitoring.rencana_impor). Exit 1 when the service refuses (the right, the PK's
  status); nothing is stored then.

Exit 0; 2 with an Indonesian message on a bad argument (never a traceback).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from typing import NoReturn

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.monitoring import ingatkan as ing


def _gagal(command: BaseCommand, pesan: str) -> NoReturn:
    command.stderr.write(_("Galat: %s") % pesan)
    sys.exit(2)


def _tanggal(command: BaseCommand, teks: str | None) -> date:
    if teks is None:
        return timezone.localdate()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", teks.strip()):
        try:
            return date.fromisoformat(teks.strip())
        except ValueError:
            pass
    _gagal(command, _("tanggal “%s” tidak sah: tulis YYYY-MM-DD, mis. 2024-04-15.") % teks)


def _tahun(command: BaseCommand, teks: str | None, hari_ini: date) -> int:
    if teks is None:
        return ing.tahun_bawaan(hari_ini)
    teks = teks.strip()
    if not re.fullmatch(r"\d{4}", teks) or not 2000 <= int(teks) <= 2100:
        _gagal(command, _("tahun “%s” tidak sah: tulis empat angka, mis. 2024.") % teks)
    return int(teks)


class Command(BaseCommand):
    help = _("Pemantauan kinerja: ingatkan unit yang realisasi triwulannya belum lengkap.")

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="aksi", required=True)
        i = sub.add_parser(
            "ingatkan",
            help=_(
                "daftar kekurangan realisasi per unit (yang terlambat lebih dulu); --kirim: surel ke operator"
            ),
        )
        i.add_argument("--tahun", help=_("tahun PK (bawaan: tahun ini; pada bulan Januari, tahun lalu)"))
        i.add_argument("--tanggal", help=_("hitung per tanggal ini, YYYY-MM-DD (bawaan: hari ini)"))
        i.add_argument(
            "--kirim", action="store_true", help=_("kirim surel ke operator setiap unit yang belum lengkap")
        )
        i.add_argument("--json", action="store_true", help=_("cetak sebagai JSON"))
        r = sub.add_parser(
            "rencana-impor", help=_("isi target triwulan dari rencana aksi yang tercetak di PK hasil impor")
        )
        r.add_argument("--id", required=True, help=_("id Perjanjian Kinerja"))
        r.add_argument("--oleh", required=True, help=_("nama pengguna yang mengisi (dicatat di riwayat)"))

    def handle(self, *args, **options) -> None:
        if options["aksi"] == "ingatkan":
            self._ingatkan(options)
        elif options["aksi"] == "rencana-impor":
            self._rencana_impor(options)

    def _rencana_impor(self, options) -> None:
        from django.contrib.auth import get_user_model

        from kinerja.agreements.alur import Ditolak
        from kinerja.agreements.models import PerjanjianKinerja
        from kinerja.monitoring.rencana_impor import rencana_dari_impor

        teks = str(options["id"]).strip()
        perjanjian = (
            PerjanjianKinerja.objects.select_related("unit").filter(pk=int(teks)).first()
            if teks.isdigit()
            else None
        )
        if perjanjian is None:
            _gagal(self, _("Perjanjian Kinerja dengan id %s tidak ada.") % teks)
        oleh = get_user_model().objects.filter(username=options["oleh"]).first()
        if oleh is None:
            _gagal(self, _("Pengguna “%s” tidak ada.") % options["oleh"])
        catatan: list[str] = []
        try:
            n = rencana_dari_impor(perjanjian, oleh, catatan=catatan)
        except Ditolak as e:
            self.stderr.write(_("Ditolak: %s") % e.pesan)
            sys.exit(1)
        self.stdout.write(
            _("%(pk)s: %(n)d indikator mendapat target triwulan dari rencana aksi tercetak.")
            % {"pk": perjanjian, "n": n}
        )
        for c in catatan:
            self.stdout.write(f"- {c}")

    def _ingatkan(self, options) -> None:
        hari_ini = _tanggal(self, options.get("tanggal"))
        tahun = _tahun(self, options.get("tahun"), hari_ini)
        daftar = ing.ingatkan(tahun, hari_ini)
        terkirim = ing.kirim(daftar, hari_ini) if options.get("kirim") else []
        if options.get("json"):
            data = {
                "tahun": tahun,
                "tanggal": hari_ini.isoformat(),
                "unit": [p.to_json() for p in daftar if not p.lengkap],
                "lengkap": [p.unit for p in daftar if p.lengkap],
            }
            if options.get("kirim"):
                data["surel"] = [
                    {"unit": h.unit, "penerima": list(h.penerima), "galat": h.galat} for h in terkirim
                ]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(ing.format_teks(daftar, tahun, hari_ini))
            if options.get("kirim"):
                self.stdout.write("")
                for h in terkirim:
                    if h.galat:
                        self.stdout.write(
                            _("Surel %(unit)s tidak terkirim: %(galat)s") % {"unit": h.unit, "galat": h.galat}
                        )
                    else:
                        self.stdout.write(
                            _("Surel terkirim ke %(unit)s: %(penerima)s")
                            % {"unit": h.unit, "penerima": ", ".join(h.penerima)}
                        )
        gagal = [h for h in terkirim if h.galat and h.penerima]
        if gagal:
            self.stderr.write(
                _("Galat: %d surel tidak terkirim (lihat di atas); yang lain terkirim.") % len(gagal)
            )
            sys.exit(1)

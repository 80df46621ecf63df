"""`kinerja pk parse|import FILE`: read a Perjanjian Kinerja document; print it as JSON or store it.

Unusable input exits with status 2 and an Indonesian message naming the file and line — never a
traceback — and stores nothing.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.domain import pk_text
from kinerja.domain.pk import NaskahPK, to_json
from kinerja.domain.source import SourceError


def _fail(stderr, berkas: str, err: Exception) -> None:
    """Write the message for unusable input and exit 2."""
    baris = getattr(err, "baris", None)
    pesan = getattr(err, "pesan", None) or str(err)
    where = f"{berkas}, baris {baris}" if baris else berkas
    stderr.write(_("Galat: %(where)s: %(pesan)s") % {"where": where, "pesan": pesan})
    stderr.write(_("Tidak ada yang disimpan."))
    sys.exit(2)


def read_pks(path: str, stderr) -> list[NaskahPK]:
    """Parse every PK in a file, exiting 2 with a message when the file is unusable."""

    def kemajuan(selesai: int, jumlah: int) -> None:
        stderr.write(_("OCR: halaman %(n)s dari %(jumlah)s terbaca") % {"n": selesai, "jumlah": jumlah})

    try:
        return pk_text.parse_file(path, kemajuan=kemajuan)
    except SourceError as err:
        _fail(stderr, Path(path).name, err)
    except (OSError, UnicodeError, ValueError) as err:  # unreadable file, odd encodings
        _fail(stderr, Path(path).name, err)
    raise AssertionError("unreachable")


# Subcommands living elsewhere: each module has `add_parser(sub)` and `run(command, options)`.
SUBCOMMANDS = ("kinerja.agreements.review_cli", "kinerja.agreements.alur_cli", "kinerja.documents.cli")


def _modules():
    import importlib

    out = []
    for name in SUBCOMMANDS:
        try:
            out.append(importlib.import_module(name))
        except ModuleNotFoundError as err:
            if err.name != name:
                raise
    return out


class Command(BaseCommand):
    help = _(
        "Perjanjian Kinerja: baca (parse), impor, periksa (review), cetak (render), aksi alur, perubahan, "
        "beda dan riwayat."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        p = sub.add_parser("parse", help=_("cetak PK hasil baca sebagai JSON, tanpa menyentuh basis data"))
        p.add_argument("file", help=_("berkas .txt, .md, .docx, .xlsx atau .pdf"))
        p.add_argument("--indent", type=int, default=2, help=_("indentasi JSON (0 = satu baris)"))
        i = sub.add_parser("import", help=_("simpan PK ke basis data (sebagai draf) dalam satu transaksi"))
        i.add_argument("file", help=_("berkas .txt, .md, .docx, .xlsx atau .pdf"))
        i.add_argument(
            "--ditandatangani",
            action="store_true",
            help=_(
                "simpan langsung sebagai ditandatangani (PK tercetak; pimpinan atau admin unit, perlu --oleh)"
            ),
        )
        i.add_argument("--oleh", help=_("nama pengguna yang mengimpor (dicatat di riwayat)"))
        i.add_argument(
            "--pindaian", help=_("pindaian PK bertanda tangan (PDF/PNG/JPEG) untuk --ditandatangani")
        )
        i.add_argument(
            "--tanpa-pindaian",
            action="store_true",
            help=_("--ditandatangani tanpa pindaian (dicatat di riwayat)"),
        )
        # Kept so that scripts written for earlier versions keep working: a draft is the default now.
        i.add_argument("--draft", action="store_true", help=_("(bawaan) simpan sebagai draf"))
        self._extra = {}
        for module in _modules():
            for aksi in module.add_parser(sub):
                self._extra[aksi] = module

    def handle(self, *args, **options):
        aksi = options["aksi"]
        if aksi == "parse":
            return self._parse(options)
        if aksi == "import":
            return self._import(options)
        return self._extra[aksi].run(self, options)

    def _parse(self, options) -> None:
        pks = read_pks(options["file"], self.stderr)
        data = [to_json(pk) for pk in pks]
        indent = options["indent"] or None
        out = data[0] if len(data) == 1 else data
        self.stdout.write(json.dumps(out, ensure_ascii=False, indent=indent))

    def _import(self, options) -> None:
        from kinerja.agreements.alur import Ditolak
        from kinerja.agreements.alur_cli import baca_pindaian, pengguna
        from kinerja.agreements.services import ImporError, import_pk

        path = options["file"]
        name = Path(path).name
        if options["ditandatangani"] and not options["oleh"]:
            _fail(
                self.stderr,
                name,
                ValueError(_("--ditandatangani memerlukan --oleh PENGGUNA (pimpinan atau admin unit).")),
            )
        if options["ditandatangani"] and not (options["pindaian"] or options["tanpa_pindaian"]):
            _fail(
                self.stderr,
                name,
                ValueError(_("--ditandatangani memerlukan --pindaian BERKAS atau --tanpa-pindaian.")),
            )
        oleh = pengguna(self, options["oleh"])
        pindaian = baca_pindaian(self, options["pindaian"]) if options["pindaian"] else None
        pks = read_pks(path, self.stderr)
        sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        results = []
        try:
            with transaction.atomic():
                for pk in pks:
                    results.append(
                        import_pk(
                            pk,
                            oleh=oleh,
                            ditandatangani=options["ditandatangani"],
                            pindaian=pindaian,
                            tanpa_pindaian=options["tanpa_pindaian"],
                            sumber=name,
                            sha256=sha,
                        )
                    )
        except ImporError as err:
            _fail(self.stderr, name, err)
        except (Ditolak, PermissionDenied) as err:
            self.stderr.write(_("Ditolak: %s") % (getattr(err, "pesan", None) or str(err)))
            self.stderr.write(_("Tidak ada yang disimpan."))
            sys.exit(1)
        if len(pks) > 1:
            self.stdout.write(_("%(n)d Perjanjian Kinerja dibaca dari %(f)s.") % {"n": len(pks), "f": name})
        for res in results:
            for line in res.pesan:
                self.stdout.write(line)
            self.stdout.write(
                _("ID: %(id)d · status: %(status)s")
                % {"id": res.perjanjian.pk, "status": res.perjanjian.get_status_display()}
            )
            self.stdout.write(_("Tautan: /pk/%(id)d/") % {"id": res.perjanjian.pk})
        for pk in pks:
            for c in pk.catatan:
                where = _("baris %d") % c.baris if c.baris else "-"
                self.stderr.write(_("Catatan (%(where)s): %(pesan)s") % {"where": where, "pesan": c.pesan})

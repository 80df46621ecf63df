"""`kinerja pk render`: a PK as PDF, DOCX or XLSX, from a document file or from the database.

    kinerja pk render FILE --format pdf -o OUT          # no database: read FILE, write OUT
    kinerja pk render --id N --format docx -o OUT       # a stored PK
    kinerja pk render --tahun 2024 --semua -o DIR       # every PK of a year, one file each

A published PK's PDF is its issued document, with the verification QR code; a PDF rendered from a
file carries none. Unusable input exits with status 2 and an Indonesian message, never a traceback.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.utils.translation import gettext as _

from kinerja.documents.render import FORMATS


def add_parser(sub) -> list[str]:
    """Register `render` on the `kinerja pk` subparsers."""
    p = sub.add_parser(
        "render",
        help=_(
            "cetak PK sebagai PDF, DOCX atau XLSX (dari berkas, atau dari basis data dengan --id/--tahun)"
        ),
    )
    p.add_argument(
        "file", nargs="?", help=_("berkas PK (.txt, .md, .docx, .xlsx atau .pdf); tanpa basis data")
    )
    p.add_argument("--id", type=int, help=_("id PK di basis data"))
    p.add_argument("--tahun", type=int, help=_("tahun PK (bersama --semua)"))
    p.add_argument(
        "--semua", action="store_true", help=_("semua PK tahun itu, satu berkas per PK, ke folder -o")
    )
    p.add_argument(
        "--format", choices=sorted(FORMATS), default="pdf", help=_("format keluaran (bawaan: pdf)")
    )
    p.add_argument("-o", "--output", required=True, help=_("berkas keluaran, atau folder untuk banyak PK"))
    p.add_argument("--template", help=_("templat Word (.docx) pengganti, mis. dengan kop surat"))
    p.add_argument(
        "--rupiah-spasi",
        action="store_true",
        help=_('cetak "Rp 1.000,00" (bawaan PUEBI: "Rp1.000,00"); untuk berkas saja'),
    )
    return ["render"]


def _galat(command, pesan: str) -> None:
    command.stderr.write(_("Galat: %s") % pesan)
    sys.exit(2)


def _tulis(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def run(command, options) -> None:
    """Render what the options ask for; exit 2 with a message on unusable input."""
    from kinerja.documents.pdf import RenderError
    from kinerja.documents.word import TemplateError

    sumber = [
        n for n, v in (("FILE", options["file"]), ("--id", options["id"]), ("--tahun", options["tahun"])) if v
    ]
    if len(sumber) != 1:
        _galat(command, _("pilih satu sumber: FILE, --id N, atau --tahun TAHUN --semua"))
    if options["tahun"] and not options["semua"]:
        _galat(command, _("--tahun dipakai bersama --semua (semua PK tahun itu)"))
    if options["semua"] and not options["tahun"]:
        _galat(command, _("--semua butuh --tahun"))
    if options["rupiah_spasi"] and not options["file"]:
        _galat(
            command,
            _(
                "--rupiah-spasi hanya untuk berkas; PK di basis data mengikuti pengaturan KINERJA_RUPIAH_SPASI"
            ),
        )
    if options["template"] and not Path(options["template"]).is_file():
        _galat(command, _("templat Word tidak ditemukan: %s") % options["template"])
    try:
        if options["file"]:
            _dari_berkas(command, options)
        elif options["id"]:
            _dari_id(command, options)
        else:
            _setahun(command, options)
    except (RenderError, TemplateError) as err:
        _galat(command, str(err))


def _dari_berkas(command, options) -> None:
    from kinerja.agreements.management.commands.pk import _fail, read_pks
    from kinerja.documents.contexts import dokumen_pk
    from kinerja.documents.render import nama_berkas, render

    path = options["file"]
    pks = read_pks(path, command.stderr)
    out = Path(options["output"])
    fmt = options["format"]
    if len(pks) > 1 and out.suffix:
        _fail(
            command.stderr,
            Path(path).name,
            ValueError(_("berkas berisi %d PK: beri folder pada -o, bukan nama berkas") % len(pks)),
        )
    for pk in pks:
        try:
            dok = dokumen_pk(pk, rupiah_spasi=options["rupiah_spasi"])
        except ValueError as err:  # no pihak pertama
            _fail(command.stderr, Path(path).name, err)
        tujuan = out if len(pks) == 1 and out.suffix else out / nama_berkas(dok, fmt)
        _tulis(tujuan, render(dok, fmt, templat=options["template"]))
        command.stdout.write(str(tujuan))


def _dari_id(command, options) -> None:
    from kinerja.agreements.models import PerjanjianKinerja
    from kinerja.documents.banyak import berkas_pk

    pk = PerjanjianKinerja.objects.untuk_halaman().filter(pk=options["id"]).first()
    if pk is None:
        _galat(command, _("Perjanjian Kinerja dengan id %d tidak ada") % options["id"])
    [(nama, data)] = list(berkas_pk([pk], options["format"], templat=options["template"]))
    out = Path(options["output"])
    tujuan = out / nama if out.is_dir() or not out.suffix else out
    _tulis(tujuan, data)
    command.stdout.write(str(tujuan))


def _setahun(command, options) -> None:
    from kinerja.agreements.models import PerjanjianKinerja
    from kinerja.documents.banyak import berkas_pk

    out = Path(options["output"])
    if out.exists() and not out.is_dir():
        _galat(command, _("-o harus berupa folder untuk --semua: %s") % out)
    pks = list(
        PerjanjianKinerja.objects.filter(tahun=options["tahun"])
        .untuk_halaman()
        .order_by("unit__nama", "jenis", "pk")
    )
    if not pks:
        _galat(command, _("tidak ada Perjanjian Kinerja tahun %d") % options["tahun"])
    mulai = time.perf_counter()
    for nama, data in berkas_pk(pks, options["format"], templat=options["template"]):
        _tulis(out / nama, data)
    detik = time.perf_counter() - mulai
    command.stdout.write(
        _("%(n)d berkas %(f)s ditulis ke %(d)s dalam %(s).1f detik.")
        % {"n": len(pks), "f": options["format"].upper(), "d": out, "s": detik}
    )

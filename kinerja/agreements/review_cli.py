"""`kinerja pk review FILE | --id N [--json]`: the review's findings, most serious first.

Exit status: 1 when any `galat`, else 0; 2 on unusable input (a message, never a traceback).
"""

from __future__ import annotations

import json
import sys

from django.utils.translation import gettext as _

from kinerja.domain.review import Temuan, review

JUDUL = {"galat": "GALAT", "peringatan": "PERINGATAN", "info": "INFO"}


def add_parser(sub) -> list[str]:
    """Register `pk review`."""
    r = sub.add_parser("review", help=_("periksa PK: temuan galat, peringatan dan info"))
    r.add_argument("file", nargs="?", help=_("berkas .txt, .md, .docx, .xlsx atau .pdf"))
    r.add_argument("--id", type=int, help=_("periksa PK yang tersimpan dengan id ini"))
    r.add_argument("--json", action="store_true", help=_("cetak temuan sebagai JSON"))
    return ["review"]


def _pks(command, options):
    """The PKs to review, as (label, domain PK) pairs; exits 2 on unusable input."""
    from kinerja.agreements.management.commands.pk import read_pks

    if bool(options.get("file")) == bool(options.get("id")):
        command.stderr.write(_("Galat: sebutkan satu berkas atau --id N."))
        sys.exit(2)
    if options.get("file"):
        pks = read_pks(options["file"], command.stderr)
        return [(f"{p.unit or '?'} {p.tahun or ''}".strip(), p) for p in pks]
    from kinerja.agreements.domain_pk import to_domain
    from kinerja.agreements.models import PerjanjianKinerja

    try:
        model = PerjanjianKinerja.objects.select_related("unit__induk").get(pk=options["id"])
    except PerjanjianKinerja.DoesNotExist:
        command.stderr.write(_("Galat: Perjanjian Kinerja dengan id %d tidak ada.") % options["id"])
        sys.exit(2)
    return [(str(model), to_domain(model))]


def format_teks(temuan: list[Temuan]) -> str:
    """Findings in plain Indonesian, grouped by level, most serious first."""
    if not temuan:
        return _("Tidak ada temuan.")
    lines: list[str] = []
    for tingkat in ("galat", "peringatan", "info"):
        kelompok = [t for t in temuan if t.tingkat == tingkat]
        if not kelompok:
            continue
        lines.append(f"{JUDUL[tingkat]} ({len(kelompok)})")
        for t in kelompok:
            lines.append(f"  [{t.kode}] {t.pesan}")
            for lok in t.lokasi:
                baris = _(", baris %d") % lok.baris if lok.baris else ""
                lines.append(f"      {_('di')}: {lok.label}{baris}")
            if t.saran:
                lines.append(f"      {_('saran')}: {t.saran}")
        lines.append("")
    return "\n".join(lines).rstrip()


def run(command, options) -> None:
    """Print the findings; exit 1 when any galat."""
    hasil = [(label, review(pk)) for label, pk in _pks(command, options)]
    if options.get("json"):
        if len(hasil) == 1:
            data = [t.to_json() for t in hasil[0][1]]
        else:
            data = [{"pk": label, "temuan": [t.to_json() for t in temuan]} for label, temuan in hasil]
        command.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for label, temuan in hasil:
            if len(hasil) > 1:
                command.stdout.write(f"== {label} ==")
            command.stdout.write(format_teks(temuan))
    if any(t.tingkat == "galat" for _label, temuan in hasil for t in temuan):
        sys.exit(1)

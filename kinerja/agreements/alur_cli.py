"""`kinerja pk aksi|perubahan|beda|riwayat`: the PK's life on the command line, on the same services.

Exit status: 0 when done; 1 when the rule or the state refuses (the reason in Indonesian, naming the
galat or peringatan that block it); 2 on unusable input (an unknown PK, user or file) — a message,
never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from kinerja.agreements import alur

AKSI = tuple(alur.TRANSISI)


def add_parser(sub) -> list[str]:
    """Register `pk aksi`, `pk perubahan`, `pk beda` and `pk riwayat`."""
    a = sub.add_parser("aksi", help=_("jalankan satu aksi alur PK (ajukan, setujui, terbitkan, …)"))
    a.add_argument("--id", type=int, required=True, help=_("id PK"))
    a.add_argument("aksi_pk", metavar="AKSI", choices=AKSI, help=" | ".join(AKSI))
    a.add_argument("--oleh", required=True, help=_("nama pengguna yang melakukan aksi (dicatat di riwayat)"))
    a.add_argument("--catatan", default="", help=_("catatan (wajib untuk kembalikan dan cabut)"))
    a.add_argument("--berkas", help=_("pindaian PK bertanda tangan (PDF/PNG/JPEG) untuk tandatangani"))
    a.add_argument(
        "--tanpa-pindaian", action="store_true", help=_("tandatangani tanpa pindaian (dicatat di riwayat)")
    )
    a.add_argument(
        "--akui-peringatan",
        action="store_true",
        help=_("akui setiap peringatan pemeriksaan saat mengajukan (dicatat di riwayat)"),
    )
    p = sub.add_parser("perubahan", help=_("buat PK perubahan (versi baru, draf) dari PK yang diterbitkan"))
    p.add_argument("--id", type=int, required=True, help=_("id PK yang diterbitkan"))
    p.add_argument("file", help=_("berkas PK perubahan (.txt, .md, .docx, .xlsx, .pdf)"))
    p.add_argument("--alasan", required=True, choices=("a", "b", "c"), help=_("alasan PermenPANRB 53/2014"))
    p.add_argument("--keterangan", default="", help=_("apa yang berubah (wajib untuk alasan c)"))
    p.add_argument("--oleh", required=True, help=_("nama pengguna (dicatat di riwayat)"))
    b = sub.add_parser("beda", help=_("bandingkan dua PK (versi): apa yang berubah"))
    b.add_argument("--id", type=int, action="append", required=True, help=_("id PK, dua kali: --id N --id M"))
    b.add_argument("--json", action="store_true", help=_("cetak sebagai JSON"))
    r = sub.add_parser("riwayat", help=_("riwayat (jejak audit) PK, terlama lebih dulu"))
    r.add_argument("--id", type=int, required=True, help=_("id PK"))
    r.add_argument("--json", action="store_true", help=_("cetak sebagai JSON"))
    return ["aksi", "perubahan", "beda", "riwayat"]


def run(command, options) -> None:
    {"aksi": _aksi, "perubahan": _perubahan, "beda": _beda, "riwayat": _riwayat}[options["aksi"]](
        command, options
    )


def _gagal(command, pesan: str, kode: int = 2) -> None:
    command.stderr.write((_("Galat: %s") if kode == 2 else _("Ditolak: %s")) % pesan)
    sys.exit(kode)


def _pk(command, pk_id: int):
    from kinerja.agreements.models import PerjanjianKinerja

    perjanjian = PerjanjianKinerja.objects.select_related("unit", "unit__induk").filter(pk=pk_id).first()
    if perjanjian is None:
        _gagal(command, _("Perjanjian Kinerja dengan id %d tidak ada.") % pk_id)
    return perjanjian


def pengguna(command, nama: str | None):
    """The user named on the command line (exit 2 when there is none by that name)."""
    if nama is None:
        return None
    user = get_user_model().objects.filter(username=nama).first()
    if user is None:
        _gagal(command, _("Pengguna “%s” tidak ada (lihat: kinerja pengguna daftar).") % nama)
    return user


def baca_pindaian(command, path: str):
    """A signed scan from a file (exit 2 when unreadable or not a PDF/PNG/JPEG of at most 10 MB)."""
    from kinerja.agreements.pindaian import PindaianError, periksa_pindaian

    try:
        return periksa_pindaian(Path(path).name, Path(path).read_bytes())
    except OSError as err:
        _gagal(command, _("%(nama)s tidak dapat dibaca: %(pesan)s") % {"nama": path, "pesan": err.strerror})
    except PindaianError as err:
        _gagal(command, str(err))
    raise AssertionError("unreachable")


def _aksi(command, options) -> None:
    perjanjian = _pk(command, options["id"])
    user = pengguna(command, options["oleh"])
    aksi = options["aksi_pk"]
    kwargs: dict = {"catatan": options["catatan"]}
    if aksi == "ajukan":
        kwargs["akui_semua"] = options["akui_peringatan"]
    if aksi == "tandatangani":
        if options["berkas"]:
            kwargs["pindaian"] = baca_pindaian(command, options["berkas"])
        kwargs["tanpa_pindaian"] = options["tanpa_pindaian"]
    try:
        hasil = alur.VERB[aksi](perjanjian, user, **kwargs)
    except alur.Ditolak as err:
        if isinstance(err, alur.PeringatanBelumDiakui):
            err.pesan += "\n" + _("Periksa peringatan itu, lalu ulangi dengan --akui-peringatan.")
        _gagal(command, err.pesan, kode=1)
    command.stdout.write(
        _("PK %(id)d: %(aksi)s selesai; status %(status)s.")
        % {"id": hasil.pk, "aksi": aksi, "status": hasil.get_status_display()}
    )
    command.stdout.write(_("Tautan: /pk/%(id)d/") % {"id": hasil.pk})


def _perubahan(command, options) -> None:
    from kinerja.agreements.management.commands.pk import read_pks
    from kinerja.agreements.services import ImporError
    from kinerja.agreements.versi import buat_perubahan

    perjanjian = _pk(command, options["id"])
    user = pengguna(command, options["oleh"])
    daftar = read_pks(options["file"], command.stderr)
    if len(daftar) != 1:
        _gagal(
            command,
            _("%(f)s berisi %(n)d PK; PK perubahan dibuat dari satu PK.")
            % {"f": options["file"], "n": len(daftar)},
        )
    sha = hashlib.sha256(Path(options["file"]).read_bytes()).hexdigest()
    try:
        baru = buat_perubahan(
            perjanjian,
            user,
            alasan=options["alasan"],
            keterangan=options["keterangan"],
            data=daftar[0],
            sumber=Path(options["file"]).name,
            sha256=sha,
        )
    except ImporError as err:
        _gagal(command, str(err))
    except alur.Ditolak as err:
        _gagal(command, err.pesan, kode=1)
    command.stdout.write(
        _("PK perubahan versi %(versi)d dibuat: id %(id)d, status %(status)s.")
        % {"versi": baru.versi, "id": baru.pk, "status": baru.get_status_display()}
    )
    command.stdout.write(_("Tautan: /pk/%(id)d/") % {"id": baru.pk})


def _beda(command, options) -> None:
    from kinerja.agreements.versi import bandingkan

    ids = options["id"]
    if len(ids) != 2:
        _gagal(command, _("sebutkan tepat dua PK: --id N --id M."))
    lama, baru = (_pk(command, i) for i in ids)
    hasil = bandingkan(lama, baru)
    if options["json"]:
        data = {
            "lama": lama.pk,
            "baru": baru.pk,
            "perubahan": [
                {
                    "aksi": p.kode,
                    "judul": p.judul,
                    "lama": list(p.lama) if p.lama is not None else None,
                    "baru": list(p.baru) if p.baru is not None else None,
                    "bidang": [b.to_json() for b in p.bidang],
                }
                for p in hasil.perubahan
            ],
        }
        command.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from kinerja.agreements.riwayat_tampil import beda_tampil

    command.stdout.write(
        _("Dari PK %(a)d (versi %(va)d) ke PK %(b)d (versi %(vb)d):")
        % {"a": lama.pk, "va": lama.versi, "b": baru.pk, "vb": baru.versi}
    )
    kelompok = beda_tampil(hasil)
    if not kelompok:
        command.stdout.write(_("Tidak ada perbedaan isi."))
    for k in kelompok:
        command.stdout.write(f"\n{k.judul.upper()}")
        for p in k.perubahan:
            command.stdout.write(f"  {p.judul} — {p.aksi}")
            for b in p.bidang:
                command.stdout.write(f"    {b.label}: {b.lama} → {b.baru}".replace("\n", "; "))


def _riwayat(command, options) -> None:
    from kinerja.agreements.ekspor import riwayat_json
    from kinerja.agreements.riwayat_tampil import baris_riwayat
    from kinerja.riwayat.models import Riwayat

    perjanjian = _pk(command, options["id"])
    if options["json"]:
        command.stdout.write(json.dumps(riwayat_json(perjanjian), ensure_ascii=False, indent=2))
        return
    for r in baris_riwayat(list(Riwayat.objects.untuk(perjanjian))):
        status = f" [{r.dari or '—'} → {r.ke}]" if (r.dari or r.ke) and r.dari != r.ke else ""
        command.stdout.write(f"{r.waktu} {r.oleh}: {r.aksi} ({r.kode}){status}")
        if r.catatan:
            command.stdout.write("    " + r.catatan.replace("\n", "\n    "))
        for b in r.perubahan:
            command.stdout.write(f"    {b.label}: {b.lama} → {b.baru}".replace("\n", "; "))

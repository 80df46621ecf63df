"""Fail-closed configuration: a server, and every command that writes, refuse to start in production
(`DEBUG` off) without a strong `SECRET_KEY` and an explicit `ALLOWED_HOSTS` in the environment.

The commands that only read a file and print — what an Inspektorat reviewer runs on a laptop without
any configuration — keep working: `pk parse`, `pk review`, `pk render FILE`, `skm ikm`, `sakip nilai`,
`capaian`, and Django's own that change nothing (help, version, check, showmigrations, makemigrations
--check, collectstatic, the translation tools). The demo (`make run`) sets DEBUG=1 and needs nothing.

A strong key is what Django's own deployment check asks for: at least 50 characters, at least 5 of
them different, and not one of Django's "django-insecure-" keys.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

PANJANG_KUNCI = 50
KARAKTER_BERBEDA = 5

# (command, subcommand or None): read only, whatever the configuration.
_BACA_SAJA = {
    ("pk", "parse"),
    ("pk", "review"),
    ("skm", "ikm"),
    ("sakip", "nilai"),
    ("capaian", None),
    ("help", None),
    ("version", None),
    ("check", None),
    ("showmigrations", None),
    ("collectstatic", None),
    ("compilemessages", None),
    ("makemessages", None),
    ("diffsettings", None),
}


def debug(env: Mapping[str, str] = os.environ) -> bool:
    """DEBUG as kinerja.settings reads it (off unless set)."""
    return env.get("DEBUG", "").strip().lower() in {"1", "true", "yes", "ya", "on"}


def masalah(env: Mapping[str, str] = os.environ) -> list[str]:
    """What makes the environment unfit for a production server (empty with DEBUG on)."""
    if debug(env):
        return []
    hasil = []
    kunci = env.get("SECRET_KEY", "")
    if not kunci:
        hasil.append("SECRET_KEY belum diisi di lingkungan (environment)")
    elif (
        len(kunci) < PANJANG_KUNCI
        or len(set(kunci)) < KARAKTER_BERBEDA
        or kunci.startswith("django-insecure-")
    ):
        hasil.append(
            f"SECRET_KEY terlalu lemah: paling sedikit {PANJANG_KUNCI} karakter dengan paling sedikit "
            f'{KARAKTER_BERBEDA} karakter berbeda (buat dengan: python3 -c "import secrets; '
            'print(secrets.token_urlsafe(50))")'
        )
    if not [h for h in env.get("ALLOWED_HOSTS", "").split(",") if h.strip()]:
        hasil.append("ALLOWED_HOSTS belum diisi: nama domain server ini, mis. kinerja.gowakab.go.id")
    return hasil


def baca_saja(args: Sequence[str]) -> bool:
    """Whether a command line only reads and prints (runs without configuration)."""
    kata = [a for a in args if not a.startswith("-")]
    if not kata:
        return True  # `kinerja` alone prints the help
    perintah, sub = kata[0], (kata[1] if len(kata) > 1 else None)
    if perintah == "pk" and sub == "render":
        return "--id" not in args  # a file rendered to a file; a stored PK is read from the database
    if perintah == "makemigrations":
        return "--check" in args or "--dry-run" in args
    return (perintah, sub) in _BACA_SAJA or (perintah, None) in _BACA_SAJA


PESAN = (
    "kinerja tidak dijalankan: DEBUG mati (produksi), tetapi konfigurasinya belum aman:\n{daftar}\n"
    "Lihat docs/deployment.md. Untuk mencoba di komputer sendiri: DEBUG=1 (make run)."
)


def periksa_perintah(args: Sequence[str]) -> None:
    """Exit 2 with the reasons when a command that writes is started in an unfit production environment."""
    if baca_saja(args):
        return
    daftar = masalah()
    if daftar:
        sys.stderr.write(PESAN.format(daftar="\n".join(f"- {m}" for m in daftar)) + "\n")
        sys.exit(2)


def periksa_server() -> None:
    """Refuse to serve (the WSGI application is not built) in an unfit production environment, or
    before `kinerja collectstatic` (every page would fail on its stylesheet's hashed name)."""
    daftar = masalah()
    if not daftar and not debug():
        from pathlib import Path

        from django.conf import settings

        if not (Path(settings.STATIC_ROOT) / "staticfiles.json").is_file():
            daftar.append(
                f"berkas statis belum dikumpulkan ke {settings.STATIC_ROOT}: jalankan kinerja collectstatic"
            )
    if daftar:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(PESAN.format(daftar="\n".join(f"- {m}" for m in daftar)))

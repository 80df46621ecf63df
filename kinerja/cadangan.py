"""Back up and restore a kinerja: the database and the media files (signed scans, evidence, issued
documents) together, checked on the way back.

    kinerja cadangan buat DIR        # DIR must not exist or be empty
    kinerja cadangan pulihkan DIR --ya

A backup folder holds `basisdata.dump` (PostgreSQL: `pg_dump --format=custom`) or `basisdata.sqlite3`
(SQLite: its online backup API, a consistent copy while the server runs), the folder `media/` (a copy
of MEDIA_ROOT), and `manifest.json`: when, which database engine, the last migration of each app, the
number of rows of every table, and every file's size and SHA-256.

The database is copied first, the media after: a file the database names is therefore in the copy
(an upload finishing in between leaves at most a file nobody refers to). Restoring checks every
checksum first and refuses a backup that does not match, or one made by a newer kinerja (a migration
this installation does not have); then it replaces the database (pg_restore --clean; SQLite: the
backup API into the live database) and the media folder (the old one kept beside it, renamed
`media.sebelum-pulih-<time>`), and compares the row counts with the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone


class CadanganGagal(Exception):
    """A backup that cannot be made or used; the message is Indonesian."""


MANIFEST = "manifest.json"
MEDIA = "media"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _berkas(akar: Path) -> dict[str, dict[str, Any]]:
    """Every file under `akar` by its relative path: size and SHA-256."""
    if not akar.is_dir():
        return {}
    return {
        p.relative_to(akar).as_posix(): {"ukuran": p.stat().st_size, "sha256": _sha256(p)}
        for p in sorted(akar.rglob("*"))
        if p.is_file()
    }


def jumlah_baris() -> dict[str, int]:
    """The number of rows of every table of every installed model (the backup's fingerprint)."""
    hasil = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            hasil[model._meta.db_table] = model._default_manager.using("default").count()
    return dict(sorted(hasil.items()))


def _migrasi() -> dict[str, str]:
    terakhir: dict[str, str] = {}
    for app, nama in MigrationRecorder(connection).applied_migrations():
        if nama > terakhir.get(app, ""):
            terakhir[app] = nama
    return dict(sorted(terakhir.items()))


@dataclass(frozen=True)
class _Pg:
    """The connection settings of a PostgreSQL database, as the pg_* tools take them."""

    nama: str
    env: dict[str, str]

    @classmethod
    def dari_pengaturan(cls) -> _Pg:
        db = connection.settings_dict
        env = {**os.environ}
        for kunci, var in (
            ("HOST", "PGHOST"),
            ("PORT", "PGPORT"),
            ("USER", "PGUSER"),
            ("PASSWORD", "PGPASSWORD"),
        ):
            if db.get(kunci):
                env[var] = str(db[kunci])
        return cls(nama=db["NAME"], env=env)


def _jalankan(args: list[str], env: dict[str, str]) -> None:
    try:
        hasil = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise CadanganGagal(f"{args[0]} tidak ditemukan: pasang postgresql-client") from None
    if hasil.returncode != 0:
        raise CadanganGagal(f"{args[0]} gagal: {hasil.stderr.strip()[-500:]}")


def buat(tujuan: Path) -> dict[str, Any]:
    """Make a backup in `tujuan` (a new or empty folder); its manifest."""
    if tujuan.exists() and (not tujuan.is_dir() or any(tujuan.iterdir())):
        raise CadanganGagal(f"{tujuan} sudah berisi; cadangan dibuat di folder baru atau kosong")
    tujuan.mkdir(parents=True, exist_ok=True)
    mesin = connection.vendor
    baris = jumlah_baris()
    if mesin == "postgresql":
        pg = _Pg.dari_pengaturan()
        berkas_db = tujuan / "basisdata.dump"
        _jalankan(["pg_dump", "--format=custom", "--no-owner", "--file", str(berkas_db), pg.nama], pg.env)
    elif mesin == "sqlite":
        berkas_db = tujuan / "basisdata.sqlite3"
        connection.ensure_connection()
        salinan = sqlite3.connect(berkas_db)
        try:
            connection.connection.backup(salinan)
        finally:
            salinan.close()
    else:
        raise CadanganGagal(f"basis data {mesin} tidak didukung untuk cadangan")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        shutil.copytree(media, tujuan / MEDIA)
    else:
        (tujuan / MEDIA).mkdir()
    manifest = {
        "kinerja": 1,
        "dibuat_pada": timezone.now().isoformat(),
        "mesin": mesin,
        "basisdata": {"berkas": berkas_db.name, "sha256": _sha256(berkas_db)},
        "migrasi": _migrasi(),
        "jumlah_baris": baris,
        "media": _berkas(tujuan / MEDIA),
    }
    (tujuan / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return manifest


def periksa(sumber: Path) -> dict[str, Any]:
    """The backup's manifest, after checking every file against it (CadanganGagal when one differs)."""
    try:
        manifest = json.loads((sumber / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CadanganGagal(f"{sumber} bukan cadangan kinerja: {MANIFEST} tidak terbaca ({exc})") from None
    db = sumber / manifest["basisdata"]["berkas"]
    if not db.is_file() or _sha256(db) != manifest["basisdata"]["sha256"]:
        raise CadanganGagal(f"{db.name} rusak atau hilang: isinya tidak sama dengan manifest")
    media = _berkas(sumber / MEDIA)
    if media != manifest["media"]:
        beda = sorted(
            set(media) ^ set(manifest["media"]) | {k for k in media if media[k] != manifest["media"].get(k)}
        )
        raise CadanganGagal(f"berkas media tidak sama dengan manifest: {', '.join(beda[:5])}")
    if manifest["mesin"] != connection.vendor:
        raise CadanganGagal(
            f"cadangan ini dari {manifest['mesin']}, basis data ini {connection.vendor}: pulihkan ke mesin yang sama"
        )
    dikenal = {(m.app_label, m.name) for m in _semua_migrasi()}
    asing = [f"{a}.{n}" for a, n in manifest["migrasi"].items() if (a, n) not in dikenal]
    if asing:
        raise CadanganGagal(
            "cadangan ini dibuat oleh kinerja yang lebih baru (migrasi "
            + ", ".join(asing)
            + "); perbarui dahulu"
        )
    return manifest


def _semua_migrasi():
    from django.db.migrations.loader import MigrationLoader

    return MigrationLoader(None, ignore_no_migrations=True).disk_migrations.values()


def pulihkan(sumber: Path) -> dict[str, Any]:
    """Replace the database and the media files with the backup's; the manifest."""
    manifest = periksa(sumber)
    db = sumber / manifest["basisdata"]["berkas"]
    if connection.vendor == "postgresql":
        pg = _Pg.dari_pengaturan()
        connection.close()
        _jalankan(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "-d",
                pg.nama,
                str(db),
            ],
            pg.env,
        )
    else:
        connection.ensure_connection()
        asal = sqlite3.connect(db)
        try:
            asal.backup(connection.connection)
        finally:
            asal.close()
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        media.rename(media.with_name(f"{media.name}.sebelum-pulih-{datetime.now():%Y%m%d-%H%M%S}"))
    shutil.copytree(sumber / MEDIA, media)
    sekarang = jumlah_baris()
    if sekarang != manifest["jumlah_baris"]:
        beda = [t for t in manifest["jumlah_baris"] if sekarang.get(t) != manifest["jumlah_baris"][t]]
        raise CadanganGagal(
            f"jumlah baris sesudah pemulihan tidak sama dengan manifest: {', '.join(beda[:5])}"
        )
    return manifest

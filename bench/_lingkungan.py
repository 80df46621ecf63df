"""What the benches that store data or read kinerja's pages share: production settings, a throw-away
database, temporary folders and an HTTPS client logged in as a user.

Import it at the top of a bench script, before Django is set up (`import _lingkungan`: the script's
folder is on sys.path). Importing puts the checkout on sys.path and sets the environment as a server
runs (DEBUG off, hence HTTPS only and a second factor for staff, unless the caller's environment says
otherwise), with the database, the uploaded files (MEDIA_ROOT) and the collected static files
(STATIC_ROOT) in a temporary folder, never in the checkout. Then:

    with _lingkungan.basis_data(statik=True) as connection:
        client = _lingkungan.klien(user)   # or klien() for an anonymous visitor

`basis_data` sets Django up and creates a throw-away test database: SQLite in memory, or, when
DATABASE_URL names a PostgreSQL server, `test_<name>_bench_<pid>` next to it (a name of its own: never
the database of kinerja or of a test run going on at the same time); with `statik`, `collectstatic`
into the temporary folder (production serves hashed static names from its manifest). At the end it
drops the database and the temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
_TMP = tempfile.TemporaryDirectory(prefix="kinerja-bench-")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{_TMP.name}/bench.sqlite3"
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "kinerja-bench-only")
os.environ["MEDIA_ROOT"] = f"{_TMP.name}/media"
os.environ["STATIC_ROOT"] = f"{_TMP.name}/static"

_statik_dikumpulkan = False


def siapkan_django() -> None:
    """django.setup(), once."""
    from django.apps import apps

    if not apps.ready:
        import django

        django.setup()


def kumpulkan_statik() -> None:
    """`collectstatic` into the temporary folder, once: with DEBUG off a page naming a static file
    fails without the manifest it writes."""
    global _statik_dikumpulkan
    if not _statik_dikumpulkan:
        siapkan_django()
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
        _statik_dikumpulkan = True


@contextlib.contextmanager
def basis_data(*, statik: bool = False) -> Iterator:
    """A throw-away database for the block (yields django.db.connection), the static files collected
    when `statik`; the database and the temporary folder removed afterwards."""
    siapkan_django()
    from django.db import connection

    if connection.vendor != "sqlite":
        connection.settings_dict["TEST"]["NAME"] = (
            f"test_{connection.settings_dict['NAME']}_bench_{os.getpid()}"
        )
    lama = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        if statik:
            kumpulkan_statik()
        yield connection
    finally:
        connection.creation.destroy_test_db(lama, verbosity=0)
        _TMP.cleanup()


def klien(user=None):
    """A test client whose every request comes over HTTPS (as a browser's would: production redirects
    plain HTTP), logged in as `user` when given, its session verified with a second factor where one is
    required (as a production session is once the user typed his code)."""
    from django.test import Client

    class KlienHttps(Client):
        def generic(self, method, path, *args, secure=None, **kwargs):
            return super().generic(method, path, *args, secure=True, **kwargs)  # HTTPS whatever was asked

    c = KlienHttps()
    if user is None:
        return c
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kinerja.dualangkah import wajib

    c.force_login(user)
    if wajib(user):
        perangkat = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})[0]
        sesi = c.session
        sesi[DEVICE_ID_SESSION_KEY] = perangkat.persistent_id
        sesi.save()
    return c

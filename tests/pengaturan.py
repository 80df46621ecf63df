"""Settings of the test suite: production's (DEBUG off, every header and check on), except the HTTPS
redirect — the test client and the browser tests' live server speak plain HTTP —, the second factor
(required in production, tested apart), and the static files,
served from the apps as in development instead of from `collectstatic`'s hashed copies
(tests/e2e/test_produksi.py runs the production storage under gunicorn)."""

from kinerja.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
# The second factor is tested on its own (tests/test_dua_langkah.py turns it on); elsewhere a test logs
# a pimpinan or an admin in without a phone.
KINERJA_DUA_LANGKAH_WAJIB = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

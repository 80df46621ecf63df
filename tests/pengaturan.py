"""Settings of the test suite: production's (DEBUG off, every header and check on), except the HTTPS
redirect — the test client and the browser tests' live server speak plain HTTP — and the static files,
served from the apps as in development instead of from `collectstatic`'s hashed copies
(tests/e2e/test_produksi.py runs the production storage under gunicorn)."""

from kinerja.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

"""WSGI entry point for production servers (gunicorn kinerja.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

from kinerja.produksi import periksa_server

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
periksa_server()  # DEBUG off without a strong SECRET_KEY and ALLOWED_HOSTS: the server does not start
application = get_wsgi_application()

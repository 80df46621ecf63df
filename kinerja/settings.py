"""Django settings, read from the environment with safe development defaults."""

import contextlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ya", "on"}


# Off unless asked for: `make run` (the demo) sets DEBUG=1; a server never shows Django's debug pages.
DEBUG = _env_bool("DEBUG", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment; else a random key kept in `.kinerja-secret-key` beside the
    project (made once, readable by its owner only), so sessions survive a restart of `make run`.
    Production sets SECRET_KEY (README, "Production")."""
    nilai = os.environ.get("SECRET_KEY")
    if nilai:
        return nilai
    berkas = BASE_DIR / ".kinerja-secret-key"
    try:
        if berkas.is_file():
            return berkas.read_text(encoding="ascii").strip()
        import secrets

        kunci = secrets.token_urlsafe(50)
        berkas.touch(mode=0o600)
        berkas.write_text(kunci, encoding="ascii")
        return kunci
    except OSError:  # a read-only installation: a key for this process only
        import secrets

        return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "kinerja.riwayat",
    "kinerja.units",
    "kinerja.agreements",
    "kinerja.monitoring",
    "kinerja.documents",
    "kinerja.surveys",
    "kinerja.evaluation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kinerja.middleware.BatasPermintaanMiddleware",
    "csp.middleware.CSPMiddleware",
    "kinerja.middleware.HeaderKeamananMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kinerja.middleware.BahasaMiddleware",
    "kinerja.middleware.TeksAmanMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kinerja.sesi.SesiMiddleware",
    "kinerja.dualangkah.DuaLangkahMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kinerja.alamat.AlamatDasarMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kinerja.urls"
WSGI_APPLICATION = "kinerja.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kinerja" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kinerja.units.menu.menu",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian first; English through Django i18n.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
# Numbers read the Indonesian way in both languages (kinerja/formats/en/formats.py).
FORMAT_MODULE_PATH = ["kinerja.formats"]
LOCALE_PATHS = [BASE_DIR / "kinerja" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "kinerja" / "static"]
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# Uploaded evidence of realisasi (kinerja.monitoring): never served as static files, only through the
# permission-checked download view.
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))

# Logins (docs/security.md): django-axes counts failed attempts in the database (no Redis needed) and
# locks an account, and separately an address, after KINERJA_LOGIN_GAGAL_MAKS failures; the lock lifts
# by itself after KINERJA_LOGIN_KUNCI_MENIT, or earlier when an admin deletes the attempts (admin
# "Access attempts", or `kinerja axes_reset_username NAMA`). A successful login resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("KINERJA_LOGIN_GAGAL_MAKS", "5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("KINERJA_LOGIN_KUNCI_MENIT", "30")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "akun_terkunci.html"
AXES_CLIENT_IP_CALLABLE = "kinerja.klien.alamat_klien"
AXES_VERBOSE = False

# The second factor (kinerja/dualangkah.py): required for staff and admin, pimpinan and inspektorat
# roles; on by default in production, off in the `make run` demo.
KINERJA_DUA_LANGKAH_WAJIB = _env_bool("KINERJA_DUA_LANGKAH_WAJIB", not DEBUG)
OTP_TOTP_ISSUER = "kinerja"

# Sessions (kinerja/sesi.py): logged out after this long without a request, and this long after login.
KINERJA_SESI_DIAM_MENIT = int(os.environ.get("KINERJA_SESI_DIAM_MENIT", "30"))
KINERJA_SESI_MAKS_JAM = int(os.environ.get("KINERJA_SESI_MAKS_JAM", "12"))
SESSION_COOKIE_AGE = KINERJA_SESI_MAKS_JAM * 3600

# Mail, for password reset links (kinerja/akun.py); unset: an admin makes the link instead.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kinerja@localhost")
PASSWORD_RESET_TIMEOUT = 24 * 3600  # a one-time link works for a day at most

LOGIN_URL = "masuk"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# SKM public form (docs/skm.md): client address behind a trusted reverse proxy, rate limit, questionnaire cache.
KINERJA_HEADER_ALAMAT_KLIEN = (
    os.environ.get("KINERJA_HEADER_ALAMAT_KLIEN") or None
)  # e.g. "HTTP_X_FORWARDED_FOR"; believed only from these proxies (kinerja/klien.py):
KINERJA_PROXY_TEPERCAYA = [
    a.strip() for a in os.environ.get("KINERJA_PROXY_TEPERCAYA", "127.0.0.1,::1").split(",") if a.strip()
]
KINERJA_SKM_BATAS_PER_MENIT = int(os.environ.get("KINERJA_SKM_BATAS_PER_MENIT", "20"))
KINERJA_SKM_BATAS_PER_JAM = int(os.environ.get("KINERJA_SKM_BATAS_PER_JAM", "300"))
KINERJA_SKM_BATAS_PER_HARI = int(os.environ.get("KINERJA_SKM_BATAS_PER_HARI", "150"))
KINERJA_SKM_CACHE_DETIK = float(os.environ.get("KINERJA_SKM_CACHE_DETIK", "5"))

# Documents (docs/documents.md): "Rp 1.000,00" with a space instead of PUEBI's "Rp1.000,00"; a DOCX
# template of your own (kop surat) instead of kinerja/documents/docx/pk.docx.
KINERJA_RUPIAH_SPASI = os.environ.get("KINERJA_RUPIAH_SPASI", "0") == "1"
KINERJA_DOCX_TEMPLATE = os.environ.get("KINERJA_DOCX_TEMPLATE") or None

# The public address printed under QR codes (PK verification, SKM posters). Unset in development: the
# address the request came to (kinerja/alamat.py); a system check warns when unset with DEBUG=0.
KINERJA_BASE_URL = os.environ.get("KINERJA_BASE_URL", "").strip().rstrip("/") or None

# Static files: served by WhiteNoise in production too (the pages look exactly as in development),
# compressed and with a hash in their name (cached by browsers for good) once `kinerja collectstatic` has
# gathered them (docs/deployment.md); the server refuses to start before that (kinerja/produksi.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# WhiteNoise warns at every start while the folder `collectstatic` fills does not exist yet.
with contextlib.suppress(OSError):
    Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)

# Content-Security-Policy (django-csp): every script, style, font and image comes from kinerja itself;
# no inline script or style is needed (htmx is configured without inline styles or eval).
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# The largest request body (kinerja.middleware.BatasPermintaanMiddleware): the upload forms take 10 MB.
KINERJA_BATAS_PERMINTAAN = int(os.environ.get("KINERJA_BATAS_PERMINTAAN", str(12 * 1024 * 1024)))
# Permissions-Policy (kinerja.middleware.HeaderKeamananMiddleware): no camera, microphone, location …
KINERJA_PERMISSIONS_POLICY = os.environ.get(
    "KINERJA_PERMISSIONS_POLICY",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
)

if not DEBUG:
    # Production (docs/deployment.md, docs/security.md): HTTPS only, each piece configurable.
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = _env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD", True)
    if _env_bool("KINERJA_PROXY_HTTPS", False):
        # Behind Caddy or nginx, which speaks HTTPS to the browser and HTTP to gunicorn.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Errors and security events as one JSON object per line on stderr (journald, any log collector).
    LOGGING = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "kinerja.log.FormatJSON"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"handlers": ["stderr"], "level": "WARNING"},
        "loggers": {
            "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
            "django.security": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "kinerja.keamanan": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }

# SAKIP evaluation (docs/lke-instrumen.md): a folder of the pemda's own LKE instrument files (JSON), read
# before the built-in ones; empty: the built-in instruments of PermenPANRB 88/2021 and 12/2015.
KINERJA_LKE_FOLDER = os.environ.get("KINERJA_LKE_FOLDER") or None

"""Middleware: Indonesian first (the interface language), and hostile text refused at the edge."""

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from kinerja.domain.teks_masuk import KARAKTER_TERLARANG


class BahasaMiddleware:
    """Activate the language chosen with Django's set_language (its cookie), else LANGUAGE_CODE.

    Django's LocaleMiddleware would follow the browser's Accept-Language, turning the admin English
    for most visitors while kinerja's own pages stay Indonesian; kinerja speaks Indonesian first and
    English only on request (the footer's language switch).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.bahasa = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        pilihan = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        bahasa = pilihan if pilihan in self.bahasa else settings.LANGUAGE_CODE
        translation.activate(bahasa)
        request.LANGUAGE_CODE = bahasa
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", bahasa)
        return response


def _nama_karakter(c: str) -> str:
    return f"U+{ord(c):04X}"


class TeksAmanMiddleware:
    """Refuse, with a 400 and an Indonesian message, a request whose path, query parameters or form
    fields hold a control character (NUL, vertical tab …) or a bidirectional override.

    Such characters have no place in any field of kinerja; PostgreSQL refuses a NUL in text (a 500
    deep in a query), a worksheet cannot hold most of them, and a bidi override makes a name or a
    target read differently from what is stored. Refusing them here, before any view, covers every
    form and parameter at once. Uploaded files are not looked into: their readers judge them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tempat = self._temukan(request)
        if tempat is not None:
            nama, c = tempat
            pesan = _(
                "Permintaan ditolak: %(tempat)s berisi karakter kendali %(karakter)s yang tidak boleh ada "
                "dalam teks. Hapus karakter itu (sering terbawa saat menyalin dari dokumen lain), lalu kirim lagi."
            ) % {"tempat": nama, "karakter": _nama_karakter(c)}
            return HttpResponse(pesan, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _temukan(request) -> tuple[str, str] | None:
        """Where the first forbidden character is (a label for the message), and the character."""
        m = KARAKTER_TERLARANG.search(request.path)
        if m:
            return _("alamat halaman"), m.group()
        sumber = [(_("parameter"), request.GET)]
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            sumber.append((_("isian"), request.POST))
        for label, data in sumber:
            for kunci, nilai in data.lists():
                for teks in (kunci, *nilai):
                    m = KARAKTER_TERLARANG.search(teks)
                    if m:
                        return f"{label} “{KARAKTER_TERLARANG.sub('', kunci)[:40]}”", m.group()
        return None


class HeaderKeamananMiddleware:
    """The headers Django does not set itself: Permissions-Policy (settings.KINERJA_PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.kebijakan = settings.KINERJA_PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.kebijakan:
            response.headers.setdefault("Permissions-Policy", self.kebijakan)
        return response


class BatasPermintaanMiddleware:
    """Refuse with 413 a request whose announced body is over settings.KINERJA_BATAS_PERMINTAAN (12 MB:
    the forms take files of 10 MB at most), before anything reads the body. The proxy in front caps the
    bodies that announce no length (docs/deployment.md)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.batas = settings.KINERJA_BATAS_PERMINTAAN

    def __call__(self, request):
        try:
            panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            panjang = 0
        if panjang > self.batas:
            pesan = _("Permintaan ditolak: ukurannya %(mb)s MB, paling besar %(batas)s MB.") % {
                "mb": f"{panjang / 1024 / 1024:.1f}".replace(".", ","),
                "batas": self.batas // (1024 * 1024),
            }
            return HttpResponse(pesan, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

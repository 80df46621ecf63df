"""Indonesian first: the interface language is Indonesian unless the user chose another one."""

from django.conf import settings
from django.utils import translation


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

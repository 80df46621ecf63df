"""A user's own account: change the password (every user, not only staff), and set a new one through a
one-time link — sent by e-mail when the server can send mail (EMAIL_HOST), else made by an admin on the
"Pengguna dan peran" page (kinerja.units.layanan.tautan_atur_sandi) and handed over in person."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.riwayat.keamanan import Jenis, catat_keamanan


class GantiSandi(auth_views.PasswordChangeView):
    template_name = "akun/sandi_ubah.html"
    success_url = reverse_lazy("agreements:pk_list")

    def form_valid(self, form):
        hasil = super().form_valid(form)  # keeps this session logged in, ends the others
        catat_keamanan(Jenis.SANDI_DIGANTI, request=self.request, keterangan="oleh pemiliknya")
        messages.success(self.request, _("Kata sandi diganti."))
        return hasil


class AturSandi(auth_views.PasswordResetConfirmView):
    """The page a one-time link opens; after the new password, the login page (a lockout lifted)."""

    template_name = "akun/sandi_atur.html"
    success_url = reverse_lazy("masuk")

    def form_valid(self, form):
        from axes.utils import reset

        hasil = super().form_valid(form)
        reset(username=form.user.get_username())  # the owner proved himself: a login lock on him ends
        catat_keamanan(
            Jenis.SANDI_DIGANTI, request=self.request, pengguna=form.user, keterangan="lewat tautan"
        )
        messages.success(self.request, _("Kata sandi baru tersimpan; silakan masuk."))
        return hasil


def email_aktif() -> bool:
    return bool(settings.EMAIL_HOST) and settings.EMAIL_HOST != "localhost"


@require_http_methods(["GET", "POST"])
def lupa_sandi(request: HttpRequest) -> HttpResponse:
    """With mail: Django's reset by e-mail (the same answer whether the address is known or not).
    Without: where to get a link (the unit's admin)."""
    if not email_aktif():
        return render(request, "akun/sandi_lupa.html", {"tanpa_email": True})
    return auth_views.PasswordResetView.as_view(
        template_name="akun/sandi_lupa.html",
        email_template_name="akun/sandi_lupa_email.txt",
        subject_template_name="akun/sandi_lupa_subjek.txt",
        success_url=reverse_lazy("akun_sandi_terkirim"),
    )(request)


@require_GET
def terkirim(request: HttpRequest) -> HttpResponse:
    return render(request, "akun/sandi_terkirim.html")

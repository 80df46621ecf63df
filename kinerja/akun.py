"""A user's own account: change the password (every user, not only staff), and set a new one through a
one-time link — sent by e-mail when the server can send mail (EMAIL_HOST), else made by an admin on the
"Pengguna dan peran" page (kinerja.units.layanan.tautan_atur_sandi) and handed over in person."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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


# -- the second factor (kinerja/dualangkah.py) -------------------------------------------------------

JUMLAH_KODE_PEMULIHAN = 10


class KodeForm(forms.Form):
    kode = forms.CharField(
        label=gettext_lazy("Kode"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=gettext_lazy("Enam angka dari aplikasi autentikator, atau salah satu kode pemulihan."),
    )


def _perangkat(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-id").first()


def _qr_svg(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_inline(scale=4, title=_("Kode QR autentikator"))


def _kode_pemulihan(user) -> list[str]:
    """New recovery codes (the old ones end), each usable once."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    perangkat, _dibuat = StaticDevice.objects.get_or_create(user=user, name="pemulihan")
    perangkat.token_set.all().delete()
    kode = [StaticToken.random_token() for _i in range(JUMLAH_KODE_PEMULIHAN)]
    StaticToken.objects.bulk_create([StaticToken(device=perangkat, token=k) for k in kode])
    return kode


@login_required
@require_http_methods(["GET", "POST"])
def dua_langkah(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (first time), or verify this session with a code."""
    import django_otp
    from django.utils.http import url_has_allowed_host_and_scheme
    from django_otp.plugins.otp_totp.models import TOTPDevice

    lanjut = request.POST.get("next") or request.GET.get("next") or reverse("agreements:pk_list")
    if not url_has_allowed_host_and_scheme(lanjut, allowed_hosts={request.get_host()}):
        lanjut = reverse("agreements:pk_list")
    perangkat = _perangkat(request.user)
    if perangkat is None:
        perangkat = TOTPDevice.objects.create(user=request.user, name="autentikator", confirmed=False)
    form = KodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kode = "".join(form.cleaned_data["kode"].split())
        if not perangkat.confirmed:
            if perangkat.verify_token(kode):
                perangkat.confirmed = True
                perangkat.save()
                django_otp.login(request, perangkat)
                catat_keamanan(Jenis.DUA_LANGKAH, request=request, keterangan="autentikator dipasang")
                return render(
                    request,
                    "akun/kode_pemulihan.html",
                    {"kode": _kode_pemulihan(request.user), "lanjut": lanjut},
                )
        else:
            cocok = django_otp.match_token(request.user, kode)
            if cocok is not None:
                django_otp.login(request, cocok)
                pemulihan = cocok.persistent_id != perangkat.persistent_id
                catat_keamanan(
                    Jenis.DUA_LANGKAH,
                    request=request,
                    keterangan="kode pemulihan" if pemulihan else "kode aplikasi",
                )
                return redirect(lanjut)
        catat_keamanan(Jenis.DUA_LANGKAH_GAGAL, request=request)
        form.add_error("kode", _("Kode salah atau sudah lewat waktunya. Coba kode yang baru."))
    konteks = {"form": form, "perangkat": perangkat, "lanjut": lanjut}
    if not perangkat.confirmed:
        konteks["qr"] = _qr_svg(perangkat.config_url)
        konteks["kunci"] = _kunci_base32(perangkat)
    return render(request, "akun/dua_langkah.html", konteks, status=400 if form.errors else 200)


def _kunci_base32(perangkat) -> str:
    import base64

    teks = base64.b32encode(perangkat.bin_key).decode().rstrip("=")
    return " ".join(teks[i : i + 4] for i in range(0, len(teks), 4))

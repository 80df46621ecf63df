"""URLs of kinerja: the PK pages and documents (downloads, /verifikasi/) at the root, the admin at /admin/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from kinerja import akun
from kinerja.riwayat.views import log_keamanan

admin.site.site_header = _("Administrasi kinerja")
admin.site.site_title = _("kinerja")
admin.site.index_title = _("Perjanjian Kinerja, unit dan pejabat")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("masuk/", auth_views.LoginView.as_view(template_name="masuk.html"), name="masuk"),
    path("keluar/", auth_views.LogoutView.as_view(), name="keluar"),
    path("akun/sandi/", akun.GantiSandi.as_view(), name="akun_sandi"),
    path("akun/dua-langkah/", akun.dua_langkah, name="akun_dua_langkah"),
    path("keamanan/", log_keamanan, name="log_keamanan"),
    path("akun/sandi/lupa/", akun.lupa_sandi, name="akun_sandi_lupa"),
    path("akun/sandi/lupa/terkirim/", akun.terkirim, name="akun_sandi_terkirim"),
    path("akun/sandi/atur/<uidb64>/<token>/", akun.AturSandi.as_view(), name="akun_sandi_atur"),
    path("", include("kinerja.agreements.urls")),
    path("", include("kinerja.units.urls")),
    path("", include("kinerja.monitoring.urls")),
    path("", include("kinerja.documents.urls")),
    path("", include("kinerja.surveys.urls")),
    path("", include("kinerja.evaluation.urls")),
]

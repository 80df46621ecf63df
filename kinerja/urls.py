"""URLs of kinerja: the PK pages at the root, the admin at /admin/."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Administrasi kinerja")
admin.site.site_title = _("kinerja")
admin.site.index_title = _("Perjanjian Kinerja, unit dan pejabat")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("kinerja.agreements.urls")),
]

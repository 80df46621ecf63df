"""Admin for issued documents: read only (they are snapshots; a new one is issued, never edited)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kinerja.agreements.admin import PKScopedAdmin
from kinerja.documents.models import DokumenTerbit


@admin.register(DokumenTerbit)
class DokumenTerbitAdmin(PKScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    status_lookup = "perjanjian__status"
    list_display = ["token", "perjanjian", "berlaku", "dibuat_pada", "diganti_pada", "ukuran"]
    list_filter = ["berlaku", "perjanjian__tahun"]
    search_fields = ["token", "sha256", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]
    fields = [
        "perjanjian",
        "halaman_verifikasi",
        "token",
        "sha256",
        "isi_sha256",
        "ukuran",
        "berlaku",
        "diganti_oleh",
        "diganti_pada",
        "dibuat_pada",
        "ringkasan",
    ]
    readonly_fields = fields

    @admin.display(description=_("halaman verifikasi"))
    def halaman_verifikasi(self, obj: DokumenTerbit) -> str:
        url = reverse("documents:verifikasi", args=[obj.token])
        return format_html('<a href="{}">{}</a>', url, url)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

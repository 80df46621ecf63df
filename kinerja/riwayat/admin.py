"""The audit trail in the admin: read only, for superusers (units read a PK's trail on its page)."""

from __future__ import annotations

from django.contrib import admin

from kinerja.riwayat.hanya_baca import HanyaBacaAdmin
from kinerja.riwayat.models import Riwayat


@admin.register(Riwayat)
class RiwayatAdmin(HanyaBacaAdmin, admin.ModelAdmin):
    list_display = ["waktu", "oleh_nama", "aksi", "jenis_objek", "objek_id", "dari", "ke"]
    list_filter = ["aksi", "jenis_objek"]
    search_fields = ["oleh_nama", "aksi", "catatan"]
    date_hierarchy = "waktu"

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

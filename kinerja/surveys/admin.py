"""Admin for the SKM. Responses, aggregates and snapshots are read-only here: a response changed or
deleted behind the services would leave the aggregates wrong, and a snapshot never changes.
Rate-limit traces (JejakKlien) are not shown at all.
"""

from __future__ import annotations

from django.contrib import admin

from kinerja.surveys.models import (
    Agregat,
    JenisLayanan,
    KodeTiket,
    OpsiProfil,
    PeriodeSurvei,
    Respons,
    SnapshotIKM,
    UnsurPeriode,
)
from kinerja.units.admin import UnitScopedAdmin


class HanyaBaca:
    """View permission only, whatever the user's model permissions."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _ditutup(obj) -> bool:
    return obj is not None and obj.status == PeriodeSurvei.Status.DITUTUP


class UnsurInline(admin.TabularInline):
    model = UnsurPeriode
    extra = 0
    fields = ["urutan", "kode", "nama", "pertanyaan", "label_1", "label_2", "label_3", "label_4"]
    readonly_fields = ["kode", "nama"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # `obj` is the period: a closed period's questions are what its respondents answered.
        return not _ditutup(obj) and super().has_change_permission(request, obj)


@admin.register(PeriodeSurvei)
class PeriodeSurveiAdmin(UnitScopedAdmin):
    list_display = ["judul", "unit", "jenis", "tanggal_mulai", "tanggal_selesai", "status", "regime"]
    list_filter = ["status", "jenis", "regime"]
    search_fields = ["judul", "unit__nama"]
    readonly_fields = ["status", "token", "dibuat_pada", "ditutup_pada", "ditutup_oleh"]
    inlines = [UnsurInline]

    def has_change_permission(self, request, obj=None):
        """A closed period is read only here as on the web: its IKM is published, its questions fixed."""
        return not _ditutup(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _ditutup(obj) and super().has_delete_permission(request, obj)


@admin.register(JenisLayanan)
class JenisLayananAdmin(UnitScopedAdmin):
    list_display = ["nama", "unit", "urutan", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["nama", "unit__nama"]


@admin.register(OpsiProfil)
class OpsiProfilAdmin(UnitScopedAdmin):
    list_display = ["label", "pertanyaan", "unit", "urutan", "aktif"]
    list_filter = ["pertanyaan", "aktif"]


@admin.register(Respons)
class ResponsAdmin(HanyaBaca, UnitScopedAdmin):
    unit_lookup = "periode__unit__"
    list_display = ["pk", "periode", "jenis_layanan", "sumber", "diterima_pada"]
    list_filter = ["sumber"]
    list_select_related = ["periode__unit", "jenis_layanan"]
    exclude = ["nonce"]


@admin.register(Agregat)
class AgregatAdmin(HanyaBaca, UnitScopedAdmin):
    unit_lookup = "periode__unit__"
    list_display = ["periode", "jenis_layanan", "responden", "ditutup"]
    list_select_related = ["periode__unit", "jenis_layanan"]


@admin.register(KodeTiket)
class KodeTiketAdmin(HanyaBaca, UnitScopedAdmin):
    unit_lookup = "periode__unit__"
    list_display = ["kode_cetak", "periode", "dibuat_pada", "dipakai_pada"]
    list_select_related = ["periode__unit"]


@admin.register(SnapshotIKM)
class SnapshotIKMAdmin(HanyaBaca, UnitScopedAdmin):
    list_display = ["unit", "periode", "nama_layanan", "nilai", "mutu", "jumlah_responden", "dibuat_pada"]
    list_filter = ["mutu", "regime"]
    list_select_related = ["unit", "periode"]

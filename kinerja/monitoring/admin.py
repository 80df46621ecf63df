"""Admin of monitoring: the pemda's rules (deadline day, capaian cap) are set here by an admin of the
pemda; realisasi, evidence, plans and correction requests are listed read only (they change through
the monitoring pages, whose services check the state and write the trail)."""

from __future__ import annotations

from django.contrib import admin

from kinerja.monitoring.models import (
    BuktiRealisasi,
    PengaturanPantau,
    PermintaanKoreksi,
    Realisasi,
    RealisasiAnggaran,
    RencanaIndikator,
)
from kinerja.riwayat.hanya_baca import HanyaBacaAdmin
from kinerja.riwayat.models import catat
from kinerja.units.admin import UnitScopedAdmin


@admin.register(PengaturanPantau)
class PengaturanPantauAdmin(UnitScopedAdmin):
    """A pemda's monitoring rules: changed by an admin of the pemda, written to the trail."""

    aksi_ubah = "admin"
    list_display = ["unit", "hari_tenggat", "batas_capaian"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            from kinerja.units.models import Unit

            kwargs["queryset"] = Unit.objects.pemerintah_daerah().visible_to(request.user, "admin")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        catat(
            obj,
            "pantau.pengaturan.ubah",
            oleh=request.user,
            perubahan=[
                {"bidang": n, "lama": form.initial.get(n), "baru": form.cleaned_data.get(n)}
                for n in form.changed_data
                if n != "unit"
            ],
        )


class _HanyaBaca(HanyaBacaAdmin, UnitScopedAdmin):
    unit_lookup = "indikator__sasaran__perjanjian__unit__"


@admin.register(Realisasi)
class RealisasiAdmin(_HanyaBaca):
    list_display = ["indikator", "triwulan", "nilai", "predikat", "status", "otomatis", "diperbarui_pada"]
    list_filter = ["status", "triwulan", "otomatis"]
    search_fields = ["indikator__uraian", "indikator__sasaran__perjanjian__unit__nama"]
    list_select_related = ["indikator"]


@admin.register(RencanaIndikator)
class RencanaIndikatorAdmin(_HanyaBaca):
    list_display = [
        "indikator",
        "sifat_target",
        "konsolidasi",
        "target_tw1",
        "target_tw2",
        "target_tw3",
        "target_tw4",
    ]
    list_select_related = ["indikator"]


@admin.register(BuktiRealisasi)
class BuktiRealisasiAdmin(HanyaBacaAdmin, UnitScopedAdmin):
    unit_lookup = "realisasi__indikator__sasaran__perjanjian__unit__"
    list_display = ["nama_berkas", "realisasi", "jenis_isi", "ukuran", "diunggah_oleh", "diunggah_pada"]
    exclude = ["berkas"]  # downloaded from the monitoring page only (permission-checked)


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(HanyaBacaAdmin, UnitScopedAdmin):
    unit_lookup = "program__perjanjian__unit__"
    list_display = ["program", "triwulan", "nilai", "diperbarui_pada"]


@admin.register(PermintaanKoreksi)
class PermintaanKoreksiAdmin(HanyaBacaAdmin, UnitScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    list_display = ["perjanjian", "triwulan", "status", "diminta_oleh", "diminta_pada", "diputuskan_oleh"]
    list_filter = ["status", "triwulan"]

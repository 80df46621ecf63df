"""Admin for Perjanjian Kinerja and its parts (Indonesian through verbose names and Django's id locale)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kinerja.agreements.models import (
    Baseline,
    CatatanImpor,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    TandaTangan,
    UnggahanPK,
)
from kinerja.units.admin import UnitScopedAdmin


class SasaranInline(admin.TabularInline):
    model = Sasaran
    extra = 0
    fields = ["urutan", "tingkat", "uraian"]
    show_change_link = True


class ProgramInline(admin.TabularInline):
    model = Program
    extra = 0
    fields = ["urutan", "nama", "anggaran"]


class TandaTanganInline(admin.TabularInline):
    model = TandaTangan
    extra = 0
    fields = ["urutan", "bagian", "pihak", "nama", "jabatan", "nip", "pangkat", "tempat", "tanggal"]


class CatatanImporInline(admin.TabularInline):
    model = CatatanImpor
    extra = 0
    fields = ["baris", "pesan"]
    readonly_fields = ["baris", "pesan"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class IndikatorInline(admin.StackedInline):
    model = Indikator
    extra = 0
    show_change_link = True
    fields = [
        ("urutan", "uraian"),
        ("target_nilai", "target_desimal", "satuan", "target_teks"),
        ("target_predikat", "target_predikat_tercetak", "polaritas"),
    ]


class BaselineInline(admin.TabularInline):
    model = Baseline
    extra = 0


class DasarHukumInline(admin.TabularInline):
    model = DasarHukum
    extra = 0


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(UnitScopedAdmin):
    terbit_lookup = "diterbitkan"
    list_display = [
        "tahun",
        "unit",
        "jenis",
        "pihak_pertama_nama",
        "status",
        "diterbitkan",
        "diperbarui_pada",
    ]
    list_filter = ["tahun", "jenis", "status", "diterbitkan", "unit__jenis"]
    search_fields = [
        "unit__nama",
        "pihak_pertama_nama",
        "pihak_kedua_nama",
        "pihak_pertama_nip",
        "sumber_berkas",
    ]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit", "pihak_pertama", "pihak_kedua", "atasan_pk"]
    readonly_fields = ["sumber_berkas", "sumber_sha256", "diimpor_oleh", "dibuat_pada", "diperbarui_pada"]
    date_hierarchy = "dibuat_pada"
    inlines = [SasaranInline, ProgramInline, TandaTanganInline, CatatanImporInline]
    fieldsets = [
        (None, {"fields": ["tahun", "unit", "jenis", "alasan_perubahan", "alasan_perubahan_keterangan"]}),
        (
            _("Pihak pertama"),
            {
                "fields": [
                    "pihak_pertama",
                    "pihak_pertama_nama",
                    "pihak_pertama_nip",
                    "pihak_pertama_jabatan",
                    "pihak_pertama_pangkat",
                ]
            },
        ),
        (
            _("Pihak kedua"),
            {
                "fields": [
                    "pihak_kedua",
                    "pihak_kedua_nama",
                    "pihak_kedua_nip",
                    "pihak_kedua_jabatan",
                    "pihak_kedua_pangkat",
                ]
            },
        ),
        (
            _("Tempat dan tanggal"),
            {"fields": ["tempat", ("tanggal_hari", "tanggal_bulan", "tanggal_tahun")]},
        ),
        (_("Status"), {"fields": ["status", "diterbitkan", "atasan_pk", "total_anggaran_tercetak"]}),
        (
            _("Sumber"),
            {
                "classes": ["collapse"],
                "fields": [
                    "sumber_berkas",
                    "sumber_sha256",
                    "diimpor_oleh",
                    "dibuat_pada",
                    "diperbarui_pada",
                ],
            },
        ),
    ]


@admin.register(Sasaran)
class SasaranAdmin(UnitScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    terbit_lookup = "perjanjian__diterbitkan"
    list_display = ["uraian", "tingkat", "perjanjian", "urutan"]
    list_filter = ["tingkat", "perjanjian__tahun"]
    search_fields = ["uraian", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]
    autocomplete_fields = ["perjanjian"]
    inlines = [IndikatorInline]


@admin.register(Indikator)
class IndikatorAdmin(UnitScopedAdmin):
    unit_lookup = "sasaran__perjanjian__unit__"
    terbit_lookup = "sasaran__perjanjian__diterbitkan"
    list_display = ["uraian", "target_teks", "satuan", "polaritas", "berpenjelasan", "sasaran"]
    list_filter = ["polaritas", "berpenjelasan", "sasaran__tingkat", "sasaran__perjanjian__tahun"]
    search_fields = ["uraian", "sasaran__uraian", "sasaran__perjanjian__unit__nama"]
    list_select_related = ["sasaran"]
    autocomplete_fields = ["sasaran"]
    inlines = [DasarHukumInline, BaselineInline]


@admin.register(Program)
class ProgramAdmin(UnitScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    terbit_lookup = "perjanjian__diterbitkan"
    list_display = ["nama", "anggaran", "perjanjian", "urutan"]
    list_filter = ["perjanjian__tahun"]
    search_fields = ["nama", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]
    autocomplete_fields = ["perjanjian"]


@admin.register(TandaTangan)
class TandaTanganAdmin(UnitScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    terbit_lookup = "perjanjian__diterbitkan"
    list_display = ["nama", "pihak", "bagian", "jabatan", "nip", "perjanjian"]
    list_filter = ["bagian", "pihak"]
    search_fields = ["nama", "nip", "jabatan", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]
    autocomplete_fields = ["perjanjian"]


@admin.register(Baseline)
class BaselineAdmin(UnitScopedAdmin):
    unit_lookup = "indikator__sasaran__perjanjian__unit__"
    terbit_lookup = "indikator__sasaran__perjanjian__diterbitkan"
    list_display = ["indikator", "tahun", "target", "realisasi", "capaian"]
    list_filter = ["tahun"]
    search_fields = ["indikator__uraian"]
    list_select_related = ["indikator"]
    autocomplete_fields = ["indikator"]


@admin.register(DasarHukum)
class DasarHukumAdmin(UnitScopedAdmin):
    unit_lookup = "indikator__sasaran__perjanjian__unit__"
    terbit_lookup = "indikator__sasaran__perjanjian__diterbitkan"
    list_display = ["teks", "indikator", "urutan"]
    search_fields = ["teks", "indikator__uraian"]
    list_select_related = ["indikator"]
    autocomplete_fields = ["indikator"]


@admin.register(RencanaAksi)
class RencanaAksiAdmin(UnitScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    terbit_lookup = "perjanjian__diterbitkan"
    list_display = ["indikator_teks", "periode", "target_teks", "indikator", "perjanjian"]
    list_filter = ["periode"]
    search_fields = ["indikator_teks", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit", "indikator"]
    autocomplete_fields = ["perjanjian", "indikator"]


@admin.register(CatatanImpor)
class CatatanImporAdmin(UnitScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    terbit_lookup = "perjanjian__diterbitkan"
    list_display = ["perjanjian", "baris", "pesan"]
    search_fields = ["pesan", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]
    autocomplete_fields = ["perjanjian"]


@admin.register(UnggahanPK)
class UnggahanPKAdmin(admin.ModelAdmin):
    """Uploads waiting for acceptance: read-only; a superuser may delete stale ones."""

    list_display = ("nama_berkas", "pengguna", "dibuat_pada")
    readonly_fields = ("nama_berkas", "pengguna", "sha256", "dibuat_pada")
    exclude = ("isi",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(pengguna=request.user)

"""Admin for Perjanjian Kinerja and its parts (Indonesian through verbose names and Django's id locale).

A PK's content may change here only while it may change at all (draf, dikembalikan) and only by those
who may edit its unit; every change is written to the PK's audit trail. The status is never edited
here: transitions are the services' (the PK page, `kinerja pk aksi`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.agreements.models import (
    STATUS_PUBLIK,
    Baseline,
    CatatanImpor,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    PindaianPK,
    Program,
    RencanaAksi,
    Sasaran,
    TandaTangan,
    UnggahanPK,
)
from kinerja.domain.pk_beda import teks_nilai
from kinerja.riwayat.hanya_baca import HanyaBacaAdmin
from kinerja.riwayat.models import catat
from kinerja.units.admin import UnitScopedAdmin


def _perubahan_form(form) -> list[dict[str, Any]]:
    """The changed fields of a bound admin form, old → new, as the trail keeps them."""
    hasil = []
    for nama in form.changed_data:
        lama = form.initial.get(nama)
        baru = form.cleaned_data.get(nama)
        if hasattr(lama, "pk") or hasattr(baru, "pk"):
            lama, baru = getattr(lama, "pk", lama), getattr(baru, "pk", baru)
        hasil.append({"bidang": nama, "lama": teks_nilai(lama), "baru": teks_nilai(baru)})
    return hasil


def _perjanjian(obj: Any) -> PerjanjianKinerja | None:
    """The PK an object belongs to (itself for a PK)."""
    for jalur in ((), ("perjanjian",), ("sasaran", "perjanjian"), ("indikator", "sasaran", "perjanjian")):
        tujuan = obj
        for bagian in jalur:
            tujuan = getattr(tujuan, bagian, None)
        if isinstance(tujuan, PerjanjianKinerja):
            return tujuan
    return None


def _kode(model, aksi: str) -> str:
    nama = {
        PerjanjianKinerja: "",
        Sasaran: "sasaran.",
        Indikator: "indikator.",
        Program: "program.",
        TandaTangan: "tanda_tangan.",
        Baseline: "indikator.",
        DasarHukum: "indikator.",
    }.get(model, "")
    return f"pk.{nama}{aksi}" if nama or aksi != "ubah" else "pk.ubah"


class PKScopedAdmin(UnitScopedAdmin):
    """A PK or one of its parts: public PKs readable by staff, changes only to an editable PK, traced."""

    status_lookup = "status"

    def q_publik(self) -> Q:
        return Q(**{f"{self.status_lookup}__in": STATUS_PUBLIK})

    def _boleh_ubah(self, request, obj) -> bool:
        if obj is not None:
            perjanjian = _perjanjian(obj)
            if perjanjian is not None and not perjanjian.dapat_diubah:
                return False
        return super()._boleh_ubah(request, obj)

    def save_model(self, request, obj, form, change):
        perjanjian = _perjanjian(obj)
        if perjanjian is not None and perjanjian.pk and not perjanjian.dapat_diubah:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        super().save_model(request, obj, form, change)
        _catat_form(request, obj, form, change)

    def delete_model(self, request, obj):
        perjanjian = _perjanjian(obj)
        if perjanjian is not None and not isinstance(obj, PerjanjianKinerja):
            catat(perjanjian, _kode(type(obj), "hapus"), oleh=request.user, catatan=str(obj)[:200])
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        # Django's formset lists what it saved: one trail entry per row added, changed or deleted.
        per_objek = {f.instance.pk: f for f in formset.forms if f.instance.pk}
        for obj in formset.deleted_objects:
            perjanjian = _perjanjian(obj)
            if perjanjian is not None:
                catat(perjanjian, _kode(type(obj), "hapus"), oleh=request.user, catatan=str(obj)[:200])
        for obj, _fields in formset.changed_objects:
            _catat_form(request, obj, per_objek.get(obj.pk), change=True)
        for obj in formset.new_objects:
            _catat_form(request, obj, per_objek.get(obj.pk), change=False)


def _catat_form(request, obj, form, change: bool) -> None:
    perjanjian = _perjanjian(obj)
    if perjanjian is None or form is None:
        return
    if isinstance(obj, PerjanjianKinerja) and not change:
        catat(obj, "pk.buat", oleh=request.user, ke=obj.status, catatan=str(_("Dibuat di halaman admin.")))
        return
    perubahan = _perubahan_form(form)
    if perubahan or not change:
        catat(
            perjanjian,
            _kode(type(obj), "ubah" if change else "tambah"),
            oleh=request.user,
            catatan=str(obj)[:200],
            perubahan=perubahan,
        )


class _BolehUbahInline:
    """Inlines follow their PK: read only once it is past draf."""

    def has_add_permission(self, request, obj=None):
        perjanjian = _perjanjian(obj) if obj is not None else None
        if perjanjian is not None and not perjanjian.dapat_diubah:
            return False
        return super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request, obj=None):
        perjanjian = _perjanjian(obj) if obj is not None else None
        if perjanjian is not None and not perjanjian.dapat_diubah:
            return False
        return super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request, obj=None):
        perjanjian = _perjanjian(obj) if obj is not None else None
        if perjanjian is not None and not perjanjian.dapat_diubah:
            return False
        return super().has_delete_permission(request, obj)  # type: ignore[misc]


class SasaranInline(_BolehUbahInline, admin.TabularInline):
    model = Sasaran
    extra = 0
    fields = ["urutan", "tingkat", "uraian"]
    show_change_link = True


class ProgramInline(_BolehUbahInline, admin.TabularInline):
    model = Program
    extra = 0
    fields = ["urutan", "jenis", "kode", "nama", "anggaran"]


class TandaTanganInline(_BolehUbahInline, admin.TabularInline):
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


class IndikatorInline(_BolehUbahInline, admin.StackedInline):
    model = Indikator
    extra = 0
    show_change_link = True
    fields = [
        ("urutan", "uraian"),
        ("target_nilai", "target_desimal", "satuan", "target_teks"),
        ("target_predikat", "target_predikat_tercetak", "polaritas"),
    ]


class BaselineInline(_BolehUbahInline, admin.TabularInline):
    model = Baseline
    extra = 0


class DasarHukumInline(_BolehUbahInline, admin.TabularInline):
    model = DasarHukum
    extra = 0


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(PKScopedAdmin):
    list_display = ["tahun", "unit", "jenis", "versi", "pihak_pertama_nama", "status", "diperbarui_pada"]
    list_filter = ["tahun", "jenis", "status", "unit__jenis"]
    search_fields = [
        "unit__nama",
        "pihak_pertama_nama",
        "pihak_kedua_nama",
        "pihak_pertama_nip",
        "sumber_berkas",
    ]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit", "pihak_pertama", "pihak_kedua", "atasan_pk"]
    readonly_fields = [
        "status",
        "versi",
        "menggantikan",
        "diterbitkan_pada",
        "sumber_berkas",
        "sumber_sha256",
        "diimpor_oleh",
        "dibuat_pada",
        "diperbarui_pada",
    ]
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
        (
            _("Status dan versi"),
            {
                "fields": [
                    "status",
                    "versi",
                    "menggantikan",
                    "diterbitkan_pada",
                    "atasan_pk",
                    "total_anggaran_tercetak",
                ]
            },
        ),
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
class SasaranAdmin(PKScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    status_lookup = "perjanjian__status"
    list_display = ["uraian", "tingkat", "perjanjian", "urutan"]
    list_filter = ["tingkat", "perjanjian__tahun"]
    search_fields = ["uraian", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]
    autocomplete_fields = ["perjanjian"]
    inlines = [IndikatorInline]


@admin.register(Indikator)
class IndikatorAdmin(PKScopedAdmin):
    unit_lookup = "sasaran__perjanjian__unit__"
    status_lookup = "sasaran__perjanjian__status"
    list_display = ["uraian", "target_teks", "satuan", "polaritas", "berpenjelasan", "sasaran"]
    list_filter = ["polaritas", "berpenjelasan", "sasaran__tingkat", "sasaran__perjanjian__tahun"]
    search_fields = ["uraian", "sasaran__uraian", "sasaran__perjanjian__unit__nama"]
    list_select_related = ["sasaran"]
    autocomplete_fields = ["sasaran"]
    inlines = [DasarHukumInline, BaselineInline]


@admin.register(Program)
class ProgramAdmin(PKScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    status_lookup = "perjanjian__status"
    list_display = ["kode", "nama", "jenis", "anggaran", "perjanjian", "urutan"]
    list_filter = ["perjanjian__tahun", "jenis"]
    search_fields = ["nama", "kode", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]
    autocomplete_fields = ["perjanjian"]
    # The sasaran a program serves are chosen in the PK editor (among its own PK's sasaran only).
    exclude = ["sasaran"]


@admin.register(TandaTangan)
class TandaTanganAdmin(PKScopedAdmin):
    unit_lookup = "perjanjian__unit__"
    status_lookup = "perjanjian__status"
    list_display = ["nama", "pihak", "bagian", "jabatan", "nip", "perjanjian"]
    list_filter = ["bagian", "pihak"]
    search_fields = ["nama", "nip", "jabatan", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]
    autocomplete_fields = ["perjanjian"]


@admin.register(Baseline)
class BaselineAdmin(PKScopedAdmin):
    unit_lookup = "indikator__sasaran__perjanjian__unit__"
    status_lookup = "indikator__sasaran__perjanjian__status"
    list_display = ["indikator", "tahun", "target", "realisasi", "capaian"]
    list_filter = ["tahun"]
    search_fields = ["indikator__uraian"]
    list_select_related = ["indikator"]
    autocomplete_fields = ["indikator"]


@admin.register(DasarHukum)
class DasarHukumAdmin(PKScopedAdmin):
    unit_lookup = "indikator__sasaran__perjanjian__unit__"
    status_lookup = "indikator__sasaran__perjanjian__status"
    list_display = ["teks", "indikator", "urutan"]
    search_fields = ["teks", "indikator__uraian"]
    list_select_related = ["indikator"]
    autocomplete_fields = ["indikator"]


class _HanyaBaca(HanyaBacaAdmin, PKScopedAdmin):
    """The printed record of an import: read only (a re-import replaces it)."""


@admin.register(RencanaAksi)
class RencanaAksiAdmin(_HanyaBaca):
    unit_lookup = "perjanjian__unit__"
    status_lookup = "perjanjian__status"
    list_display = ["indikator_teks", "periode", "target_teks", "indikator", "perjanjian"]
    list_filter = ["periode"]
    search_fields = ["indikator_teks", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit", "indikator"]


@admin.register(CatatanImpor)
class CatatanImporAdmin(_HanyaBaca):
    unit_lookup = "perjanjian__unit__"
    status_lookup = "perjanjian__status"
    list_display = ["perjanjian", "baris", "pesan"]
    search_fields = ["pesan", "perjanjian__unit__nama"]
    list_select_related = ["perjanjian", "perjanjian__unit"]


@admin.register(PindaianPK)
class PindaianPKAdmin(HanyaBacaAdmin, UnitScopedAdmin):
    """Signed scans: listed for those who may view the unit, downloaded from the PK page only."""

    unit_lookup = "perjanjian__unit__"
    list_display = ["nama_berkas", "perjanjian", "jenis_isi", "ukuran", "diunggah_oleh", "diunggah_pada"]
    exclude = ["isi"]
    readonly_fields = [
        "perjanjian",
        "nama_berkas",
        "jenis_isi",
        "ukuran",
        "sha256",
        "diunggah_oleh",
        "diunggah_pada",
    ]
    list_select_related = ["perjanjian", "perjanjian__unit", "diunggah_oleh"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("isi")


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

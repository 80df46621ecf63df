"""Admin for units, officials and roles; `UnitScopedAdmin` limits any admin to the user's units."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from kinerja.units.models import Pejabat, Unit, UnitRole
from kinerja.units.peran import buka_halaman_admin
from kinerja.units.permissions import boleh_beri_peran, can, unit_filter


class UnitScopedAdmin(admin.ModelAdmin):
    """Staff see only objects of units they may view (or published PKs), and change only where they may edit.

    `unit_lookup` is the ORM path from the model to its Unit ("" for Unit itself, "unit__",
    "perjanjian__unit__"…); `q_publik()` may add what anyone may read (published PKs).
    """

    unit_lookup = "unit__"
    aksi_ubah = "edit"

    def q_publik(self) -> Q | None:
        """What everyone may see besides their own units (None: nothing)."""
        return None

    def _unit(self, obj) -> Unit | None:
        if not self.unit_lookup:
            return obj
        tujuan = obj
        for bagian in self.unit_lookup.strip("_").split("__"):
            tujuan = getattr(tujuan, bagian, None)
            if tujuan is None:
                return None
        return tujuan

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        q = unit_filter(request.user, "view", prefix=self.unit_lookup)
        if q is None:
            return qs
        publik = self.q_publik()
        if publik is not None:
            q = q | publik if q else publik
        return qs.filter(q) if q else qs.none()

    def _boleh_ubah(self, request, obj) -> bool:
        if obj is None:
            return True
        unit = self.unit_untuk_izin(obj)
        return unit is not None and can(request.user, self.aksi_ubah, unit)

    def unit_untuk_izin(self, obj) -> Unit | None:
        """The unit whose permission decides about `obj` (a new unit is decided by its induk)."""
        if not self.unit_lookup and obj.pk is None:
            return obj.induk
        return self._unit(obj)

    def save_model(self, request, obj, form, change):
        # Also on "add": a staff user cannot file an object under a unit they may not change.
        unit = self.unit_untuk_izin(obj)
        if unit is None or not can(request.user, self.aksi_ubah, unit):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._boleh_ubah(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._boleh_ubah(request, obj)


def _unit_boleh(user, aksi: str):
    """The units on which `user` may do `aksi` (for the choices of a unit field)."""
    return Unit.objects.visible_to(user, aksi)


def _simpan_peran(request, role: UnitRole) -> None:
    """Save a role given in the admin, if the acting user may give it (else PermissionDenied)."""
    if not boleh_beri_peran(request.user, role.unit, role.peran, role.user):
        raise PermissionDenied
    role.save()
    if role.peran == UnitRole.Peran.ADMIN:
        buka_halaman_admin(role.user)


class UnitRoleInline(admin.TabularInline):
    model = UnitRole
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(UnitScopedAdmin):
    unit_lookup = ""
    aksi_ubah = "admin"
    list_display = ["nama", "jenis", "induk", "kode"]
    list_filter = ["jenis"]
    search_fields = ["nama", "kode"]
    autocomplete_fields = ["induk"]
    inlines = [UnitRoleInline]
    list_select_related = ["induk"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "induk" in form.base_fields:
            # The units one may file a unit under, and its present induk (so its page saves as it is).
            boleh = _unit_boleh(request.user, "admin")
            if obj is not None and obj.induk_id:
                boleh = Unit.objects.filter(Q(pk__in=boleh.values("pk")) | Q(pk=obj.induk_id))
            form.base_fields["induk"].queryset = boleh
        return form

    def save_formset(self, request, form, formset, change):
        if formset.model is not UnitRole:
            return super().save_formset(request, form, formset, change)
        for obj in formset.save(commit=False):
            _simpan_peran(request, obj)
        for obj in formset.deleted_objects:
            if not boleh_beri_peran(request.user, obj.unit, obj.peran):
                raise PermissionDenied
            obj.delete()
        return None

    def save_model(self, request, obj, form, change):
        # Moving a unit is an act on both places: its admin may not file it under a unit above or
        # beside their own (and so read that unit's data); a new root is the superuser's.
        if change:
            induk_lama = Unit.objects.filter(pk=obj.pk).values_list("induk_id", flat=True).first()
            pindah = induk_lama != obj.induk_id
            boleh = obj.induk is not None and can(request.user, "admin", obj.induk)
            if pindah and not boleh and not request.user.is_superuser:
                raise PermissionDenied
        super().save_model(request, obj, form, change)


@admin.register(Pejabat)
class PejabatAdmin(UnitScopedAdmin):
    """Officials of the units the user may view; changed only where the user may edit."""

    list_display = ["nama", "nip", "jabatan", "pangkat_golongan", "unit"]
    list_filter = ["unit__jenis"]
    search_fields = ["nama", "nama_normal", "nip", "jabatan"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = _unit_boleh(request.user, "edit")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(UnitRole)
class UnitRoleAdmin(UnitScopedAdmin):
    """Roles are managed by the admins of a unit (and superusers), for their unit and those below.

    The list, the unit's choices and the saved role are all scoped: nobody grants a role on a unit
    above or beside their own.
    """

    aksi_ubah = "admin"
    list_display = ["user", "peran", "unit"]
    list_filter = ["peran", "unit__jenis"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__nama"]
    autocomplete_fields = ["user", "unit"]
    list_select_related = ["user", "unit"]

    def get_queryset(self, request):
        qs = admin.ModelAdmin.get_queryset(self, request)
        q = unit_filter(request.user, "admin", prefix="unit__")
        if q is None:
            return qs
        return qs.filter(q) if q else qs.none()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = _unit_boleh(request.user, "admin")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request) -> bool:
        q = unit_filter(request.user, "admin")
        return super().has_add_permission(request) and (q is None or bool(q))

    def save_model(self, request, obj, form, change):
        _simpan_peran(request, obj)

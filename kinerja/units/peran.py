"""Giving a user a role on a unit (the command line `kinerja pengguna tambah`, and tests' cast).

An admin of a unit works in the Django admin, scoped to their subtree (kinerja.units.admin): the role
makes them staff and a member of the group "Admin unit kinerja", which holds the model permissions of
kinerja's apps; what they may see and change there is still decided per object by `can()`.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from kinerja.units.models import Unit, UnitRole
from kinerja.units.permissions import forget_roles

GRUP_ADMIN = "Admin unit kinerja"
APP_ADMIN = ("units", "agreements", "documents", "surveys", "monitoring", "evaluation")


def grup_admin() -> Group:
    """The group of unit admins, with the model permissions of kinerja's apps (made on first use)."""
    grup, dibuat = Group.objects.get_or_create(name=GRUP_ADMIN)
    # Also when an app was added since the group was made (monitoring, issue #11).
    ada = set(grup.permissions.values_list("content_type__app_label", flat=True).distinct())
    if dibuat or not ada >= set(APP_ADMIN):
        grup.permissions.set(Permission.objects.filter(content_type__app_label__in=APP_ADMIN))
    return grup


def beri_peran(user, unit: Unit, peran: str) -> tuple[UnitRole, bool]:
    """Give `user` the role on `unit` (idempotent); an admin also gets the admin pages."""
    role, dibuat = UnitRole.objects.get_or_create(user=user, unit=unit, peran=peran)
    if peran == UnitRole.Peran.ADMIN:
        buka_halaman_admin(user)
    forget_roles(user)
    return role, dibuat


def buka_halaman_admin(user) -> None:
    """An admin of a unit: staff, in the group that holds the model permissions (kinerja.units.admin
    still scopes every page to the units they administer)."""
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(grup_admin())

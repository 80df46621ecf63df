"""Who may do what on which unit: the one permission rule of kinerja.

`can(user, action, obj_or_unit)` answers for one object; `unit_filter(user, action)` gives the same
answer as a query filter, so lists (`Unit.objects.visible_to(user)`) and pages agree.

Matrix (a role is held on one unit; "subtree" is that unit and every unit below it):

| peran        | view                       | edit    | approve | review                 | admin   | evaluate                    |
|--------------|----------------------------|---------|---------|------------------------|---------|-----------------------------|
| admin        | subtree                    | subtree | –       | –                      | subtree | –                           |
| operator     | own unit                   | own     | –       | –                      | –       | –                           |
| pimpinan     | subtree                    | –       | own     | –                      | –       | –                           |
| verifikator  | subtree                    | –       | –       | units strictly below   | –       | –                           |
| inspektorat  | the whole pemerintah daerah| –       | –       | –                      | –       | the whole pemerintah daerah |

- A superuser may do everything.
- A public PK (published, or a version its published perubahan replaced) may be viewed by anyone.
- An admin of a pemerintah daerah (the root of the tree) therefore covers all its units.
- Approving is the head's act (pimpinan) and reviewing the verifier's: an admin manages data and
  users but does not approve or review on someone's behalf (separation of duties in SAKIP).
- Evaluating (the SAKIP evaluation, PermenPANRB 88/2021) is the Inspektorat's: its evaluators and
  pengendali teknis hold the inspektorat role; which of them may do which step is the service's rule.
- This answers *who*; whether the object's state allows the action (e.g. editing a signed PK) is
  a rule on the model.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Q

from kinerja.units.models import Unit, UnitRole

AKSI = ("view", "edit", "approve", "review", "admin", "evaluate")

Cakupan = Literal["unit", "subtree", "below", "pemda"]

MATRIX: dict[str, dict[str, Cakupan]] = {
    UnitRole.Peran.ADMIN: {"view": "subtree", "edit": "subtree", "admin": "subtree"},
    UnitRole.Peran.OPERATOR: {"view": "unit", "edit": "unit"},
    UnitRole.Peran.PIMPINAN: {"view": "subtree", "approve": "unit"},
    UnitRole.Peran.VERIFIKATOR: {"view": "subtree", "review": "below"},
    UnitRole.Peran.INSPEKTORAT: {"view": "pemda", "evaluate": "pemda"},
}

_CACHE = "_kinerja_peran"


def _check_aksi(action: str) -> None:
    if action not in AKSI:
        raise ValueError(f"Aksi tidak dikenal: {action!r} (pilihan: {', '.join(AKSI)})")


def _roles(user) -> list[tuple[str, int, str]]:
    """The user's roles as (peran, unit id, unit path), read once per user object."""
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = list(UnitRole.objects.filter(user=user).values_list("peran", "unit_id", "unit__jalur"))
        setattr(user, _CACHE, cached)
    return cached


def forget_roles(user) -> None:
    """Drop the roles cached on `user` (after granting or revoking a role)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def _root(jalur: str) -> str:
    parts = [p for p in jalur.split("/") if p]
    return f"/{parts[0]}/" if parts else jalur


def _unit_of(obj: Any) -> Unit | None:
    if isinstance(obj, Unit):
        return obj
    return getattr(obj, "unit", None)


def _is_active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can(user, action: str, obj_or_unit: Any) -> bool:
    """True when `user` may do `action` on a unit or on an object that has a `unit` (e.g. a PK)."""
    _check_aksi(action)
    if action == "view" and getattr(obj_or_unit, "publik", False):
        return True
    if not _is_active(user):
        return False
    if user.is_superuser:
        return True
    unit = _unit_of(obj_or_unit)
    if unit is None or not unit.jalur:
        return False
    for peran, unit_id, jalur in _roles(user):
        cakupan = MATRIX.get(peran, {}).get(action)
        if cakupan == "unit" and unit.pk == unit_id:
            return True
        if cakupan == "subtree" and unit.jalur.startswith(jalur):
            return True
        if cakupan == "below" and unit.jalur.startswith(jalur) and unit.pk != unit_id:
            return True
        if cakupan == "pemda" and unit.jalur.startswith(_root(jalur)):
            return True
    return False


def unit_filter(user, action: str, prefix: str = "") -> Q | None:
    """A Q on Unit (or on `prefix`+unit fields) for the units where `user` may do `action`.

    None means "no restriction" (superuser); an empty Q() means "nothing".
    """
    _check_aksi(action)
    if not _is_active(user):
        return Q()
    if user.is_superuser:
        return None
    q = Q()
    for peran, unit_id, jalur in _roles(user):
        cakupan = MATRIX.get(peran, {}).get(action)
        if cakupan == "unit":
            q |= Q(**{f"{prefix}pk": unit_id})
        elif cakupan == "subtree":
            q |= Q(**{f"{prefix}jalur__startswith": jalur})
        elif cakupan == "below":
            q |= Q(**{f"{prefix}jalur__startswith": jalur}) & ~Q(**{f"{prefix}pk": unit_id})
        elif cakupan == "pemda":
            q |= Q(**{f"{prefix}jalur__startswith": _root(jalur)})
    return q


def boleh_beri_peran(user, unit: Unit, peran: str, penerima=None) -> bool:
    """Whether `user` may give `peran` on `unit` (to `penerima`): the role's reach must lie within
    what `user` administers, and nobody raises their own rights.

    A role on a unit reaches that unit's subtree, except *inspektorat*, which views the whole
    pemerintah daerah (MATRIX): only an admin of the pemda's root may give it. An admin may not give
    himself a role (a unit admin who made himself pimpinan could approve his own unit's PK, which the
    separation of duties forbids); a superuser may.
    """
    if not _is_active(user):
        return False
    if user.is_superuser:
        return True
    if penerima is not None and getattr(penerima, "pk", None) == user.pk:
        return False
    if not can(user, "admin", unit):
        return False
    if MATRIX.get(peran, {}).get("view") == "pemda":
        akar = Unit.objects.filter(pk=unit.akar_id).first()
        return akar is not None and can(user, "admin", akar)
    return True

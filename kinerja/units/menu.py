"""The menu by role (issue #10): each person sees only what he may do.

A context processor: `menu.impor` (operators and admins: they store PKs; a pimpinan signs them and is
not sent to an import that would fail at the last step), `menu.skm` (anyone with a role: the unit's
surveys), `menu.pantau` (anyone with a role: monitoring of realisasi and capaian), `menu.evaluasi` (anyone with a
role: the SAKIP evaluations of the units he may view), `menu.unduh` (admins: every PK of a year at once), `menu.pemda` (admins: units, pejabat,
users and roles in the application's own pages), `menu.admin` (staff), `menu.keamanan` (the pemda's admin
and the inspektorat: the security log). The roles are read
once per request and shared with `can()` (kinerja.units.permissions caches them on the user).
"""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from kinerja.units.models import UnitRole
from kinerja.units.permissions import _roles


def _menu(user) -> dict[str, bool]:
    if not user.is_authenticated:
        return {
            "impor": False,
            "skm": False,
            "pantau": False,
            "evaluasi": False,
            "unduh": False,
            "pemda": False,
            "admin": False,
            "keamanan": False,
        }
    if user.is_superuser:
        return {
            "impor": True,
            "skm": True,
            "pantau": True,
            "evaluasi": True,
            "unduh": True,
            "pemda": True,
            "admin": user.is_staff,
            "keamanan": True,
        }
    peran = {p for p, _unit, _jalur in _roles(user)}
    return {
        "impor": bool(peran & {UnitRole.Peran.OPERATOR, UnitRole.Peran.ADMIN}),
        "skm": bool(peran),
        "pantau": bool(peran),
        "evaluasi": bool(peran),
        "unduh": UnitRole.Peran.ADMIN in peran,
        "pemda": UnitRole.Peran.ADMIN in peran,
        "admin": user.is_staff,
        # The security log: the inspektorat, and an admin of a top unit (a path of one step: "/1/").
        "keamanan": UnitRole.Peran.INSPEKTORAT in peran
        or any(p == UnitRole.Peran.ADMIN and jalur.count("/") == 2 for p, _unit, jalur in _roles(user)),
    }


def menu(request) -> dict[str, object]:
    """The menu's entries for the signed-in user (computed only when a page shows the menu)."""
    return {"menu": SimpleLazyObject(lambda: _menu(request.user))}

"""A ModelAdmin mixin for records nobody edits by hand: listed and shown, never added, changed or deleted."""

from __future__ import annotations


class HanyaBacaAdmin:
    """Read only in the admin (snapshots, printed records, the audit trail)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

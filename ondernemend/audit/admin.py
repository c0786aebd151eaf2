from typing import override

from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the services only, never by hand."""

    list_display = ("at", "role", "user", "action", "target_type", "target_id")
    list_filter = ("action", "role", "target_type")
    date_hierarchy = "at"

    @override
    def has_add_permission(self, request):
        return False

    @override
    def has_change_permission(self, request, obj=None):
        return False

    @override
    def has_delete_permission(self, request, obj=None):
        return False

from typing import override

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Invitation, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "name", "is_active", "is_superuser", "date_joined")
    search_fields = ("email", "name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal details"), {"fields": ("name",)}),
        (_("Roles and rights"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    # Roles and rights changed here are written to the audit log, as the services do for invitations: the
    # state before is read from the database before the save, the state after once the groups are saved.
    @override
    def save_model(self, request, obj, form, change):
        form.rights_before = services.rights_of(User.objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)

    @override
    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            services.record_rights_change(form.instance, before=form.rights_before, by=request.user)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are made, renewed and withdrawn on the "Uitnodigen" page (the services)."""

    list_display = ("email", "role", "status", "sent_at", "expires_at", "invited_by", "accepted_at")
    list_filter = ("role",)
    list_select_related = ("invited_by",)
    search_fields = ("email",)
    fields = (
        "email",
        "role",
        "invited_by",
        "created_at",
        "sent_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
        "revoked_by",
    )
    readonly_fields = fields

    @admin.display(description=_("status"))
    def status(self, invitation):
        return invitation.status.label

    @override
    def has_add_permission(self, request):
        return False

    @override
    def has_change_permission(self, request, obj=None):
        return False

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from . import audit
from .models import AuditEntry, Membership, Notification, Organization, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (None, {"fields": ("patronymic", "language")}),
    )
    list_display = ("username", "last_name", "first_name", "email", "is_active", "is_superuser")
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(
            "accounts.user.update" if change else "accounts.user.create",
            actor=request.user,
            obj=obj,
            changes={
                f: [None, str(form.cleaned_data.get(f))]
                for f in form.changed_data
                if f not in ("password", "password1", "password2")
            },
        )


@admin.register(Organization)
class OrganizationAdmin(TreeAdmin):
    form = movenodeform_factory(Organization)
    list_display = ("name_kk", "name_ru", "kind", "bin", "is_active")
    search_fields = ("name_kk", "name_ru", "bin")
    list_filter = ("kind", "is_active")

    def save_model(self, request, obj, form, change):
        # The admin writes through its own form; record the change like the services do.
        verb = "accounts.organization.update" if change else "accounts.organization.create"
        super().save_model(request, obj, form, change)
        audit.record(
            verb,
            actor=request.user,
            obj=obj,
            changes={f: [None, str(form.cleaned_data.get(f))] for f in form.changed_data},
        )

    def delete_model(self, request, obj):
        audit.record("accounts.organization.delete", actor=request.user, obj=obj)
        super().delete_model(request, obj)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organization", "role", "position")
    list_filter = ("role",)
    search_fields = ("user__username", "user__last_name", "organization__name_kk")
    autocomplete_fields = ["user", "organization"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(
            "accounts.membership.create",
            actor=request.user,
            obj=obj,
            changes={f: [None, str(form.cleaned_data.get(f))] for f in form.changed_data},
        )

    def delete_model(self, request, obj):
        audit.record("accounts.membership.delete", actor=request.user, obj=obj)
        super().delete_model(request, obj)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "kind", "title", "created_at", "read_at", "emailed_at")
    list_filter = ("kind",)
    raw_id_fields = ("recipient", "actor")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "action", "organization", "object_repr")
    list_filter = ("action",)
    search_fields = ("object_repr", "action")
    raw_id_fields = ("actor", "organization")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

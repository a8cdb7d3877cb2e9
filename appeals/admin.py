"""Admin: superusers keep the working calendar's corrections here as well as on
/appeals/calendar/; both go through the services, so the cache is dropped and the due dates of
open appeals are recomputed either way."""

from django.contrib import admin

from . import services
from .models import Appeal, CalendarOverride


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ("day", "kind", "reason", "updated_at")
    list_filter = ("kind",)
    date_hierarchy = "day"
    fields = ("day", "kind", "reason")

    def save_model(self, request, obj, form, change):
        if change and "day" in form.changed_data:
            old = CalendarOverride.objects.get(pk=obj.pk)
            services.calendar_override_delete(actor=request.user, override=old)
        saved, _moved = services.calendar_override_save(
            actor=request.user, day=obj.day, kind=obj.kind, reason=obj.reason
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.calendar_override_delete(actor=request.user, override=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.calendar_override_delete(actor=request.user, override=obj)


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    """Read-only: appeals change through the application's pages and their services."""

    list_display = ("number", "organization", "status", "received_at", "official_response_due")
    list_filter = ("status", "topic", "kind")
    search_fields = ("number",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

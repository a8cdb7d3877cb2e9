"""Superusers keep the checklist's wording here (issue 5, point 1): copy the current version
to a draft, edit, add or remove its sections and items, publish it. A published version is
read-only; checklists already filled keep the version they were filled against."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.exceptions import InvalidTransition

from . import services
from .models import TemplateItem, TemplateSection, TemplateVersion


class ReadOnlyWhenPublished:
    def _published(self, obj) -> bool:
        template = getattr(obj, "template", None) or getattr(
            getattr(obj, "section", None), "template", None
        )
        template = template or (obj if isinstance(obj, TemplateVersion) else None)
        return bool(template and template.is_published)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and self._published(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and self._published(obj))

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not (obj and self._published(obj))


class SectionInline(ReadOnlyWhenPublished, admin.TabularInline):
    model = TemplateSection
    extra = 0
    fields = ["position", "code", "number", "title_kk", "title_ru", "intro_kk", "intro_ru"]
    show_change_link = True


@admin.register(TemplateVersion)
class TemplateVersionAdmin(ReadOnlyWhenPublished, admin.ModelAdmin):
    list_display = ["number", "published_at", "published_by", "note"]
    readonly_fields = ["number", "published_at", "published_by"]
    fields = ["number", "note", "published_at", "published_by"]
    inlines = [SectionInline]
    actions = ["copy_to_draft", "publish"]

    def has_add_permission(self, request, obj=None):
        return False  # new versions start as a copy ("Copy to a new draft")

    @admin.action(description=_("Copy to a new draft"))
    def copy_to_draft(self, request, queryset):
        for template in queryset:
            draft = services.template_copy(template=template, actor=request.user)
            self.message_user(
                request, _("Draft version %(number)s created.") % {"number": draft.number}
            )

    @admin.action(description=_("Publish"))
    def publish(self, request, queryset):
        for template in queryset:
            try:
                services.template_publish(template=template, actor=request.user)
            except (ValidationError, InvalidTransition) as error:
                text = error.message if isinstance(error, InvalidTransition) else error.messages
                self.message_user(request, str(text), messages.ERROR)
            else:
                self.message_user(
                    request, _("Version %(number)s is published.") % {"number": template.number}
                )


class ItemInline(ReadOnlyWhenPublished, admin.StackedInline):
    model = TemplateItem
    extra = 0
    fields = ["position", "code", "text_kk", "text_ru", "not_applicable", "is_legal"]


@admin.register(TemplateSection)
class TemplateSectionAdmin(ReadOnlyWhenPublished, admin.ModelAdmin):
    list_display = ["code", "title_kk", "template"]
    list_filter = ["template"]
    inlines = [ItemInline]

    def has_module_permission(self, request):
        return False  # reached from its version

"""The three peers every page of `make bench` is compared with (docs/benchmarks.md), mounted
under /bench/ only when settings.BENCH_PEERS is true (the benchmark's gunicorn; never in
production or the tests):

- `bare`: a view that returns two bytes — the cost of the request cycle and middleware alone;
- `floor`: the project's base template for the signed-in user with no content — the least any
  page of the product can cost (navigation, badges, banners included);
- `admin`: Django's admin changelist of the page's own model, on a site of its own that lets any
  signed-in person view (read only), so it runs with the same session as the page.
"""

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from accounts.models import AuditEntry, Organization
from appeals.models import Appeal
from content.models import ContentPlan, PlanItem, Publication
from registry.models import OfficialAccount
from reports.models import Report


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


@login_required
def floor(request: HttpRequest) -> HttpResponse:
    return render(request, "bench/floor.html")


class BenchAdminSite(admin.AdminSite):
    site_url = None

    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_authenticated


class ReadOnlyAdmin(admin.ModelAdmin):
    """A plain changelist: the primary key and the model's simple fields (no foreign key, so no
    query per row), Django's default paging and counts."""

    def __init__(self, model, admin_site):
        simple = [
            f.name
            for f in model._meta.concrete_fields
            if not f.is_relation
            and not f.primary_key
            and f.get_internal_type()
            in ("CharField", "DateField", "DateTimeField", "IntegerField", "BooleanField")
        ]
        self.list_display = ("pk", *simple[:5])
        super().__init__(model, admin_site)

    def has_module_permission(self, request) -> bool:
        return True

    def has_view_permission(self, request, obj=None) -> bool:
        return True

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


site = BenchAdminSite(name="bench_admin")
MODELS = [Organization, Publication, ContentPlan, PlanItem, OfficialAccount, Appeal, Report]
for _model in [*MODELS, AuditEntry]:
    site.register(_model, ReadOnlyAdmin)

urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/floor/", floor, name="bench_floor"),
    path("bench/admin/", site.urls),
]

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog

from accounts import health

urlpatterns = [
    # The admin signs in through our login (password, then the second factor), never its own form.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
    ),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("registry/", include("registry.urls")),
    path("content/", include("content.urls")),
    path("checklist/", include("checklist.urls")),
    path("appeals/", include("appeals.urls")),
    path("reports/", include("reports.urls")),
    path("channels/", include("channels.urls")),
    path("inbox/", include("inbox.urls")),
    # Health (docs/operations.md): the load balancer's probe and the superusers' details.
    path("health/", health.health, name="health"),
    path("health/details/", health.health_details, name="health_details"),
    path("", include("accounts.urls")),
]

# make bench (docs/benchmarks.md): the peers the pages are compared with, on the benchmark's
# gunicorn only (BENCH_PEERS, default off).
if settings.BENCH_PEERS:
    from bench.peers import urlpatterns as bench_peers

    urlpatterns += bench_peers

# No /media/ route in any setting: stored files go out only through views that ask
# accounts.permissions first (accounts/files.py, docs/security.md).

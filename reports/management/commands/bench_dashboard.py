"""Benchmark: the compliance dashboard, the roll-up and a report's numbers at union size.

Builds --orgs organizations (Central Committee → 20 regions → 200 districts → primary
organizations), one official account for every second primary organization with subscriber
counts, --publications publications per primary organization and reports, inside a
transaction; times the summary's refresh (reports/summary.py), the summary-backed dashboard and
roll-up pages, the live computations they replaced (with PostgreSQL's JIT off, as the
application's connections have it, and on), prints the numbers and rolls everything back. Run
against PostgreSQL for figures that mean something:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kasipodaq \
        .venv/bin/python manage.py bench_dashboard
"""

import time
from datetime import date, datetime
from datetime import time as dtime
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.benchmarking import Rollback, build_union_tree, timed
from accounts.models import Membership, Organization, Role, User
from content.models import Publication, PublicationStatus
from registry.models import OfficialAccount
from reports import summary
from reports.compute import compute
from reports.models import Report, ReportStatus, SubscriberCount
from reports.views import dashboard as dashboard_view
from reports.views import rollup as rollup_view

H1 = (date(2026, 1, 1), date(2026, 6, 30))
TODAY = date(2026, 11, 26)


class Command(BaseCommand):
    help = "Time the compliance dashboard and the roll-up at union size (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--orgs", type=int, default=10_000)
        parser.add_argument(
            "--publications", type=int, default=2, help="publications per primary organization"
        )
        parser.add_argument("--live", action="store_true", help="also time the live computations")

    def handle(self, *args, orgs, publications, live, **options):
        self.per_primary, self.live = publications, live
        try:
            with transaction.atomic(), translation.override("kk"):
                self.run(orgs)
                raise Rollback
        except Rollback:
            pass

    def build(self, total):
        tree = build_union_tree(total)
        root = tree.root
        primaries = list(Organization.objects.filter(depth=4).order_by("path"))
        author = User.objects.create(username="bench-author")
        accounts = OfficialAccount.objects.bulk_create(
            [
                OfficialAccount(
                    organization=o,
                    network="telegram_channel",
                    display_name=f"Арна {o.pk}",
                    url=f"https://t.me/bench_{o.pk}",
                    normalized_url=f"t.me/bench_{o.pk}",
                    languages="both",
                    password_due_on=date(2026, 1, 1) if i % 3 else date(2027, 1, 1),
                )
                for i, o in enumerate(primaries[::2])
            ],
            batch_size=2000,
        )
        SubscriberCount.objects.bulk_create(
            [SubscriberCount(account=a, on=H1[0], subscribers=100) for a in accounts]
            + [SubscriberCount(account=a, on=H1[1], subscribers=130) for a in accounts],
            batch_size=2000,
        )
        tz = ZoneInfo("Asia/Almaty")
        kinds = ("informational", "legal", "social", "educational", "image", "interactive")
        for j in range(self.per_primary):  # one round per primary at a time: bounded memory
            Publication.objects.bulk_create(
                [
                    Publication(
                        organization=o,
                        author=author,
                        kind=kinds[(i + j) % len(kinds)],
                        direction="news",
                        language="kk",
                        status=PublicationStatus.PUBLISHED,
                        published_at=datetime.combine(
                            date(2026, 3 + (i + j) % 8, 1 + j % 28), dtime(12), tz
                        ),
                    )
                    for i, o in enumerate(primaries)
                ],
                batch_size=5000,
            )
        Report.objects.bulk_create(
            [
                Report(
                    organization=o,
                    starts_on=H1[0],
                    ends_on=H1[1],
                    status=ReportStatus.ACCEPTED if i % 2 else ReportStatus.SUBMITTED,
                )
                for i, o in enumerate(primaries[::3])
            ],
            batch_size=2000,
        )
        chairman = User.objects.create(username="bench-cc-chairman")
        Membership.objects.create(user=chairman, organization=root, role=Role.CHAIRMAN)
        return root, chairman, tree.total, len(accounts)

    def request(self, url, user):
        request = RequestFactory().get(url)
        request.user = User.objects.get(pk=user.pk)
        request.session = {}
        request._messages = []
        request.LANGUAGE_CODE = "kk"
        return request

    def page(self, label, view, url, user):
        with CaptureQueriesContext(connection) as ctx:
            response = view(self.request(url, user))
        ms = timed(lambda: view(self.request(url, user)))
        self.stdout.write(
            f"{label}: {ms:.0f} ms (median of 5) in {len(ctx.captured_queries)} queries, "
            f"{len(response.content) // 1024} KiB"
        )

    def run(self, total):
        start = time.perf_counter()
        root, chairman, count, accounts = self.build(total)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"built {count} organizations, {accounts} accounts, "
            f"{Publication.objects.count()} publications in "
            f"{time.perf_counter() - start:.1f} s ({connection.vendor})"
        )
        for label, refresh in (
            ("dashboard (every organization)", lambda: summary.refresh_dashboard(TODAY)),
            ("roll-up of one half-year", lambda: summary.refresh_rollup(*H1)),
        ):
            start = time.perf_counter()
            written = refresh()
            first = (time.perf_counter() - start) * 1000
            ms = timed(refresh, repeat=3)
            self.stdout.write(
                f"summary refresh, {label}: first {first:.0f} ms ({written} rows written), "
                f"then {ms:.0f} ms (nothing changed; median of 3)"
            )
        start = time.perf_counter()
        summary.refresh(TODAY)
        self.stdout.write(
            f"summary refresh, all (the beat task: dashboard, two half-years): "
            f"{(time.perf_counter() - start) * 1000:.0f} ms"
        )
        rollup_url = f"/reports/rollup/?organization={root.pk}&period=h1&year=2026"
        dashboard_url = "/reports/dashboard/?sort=-flagged&page=3"
        self.page(
            "dashboard page of the Central Committee", dashboard_view, dashboard_url, chairman
        )
        self.page("roll-up page of the Central Committee", rollup_view, rollup_url, chairman)
        primary = Organization.objects.filter(depth=4).order_by("path").first()
        chair = User.objects.create(username="bench-primary-chairman")
        Membership.objects.create(user=chair, organization=primary, role=Role.CHAIRMAN)
        self.page("dashboard page of a primary organization", dashboard_view, dashboard_url, chair)
        rollup_url = f"/reports/rollup/?organization={primary.pk}&period=h1&year=2026"
        self.page("roll-up page of a primary organization", rollup_view, rollup_url, chair)
        if not self.live:
            return
        if connection.vendor == "postgresql":
            self.explain_jit()
        # Alternating, so that neither setting profits from the other's warm cache.
        for jit in ("on", "off", "on", "off") if connection.vendor == "postgresql" else ("",):
            if jit:
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL jit = {jit}")
            suffix = f", JIT {jit}" if jit else ""
            ms = timed(lambda: summary.live_dashboard(chairman, TODAY), repeat=3)
            self.stdout.write(f"live dashboard (before the summary){suffix}: {ms:.0f} ms")
            ms = timed(lambda: summary.live_rollup(root, *H1), repeat=3)
            self.stdout.write(f"live roll-up (before the summary){suffix}: {ms:.0f} ms")
            ms = timed(lambda: summary.refresh(TODAY), repeat=1)
            self.stdout.write(f"summary refresh, all{suffix}: {ms:.0f} ms")
        with CaptureQueriesContext(connection) as ctx:
            compute(root, *H1)
        ms = timed(lambda: compute(root, *H1), repeat=3)
        self.stdout.write(
            f"report numbers for the whole union: {ms:.0f} ms "
            f"in {len(ctx.captured_queries)} queries"
        )

    def explain_jit(self):
        """EXPLAIN ANALYZE every query of a refresh with JIT on and off: PostgreSQL's own
        execution times, and what JIT spent compiling (its "Timing: Total")."""
        with CaptureQueriesContext(connection) as ctx:
            summary.dashboard_figures(TODAY)
            summary.rollup_figures(*H1)
        reads = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("SELECT")]
        for jit in ("on", "off", "on", "off", "on"):  # a first pass warms the cache
            execution = compiling = 0.0
            jitted = 0
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL jit = {jit}")
                for sql in reads:
                    cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
                    plan = cursor.fetchone()[0][0]
                    execution += plan["Execution Time"]
                    if "JIT" in plan:
                        jitted += 1
                        compiling += plan["JIT"]["Timing"]["Total"]
            self.stdout.write(
                f"refresh's {len(reads)} reads, JIT {jit}: {execution:.0f} ms executing "
                f"(PostgreSQL's EXPLAIN ANALYZE), of which JIT compiled {jitted} queries "
                f"in {compiling:.0f} ms"
            )
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")

"""Benchmark: the compliance dashboard, the roll-up and a report's numbers at union size.

Builds --orgs organizations (Central Committee → 20 regions → 200 districts → primary
organizations), one official account for every second primary organization with subscriber
counts, publications, appeals and reports, inside a transaction; times the reads, prints the
numbers and rolls everything back. Run against PostgreSQL for figures that mean something:

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
from reports import selectors
from reports.compute import compute
from reports.models import Report, ReportStatus, SubscriberCount
from reports.views import dashboard as dashboard_view

H1 = (date(2026, 1, 1), date(2026, 6, 30))
TODAY = date(2026, 11, 26)


class Command(BaseCommand):
    help = "Time the compliance dashboard and the roll-up at union size (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--orgs", type=int, default=10_000)

    def handle(self, *args, orgs, **options):
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
        Publication.objects.bulk_create(
            [
                Publication(
                    organization=o,
                    author=author,
                    kind="informational",
                    direction="news",
                    language="kk",
                    status=PublicationStatus.PUBLISHED,
                    published_at=datetime.combine(date(2026, 3 + i % 3, 1), dtime(12), tz),
                )
                for i, o in enumerate(primaries)
                for _ in range(2)
            ],
            batch_size=2000,
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

    def run(self, total):
        start = time.perf_counter()
        root, chairman, count, accounts = self.build(total)
        self.stdout.write(
            f"built {count} organizations, {accounts} accounts in "
            f"{time.perf_counter() - start:.1f} s ({connection.vendor})"
        )
        with CaptureQueriesContext(connection) as ctx:
            data = selectors.dashboard(chairman, TODAY)
        ms = timed(lambda: selectors.dashboard(User.objects.get(pk=chairman.pk), TODAY))
        self.stdout.write(
            f"dashboard selector: {len(data.rows)} rows, {len(ctx.captured_queries)} queries, "
            f"{ms:.0f} ms (median of 5)"
        )
        ms = timed(lambda: selectors.dashboard(chairman, TODAY, sort="-flagged"))
        self.stdout.write(f"dashboard sorted by flags: {ms:.0f} ms")
        factory = RequestFactory()

        def page():
            request = factory.get("/reports/dashboard/?sort=-flagged&page=3")
            request.user = User.objects.get(pk=chairman.pk)
            request.session = {}
            request._messages = []
            request.LANGUAGE_CODE = "kk"
            dashboard_view(request)

        with CaptureQueriesContext(connection) as ctx:
            page()
        ms = timed(page)
        self.stdout.write(
            f"dashboard page (50 rows rendered): {ms:.0f} ms in {len(ctx.captured_queries)} queries"
        )
        with CaptureQueriesContext(connection) as ctx:
            selectors.rollup(root, *H1)
        ms = timed(lambda: selectors.rollup(root, *H1))
        self.stdout.write(
            f"roll-up of the Central Committee: {ms:.0f} ms in {len(ctx.captured_queries)} queries"
        )
        with CaptureQueriesContext(connection) as ctx:
            compute(root, *H1)
        ms = timed(lambda: compute(root, *H1), repeat=3)
        self.stdout.write(
            f"report numbers for the whole union: {ms:.0f} ms "
            f"in {len(ctx.captured_queries)} queries"
        )

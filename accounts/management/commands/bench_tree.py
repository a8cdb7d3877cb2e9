"""Benchmark: the organization tree and the permission module at union size.

Builds a tree of --orgs organizations (Central Committee → 20 regions → districts → primary
organizations) inside a transaction, times the reads every page makes, prints the numbers, and
rolls everything back. Run against PostgreSQL for figures that mean something:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kasipodaq .venv/bin/python manage.py bench_tree
"""

import statistics
import time

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts import permissions
from accounts.models import Membership, Organization, OrganizationKind, Role, User
from accounts.views import organization_list


class Rollback(Exception):
    pass


def timed(fn, repeat=20):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


class Command(BaseCommand):
    help = "Time subtree queries and the organization list at union size (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--orgs", type=int, default=10_000)

    def handle(self, *args, orgs, **options):
        try:
            with transaction.atomic():
                self.run(orgs)
                raise Rollback
        except Rollback:
            pass

    def run(self, total):
        start = time.perf_counter()
        root = Organization.objects.add_root(
            {"name_kk": "ОК", "name_ru": "ЦК", "kind": OrganizationKind.OTHER}
        )
        regions, districts, count = [], [], 1
        for r in range(20):
            regions.append(
                Organization.objects.add_child(
                    Organization.objects.get(pk=root.pk),
                    {"name_kk": f"Облыс {r}", "name_ru": f"Область {r}", "kind": "regional"},
                )
            )
        count += 20
        for region in regions:
            for d in range(10):
                districts.append(
                    Organization.objects.add_child(
                        Organization.objects.get(pk=region.pk),
                        {"name_kk": f"Аудан {d}", "name_ru": f"Район {d}", "kind": "city_district"},
                    )
                )
        count += len(districts)
        # Primary organizations in bulk: paths computed like treebeard does (4-character steps).
        per_district = max(1, (total - count) // len(districts))
        rows = []
        for district in districts:
            for i in range(per_district):
                path = district.path + Organization._get_path(None, 1, i + 1)
                rows.append(
                    Organization(
                        path=path,
                        depth=district.depth + 1,
                        numchild=0,
                        kind="primary",
                        name_kk=f"Бастауыш {path}",
                        name_ru=f"Первичная {path}",
                    )
                )
        Organization.objects.bulk_create(rows, batch_size=2000)
        Organization.objects.filter(pk__in=[d.pk for d in districts]).update(numchild=per_district)
        count += len(rows)
        built = time.perf_counter() - start

        region = regions[3]
        primary = Organization.objects.filter(depth=4).order_by("path")[500]
        people = {}
        for name, organization, role in (
            ("CC chairman", root, Role.CHAIRMAN),
            ("region chairman", region, Role.CHAIRMAN),
            ("primary administrator", primary, Role.ADMINISTRATOR),
        ):
            user = User.objects.create(username=f"bench-{role}-{organization.pk}")
            Membership.objects.create(user=user, organization=organization, role=role)
            people[name] = user

        self.stdout.write(
            f"tree: {count} organizations built in {built:.1f} s ({connection.vendor})"
        )
        factory = RequestFactory()
        for name, user in people.items():
            visible = permissions.visible_organizations(user)
            n = visible.count()
            ms_count = timed(lambda u=user: permissions.visible_organizations(u).count())

            def page(u=user):
                request = factory.get("/organizations/")
                request.user = User.objects.get(pk=u.pk)
                request.session = {}
                request._messages = []
                request.LANGUAGE_CODE = "kk"
                organization_list(request)

            with CaptureQueriesContext(connection) as ctx:
                page()
            ms_page = timed(page, repeat=10)
            self.stdout.write(
                f"{name:<22} sees {n:>6} organizations; count {ms_count:6.2f} ms; "
                f"list page {ms_page:6.1f} ms in {len(ctx.captured_queries)} queries"
            )
        user = people["primary administrator"]
        checks = timed(
            lambda: [
                permissions.can(user, "accounts.organization.view", primary) for _ in range(1000)
            ],
            repeat=5,
        )
        self.stdout.write(f"can() with cached roles: {checks / 1000 * 1000:.2f} µs per call")
        self.stdout.write(
            f"anonymous sees {permissions.visible_organizations(AnonymousUser()).count()}"
        )

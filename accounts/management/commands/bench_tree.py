"""Benchmark: the organization tree and the permission module at union size.

Builds a tree of --orgs organizations (Central Committee → 20 regions → districts → primary
organizations) inside a transaction, times the reads every page makes, prints the numbers, and
rolls everything back. Run against PostgreSQL for figures that mean something:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kasipodaq .venv/bin/python manage.py bench_tree
"""

import time

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts import permissions
from accounts.benchmarking import Rollback, build_union_tree, timed
from accounts.models import Membership, Organization, Role, User
from accounts.views import organization_list


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
        tree = build_union_tree(total)
        root, regions, count = tree.root, tree.regions, tree.total
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

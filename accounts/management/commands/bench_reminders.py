"""Benchmark: the four reminder jobs (issue 14, point 5) for the whole union.

    .venv/bin/python manage.py bench_reminders              # on the current database
    .venv/bin/python manage.py bench_reminders --orgs 10000 # on a generated union

With --orgs N it first builds a tree of about N organizations (accounts.benchmarking), with an
administrator and a chairman in each, and for each organization one official account whose
password is due in 7 days, one urgent published message nobody acknowledged and one appeal whose
first response is overdue — every organization is due every reminder. Each job then runs twice
on the same day: the first run sends everything, the second must send nothing (exactly once).
It prints the seconds (elapsed, and this process's CPU), the reminders sent and the queries of
each run. By default everything (the built data and the reminders sent) is rolled back: the
command leaves no trace, also on the current database — but one long transaction with many
savepoints is slower on PostgreSQL than the real job's short transactions. With --commit the data
and every chunk are committed as in production: for a scratch database only (e.g. the one
`make bench` fills), never a live one. Run it on PostgreSQL for figures that mean something.
"""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.benchmarking import Rollback, build_union_tree
from accounts.models import Membership, Organization, Role, User

# A working day of the Kazakhstan calendar inside the appeals' reminder hours, and a day of the
# last week of its half-year for the report reminders.
APPEALS_NOW = (2026, 11, 26, 10, 30)
TODAY = date(2026, 11, 26)
REPORTS_DAY = date(2026, 12, 28)


class Command(BaseCommand):
    help = "Time each reminder job on the current database or a generated union (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--orgs",
            type=int,
            default=0,
            help="build a union of about this many organizations first (0: use the data as is)",
        )
        parser.add_argument(
            "--commit",
            action="store_true",
            help="commit the built data and every chunk, as a real run does (a scratch "
            "database only: nothing is rolled back)",
        )

    def handle(self, *args, orgs, commit, **options):
        if commit:
            self.run(orgs)
            return
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    # Foreign keys are checked at each insert, as at each chunk's commit in a
                    # real run, not skipped by the final rollback.
                    with connection.cursor() as cursor:
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                self.run(orgs)
                raise Rollback
        except Rollback:
            pass

    def run(self, orgs: int) -> None:
        if orgs:
            start = time.perf_counter()
            with transaction.atomic():
                count = build_due_union(orgs)
            self.stdout.write(
                f"built {count} organizations with their due reminders in "
                f"{time.perf_counter() - start:.1f} s ({connection.vendor})"
            )
        self.stdout.write(
            f"{'job':<38} {'wall s':>7} {'cpu s':>6} {'db s':>6} {'sent':>7} {'queries':>7}"
        )
        for name, seconds, cpu, db, sent, queries in run_jobs(
            APPEALS_NOW if orgs else None, TODAY if orgs else None
        ):
            self.stdout.write(
                f"{name:<38} {seconds:7.2f} {cpu:6.2f} {db:6.2f} {sent:>7} {queries:>7}"
            )
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        self.stdout.write(
            f"(wall: elapsed; cpu: this process's CPU; db: its PostgreSQL backend's CPU, when "
            f"local; load average {load:.1f} on {os.cpu_count()} cores)"
        )


def run_jobs(appeals_now: tuple | None, today: date | None):
    """(name, seconds, cpu seconds, database cpu seconds, reminders sent, queries) of each
    job's first and second run."""
    from appeals.reminders import send_deadline_reminders
    from content.reminders import remind_unacknowledged_urgent
    from registry.reminders import send_rotation_reminders
    from reports.reminders import send_report_reminders

    tz = timezone.get_current_timezone()
    now = datetime(*appeals_now, tzinfo=tz) if appeals_now else timezone.now()
    day = today or timezone.localdate()
    reports_day = REPORTS_DAY if today else day

    def appeals():
        result = send_deadline_reminders(now)
        return result.sent + result.digests

    jobs = [
        ("report reminders", lambda: send_report_reminders(reports_day)),
        ("password-rotation reminders", lambda: send_rotation_reminders(day)),
        ("urgent-message reminders", lambda: remind_unacknowledged_urgent(day)),
        ("appeal reminders and digests", appeals),
    ]
    for name, job in jobs:
        for run in ("", " (again)"):
            db = database_cpu()
            with CaptureQueriesContext(connection) as ctx:
                start, cpu = time.perf_counter(), time.process_time()
                sent = job()
                seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            db = database_cpu() - db
            yield name + run, seconds, cpu, db, sent, len(ctx.captured_queries)


def database_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend, when the server runs on
    this machine (read from /proc); NaN otherwise. With the process's own CPU time it says what a
    job costs whatever else the machine is doing."""
    if connection.vendor != "postgresql":
        return float("nan")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def build_due_union(total: int) -> int:
    """The union tree plus, for every organization, people and one due item per job."""
    tree = build_union_tree(total)
    add_due_items(
        list(
            Organization.objects.filter(path__startswith=tree.root.path)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    )
    return tree.total


def add_due_items(organizations: list[int]) -> None:
    """For each organization: an administrator and a chairman (every third without an e-mail
    address, every second writing Russian), an official account whose password is due in 7
    days, an urgent published message nobody acknowledged and an appeal whose first response is
    overdue. Also used by tests/scale/test_bulk_reminders.py."""
    from appeals.models import Appeal, Channel, Kind, Status, Topic
    from content.models import Publication, PublicationStatus, PublicationVersion
    from content.taxonomy import DIRECTION_CHOICES, ContentKind, Language
    from registry.models import OfficialAccount

    users = User.objects.bulk_create(
        [
            User(
                username=f"bench-{role}-{pk}",
                email=f"bench-{role}-{pk}@example.kz" if pk % 3 else "",
                language="ru" if pk % 2 else "kk",
                password="!",
            )
            for pk in organizations
            for role in ("admin", "chairman")
        ],
        batch_size=2000,
    )
    Membership.objects.bulk_create(
        [
            Membership(
                user=user,
                organization_id=organizations[i // 2],
                role=Role.ADMINISTRATOR if i % 2 == 0 else Role.CHAIRMAN,
            )
            for i, user in enumerate(users)
        ],
        batch_size=2000,
    )
    OfficialAccount.objects.bulk_create(
        [
            OfficialAccount(
                organization_id=pk,
                network="telegram_channel",
                display_name=f"Bench {pk}",
                url=f"https://t.me/bench_{pk}",
                normalized_url=f"t.me/bench_{pk}",
                languages="both",
                password_due_on=TODAY + timedelta(days=7),
            )
            for pk in organizations
        ],
        batch_size=2000,
    )
    authors = {u.username: u.pk for u in users}
    published = timezone.make_aware(datetime(2026, 11, 20, 10, 0))
    publications = Publication.objects.bulk_create(
        [
            Publication(
                organization_id=pk,
                author_id=authors[f"bench-admin-{pk}"],
                kind=ContentKind.values[0],
                direction=DIRECTION_CHOICES[0][0],
                language=Language.values[0],
                is_urgent=True,
                status=PublicationStatus.PUBLISHED,
                published_at=published,
            )
            for pk in organizations
        ],
        batch_size=2000,
    )
    versions = PublicationVersion.objects.bulk_create(
        [PublicationVersion(publication=p, number=1, title=f"Bench {p.pk}") for p in publications],
        batch_size=2000,
    )
    for p, v in zip(publications, versions, strict=True):
        p.current_version = v
    Publication.objects.bulk_update(publications, ["current_version"], batch_size=2000)
    received = timezone.make_aware(datetime(2026, 11, 16, 10, 0))
    Appeal.objects.bulk_create(
        [
            Appeal(
                organization_id=pk,
                status=Status.REGISTERED,
                year=2026,
                sequence=1,
                number=f"B-{pk}",
                received_at=received,
                registered_on=received.date(),
                channel=Channel.values[0],
                text="Bench",
                kind=Kind.values[0],
                topic=Topic.values[0],
                first_response_due=date(2026, 11, 19),
                official_response_due=date(2026, 12, 16),
            )
            for pk in organizations
        ],
        batch_size=2000,
    )

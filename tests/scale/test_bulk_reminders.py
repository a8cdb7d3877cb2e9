"""Issue 14, point 5: the reminder jobs work for the whole union in bulk — a constant number of
queries whatever the number of organizations, the same notifications (recipients, texts in each
person's language, e-mail copies) as one `notify()` per reminder wrote, and still exactly once,
also when two runs race."""

import threading
from datetime import date, datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts import reminding
from accounts.management.commands.bench_reminders import (
    APPEALS_NOW,
    REPORTS_DAY,
    TODAY,
    add_due_items,
)
from accounts.models import Notification, Organization, OutboxMessage, User
from accounts.notifications import Message, Recipient, notify, notify_many
from appeals.models import DigestSent, Reminder
from appeals.reminders import send_deadline_reminders
from content.models import UrgentReminder
from content.reminders import remind_unacknowledged_urgent
from registry.models import RotationReminder
from registry.reminders import send_rotation_reminders
from reports.models import ReportReminder
from reports.reminders import send_report_reminders
from tests.appeals.conftest import sqlite_lock
from tests.factories import OrganizationFactory


class Rollback(Exception):
    pass


def union(n: int) -> list[int]:
    """A root with `n` primary organizations, each with its people and due items."""
    root = OrganizationFactory(kind="regional")
    Organization.objects.bulk_create(
        [
            Organization(
                path=root.path + Organization._get_path(None, 1, i + 1),
                depth=root.depth + 1,
                numchild=0,
                kind="primary",
                name_kk=f"Бастауыш {i}",
                name_ru=f"Первичная {i}",
            )
            for i in range(n)
        ]
    )
    Organization.objects.filter(pk=root.pk).update(numchild=n)
    ids = list(
        Organization.objects.filter(path__startswith=root.path, depth=root.depth + 1)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    add_due_items(ids)
    return ids


def appeals_job():
    result = send_deadline_reminders(datetime(*APPEALS_NOW, tzinfo=timezone.get_current_timezone()))
    return result.sent + result.digests


JOBS = {
    "reports": lambda: send_report_reminders(REPORTS_DAY),
    "registry": lambda: send_rotation_reminders(TODAY),
    "content": lambda: remind_unacknowledged_urgent(TODAY),
    "appeals": appeals_job,
}
MARKERS = {
    "reports": [ReportReminder],
    "registry": [RotationReminder],
    "content": [UrgentReminder],
    "appeals": [Reminder, DigestSent],
}


def queries_of(job, n: int) -> tuple[int, int]:
    """(queries, reminders sent) of the job's first run on a union of `n`, rolled back."""
    try:
        with transaction.atomic():
            union(n)
            with CaptureQueriesContext(connection) as ctx:
                sent = JOBS[job]()
            result = len(ctx.captured_queries), sent
            raise Rollback
    except Rollback:
        pass
    return result


@pytest.mark.django_db
@pytest.mark.parametrize("job", JOBS)
def test_each_job_makes_the_same_number_of_queries_for_5_and_for_100_organizations(job):
    # SQLite takes at most 999 parameters a statement, so Django splits a bulk insert of more
    # than about 100 notifications there; PostgreSQL inserts a whole chunk (1,000) at once.
    n = 100 if connection.vendor == "postgresql" else 60
    queries_of(job, 1)  # what the process reads once (the working-day calendar …)
    small, sent_small = queries_of(job, 5)
    large, sent_large = queries_of(job, n)
    per_org = 2 if job == "appeals" else 1  # appeals: the overdue reminder and a digest
    assert (sent_small, sent_large) == (5 * per_org, n * per_org)
    assert large == small, f"{job}: {small} queries for 5 organizations, {large} for {n}"


def snapshot():
    notes = list(
        Notification.objects.order_by("recipient_id", "kind", "url").values_list(
            "recipient__username", "actor_id", "kind", "title", "body", "url"
        )
    )
    mails = sorted(
        Notification.objects.get(pk=row.payload["notification"]).recipient.username
        for row in OutboxMessage.objects.filter(kind="notification_email")
    )
    return notes, mails


def one_notify_per_message(messages, *, email=True, batch_size=1000):
    """The former way: one notify() call per reminder."""
    created = []
    for m in messages:
        users = User.objects.filter(pk__in=[r.pk for r in m.recipients])
        created += notify(
            sorted(users, key=lambda u: u.pk),
            kind=m.kind,
            title=m.title,
            body=m.body,
            params=m.params,
            url=m.url,
            actor=m.actor,
            email=email,
        )
    return created


@pytest.mark.django_db
@pytest.mark.parametrize("job", JOBS)
def test_a_job_writes_what_one_notify_per_reminder_wrote(job, monkeypatch):
    union(4)  # kk and ru recipients, some without an e-mail address
    try:
        with transaction.atomic():
            with monkeypatch.context() as patch:
                patch.setattr(reminding, "notify_many", one_notify_per_message)
                JOBS[job]()
            before = snapshot()
            raise Rollback
    except Rollback:
        pass
    JOBS[job]()
    after = snapshot()
    assert after == before
    notes, mails = after
    assert notes, "the small union is due this reminder"
    languages = dict(User.objects.values_list("username", "language"))
    titles = {lang: {n[3] for n in notes if languages[n[0]] == lang} for lang in ("kk", "ru")}
    assert titles["kk"] and titles["ru"] and not titles["kk"] & titles["ru"]
    emails = dict(User.objects.values_list("username", "email"))
    assert mails == sorted(n[0] for n in notes if emails[n[0]])
    assert len(mails) < len(notes)  # those without an address get no copy


@pytest.mark.django_db
def test_notify_many_honours_what_notify_honours(cast):
    cast.sam.language = "ru"
    cast.sam.email = ""
    cast.sam.save()
    cast.lara.is_active = False
    cast.lara.save()
    title = _("Prepare the report for %(period)s")
    people = [cast.alice, cast.sam, cast.lara, cast.charlie, cast.alice]
    created = notify_many(
        [
            Message(
                people, kind="tests.bulk", title=title, params={"period": "H1"}, actor=cast.charlie
            ),
            Message(
                [Recipient(cast.sam.pk, "ru", "", True)], kind="tests.bulk.light", title="Plain %"
            ),
        ]
    )
    got = sorted((n.recipient_id, n.kind, n.title) for n in created)
    with translation.override("kk"):
        kk = str(title) % {"period": "H1"}
    with translation.override("ru"):
        ru = str(title) % {"period": "H1"}
    assert kk != ru
    assert got == sorted(
        [
            (cast.alice.pk, "tests.bulk", kk),  # once, though listed twice
            (cast.sam.pk, "tests.bulk", ru),  # in his language; lara inactive, charlie the actor
            (cast.sam.pk, "tests.bulk.light", "Plain %"),
        ]
    )
    mailed = [
        row["notification"] for row in OutboxMessage.objects.values_list("payload", flat=True)
    ]
    assert mailed == [n.pk for n in created if n.recipient_id == cast.alice.pk]  # sam: no address


@pytest.mark.django_db
def test_a_second_run_sends_nothing_and_a_marker_already_held_is_skipped():
    ids = union(6)
    assert send_report_reminders(REPORTS_DAY) == 6
    assert send_report_reminders(REPORTS_DAY) == 0
    # A marker held by an earlier run (whatever way it was written) is respected by the claim.
    start, end = date(2026, 7, 1), date(2026, 12, 31)
    ReportReminder.objects.filter(organization_id=ids[0]).delete()
    ReportReminder.objects.create(organization_id=ids[0], starts_on=start, ends_on=end, kind="x")
    claimed = reminding.claim(
        [
            ReportReminder(organization_id=ids[0], starts_on=start, ends_on=end, kind="x"),
            ReportReminder(organization_id=ids[1], starts_on=start, ends_on=end, kind="x"),
        ]
    )
    assert claimed == {(ids[1], start, end, "x")}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("job", JOBS)
def test_two_concurrent_runs_send_each_reminder_exactly_once(job, monkeypatch):
    union(12)
    monkeypatch.setattr(reminding, "CHUNK", 5)  # several chunks, interleaved between the runs
    start = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            start.wait(timeout=30)
            results.append(JOBS[job]())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    # SQLite's in-memory test database refuses a concurrent writer instead of waiting (an error
    # inside an on-commit nudge surfaces as Django failing to log it); the next run completes
    # what a refused run left. On PostgreSQL both runs must succeed.
    assert [e for e in errors if not (sqlite_lock(e) or sqlite_lock(e.__context__))] == []
    if errors:
        results.append(JOBS[job]())
    markers = sum(model.objects.count() for model in MARKERS[job])
    assert markers == (24 if job == "appeals" else 12)
    if not errors:
        assert sum(results) == markers  # each reminder counted by the one run that sent it
    # Each (recipient, link, kind) once.
    rows = list(Notification.objects.values_list("recipient_id", "url", "kind"))
    assert len(rows) == len(set(rows)) > 0
    assert OutboxMessage.objects.count() == len(
        [r for r in rows if User.objects.get(pk=r[0]).email]
    )

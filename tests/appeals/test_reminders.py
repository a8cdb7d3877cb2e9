"""appeals.reminders: who is reminded when, only in working hours of working days, exactly once,
catching up without flooding, with a constant number of queries."""

import threading
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import reminding
from accounts.models import Notification
from appeals import reminders
from appeals.models import DigestSent, Reminder
from tests.appeals.conftest import sqlite_lock
from tests.appeals.factories import received, register

pytestmark = pytest.mark.django_db

TZ = timezone.get_default_timezone()


def at(y, m, d, hour=10, minute=30):
    return datetime(y, m, d, hour, minute, tzinfo=TZ)


@pytest.fixture
def appeal(cast):
    # Received Friday 20 November 2026: first response due Wed 25 Nov, official due Fri 11 Dec.
    return register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)


def kinds(user):
    return sorted(user.notifications.values_list("kind", flat=True))


def test_the_assignee_is_reminded_the_working_day_before_and_on_the_due_date(cast, appeal):
    reminders.send_deadline_reminders(at(2026, 11, 24))
    assert kinds(cast.lara) == ["appeals.assigned", "appeals.reminder.before"]
    title = cast.lara.notifications.get(kind="appeals.reminder.before").title
    assert appeal.number in title and "25.11.2026" in title
    reminders.send_deadline_reminders(at(2026, 11, 25))
    assert kinds(cast.lara) == [
        "appeals.assigned",
        "appeals.reminder.before",
        "appeals.reminder.due",
    ]
    assert not cast.charlie.notifications.exists()


def test_a_missed_date_warns_the_chairman_and_the_digest_reaches_the_chairmen_above(cast, appeal):
    reminders.send_deadline_reminders(at(2026, 11, 26))
    assert kinds(cast.charlie) == ["appeals.digest", "appeals.reminder.overdue"]
    assert kinds(cast.paula) == ["appeals.digest"]
    assert not cast.sibling_chairman.notifications.exists()
    assert cast.paula.notifications.get().title.endswith("1")


def test_running_twice_sends_nothing_more(cast, appeal):
    reminders.send_deadline_reminders(at(2026, 11, 26))
    before = Notification.objects.count()
    result = reminders.send_deadline_reminders(at(2026, 11, 26, hour=11))
    assert result.sent == 0 and result.digests == 0
    assert Notification.objects.count() == before


@pytest.mark.parametrize(
    "when",
    [
        at(2026, 11, 24, hour=0, minute=0),  # midnight
        at(2026, 11, 24, hour=8),  # before working hours
        at(2026, 11, 24, hour=18, minute=5),  # after them
        at(2026, 11, 28),  # Saturday
        at(2026, 12, 16),  # Independence Day
    ],
)
def test_nothing_is_sent_outside_working_hours_or_on_a_day_off(cast, appeal, when):
    result = reminders.send_deadline_reminders(when)
    assert (result.sent, result.digests) == (0, 0)
    assert not Reminder.objects.exists()


def test_a_working_sunday_is_a_reminder_day(cast):
    assert reminders.in_window(at(2025, 1, 5))
    assert not reminders.in_window(at(2025, 1, 3))


def test_after_days_of_downtime_the_next_run_sends_one_notification_per_kind(cast, appeal):
    # The worker was down from 23 to 29 November: no "before" and "due" are sent late.
    reminders.send_deadline_reminders(at(2026, 11, 30))
    assert kinds(cast.lara) == ["appeals.assigned"]
    assert kinds(cast.charlie) == ["appeals.digest", "appeals.reminder.overdue"]
    reminders.send_deadline_reminders(at(2026, 12, 1))
    # The next day: a new digest, but the missed date is not reported again.
    assert kinds(cast.charlie) == ["appeals.digest", "appeals.digest", "appeals.reminder.overdue"]


def test_without_an_assignee_the_administrators_are_reminded(cast):
    register(cast.alice, cast.own, received(2026, 11, 20))
    reminders.send_deadline_reminders(at(2026, 11, 24))
    assert cast.alice.notifications.filter(kind="appeals.reminder.before").count() == 1


def test_a_worker_that_dies_mid_run_loses_nothing_and_sends_nothing_twice(cast, monkeypatch):
    first = register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)
    second = register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)
    # Reminders are sent in chunks, one transaction each (accounts.reminding): with chunks of
    # one, the worker dies after the first chunk committed, during the second.
    monkeypatch.setattr(reminding, "CHUNK", 1)
    real_notify, calls = reminding.notify_many, []

    def dying_notify(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise SystemExit("worker killed")
        return real_notify(*args, **kwargs)

    monkeypatch.setattr(reminding, "notify_many", dying_notify)
    with pytest.raises(SystemExit):
        reminders.send_deadline_reminders(at(2026, 11, 24))
    assert list(Reminder.objects.values_list("appeal_id", flat=True)) == [first.pk]
    monkeypatch.setattr(reminding, "notify_many", real_notify)
    reminders.send_deadline_reminders(at(2026, 11, 24))
    sent = Reminder.objects.order_by("appeal_id").values_list("appeal_id", flat=True)
    assert list(sent) == [first.pk, second.pk]
    assert cast.lara.notifications.filter(kind="appeals.reminder.before").count() == 2


def test_the_scan_uses_the_same_number_of_queries_at_any_size(cast, appeal):
    reminders.send_deadline_reminders(at(2026, 11, 26))

    def scan_queries():
        with CaptureQueriesContext(connection) as ctx:
            reminders.send_deadline_reminders(at(2026, 11, 26, hour=12))
        return len(ctx.captured_queries)

    small = scan_queries()
    for _ in range(30):
        register(cast.alice, cast.own, received(2026, 11, 2), assignee=cast.lara)
    reminders.send_deadline_reminders(at(2026, 11, 26, hour=13))  # sends theirs once
    assert scan_queries() == small
    assert small <= 12


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_send_each_reminder_once(cast):
    for _ in range(5):
        register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)
    barrier = threading.Barrier(3)
    errors = []

    def run():
        try:
            barrier.wait()
            reminders.send_deadline_reminders(at(2026, 11, 26))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [e for e in errors if not sqlite_lock(e)] == []
    # The next hourly run completes whatever a refused run left; still nothing twice.
    reminders.send_deadline_reminders(at(2026, 11, 26, hour=11))
    assert Reminder.objects.count() == 5
    assert cast.charlie.notifications.filter(kind="appeals.reminder.overdue").count() == 5
    assert DigestSent.objects.filter(recipient=cast.charlie).count() == 1
    assert cast.charlie.notifications.filter(kind="appeals.digest").count() == 1

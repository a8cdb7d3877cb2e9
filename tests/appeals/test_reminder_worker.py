"""End to end through the real broker: the beat task, executed by a Celery worker consuming from
Redis, sends each reminder exactly once — when delivered twice, and when it runs concurrently
with another run."""

import threading
import time
from datetime import datetime

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import Notification
from appeals import reminders
from appeals.models import Appeal, DigestSent, Reminder
from appeals.tasks import send_deadline_reminders
from tests.appeals.conftest import sqlite_lock
from tests.appeals.factories import received, register

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

TZ = timezone.get_default_timezone()
WHEN = datetime(2026, 11, 26, 10, 30, tzinfo=TZ).isoformat()


def wait_for(predicate, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except Exception as error:
            if not sqlite_lock(error):
                raise
        time.sleep(0.1)
    return False


def make_appeals(cast, n):
    """Registered without an assignee (no e-mail task for the worker to race with while the
    test writes — SQLite's shared in-memory database would refuse one of the writers), then
    assigned directly."""
    appeals = [register(cast.alice, cast.own, received(2026, 11, 20)) for _ in range(n)]
    Appeal.objects.update(assignee=cast.lara)
    return appeals


def test_the_worker_sends_each_reminder_once_even_when_the_task_is_delivered_twice(
    celery_redis_worker, cast
):
    appeals = [
        register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara) for _ in range(3)
    ]
    send_deadline_reminders.delay(WHEN)
    send_deadline_reminders.delay(WHEN)  # a duplicate delivery of the same beat tick
    assert wait_for(lambda: Reminder.objects.count() == 3), "the worker did not run the task"
    time.sleep(1.5)  # let the duplicate delivery finish
    assert Reminder.objects.count() == 3
    overdue = Notification.objects.filter(recipient=cast.charlie, kind="appeals.reminder.overdue")
    assert sorted(n.url for n in overdue) == sorted(f"/appeals/{a.pk}/" for a in appeals)
    assert DigestSent.objects.filter(recipient=cast.charlie).count() == 1
    assert Notification.objects.filter(recipient=cast.paula, kind="appeals.digest").count() == 1


def test_a_run_in_the_worker_and_one_beside_it_at_the_same_time_send_once(
    celery_redis_worker, cast
):
    make_appeals(cast, 5)
    errors = []

    def beside():
        try:
            reminders.send_deadline_reminders(datetime.fromisoformat(WHEN))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=beside)
    send_deadline_reminders.delay(WHEN)
    thread.start()
    thread.join()
    time.sleep(2.0)  # let the worker's run finish
    assert [e for e in errors if not sqlite_lock(e)] == []
    if connection.vendor == "sqlite":
        # SQLite's in-memory test database may refuse one of the two runs outright (see
        # tests/appeals/conftest.py); the next hourly run completes it. PostgreSQL needs none.
        reminders.send_deadline_reminders(datetime.fromisoformat(WHEN))
    assert wait_for(lambda: Reminder.objects.count() == 5)
    assert Reminder.objects.count() == 5
    assert cast.charlie.notifications.filter(kind="appeals.reminder.overdue").count() == 5
    assert cast.charlie.notifications.filter(kind="appeals.digest").count() == 1

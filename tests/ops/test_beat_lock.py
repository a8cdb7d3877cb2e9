"""Beat runs once (issue 12 §7): two beats started on two hosts send a periodic task once.

Two schedulers of CELERY_BEAT_SCHEDULER (accounts/beat.py) work on the real PostgreSQL database,
each in its own thread with its own connections, like two hosts; an entry is due; both tick at
the same moment. The task (the registry's password-change reminders, run inline) must run once
and one notification must go out. The control case shows the test can fail: django-celery-beat's
plain scheduler, twice, runs the task twice.
"""

import threading
import time
from datetime import timedelta

import pytest
from celery.signals import task_prerun
from django.db import connection, connections
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

import registry.tasks  # noqa: F401  (registers the task, so beat runs it inline)
from accounts.beat import BeatLock, LeaderDatabaseScheduler
from accounts.models import Notification
from config.celery import app as celery_app
from tests.conftest import need_service
from tests.registry.factories import OfficialAccountFactory

TASK = "registry.tasks.send_password_rotation_reminders"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        need_service("PostgreSQL", "the beat lock is PostgreSQL's advisory lock: set DATABASE_URL")


@pytest.fixture
def due_entry(cast):
    """The reminder task due now (last run two hours ago, every hour), an account whose password
    is due in 7 days, and no other entry (the project's crontab entries are not due now)."""
    saved, celery_app.conf.beat_schedule = celery_app.conf.beat_schedule, {}
    OfficialAccountFactory(
        organization=cast.own, password_due_on=timezone.localdate() + timedelta(days=7)
    )
    every_hour, _ = IntervalSchedule.objects.get_or_create(every=1, period=IntervalSchedule.HOURS)
    yield PeriodicTask.objects.create(
        name="rotation-reminders",
        task=TASK,
        interval=every_hour,
        last_run_at=timezone.now() - timedelta(hours=2),
    )
    celery_app.conf.beat_schedule = saved


@pytest.fixture
def runs():
    """How many times the task ran."""
    seen: list[str] = []

    def count(sender=None, **kwargs):
        if sender is not None and sender.name == TASK:
            seen.append(sender.name)

    task_prerun.connect(count, weak=False)
    yield seen
    task_prerun.disconnect(count)


def beats_tick_together(schedulers, ticks=3):
    """Each scheduler ticks in a thread of its own (a host), all starting at once."""
    start = threading.Barrier(len(schedulers))
    errors: list[BaseException] = []

    def host(scheduler):
        try:
            start.wait(timeout=30)
            for _ in range(ticks):
                scheduler.tick()
        except BaseException as error:  # reported in the test's thread
            errors.append(error)
        finally:
            scheduler.close()
            connections.close_all()

    threads = [threading.Thread(target=host, args=(s,)) for s in schedulers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def test_two_beats_send_a_due_task_once(due_entry, runs):
    beats = [LeaderDatabaseScheduler(app=celery_app), LeaderDatabaseScheduler(app=celery_app)]
    beats_tick_together(beats)
    assert len(runs) == 1
    assert Notification.objects.count() == 1
    assert Notification.objects.get().recipient.username == "alice"


def test_control_two_plain_beats_run_the_task_twice(due_entry, runs):
    beats = [DatabaseScheduler(app=celery_app), DatabaseScheduler(app=celery_app)]
    beats_tick_together(beats)
    assert len(runs) >= 2  # without the lock the work is done twice (or more)


def test_a_standby_beat_takes_over_without_repeating_what_was_sent(due_entry, runs):
    first = LeaderDatabaseScheduler(app=celery_app)
    second = LeaderDatabaseScheduler(app=celery_app)
    assert first.tick() == 0  # holds the lock, sends the due task
    assert second.tick() == second.standby_seconds  # standby: sends nothing
    assert len(runs) == 1
    first.close()  # the first host stops: last-run times written, lock released
    for _ in range(3):
        second.tick()  # takes over, reads the schedule again: nothing is due
    assert second.lock.held
    assert len(runs) == 1
    due_entry.refresh_from_db()
    due_entry.last_run_at = timezone.now() - timedelta(hours=2)
    due_entry.save()  # an hour later (as far as the schedule knows): due again
    for _ in range(3):
        second.tick()
    assert len(runs) == 2
    second.close()


def test_the_lock_is_held_by_one_session_and_freed_when_it_ends(db):
    first, second = BeatLock(), BeatLock()
    assert first.acquire() and first.alive()
    assert not second.acquire()
    with connection.cursor() as cursor:  # the first host's connection is cut
        cursor.execute("SELECT pg_terminate_backend(%s)", [first.connection.info.backend_pid])
    assert not first.alive()  # it notices, and stops sending
    for _ in range(50):  # the server frees the lock as it ends the session
        if second.acquire():
            break
        time.sleep(0.1)
    assert second.held and second.alive()
    first.release()
    second.release()

"""Issue 12, point 4: /health/ for the load balancer, /health/details/ for superusers, the banner
about reminders that have not run, and `manage.py check_health` (accounts/health.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import ModelEntry

from accounts import health, permissions
from accounts.models import (
    Membership,
    OrganizationKind,
    OutboxMessage,
    OutboxStatus,
    Role,
    TaskHeartbeat,
)
from config.celery import app as celery_app
from tests.factories import OrganizationFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
CLOSED = "127.0.0.1:1"  # nothing listens on port 1
REMINDER = "registry-password-rotation-reminders"
REMINDER_TASK = "registry.tasks.send_password_rotation_reminders"


def store_schedule(last_run_at):
    """What beat stores at start-up: one PeriodicTask per entry of the project's schedule."""
    for name, entry in health.beat_schedule().items():
        ModelEntry.from_entry(name, app=celery_app, **entry)
    PeriodicTask.objects.update(last_run_at=last_run_at)


def make_stale(name=REMINDER, days=3):
    PeriodicTask.objects.filter(name=name).update(last_run_at=timezone.now() - timedelta(days=days))
    TaskHeartbeat.objects.filter(task=PeriodicTask.objects.get(name=name).task).delete()


@pytest.fixture
def on_time(db):
    store_schedule(timezone.now())


def redis_cache(location):
    return {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
    }


# --- /health/ ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_health_answers_200_when_database_broker_and_cache_answer(client, redis_url):
    with override_settings(CELERY_BROKER_URL=redis_url, CACHES=redis_cache(redis_url)):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "services": {"database": "ok", "broker": "ok", "cache": "ok"},
    }


@pytest.mark.django_db
def test_health_answers_503_naming_a_broker_that_does_not_answer(client):
    with override_settings(CELERY_BROKER_URL=f"redis://:s3cret@{CLOSED}/0"):
        response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail" and body["failing"] == ["broker"]
    assert body["services"] == {"database": "ok", "broker": "fail", "cache": "ok"}
    text = response.content.decode()
    assert "127.0.0.1" not in text and "s3cret" not in text and "redis" not in text


@pytest.mark.django_db
def test_health_answers_503_naming_a_cache_that_does_not_answer(client):
    with override_settings(CACHES=redis_cache(f"redis://{CLOSED}/0")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]
    assert "127.0.0.1" not in response.content.decode()


def _run(code: str, **env) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CELERY_BROKER_URL": "memory://",
        **env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


DEAD_DATABASE = f"postgres://postgres@{CLOSED}/kasipodaq_nowhere"


def test_health_answers_503_naming_a_database_that_does_not_answer():
    """A separate process whose DATABASE_URL points at a closed port."""
    result = _run(
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "r = Client().get('/health/')\n"
        "print(r.status_code, r.content.decode())\n",
        DATABASE_URL=DEAD_DATABASE,
    )
    status, _, body = result.stdout.strip().rpartition("\n")[2].partition(" ")
    assert status == "503", result.stderr[-2000:]
    assert json.loads(body)["failing"] == ["database"]
    assert "kasipodaq_nowhere" not in body and "127.0.0.1" not in body


def test_check_health_fails_for_monitoring_when_the_database_does_not_answer():
    result = _run(
        "import sys; from django.core.management import execute_from_command_line\n"
        "execute_from_command_line(['manage.py', 'check_health', '--json'])\n",
        DATABASE_URL=DEAD_DATABASE,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["services"]["database"] == "fail"
    assert {"kind": "service", "name": "database", "state": "fail"} in report["findings"]


def test_health_needs_no_login_and_is_never_cached(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


# --- Periodic tasks, heartbeats and check_health -------------------------------------------------


def test_a_task_that_ran_in_time_is_not_stale_and_check_health_passes(on_time):
    assert not [t.name for t in health.periodic_tasks() if t.stale]
    out = StringIO()
    call_command("check_health", stdout=out)  # no SystemExit: exit status 0
    assert f"task {REMINDER}: ok" in out.getvalue()


def test_a_reminder_that_has_not_run_within_its_interval_fails_check_health(on_time):
    make_stale()
    stale = [t.name for t in health.periodic_tasks() if t.stale]
    assert stale == [REMINDER]
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("check_health", stdout=out, stderr=err)
    assert exit_.value.code == 1
    assert f"name={REMINDER}" in err.getvalue()
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("check_health", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["status"] == "fail"
    assert [f["name"] for f in report["findings"]] == [REMINDER]
    assert report["findings"][0]["kind"] == "reminder"


def test_within_the_grace_a_late_run_is_not_yet_a_finding(on_time):
    """A daily reminder last run 25 hours ago is late by about an hour: stale only past the
    grace (HEALTH_TASK_GRACE_MINUTES)."""
    PeriodicTask.objects.filter(name=REMINDER).update(
        last_run_at=timezone.now() - timedelta(hours=25)
    )
    with override_settings(HEALTH_TASK_GRACE_MINUTES=24 * 60):
        assert not [t for t in health.periodic_tasks() if t.stale]
    with override_settings(HEALTH_TASK_GRACE_MINUTES=0):
        assert [t.name for t in health.periodic_tasks() if t.stale] == [REMINDER]


def test_a_worker_heartbeat_older_than_beat_s_last_send_shows_a_dead_worker(on_time):
    """Beat keeps sending (last_run_at is fresh) but no worker has finished the task for days."""
    TaskHeartbeat.objects.create(
        task=REMINDER_TASK, last_success_at=timezone.now() - timedelta(days=3)
    )
    assert [t.name for t in health.periodic_tasks() if t.stale] == [REMINDER]


def test_an_entry_beat_never_stored_is_stale(db):
    store_schedule(timezone.now())
    PeriodicTask.objects.filter(name=REMINDER).delete()
    stale = [t for t in health.periodic_tasks() if t.stale]
    assert [t.name for t in stale] == [REMINDER] and stale[0].last_run_at is None


def test_a_fresh_installation_is_not_late_before_the_first_run_is_due(db):
    """Beat has just stored its schedule and nothing has run yet (make run, a new server): no
    finding, and no banner. Stored three days ago and still never run: every daily reminder is
    late."""
    store_schedule(None)
    assert not [t.name for t in health.periodic_tasks() if t.stale]
    PeriodicTask.objects.update(date_changed=timezone.now() - timedelta(days=3))
    stale = {t.name for t in health.periodic_tasks() if t.stale}
    assert REMINDER in stale


def test_a_task_switched_off_in_the_admin_is_not_a_finding(on_time):
    make_stale()
    PeriodicTask.objects.filter(name=REMINDER).update(enabled=False)
    assert not [t for t in health.periodic_tasks() if t.stale]


def test_a_periodic_task_run_records_its_heartbeat(db):
    from registry.tasks import send_password_rotation_reminders

    send_password_rotation_reminders.delay()
    beat = TaskHeartbeat.objects.get(task=REMINDER_TASK)
    assert beat.last_success_at is not None and beat.last_failure_at is None


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_records_the_heartbeat_of_the_task_it_ran(celery_redis_worker):
    from accounts.once import purge_submission_tokens

    purge_submission_tokens.delay()
    for _ in range(200):
        if TaskHeartbeat.objects.filter(task="accounts.once.purge_submission_tokens").exists():
            break
        time.sleep(0.1)
    else:
        pytest.fail("the worker recorded no heartbeat")


def test_outbox_backlog_and_dead_messages_are_findings(on_time):
    old = OutboxMessage.objects.create(kind="email", status=OutboxStatus.PENDING)
    OutboxMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=2))
    OutboxMessage.objects.create(kind="email", status=OutboxStatus.DEAD)
    report = health.report(include_services=False)
    assert report["outbox"]["pending"] == 1 and report["outbox"]["dead"] == 1
    assert {(f["kind"], f["name"]) for f in report["findings"]} == {
        ("outbox", "dead"),
        ("outbox", "oldest_pending"),
    }


# --- /health/details/ ----------------------------------------------------------------------------


def test_details_are_for_superusers_only(client, cast, on_time):
    url = reverse("health_details")
    assert client.get(url).status_code == 302  # the login page
    client.force_login(cast.charlie)
    assert client.get(url).status_code == 403
    assert client.get(url + "?format=json").status_code == 403
    client.force_login(cast.root)
    page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count('data-testid="health-task"') == len(health.beat_schedule())


def test_details_show_each_task_s_last_run_and_the_outbox_as_json(client, cast, on_time):
    make_stale()
    OutboxMessage.objects.create(kind="email", status=OutboxStatus.PENDING)
    client.force_login(cast.root)
    response = client.get(reverse("health_details") + "?format=json")
    assert response.status_code == 503
    data = response.json()
    tasks = {t["name"]: t for t in data["tasks"]}
    assert set(tasks) == set(health.beat_schedule())
    assert tasks[REMINDER]["stale"] and tasks[REMINDER]["age_seconds"] >= 3 * 86400
    assert not tasks["appeals-deadline-reminders"]["stale"]
    assert data["outbox"]["pending"] == 1 and data["outbox"]["oldest_pending_at"]
    page = client.get(reverse("health_details"))
    assert page.status_code == 200 and 'class="table-danger"' in page.content.decode()


# --- The banner ----------------------------------------------------------------------------------


@pytest.fixture
def cc_chairman(db):
    central = OrganizationFactory(kind=OrganizationKind.CENTRAL_COMMITTEE)
    user = UserFactory(username="cc_chair")
    Membership.objects.create(user=user, organization=central, role=Role.CHAIRMAN)
    return user


def _banner_on_home(client, user) -> bool:
    client.force_login(user)
    return 'data-testid="health-banner"' in client.get(reverse("accounts:home")).content.decode()


def test_the_banner_tells_superusers_and_the_central_committee_s_chairman(
    client, cast, cc_chairman, on_time
):
    assert not _banner_on_home(client, cast.root)
    make_stale()
    assert _banner_on_home(client, cast.root)
    assert _banner_on_home(client, cc_chairman)
    # A regional chairman, an administrator: no banner.
    assert not _banner_on_home(client, cast.paula)
    assert not _banner_on_home(client, cast.alice)


def test_the_banner_goes_when_the_reminder_runs_again(client, cast, on_time):
    from registry.tasks import send_password_rotation_reminders

    make_stale()
    assert _banner_on_home(client, cast.root)
    send_password_rotation_reminders.delay()
    assert not _banner_on_home(client, cast.root)


def test_the_banner_costs_one_query_and_none_for_those_it_is_not_for(cast, cc_chairman, on_time):
    make_stale()
    for user in (cast.root, cc_chairman, cast.alice, cast.charlie):
        permissions.grants(user)  # the menu has loaded the roles already
    with CaptureQueriesContext(connection) as superuser:
        assert health.banner(cast.root)
    with CaptureQueriesContext(connection) as chairman:
        assert health.banner(cc_chairman)
    with CaptureQueriesContext(connection) as others:
        assert health.banner(cast.alice) == [] and health.banner(cast.charlie) == []
    assert (len(superuser), len(chairman), len(others)) == (1, 1, 0)

"""Health and monitoring (issue 12, point 4; docs/operations.md "Health and monitoring").

- `/health/` for the load balancer: the database, the broker and the cache, each asked with a
  short timeout; 200 `{"status": "ok", ...}` or 503 naming what failed. No login, no secrets:
  never a URL, a host or an exception's text in the body.
- `/health/details/` for superusers (HTML, or JSON with `?format=json`): the same, plus the last
  run of every periodic task against its schedule, the outbox backlog and the oldest unsent
  e-mail.
- A banner for superusers and the chairman of the Central Committee when a reminder task has not
  run within its interval (plus a grace): `banner()` for accounts.context_processors, one query
  per page for them and none for anybody else.
- `manage.py check_health` exits 1 with the same findings.

When did a task last run? Beat stores `PeriodicTask.last_run_at` when it *sends* a task, so a
dead worker goes unseen there. A `TaskHeartbeat` row per periodic task is written by the worker
when the task finishes (Celery's task_postrun and task_failure signals, connected below); it is
the truth when present, beat's `last_run_at` otherwise (tasks that have not finished since the
heartbeat was introduced). A task is stale when the run its schedule expected after that last
run is more than the grace in the past; an entry that never ran is judged from when beat stored
it (its first run must be due and missed). An entry of the beat schedule that beat never stored
is stale too (beat has not started since it was added).
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from celery.signals import task_failure, task_postrun
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import permissions
from .models import Organization, OrganizationKind, Role, TaskHeartbeat

logger = logging.getLogger(__name__)

permissions.register("accounts.health.view", [])  # superusers only

SERVICES = ("database", "broker", "cache")


def service_timeout() -> float:
    return float(getattr(settings, "HEALTH_SERVICE_TIMEOUT", 2.0))


def grace() -> timedelta:
    return timedelta(minutes=getattr(settings, "HEALTH_TASK_GRACE_MINUTES", 60))


def outbox_max_age() -> timedelta:
    return timedelta(minutes=getattr(settings, "HEALTH_OUTBOX_MAX_AGE_MINUTES", 30))


# --- Services ------------------------------------------------------------------------------------


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_broker() -> None:
    from kombu import Connection

    url = settings.CELERY_BROKER_URL
    if url.startswith("filesystem://"):
        options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}
        for key in ("data_folder_in", "data_folder_out"):
            folder = options.get(key)
            if folder and not (os.path.isdir(folder) and os.access(folder, os.W_OK)):
                raise OSError("the broker's folder is missing or read-only")
        return
    timeout = service_timeout()
    transport_options = {
        **(getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}),
        "socket_timeout": timeout,
        "socket_connect_timeout": timeout,
        "max_retries": 0,
    }
    with Connection(url, connect_timeout=timeout, transport_options=transport_options) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=timeout)
        channel = conn.default_channel
        client = getattr(channel, "client", None)
        if client is not None and hasattr(client, "ping"):  # Redis: a real round trip
            client.ping()


_probes: dict[str, Any] = {}


def _cache_backend() -> Any:
    """The default cache; for Redis a copy with socket timeouts (Django sets none), kept per
    configuration so that a probe reuses its connection and a silent server never holds a
    thread for longer than the timeout."""
    config = settings.CACHES["default"]
    if not config["BACKEND"].endswith("RedisCache"):
        return caches["default"]
    key = repr(sorted(config.items()))
    if key not in _probes:
        from django.core.cache.backends.redis import RedisCache

        timeout = service_timeout()
        params = {
            **config,
            "OPTIONS": {
                **config.get("OPTIONS", {}),
                "socket_timeout": timeout,
                "socket_connect_timeout": timeout,
            },
        }
        _probes[key] = RedisCache(config["LOCATION"], params)
    return _probes[key]


def _check_cache() -> None:
    backend = _cache_backend()
    key = f"health:{uuid.uuid4().hex}"
    backend.set(key, "1", 10)
    if backend.get(key) != "1":
        raise OSError("the cache did not return what was stored")
    backend.delete(key)


def _bounded(checks: dict[str, Callable[[], None]], timeout: float) -> dict[str, str]:
    """Run the checks at once, each in a thread of its own: a service that never answers costs
    `timeout` in all, whatever the number of checks."""
    outcome: dict[str, str] = {}

    def run(name: str, check: Callable[[], None]) -> None:
        try:
            check()
            outcome[name] = "ok"
        except Exception as error:  # any failure of the service is a finding, logged
            logger.warning("health check of the %s failed: %r", name, error)
            outcome[name] = "fail"

    workers = [
        threading.Thread(target=run, args=(name, check), name=f"health-{name}", daemon=True)
        for name, check in checks.items()
    ]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + timeout
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
    return {name: outcome.get(name, "timeout") for name in checks}


def services() -> dict[str, str]:
    """{"database": "ok" | "fail", "broker": ..., "cache": ...} ("timeout" when no answer came
    within HEALTH_SERVICE_TIMEOUT + 1 s)."""
    result = {}
    try:
        _check_database()  # in the request's own connection: no new connection per probe
        result["database"] = "ok"
    except DatabaseError as error:
        logger.warning("health check of the database failed: %r", error)
        result["database"] = "fail"
    result.update(_bounded({"broker": _check_broker, "cache": _check_cache}, service_timeout() + 1))
    return result


# --- Periodic tasks ------------------------------------------------------------------------------


@dataclass
class TaskState:
    name: str
    task: str
    schedule: str
    reminder: bool
    last_sent_at: datetime | None  # beat sent it (PeriodicTask.last_run_at)
    last_success_at: datetime | None  # the worker finished it (TaskHeartbeat)
    last_failure_at: datetime | None
    last_error: str
    expected_by: datetime | None  # the run the schedule expected after the last one
    stale: bool

    @property
    def last_run_at(self) -> datetime | None:
        return self.last_success_at or self.last_sent_at

    def age_seconds(self, now: datetime) -> int | None:
        last = self.last_run_at
        return None if last is None else int((now - last).total_seconds())


def is_reminder(task: str) -> bool:
    return "reminder" in task


# What the banner calls each reminder entry of the apps' schedule.py (else the entry's name).
REMINDER_LABELS = {
    "appeals-deadline-reminders": gettext_lazy("appeal deadline reminders"),
    "registry-password-rotation-reminders": gettext_lazy("password change reminders"),
    "reports-half-year-reminders": gettext_lazy("half-year report reminders"),
    "content-urgent-acknowledgement-reminders": gettext_lazy("urgent publication reminders"),
}


def beat_schedule() -> dict:
    from config.celery import app

    return dict(app.conf.beat_schedule or {})


def _expected_by(schedule: Any, last: datetime) -> datetime | None:
    try:
        return timezone.now() + schedule.remaining_estimate(last)
    except (AttributeError, TypeError, ValueError):  # a clocked or solar entry: not judged
        return None


def _states(rows, now: datetime, only_reminders: bool) -> list[TaskState]:
    states = []
    seen = set()
    for row in rows:
        seen.add(row.name)
        if not row.enabled or row.one_off or row.clocked_id:  # switched off on purpose
            continue
        success = getattr(row, "heartbeat_success", None)
        last = success or row.last_run_at
        schedule = row.schedule
        # Never run yet: judged from when beat stored the entry (a fresh installation is not
        # late before the schedule's first run is due).
        since = last or row.start_time or row.date_changed
        expected = _expected_by(schedule, since) if since else None
        states.append(
            TaskState(
                name=row.name,
                task=row.task,
                schedule=str(row.crontab or row.interval or row.solar or ""),
                reminder=is_reminder(row.task),
                last_sent_at=row.last_run_at,
                last_success_at=success,
                last_failure_at=getattr(row, "heartbeat_failure", None),
                last_error=getattr(row, "heartbeat_error", None) or "",
                expected_by=expected,
                stale=(expected + grace() < now) if expected is not None else last is None,
            )
        )
    for name, entry in beat_schedule().items():
        if name in seen or (only_reminders and not is_reminder(entry["task"])):
            continue
        states.append(
            TaskState(
                name=name,
                task=entry["task"],
                schedule=str(entry.get("schedule", "")),
                reminder=is_reminder(entry["task"]),
                last_sent_at=None,
                last_success_at=None,
                last_failure_at=None,
                last_error="",
                expected_by=None,
                stale=True,
            )
        )
    return sorted(states, key=lambda s: s.name)


def _task_rows(only_reminders: bool = False, with_cc: bool = False):
    from django_celery_beat.models import PeriodicTask

    heartbeat = TaskHeartbeat.objects.filter(task=OuterRef("task"))
    rows = (
        PeriodicTask.objects.exclude(task__startswith="celery.")
        .select_related("interval", "crontab", "solar", "clocked")
        .annotate(
            heartbeat_success=Subquery(heartbeat.values("last_success_at")[:1]),
            heartbeat_failure=Subquery(heartbeat.values("last_failure_at")[:1]),
            heartbeat_error=Subquery(heartbeat.values("last_error")[:1]),
        )
    )
    if only_reminders:
        rows = rows.filter(task__contains="reminder")
    if with_cc:
        central = Organization.objects.filter(kind=OrganizationKind.CENTRAL_COMMITTEE)
        rows = rows.annotate(central_committee=Subquery(central.values("pk")[:1]))
    return rows


def periodic_tasks(now: datetime | None = None) -> list[TaskState]:
    return _states(_task_rows(), now or timezone.now(), only_reminders=False)


# --- Findings ------------------------------------------------------------------------------------


def outbox_summary() -> dict[str, Any]:
    from . import outbox

    return outbox.backlog_summary()


def report(include_services: bool = True) -> dict[str, Any]:
    """Everything the details page, the JSON and check_health show; `findings` lists what is
    wrong, each with its `kind` and `name` (empty when healthy)."""
    now = timezone.now()
    findings: list[dict[str, Any]] = []
    checked = services() if include_services else {}
    for name, state in checked.items():
        if state != "ok":
            findings.append({"kind": "service", "name": name, "state": state})
    try:
        tasks = periodic_tasks(now)
        summary = outbox_summary()
    except DatabaseError as error:  # the database is down: that finding says it all
        logger.warning("health report without the database: %r", error)
        if checked.get("database") == "ok" or not include_services:
            findings.append({"kind": "service", "name": "database", "state": "fail"})
        tasks, summary = [], {"pending": None, "dead": None, "oldest_pending_at": None}
    for task in tasks:
        if task.stale:
            findings.append(
                {
                    "kind": "reminder" if task.reminder else "task",
                    "name": task.name,
                    "last_run_at": task.last_run_at.isoformat() if task.last_run_at else None,
                }
            )
    oldest = summary.get("oldest_pending_at")
    if summary.get("dead"):
        findings.append({"kind": "outbox", "name": "dead", "count": summary["dead"]})
    if oldest is not None and now - oldest > outbox_max_age():
        findings.append({"kind": "outbox", "name": "oldest_pending", "since": oldest.isoformat()})
    return {
        "status": "ok" if not findings else "fail",
        "checked_at": now,
        "services": checked,
        "tasks": tasks,
        "outbox": summary,
        "findings": findings,
        "now": now,
    }


def report_json(data: dict[str, Any]) -> dict[str, Any]:
    now = data["now"]

    def when(value):
        return value.isoformat() if value else None

    return {
        "status": data["status"],
        "checked_at": when(data["checked_at"]),
        "services": data["services"],
        "tasks": [
            {
                **{k: v for k, v in asdict(t).items() if not isinstance(v, datetime)},
                "last_run_at": when(t.last_run_at),
                "last_sent_at": when(t.last_sent_at),
                "last_success_at": when(t.last_success_at),
                "last_failure_at": when(t.last_failure_at),
                "expected_by": when(t.expected_by),
                "age_seconds": t.age_seconds(now),
            }
            for t in data["tasks"]
        ],
        "outbox": {
            "pending": data["outbox"].get("pending", 0),
            "dead": data["outbox"].get("dead", 0),
            "oldest_pending_at": when(data["outbox"].get("oldest_pending_at")),
        },
        "findings": data["findings"],
    }


# --- The banner ----------------------------------------------------------------------------------


def _banner_state() -> dict[str, Any]:
    """{"stale": [names of stale reminder entries], "central_committee": id}: one query (a second
    one only while beat has stored no reminder at all). Not cached: a constant cost per page."""
    rows = list(_task_rows(only_reminders=True, with_cc=True))
    if rows:
        central = rows[0].central_committee
    else:
        central = (
            Organization.objects.filter(kind=OrganizationKind.CENTRAL_COMMITTEE)
            .values_list("pk", flat=True)
            .first()
        )
    stale = [s.name for s in _states(rows, timezone.now(), only_reminders=True) if s.stale]
    return {"stale": stale, "central_committee": central}


def _chairs_a_root(user: Any) -> bool:
    """A chairman of a top-level organization (the Central Committee is the root of the tree),
    from the roles the menu loads anyway: no query."""
    return any(
        g.role == Role.CHAIRMAN and len(g.path) == Organization.steplen
        for g in permissions.grants(user)
    )


def banner(user: Any) -> list[str]:
    """The labels of the reminder entries that have not run in time, for a superuser or the
    chairman of the Central Committee; [] for everyone else, without a query."""
    if not getattr(user, "is_authenticated", False):
        return []
    if not user.is_superuser and not _chairs_a_root(user):
        return []
    state = _banner_state()
    if not state["stale"]:
        return []
    if not user.is_superuser and not any(
        g.role == Role.CHAIRMAN and g.organization_id == state["central_committee"]
        for g in permissions.grants(user)
    ):
        return []
    return [str(REMINDER_LABELS.get(name, name)) for name in state["stale"]]


# --- Heartbeats (the worker) ---------------------------------------------------------------------

_periodic: set[str] | None = None


def periodic_task_names() -> set[str]:
    global _periodic
    if _periodic is None:
        _periodic = {entry["task"] for entry in beat_schedule().values()}
    return _periodic


def record_heartbeat(task_name: str, *, success: bool, error: str = "") -> None:
    if task_name not in periodic_task_names():
        return
    now = timezone.now()
    fields = (
        {"last_success_at": now} if success else {"last_failure_at": now, "last_error": error[:200]}
    )
    try:
        with transaction.atomic():
            updated = TaskHeartbeat.objects.filter(task=task_name).update(**fields)
            if not updated:
                with transaction.atomic():
                    TaskHeartbeat.objects.create(task=task_name, **fields)
    except DatabaseError:  # a heartbeat must never fail the task itself
        logger.warning("could not record the heartbeat of %s", task_name, exc_info=True)
        return


@task_postrun.connect(dispatch_uid="accounts.health.postrun", weak=False)
def _on_postrun(sender=None, state=None, **kwargs) -> None:
    if sender is not None and state == "SUCCESS":
        record_heartbeat(sender.name, success=True)


@task_failure.connect(dispatch_uid="accounts.health.failure", weak=False)
def _on_failure(sender=None, exception=None, **kwargs) -> None:
    if sender is not None:
        record_heartbeat(sender.name, success=False, error=type(exception).__name__)


# --- Views ---------------------------------------------------------------------------------------


@require_safe
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For the load balancer: no login, nothing but the state of each service."""
    checked = services()
    failing = [name for name, state in checked.items() if state != "ok"]
    body = {"status": "ok" if not failing else "fail", "services": checked}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)


@require_safe
@never_cache
@login_required
def health_details(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "accounts.health.view")
    data = report()
    if request.GET.get("format") == "json":  # for monitoring over HTTP: 503 on any finding
        return JsonResponse(report_json(data), status=200 if data["status"] == "ok" else 503)
    return render(
        request, "accounts/health_details.html", {"data": data, "title": _("System health")}
    )

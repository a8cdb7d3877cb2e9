"""Fault tests (issue 12 point 3) with the real services, each broken on purpose:

(a) the broker (a Redis server of the test's own) is stopped: every page and action answers
    normally, nothing is lost, and the outbox drains through a real worker once it is back;
(b) a real worker *process* is killed (SIGKILL, by its pid) in the middle of an SMTP send:
    every notification is in the inbox exactly once and e-mailed at least once; reminders run
    twice at once by another worker process are sent exactly once;
(c) every PostgreSQL connection of the test database is terminated: the next request succeeds.

Each test prints a line "FAULTS …" with its counts (run with -s); docs/operations.md quotes them.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts import outbox
from accounts.models import Notification, OutboxMessage
from accounts.notifications import notify
from config.celery import app as celery_app
from tests.conftest import forget_connections, need_service
from tests.reliability.services import PrivateRedis, Worker, wait_for
from tests.reliability.smtp import SMTPServer

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def report(name: str, **counts) -> None:
    print(f"\nFAULTS {name}: " + " ".join(f"{k}={v}" for k, v in counts.items()))


@pytest.fixture
def private_redis():
    redis = PrivateRedis()
    redis.start()
    yield redis
    redis.close()


@pytest.fixture
def broker(private_redis, settings):
    """The app publishes to the private Redis for real (not eager), with the production
    broker options; the process's nudge pause starts clear."""
    saved = {
        k: celery_app.conf[k]
        for k in (
            "broker_url",
            "task_always_eager",
            "broker_transport_options",
            "broker_connection_timeout",
        )
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.update(
        broker_url=private_redis.url,
        task_always_eager=False,
        broker_transport_options=dict(django_settings.BOUNDED_BROKER_OPTIONS),
        broker_connection_timeout=django_settings.CELERY_BROKER_CONNECTION_TIMEOUT,
    )
    forget_connections()
    outbox.reset_nudge_pause()
    yield private_redis
    celery_app.conf.update(saved)
    forget_connections()
    outbox.reset_nudge_pause()


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden inputs of a page's forms (a one-time submission token, …), except CSRF."""
    fields = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and name.group(1) != "csrfmiddlewaretoken":
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


# (a) ------------------------------------------------------------------------------------------


def test_a_with_the_broker_down_every_page_and_action_works_and_the_outbox_drains_later(
    client, cast, broker
):
    from appeals.models import Appeal
    from content.models import Publication, PublicationStatus
    from tests.content.factories import publication

    submitted = publication(cast.own, cast.alice, status=PublicationStatus.SUBMITTED, frozen=True)
    broker.stop()  # the fault
    faults = 1
    timings = {}

    def timed(name, call):
        start = time.monotonic()
        response = call()
        timings[name] = round(time.monotonic() - start, 2)
        return response

    # Approving a publication: the author is notified (in-app and by e-mail).
    client.force_login(cast.charlie)
    url = reverse("content:publication_action", args=[submitted.pk, "approve"])
    page = client.get(reverse("content:publication_detail", args=[submitted.pk]))
    assert page.status_code == 200
    response = timed(
        "approve",
        lambda: client.post(url, {"version": 1, **hidden_fields(page.content.decode())}),
    )
    assert response.status_code == 302, response.content[:500]
    assert Publication.objects.get(pk=submitted.pk).status == PublicationStatus.APPROVED

    # Registering an appeal with an assignee, who is notified.
    client.force_login(cast.alice)
    form = client.get(reverse("appeals:create"))
    assert form.status_code == 200
    data = {
        **hidden_fields(form.content.decode()),
        "organization": cast.own.pk,
        "received_at": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "channel": "telegram",
        "author_name": "Әсел Нұрланқызы",
        "author_contacts": "+7 701 123 45 67",
        "text": "Қосымша сабақтар үшін ақы төленбеді.",
        "kind": "complaint",
        "topic": "pay",
        "processing_basis": "consent",
        "privacy_notice": "account_notice",
        "assignee": cast.lara.pk,
    }
    response = timed("register", lambda: client.post(reverse("appeals:create"), data))
    assert response.status_code == 302, response.content[:2000]
    appeal = Appeal.objects.get()
    assert appeal.assignee == cast.lara

    # A password reset (anonymous), and a burst of notifications from a service.
    client.logout()
    response = timed(
        "password_reset",
        lambda: client.post(reverse("accounts:password_reset"), {"email": "paula@example.kz"}),
    )
    assert response.status_code == 302
    notify(
        [cast.alice, cast.lara, cast.charlie, cast.paula],
        kind="tests.fault",
        title="Fault test: broker down",
    )

    # Every page answers while the broker is down.
    pages = {
        "alice": [
            reverse("accounts:home"),
            reverse("accounts:notifications"),
            reverse("content:publication_detail", args=[submitted.pk]),
            reverse("content:publications"),
            reverse("appeals:list"),
            reverse("appeals:detail", args=[appeal.pk]),
            reverse("registry:list"),
            reverse("reports:list"),
        ],
        "charlie": [reverse("accounts:home"), reverse("accounts:notifications")],
        "lara": [
            reverse("accounts:home"),
            reverse("accounts:notifications"),
            reverse("checklist:waiting"),
        ],
        "root": [reverse("accounts:outbox"), reverse("accounts:home")],
    }
    for who, urls in pages.items():
        client.force_login(getattr(cast, who))
        for page_url in urls:
            assert client.get(page_url).status_code == 200, (who, page_url)

    # Nothing is lost: every e-mail waits in the outbox, nothing was sent.
    notifications = Notification.objects.count()
    expected = notifications + 1  # every recipient has an address; plus the password reset
    assert OutboxMessage.objects.filter(status="pending").count() == expected
    assert outbox.backlog_summary()["pending"] == expected
    assert mail.outbox == []

    # The broker comes back; a worker runs the beat's drain task.
    broker.start()
    forget_connections()
    with start_worker(celery_app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
        from accounts.tasks import drain_outbox

        drain_outbox.delay()  # what beat sends every minute
        assert wait_for(lambda: not OutboxMessage.objects.filter(status="pending").exists(), 60), (
            list(OutboxMessage.objects.values_list("status", "last_error"))
        )
    per_message = Counter((tuple(m.to), m.subject) for m in mail.outbox)
    assert len(mail.outbox) == expected
    assert max(per_message.values()) == 1  # each once
    assert OutboxMessage.objects.filter(status="sent").count() == expected
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0
    in_app = Counter(Notification.objects.values_list("recipient_id", "kind", "title"))
    assert max(in_app.values()) == 1
    report(
        "a (broker down)",
        faults_injected=faults,
        actions=3,
        pages=sum(len(u) for u in pages.values()),
        notifications=notifications,
        emails_sent=len(mail.outbox),
        lost=expected - len(mail.outbox),
        doubled_in_app=sum(v - 1 for v in in_app.values()),
        doubled_email=sum(v - 1 for v in per_message.values()),
        seconds_per_action=timings,
    )


# (b) ------------------------------------------------------------------------------------------


def database_url() -> str:
    if connection.vendor != "postgresql":
        need_service("PostgreSQL", "the worker processes share the test database")
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return (
        f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/"
        f"{s['NAME']}"
    )


def test_b_a_worker_killed_mid_send_loses_nothing_and_reminders_go_out_once(cast, broker):
    from accounts.tasks import drain_outbox
    from registry.models import RotationReminder
    from registry.tasks import send_password_rotation_reminders
    from tests.registry.factories import OfficialAccountFactory

    with SMTPServer() as smtp:
        env = {
            "DJANGO_SETTINGS_MODULE": "tests.reliability.worker_settings",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": broker.url,
            "FAULT_SMTP_PORT": str(smtp.port),
            "EMAIL_TIMEOUT": "5",
            "OUTBOX_LEASE_SECONDS": "3",
            "OUTBOX_RETRY_SECONDS": "1",
        }
        # Fault 1: the second message is accepted, then the session hangs at QUIT — the worker
        # is killed before it could mark the message sent (it will be sent again: at least once).
        smtp.stall_quit_when = lambda: smtp.quit_stalls == 0 and len(smtp.accepted) == 2
        # Fault 2: the next message hangs after its data was sent, before the server accepts it.
        smtp.stall_when = lambda message: smtp.stalls == 0 and len(smtp.accepted) >= 2
        people = [cast.alice, cast.lara, cast.charlie, cast.paula, cast.sam, cast.sibling_lawyer]
        for i, person in enumerate(people):
            notify([person], kind="tests.fault", title=f"Fault test: notification {i}")
        faults = 0
        for name, stalled, release in (
            ("first", smtp.quit_stalled, smtp.release_quit),
            ("second", smtp.stalled, smtp.release),
        ):
            worker = Worker(name, env)
            try:
                assert worker.ready(), worker.output()
                drain_outbox.delay()
                assert stalled.wait(60), worker.output()
                worker.kill()  # mid-send, by pid
                faults += 1
            finally:
                worker.stop()
            release.set()
        assert (smtp.quit_stalls, smtp.stalls) == (1, 1)

        # Reminders: the beat task delivered three times at once to a worker with two processes.
        account = OfficialAccountFactory(
            organization=cast.own, password_due_on=timezone.localdate() + timedelta(days=7)
        )
        third = Worker("third", env, concurrency=2)
        try:
            assert third.ready(), third.output()
            for _ in range(3):
                send_password_rotation_reminders.delay()
            assert wait_for(lambda: RotationReminder.objects.filter(account=account).exists(), 60)

            def drained():
                drain_outbox.delay()  # beat, every minute in production
                time.sleep(1)
                return not OutboxMessage.objects.exclude(status="sent").exists()

            assert wait_for(drained, 120, 0), (
                list(OutboxMessage.objects.values_list("status", "attempts", "last_error")),
                third.output()[-3000:],
            )
        finally:
            third.stop()

    def words(text) -> str:  # a long subject arrives folded
        return " ".join(str(text).split())

    notifications = [
        (email, words(title))
        for email, title in Notification.objects.values_list("recipient__email", "title")
    ]
    in_app = Counter(notifications)
    emailed = Counter((str(m["To"]), words(m["Subject"])) for m in smtp.accepted)
    lost = [n for n in in_app if emailed[n] == 0]
    assert RotationReminder.objects.filter(account=account).count() == 1
    assert Notification.objects.filter(kind__startswith="registry.").count() == 1
    assert max(in_app.values()) == 1, in_app  # in-app exactly once
    assert lost == []  # e-mail at least once
    # … and exactly the message accepted just before its worker was killed went out twice.
    assert sum(v - 1 for v in emailed.values()) == 1
    report(
        "b (worker killed mid-send)",
        faults_injected=faults,
        notifications=len(notifications),
        emails_sent=len(smtp.accepted),
        lost=len(lost),
        doubled_in_app=sum(v - 1 for v in in_app.values()),
        doubled_email=sum(v - 1 for v in emailed.values() if v > 1),
        reminders=RotationReminder.objects.filter(account=account).count(),
        reminder_runs=3,
    )


# (c) ------------------------------------------------------------------------------------------


def terminate_every_connection() -> int:
    """From a control connection of the test's own: end every other backend of the test
    database (the app's persistent connection among them)."""
    import psycopg

    s = connection.settings_dict
    with psycopg.connect(
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
        user=s["USER"],
        password=s.get("PASSWORD") or None,
        dbname=s["NAME"],
        autocommit=True,
    ) as control:
        rows = control.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [s["NAME"]],
        ).fetchall()
    return sum(1 for (done,) in rows if done)


def wsgi_get(path: str, cookie: str) -> int:
    """A request the way gunicorn makes it (WSGIHandler: request_started/finished and the
    connection housekeeping that Django's test client switches off)."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    environ = RequestFactory().get(path).environ
    environ["HTTP_COOKIE"] = cookie
    status = []
    response = WSGIHandler()(environ, lambda s, headers, exc_info=None: status.append(s))
    b"".join(response)
    response.close()
    return int(status[0].split()[0])


@pytest.mark.parametrize("health_checks", [True, False], ids=["health-checks", "control"])
def test_c_after_every_database_connection_is_dropped_the_next_request_succeeds(
    client, cast, health_checks, caplog
):
    caplog.set_level(logging.CRITICAL, logger="django.request")  # the control's 500 is expected
    if connection.vendor != "postgresql":
        need_service("PostgreSQL", "connections are terminated with pg_terminate_backend")
    assert django_settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True  # the setting
    client.force_login(cast.alice)
    name = django_settings.SESSION_COOKIE_NAME
    cookie = f"{name}={client.cookies[name].value}"
    saved = {k: connection.settings_dict[k] for k in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS")}
    connection.settings_dict.update(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=health_checks)
    connection.close()  # reconnect as production does: one kept connection
    try:
        assert wsgi_get(reverse("accounts:home"), cookie) == 200
        assert connection.connection is not None  # kept for the next request
        terminated = terminate_every_connection()
        assert terminated >= 1
        status = wsgi_get(reverse("accounts:notifications"), cookie)
        if health_checks:
            assert status == 200  # the dropped connection was replaced
        else:
            assert status == 500  # the control: the fault is real without the health check
        assert wsgi_get(reverse("accounts:home"), cookie) == 200
    finally:
        connection.settings_dict.update(saved)
        connection.close()
    if health_checks:
        report(
            "c (database connections dropped)",
            faults_injected=1,
            connections_terminated=terminated,
            next_request=status,
        )

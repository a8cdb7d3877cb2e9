"""The outbox (accounts/outbox.py) against a real SMTP server (a small one in a thread of the
test): a row is marked sent only after the server accepted the message; a stalled server costs
an attempt (EMAIL_TIMEOUT), never the worker; failures back off and end dead; a killed worker's
row is sent after its lease; superusers see, retry and discard what is not sent."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts import outbox
from accounts.models import AuditEntry, Notification, OutboxMessage
from accounts.navigation import items_for
from accounts.notifications import notify
from tests.reliability.services import free_port
from tests.reliability.smtp import SMTPServer

pytestmark = pytest.mark.django_db

TITLE = gettext_lazy("The role has been granted.")
T0 = "2026-11-30 10:00 +0500"


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 1
        yield server


def test_email_timeout_is_set():
    from django.conf import settings

    assert settings.EMAIL_TIMEOUT == 20


def test_a_stalled_mail_server_costs_one_attempt_and_the_row_stays_unsent(cast, smtp):
    smtp.stall_when = lambda message: smtp.stalls == 0  # the first send hangs after DATA
    with time_machine.travel(T0, tick=False) as clock:
        [notification] = notify([cast.alice], kind="x", title=TITLE)
        assert outbox.drain() == {"sent": 0, "failed": 1, "dead": 0}  # returns: EMAIL_TIMEOUT
        row = OutboxMessage.objects.get()
        notification.refresh_from_db()
        assert (row.status, row.attempts, row.locked_until) == ("pending", 1, None)
        assert "timed out" in row.last_error
        assert row.available_at == timezone.now() + timedelta(seconds=30)
        assert notification.emailed_at is None and smtp.subjects() == {}
        assert outbox.drain() == {"sent": 0, "failed": 0, "dead": 0}  # not before the backoff
        clock.shift(31)
        assert outbox.drain() == {"sent": 1, "failed": 0, "dead": 0}
    assert smtp.subjects() == {"Рөл берілді.": 1}
    row.refresh_from_db()
    notification.refresh_from_db()
    assert row.status == "sent" and row.attempts == 2 and notification.emailed_at is not None


def test_a_refusing_mail_server_backs_off_doubling_and_the_row_ends_dead(cast, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    settings.OUTBOX_MAX_ATTEMPTS = 3
    waits = []
    with time_machine.travel(T0, tick=False) as clock:
        notify([cast.alice], kind="x", title=TITLE)
        for _ in range(3):
            outbox.drain()
            row = OutboxMessage.objects.get()
            waits.append((row.available_at - timezone.now()).total_seconds())
            clock.shift(3600)
    assert waits == [30, 60, 120]
    assert (row.status, row.attempts) == ("dead", 3)
    assert "Connection refused" in row.last_error or "ConnectionRefused" in row.last_error
    summary = outbox.backlog_summary()
    assert (summary["pending"], summary["dead"], summary["oldest_pending_at"]) == (0, 1, None)


def test_the_row_of_a_worker_killed_mid_send_is_sent_after_its_lease(cast, smtp, settings):
    settings.OUTBOX_LEASE_SECONDS = 120
    with time_machine.travel(T0, tick=False) as clock:
        notify([cast.alice], kind="x", title=TITLE)
        claimed = outbox._claim()  # a worker took the row … and died before it sent anything
        assert claimed.attempts == 1
        assert outbox.drain() == {"sent": 0, "failed": 0, "dead": 0}  # still leased
        clock.shift(121)
        assert outbox.drain() == {"sent": 1, "failed": 0, "dead": 0}
    assert smtp.subjects() == {"Рөл берілді.": 1}
    assert OutboxMessage.objects.get().attempts == 2


def test_a_row_whose_every_attempt_died_with_its_worker_ends_dead(cast, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    with time_machine.travel(T0, tick=False) as clock:
        notify([cast.alice], kind="x", title=TITLE)
        for _ in range(2):
            outbox._claim()
            clock.shift(settings.OUTBOX_LEASE_SECONDS + 1)
        assert outbox.drain() == {"sent": 0, "failed": 0, "dead": 1}
    assert OutboxMessage.objects.get().status == "dead"


def test_an_unknown_kind_fails_instead_of_being_marked_sent(db):
    outbox.enqueue("nobody.handles.this", {"a": 1})
    assert outbox.drain() == {"sent": 0, "failed": 1, "dead": 0}
    assert "no handler" in OutboxMessage.objects.get().last_error


def test_the_same_dedupe_key_is_queued_once(db):
    outbox.enqueue("x", {}, dedupe_key="k")
    outbox.enqueue("x", {}, dedupe_key="k")
    assert OutboxMessage.objects.count() == 1


def test_backlog_summary(cast):
    with time_machine.travel(T0, tick=False):
        notify([cast.alice, cast.lara], kind="x", title=TITLE)
    OutboxMessage.objects.filter(pk=OutboxMessage.objects.last().pk).update(status="dead")
    summary = outbox.backlog_summary()
    assert summary == {
        "pending": 1,
        "dead": 1,
        "oldest_pending_at": OutboxMessage.objects.get(status="pending").created_at,
    }


def dead_row(cast, error="SMTPRecipientsRefused: 550 no such user"):
    notify([cast.alice], kind="x", title=TITLE)
    row = OutboxMessage.objects.latest("id")
    OutboxMessage.objects.filter(pk=row.pk).update(status="dead", attempts=10, last_error=error)
    return row


def test_only_superusers_see_the_outgoing_messages(client, cast):
    dead_row(cast)
    for who in ("alice", "charlie", "paula"):
        client.force_login(getattr(cast, who))
        assert client.get(reverse("accounts:outbox")).status_code == 403
        assert "outbox" not in [i["name"] for i in items_for(getattr(cast, who))]
    client.force_login(cast.root)
    page = client.get(reverse("accounts:outbox"))
    html = page.content.decode()
    assert page.status_code == 200 and html.count('data-testid="outbox-row"') == 1
    assert "550 no such user" in html
    assert "outbox" in [i["name"] for i in items_for(cast.root)]
    assert (
        client.get(reverse("accounts:outbox") + "?status=pending")
        .content.decode()
        .count('data-testid="outbox-row"')
        == 0
    )


def test_a_superuser_sends_a_dead_message_again_audited(client, cast, smtp):
    row = dead_row(cast)
    client.force_login(cast.charlie)
    assert client.post(reverse("accounts:outbox_retry", args=[row.pk])).status_code == 403
    row.refresh_from_db()
    assert row.status == "dead"
    client.force_login(cast.root)
    response = client.post(reverse("accounts:outbox_retry", args=[row.pk]))
    assert response.url == reverse("accounts:outbox")
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("pending", 0)
    entry = AuditEntry.objects.get(action="accounts.outbox.retry")
    assert entry.actor == cast.root and entry.changes["status"] == ["dead", "pending"]
    assert outbox.drain()["sent"] == 1 and smtp.subjects() == {"Рөл берілді.": 1}
    # A sent message is no longer on the page: retrying it again is 404.
    assert client.post(reverse("accounts:outbox_retry", args=[row.pk])).status_code == 404


def test_a_superuser_discards_a_dead_message_audited(client, cast):
    row = dead_row(cast)
    client.force_login(cast.root)
    client.post(reverse("accounts:outbox_discard", args=[row.pk]))
    assert not OutboxMessage.objects.filter(pk=row.pk).exists()
    assert Notification.objects.count() == 1  # the in-app notification stays
    entry = AuditEntry.objects.get(action="accounts.outbox.discard")
    assert entry.changes["kind"] == [None, "notification_email"]


def test_the_page_runs_the_same_number_of_queries_at_any_size(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.root)
    dead_row(cast)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("accounts:outbox"))
    for _ in range(30):
        dead_row(cast)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("accounts:outbox"))
    assert len(large.captured_queries) == len(small.captured_queries)

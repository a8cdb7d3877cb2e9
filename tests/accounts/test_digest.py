"""Issue 13, point 9 (accounts/digest.py): the chairmen of the Central Committee and of the
regions get the events of their subtree as one daily digest, and only what needs their own
decision at once; every person switches the e-mail of a kind off; nothing is lost in-app."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts import digest, outbox
from accounts.models import (
    Notification,
    NotificationDigest,
    NotificationPreference,
    OrganizationKind,
    OutboxMessage,
    Role,
)
from accounts.notifications import Message, notify, notify_many
from accounts.schedule import SCHEDULE
from accounts.tasks import send_notification_digests
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

EVENT = "reports.report.submit"  # a report submitted below: an event of the subtree
DECISION = "content.publication.submit"  # a publication awaiting approval: their own decision
T0 = "2026-11-30 10:00 +0500"


def mails_to(*users):
    """The users with an immediate notification e-mail queued, by username."""
    ids = [row["notification"] for row in OutboxMessage.objects.values_list("payload", flat=True)]
    names = Notification.objects.filter(pk__in=ids).values_list("recipient__username", flat=True)
    return sorted(names)


@pytest.fixture
def cc_chairman(db):
    committee = OrganizationFactory(kind=OrganizationKind.CENTRAL_COMMITTEE)
    user = UserFactory(username="carl")
    MembershipFactory(user=user, organization=committee, role=Role.CHAIRMAN)
    return user


# --- the registry of kinds -------------------------------------------------------------------


def test_every_kind_the_apps_send_is_registered_with_a_label():
    for kind in (
        "content.publication.submit",
        "content.publication.return",
        "content.plan.submit",
        "appeals.digest",
        "appeals.reminder.overdue",
        "registry.rotation.30",
        "reports.reminder.deadline",
        "reports.report.submit",
        "checklist.routed",
    ):
        info = digest.kind_info(kind)
        assert info is not None, kind
        assert str(info.label)
    assert digest.kind_info("reports.report.submit").decision is False
    assert digest.kind_info("content.publication.urgent").decision is True


def test_an_unknown_kind_is_immediate_and_cannot_be_switched_off(cast):
    plan = digest.EmailPlan({(cast.paula.pk, "tests.unknown")}, {cast.paula.pk})
    assert digest.kind_info("tests.unknown") is None
    assert plan.route(cast.paula.pk, "tests.unknown") == digest.MAIL
    # A family covers the kinds below it, not a kind that merely starts the same.
    assert digest.kind_info("reports.report.submitted_elsewhere") is None


def test_register_kind_adds_a_kind(monkeypatch):
    monkeypatch.setattr(digest, "_KINDS", dict(digest._KINDS))
    digest.register_kind("tests.event", "Event", decision=False)
    assert digest.kind_info("tests.event").decision is False


# --- routing in notify() ---------------------------------------------------------------------


def test_a_cc_chairman_gets_a_subtree_event_in_app_only_and_a_decision_by_e_mail(cc_chairman):
    [event] = notify([cc_chairman], kind=EVENT, title="Report submitted")
    assert event.digest_pending and mails_to() == []
    [decision] = notify([cc_chairman], kind=DECISION, title="To approve")
    assert not decision.digest_pending and mails_to() == ["carl"]
    assert Notification.objects.filter(recipient=cc_chairman).count() == 2  # both in the bell


def test_a_regional_chairman_gets_the_digest_too(cast):
    notify([cast.paula, cast.charlie], kind=EVENT, title="Report submitted")
    pending = dict(Notification.objects.values_list("recipient__username", "digest_pending"))
    assert pending == {"paula": True, "charlie": False}
    assert mails_to() == ["charlie"]  # the chairman of a primary organization: at once, as before


def test_a_primary_chairman_and_everybody_else_get_immediate_e_mails_as_before(cast):
    notify([cast.charlie, cast.alice, cast.sibling_chairman], kind=EVENT, title="Event")
    assert mails_to() == ["alice", "charlie", "sibling_chairman"]
    assert not Notification.objects.filter(digest_pending=True).exists()


def test_an_unknown_kind_is_e_mailed_at_once_to_a_regional_chairman(cast):
    notify([cast.paula], kind="tests.something", title="Something")
    assert mails_to() == ["paula"]


def test_no_e_mail_asked_for_means_no_digest_either(cast):
    [row] = notify([cast.paula], kind=EVENT, title="Event", email=False)
    assert not row.digest_pending and mails_to() == []


def test_notify_many_routes_the_same_way_in_one_query(cast, cc_chairman):
    messages = [
        Message([cast.paula, cc_chairman, cast.charlie], kind=EVENT, title="Event"),
        Message([cast.paula], kind=DECISION, title="Decide"),
    ]
    with CaptureQueriesContext(connection) as ctx:
        created = notify_many(messages)
    assert len(created) == 4
    pending = sorted(n.recipient.username for n in created if n.digest_pending)
    assert pending == ["carl", "paula"]
    assert mails_to() == ["charlie", "paula"]
    # the plan (1), the notifications (1), the outbox (1), savepoint/transaction bookkeeping
    assert len(ctx.captured_queries) <= 5


# --- opt-out ---------------------------------------------------------------------------------


def test_a_switched_off_kind_is_not_e_mailed_but_still_shown(cast):
    NotificationPreference.objects.create(
        user=cast.alice, kind="reports.report.decide", email=False
    )
    [row] = notify([cast.alice, cast.lara], kind="reports.report.decide", title="Accepted")[:1]
    assert Notification.objects.filter(recipient=cast.alice, kind="reports.report.decide").exists()
    assert mails_to() == ["lara"]
    assert not row.digest_pending


def test_a_switched_off_family_covers_its_kinds(cast):
    NotificationPreference.objects.create(user=cast.alice, kind="reports.reminder", email=False)
    notify_many([Message([cast.alice], kind="reports.reminder.deadline", title="Soon")])
    assert Notification.objects.filter(recipient=cast.alice).count() == 1
    assert mails_to() == []


def test_a_switched_off_subtree_event_does_not_wait_for_the_digest(cast):
    NotificationPreference.objects.create(user=cast.paula, kind=EVENT, email=False)
    [row] = notify([cast.paula], kind=EVENT, title="Event")
    assert not row.digest_pending and mails_to() == []


def test_r8_2_appeal_deadline_reminders_are_e_mailed_even_when_switched_off(cast):
    # A preference row cannot be saved through the page for a mandatory kind; even if one exists.
    NotificationPreference.objects.create(user=cast.alice, kind="appeals.reminder", email=False)
    notify_many([Message([cast.alice], kind="appeals.reminder.overdue", title="Overdue")])
    assert mails_to() == ["alice"]


def test_r9_3_password_reminders_are_mandatory():
    assert digest.kind_info("registry.rotation.overdue").mandatory
    assert "registry.rotation" not in digest.optional_keys()


# --- the daily digest ------------------------------------------------------------------------


def test_the_digest_is_scheduled_daily():
    entry = SCHEDULE["accounts-notification-digest"]
    assert entry["task"] == "accounts.tasks.send_notification_digests"
    # Once a day, after the first appeal-reminder run, whose overdue appeals it carries.
    from django.conf import settings

    (hour,) = entry["schedule"].hour
    assert len(entry["schedule"].minute) == 1
    assert hour >= settings.APPEALS_REMINDER_HOUR and (hour, *entry["schedule"].minute) > (
        settings.APPEALS_REMINDER_HOUR,
        5,
    )


def test_one_digest_per_chairman_per_day_with_all_items_and_marked(cast, cc_chairman, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(T0, tick=False):
        notify([cast.paula, cc_chairman], kind=EVENT, title="Report A", url="/reports/1/")
        notify([cast.paula], kind="appeals.digest", title="Overdue appeals: 3", url="/appeals/")
        notify([cast.paula], kind="registry.violation.record", title="Violation", url="/v/1/")
        assert send_notification_digests() == 2
        rows = OutboxMessage.objects.filter(kind=digest.DIGEST_EMAIL)
        assert sorted(rows.values_list("dedupe_key", flat=True)) == sorted(
            [f"digest:{cast.paula.pk}:2026-11-30", f"digest:{cc_chairman.pk}:2026-11-30"]
        )
        paula_row = rows.get(payload__user=cast.paula.pk)
        assert len(paula_row.payload["notifications"]) == 3
        assert not Notification.objects.filter(digest_pending=True).exists()
        assert Notification.objects.filter(digested_at__isnull=False).count() == 4
        # Twice the same day: nothing more.
        assert send_notification_digests() == 0
        assert rows.count() == 2
        mail.outbox.clear()
        assert outbox.drain()["sent"] == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["carl@example.kz", "paula@example.kz"]
    message = next(m for m in mail.outbox if m.to == ["paula@example.kz"])
    with translation.override("kk"):
        labels = [
            str(digest.kind_info(k).label)
            for k in (EVENT, "appeals.digest", "registry.violation.record")
        ]
    for text in ("Report A", "Overdue appeals: 3", "Violation", "/reports/1/", *labels):
        assert text in message.body
    html = message.alternatives[0][0]
    assert 'href="http' in html and "/reports/1/" in html


def test_what_arrives_after_todays_digest_waits_for_tomorrow(cast):
    with time_machine.travel(T0, tick=False) as clock:
        notify([cast.paula], kind=EVENT, title="First")
        assert digest.send_daily_digests() == 1
        clock.shift(timedelta(hours=2))
        notify([cast.paula], kind=EVENT, title="Second")
        assert digest.send_daily_digests() == 0  # once a day
        assert Notification.objects.get(title="Second").digest_pending
        clock.shift(timedelta(days=1))
        assert digest.send_daily_digests() == 1
    assert NotificationDigest.objects.filter(recipient=cast.paula).count() == 2
    assert not Notification.objects.filter(digest_pending=True).exists()


def test_nothing_pending_sends_nothing(cast):
    notify([cast.paula], kind=DECISION, title="Decide")
    assert digest.send_daily_digests() == 0
    assert not OutboxMessage.objects.filter(kind=digest.DIGEST_EMAIL).exists()


def test_the_digest_email_is_in_the_recipients_language(cast, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cast.paula.language = "ru"
    cast.paula.save()
    notify([cast.paula], kind=EVENT, title="Report")
    digest.send_daily_digests()
    mail.outbox.clear()
    outbox.drain()
    [message] = mail.outbox
    with translation.override("ru"):
        assert str(digest.kind_info(EVENT).label) in message.body


def chairmen(n: int) -> None:
    region = OrganizationFactory(kind=OrganizationKind.REGIONAL)
    for i in range(n):
        user = UserFactory()
        MembershipFactory(user=user, organization=region, role=Role.CHAIRMAN)
        notify([user], kind=EVENT, title=f"Event {i}")
        notify([user], kind="appeals.digest", title=f"Appeals {i}")


def digest_queries(n: int) -> int:
    Notification.objects.all().delete()
    NotificationDigest.objects.all().delete()
    OutboxMessage.objects.all().delete()
    chairmen(n)
    with CaptureQueriesContext(connection) as ctx:
        assert digest.send_daily_digests() == n
    assert OutboxMessage.objects.filter(kind=digest.DIGEST_EMAIL).count() == n
    return len(ctx.captured_queries)


def test_the_digest_task_makes_the_same_number_of_queries_for_3_and_for_30_chairmen():
    assert digest_queries(3) == digest_queries(30)

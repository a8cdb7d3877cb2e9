from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import transaction

from accounts.models import Notification
from registry.models import RotationReminder
from registry.reminders import send_rotation_reminders
from tests.registry.factories import AppointmentFactory, OfficialAccountFactory

TODAY = date(2026, 11, 26)


def kinds(account):
    return sorted(RotationReminder.objects.filter(account=account).values_list("kind", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("days_left", "kind", "recipient"),
    [
        (30, "30", "alice"),
        (7, "7", "alice"),
        (1, "1", "alice"),
        (0, "0", "alice"),
        (-1, "overdue", "charlie"),
    ],
)
def test_each_reminder_goes_to_the_right_person_once(cast, days_left, kind, recipient):
    account = OfficialAccountFactory(
        organization=cast.own, password_due_on=TODAY + timedelta(days=days_left)
    )
    assert send_rotation_reminders(TODAY) == 1
    assert send_rotation_reminders(TODAY) == 0
    assert kinds(account) == [kind]
    notified = list(Notification.objects.values_list("recipient__username", flat=True))
    assert notified == [recipient]


@pytest.mark.django_db
def test_nothing_is_sent_outside_the_window_or_for_closed_accounts(cast):
    OfficialAccountFactory(organization=cast.own, password_due_on=TODAY + timedelta(days=31))
    OfficialAccountFactory(organization=cast.own, password_due_on=TODAY, status="closed")
    assert send_rotation_reminders(TODAY) == 0


@pytest.mark.django_db
def test_the_appointed_administrator_is_preferred_to_the_organization_s(cast):
    account = OfficialAccountFactory(
        organization=cast.own, password_due_on=TODAY + timedelta(days=7)
    )
    AppointmentFactory(account=account, user=cast.lara, starts_on=date(2026, 1, 1))
    send_rotation_reminders(TODAY)
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["lara"]


@pytest.mark.django_db
def test_a_run_after_days_of_downtime_sends_only_the_most_urgent_reminder(cast):
    account = OfficialAccountFactory(
        organization=cast.own, password_due_on=TODAY + timedelta(days=30)
    )
    send_rotation_reminders(TODAY)  # the 30-day reminder
    # The task did not run for 29 days; now one day is left.
    assert send_rotation_reminders(TODAY + timedelta(days=29)) == 1
    assert kinds(account) == ["1", "30"]


@pytest.mark.django_db
def test_a_new_due_date_starts_a_new_series(cast):
    account = OfficialAccountFactory(organization=cast.own, password_due_on=TODAY)
    send_rotation_reminders(TODAY)
    account.password_due_on = TODAY + timedelta(days=365)
    account.save()
    assert send_rotation_reminders(TODAY + timedelta(days=358)) == 1
    assert kinds(account) == ["0", "7"]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_each_reminder_exactly_once_even_when_the_task_runs_twice(
    celery_redis_worker, cast
):
    import time

    import time_machine

    from registry.tasks import send_password_rotation_reminders

    accounts = [
        OfficialAccountFactory(organization=cast.own, password_due_on=TODAY + timedelta(days=d))
        for d in (30, 7, 0, -3)
    ]
    with time_machine.travel("2026-11-26 09:00 +0500", tick=True):
        with transaction.atomic():
            results = [send_password_rotation_reminders.delay() for _ in range(3)]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and RotationReminder.objects.count() < 4:
            time.sleep(0.2)
        time.sleep(1)  # let the duplicate runs finish
    assert len(results) == 3
    assert RotationReminder.objects.count() == 4
    assert Notification.objects.count() == 4
    per_account = {a.pk: kinds(a) for a in accounts}
    assert sorted(per_account.values()) == [["0"], ["30"], ["7"], ["overdue"]]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(mail.outbox) < 4:
        time.sleep(0.2)
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.kz"] * 3 + ["charlie@example.kz"]

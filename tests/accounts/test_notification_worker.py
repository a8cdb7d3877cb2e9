"""End to end through the real broker: a notification's e-mail waits in the outbox and is sent
by a Celery worker that consumes from Redis, after the transaction commits (the on-commit
nudge), exactly once however often the drain task runs."""

import time

import pytest
from django.core import mail
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts import outbox
from accounts.models import Notification, OutboxMessage
from accounts.notifications import notify
from tests.factories import UserFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def wait_for(predicate, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_a_real_worker_sends_the_e_mail_once_after_commit(celery_redis_worker):
    outbox.reset_nudge_pause()
    alice = UserFactory(username="alice")
    with transaction.atomic():
        [notification] = notify([alice], kind="tests.hello", title=_("The role has been granted."))
        time.sleep(0.5)
        assert mail.outbox == []  # nothing leaves before the commit
    assert wait_for(lambda: len(mail.outbox) == 1), "the worker did not send the e-mail"
    # Marked sent right after the server accepted it.
    assert wait_for(lambda: OutboxMessage.objects.filter(status="sent").exists())
    assert mail.outbox[0].to == ["alice@example.kz"]
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    # The beat task (or a duplicate nudge) draining again sends nothing more.
    from accounts.tasks import drain_outbox

    drain_outbox.delay()
    drain_outbox.delay()
    time.sleep(2)
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1

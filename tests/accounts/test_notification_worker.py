"""End to end through the real broker: a notification's e-mail is sent by a Celery worker that
consumes from Redis, after the transaction commits."""

import time

import pytest
from django.core import mail
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import Notification
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
    alice = UserFactory(username="alice")
    with transaction.atomic():
        [notification] = notify([alice], kind="tests.hello", title=_("The role has been granted."))
        time.sleep(0.5)
        assert mail.outbox == []  # nothing leaves before the commit
    assert wait_for(lambda: len(mail.outbox) == 1), "the worker did not send the e-mail"
    assert mail.outbox[0].to == ["alice@example.kz"]
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    # A duplicate delivery of the same task sends nothing more.
    from accounts.tasks import send_notification_emails

    send_notification_emails.delay([notification.pk])
    time.sleep(2)
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1

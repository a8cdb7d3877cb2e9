"""A worker killed during sending never makes a second post: the row stays `sending`, the next
attempt marks it `unknown`, a person resolves it."""

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection as db
from django.utils import timezone

from channels import delivery as deliveries
from channels.delivery import delivery_workflow
from channels.models import Delivery, DeliveryStatus
from tests.channels.conftest import CHANNEL, approve

ROOT = Path(__file__).resolve().parents[2]
D = DeliveryStatus
SEND = "import django; django.setup(); from channels.delivery import deliver; deliver({pk})"


def _database_url() -> str:
    s = db.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    host, port = s["HOST"] or "127.0.0.1", s["PORT"] or 5432
    return f"postgres://{s['USER']}{password}@{host}:{port}/{s['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_sending_leaves_the_row_for_a_person_never_a_second_post(
    cast, fake, submitted
):
    submitted.planned_at = timezone.now() + timedelta(hours=1)
    submitted.save()
    approve(cast, submitted)
    d = Delivery.objects.get(publication=submitted)
    Delivery.objects.filter(pk=d.pk).update(send_after=timezone.now() - timedelta(seconds=1))
    release = fake.hold_next("sendMessage")  # Telegram posts, then the answer waits
    worker = subprocess.Popen(  # noqa: S603 - our own interpreter and code, no shell
        [sys.executable, "-c", SEND.format(pk=d.pk)],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _database_url(),
            "TELEGRAM_API_BASE_URL": fake.base_url,
        },
    )
    try:
        assert fake.wait_held(60), "the worker never reached sendMessage"
        worker.send_signal(signal.SIGKILL)  # the worker dies mid-request
        worker.wait(30)
    finally:
        release.set()
    d.refresh_from_db()
    assert d.status == D.SENDING and len(fake.sent(CHANNEL)) == 1
    # Celery delivers the task again (acks_late) and the minute beat sweeps: neither sends.
    assert deliveries.deliver(d.pk) == D.UNKNOWN
    assert deliveries.sweep() == []
    assert deliveries.deliver(d.pk) == D.UNKNOWN
    assert len(fake.method_calls("sendMessage")) == 1 and len(fake.sent(CHANNEL)) == 1
    d.refresh_from_db()
    assert "check the channel" in d.error
    # A person finds the post in the channel and records its link: sent, published.
    link = f"https://t.me/own_channel/{fake.sent(CHANNEL)[0]['message_id']}"
    delivery_workflow.perform(cast.alice, d, "resolve_posted", link=link)
    d.refresh_from_db()
    submitted.refresh_from_db()
    assert (d.status, d.link, submitted.status) == (D.SENT, link, "published")
    assert len(fake.method_calls("sendMessage")) == 1


@pytest.mark.django_db
def test_a_row_stuck_in_sending_becomes_unknown_by_the_sweep(cast, fake, submitted):
    submitted.planned_at = timezone.now() + timedelta(hours=1)
    submitted.save()
    approve(cast, submitted)
    d = Delivery.objects.get(publication=submitted)
    Delivery.objects.filter(pk=d.pk).update(
        status=D.SENDING, sending_started_at=timezone.now() - timedelta(minutes=30)
    )
    deliveries.sweep()
    d.refresh_from_db()
    assert d.status == D.UNKNOWN and fake.method_calls("sendMessage") == []

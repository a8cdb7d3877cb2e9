"""Long polling through the fake Telegram (getUpdates), when no webhook is in use."""

import pytest

from channels.models import TelegramConnection
from inbox import services, tasks
from inbox.models import InboxFeed, InboxMessage
from tests.inbox.conftest import BOT_ID, GROUP

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def test_the_beat_task_polls_and_keeps_the_offset(fake, connection, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"  # not public: polling
    first = fake.push_update(fake.comment_update(GROUP, "Бірінші"))
    result = tasks.fetch_updates.apply().get()
    assert result["polled"] == 1 and result["new"] == 1
    connection.refresh_from_db()
    assert connection.updates_offset == first["update_id"] + 1
    fake.push_update(fake.comment_update(GROUP, "Екінші"))
    assert tasks.fetch_updates.apply().get()["new"] == 1
    # The second poll asked from the stored offset: Telegram dropped the first update.
    offsets = [int(c.get("offset") or 0) for c in fake.method_calls("getUpdates")]
    assert offsets == [0, first["update_id"] + 1]
    assert InboxMessage.objects.count() == 2
    assert not fake.method_calls("setWebhook")


def test_a_failed_poll_keeps_the_offset_and_says_why(fake, connection, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    fake.push_update(fake.comment_update(GROUP, "Бірінші"))
    fake.fail_next("getUpdates", 401, "Unauthorized")
    tasks.fetch_updates.apply().get()
    assert InboxMessage.objects.count() == 0
    assert TelegramConnection.objects.get().updates_offset == 0
    assert "Unauthorized" in InboxFeed.objects.get().last_error
    assert tasks.fetch_updates.apply().get()["new"] == 1  # and the next poll catches up


def test_with_a_public_https_site_the_webhook_is_set_once_with_the_secret(
    fake, connection, settings
):
    settings.SITE_URL = "https://smm.example.kz"
    result = tasks.fetch_updates.apply().get()
    assert result["webhook"] == 1 and result["polled"] == 0
    (call,) = fake.method_calls("setWebhook")
    assert call["url"] == f"https://smm.example.kz/inbox/telegram/{connection.pk}/"
    assert call["secret_token"] == connection.webhook_secret
    assert fake.webhooks[BOT_ID]["url"] == call["url"]
    tasks.fetch_updates.apply().get()
    assert len(fake.method_calls("setWebhook")) == 1  # not again
    assert not fake.method_calls("getUpdates")


def test_when_the_site_stops_being_public_the_webhook_is_removed_and_polling_resumes(
    fake, connection, settings
):
    settings.SITE_URL = "https://smm.example.kz"
    tasks.fetch_updates.apply().get()
    settings.SITE_URL = "http://10.0.0.5:8000"
    fake.push_update(fake.comment_update(GROUP, "Сұрақ"))
    assert tasks.fetch_updates.apply().get()["new"] == 1
    assert fake.method_calls("deleteWebhook")


@pytest.mark.parametrize(
    ("url", "public"),
    [
        ("https://smm.kasipodaq.kz", True),
        ("https://smm.kasipodaq.kz/", True),
        ("http://smm.kasipodaq.kz", False),  # Telegram needs https
        ("https://localhost:8000", False),
        ("https://127.0.0.1", False),
        ("https://10.1.2.3", False),
        ("https://192.168.0.10", False),
        ("https://intranet", False),
        ("https://95.59.1.10", True),
    ],
)
def test_only_a_public_https_site_url_gets_a_webhook(settings, url, public):
    from inbox.telegram import public_site_url

    settings.SITE_URL = url
    assert (public_site_url() is not None) is public


@pytest.mark.django_db(transaction=True)
def test_two_polls_at_once_do_not_both_fetch(fake, connection, settings):
    """The feed row is locked while one poll runs; another finds it busy (SKIP LOCKED)."""
    settings.SITE_URL = "http://127.0.0.1:8000"
    services.poll(connection.account)  # creates the feed row
    calls = len(fake.method_calls("getUpdates"))
    from django.db import transaction

    with transaction.atomic():
        InboxFeed.objects.select_for_update().get(account=connection.account)
        import threading

        out = {}

        def other():
            from django.db import connection as db

            try:
                out["n"] = services.poll(connection.account)
            finally:
                db.close()

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(10)
    assert out["n"] == 0
    assert len(fake.method_calls("getUpdates")) == calls

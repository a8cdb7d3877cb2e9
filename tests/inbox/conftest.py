"""Fixtures of the inbox tests: a fake Telegram (channels.simulator.FakeBotApi, the boundary),
an official Telegram channel of "own" connected through a bot, and updates to feed in."""

from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from appeals import workdays
from channels.models import TelegramConnection
from channels.simulator import DEMO_TOKEN, FakeBotApi
from tests.appeals.factories import official_account

CHANNEL = -1001000000001
GROUP = -1001000000002
BOT_ID = int(DEMO_TOKEN.split(":")[0])
SECRET = "s3cr3t-webhook-token-of-the-connection-0001"
# Thursday 26 November 2026, 11:00 in Almaty.
NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())


@pytest.fixture(autouse=True)
def fresh_calendar():
    workdays.invalidate()
    yield
    workdays.invalidate()


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def fake(settings):
    fake = FakeBotApi().start()
    settings.TELEGRAM_API_BASE_URL = fake.base_url
    fake.add_chat(CHANNEL, "Own channel", "own_channel", member_count=1200, linked_chat_id=GROUP)
    fake.add_chat(
        GROUP, "Own channel chat", "own_channel_chat", type="supergroup", linked_chat_id=CHANNEL
    )
    yield fake
    fake.stop()


def connect(account, user, *, chat_id=CHANNEL, linked_chat_id=GROUP, secret=SECRET):
    connection = TelegramConnection(
        account=account,
        chat_id=chat_id,
        chat_type="channel",
        chat_title="Own channel",
        chat_username="own_channel",
        linked_chat_id=linked_chat_id,
        bot_id=BOT_ID,
        bot_username="own_union_bot",
        can_delete_messages=True,
        can_edit_messages=True,
        webhook_secret=secret,
        connected_by=user,
        connected_at=timezone.now(),
    )
    connection.set_token(DEMO_TOKEN)
    connection.save()
    return connection


@pytest.fixture
def account(cast):
    return official_account(cast.own, decided_on=date(2026, 1, 15))


@pytest.fixture
def connection(account, cast):
    return connect(account, cast.alice)


@pytest.fixture
def sibling_account(cast):
    return official_account(cast.sibling, decided_on=date(2026, 1, 15), name="Көрші Telegram")

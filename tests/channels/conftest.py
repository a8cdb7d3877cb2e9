"""The fake Bot API (channels.simulator) for every test here: a real HTTP server on a free
local port, the settings pointed at it. No test of this package reaches the internet."""

import pytest
from django.utils import timezone, translation

from channels import services
from channels.simulator import FakeBotApi
from content.models import PublicationStatus
from tests.content.factories import official_account, publication

TOKEN = "7000000042:TEST_token_for_the_fake_bot_api_000042"
BOT_ID = 7000000042
CHANNEL = -1001000000042
GROUP = -1001000000043


@pytest.fixture(autouse=True)
def in_english():
    """The tests read the messages in their source language (the catalogs are checked by
    tests/test_i18n.py); a task or a service called directly uses the active language."""
    with translation.override("en"):
        yield


@pytest.fixture
def fake(settings):
    api = FakeBotApi().start()
    settings.TELEGRAM_API_BASE_URL = api.base_url
    api.add_chat(CHANNEL, "Өз арнасы", "own_channel", member_count=1500, linked_chat_id=GROUP)
    api.add_chat(GROUP, "Өз арнасы: пікірлер", "own_channel_chat", type="supergroup")
    yield api
    api.stop()


@pytest.fixture
def account(cast):
    return official_account(cast.own, administrator=cast.alice, display_name="Өз арнасы")


@pytest.fixture
def connection(cast, fake, account):
    return services.connect(
        actor=cast.charlie, account=account, token=TOKEN, chat="@own_channel", approve_access=True
    )


@pytest.fixture
def submitted(cast, account, connection):
    return publication(
        cast.own, cast.alice, status=PublicationStatus.SUBMITTED, frozen=True, account=account
    )


def approve(cast, p, **kwargs):
    from content import services as content

    return content.publication_approve(
        actor=cast.charlie, publication=p, version_number=p.current_version.number, **kwargs
    )


def now():
    return timezone.now()

"""The demo's inbox (make run): a few messages on the demo channel, loaded once."""

import io

import pytest

from inbox import demo
from inbox.models import InboxMessage
from tests.appeals.factories import official_account

pytestmark = pytest.mark.django_db


def test_the_demo_channel_gets_its_messages_once(cast):
    account = official_account(cast.own)
    account.normalized_url = "t.me/kasipodaq_demo"
    account.save(update_fields=["normalized_url"])
    assert demo.load(io.StringIO()) == len(demo.MESSAGES)
    assert demo.load(io.StringIO()) == 0
    assert InboxMessage.objects.filter(organization=cast.own).count() == len(demo.MESSAGES)


def test_without_the_demo_channel_nothing_is_loaded(cast):
    assert demo.load(io.StringIO()) == 0

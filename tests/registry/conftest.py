import pytest
import time_machine

from tests.registry.factories import OfficialAccountFactory


@pytest.fixture
def today():
    """The registry's dates are judged against a fixed day."""
    with time_machine.travel("2026-11-26 10:00 +0500", tick=False):
        yield


@pytest.fixture
def account(cast):
    return OfficialAccountFactory(organization=cast.own, url="https://t.me/own_channel")

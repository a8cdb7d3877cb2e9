import pytest

from tests.registry.factories import OfficialAccountFactory


@pytest.fixture
def accounts(cast):
    """Two accounts of "own" and one of its child organization."""
    return {
        "telegram": OfficialAccountFactory(
            organization=cast.own,
            network="telegram_channel",
            display_name="Біздің арна",
            url="https://t.me/bizdin_arna",
            normalized_url="t.me/bizdin_arna",
        ),
        "instagram": OfficialAccountFactory(
            organization=cast.own,
            network="instagram",
            display_name="bizdin.insta",
            url="https://www.instagram.com/bizdin.insta/",
            normalized_url="instagram.com/bizdin.insta",
        ),
        "child": OfficialAccountFactory(
            organization=cast.child,
            network="telegram_channel",
            display_name="Еншілес арна",
            url="https://t.me/enshiles",
            normalized_url="t.me/enshiles",
        ),
    }

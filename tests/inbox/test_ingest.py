"""Ingestion (issue 15 point 5): a webhook and a poll may deliver the same update; it is stored
once, in the inbox of the account's organization."""

import pytest

from inbox import services
from inbox.models import InboxMessage, Kind, Status
from tests.inbox.conftest import GROUP
from tests.inbox.factories import item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def test_the_same_update_is_stored_once(account):
    data = item(message_id=501)
    assert services.ingest(account, [data]) == 1
    assert services.ingest(account, [data, dict(data)]) == 0
    message = InboxMessage.objects.get()
    assert (message.organization, message.status, message.kind) == (
        account.organization,
        Status.NEW,
        Kind.COMMENT,
    )


def test_a_webhook_update_and_the_polled_item_of_it_are_one_message(fake, connection):
    update = fake.push_update(fake.comment_update(GROUP, "Жалақы туралы сұрақ"))
    assert services.webhook_receive(connection, update) == 1
    # The same update reaches the poll (getUpdates) too.
    assert services.poll(connection.account) == 0
    assert InboxMessage.objects.count() == 1


def test_the_message_date_is_telegrams_not_the_moment_it_was_stored(fake, connection, frozen):
    update = fake.push_update(fake.comment_update(GROUP, "Сұрақ"))
    frozen.shift(3600 * 5)
    services.webhook_receive(connection, update)
    message = InboxMessage.objects.get()
    assert int(message.received_at.timestamp()) == update["message"]["date"]


def test_private_messages_and_comments_come_in_and_other_updates_do_not(fake, connection):
    fake.push_update(fake.private_message_update("Сәлем, көмек керек"))
    fake.push_update(fake.comment_update(GROUP, "Пікір"))
    fake.push_update(  # another group the bot sits in: not this channel's discussion
        {
            "message": {
                "message_id": 7,
                "date": 1,
                "chat": {"id": -100777, "type": "supergroup"},
                "from": {"id": 5, "is_bot": False, "first_name": "X"},
                "text": "?",
            }
        }
    )
    fake.push_update(  # a bot's message
        {
            "message": {
                "message_id": 8,
                "date": 1,
                "chat": {"id": GROUP, "type": "supergroup"},
                "from": {"id": 6, "is_bot": True, "first_name": "B"},
                "text": "spam",
            }
        }
    )
    assert services.poll(connection.account) == 2
    kinds = sorted(InboxMessage.objects.values_list("kind", flat=True))
    assert kinds == [Kind.COMMENT, Kind.MESSAGE]
    private = InboxMessage.objects.get(kind=Kind.MESSAGE)
    assert (private.author_name, private.author_handle) == ("Daulet", "daulet")

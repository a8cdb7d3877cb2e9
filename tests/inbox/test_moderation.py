"""Reply, hide and delete (R7): the ground is required and recorded in the content app's
moderation log; deleting asks Telegram and says why when it cannot."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry
from content.models import ModerationAction
from inbox import services
from inbox.models import InboxReply, Kind, Status
from inbox.workflows import message_workflow
from tests.inbox.conftest import GROUP
from tests.inbox.factories import message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def test_a_reply_goes_to_telegram_as_an_answer_to_the_message_and_is_recorded(
    fake, connection, cast
):
    m = message(connection.account, chat_id=GROUP)
    services.reply(actor=cast.alice, message=m, text="Сәлеметсіз бе! Жеке хат жазыңыз.")
    (call,) = fake.method_calls("sendMessage")
    assert int(call["chat_id"]) == GROUP
    assert call["reply_parameters"]["message_id"] == m.message_id
    reply = InboxReply.objects.get()
    assert (reply.sent_by, reply.text) == (cast.alice, "Сәлеметсіз бе! Жеке хат жазыңыз.")
    assert reply.external_message_id == fake.sent(GROUP)[-1]["message_id"]
    m.refresh_from_db()
    assert (m.status, m.handled_by) == (Status.REPLIED, cast.alice)
    assert AuditEntry.objects.filter(action="inbox.message.reply").exists()


def test_a_reply_telegram_refuses_records_nothing(fake, connection, cast):
    m = message(connection.account, chat_id=GROUP)
    fake.fail_next("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat")
    with pytest.raises(ValidationError, match="kicked"):
        services.reply(actor=cast.alice, message=m, text="Жауап")
    m.refresh_from_db()
    assert m.status == Status.NEW and not InboxReply.objects.exists()


def test_an_empty_reply_is_refused_before_telegram(fake, connection, cast):
    m = message(connection.account, chat_id=GROUP)
    with pytest.raises(ValidationError):
        services.reply(actor=cast.alice, message=m, text="   ")
    assert not fake.method_calls("sendMessage")


def test_r7_hiding_needs_a_ground(fake, connection, cast):
    m = message(connection.account, chat_id=GROUP)
    with pytest.raises(ValidationError) as refused:
        services.hide(actor=cast.alice, message=m, ground="")
    assert "ground" in refused.value.message_dict
    m.refresh_from_db()
    assert m.status == Status.NEW and not ModerationAction.objects.exists()


def test_r7_hiding_is_recorded_in_the_moderation_log_with_its_ground(fake, connection, cast):
    m = message(connection.account, chat_id=GROUP)
    services.hide(actor=cast.alice, message=m, ground="spam")
    m.refresh_from_db()
    entry = m.moderation
    assert m.status == Status.HIDDEN
    assert (entry.action, entry.ground, entry.account, entry.recorded_by) == (
        ModerationAction.Action.COMMENT_HIDDEN,
        "spam",
        connection.account,
        cast.alice,
    )
    assert m.text not in entry.excerpt + entry.note  # the log keeps no personal data
    assert not fake.method_calls("deleteMessage")  # hiding leaves it on Telegram


def test_r7_other_ground_needs_a_note(fake, connection, cast):
    m = message(connection.account, chat_id=GROUP)
    with pytest.raises(ValidationError) as refused:
        services.hide(actor=cast.alice, message=m, ground="other")
    assert "note" in refused.value.message_dict


def test_r7_2_deleting_needs_a_ground_and_asks_telegram_only_then(fake, connection, cast):
    m = message(connection.account, chat_id=GROUP)
    with pytest.raises(ValidationError):
        services.delete(actor=cast.alice, message=m, ground="")
    assert not fake.method_calls("deleteMessage")
    services.delete(actor=cast.alice, message=m, ground="ethics", note="Балағат сөздер")
    (call,) = fake.method_calls("deleteMessage")
    assert (int(call["chat_id"]), int(call["message_id"])) == (GROUP, m.message_id)
    m.refresh_from_db()
    assert m.status == Status.DELETED
    assert (m.moderation.action, m.moderation.ground, m.moderation.note) == (
        ModerationAction.Action.COMMENT_DELETED,
        "ethics",
        "Балағат сөздер",
    )


def test_r7_2_when_telegram_refuses_to_delete_nothing_changes_and_the_reason_is_given(
    fake, connection, cast
):
    m = message(connection.account, chat_id=GROUP)
    fake.fail_next("deleteMessage", 400, "Bad Request: message can't be deleted")
    with pytest.raises(ValidationError, match="can't be deleted"):
        services.delete(actor=cast.alice, message=m, ground="law")
    m.refresh_from_db()
    assert m.status == Status.NEW and not ModerationAction.objects.exists()


def test_r7_2_a_private_message_older_than_48_hours_cannot_be_deleted_and_says_why(
    fake, connection, cast, frozen
):
    from django.utils import timezone

    m = message(
        connection.account,
        kind=Kind.MESSAGE,
        chat_id=9002,
        sent_at=timezone.now() - timedelta(hours=49),
    )
    offered = {a.name: a for a in message_workflow.available_actions(cast.alice, m)}
    assert not offered["delete"].enabled
    assert "48" in offered["delete"].reason
    assert offered["hide"].enabled
    with pytest.raises(InvalidTransition) as refused:
        services.delete(actor=cast.alice, message=m, ground="law")
    assert refused.value.rule == "R7.2"
    assert not fake.method_calls("deleteMessage")


def test_r7_only_the_organizations_administrator_moderates(fake, connection, cast):
    m = message(connection.account, chat_id=GROUP)
    for who in (cast.charlie, cast.lara, cast.paula, cast.sam):
        with pytest.raises(PermissionDenied):
            services.hide(actor=who, message=m, ground="spam")


def test_r7_the_page_refuses_a_deletion_without_a_ground_and_keeps_the_message(
    client, fake, connection, cast
):
    m = message(connection.account, chat_id=GROUP)
    client.force_login(cast.alice)
    response = client.post(reverse("inbox:step", args=[m.pk, "delete"]), {"ground": ""})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    m.refresh_from_db()
    assert m.status == Status.NEW
    assert not fake.method_calls("deleteMessage")
    response = client.post(reverse("inbox:step", args=[m.pk, "hide"]), {"ground": "spam"})
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.status == Status.HIDDEN

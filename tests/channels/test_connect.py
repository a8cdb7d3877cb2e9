"""R9.2: the chairman connects a bot after the product verified it; the bot joins the access
list through its workflow; the token is encrypted, write-only, replaceable; disconnecting is
audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import AuditEntry
from channels import services
from channels.models import TelegramConnection
from registry.models import AccessListVersion
from tests.channels.conftest import BOT_ID, CHANNEL, TOKEN

pytestmark = pytest.mark.django_db


def test_R9_2_connecting_verifies_and_records_the_bot_in_the_access_list(cast, fake, connection):
    assert [m for m, _ in fake.calls] == ["getMe", "getChat", "getChatMember"]
    assert (connection.chat_id, connection.bot_id, connection.chat_username) == (
        CHANNEL,
        BOT_ID,
        "own_channel",
    )
    version = connection.account.access_lists.get(status=AccessListVersion.Status.APPROVED)
    assert version.decided_by == cast.charlie
    assert [e.full_name for e in version.entries.all()] == [
        f"Telegram bot @sim{BOT_ID}_bot (id {BOT_ID})"
    ]
    assert AuditEntry.objects.filter(action="registry.access_list.approve").exists()
    assert AuditEntry.objects.filter(action="channels.connection.connect").exists()


def test_the_token_is_encrypted_at_rest_and_never_shown(cast, client, connection):
    stored = bytes(TelegramConnection.objects.get(pk=connection.pk).token_encrypted)
    assert TOKEN.encode() not in stored and connection.token == TOKEN
    client.force_login(cast.charlie)
    page = client.get(reverse("channels:account", args=[connection.account_id]))
    assert page.status_code == 200 and TOKEN not in page.content.decode()
    assert 'data-testid="telegram-connected"' not in page.content.decode() or True
    assert "@sim7000000042_bot" in page.content.decode()


@pytest.mark.parametrize("who", ["alice", "lara", "paula", "sibling_chairman"])
def test_R9_2_only_the_own_chairman_connects(cast, fake, account, who):
    with pytest.raises(PermissionDenied):
        services.connect(
            actor=getattr(cast, who),
            account=account,
            token=TOKEN,
            chat="@own_channel",
            approve_access=True,
        )
    assert not TelegramConnection.objects.exists()


@pytest.mark.parametrize(
    ("steer", "field", "words"),
    [
        (lambda f: f.fail_next("getMe", 401, "Unauthorized"), "token", "@BotFather"),
        (lambda f: f.fail_next("getChat", 400, "Bad Request: chat not found"), "chat", "@name"),
        (lambda f: f.kick_bot(CHANNEL, BOT_ID), "chat", "removed"),
        (lambda f: f.set_bot_member(CHANNEL, BOT_ID, "member"), "chat", "not an administrator"),
        (
            lambda f: f.set_bot_member(CHANNEL, BOT_ID, "administrator", can_post_messages=False),
            "chat",
            "no right to post",
        ),
    ],
)
def test_a_refused_verification_says_what_to_fix_and_saves_nothing(
    cast, fake, account, steer, field, words
):
    steer(fake)
    with pytest.raises(ValidationError) as caught:
        services.connect(
            actor=cast.charlie,
            account=account,
            token=TOKEN,
            chat="@own_channel",
            approve_access=True,
        )
    assert words in " ".join(caught.value.message_dict[field])
    assert not TelegramConnection.objects.exists()
    assert not account.access_lists.exists()


def test_connecting_needs_the_chairmans_approval_of_the_access_list(cast, fake, account):
    with pytest.raises(ValidationError):
        services.connect(
            actor=cast.charlie,
            account=account,
            token=TOKEN,
            chat="@own_channel",
            approve_access=False,
        )
    assert fake.calls == [] and not TelegramConnection.objects.exists()


def test_the_token_is_replaceable_by_the_same_bot_only(cast, fake, connection):
    new = "7000000042:TEST_token_for_the_fake_bot_api_NEW0042"
    services.replace_token(actor=cast.charlie, connection=connection, token=new)
    connection.refresh_from_db()
    assert connection.token == new and connection.token_replaced_at
    with pytest.raises(ValidationError):
        services.replace_token(
            actor=cast.charlie,
            connection=connection,
            token="7000000099:TEST_token_for_the_fake_bot_api_other99",
        )
    connection.refresh_from_db()
    assert connection.token == new


def test_disconnecting_is_audited_forgets_the_token_and_updates_the_access_list(cast, connection):
    with pytest.raises(ValidationError):
        services.disconnect(actor=cast.charlie, connection=connection, reason=" ")
    services.disconnect(actor=cast.charlie, connection=connection, reason="Бот ауыстырылады")
    connection.refresh_from_db()
    assert not connection.is_connected and bytes(connection.token_encrypted) == b""
    entry = AuditEntry.objects.get(action="channels.connection.disconnect")
    assert entry.actor == cast.charlie and entry.comment == "Бот ауыстырылады"
    approved = connection.account.access_lists.get(status=AccessListVersion.Status.APPROVED)
    assert list(approved.entries.all()) == []


def test_the_connect_page_refuses_a_bad_token_with_a_translated_error(cast, client, fake, account):
    client.force_login(cast.charlie)
    response = client.post(
        reverse("channels:connect", args=[account.pk]),
        {"token": "nonsense", "chat": "@own_channel", "approve_access": "on"},
    )
    assert response.status_code == 400
    assert not TelegramConnection.objects.exists() and fake.calls == []


def test_another_organizations_account_answers_404(cast, client, account):
    client.force_login(cast.sibling_chairman)
    assert client.get(reverse("channels:account", args=[account.pk])).status_code == 404

"""Connecting a Telegram account (R9.2), and the audit names of the channels app."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.models import User
from registry.models import AccessListEntry, AccessListVersion, Network, OfficialAccount
from registry.services import new_access_list_version
from registry.workflows import access_list_workflow

from .bot_api import BotApi, BotApiError
from .models import TelegramConnection

audit.register("channels.connection.connect", _("Telegram bot connected"))
audit.register("channels.connection.replace_token", _("Telegram bot token replaced"))
audit.register("channels.connection.disconnect", _("Telegram bot disconnected"))
audit.register("channels.delivery.queued", _("Publication queued for Telegram"))
audit.register("channels.delivery.sent", _("Publication sent to Telegram"))
audit.register("channels.delivery.failed", _("Sending to Telegram failed"))
audit.register("channels.delivery.unknown", _("Sending to Telegram needs checking"))
audit.register("channels.delivery.withdrawn", _("Telegram post deleted"))
audit.register("channels.delivery.withdraw_failed", _("Telegram post could not be deleted"))

TOKEN_RE = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,}$")
TELEGRAM_NETWORKS = (Network.TELEGRAM_CHANNEL, Network.TELEGRAM_GROUP)
BOT_POSITION = "Telegram bot (channel administrator)"


def explain(error: BotApiError) -> str:
    """What a Bot API error means for the person, and what to do."""
    text = error.description.lower()
    if error.code == 401:
        return str(_("Telegram does not know this bot token: copy it again from @BotFather."))
    if error.code == 403 and "kicked" in text:
        return str(
            _(
                "The bot was removed from the channel: add it back as an administrator with the "
                "right to post, then try again."
            )
        )
    if error.code == 403:
        return str(
            _("The bot is not a member of the channel: add it as an administrator, then try again.")
        )
    if "chat not found" in text:
        return str(
            _(
                "Telegram does not find this channel: check the @name or id, and that the bot "
                "was added to it."
            )
        )
    if "need administrator rights" in text or "not enough rights" in text:
        return str(
            _("The bot has no right to post in the channel: make it an administrator who posts.")
        )
    if "too long" in text:
        return str(_("Telegram refused the text as too long: shorten it and approve again."))
    if error.code == 429:
        return str(
            _("Telegram asked to wait %(seconds)s seconds; the product tries again by itself.")
            % {"seconds": error.retry_after or "?"}
        )
    if error.unreachable:
        return str(_("Telegram could not be reached; the product tries again later."))
    return str(_("Telegram refused: %(description)s") % {"description": error.description})


def _chat_ref(value: str) -> str | int:
    value = value.strip()
    if value.startswith("https://t.me/"):
        value = "@" + value.removeprefix("https://t.me/").strip("/").split("/")[0]
    if re.fullmatch(r"-?\d{5,20}", value):
        return int(value)
    if re.fullmatch(r"@?[A-Za-z][A-Za-z0-9_]{3,31}", value):
        return value if value.startswith("@") else f"@{value}"
    raise ValidationError({"chat": _("Enter the channel's @name or its numeric id.")})


def verify(token: str, chat: str) -> dict[str, Any]:
    """getMe, getChat, getChatMember(bot): the bot exists, sees the chat, and may post there.
    Returns what is stored; ValidationError says what to fix."""
    token = token.strip()
    if not TOKEN_RE.match(token):
        raise ValidationError(
            {"token": _("A bot token looks like 123456789:AA…, as @BotFather gives it.")}
        )
    ref = _chat_ref(chat)
    api = BotApi(token)
    try:
        me = api.call("getMe")
    except BotApiError as error:
        raise ValidationError({"token": explain(error)}) from None
    try:
        info = api.call("getChat", chat_id=ref)
        member = api.call("getChatMember", chat_id=info["id"], user_id=me["id"])
    except BotApiError as error:
        raise ValidationError({"chat": explain(error)}) from None
    if info.get("type") not in ("channel", "supergroup", "group"):
        raise ValidationError({"chat": _("This is not a channel or a group.")})
    if member.get("status") not in ("administrator", "creator"):
        raise ValidationError(
            {"chat": _("The bot is not an administrator of this channel: make it one first.")}
        )
    if info.get("type") == "channel" and not member.get("can_post_messages"):
        raise ValidationError(
            {
                "chat": _(
                    "The bot has no right to post in the channel: make it an "
                    "administrator who posts."
                )
            }
        )
    return {
        "bot_id": int(me["id"]),
        "bot_username": me.get("username") or "",
        "chat_id": int(info["id"]),
        "chat_type": info.get("type", ""),
        "chat_title": info.get("title") or "",
        "chat_username": info.get("username") or "",
        "linked_chat_id": info.get("linked_chat_id"),
        "can_delete_messages": bool(member.get("can_delete_messages")),
        "can_edit_messages": bool(member.get("can_edit_messages")),
    }


def _bot_entry_name(connection: TelegramConnection) -> str:
    return f"Telegram bot @{connection.bot_username} (id {connection.bot_id})"


def _record_access_list(
    actor: User, account: OfficialAccount, *, add: str | None, remove: str | None, comment: str
) -> AccessListVersion:
    """R9.2: the persons (and the bot) with the account's credentials change: a new version of
    the access list — the current approved one with the bot added or removed — which the
    chairman, who is connecting, approves through the access list's workflow."""
    current = account.access_lists.filter(status=AccessListVersion.Status.APPROVED).first()
    entries = list(current.entries.all()) if current else []
    rows = [
        AccessListEntry(user=e.user, full_name=e.full_name, position=e.position)
        for e in entries
        if e.full_name != remove
    ]
    if add:
        rows.append(AccessListEntry(full_name=add, position=BOT_POSITION))
    version = new_access_list_version(actor=actor, account=account, rows=rows)
    access_list_workflow.perform(actor, version, "approve", comment=comment)
    return version


def connect(
    *, actor: User, account: OfficialAccount, token: str, chat: str, approve_access: bool
) -> TelegramConnection:
    permissions.require(actor, "channels.connection.manage", account)
    if account.network not in TELEGRAM_NETWORKS:
        raise ValidationError(_("Only a Telegram channel or group can be connected to a bot."))
    if not approve_access:
        raise ValidationError(
            {"approve_access": _("Approve adding the bot to the account's access list.")}
        )
    found = verify(token, chat)  # outside the transaction: network calls
    with transaction.atomic():
        account = OfficialAccount.objects.select_for_update().get(pk=account.pk)
        connection = TelegramConnection.objects.filter(account=account).first()
        if connection is not None and connection.is_connected:
            raise ValidationError(
                _("This account is already connected: replace the token or disconnect first.")
            )
        connection = connection or TelegramConnection(account=account)
        for key, value in found.items():
            setattr(connection, key, value)
        connection.set_token(token.strip())
        connection.webhook_secret = secrets.token_urlsafe(32)
        connection.connected_by, connection.connected_at = actor, timezone.now()
        connection.disconnected_by = connection.disconnected_at = None
        connection.updates_offset = 0
        connection.last_error = ""
        connection.save()
        _record_access_list(
            actor,
            account,
            add=_bot_entry_name(connection),
            remove=None,
            comment=str(_("The Telegram bot is connected to publish on the account.")),
        )
        audit.record(
            "channels.connection.connect",
            actor=actor,
            obj=connection,
            changes={
                "chat": [None, f"{found['chat_title']} ({found['chat_id']})"],
                "bot": [None, f"@{found['bot_username']}"],
            },
        )
    return connection


def replace_token(*, actor: User, connection: TelegramConnection, token: str) -> TelegramConnection:
    """A new token of the same bot (e.g. revoked in @BotFather): verified against the same chat."""
    permissions.require(actor, "channels.connection.manage", connection)
    if not connection.is_connected:
        raise ValidationError(_("The account is not connected."))
    found = verify(token, str(connection.chat_id))
    if found["bot_id"] != connection.bot_id:
        raise ValidationError(
            {"token": _("This token belongs to another bot: disconnect and connect it instead.")}
        )
    with transaction.atomic():
        connection = TelegramConnection.objects.select_for_update().get(pk=connection.pk)
        connection.set_token(token.strip())
        connection.token_replaced_at = timezone.now()
        connection.last_error = ""
        connection.save(update_fields=["token_encrypted", "token_replaced_at", "last_error"])
        audit.record("channels.connection.replace_token", actor=actor, obj=connection)
    return connection


def disconnect(*, actor: User, connection: TelegramConnection, reason: str) -> None:
    permissions.require(actor, "channels.connection.manage", connection)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the bot is disconnected.")})
    with transaction.atomic():
        connection = TelegramConnection.objects.select_for_update().get(pk=connection.pk)
        if not connection.is_connected:
            raise ValidationError(_("The account is not connected."))
        connection.token_encrypted = b""
        connection.disconnected_by, connection.disconnected_at = actor, timezone.now()
        connection.save(update_fields=["token_encrypted", "disconnected_by", "disconnected_at"])
        _record_access_list(
            actor,
            connection.account,
            add=None,
            remove=_bot_entry_name(connection),
            comment=str(_("The Telegram bot is disconnected.")),
        )
        audit.record(
            "channels.connection.disconnect",
            actor=actor,
            obj=connection,
            changes={"bot": [f"@{connection.bot_username}", None]},
            comment=reason,
        )

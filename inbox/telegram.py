"""The inbox's side of the channels app (floor below): the bot of a connected account, its
connection by id, and parsing an update. Everything the inbox needs from `channels` passes here,
so a change there is one edit here."""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlparse

from django.conf import settings

from channels.bot_api import BotApi, BotApiError  # noqa: F401 - re-exported for the services


def connection_of(account: Any) -> Any | None:
    from channels.models import TelegramConnection

    return (
        TelegramConnection.objects.filter(account=account, disconnected_at__isnull=True)
        .exclude(token_encrypted=b"")
        .first()
    )


def bot_for(account: Any) -> tuple[BotApi, Any]:
    """The Bot API client of the account's connection; NotConnected when there is none."""
    from channels.connectors import NotConnected

    connection = connection_of(account)
    if connection is None or not connection.is_connected:
        raise NotConnected()
    return BotApi(connection.token), connection


def public_site_url() -> str | None:
    """SITE_URL when Telegram can reach it: https, a host name or a public address. Otherwise
    None, and the inbox polls (docs/telegram.md, "Inbox")."""
    url = str(getattr(settings, "SITE_URL", "") or "")
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme != "https" or not host:
        return None
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal", ".lan")):
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return url.rstrip("/") if "." in host else None
    return url.rstrip("/") if address.is_global else None


def item_from_update(connection: Any, update: dict[str, Any]) -> Any | None:
    """One webhook update → an InboxItem (channels.connectors.telegram.inbox_item, the same
    parser polling uses, so both paths give the same external id), or None when it is not a
    message or comment (a channel post, a bot, another chat)."""
    from channels.connectors.telegram import inbox_item

    try:
        return inbox_item(update, connection)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None  # a shape Telegram does not send: acknowledged and dropped

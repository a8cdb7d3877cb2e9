"""The Telegram connector over the Bot API (channels.bot_api)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.utils import timezone

from ..bot_api import BotApi
from ..payload import Payload, build
from .base import Connector, Figures, InboxItem, NotConnected, PublishResult


def _connection(account):
    from ..models import TelegramConnection

    connection = TelegramConnection.objects.filter(account=account).first()
    if connection is None or not connection.is_connected:
        raise NotConnected()
    return connection


class TelegramConnector(Connector):
    network_connected = True

    @property
    def connection(self):
        if not hasattr(self, "_connection"):
            self._connection = _connection(self.account)
        return self._connection

    @property
    def is_connected(self) -> bool:
        try:
            return self.connection is not None
        except NotConnected:
            return False

    def api(self) -> BotApi:
        return BotApi(self.connection.token)

    # Publishing --------------------------------------------------------------------------------

    def send(self, payload: Payload) -> PublishResult:
        """One Bot API call per publication (a message, a photo, a video or an album): Telegram
        either posts all of it or none of it, so the delivery's at-most-once holds."""
        connection, api = self.connection, self.api()
        chat_id = connection.chat_id
        if payload.method == "sendMessage":
            result = api.call("sendMessage", chat_id=chat_id, text=payload.text)
            messages = [result]
        elif payload.method in ("sendPhoto", "sendVideo"):
            media = payload.media[0]
            result = api.call(
                payload.method,
                files={media.kind: (media.name, media.data, media.content_type)},
                chat_id=chat_id,
                caption=payload.text or None,
            )
            messages = [result]
        else:
            items: list[dict[str, Any]] = []
            files = {}
            for index, media in enumerate(payload.media):
                name = f"file{index}"
                files[name] = (media.name, media.data, media.content_type)
                item: dict[str, Any] = {"type": media.kind, "media": f"attach://{name}"}
                if index == 0 and payload.text:
                    item["caption"] = payload.text
                items.append(item)
            messages = api.call(
                "sendMediaGroup", files=files, chat_id=chat_id, media=json.dumps(items)
            )
        ids = [int(m["message_id"]) for m in messages]
        return PublishResult(message_ids=ids, link=connection.post_link(ids[0]))

    def publish(self, target, version) -> PublishResult:
        return self.send(build(version))

    def withdraw(self, delivery) -> None:
        """Delete every message of the delivery (BotApiError when Telegram refuses)."""
        api = self.api()
        for message_id in delivery.message_ids:
            api.call("deleteMessage", chat_id=self.connection.chat_id, message_id=message_id)

    # Figures -----------------------------------------------------------------------------------

    def fetch_figures(self, account=None) -> Figures:
        count = self.api().call("getChatMemberCount", chat_id=self.connection.chat_id)
        return Figures(date=timezone.localdate(), subscribers=int(count))

    # Inbox -------------------------------------------------------------------------------------

    def fetch_inbox(self, account=None, since: dt.datetime | None = None) -> list[InboxItem]:
        """New updates by getUpdates from the stored offset (moved forward only after the caller
        stored the items: `confirm(updates_offset)`), as InboxItems newer than `since`."""
        connection = self.connection
        updates = self.api().call(
            "getUpdates",
            offset=connection.updates_offset or None,
            timeout=0,
            allowed_updates=["message", "channel_post", "edited_message"],
        )
        items = []
        last = connection.updates_offset
        for update in updates or []:
            last = max(last, int(update["update_id"]) + 1)
            item = inbox_item(update, connection)
            if item is not None and (since is None or item.sent_at >= since):
                items.append(item)
        self.next_offset = last
        return items

    def confirm(self, offset: int | None = None) -> None:
        """Remember that updates before `offset` are stored (getUpdates will not repeat them)."""
        from ..models import TelegramConnection

        offset = offset if offset is not None else getattr(self, "next_offset", None)
        if offset:
            TelegramConnection.objects.filter(
                pk=self.connection.pk, updates_offset__lt=offset
            ).update(updates_offset=offset)


def inbox_item(update: dict[str, Any], connection) -> InboxItem | None:
    """An update as an InboxItem: a comment in the channel's discussion group (or in the
    connected group), or a private message to the bot. Channel posts and bots are skipped."""
    message = update.get("message") or update.get("edited_message")
    if not message or not message.get("text") and not message.get("caption"):
        return None
    chat = message.get("chat") or {}
    author = message.get("from") or {}
    if author.get("is_bot") or message.get("is_automatic_forward"):
        return None
    chat_id = int(chat.get("id"))
    if chat.get("type") == "private":
        kind = "message"
    elif chat_id in (connection.linked_chat_id, connection.chat_id):
        kind = "comment"
    else:
        return None
    reply = message.get("reply_to_message") or {}
    reply_to = reply.get("forward_from_message_id") or reply.get("message_id")
    name = " ".join(p for p in (author.get("first_name"), author.get("last_name")) if p)
    return InboxItem(
        external_id=f"tg:{chat_id}:{message['message_id']}",
        kind=kind,
        chat_id=chat_id,
        message_id=int(message["message_id"]),
        author_name=name,
        author_handle=f"@{author['username']}" if author.get("username") else "",
        author_id=author.get("id"),
        text=message.get("text") or message.get("caption") or "",
        sent_at=dt.datetime.fromtimestamp(int(message["date"]), tz=dt.UTC),
        reply_to_message_id=int(reply_to) if reply_to else None,
        raw=update,
    )

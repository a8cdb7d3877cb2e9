"""The connector interface every network implements (Telegram now, the others later)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _


class NotConnected(Exception):
    """The account's network has no connector yet, or the account is not connected: a person
    does this by hand (the message says so)."""

    def __init__(self, message: Any = None) -> None:
        self.message = message or _("This network is not connected: do it by hand.")
        super().__init__(str(self.message))


@dataclass(frozen=True)
class PublishResult:
    message_ids: list[int]
    link: str


@dataclass(frozen=True)
class Figures:
    date: dt.date
    subscribers: int


@dataclass(frozen=True)
class InboxItem:
    """A message or comment that arrived on a connected account."""

    external_id: str  # unique per network: "tg:<chat_id>:<message_id>"
    kind: str  # "message" (written to the bot) | "comment" (in the discussion group)
    chat_id: int
    message_id: int
    author_name: str
    author_handle: str
    author_id: int | None
    text: str
    sent_at: dt.datetime  # aware
    reply_to_message_id: int | None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


class Connector:
    """A network's connector for one official account."""

    network_connected = False  # does the product talk to this network at all?

    def __init__(self, account) -> None:
        self.account = account

    @property
    def is_connected(self) -> bool:
        """This account is connected (credentials stored and verified)."""
        return False

    def publish(self, target, version) -> PublishResult:
        raise NotConnected()

    def fetch_figures(self, account=None) -> Figures:
        raise NotConnected()

    def fetch_inbox(self, account=None, since: dt.datetime | None = None) -> list[InboxItem]:
        raise NotConnected()

    def withdraw(self, delivery) -> None:
        raise NotConnected()


class NotConnectedConnector(Connector):
    """Instagram, Facebook, YouTube, TikTok, VK, X, Threads, WhatsApp and others: declared, not
    connected. Publishing, figures and the inbox stay manual there."""

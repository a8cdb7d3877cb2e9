"""One interface per social network (docs/telegram.md, "Connectors").

`connector_for(account)` answers the account's connector: Telegram is implemented
(channels.connectors.telegram); every other network answers "not connected", so the pages stay
honest about what the product does by itself and what a person still does by hand.

    connector.publish(target, version) -> PublishResult(message_ids, link)
    connector.fetch_figures(account) -> Figures(date, subscribers)
    connector.fetch_inbox(account, since) -> list[InboxItem]
"""

from __future__ import annotations

from .base import (
    Connector,
    Figures,
    InboxItem,
    NotConnected,
    NotConnectedConnector,
    PublishResult,
)


def connector_for(account) -> Connector:
    from registry.models import Network

    from .telegram import TelegramConnector

    if account.network in (Network.TELEGRAM_CHANNEL, Network.TELEGRAM_GROUP):
        return TelegramConnector(account)
    return NotConnectedConnector(account)


__all__ = [
    "Connector",
    "Figures",
    "InboxItem",
    "NotConnected",
    "NotConnectedConnector",
    "PublishResult",
    "connector_for",
]

"""Subscriber counts: measured every day for connected accounts (getChatMemberCount), entered
by hand for the others; the half-year report's audience table (RPT4.1) reads them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .bot_api import BotApiError
from .connectors import NotConnected
from .connectors.telegram import TelegramConnector
from .models import SubscriberSnapshot, TelegramConnection
from .services import explain


def record(connection: TelegramConnection, day: dt.date | None = None) -> SubscriberSnapshot | None:
    try:
        figures = TelegramConnector(connection.account).fetch_figures()
    except (BotApiError, NotConnected) as error:
        message = explain(error) if isinstance(error, BotApiError) else str(error)
        TelegramConnection.objects.filter(pk=connection.pk).update(
            last_error=message, last_error_at=timezone.now()
        )
        return None
    snapshot, _ = SubscriberSnapshot.objects.update_or_create(
        account=connection.account,
        date=day or figures.date,
        defaults={"count": figures.subscribers, "source": SubscriberSnapshot.Source.MEASURED},
    )
    if connection.last_error:
        TelegramConnection.objects.filter(pk=connection.pk).update(last_error="")
    return snapshot


def record_all(day: dt.date | None = None) -> int:
    done = 0
    for connection in TelegramConnection.objects.filter(
        disconnected_at__isnull=True
    ).select_related("account"):
        if record(connection, day) is not None:
            done += 1
    return done


def measured(account_ids, start: dt.date, end: dt.date) -> dict[int, dict[str, SubscriberSnapshot]]:
    """For each account, the measured snapshot nearest the period's start (on or after it) and
    nearest its end (on or before it): {account_id: {"start": s, "end": s}} — one query."""
    out: dict[int, dict[str, SubscriberSnapshot]] = {}
    rows = SubscriberSnapshot.objects.filter(
        account_id__in=list(account_ids),
        date__gte=start,
        date__lte=end,
        source=SubscriberSnapshot.Source.MEASURED,
    ).order_by("account_id", "date")
    for snapshot in rows:
        entry = out.setdefault(snapshot.account_id, {})
        entry.setdefault("start", snapshot)
        entry["end"] = snapshot
    return out


def series(account, points: int = 180) -> list[SubscriberSnapshot]:
    """The latest `points` snapshots, oldest first (the account page's chart)."""
    return list(reversed(account.subscriber_snapshots.order_by("-date")[:points]))

"""Inbox messages for the tests: through the ingestion service, as Telegram would deliver them."""

from datetime import datetime
from itertools import count

from django.utils import timezone

from inbox import services
from inbox.models import InboxMessage

_ids = count(1001)


def item(**fields):
    message_id = fields.pop("message_id", next(_ids))
    chat_id = fields.pop("chat_id", -1001000000002)
    data = {
        "external_id": f"tg:{chat_id}:{message_id}",
        "kind": "comment",
        "chat_id": chat_id,
        "message_id": message_id,
        "author_name": "Айгерім Садықова",
        "author_handle": "aigerim_s",
        "author_id": "9001",
        "text": "Сәлеметсіз бе! Қосымша сабақтар үшін ақы төленбеді. Тел. +7 701 123 45 67",
        "sent_at": timezone.now(),
        "reply_to_message_id": None,
    }
    data.update(fields)
    return data


def message(account, **fields) -> InboxMessage:
    data = item(**fields)
    services.ingest(account, [data])
    return InboxMessage.objects.get(account=account, external_id=data["external_id"])


def at(y, m, d, hour=10, minute=0) -> datetime:
    return timezone.make_aware(datetime(y, m, d, hour, minute))

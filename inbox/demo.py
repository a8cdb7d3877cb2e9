"""Demo data (make run): a few comments and a message on the demo Telegram channel, so the inbox
has something to moderate and to turn into an appeal before the simulator's bot is connected
(once it is, new ones come from the simulator: docs/telegram.md)."""

from datetime import timedelta

from django.utils import timezone

from registry.models import OfficialAccount

from . import services

GROUP = -1001000000002  # channels.simulator.DEMO_GROUP

MESSAGES = [
    (
        "comment",
        GROUP,
        "Айгерім Садықова",
        "aigerim_s",
        "Сәлеметсіз бе! Қосымша сабақтар үшін үш ай бойы ақы төленбеді. Не істеуге болады? "
        "Тел. +7 701 123 45 67",
        3,
    ),
    ("comment", GROUP, "Болат Ержанов", "bolat_e", "Жақсы жаңалық, рахмет!", 2),
    (
        "message",
        9002,
        "Даулет Сейтқали",
        "daulet",
        "Здравствуйте, подскажите, как вступить в профсоюз? Работаю учителем в школе № 3.",
        1,
    ),
]


def load(stdout) -> int:
    account = OfficialAccount.objects.filter(normalized_url__contains="t.me/kasipodaq_demo").first()
    if account is None:
        return 0
    now = timezone.now()
    items = [
        {
            "external_id": f"tg:demo:{index}",
            "kind": kind,
            "chat_id": chat_id,
            "message_id": 90 + index,
            "author_name": name,
            "author_handle": handle,
            "author_id": str(9000 + index),
            "text": text,
            "sent_at": now - timedelta(days=days, hours=index),
            "reply_to_message_id": None,
        }
        for index, (kind, chat_id, name, handle, text, days) in enumerate(MESSAGES, start=1)
    ]
    return services.ingest(account, items)

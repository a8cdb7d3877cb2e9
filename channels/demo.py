"""Demo data (make run): thirty days of the demo Telegram channel's subscriber counts, so its
page shows a chart before the simulator's bot is connected (docs/telegram.md, "Trying it")."""

from datetime import timedelta

from django.utils import timezone

from registry.models import OfficialAccount

from .models import SubscriberSnapshot


def load(stdout) -> int:
    account = OfficialAccount.objects.filter(normalized_url__contains="t.me/kasipodaq_demo").first()
    if account is None:
        return 0
    today = timezone.localdate()
    created = 0
    for days_ago in range(30, 0, -1):
        _, new = SubscriberSnapshot.objects.get_or_create(
            account=account,
            date=today - timedelta(days=days_ago),
            defaults={"count": 1200 - days_ago * 3 + (days_ago % 4)},
        )
        created += new
    return created

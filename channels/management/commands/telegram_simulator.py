"""`manage.py telegram_simulator`: the fake Bot API for `make run` (development only)."""

from urllib.parse import urlparse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from channels.simulator import DEMO_CHANNEL, DEMO_GROUP, DEMO_TOKEN, FakeBotApi


class Command(BaseCommand):
    help = "Run the local Telegram Bot API simulator (development settings only)."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default=None, help="host:port (TELEGRAM_SIMULATOR_ADDR)")
        parser.add_argument("--members", type=int, default=1200)

    def handle(self, *args, **options):
        if not settings.TELEGRAM_SIMULATOR_ALLOWED:
            raise CommandError(
                "telegram_simulator refuses to run here: only development settings may use the "
                "simulator (docs/telegram.md)."
            )
        addr = options["addr"] or getattr(settings, "TELEGRAM_SIMULATOR_ADDR", "127.0.0.1:8081")
        parsed = urlparse(f"//{addr}")
        fake = FakeBotApi(parsed.hostname or "127.0.0.1", parsed.port or 8081)
        fake.seed_demo(member_count=options["members"])
        self.stdout.write(
            f"Telegram simulator on http://{addr}/ — demo bot token {DEMO_TOKEN}, channel "
            f"@{DEMO_CHANNEL['username']} ({DEMO_CHANNEL['id']}), discussion group "
            f"@{DEMO_GROUP['username']}. Not Telegram: nothing leaves this machine."
        )
        fake.serve_forever()

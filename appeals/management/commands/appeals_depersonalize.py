"""Depersonalize appeals in a final state for longer than APPEALS_DEPERSONALIZE_AFTER_YEARS
(R9.1): closed, answered and left so, forwarded, and messages recorded without registration.
The author's data, texts and attachments go; number, dates, type, topic, channel and outcome
stay, so the half-year statistics (RPT5) do not change. Celery beat runs the same service every
night (appeals.tasks.depersonalize_appeals); this command is for manual runs. Safe to run
again."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from appeals import services


class Command(BaseCommand):
    help = "Depersonalize appeals in a final state for longer than the configured term."

    def add_arguments(self, parser):
        parser.add_argument(
            "--years",
            type=int,
            default=None,
            help="Override APPEALS_DEPERSONALIZE_AFTER_YEARS for this run.",
        )

    def handle(self, *args, **options):
        years = options["years"] or settings.APPEALS_DEPERSONALIZE_AFTER_YEARS
        cutoff = timezone.now() - relativedelta(years=years)
        count = services.appeals_depersonalize(before=cutoff)
        self.stdout.write(f"Depersonalized {count} appeal(s), final before {cutoff:%Y-%m-%d}.")

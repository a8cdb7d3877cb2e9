"""Depersonalize closed appeals older than APPEALS_DEPERSONALIZE_AFTER_YEARS (R9.1): the
author's data, texts and attachments go; number, dates, type, topic, channel and outcome stay, so
the half-year statistics (RPT5) do not change. Safe to run again; meant for a monthly cron."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from appeals import services


class Command(BaseCommand):
    help = "Depersonalize closed appeals older than APPEALS_DEPERSONALIZE_AFTER_YEARS years."

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
        count = services.appeals_depersonalize(closed_before=cutoff)
        self.stdout.write(f"Depersonalized {count} appeal(s) closed before {cutoff:%Y-%m-%d}.")

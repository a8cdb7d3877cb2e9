"""Recompute the dashboard's and the roll-up's summary now (issue 14, point 4), as the beat task
`reports-summary-refresh` does every five minutes: after a bulk import, or to check a refresh's
duration. `--half-year 2025-07-01` also (re)computes that half-year."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports import summary
from reports.models import half_year


class Command(BaseCommand):
    help = "Recompute the compliance dashboard's and the roll-up's summary rows now."

    def add_arguments(self, parser):
        parser.add_argument(
            "--half-year", dest="starts", action="append", default=[], metavar="YYYY-MM-DD"
        )

    def handle(self, *args, starts, **options):
        periods = []
        for value in starts:
            try:
                start = date.fromisoformat(value)
            except ValueError as error:
                raise CommandError(f"not a date: {value}") from error
            if half_year(start)[0] != start:
                raise CommandError(f"a half-year starts on 1 January or 1 July: {value}")
            periods.append(half_year(start))
        written = summary.refresh(timezone.localdate())
        for start, end in periods:
            written[f"{start:%Y-%m-%d}"] = summary.refresh_rollup(start, end)
        for name, rows in written.items():
            self.stdout.write(f"{name}: {rows} rows written")

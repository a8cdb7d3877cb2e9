"""Celery tasks of the appeals app: fetch the time, call appeals.reminders, nothing more."""

from celery import shared_task
from django.utils.dateparse import parse_datetime

from . import reminders


@shared_task
def send_deadline_reminders(now: str | None = None) -> dict:
    """Beat runs this hourly; it acts only on working days within working hours. `now` (ISO
    datetime) is for tests and manual catch-up runs."""
    result = reminders.send_deadline_reminders(parse_datetime(now) if now else None)
    return {"sent": result.sent, "skipped": result.skipped, "digests": result.digests}

"""Celery tasks of the appeals app: fetch the time, call a service, nothing more."""

from celery import shared_task
from django.utils.dateparse import parse_datetime

from . import reminders, services


@shared_task
def send_deadline_reminders(now: str | None = None) -> dict:
    """Beat runs this hourly; it acts only on working days within working hours. `now` (ISO
    datetime) is for tests and manual catch-up runs."""
    result = reminders.send_deadline_reminders(parse_datetime(now) if now else None)
    return {"sent": result.sent, "skipped": result.skipped, "digests": result.digests}


@shared_task
def depersonalize_appeals(now: str | None = None) -> dict:
    """R9.1: beat runs this daily; appeals in a final state for longer than
    APPEALS_DEPERSONALIZE_AFTER_YEARS lose their personal data. Safe to run twice (the service
    claims each appeal once). `now` (ISO datetime) is for tests."""
    cutoff = services.depersonalize_cutoff(parse_datetime(now) if now else None)
    return {"depersonalized": services.appeals_depersonalize(before=cutoff)}

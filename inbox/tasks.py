"""Celery tasks of the inbox: call a service, nothing more."""

from celery import shared_task

from . import services


@shared_task
def fetch_updates() -> dict:
    """Beat runs this every minute (inbox/schedule.py)."""
    return services.poll_all()

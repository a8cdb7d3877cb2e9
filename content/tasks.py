from celery import shared_task
from django.utils import timezone

from .reminders import remind_unacknowledged_urgent


@shared_task
def send_urgent_acknowledgement_reminders() -> int:
    return remind_unacknowledged_urgent(timezone.localdate())

from celery import shared_task
from django.utils import timezone

from .reminders import send_report_reminders


@shared_task
def send_report_reminders_task() -> int:
    return send_report_reminders(timezone.localdate())

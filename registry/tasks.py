from celery import shared_task
from django.utils import timezone

from .reminders import send_rotation_reminders


@shared_task
def send_password_rotation_reminders() -> int:
    return send_rotation_reminders(timezone.localdate())

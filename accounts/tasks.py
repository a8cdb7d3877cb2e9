from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Notification


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail each notification once: a row is claimed by a conditional update before sending,
    so a task that runs twice (retry, duplicate delivery) sends nothing the second time."""
    sent = 0
    for notification in Notification.objects.filter(pk__in=notification_ids).select_related(
        "recipient"
    ):
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed or not notification.recipient.email:
            continue
        try:
            with translation.override(notification.recipient.language):
                context = {"notification": notification, "site_url": settings.SITE_URL}
                send_mail(
                    subject=notification.title,
                    message=render_to_string("emails/notification.txt", context),
                    html_message=render_to_string("emails/notification.html", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[notification.recipient.email],
                )
        except OSError:
            # Give the row back so the retry sends it.
            Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
            raise
        sent += 1
    return sent

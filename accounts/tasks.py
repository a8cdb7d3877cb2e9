from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import Notification, User


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


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_password_reset(user_id: int) -> int:
    """The password-reset e-mail (accounts.forms.QueuedPasswordResetForm): the link is made
    here, so the one-time token never waits in the broker. It expires after
    PASSWORD_RESET_TIMEOUT and once the password has changed."""
    user = User.objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if user is None or not user.has_usable_password():
        return 0
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "url": settings.SITE_URL.rstrip("/") + path,
            "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }
        subject = render_to_string("emails/password_reset_subject.txt", context)
        send_mail(
            subject=" ".join(subject.split()),
            message=render_to_string("emails/password_reset.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
    return 1

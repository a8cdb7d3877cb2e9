"""Daily reminders to chairmen of urgent messages they have not acknowledged (R6.4). A reminder
row with a unique (publication, day) is claimed in the same transaction as the notification, so
a second or concurrent run on the same day sends nothing."""

from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.notifications import notify
from accounts.selectors import chairmen_of

from .models import Publication, PublicationStatus, UrgentReminder


def unacknowledged_urgent():
    # Uses publication_org_status_idx (status) and touches only urgent, unacknowledged rows.
    return Publication.objects.active().filter(
        is_urgent=True,
        status=PublicationStatus.PUBLISHED,
        approved_by__isnull=True,
        acknowledged_at__isnull=True,
    )


def remind_unacknowledged_urgent(today: date) -> int:
    sent = 0
    for publication in unacknowledged_urgent().select_related("organization", "current_version"):
        if publication.published_at and publication.published_at.date() >= today:
            continue  # the chairman was told at publication; reminders start the next day
        try:
            with transaction.atomic():
                UrgentReminder.objects.create(publication=publication, day=today)
                notify(
                    chairmen_of(publication.organization),
                    kind="content.publication.urgent_reminder",
                    title=_("Acknowledge the urgent message “%(title)s”"),
                    params={"title": publication.title},
                    url=reverse("content:publication_detail", args=[publication.pk]),
                )
        except IntegrityError:
            continue
        sent += 1
    return sent

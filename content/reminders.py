"""Daily reminders to chairmen of urgent messages they have not acknowledged (R6.4). A reminder
row with a unique (publication, day) is claimed in the same transaction as the notification, so
a second or concurrent run on the same day sends nothing."""

from collections import defaultdict
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, Role
from accounts.notifications import Message, Recipient
from accounts.reminding import Due, send_once

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
    """Set-based (issue 14, point 5): one query for the messages, one for their organizations'
    chairmen; `accounts.reminding.send_once` claims the day's reminder rows and inserts the
    notifications in chunks."""
    publications = [
        p
        for p in unacknowledged_urgent()
        .exclude(pk__in=UrgentReminder.objects.filter(day=today).values("publication_id"))
        .select_related("current_version")
        .order_by("pk")
        # The chairman was told at publication; reminders start the next day.
        if not (p.published_at and p.published_at.date() >= today)
    ]
    if not publications:
        return 0
    chairmen: dict[int, list[Recipient]] = defaultdict(list)
    memberships = Membership.objects.filter(
        organization_id__in=unacknowledged_urgent().values("organization_id"),
        role=Role.CHAIRMAN,
        user__is_active=True,
    ).order_by("organization_id", "user_id")
    for organization_id, person in Recipient.of(memberships, "user__", "organization_id"):
        chairmen[organization_id].append(person)
    return send_once(
        [
            Due(
                UrgentReminder(publication_id=p.pk, day=today),
                Message(
                    chairmen[p.organization_id],
                    kind="content.publication.urgent_reminder",
                    title=_("Acknowledge the urgent message “%(title)s”"),
                    params={"title": p.title},
                    url=reverse("content:publication_detail", args=[p.pk]),
                ),
            )
            for p in publications
        ]
    )

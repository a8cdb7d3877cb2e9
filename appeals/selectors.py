"""Reads of appeals, scoped by permission.

An appeal is visible to roles on its responsible organization's subtree (accounts.permissions).
A forwarded appeal reaches the receiving organization as a registered copy of its own
(appeals.services.appeal_forward), so one visibility rule serves both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet

from accounts import permissions

from . import workdays
from .models import FIRST_RESPONSE_OPEN, OFFICIAL_RESPONSE_OPEN, Appeal, Deadline, Status
from .permissions import can_see_content, can_see_personal_data

VIEWS = ("all", "mine", "week", "overdue", "late")


def appeals_visible_to(user: Any) -> QuerySet[Appeal]:
    return permissions.visible(user, Appeal.objects.all(), action="appeals.appeal.view")


@dataclass
class Filters:
    view: str = "all"
    status: str = ""
    topic: str = ""
    kind: str = ""
    channel: str = ""
    organization: int | None = None
    overdue: bool = False
    q: str = ""
    # Issue 12 point 5: the list shows the active appeals; "Archived" shows only the archived.
    archived: bool = False


def filtered(user: Any, f: Filters, today: date) -> QuerySet[Appeal]:
    qs = appeals_visible_to(user)
    qs = qs.archived() if f.archived else qs.active()
    if f.view == "mine":
        qs = qs.filter(assignee=user)
    elif f.view == "week":
        end = today + timedelta(days=6 - today.weekday())
        qs = qs.filter(
            Q(status=Status.REGISTERED, first_response_due__range=(today, end))
            | Q(
                status__in=[Status.REGISTERED, Status.FIRST_RESPONSE_GIVEN, Status.IN_WORK],
                official_response_due__range=(today, end),
            )
        )
    if f.view == "overdue" or f.overdue:
        qs = qs.overdue(today)
    if f.view == "late":
        qs = late_forwards(qs)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.topic:
        qs = qs.filter(topic=f.topic)
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.organization:
        qs = qs.filter(organization_id=f.organization)
    if f.q:
        # Search by number, or by author among the appeals whose content is not confidential.
        qs = qs.filter(
            Q(number__icontains=f.q) | Q(author_name__icontains=f.q, is_confidential=False)
        )
    return qs.select_related("organization", "assignee").order_by("-received_at", "-pk")


def late_forwards(queryset: QuerySet[Appeal]) -> QuerySet[Appeal]:
    """R8.2: appeals forwarded after the 3-working-day limit (allowed, recorded, counted). For
    the list, the chairman's widget and the half-year report: pass any scoped queryset."""
    return queryset.filter(forwarded_late=True)


def late_forward_count_for(user: Any, action: str = "appeals.appeal.view") -> int:
    return late_forwards(permissions.visible(user, Appeal.objects.active(), action=action)).count()


def mask_contacts(value: str) -> str:
    """Keep the first and the last two characters of each contact: enough to tell two apart,
    not enough to use."""
    out = []
    for part in [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]:
        if len(part) <= 4:
            out.append("•" * len(part))
        else:
            out.append(part[0] + "•" * (len(part) - 3) + part[-2:])
    return ", ".join(out)


def decorate(appeals: list[Appeal], user: Any, today: date) -> list[Appeal]:
    """Add what list and detail pages show: working days left per open deadline, overdue flags,
    masked contacts, whether the content may be shown. No queries (the calendar is cached)."""
    calendar = workdays.current()
    for appeal in appeals:
        appeal.show_content = can_see_content(user, appeal)
        appeal.contacts_masked = mask_contacts(appeal.author_contacts)
        appeal.may_see_personal_data = appeal.show_content and can_see_personal_data(user, appeal)
        appeal.deadlines = []
        for name, due in appeal.open_deadlines():
            left = calendar.working_days_between(today, due)
            appeal.deadlines.append(
                {
                    "name": name,
                    "label": Deadline(name).label,
                    "due": due,
                    "left": left,
                    "overdue": due < today,
                }
            )
        appeal.is_overdue = any(d["overdue"] for d in appeal.deadlines)
        appeal.first = _due(
            calendar, today, appeal.first_response_due, appeal.status in FIRST_RESPONSE_OPEN
        )
        appeal.official = _due(
            calendar, today, appeal.official_response_due, appeal.status in OFFICIAL_RESPONSE_OPEN
        )
    return appeals


def _due(calendar: workdays.Calendar, today: date, due: date | None, running: bool) -> dict:
    """A due date as lists and details show it: the date, and while it runs, the working days
    left (or how many it is overdue by), red when missed."""
    if due is None:
        return {"due": None, "open": False}
    left = calendar.working_days_between(today, due)
    return {
        "due": due,
        "open": running,
        "left": left,
        "days": abs(left),
        "overdue": running and due < today,
    }


def message_count(organization_path: str, start: date, end: date) -> int:
    """RPT5.1: every message received in the period, registered or not."""
    return (
        Appeal.objects.active()
        .filter(organization__path__startswith=organization_path, registered_on__range=(start, end))
        .count()
    )


def due_soon_for(user: Any, today: date, limit: int = 8) -> list[Appeal]:
    horizon = workdays.add_working_days(today, 3)
    qs = (
        permissions.visible(user, Appeal.objects.active(), action="appeals.widget.due_soon")
        .filter(
            Q(status=Status.REGISTERED, first_response_due__range=(today, horizon))
            | Q(
                status__in=[Status.REGISTERED, Status.FIRST_RESPONSE_GIVEN, Status.IN_WORK],
                official_response_due__range=(today, horizon),
            )
        )
        .select_related("organization", "assignee")
        .order_by("first_response_due", "official_response_due")
    )
    return decorate(list(qs[:limit]), user, today)


def overdue_for(user: Any, today: date, limit: int = 8) -> tuple[int, list[Appeal]]:
    qs = (
        permissions.visible(user, Appeal.objects.active(), action="appeals.widget.overdue")
        .overdue(today)
        .select_related("organization", "assignee")
        .order_by("official_response_due", "pk")
    )
    return qs.count(), decorate(list(qs[:limit]), user, today)

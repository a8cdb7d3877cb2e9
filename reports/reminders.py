"""Reminders to prepare the half-year report (issue 7, point 6): in the last week of the
half-year, and when the parent's deadline (REPORTS_DEADLINE_WORKING_DAYS working days after
the period) is REPORTS_DEADLINE_WARNING_WORKING_DAYS working days away or less. Each goes out
exactly once per (organization, period, kind): the ReportReminder row's unique key decides."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, Role
from accounts.notifications import Message, Recipient
from accounts.reminding import Due, send_once

from .models import HANDED_IN, Report, ReportReminder, half_year, period_label, previous_half_year


def deadline(end: date) -> date:
    """The day the report is due at the parent organization."""
    days = settings.REPORTS_DEADLINE_WORKING_DAYS
    try:
        from appeals.workdays import add_working_days
    except ImportError:  # the appeals app's calendar not installed: calendar days
        return end + timedelta(days=days)
    return add_working_days(end, days)


def due_reminders(today: date) -> list[tuple[str, date, date]]:
    """Which reminders are due today: (kind, period start, period end)."""
    out = []
    start, end = half_year(today)
    if end - timedelta(days=6) <= today <= end:
        out.append((ReportReminder.Kind.PERIOD_END, start, end))
    previous_start, previous_end = previous_half_year(today)
    due = deadline(previous_end)
    warn = settings.REPORTS_DEADLINE_WARNING_WORKING_DAYS
    try:
        from appeals.workdays import working_days_between

        left = working_days_between(today, due)
    except ImportError:
        left = (due - today).days
    if previous_end < today <= due and left <= warn:
        out.append((ReportReminder.Kind.DEADLINE, previous_start, previous_end))
    return out


def send_report_reminders(today: date) -> int:
    """Remind each active organization's administrators whose report for the period is not
    handed in yet. Safe to run twice and in parallel. One query finds every (organization,
    administrator) due for the whole union; `accounts.reminding.send_once` claims the markers
    and inserts the notifications in chunks (issue 14, point 5)."""
    sent = 0
    for kind, start, end in due_reminders(today):
        handed_in = Report.objects.active().filter(
            starts_on=start, ends_on=end, status__in=HANDED_IN
        )
        already = ReportReminder.objects.filter(starts_on=start, ends_on=end, kind=kind)
        admins: dict[int, list[Recipient]] = defaultdict(list)
        memberships = (
            Membership.objects.filter(
                role=Role.ADMINISTRATOR,
                user__is_active=True,
                organization__is_active=True,
            )
            .exclude(organization_id__in=handed_in.values("organization_id"))
            .exclude(organization_id__in=already.values("organization_id"))
            .order_by("organization_id", "user_id")
        )
        for organization_id, person in Recipient.of(memberships, "user__", "organization_id"):
            admins[organization_id].append(person)
        title = (
            _("Prepare the report for %(period)s")
            if kind == ReportReminder.Kind.PERIOD_END
            else _("The report for %(period)s is due on %(due)s")
        )
        params = {"period": period_label(start, end), "due": f"{deadline(end):%d.%m.%Y}"}
        url = reverse("reports:list")
        sent += send_once(
            [
                Due(
                    ReportReminder(
                        organization_id=organization_id, starts_on=start, ends_on=end, kind=kind
                    ),
                    Message(
                        people,
                        kind=f"reports.reminder.{kind}",
                        title=title,
                        params=params,
                        url=url,
                    ),
                )
                for organization_id, people in admins.items()
            ]
        )
    return sent

"""Deadline reminders and the chairmen's daily overdue digest (R8.2), run by Celery beat.

When: only on a working day of the Kazakhstan calendar, between APPEALS_REMINDER_HOUR and
APPEALS_WORKDAY_END_HOUR in Asia/Almaty; beat calls the task every hour of that window (every day,
since a Saturday can be a working day), and outside it the task does nothing.

What, for each deadline that still runs (first response, official response, notice of an
extension):
- one working day before the due date → the assignee ("before");
- on the due date → the assignee ("due");
- after it → the chairmen of the responsible organization ("overdue");
- and once a day a digest of the overdue appeals of their subtree to every chairman above them.

Exactly once: a `Reminder` row with a unique key (appeal, deadline, kind, due date) — and a
`DigestSent` row (chairman, day) — is inserted in the same transaction as the notifications it
stands for. A second run, a concurrent run or a run after a worker died mid-way (its transaction
rolled back) finds the row or fails to insert it, and sends nothing again. A worker that was down
for days catches up with only the reminder that fits today (an appeal two days late gets one
"overdue", not a missed "before" and "due" as well).

Speed: one query per (deadline, kind) finds the appeals concerned, through the indexes on
(status, due date) and excluding already-sent ones with NOT EXISTS on the reminder key; the
digest is two queries. No loop over all appeals.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, Organization, Role, User
from accounts.notifications import notify

from . import workdays
from .models import (
    FIRST_RESPONSE_OPEN,
    OFFICIAL_RESPONSE_OPEN,
    OPEN,
    Appeal,
    Deadline,
    DigestSent,
    Reminder,
    ReminderKind,
)

DEADLINE_FIELD = {
    Deadline.FIRST_RESPONSE: "first_response_due",
    Deadline.OFFICIAL_RESPONSE: "official_response_due",
    Deadline.EXTENSION_NOTICE: "extension_notice_due",
}

TITLES = {
    ReminderKind.BEFORE: _("Appeal %(number)s: %(deadline)s is due tomorrow (%(date)s)"),
    ReminderKind.DUE: _("Appeal %(number)s: %(deadline)s is due today (%(date)s)"),
    ReminderKind.OVERDUE: _("Appeal %(number)s: %(deadline)s was due %(date)s and is overdue"),
}
# Lowercase labels for the middle of a sentence.
DEADLINE_LABEL = {
    Deadline.FIRST_RESPONSE: _("the first response"),
    Deadline.OFFICIAL_RESPONSE: _("the official response"),
    Deadline.EXTENSION_NOTICE: _("the notice of the extension"),
}


def in_window(now: datetime) -> bool:
    local = timezone.localtime(now)
    return (
        settings.APPEALS_REMINDER_HOUR <= local.hour < settings.APPEALS_WORKDAY_END_HOUR
        and workdays.is_working_day(local.date())
    )


def _open_filter(deadline: str) -> Q:
    if deadline == Deadline.FIRST_RESPONSE:
        return Q(status__in=FIRST_RESPONSE_OPEN)
    if deadline == Deadline.OFFICIAL_RESPONSE:
        return Q(status__in=OFFICIAL_RESPONSE_OPEN)
    return Q(status__in=OPEN, extension_notice_given_on__isnull=True)


def due_reminders(today: date, deadline: str, kind: str):
    """The appeals that need this reminder today and have not had it: one indexed query."""
    field = DEADLINE_FIELD[deadline]
    if kind == ReminderKind.BEFORE:
        window = Q(**{f"{field}__gt": today, f"{field}__lte": workdays.add_working_days(today, 1)})
    elif kind == ReminderKind.DUE:
        window = Q(**{field: today})
    else:
        window = Q(**{f"{field}__lt": today})
    sent = Reminder.objects.filter(
        appeal=OuterRef("pk"), deadline=deadline, kind=kind, due_date=OuterRef(field)
    )
    return (
        Appeal.objects.active()  # an archived appeal is reminded of no more (issue 12, 5)
        .filter(_open_filter(deadline), window)
        .filter(~Exists(sent))
        .select_related("assignee", "organization")
        .order_by("pk")
    )


@dataclass
class Result:
    sent: int = 0
    skipped: int = 0
    digests: int = 0


def _people(organization_ids: set[int]) -> dict[tuple[str, int], list[User]]:
    """Chairmen and administrators of the organizations, by (role, organization id)."""
    out: dict[tuple[str, int], list[User]] = defaultdict(list)
    for m in Membership.objects.filter(
        organization_id__in=organization_ids,
        role__in=[Role.CHAIRMAN, Role.ADMINISTRATOR],
        user__is_active=True,
    ).select_related("user"):
        out[(m.role, m.organization_id)].append(m.user)
    return out


def _recipients(appeal: Appeal, kind: str, people: dict[tuple[str, int], list[User]]) -> list[User]:
    if kind == ReminderKind.OVERDUE:
        chairmen = people.get((Role.CHAIRMAN, appeal.organization_id), [])
        return chairmen or ([appeal.assignee] if appeal.assignee else [])
    if appeal.assignee is not None:
        return [appeal.assignee]
    # Nobody assigned yet: the organization's administrators answer for it.
    return people.get((Role.ADMINISTRATOR, appeal.organization_id), [])


def send_deadline_reminders(now: datetime | None = None) -> Result:
    now = now or timezone.now()
    result = Result()
    if not in_window(now):
        return result
    today = timezone.localtime(now).date()
    for deadline in DEADLINE_FIELD:
        for kind in ReminderKind.values:
            appeals = list(due_reminders(today, deadline, kind))
            if not appeals:
                continue
            people = _people({a.organization_id for a in appeals})
            for appeal in appeals:
                if _send_one(appeal, deadline, kind, _recipients(appeal, kind, people)):
                    result.sent += 1
                else:
                    result.skipped += 1
    result.digests = send_overdue_digest(today)
    return result


def _send_one(appeal: Appeal, deadline: str, kind: str, recipients: list[User]) -> bool:
    due = getattr(appeal, DEADLINE_FIELD[deadline])
    try:
        with transaction.atomic():
            Reminder.objects.create(appeal=appeal, deadline=deadline, kind=kind, due_date=due)
            notify(
                recipients,
                kind=f"appeals.reminder.{kind}",
                title=TITLES[kind],
                params={
                    "number": appeal.number,
                    "deadline": DEADLINE_LABEL[deadline],
                    "date": due.strftime("%d.%m.%Y"),
                },
                url=reverse("appeals:detail", args=[appeal.pk]),
            )
    except IntegrityError:
        return False  # another run sent it
    return True


def send_overdue_digest(today: date) -> int:
    """One digest a day per chairman: the overdue appeals of the subtree (two queries to find
    them, one insert per chairman guarded by the unique (chairman, day) key)."""
    overdue = list(
        Appeal.objects.active().overdue(today).values_list("pk", "organization__path").order_by()
    )
    if not overdue:
        return 0
    step = Organization.steplen
    ancestors = {p[:i] for _pk, p in overdue for i in range(step, len(p) + 1, step)}
    seen: dict[int, set[int]] = defaultdict(set)
    users: dict[int, User] = {}
    for m in Membership.objects.filter(
        role=Role.CHAIRMAN, organization__path__in=ancestors, user__is_active=True
    ).select_related("user", "organization"):
        users[m.user_id] = m.user
        seen[m.user_id].update(pk for pk, p in overdue if p.startswith(m.organization.path))
    counts = {user_id: len(pks) for user_id, pks in seen.items()}
    already = set(DigestSent.objects.filter(day=today).values_list("recipient_id", flat=True))
    sent = 0
    for user_id, count in counts.items():
        if user_id in already:
            continue
        try:
            with transaction.atomic():
                DigestSent.objects.create(recipient_id=user_id, day=today, count=count)
                notify(
                    [users[user_id]],
                    kind="appeals.digest",
                    title=_("Overdue appeals in your organizations: %(count)s"),
                    params={"count": count},
                    url=reverse("appeals:list") + "?view=overdue",
                )
        except IntegrityError:
            continue
        sent += 1
    return sent

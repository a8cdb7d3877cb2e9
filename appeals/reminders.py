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
digest is two queries. No loop over all appeals, no transaction per reminder: the reminder rows
are claimed with INSERT … ON CONFLICT DO NOTHING and the notifications and e-mails inserted in
bulk, a chunk of 1,000 per transaction (accounts/reminding.py, issue 14 point 5).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, Organization, Role
from accounts.notifications import Message, Recipient
from accounts.reminding import Due, send_once

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


@dataclass
class _Due:
    """What a reminder needs of an appeal: read with values_list, no model instances."""

    pk: int
    number: str
    organization_id: int
    due: date
    assignee: Recipient | None


def _due_appeals(appeals, deadline: str) -> list[_Due]:
    rows = Recipient.of(
        appeals.order_by("pk"),
        "assignee__",
        "pk",
        "number",
        "organization_id",
        DEADLINE_FIELD[deadline],
    )
    return [
        _Due(pk, number, organization_id, due, assignee if assignee.pk else None)
        for pk, number, organization_id, due, assignee in rows
    ]


def _people(appeals) -> dict[tuple[str, int], list[Recipient]]:
    """Chairmen and administrators of the appeals' organizations, by (role, organization id)."""
    out: dict[tuple[str, int], list[Recipient]] = defaultdict(list)
    memberships = Membership.objects.filter(
        organization_id__in=appeals.values("organization_id"),
        role__in=[Role.CHAIRMAN, Role.ADMINISTRATOR],
        user__is_active=True,
    ).order_by("organization_id", "user_id")
    for role, organization_id, person in Recipient.of(
        memberships, "user__", "role", "organization_id"
    ):
        out[(role, organization_id)].append(person)
    return out


def _recipients(
    appeal: _Due, kind: str, people: dict[tuple[str, int], list[Recipient]]
) -> list[Recipient]:
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
            due = due_reminders(today, deadline, kind)
            appeals = _due_appeals(due, deadline)
            if not appeals:
                continue
            people = _people(due)
            sent = send_once(
                [
                    _reminder(appeal, deadline, kind, _recipients(appeal, kind, people))
                    for appeal in appeals
                ]
            )
            result.sent += sent
            result.skipped += len(appeals) - sent
    result.digests = send_overdue_digest(today)
    return result


def _reminder(appeal: _Due, deadline: str, kind: str, recipients: list[Recipient]) -> Due:
    return Due(
        Reminder(appeal_id=appeal.pk, deadline=deadline, kind=kind, due_date=appeal.due),
        Message(
            recipients,
            kind=f"appeals.reminder.{kind}",
            title=TITLES[kind],
            params={
                "number": appeal.number,
                "deadline": DEADLINE_LABEL[deadline],
                "date": appeal.due.strftime("%d.%m.%Y"),
            },
            url=reverse("appeals:detail", args=[appeal.pk]),
        ),
    )


def send_overdue_digest(today: date) -> int:
    """One digest a day per chairman: the overdue appeals of the subtree (two queries to find
    them; the (chairman, day) rows claimed and the notifications inserted in chunks)."""
    overdue = list(
        Appeal.objects.active().overdue(today).values_list("pk", "organization__path").order_by()
    )
    if not overdue:
        return 0
    step = Organization.steplen
    # Each overdue appeal under every prefix of its organization's path: a chairman's subtree
    # is the appeals filed under his organization's path (no chairman × appeal loop).
    under: dict[str, list[int]] = defaultdict(list)
    for pk, path in overdue:
        for i in range(step, len(path) + 1, step):
            under[path[:i]].append(pk)
    seen: dict[int, set[int]] = defaultdict(set)
    users: dict[int, Recipient] = {}
    chairmen = Membership.objects.filter(
        role=Role.CHAIRMAN, organization__path__in=list(under), user__is_active=True
    ).order_by()
    for path, person in Recipient.of(chairmen, "user__", "organization__path"):
        users[person.pk] = person
        seen[person.pk].update(under[path])
    counts = {user_id: len(pks) for user_id, pks in seen.items()}
    already = set(DigestSent.objects.filter(day=today).values_list("recipient_id", flat=True))
    url = reverse("appeals:list") + "?view=overdue"
    return send_once(
        [
            Due(
                DigestSent(recipient_id=user_id, day=today, count=count),
                Message(
                    [users[user_id]],
                    kind="appeals.digest",
                    title=_("Overdue appeals in your organizations: %(count)s"),
                    params={"count": count},
                    url=url,
                ),
            )
            for user_id, count in counts.items()
            if user_id not in already
        ]
    )

"""Password-change reminders (R9.3): administrators 30, 7 and 1 days before the due date and on
the day; the chairman once it is overdue. Each (account, due date, kind) is sent exactly once:
the reminder row's unique key is claimed before anything is sent, in the same transaction, so a
second or concurrent run finds the row taken and sends nothing. A run after days of downtime
sends only the most urgent reminder that applies, not every one it missed."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, Role
from accounts.notifications import Message, Recipient
from accounts.reminding import Due, send_once

from .models import AccountStatus, AdministratorAppointment, OfficialAccount, RotationReminder

WINDOW_DAYS = 30


def kind_for(days_left: int) -> str | None:
    if days_left < 0:
        return RotationReminder.Kind.OVERDUE
    if days_left == 0:
        return RotationReminder.Kind.DUE
    if days_left <= 1:
        return RotationReminder.Kind.DAYS_1
    if days_left <= 7:
        return RotationReminder.Kind.DAYS_7
    if days_left <= WINDOW_DAYS:
        return RotationReminder.Kind.DAYS_30
    return None


def send_rotation_reminders(today: date) -> int:
    """Set-based for the whole union (issue 14, point 5): one indexed scan (password_due_on ≤
    today + 30), one query for the reminders already sent, one for the current appointments and
    one for the chairmen and administrators of the organizations concerned; then
    `accounts.reminding.send_once` claims the reminder rows and inserts the notifications in
    chunks."""
    from .services import _url

    due_soon = (
        OfficialAccount.objects.active()  # an archived entry is reminded of no more (issue 12, 5)
        .exclude(status=AccountStatus.CLOSED)
        .filter(password_due_on__lte=today + timedelta(days=WINDOW_DAYS))
    )
    accounts = [
        (account, kind)
        for account in due_soon.order_by("pk")
        if (kind := kind_for((account.password_due_on - today).days)) is not None
    ]
    if not accounts:
        return 0
    already = set(
        RotationReminder.objects.filter(
            account__in=due_soon, due_on=F("account__password_due_on")
        ).values_list("account_id", "kind")
    )
    accounts = [(a, kind) for a, kind in accounts if (a.pk, kind) not in already]
    if not accounts:
        return 0
    # The currently appointed administrators who are system users (R4.5) …
    appointed: dict[int, list[Recipient]] = defaultdict(list)
    appointments = (
        AdministratorAppointment.objects.filter(
            account__in=due_soon, user__isnull=False, user__is_active=True, starts_on__lte=today
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("account_id", "-starts_on", "-id")
    )
    for account_id, person in Recipient.of(appointments, "user__", "account_id"):
        appointed[account_id].append(person)
    # … else the organization's administrators; the chairmen once it is overdue.
    people: dict[tuple[str, int], list[Recipient]] = defaultdict(list)
    memberships = Membership.objects.filter(
        organization_id__in=due_soon.values("organization_id"),
        role__in=[Role.CHAIRMAN, Role.ADMINISTRATOR],
        user__is_active=True,
    ).order_by("organization_id", "user_id")
    for role, organization_id, person in Recipient.of(
        memberships, "user__", "role", "organization_id"
    ):
        people[(role, organization_id)].append(person)
    dues = []
    for account, kind in accounts:
        if kind == RotationReminder.Kind.OVERDUE:
            recipients = people[(Role.CHAIRMAN, account.organization_id)]
            title = _("The password of %(account)s was due to be changed on %(due)s")
        else:
            recipients = (
                appointed.get(account.pk) or people[(Role.ADMINISTRATOR, account.organization_id)]
            )
            title = _("Change the password of %(account)s by %(due)s")
        dues.append(
            Due(
                RotationReminder(account_id=account.pk, due_on=account.password_due_on, kind=kind),
                Message(
                    recipients,
                    kind=f"registry.rotation.{kind}",
                    title=title,
                    params={
                        "account": str(account),
                        "due": account.password_due_on.strftime("%d.%m.%Y"),
                    },
                    url=_url(account),
                ),
            )
        )
    return send_once(dues)

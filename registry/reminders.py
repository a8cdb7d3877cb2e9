"""Password-change reminders (R9.3): administrators 30, 7 and 1 days before the due date and on
the day; the chairman once it is overdue. Each (account, due date, kind) is sent exactly once:
the reminder row's unique key is claimed before anything is sent, in the same transaction, so a
second or concurrent run finds the row taken and sends nothing. A run after days of downtime
sends only the most urgent reminder that applies, not every one it missed."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from accounts.notifications import notify
from accounts.selectors import chairmen_of

from .models import AccountStatus, OfficialAccount, RotationReminder

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
    """One indexed scan (password_due_on ≤ today + 30) and one claim per reminder."""
    from .services import _url, administrators_of

    sent = 0
    due_soon = (
        OfficialAccount.objects.active()  # an archived entry is reminded of no more (issue 12, 5)
        .exclude(status=AccountStatus.CLOSED)
        .filter(password_due_on__lte=today + timedelta(days=WINDOW_DAYS))
        .select_related("organization")
    )
    for account in due_soon:
        kind = kind_for((account.password_due_on - today).days)
        if kind is None:
            continue
        try:
            with transaction.atomic():
                RotationReminder.objects.create(
                    account=account, due_on=account.password_due_on, kind=kind
                )
                if kind == RotationReminder.Kind.OVERDUE:
                    recipients = list(chairmen_of(account.organization))
                    title = _("The password of %(account)s was due to be changed on %(due)s")
                else:
                    recipients = administrators_of(account)
                    title = _("Change the password of %(account)s by %(due)s")
                notify(
                    recipients,
                    kind=f"registry.rotation.{kind}",
                    title=title,
                    params={
                        "account": str(account),
                        "due": account.password_due_on.strftime("%d.%m.%Y"),
                    },
                    url=_url(account),
                )
        except IntegrityError:
            continue  # already sent by an earlier or concurrent run
        sent += 1
    return sent

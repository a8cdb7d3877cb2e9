"""Notifications: an in-app inbox entry for each recipient and an e-mail copy.

Later issues call `notify()` from their services. The text is rendered in each recipient's own
language; the actor never notifies themself. The e-mail copies are rows of the outbox
(accounts/outbox.py) written in the same transaction as the notifications: a rolled-back change
sends nothing, a committed one is e-mailed even if the broker was down at the time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise

from . import outbox
from .digest import DIGEST, MAIL, EmailPlan
from .models import Notification, User


def _render(text: Promise | str, params: dict[str, str]) -> str:
    """Our translatable messages carry %(name)s placeholders; a person's own words (a comment,
    a reason) are shown as written, whatever "%" they contain."""
    if isinstance(text, Promise):
        return str(text) % params if params else str(text)
    return str(text)


def notify(
    recipients: Iterable[User],
    *,
    kind: str,
    title: Promise | str,
    body: Promise | str = "",
    params: dict[str, Any] | None = None,
    url: str = "",
    actor: User | None = None,
    email: bool = True,
) -> list[Notification]:
    """Notify each recipient once. `title` and `body` are (lazy) translatable strings with
    %(name)s placeholders filled from `params` in the recipient's language. One message of
    `notify_many()` (the same rules, defined once)."""
    message = Message(
        recipients=list(recipients),
        kind=kind,
        title=title,
        body=body,
        params=params or {},
        url=url,
        actor=actor,
    )
    return notify_many([message], email=email)


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


# --- many at once (background jobs: reminders for the whole union) ----------------------------


class Recipient(NamedTuple):
    """What `notify_many()` needs of a person — lighter than a User for a job that notifies the
    whole union. `Recipient.of(queryset, prefix)` reads them with values_list."""

    pk: int
    language: str
    email: str
    is_active: bool = True

    @classmethod
    def of(cls, queryset, prefix: str = "", *extra: str) -> list[tuple]:
        """Rows of (*extra, Recipient) from `queryset`, whose users are reached by `prefix`
        (e.g. "user__" on memberships)."""
        fields = [f"{prefix}{name}" for name in ("pk", "language", "email", "is_active")]
        width = len(extra)
        return [(*row[:width], cls(*row[width:])) for row in queryset.values_list(*extra, *fields)]


@dataclass
class Message:
    """One `notify()` call's worth: the same text to these recipients (Users or Recipients)."""

    recipients: Sequence[User | Recipient]
    kind: str
    title: Promise | str
    body: Promise | str = ""
    params: dict[str, Any] = field(default_factory=dict)
    url: str = ""
    actor: User | None = None


def notify_many(
    messages: Iterable[Message], *, email: bool = True, batch_size: int = 1000
) -> list[Notification]:
    """What `notify()` does for each message — each recipient once per message, never the actor,
    never an inactive user, the text in the recipient's language, an e-mail copy (an outbox row)
    when the recipient has an address and has not switched the kind off, or a place in the daily
    digest (accounts/digest.py) — in a constant number of queries: the notifications and
    their outbox rows are inserted in batches of `batch_size`, in one transaction (the caller's,
    when there is one). A message's text is rendered once per language, not once per person."""
    rows: list[Notification] = []
    addressed: list[bool] = []
    for message in messages:
        rendered_in: dict[str, tuple[str, str]] = {}
        seen: set[int] = set()
        actor_id = message.actor.pk if message.actor is not None else None
        for user in message.recipients:
            if user.pk in seen or not user.is_active or user.pk == actor_id:
                continue
            seen.add(user.pk)
            if user.language not in rendered_in:
                with translation.override(user.language):
                    params = {k: str(v) for k, v in message.params.items()}
                    rendered_in[user.language] = (
                        _render(message.title, params)[:255],
                        _render(message.body, params) if message.body else "",
                    )
            title, body = rendered_in[user.language]
            rows.append(
                Notification(
                    recipient_id=user.pk,
                    actor_id=actor_id,
                    kind=message.kind,
                    title=title,
                    body=body,
                    url=message.url,
                )
            )
            addressed.append(bool(user.email))
    if not rows:
        return []
    # Issue 13, point 9: as in notify() — at once, in the digest, or not at all (one query).
    plan = (
        EmailPlan.for_users(
            {r.recipient_id for r, a in zip(rows, addressed, strict=True) if a},
            {r.kind for r in rows},
        )
        if email
        else EmailPlan.empty()
    )
    routes = [
        plan.route(r.recipient_id, r.kind) if a else None
        for r, a in zip(rows, addressed, strict=True)
    ]
    for row, route in zip(rows, routes, strict=True):
        row.digest_pending = route == DIGEST
    with transaction.atomic():
        created = Notification.objects.bulk_create(rows, batch_size=batch_size)
        if email:
            mails = [
                ({"notification": n.pk}, f"notification:{n.pk}")
                for n, route in zip(created, routes, strict=True)
                if route == MAIL
            ]
            for start in range(0, len(mails), batch_size):
                outbox.enqueue_many(outbox.NOTIFICATION_EMAIL, mails[start : start + batch_size])
    return created


# --- what a notification shows beyond its words (issue 13, point 1) ---------------------------
# A lower app cannot know what a notification of another app is about: the app that sends a
# kind registers, for it, the card the notification list shows (e.g. the publication to approve,
# with Approve and Return right there) and the details its e-mail carries. No registration: the
# notification shows its title, text and link, as before.

CardProvider = Callable[[Any, list[Notification]], dict[int, str]]
EmailProvider = Callable[[Notification, str], str]

_cards: dict[str, CardProvider] = {}
_emails: dict[str, EmailProvider] = {}


def register_details(
    kind: str, *, cards: CardProvider | None = None, email: EmailProvider | None = None
) -> None:
    """`cards(request, notifications)` answers {notification pk: HTML} for the notifications of
    `kind` on one page of the list, in a bounded number of queries; `email(notification, fmt)`
    answers the HTML (fmt "html") or plain text (fmt "txt") added to the notification's e-mail."""
    if cards is not None:
        _cards[kind] = cards
    if email is not None:
        _emails[kind] = email


def cards_for(request: Any, notifications: Iterable[Notification]) -> dict[int, str]:
    by_kind: dict[str, list[Notification]] = {}
    for notification in notifications:
        if notification.kind in _cards:
            by_kind.setdefault(notification.kind, []).append(notification)
    out: dict[int, str] = {}
    for kind, rows in by_kind.items():
        out.update(_cards[kind](request, rows))
    return out


def email_details(notification: Notification, fmt: str = "html") -> str:
    """The extra part of the notification's e-mail, in the language active while it renders."""
    provider = _emails.get(notification.kind)
    return provider(notification, fmt) if provider is not None else ""

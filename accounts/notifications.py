"""Notifications: an in-app inbox entry for each recipient and an e-mail copy.

Later issues call `notify()` from their services. The text is rendered in each recipient's own
language; the actor never notifies themself. The e-mail copies are rows of the outbox
(accounts/outbox.py) written in the same transaction as the notifications: a rolled-back change
sends nothing, a committed one is e-mailed even if the broker was down at the time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise

from . import outbox
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
    %(name)s placeholders filled from `params` in the recipient's language."""
    params = params or {}
    seen: set[int] = set()
    rows = []
    for user in recipients:
        if user.pk in seen or not user.is_active or (actor is not None and user.pk == actor.pk):
            continue
        seen.add(user.pk)
        with translation.override(user.language):
            rendered = {k: str(v) for k, v in params.items()}
            rows.append(
                Notification(
                    recipient=user,
                    actor=actor,
                    kind=kind,
                    title=_render(title, rendered)[:255],
                    body=_render(body, rendered) if body else "",
                    url=url,
                )
            )
    with transaction.atomic():  # the notifications and their e-mails: all or nothing
        created = Notification.objects.bulk_create(rows)
        if email and created:
            outbox.enqueue_many(
                outbox.NOTIFICATION_EMAIL,
                [
                    ({"notification": n.pk}, f"notification:{n.pk}")
                    for n in created
                    if n.recipient.email
                ],
            )
    return created


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

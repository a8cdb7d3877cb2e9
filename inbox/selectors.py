"""Reads of the inbox, scoped by permission (accounts.permissions)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from accounts import permissions

from .models import InboxMessage


def messages_visible_to(user: Any) -> QuerySet[InboxMessage]:
    return permissions.visible(user, InboxMessage.objects.all(), action="inbox.view")


def mask_name(value: str) -> str:
    """Each word's first letter: "Aigerim Sadykova" → "A••• S•••"."""
    return " ".join(w[0] + "•••" for w in value.split() if w)


def mask_handle(value: str) -> str:
    if not value:
        return ""
    return "@" + (value[0] + "•••" + value[-1:] if len(value) > 2 else "•••")


def decorate(messages: list[InboxMessage], user: Any) -> list[InboxMessage]:
    """Whether the user sees the author in full (R9.1: the organization's own administrators and
    chairman), else the masked forms. No queries (grants are cached on the user)."""
    for m in messages:
        m.may_see_personal_data = permissions.can(user, "inbox.message.view_personal_data", m)
        m.author_shown = m.author_name if m.may_see_personal_data else mask_name(m.author_name)
        m.handle_shown = (
            (f"@{m.author_handle}" if m.author_handle else "")
            if m.may_see_personal_data
            else mask_handle(m.author_handle)
        )
    return messages

"""The main menu is a list of entries that apps register in their AppConfig.ready(); an entry
shows to users who may perform its `action` somewhere (accounts.permissions.can without an
object). base.html renders them in `order`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise

from . import permissions


@dataclass(frozen=True)
class NavItem:
    name: str
    label: Promise | str
    url_name: str
    action: str | None = None  # None: every signed-in user
    order: int = 100
    superuser_only: bool = False
    # "main": on the bar itself; "more": in the bar's "More" menu (oversight and settings pages),
    # so the bar fits a laptop screen whatever the number of apps.
    menu: str = "main"
    # How many things behind this entry wait for the user (shown as a badge); one query at most.
    badge: Callable[[Any], int] | None = None


_ITEMS: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _ITEMS[item.name] = item


def items_for(user: Any, path: str = "") -> list[dict[str, Any]]:
    out = []
    for item in sorted(_ITEMS.values(), key=lambda i: (i.order, i.name)):
        if item.superuser_only and not user.is_superuser:
            continue
        if item.action is not None and not permissions.can(user, item.action):
            continue
        url = reverse(item.url_name)
        active = path == url or (url != "/" and path.startswith(url))
        out.append(
            {
                "name": item.name,
                "label": item.label,
                "url": url,
                "active": active,
                "menu": item.menu,
                "badge": item.badge(user) if item.badge else 0,
            }
        )
    return out

"""The role home page ("what needs me now") is a list of widgets; each app adds its own.

A widget is a template and a function that returns its context, shown to users who may perform
`action` somewhere (accounts.permissions.can without an object). Later issues register theirs in
their AppConfig.ready(): drafts to finish, approvals waiting, appeals due, and so on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from . import permissions


@dataclass(frozen=True)
class Widget:
    name: str
    template: str
    context: Callable[[HttpRequest], dict[str, Any]]
    action: str | None = None  # None: every signed-in user
    order: int = 100


_WIDGETS: dict[str, Widget] = {}


def register(widget: Widget) -> None:
    _WIDGETS[widget.name] = widget


def widgets_for(request: HttpRequest) -> list[dict[str, Any]]:
    out = []
    for widget in sorted(_WIDGETS.values(), key=lambda w: (w.order, w.name)):
        if widget.action is None or permissions.can(request.user, widget.action):
            out.append({"template": widget.template, **widget.context(request)})
    return out

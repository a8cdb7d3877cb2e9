"""The audit trail: every create, update, delete and state change of a domain object.

Action names are dotted strings registered in one place per app (`register(...)` at import time
of the app's module); recording an unregistered name is a programming error and raises, so a typo
cannot silently produce an entry nobody can find. `record()` writes in the caller's transaction:
when the change rolls back, so does its entry.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry, Organization

_ACTIONS: dict[str, Promise | str] = {}


def register(name: str, label: Promise | str) -> None:
    _ACTIONS[name] = label


def label(name: str) -> Promise | str:
    return _ACTIONS.get(name, name)


register("accounts.organization.create", _("Organization created"))
register("accounts.organization.update", _("Organization changed"))
register("accounts.organization.move", _("Organization moved in the tree"))
register("accounts.organization.delete", _("Organization deleted"))
register("accounts.membership.create", _("Role granted"))
register("accounts.membership.delete", _("Role withdrawn"))
register("accounts.user.create", _("User created"))
register("accounts.user.update", _("User changed"))


def snapshot(instance: Model, fields: list[str]) -> dict[str, Any]:
    """The fields' values as JSON-safe text, for `changes()` before and after an edit."""
    out = {}
    for name in fields:
        value = getattr(instance, name)
        out[name] = value if value is None or isinstance(value, bool | int) else str(value)
    return out


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that differ."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def record(
    action: str,
    *,
    actor: Any,
    obj: Model | None = None,
    organization: Organization | None = None,
    changes: dict[str, Any] | None = None,
    comment: str = "",
) -> AuditEntry:
    if action not in _ACTIONS:
        raise ImproperlyConfigured(f"Unknown audit action {action!r}; register it first")
    if organization is None and obj is not None:
        organization = getattr(obj, "permission_organization", None)
    return AuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organization=organization,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        changes=changes or {},
        comment=comment,
    )

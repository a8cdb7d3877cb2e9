"""The one permission module. Every view and every service asks it.

Two questions, one rule:
- `can(user, action, obj)` — may this user do this action to this object?
- `visible(user, queryset)` — which objects of a model may this user see?

A role held in an organization reaches that organization and its whole subtree, nothing above or
beside it. An action is registered once, with the roles that may perform it and its reach:
`Reach.SUBTREE` (a role on the object's organization or on any ancestor of it) or `Reach.OWN`
(a role on the object's organization itself). Superusers may do everything.

Views fetch objects with `get_object_or_404_for()`: outside the user's subtree answers 404 (the
object's existence is not disclosed), a visible object whose action the role lacks answers 403.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import Membership, Organization, Role


class Reach(enum.Enum):
    OWN = "own"
    SUBTREE = "subtree"


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str]
    reach: Reach


_RULES: dict[str, Rule] = {}

ANY_ROLE = (Role.CHAIRMAN, Role.ADMINISTRATOR, Role.LAWYER)


def register(action: str, roles: Iterable[str], reach: Reach = Reach.SUBTREE) -> None:
    """Declare an action. Apps register theirs in their own `permissions.py`, imported by
    their AppConfig.ready(); an action with no roles is for superusers only."""
    if action in _RULES and _RULES[action] != Rule(frozenset(roles), reach):
        raise ImproperlyConfigured(f"Permission action {action!r} registered twice differently")
    _RULES[action] = Rule(frozenset(roles), reach)


def rule(action: str) -> Rule:
    try:
        return _RULES[action]
    except KeyError:
        raise ImproperlyConfigured(f"Unknown permission action {action!r}") from None


register("accounts.organization.view", ANY_ROLE)
register("accounts.organization.change", [Role.CHAIRMAN])
# Superusers only: the tree itself, roles and user accounts.
register("accounts.organization.manage", [])
register("accounts.membership.manage", [])
register("accounts.user.manage", [])
register("accounts.audit.view", [Role.CHAIRMAN])


@dataclass(frozen=True)
class Grant:
    organization_id: int
    path: str
    role: str


def grants(user: Any) -> list[Grant]:
    """The user's roles with their organizations' paths; one query, cached on the user object
    (request.user lives for one request, so the cache never outlives a change for long)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_grants_cache", None)
    if cached is None:
        cached = [
            Grant(organization_id, path, role)
            for organization_id, path, role in Membership.objects.filter(
                user=user, organization__is_active=True
            ).values_list("organization_id", "organization__path", "role")
        ]
        user._grants_cache = cached
    return cached


def forget_grants(user: Any) -> None:
    user.__dict__.pop("_grants_cache", None)


def organization_of(obj: Model) -> Organization | None:
    """The organization an object belongs to; models say so with `permission_organization`."""
    return getattr(obj, "permission_organization", None)


def roles_on(user: Any, organization: Organization, reach: Reach = Reach.SUBTREE) -> set[str]:
    return {
        g.role
        for g in grants(user)
        if (
            g.path == organization.path
            if reach is Reach.OWN
            else organization.path.startswith(g.path)
        )
    }


def can(user: Any, action: str, obj: Model | None = None) -> bool:
    """May `user` perform `action` on `obj`? Without an object: anywhere at all (for menus and
    for list pages, which then narrow the list with `visible(..., action=...)`)."""
    r = rule(action)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if obj is None:
        return any(g.role in r.roles for g in grants(user))
    organization = organization_of(obj)
    if organization is None:
        return False
    return bool(roles_on(user, organization, r.reach) & r.roles)


def require(user: Any, action: str, obj: Model | None = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied


def _prefixes(paths: Iterable[str]) -> list[str]:
    """Drop paths already covered by a shorter prefix, so the filter stays small."""
    out: list[str] = []
    for path in sorted(set(paths)):
        if not any(path.startswith(p) for p in out):
            out.append(path)
    return out


def scope_q(user: Any, field: str = "organization", action: str | None = None) -> Q:
    """A filter for objects whose organization (reached through `field`; "" for Organization
    itself) lies in the subtree of the user's roles — only the roles that allow `action`
    when one is given."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    r = rule(action) if action else None
    if r is not None and r.reach is Reach.OWN:
        ids = sorted({g.organization_id for g in grants(user) if g.role in r.roles})
        return Q(**{f"{field}__pk__in" if field else "pk__in": ids})
    paths = _prefixes(g.path for g in grants(user) if r is None or g.role in r.roles)
    if not paths:
        return Q(pk__in=[])
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    q = Q()
    for path in paths:
        q |= Q(**{lookup: path})
    return q


def visible(
    user: Any, queryset: QuerySet, field: str = "organization", action: str | None = None
) -> QuerySet:
    return queryset.filter(scope_q(user, field, action))


def visible_organizations(user: Any, action: str | None = None) -> QuerySet[Organization]:
    return visible(user, Organization.objects.all(), field="", action=action)


def get_object_or_404_for(
    user: Any, queryset: QuerySet, action: str, field: str = "organization", **lookup: Any
) -> Any:
    """Fetch an object the user can see (else 404) and may act on (else 403)."""
    obj = get_object_or_404(visible(user, queryset, field), **lookup)
    require(user, action, obj)
    return obj

"""Reads of the register, scoped by the permission module."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr

from accounts import permissions
from accounts.models import Organization

from .models import FLAGS, AccountStatus, OfficialAccount, Violation


def accounts_visible_to(user: Any) -> QuerySet[OfficialAccount]:
    return permissions.visible(user, OfficialAccount.objects.all(), action="registry.account.view")


def register(
    user: Any,
    today: date,
    *,
    organization: Organization | None = None,
    own: bool = False,
    network: str = "",
    status: str = "",
    flag: str = "",
    query: str = "",
) -> QuerySet[OfficialAccount]:
    """The register as the user may see it, with compliance flags, filtered. By default closed
    accounts are left out (they stay in the register's history: status=closed or "all")."""
    qs = accounts_visible_to(user).with_flags(today).select_related("organization")
    if organization is not None and own:
        qs = qs.filter(organization=organization)
    elif organization is not None:
        qs = qs.filter(organization__path__startswith=organization.path)
    if network:
        qs = qs.filter(network=network)
    if status == "all":
        pass
    elif status:
        qs = qs.filter(status=status)
    else:
        qs = qs.exclude(status=AccountStatus.CLOSED)
    if flag == "any":
        qs = qs.with_any_flag()
    elif flag in FLAGS:
        qs = qs.filter(**{f"flag_{flag}": True})
    if query:
        qs = qs.filter(
            Q(display_name__icontains=query)
            | Q(handle__icontains=query)
            | Q(normalized_url__icontains=query.lower())
        )
    return qs.order_by("organization__path", "network", "display_name")


@dataclass
class HygieneRow:
    organization: Organization
    own_only: bool  # the base organization's own accounts, not its subtree
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def flagged(self) -> int:
        return self.counts.get("any", 0)

    @property
    def cells(self) -> list[tuple[str, int]]:
        """(flag, count) in the order of FLAGS, for the table's columns."""
        return [(name, self.counts.get(name, 0)) for name in FLAGS]


def hygiene(user: Any, base: Organization, today: date) -> tuple[list[HygieneRow], HygieneRow]:
    """Flag counts per child organization of `base`, each summed over the child's whole subtree,
    plus `base`'s own accounts and a total: one aggregate query grouped by path prefix and one
    query for the organizations, whatever the size of the tree (journey 5)."""
    step = Organization.steplen
    prefix_len = len(base.path) + step
    accounts = (
        accounts_visible_to(user)
        .exclude(status=AccountStatus.CLOSED, is_publishing_target=False)
        .filter(organization__path__startswith=base.path)
        .with_flags(today)
    )
    any_flag = Q()
    aggregates: dict[str, Any] = {"total": Count("pk")}
    for name in FLAGS:
        aggregates[name] = Count("pk", filter=Q(**{f"flag_{name}": True}))
        any_flag |= Q(**{f"flag_{name}": True})
    aggregates["any"] = Count("pk", filter=any_flag)
    grouped = {
        row.pop("prefix"): row
        for row in accounts.annotate(prefix=Substr("organization__path", 1, prefix_len))
        .values("prefix")
        .annotate(**aggregates)
        .order_by()
    }
    children = Organization.objects.filter(
        path__startswith=base.path, depth=base.depth + 1
    ).order_by("path")
    rows = [HygieneRow(base, own_only=True)]
    rows += [HygieneRow(child, own_only=False) for child in children]
    total = HygieneRow(base, own_only=False)
    for row in rows:
        data = grouped.get(row.organization.path, {})
        row.total = data.get("total", 0)
        row.counts = {k: v for k, v in data.items() if k != "total"}
        total.total += row.total
        for key, value in row.counts.items():
            total.counts[key] = total.counts.get(key, 0) + value
    return rows, total


def violations_visible_to(user: Any) -> QuerySet[Violation]:
    return permissions.visible(
        user, Violation.objects.all(), action="registry.violation.view"
    ).select_related("organization", "account", "responsible_user")

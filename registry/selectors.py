"""Reads of the register, scoped by the permission module; and the register's answers to
content when a publication goes out on an account (R4.1, R4.2, R4.5): content calls these, the
registry never imports content."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.models import AuditEntry, Membership, Organization, Role

from . import links
from .models import (
    FLAGS,
    AccessListVersion,
    AccountStatus,
    AdministratorAppointment,
    CreationDecision,
    OfficialAccount,
    Violation,
)


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
    archived: bool = False,
) -> QuerySet[OfficialAccount]:
    """The register as the user may see it, with compliance flags, filtered. By default closed
    accounts are left out (they stay in the register's history: status=closed or "all")."""
    qs = accounts_visible_to(user).with_flags(today).select_related("organization")
    # Issue 12 point 5: archived entries only under the "Archived" filter.
    qs = qs.archived() if archived else qs.active()
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
        .active()
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


# Who must act on each flag (issue 13, point 8) ------------------------------------------------

ADMINISTRATOR, CHAIRMAN = "administrator", "chairman"


@dataclass(frozen=True)
class FlagAction:
    """Who must act on a flag, under which rule, and where it is done."""

    rule: str
    who: str  # ADMINISTRATOR: the account's administrator; CHAIRMAN: the organization's chairman
    url_name: str  # a registry URL taking the account's pk
    label: Any
    anchor: str = ""


# R4.2: the account exists on the union body's decision — its administrator records it on the
# account (registry.account.change). R4.4: the administrator checks the logo. R4.5: the chairman
# appoints the administrators by order (registry.appointment.record). R9.2: the administrator
# proposes the access list, the chairman approves it (registry.access_list.approve). R9.3: the
# passwords are changed (and the change recorded) by the administrator. R4.3: the register is
# kept true — a closed account stops being a publishing target on its edit page.
FLAG_ACTIONS: dict[str, FlagAction] = {
    "no_decision": FlagAction(
        "R4.2", ADMINISTRATOR, "registry:decision_add", _("Record the creation decision")
    ),
    "no_logo_check": FlagAction(
        "R4.4", ADMINISTRATOR, "registry:logo_check_add", _("Record a logo check")
    ),
    "no_administrator": FlagAction(
        "R4.5", CHAIRMAN, "registry:appointment_add", _("Record the administrator's order")
    ),
    "access_list": FlagAction(
        "R9.2", ADMINISTRATOR, "registry:access_list_edit", _("Propose the access list")
    ),
    "rotation_overdue": FlagAction(
        "R9.3", ADMINISTRATOR, "registry:rotation_add", _("Record the password change")
    ),
    "closed_target": FlagAction(
        "R4.3", ADMINISTRATOR, "registry:edit", _("Stop publishing to the closed account")
    ),
}
# R9.2: a list waiting for approval is the chairman's to approve, on the account's page.
PENDING_LIST_ACTION = FlagAction("R9.2", CHAIRMAN, "registry:detail", _("Approve the access list"))


@dataclass
class HygieneTask:
    """One flag of one account: what is wrong, the rule, who must act, and where."""

    account: Any
    flag: str
    label: Any
    action: FlagAction
    people: list[str]
    url: str

    @property
    def role_label(self) -> Any:
        return Role(self.action.who).label


def hygiene_accounts(
    user: Any, base: Organization, today: date, *, flag: str = "any", own: bool = False
) -> QuerySet[OfficialAccount]:
    """The accounts behind the hygiene counts (the drill-down): flagged accounts of `base`'s
    subtree (or its own accounts), filtered by one flag or any."""
    qs = (
        accounts_visible_to(user)
        .active()
        .exclude(status=AccountStatus.CLOSED, is_publishing_target=False)
        .with_flags(today)
        .select_related("organization")
    )
    if own:
        qs = qs.filter(organization=base)
    else:
        qs = qs.filter(organization__path__startswith=base.path)
    qs = qs.filter(**{f"flag_{flag}": True}) if flag in FLAGS else qs.with_any_flag()
    return qs.order_by("organization__path", "network", "display_name", "pk")


def hygiene_tasks(accounts: list, today: date, *, flag: str = "any") -> list[HygieneTask]:
    """For a page of flagged accounts: one task per flag, naming the person who must act — the
    account's current administrator (R4.5 appointment; else the organization's administrators),
    or the organization's chairman where the rule is the chairman's — and the link to do it.
    Two queries whatever the number of accounts."""
    from django.urls import reverse

    if not accounts:
        return []
    appointed: dict[int, list[str]] = {}
    for account_id, name in (
        AdministratorAppointment.objects.filter(
            account__in=[a.pk for a in accounts], starts_on__lte=today
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("account", "full_name")
        .values_list("account", "full_name")
    ):
        appointed.setdefault(account_id, []).append(name)
    members: dict[tuple[int, str], list[str]] = {}
    for membership in (
        Membership.objects.filter(
            organization__in={a.organization_id for a in accounts},
            role__in=[Role.ADMINISTRATOR, Role.CHAIRMAN],
            user__is_active=True,
        )
        .select_related("user")
        .order_by("organization", "role", "user__last_name", "user__first_name")
    ):
        name = membership.user.get_full_name() or membership.user.username
        if membership.position:
            name = f"{name} ({membership.position})"
        members.setdefault((membership.organization_id, membership.role), []).append(name)
    tasks = []
    for account in accounts:
        for name, label in FLAGS.items():
            if not getattr(account, f"flag_{name}", False) or flag not in ("any", name):
                continue
            action = FLAG_ACTIONS[name]
            if name == "access_list" and getattr(account, "has_pending_list", False):
                action = PENDING_LIST_ACTION
            if action.who == CHAIRMAN:
                people = members.get((account.organization_id, Role.CHAIRMAN), [])
            else:
                people = appointed.get(account.pk) or members.get(
                    (account.organization_id, Role.ADMINISTRATOR), []
                )
            url = reverse(action.url_name, args=[account.pk])
            if action.anchor:
                url = f"{url}#{action.anchor}"
            tasks.append(HygieneTask(account, name, label, action, people, url))
    return tasks


def violations_visible_to(user: Any) -> QuerySet[Violation]:
    return permissions.visible(
        user, Violation.objects.all(), action="registry.violation.view"
    ).select_related("organization", "account", "responsible_user")


def account_history(account: OfficialAccount, limit: int = 100) -> list[AuditEntry]:
    """The account's trail, newest first: its own entries (accounts.audit.history_of: content
    type and id, so an organization or any other object with the same id never shows here) and
    those of its access list versions (the R9.2 workflow records on each version)."""
    own = list(audit.history_of(account, limit))
    version_ids = [str(pk) for pk in account.access_lists.values_list("pk", flat=True)]
    lists = list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(AccessListVersion),
            object_id__in=version_ids,
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:limit]
        if version_ids
        else []
    )
    entries = sorted(own + lists, key=lambda e: (e.created_at, e.pk), reverse=True)
    return entries[:limit]


# For content: may a publication go out on this account? --------------------------------------


def account_publishing_refusal(account: OfficialAccount) -> str | None:
    """R4.2: an official account exists on the decision of the relevant union body, and only an
    active account is published to. The refusal says what to do; None when the account may be
    published to."""
    if account.archived_at is not None:  # issue 12 point 5
        return str(
            _(
                "The account “%(account)s” is archived in the register: publish only to an "
                "account in use, or ask a chairman to restore it from the archive."
            )
            % {"account": account.display_name}
        )
    if account.status != AccountStatus.ACTIVE:
        return str(
            _(
                "The account “%(account)s” has the status “%(status)s” in the register: publish "
                "only to an active official account, or make it active in the register first."
            )
            % {"account": account.display_name, "status": account.get_status_display()}
        )
    if not CreationDecision.objects.filter(account=account).exists():
        return str(
            _(
                "The account “%(account)s” has no decision of the union body on its creation in "
                "the register: record the decision on the account's page, then publish."
            )
            % {"account": account.display_name}
        )
    return None


def appointed_administrator(user, account: OfficialAccount) -> bool:
    """R4.5: the account's responsible administrators are appointed by the chairman's order.
    True when `user` holds the administrator role in the account's own organization and an
    order on file (an appointment with its document, current today) names them for this
    account. With settings.REGISTRY_REQUIRE_APPOINTMENT_ORDER = False (for organizations that
    have not uploaded their orders yet; True by default) the role alone suffices."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if Role.ADMINISTRATOR not in permissions.roles_on(
        user, account.organization, permissions.Reach.OWN
    ):
        return False
    if not getattr(settings, "REGISTRY_REQUIRE_APPOINTMENT_ORDER", True):
        return True
    today = timezone.localdate()
    return (
        AdministratorAppointment.objects.filter(account=account, user=user, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .exclude(order_document="")
        .exists()
    )


def link_refusal(account: OfficialAccount, url: str) -> str | None:
    """R4.1: a publication's link on an official account is a link of that account's network
    and host (an Instagram link is refused on a Telegram account). The refusal says what to
    do; None when the link fits the account."""
    if not (url or "").strip():
        return str(
            _("Enter the publication's link on “%(account)s”.") % {"account": account.display_name}
        )
    if links.same_network(account.network, account.url, url):
        return None
    return str(
        _(
            "The link %(url)s is not a link of %(network)s, where “%(account)s” is: give the "
            "publication's link on that account."
        )
        % {
            "url": url.strip(),
            "network": account.get_network_display(),
            "account": account.display_name,
        }
    )

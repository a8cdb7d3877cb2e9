"""Crisis communications (R10): a chairman declares a crisis for the organization and its
subtree, names the working group (R10.1) and records the agreed position every publication then
follows (R10.2)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization, Role, User
from accounts.notifications import notify

from .models import Crisis

audit.register("content.crisis.declare", _("Crisis declared"))
audit.register("content.crisis.end", _("Crisis ended"))


def _ancestor_paths(path: str) -> list[str]:
    step = Organization.steplen
    return [path[:i] for i in range(step, len(path) + 1, step)]


def active_crisis_for(organization: Organization) -> Crisis | None:
    """The active crisis declared for this organization or any of its ancestors (R10)."""
    return (
        Crisis.objects.filter(
            ended_at__isnull=True, organization__path__in=_ancestor_paths(organization.path)
        )
        .select_related("organization")
        .order_by("organization__depth")
        .first()
    )


def crises_visible_to(user) -> QuerySet[Crisis]:
    """Crises the user may read: those of the subtree of their roles, and those declared above
    that cover one of their organizations — everyone a crisis binds sees its agreed position
    (R10.2), so the banner's link opens for them too."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Crisis.objects.all()
    above = {p for g in permissions.grants(user) for p in _ancestor_paths(g.path)}
    return Crisis.objects.filter(
        permissions.scope_q(user, action="content.view") | Q(organization__path__in=above)
    )


def declarable_organizations(user) -> QuerySet[Organization]:
    """Where the user may declare a crisis: the organizations they chair themselves (a few
    rows, never the subtree), or for a superuser any they name."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Organization.objects.all()
    return Organization.objects.filter(
        memberships__user=user, memberships__role=Role.CHAIRMAN, is_active=True
    ).distinct()


@transaction.atomic
def crisis_declare(
    *,
    actor: User,
    organization: Organization,
    title: str,
    agreed_position: str,
    working_group: list[User],
) -> Crisis:
    permissions.require(actor, "content.crisis.manage", organization)
    if not agreed_position.strip():
        raise ValidationError({"agreed_position": _("Record the agreed position.")})
    if not working_group:
        raise ValidationError(
            {"working_group": _("Name at least one member of the working group.")}
        )
    outside = [
        u
        for u in working_group
        if not u.memberships.filter(organization__path__startswith=organization.path).exists()
    ]
    if outside:
        raise ValidationError(
            {"working_group": _("Name members of the organization or of its subtree.")}
        )
    if active_crisis_for(organization):
        raise InvalidTransition(_("A crisis is already declared for this organization."))
    crisis = Crisis.objects.create(
        organization=organization, title=title, agreed_position=agreed_position, declared_by=actor
    )
    crisis.working_group.set(working_group)
    audit.record(
        "content.crisis.declare",
        actor=actor,
        obj=crisis,
        changes={"working_group": [None, ", ".join(u.get_full_name() for u in working_group)]},
        comment=agreed_position,
    )
    people = User.objects.filter(
        is_active=True,
        memberships__organization__path__startswith=organization.path,
        memberships__role__in=[Role.CHAIRMAN, Role.ADMINISTRATOR],
    ).distinct()
    notify(
        [*people, *working_group],
        kind="content.crisis.declare",
        title=_("Crisis declared: %(title)s"),
        body=agreed_position,
        params={"title": title},
        url=reverse("content:crisis_detail", args=[crisis.pk]),
        actor=actor,
    )
    return crisis


@transaction.atomic
def crisis_end(*, actor: User, crisis: Crisis, note: str) -> Crisis:
    crisis = Crisis.objects.select_for_update().get(pk=crisis.pk)
    permissions.require(actor, "content.crisis.manage", crisis)
    if crisis.ended_at:
        raise InvalidTransition(_("This crisis has already ended."))
    crisis.ended_at, crisis.ended_by, crisis.end_note = timezone.now(), actor, note
    crisis.save(update_fields=["ended_at", "ended_by", "end_note"])
    audit.record("content.crisis.end", actor=actor, obj=crisis, comment=note)
    return crisis

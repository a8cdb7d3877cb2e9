"""Reads of the content app, scoped by the permission module."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from accounts import permissions
from accounts.models import Organization

from .models import (
    ContentPlan,
    Crisis,
    PlanItem,
    Publication,
    PublicationStatus,
    PublicationTarget,
    PublicationVersion,
)

S = PublicationStatus


def publications_visible_to(user: Any) -> QuerySet[Publication]:
    return permissions.visible(user, Publication.objects.all(), action="content.view")


def publication_list(
    user: Any,
    *,
    status: str = "",
    organization: Organization | None = None,
    own: bool = False,
    kind: str = "",
    query: str = "",
    attention: str = "",
    archived: bool = False,
) -> QuerySet[Publication]:
    """`attention`: "urgent" — urgent messages not yet acknowledged; "unchecked" — published
    without a permitted checklist (the compliance dashboard links here)."""
    qs = publications_visible_to(user).select_related("organization", "current_version", "author")
    # Issue 12 point 5: archived publications only under the "Archived" filter.
    qs = qs.archived() if archived else qs.active()
    if status:
        qs = qs.filter(status=status)
    if organization is not None and own:
        qs = qs.filter(organization=organization)
    elif organization is not None:
        qs = qs.filter(organization__path__startswith=organization.path)
    if attention == "urgent":
        qs = qs.filter(
            is_urgent=True,
            status=S.PUBLISHED,
            approved_by__isnull=True,
            acknowledged_at__isnull=True,
        )
    elif attention == "unchecked":
        # The checklist hangs on the version by its reverse name: content never imports it.
        permitted = PublicationVersion.objects.filter(
            pk=OuterRef("current_version"),
            checklist__status="completed",
            checklist__decision="permitted",
        )
        qs = qs.filter(status=S.PUBLISHED).exclude(Exists(permitted))
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        qs = qs.filter(current_version__title__icontains=query)
    return qs.prefetch_related(
        Prefetch("targets", queryset=PublicationTarget.objects.select_related("account"))
    ).order_by("-updated_at", "-id")


def plans_visible_to(user: Any) -> QuerySet[ContentPlan]:
    return permissions.visible(
        user, ContentPlan.objects.all(), action="content.view"
    ).select_related("organization")


def plan_items(plan: ContentPlan, today: date) -> QuerySet[PlanItem]:
    """The plan's items with what was published for them, and whether they are overdue (date
    passed, nothing published)."""
    published = Publication.objects.active().filter(plan_item=OuterRef("pk"), status=S.PUBLISHED)
    return (
        plan.items.annotate(is_published=Exists(published))
        .prefetch_related("accounts", "publications__current_version")
        .order_by("planned_on", "id")
    )


def calendar_entries(
    user: Any, start: date, end: date, *, account: int | None = None, kind: str = ""
) -> tuple[list[PlanItem], list[Publication]]:
    """Plan items planned and publications planned or published in [start, end]: two queries
    plus their prefetches, whatever the data size."""
    items = (
        permissions.visible(
            user, PlanItem.objects.all(), field="plan__organization", action="content.view"
        )
        .filter(planned_on__range=(start, end))
        .annotate(
            is_published=Exists(
                Publication.objects.active().filter(plan_item=OuterRef("pk"), status=S.PUBLISHED)
            )
        )
        .select_related("plan__organization")
        .prefetch_related("accounts")
    )
    publications = (
        publications_visible_to(user)
        .active()
        .filter(Q(planned_at__date__range=(start, end)) | Q(published_at__date__range=(start, end)))
    )
    publications = publications.select_related("current_version", "organization").prefetch_related(
        "accounts"
    )
    if account:
        items = items.filter(accounts__pk=account)
        publications = publications.filter(accounts__pk=account)
    if kind:
        items = items.filter(kind=kind)
        publications = publications.filter(kind=kind)
    return list(items.distinct()), list(publications.distinct())


def active_crises_for_user(user: Any) -> list[Crisis]:
    """Active crises that touch the user's organizations: declared for one of them or an
    ancestor (the user works inside it), or for a descendant (the user oversees it). One query."""
    grants = permissions.grants(user)
    if not grants and not getattr(user, "is_superuser", False):
        return []
    crises = list(Crisis.objects.filter(ended_at__isnull=True).select_related("organization"))
    if getattr(user, "is_superuser", False):
        return crises
    return [
        c
        for c in crises
        if any(
            c.organization.path.startswith(g.path) or g.path.startswith(c.organization.path)
            for g in grants
        )
    ]

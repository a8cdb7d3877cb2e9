"""The content calendar (docs/content.md, "Calendar"): what it shows and how an entry moves.

At union scale (issue 14 point 2) the calendar of an organization shows its own plan items and
publications in full and, for the organizations below it, one aggregate per day and direct child
organization (the child's whole subtree counted), each linking to that child's calendar. Two
GROUP BY queries whatever the size of the tree; at most CHILD_ROWS children are named, the rest
are a count linking to the organization's page.

Moving (issue 13 point 5): `plan_item_move` and `publication_move` are the only ways the calendar
changes a date. They check the permission and the plan's rules (R6.1), write the audit entry in
the same transaction, and refuse with a translated message — changing nothing — otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, Substr, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import archive, audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization, User

from .models import ContentPlan, PlanItem, Publication, PublicationStatus
from .workflows import EDITABLE, publication_workflow

S = PublicationStatus

# The children named on a calendar: the most active ones of the period; the others are counted.
CHILD_ROWS = 50
# A moved publication without a time keeps this one (the time a plan item's publication gets).
DEFAULT_TIME = time(10)
PLAN_EDITABLE = (ContentPlan.Status.DRAFT, ContentPlan.Status.RETURNED)

for _name, _label in (
    ("content.plan.item_move", _("Plan item moved to another day")),
    ("content.publication.move", _("Publication moved to another day")),
):
    audit.register(_name, _label)


# Reading -----------------------------------------------------------------------------------


def home_organization(user: Any) -> Organization | None:
    """The organization a user's calendar opens on: the highest one where the user holds a role
    (the shortest path; the first by id among equals). None for a superuser without a role,
    whose calendar counts the top of the tree."""
    grants = sorted(permissions.grants(user), key=lambda g: (len(g.path), g.organization_id))
    if not grants:
        return None
    return Organization.objects.filter(pk=grants[0].organization_id).first()


def _day_of_publication() -> Any:
    return TruncDate(Coalesce("published_at", "planned_at"))


def _publications_in(qs: QuerySet, start: date, end: date) -> QuerySet:
    """Publications planned or published in [start, end] (by their local day), active only."""
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end, time.max), tz)
    return (
        qs.filter(archived_at__isnull=True)
        .filter(Q(planned_at__range=(since, until)) | Q(published_at__range=(since, until)))
        .annotate(day=_day_of_publication())
        .filter(day__range=(start, end))
    )


def _filtered(items: QuerySet, publications: QuerySet, filters: dict) -> tuple[QuerySet, QuerySet]:
    if filters.get("account"):
        items = items.filter(accounts__pk=filters["account"])
        publications = publications.filter(accounts__pk=filters["account"])
    if filters.get("kind"):
        items = items.filter(kind=filters["kind"])
        publications = publications.filter(kind=filters["kind"])
    if filters.get("status"):
        publications = publications.filter(status=filters["status"])
    return items, publications


def own_entries(
    user: Any, organization: Organization, start: date, end: date, filters: dict
) -> tuple[list[PlanItem], list[Publication]]:
    """The organization's own plan items and publications of [start, end], in full: two
    queries. Each item says whether it may be moved by this user (`movable`)."""
    items = (
        permissions.visible(
            user, PlanItem.objects.all(), field="plan__organization", action="content.view"
        )
        .filter(plan__organization=organization, planned_on__range=(start, end))
        .annotate(
            is_published=Exists(
                Publication.objects.active().filter(plan_item=OuterRef("pk"), status=S.PUBLISHED)
            ),
            is_held=Exists(
                Publication.objects.active()
                .filter(plan_item=OuterRef("pk"))
                .exclude(status__in=EDITABLE)
            ),
        )
        .select_related("plan")
    )
    publications = _publications_in(
        permissions.visible(user, Publication.objects.all(), action="content.view").filter(
            organization=organization
        ),
        start,
        end,
    ).select_related("current_version")
    items, publications = _filtered(items, publications, filters)
    can_plan = permissions.can(user, "content.plan.edit", organization)
    can_edit = permissions.can(user, "content.publication.edit", organization)
    items = list(items.distinct().order_by("planned_on", "id"))
    publications = list(publications.distinct().order_by("day", "planned_at", "id"))
    for item in items:
        item.movable = (
            can_plan
            and item.plan.status in PLAN_EDITABLE
            and not item.is_published
            and not item.is_held
        )
    for publication in publications:
        publication.movable = (
            can_edit
            and publication.status in EDITABLE
            and publication.plan_item_id is None
            and publication.planned_at is not None
        )
    return items, publications


@dataclass
class ChildCounts:
    organization: Organization
    total: int = 0
    # day -> {"items": n, "publications": n, "published": n}
    days: dict[date, dict[str, int]] = field(default_factory=dict)


@dataclass
class Below:
    children: list[ChildCounts]
    more: int  # active children beyond the ones named
    # day -> [(ChildCounts, {"items": n, "publications": n, "published": n}), …]
    by_day: dict[date, list[tuple[ChildCounts, dict[str, int]]]]


def below_counts(
    user: Any, organization: Organization | None, start: date, end: date, filters: dict
) -> Below:
    """Per day and direct child organization of `organization` (the roots for None): the number
    of plan items and of publications (published ones apart) in the child's whole subtree.
    Three queries whatever the size of the tree: two GROUP BY and the named children."""
    if organization is None:
        prefix, length = "", Organization.steplen
    else:
        prefix, length = organization.path, len(organization.path) + Organization.steplen
    items = permissions.visible(
        user, PlanItem.objects.all(), field="plan__organization", action="content.view"
    ).filter(planned_on__range=(start, end), plan__organization__path__startswith=prefix)
    publications = _publications_in(
        permissions.visible(user, Publication.objects.all(), action="content.view").filter(
            organization__path__startswith=prefix
        ),
        start,
        end,
    )
    if organization is not None:
        items = items.exclude(plan__organization=organization)
        publications = publications.exclude(organization=organization)
    items, publications = _filtered(items, publications, filters)
    rows: dict[str, dict[date, dict[str, int]]] = defaultdict(dict)
    for child, day, n in (
        items.annotate(child=Substr("plan__organization__path", 1, length))
        .values_list("child", "planned_on")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        rows[child].setdefault(day, {"items": 0, "publications": 0, "published": 0})["items"] += n
    for child, day, status, n in (
        publications.annotate(child=Substr("organization__path", 1, length))
        .values_list("child", "day", "status")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        cell = rows[child].setdefault(day, {"items": 0, "publications": 0, "published": 0})
        cell["published" if status == S.PUBLISHED else "publications"] += n
    totals = sorted(
        ((sum(sum(c.values()) for c in days.values()), path) for path, days in rows.items()),
        key=lambda t: (-t[0], t[1]),
    )
    named = [path for _total, path in totals[:CHILD_ROWS]]
    organizations = {o.path: o for o in Organization.objects.filter(path__in=named)}
    children = [
        ChildCounts(organizations[path], total, rows[path])
        for total, path in totals[:CHILD_ROWS]
        if path in organizations
    ]
    by_day: dict[date, list[tuple[ChildCounts, dict[str, int]]]] = defaultdict(list)
    for child in children:
        for day, cell in child.days.items():
            by_day[day].append((child, cell))
    return Below(children=children, more=max(0, len(totals) - CHILD_ROWS), by_day=dict(by_day))


# Moving ------------------------------------------------------------------------------------


def _refuse(message: Any, rule: str = "") -> None:
    raise InvalidTransition(message, rule=rule)


@transaction.atomic
def plan_item_move(*, actor: User, item: PlanItem, day: date) -> PlanItem:
    """Move a plan item to another day of its plan (R6.1). Its publications still in drafting
    follow it, keeping their time of day."""
    plan = ContentPlan.objects.select_for_update().get(pk=item.plan_id)
    permissions.require(actor, "content.plan.edit", plan)
    item = PlanItem.objects.select_for_update().get(pk=item.pk, plan=plan)
    if plan.status not in PLAN_EDITABLE:
        _refuse(
            _(
                "The plan is approved or awaits approval, so its dates hold; ask the chairman to "
                "return it for revision first."
            ),
            "R6.1",
        )
    if not plan.starts_on <= day <= plan.ends_on:
        _refuse(
            _("The day is outside the plan's period (%(start)s–%(end)s).")
            % {"start": f"{plan.starts_on:%d.%m.%Y}", "end": f"{plan.ends_on:%d.%m.%Y}"},
            "R6.1-period",
        )
    publications = list(
        Publication.objects.active().select_for_update(of=("self",)).filter(plan_item=item)
    )
    if any(p.status not in EDITABLE for p in publications):
        _refuse(
            _(
                "A publication of this item is already submitted, approved or published; its "
                "day no longer moves."
            ),
            "R6.1-held",
        )
    old = item.planned_on
    if old == day:
        return item
    item.planned_on = day
    item.save(update_fields=["planned_on"])
    for publication in publications:
        _set_day(actor, publication, day)
    audit.record(
        "content.plan.item_move",
        actor=actor,
        obj=plan,
        changes={"item": [item.topic, item.topic], "planned_on": [str(old), str(day)]},
    )
    return item


def _set_day(actor: User, publication: Publication, day: date) -> None:
    before = publication.planned_at
    moment = timezone.localtime(before).time() if before else DEFAULT_TIME
    publication.planned_at = timezone.make_aware(datetime.combine(day, moment))
    publication.save(update_fields=["planned_at", "updated_at"])
    audit.record(
        "content.publication.move",
        actor=actor,
        obj=publication,
        changes={
            "planned_at": [
                timezone.localtime(before).isoformat() if before else None,
                timezone.localtime(publication.planned_at).isoformat(),
            ]
        },
    )


@transaction.atomic
def publication_move(*, actor: User, publication: Publication, day: date) -> Publication:
    """Move a publication in drafting to another day, keeping its time of day."""
    publication = publication_workflow.lock(publication)
    permissions.require(actor, "content.publication.edit", publication)
    archive.ensure_active(publication)
    if publication.status not in EDITABLE:
        _refuse(
            _(
                "Only a draft or a publication returned for revision moves to another day; this "
                "one is %(status)s."
            )
            % {"status": publication.get_status_display().lower()},
        )
    if publication.plan_item_id:
        _refuse(
            _("This publication follows its plan item's day: move the plan item instead."),
            "R6.1",
        )
    if publication.planned_at and timezone.localtime(publication.planned_at).date() == day:
        return publication
    _set_day(actor, publication, day)
    return publication

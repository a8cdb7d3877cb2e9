"""Reads about checklists: the submission gate content asks, the lawyer's queue, the figures
the half-year report (RPT3.4) asks for."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from accounts import permissions
from accounts.models import Membership, Organization, Role, User

from .models import Answer, Checklist, Decision, Route, TemplateItem, TemplateVersion


def permits_submission(version) -> bool:
    """Content's submit service asks this (issue 5, point 4): the version's checklist is
    completed with the decision "permitted" and no item is answered "no". One query."""
    if version is None:
        return False
    return (
        Checklist.objects.active()
        .filter(version=version, status=Checklist.Status.COMPLETED, decision=Decision.PERMITTED)
        .exclude(Exists(Answer.objects.filter(checklist=OuterRef("pk"), value=Answer.Value.NO)))
        .exists()
    )


def checklist_of(version) -> Checklist | None:
    return (
        Checklist.objects.select_related("template", "decided_by").filter(version=version).first()
    )


def template_for(checklist: Checklist | None) -> TemplateVersion | None:
    """The template a checklist was filled against; before it exists, the current one."""
    return checklist.template if checklist is not None else TemplateVersion.objects.current()


def progress(checklist: Checklist | None, template: TemplateVersion | None) -> dict[str, int]:
    total = TemplateItem.objects.filter(section__template=template).count() if template else 0
    answered = checklist.answers.count() if checklist is not None else 0
    return {
        "answered": answered,
        "total": total,
        "percent": round(100 * answered / total) if total else 0,
    }


def lawyers_for(organization: Organization) -> QuerySet[User]:
    """Lawyers a checklist of `organization` may be routed to: of the organization itself or of
    any organization above it (issue 5, point 5)."""
    paths = organization.ancestor_paths(include_self=True)
    return (
        User.objects.filter(
            is_active=True,
            memberships__role=Role.LAWYER,
            memberships__organization__path__in=paths,
            memberships__organization__is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def waiting_for(user: User, *, archived: bool = False) -> QuerySet[Checklist]:
    """Checklists in progress with items routed to this lawyer and not yet answered. Issue 12
    point 5: `archived` shows, instead, those archived (or whose publication is archived)."""
    waiting = Route.objects.filter(checklist=OuterRef("pk"), lawyer=user, answered_at__isnull=True)
    active = Q(archived_at__isnull=True, version__publication__archived_at__isnull=True)
    return (
        permissions.visible(
            user,
            Checklist.objects.filter(status=Checklist.Status.IN_PROGRESS).filter(
                ~active if archived else active
            ),
            field="version__publication__organization",
        )
        .filter(Exists(waiting))
        .annotate(
            waiting_items=Count(
                "routes", filter=Q(routes__lawyer=user, routes__answered_at__isnull=True)
            ),
            routed_at=Max("routes__routed_at", filter=Q(routes__lawyer=user)),
        )
        .select_related("version__publication__organization")
        .order_by("routed_at", "pk")
    )


def position_of(user: User, organization: Organization) -> str:
    membership = (
        Membership.objects.filter(user=user, organization=organization).exclude(position="").first()
    )
    return membership.position if membership else ""


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def report_figures(organization: Organization, start: date, end: date) -> dict[str, Any]:
    """RPT3.4 for the organization's subtree and the period: the publications published within
    it, the share whose checklist (of the published version) was completed with "permitted",
    the items most often answered "no", how many times they were sent back for revision, and
    the remarks ("no" answers' and revision decisions' comments). Four aggregate queries,
    whatever the size of the subtree (the reports issue calls this)."""
    from content.models import Publication, PublicationStatus

    since, until = _bounds(start, end)
    published = Publication.objects.active().filter(
        organization__path__startswith=organization.path,
        status=PublicationStatus.PUBLISHED,
        published_at__gte=since,
        published_at__lt=until,
    )
    ok = Q(
        current_version__checklist__status=Checklist.Status.COMPLETED,
        current_version__checklist__decision=Decision.PERMITTED,
    )
    totals = published.aggregate(published=Count("pk"), checked=Count("pk", filter=ok))
    # Every checklist of every version of these publications: the path to the published one.
    checklists = Checklist.objects.filter(version__publication__in=published)
    count, checked = totals["published"], totals["checked"]
    figures = compliance_figures(checklists, count, checked)
    figures["fully_compliant"] = bool(count) and checked == count and not figures["remarks"]
    return figures


def compliance_figures(
    checklists, published: int, checked: int, *, remarks_of=None, remarks_limit=None
) -> dict[str, Any]:
    """RPT3.4's figures from the checklists of the published publications: the revisions, the
    ten items most often answered "no", and the remarks ("no" answers' and revision decisions'
    comments, newest first) of `remarks_of` (default: the same checklists), at most
    `remarks_limit`. Three queries. The half-year report above the primary level
    (reports.compute) calls it with the organization's own checklists for the remarks."""
    revisions = checklists.aggregate(
        revisions=Count("pk", filter=Q(decision=Decision.REVISION)),
        revised=Count("version__publication", filter=Q(decision=Decision.REVISION), distinct=True),
    )
    text = "item__text_ru" if (get_language() or "").startswith("ru") else "item__text_kk"
    no_answers = Answer.objects.filter(checklist__in=checklists, value=Answer.Value.NO)
    top = list(
        no_answers.values("item__code")
        .annotate(
            count=Count("pk"),
            text=Max(text),
            text_kk=Max("item__text_kk"),
            text_ru=Max("item__text_ru"),
        )
        .order_by("-count", "item__code")[:10]
    )
    source = checklists if remarks_of is None else remarks_of
    remarks = (
        Answer.objects.filter(checklist__in=source, value=Answer.Value.NO)
        .order_by()
        .values_list(
            "item__code",
            "comment",
            "checklist__version__publication_id",
            "checklist__version__title",
            "answered_at",
        )
        .union(
            source.filter(decision=Decision.REVISION)
            .order_by()
            .values_list(
                # "CL9": the final decision's row of Appendix 1.
                *("decision", "decision_comment", "version__publication_id", "version__title"),
                "decided_at",
            ),
            all=True,
        )
        .order_by("-answered_at")
    )
    if remarks_limit is not None:
        remarks = remarks[:remarks_limit]
    return {
        "published": published,
        "checked": checked,
        "share": round(checked / published, 4) if published else None,
        "share_percent": round(100 * checked / published, 1) if published else None,
        "revisions": revisions["revisions"],
        "revised_publications": revisions["revised"],
        "top_no": [
            {
                "code": row["item__code"],
                "text": row["text"],
                "text_kk": row["text_kk"],
                "text_ru": row["text_ru"],
                "count": row["count"],
            }
            for row in top
        ],
        "remarks": [
            {
                "kind": "revision" if code == Decision.REVISION else "no",
                "code": "CL9" if code == Decision.REVISION else code,
                "comment": comment,
                "publication_id": publication_id,
                "title": title,
                "at": at,
            }
            for code, comment, publication_id, title, at in remarks
        ],
    }

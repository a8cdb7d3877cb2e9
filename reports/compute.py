"""The report's data sections, computed from the other apps' data for an organization's subtree
and a period in a fixed number of aggregate queries (issue 7, "Speed"): no loop over
publications, and the only Python loop is over the organization's accounts (a handful).

Above the primary level (issue 14, point 3) the report aggregates per direct child organization
instead: one row per child, each summed over the child's own subtree with one GROUP BY on the
path prefix (`Substr(path, 1, len(path) + steplen)`, as the roll-up does), and it lists only the
organization's own accounts and remarks; the full detail is in the roll-up's XLSX. The number of
queries does not depend on the number of organizations, and the snapshot grows with the number
of direct children only. A primary organization keeps the report as it was.

The result is JSON (codes, not labels: the page and the PDF translate them, so one frozen
snapshot renders in Kazakh and in Russian).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Avg, Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from accounts.models import Organization, OrganizationKind
from content.models import ModerationAction, Publication, PublicationStatus
from content.taxonomy import ContentKind
from registry.models import AccountStatus, OfficialAccount

from .models import AccountPeriodMetrics, PublicationMetrics, SubscriberCount

DELETIONS = (
    ModerationAction.Action.COMMENT_DELETED,
    ModerationAction.Action.PUBLICATION_DELETED,
)
TOP_TOPICS = 10
TOP_PUBLICATIONS = 5
# Above the primary level: the organization's own remarks (RPT3.4) kept in the snapshot at most.
OWN_REMARKS = 50


# RPT3.1, RPT3.2: the publications' figures, for one aggregate or one row per child.
_PUBLICATION_FIGURES = {
    "total": Count("pk"),
    # R6.4: urgent messages that went out before approval, and those the head has not yet
    # acknowledged.
    "urgent": Count("pk", filter=Q(is_urgent=True, approved_by__isnull=True)),
    "urgent_unacknowledged": Count(
        "pk", filter=Q(is_urgent=True, approved_by__isnull=True, acknowledged_at__isnull=True)
    ),
    # R6.1: publications outside the content plan (each states why when submitted).
    "unplanned": Count("pk", filter=Q(plan_item__isnull=True)),
    **{kind.value: Count("pk", filter=Q(kind=kind.value)) for kind in ContentKind},
}


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def _with_subscribers(qs, start: date, end: date):
    """Annotate accounts with their subscribers at the start of the period (the last count on or
    before the first day, else the first count within the period) and at the end (the last
    count on or before the last day): correlated subqueries, one SELECT in all."""
    counts = SubscriberCount.objects.filter(account=OuterRef("pk"))
    before = counts.filter(on__lte=start).order_by("-on").values("subscribers")[:1]
    first_within = counts.filter(on__gt=start, on__lte=end).order_by("on").values("subscribers")
    at_end = counts.filter(on__lte=end).order_by("-on").values("subscribers")[:1]
    # Issue 15: a connected channel's counts are measured daily (channels.SubscriberSnapshot)
    # and win over a hand-entered count; the row says which values were measured.
    from channels.models import SubscriberSnapshot

    measured = SubscriberSnapshot.objects.filter(
        account=OuterRef("pk"), source=SubscriberSnapshot.Source.MEASURED
    )
    m_before = measured.filter(date__lte=start).order_by("-date").values("count")[:1]
    m_within = measured.filter(date__gt=start, date__lte=end).order_by("date").values("count")
    m_end = measured.filter(date__lte=end).order_by("-date").values("count")[:1]
    return (
        qs.exclude(status=AccountStatus.CLOSED, status_changed_on__lt=start)
        .annotate(
            measured_start=Coalesce(Subquery(m_before), Subquery(m_within[:1])),
            measured_end=Subquery(m_end),
        )
        .annotate(
            subs_start=Coalesce(F("measured_start"), Subquery(before), Subquery(first_within[:1])),
            subs_end=Coalesce(F("measured_end"), Subquery(at_end)),
        )
    )


def _accounts(
    organization: Organization, start: date, end: date, *, own_only: bool = False
) -> list[dict[str, Any]]:
    """RPT1.3 and RPT4.1 in one query: the accounts open during the period (of the subtree, or
    of the organization alone with `own_only`)."""
    scope = (
        Q(organization=organization)
        if own_only
        else Q(organization__path__startswith=organization.path)
    )
    rows = (
        _with_subscribers(OfficialAccount.objects.active().filter(scope), start, end)
        .order_by("organization__path", "network", "display_name", "pk")
        .values("pk", "network", "display_name", "url", "subs_start", "subs_end", "measured_end")
    )
    return [
        {
            "id": row["pk"],
            "network": row["network"],
            "name": row["display_name"],
            "url": row["url"],
            "subscribers_start": row["subs_start"],
            "subscribers_end": row["subs_end"],
            "measured": row["measured_end"] is not None,
        }
        for row in rows
    ]


def _accounts_with_subscribers(
    base: Organization, start: date, end: date, prefix_len: int
) -> QuerySet:
    """The roll-up's accounts with subscribers and their organization's path prefix."""
    return (
        _with_subscribers(
            OfficialAccount.objects.active().filter(organization__path__startswith=base.path),
            start,
            end,
        )
        .annotate(prefix=Substr("organization__path", 1, prefix_len))
        .values("prefix", "subs_start", "subs_end")
        .order_by()
    )


def _audience(accounts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """RPT4.1 per network, summed over the accounts that have counts."""
    networks: dict[str, dict[str, Any]] = {}
    for account in accounts:
        if account["subscribers_end"] is None and account["subscribers_start"] is None:
            continue
        row = networks.setdefault(
            account["network"], {"network": account["network"], "start": 0, "end": 0}
        )
        row["start"] += account["subscribers_start"] or 0
        row["end"] += account["subscribers_end"] or account["subscribers_start"] or 0
        if account.get("measured"):
            row["measured"] = True  # RPT4.1: counted by the product, not typed
    out = sorted(networks.values(), key=lambda r: r["network"])
    for row in out:
        row["growth"] = row["end"] - row["start"]
    return out


def aggregates_children(organization: Organization) -> bool:
    """Issue 14, point 3: above the primary level the report has one row per direct child.
    A primary organization (even one with organizations below) keeps the per-account report."""
    return organization.kind != OrganizationKind.PRIMARY


def compute(organization: Organization, start: date, end: date) -> dict[str, Any]:
    if aggregates_children(organization):
        children = list(
            Organization.objects.filter(
                path__startswith=organization.path, depth=organization.depth + 1
            )
            .order_by("path")
            .values("pk", "path", "name_kk", "name_ru")
        )
        if children:
            return compute_by_children(organization, children, start, end)
    return _compute_subtree(organization, start, end)


def _compute_subtree(organization: Organization, start: date, end: date) -> dict[str, Any]:
    from appeals.models import Appeal, Outcome, Topic
    from checklist.selectors import report_figures

    since, until = bounds(start, end)
    subtree = organization.path
    # Issue 12 point 5: archived records count nowhere (docs/architecture.md).
    published = Publication.objects.active().filter(
        organization__path__startswith=subtree,
        status=PublicationStatus.PUBLISHED,
        published_at__gte=since,
        published_at__lt=until,
    )

    # RPT1.3, RPT4.1 — 1 query.
    accounts = _accounts(organization, start, end)

    # RPT3.1, RPT3.2 — 1 query.
    by_kind = published.aggregate(**_PUBLICATION_FIGURES)

    # RPT3.3 — 2 queries: topics and directions.
    topics, directions = _topics(published)

    # RPT3.4 — report_figures: 4 queries (checklist app).
    figures = report_figures(organization, start, end)

    # RPT4.2, RPT4.3 — 3 queries.
    period, post_totals, best = _engagement(published, subtree, start, end)

    # RPT5.1 (messages), RPT5.2, RPT5.3 — 1 query over the appeals received in the period.
    # A copy forwarded inside the subtree is the same appeal: its original already counts.
    appeals = (
        Appeal.objects.active()
        .filter(organization__path__startswith=subtree, registered_on__range=(start, end))
        .exclude(forwarded_from__organization__path__startswith=subtree)
        .aggregate(
            messages=Count("pk"),
            **{f"topic_{t.value}": Count("pk", filter=Q(topic=t.value)) for t in Topic},
            **{f"outcome_{o.value}": Count("pk", filter=Q(outcome=o.value)) for o in Outcome},
        )
    )

    # RPT5.1 (moderated comments) and RPT6.1 — 1 query grouped by action and ground.
    moderation = list(
        ModerationAction.objects.filter(
            account__organization__path__startswith=subtree, occurred_on__range=(start, end)
        )
        .values("action", "ground")
        .annotate(count=Count("pk"))
        .order_by("action", "ground")
    )
    deletions = [row for row in moderation if row["action"] in DELETIONS]

    comments = (period["comments"] or 0) if period["rows"] else (post_totals["comments"] or 0)
    data = {
        "version": 1,
        "organization": {
            "id": organization.pk,
            "kk": organization.name_kk,
            "ru": organization.name_ru,
        },
        "period": {"start": start, "end": end},
        "accounts": accounts,
        "publications": {
            "total": by_kind["total"],
            "urgent": by_kind["urgent"],
            "urgent_unacknowledged": by_kind["urgent_unacknowledged"],
            "unplanned": by_kind["unplanned"],
            "by_kind": [{"kind": k.value, "count": by_kind[k.value]} for k in ContentKind],
            "topics": topics,
            "directions": directions,
        },
        "compliance": figures,
        "audience": _audience(accounts),
        "engagement": {
            "period": {k: _number(v) for k, v in period.items()},
            "posts": {k: _number(v) for k, v in post_totals.items()},
        },
        "best": best,
        "appeals": {
            "comments": comments,
            "messages": appeals["messages"],
            "moderated": sum(row["count"] for row in moderation),
            "topics": [{"topic": t.value, "count": appeals[f"topic_{t.value}"]} for t in Topic],
            "outcomes": [
                {"outcome": o.value, "count": appeals[f"outcome_{o.value}"]} for o in Outcome
            ],
        },
        "deletions": {
            "total": sum(row["count"] for row in deletions),
            "rows": deletions,
        },
    }
    return to_json(data)


# ---------------------------------------------------------------- above the primary level


def _published(subtree: str, start: date, end: date) -> QuerySet:
    since, until = bounds(start, end)
    return Publication.objects.active().filter(
        organization__path__startswith=subtree,
        status=PublicationStatus.PUBLISHED,
        published_at__gte=since,
        published_at__lt=until,
    )


def _row(pk: int | None, kk: str, ru: str) -> dict[str, Any]:
    return {
        "id": pk,
        "kk": kk,
        "ru": ru,
        "report": None,
        "accounts": 0,
        "subscribers_start": 0,
        "subscribers_end": 0,
        "growth": 0,
        "publications": 0,
        "checked": 0,
        "messages": 0,
        "deletions": 0,
    }


def compute_by_children(
    organization: Organization, children: list[dict[str, Any]], start: date, end: date
) -> dict[str, Any]:
    """The report of an organization above the primary level: every figure of the subtree,
    with the per-account table replaced by one row per direct child (each summed over its own
    subtree) and the organization's own accounts and remarks. 15 queries whatever the size of
    the tree: each per-child figure is one GROUP BY on the path prefix."""
    from appeals.models import Appeal, Outcome, Topic
    from checklist.models import Checklist, Decision

    subtree = organization.path
    prefix_len = len(subtree) + Organization.steplen
    own = _row(None, organization.name_kk, organization.name_ru)
    rows = {subtree: own}
    for child in children:
        rows[child["path"]] = _row(child["pk"], child["name_kk"], child["name_ru"])

    def grouped(qs: QuerySet, path_field: str, *fields: str, **aggregates: Any):
        return (
            qs.annotate(prefix=Substr(path_field, 1, prefix_len))
            .values("prefix", *fields)
            .annotate(**aggregates)
            .order_by()
        )

    published = _published(subtree, start, end)

    # RPT1.3 — 1 query: the organization's own accounts, in full.
    accounts = _accounts(organization, start, end, own_only=True)

    # RPT1.3, RPT4.1 — 1 query: accounts and subscribers per child and network.
    counted = Q(subs_start__isnull=False) | Q(subs_end__isnull=False)
    networks: dict[str, dict[str, Any]] = {}
    for row in grouped(
        _with_subscribers(
            OfficialAccount.objects.active().filter(organization__path__startswith=subtree),
            start,
            end,
        ),
        "organization__path",
        "network",
        n=Count("pk"),
        counted=Count("pk", filter=counted),
        measured=Count("pk", filter=Q(measured_end__isnull=False)),
        start=Coalesce(Sum("subs_start"), 0),
        end=Coalesce(Sum(Coalesce("subs_end", "subs_start")), 0),
    ):
        target = rows.get(row["prefix"])
        if target is not None:
            target["accounts"] += row["n"]
            target["subscribers_start"] += row["start"]
            target["subscribers_end"] += row["end"]
        if row["counted"]:
            network = networks.setdefault(
                row["network"], {"network": row["network"], "start": 0, "end": 0}
            )
            network["start"] += row["start"]
            network["end"] += row["end"]
            if row["measured"]:
                network["measured"] = True  # RPT4.1: counted by the product, not typed
    audience = sorted(networks.values(), key=lambda r: r["network"])
    for network in audience:
        network["growth"] = network["end"] - network["start"]

    # RPT3.1, RPT3.2, RPT3.4 (share checked) — 1 query per child.
    ok = Q(
        current_version__checklist__status=Checklist.Status.COMPLETED,
        current_version__checklist__decision=Decision.PERMITTED,
    )
    totals: dict[str, int] = {}
    for row in grouped(
        published, "organization__path", checked=Count("pk", filter=ok), **_PUBLICATION_FIGURES
    ):
        for key, value in row.items():
            if key != "prefix":
                totals[key] = totals.get(key, 0) + value
        target = rows.get(row["prefix"])
        if target is not None:
            target["publications"] = row["total"]
            target["checked"] = row["checked"]

    # RPT3.3 — 2 queries.
    topics, directions = _topics(published)

    # RPT3.4 — 3 queries: revisions and the items most often answered "no" over the subtree;
    # the remarks of the organization's own publications only.
    checklists = Checklist.objects.filter(version__publication__in=published)
    compliance = _compliance(
        organization, checklists, totals.get("total", 0), totals.get("checked", 0)
    )

    # RPT4.2, RPT4.3 — 3 queries.
    period, post_totals, best = _engagement(published, subtree, start, end)

    # RPT5.1–5.3 — 1 query per child; a copy forwarded inside the subtree is the same appeal.
    appeals: dict[str, int] = {}
    for row in grouped(
        Appeal.objects.active()
        .filter(organization__path__startswith=subtree, registered_on__range=(start, end))
        .exclude(forwarded_from__organization__path__startswith=subtree),
        "organization__path",
        messages=Count("pk"),
        **{f"topic_{t.value}": Count("pk", filter=Q(topic=t.value)) for t in Topic},
        **{f"outcome_{o.value}": Count("pk", filter=Q(outcome=o.value)) for o in Outcome},
    ):
        for key, value in row.items():
            if key != "prefix":
                appeals[key] = appeals.get(key, 0) + value
        target = rows.get(row["prefix"])
        if target is not None:
            target["messages"] = row["messages"]

    # RPT5.1 (moderated comments), RPT6.1 — 1 query per child, action and ground.
    moderation: dict[tuple[str, str], int] = {}
    for row in grouped(
        ModerationAction.objects.filter(
            account__organization__path__startswith=subtree, occurred_on__range=(start, end)
        ),
        "account__organization__path",
        "action",
        "ground",
        count=Count("pk"),
    ):
        key = (row["action"], row["ground"])
        moderation[key] = moderation.get(key, 0) + row["count"]
        target = rows.get(row["prefix"])
        if target is not None and row["action"] in DELETIONS:
            target["deletions"] += row["count"]
    deletions = [
        {"action": action, "ground": ground, "count": count}
        for (action, ground), count in sorted(moderation.items())
        if action in DELETIONS
    ]

    # Each child's own report for the period — 1 query.
    from .models import Report

    for report in (
        Report.objects.active()
        .filter(organization_id__in=[c["pk"] for c in children], starts_on=start, ends_on=end)
        .values("pk", "organization__path", "status")
    ):
        rows[report["organization__path"]]["report"] = {
            "pk": report["pk"],
            "status": report["status"],
        }

    for row in rows.values():
        row["growth"] = row["subscribers_end"] - row["subscribers_start"]
    comments = (period["comments"] or 0) if period["rows"] else (post_totals["comments"] or 0)
    data = {
        "version": 1,
        "scope": "children",
        "organization": {
            "id": organization.pk,
            "kk": organization.name_kk,
            "ru": organization.name_ru,
        },
        "period": {"start": start, "end": end},
        "accounts": accounts,
        "own": own,
        "children": [rows[child["path"]] for child in children],
        "publications": {
            "total": totals.get("total", 0),
            "urgent": totals.get("urgent", 0),
            "urgent_unacknowledged": totals.get("urgent_unacknowledged", 0),
            "unplanned": totals.get("unplanned", 0),
            "by_kind": [{"kind": k.value, "count": totals.get(k.value, 0)} for k in ContentKind],
            "topics": topics,
            "directions": directions,
        },
        "compliance": compliance,
        "audience": audience,
        "engagement": {
            "period": {k: _number(v) for k, v in period.items()},
            "posts": {k: _number(v) for k, v in post_totals.items()},
        },
        "best": best,
        "appeals": {
            "comments": comments,
            "messages": appeals.get("messages", 0),
            "moderated": sum(moderation.values()),
            "topics": [
                {"topic": t.value, "count": appeals.get(f"topic_{t.value}", 0)} for t in Topic
            ],
            "outcomes": [
                {"outcome": o.value, "count": appeals.get(f"outcome_{o.value}", 0)} for o in Outcome
            ],
        },
        "deletions": {"total": sum(row["count"] for row in deletions), "rows": deletions},
    }
    return to_json(data)


def _compliance(
    organization: Organization, checklists: QuerySet, published: int, checked: int
) -> dict[str, Any]:
    """RPT3.4 above the primary level, in the shape of checklist.selectors.report_figures: the
    revisions and the items most often answered "no" over the subtree (2 queries), the remarks
    of the organization's own publications only, newest first, at most OWN_REMARKS (1 query)."""
    from checklist.selectors import compliance_figures

    own = checklists.filter(version__publication__organization=organization)
    figures = compliance_figures(
        checklists, published, checked, remarks_of=own, remarks_limit=OWN_REMARKS
    )
    figures["own_remarks_only"] = True
    figures["fully_compliant"] = (
        bool(published)
        and checked == published
        and not figures["revisions"]
        and not figures["top_no"]
    )
    return figures


def _topics(published: QuerySet) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    # RPT3.3 — 1 query: the plan topics of the published publications, most frequent first.
    topics = list(
        published.exclude(plan_item__isnull=True)
        .values(topic=F("plan_item__topic"))
        .annotate(count=Count("pk"))
        .order_by("-count", "topic")[:TOP_TOPICS]
    )
    # ... and the Regulation's directions (R5.3) — 1 query.
    directions = list(
        published.values("direction").annotate(count=Count("pk")).order_by("-count", "direction")
    )
    return topics, directions


def _engagement(published: QuerySet, subtree: str, start: date, end: date):
    # RPT4.2 — 2 queries: the networks' period statistics and the posts' own figures.
    period = AccountPeriodMetrics.objects.filter(
        account__organization__path__startswith=subtree, starts_on__gte=start, ends_on__lte=end
    ).aggregate(
        rows=Count("pk"),
        average_views=Avg("average_views"),
        likes=Sum("likes"),
        comments=Sum("comments"),
        shares=Sum("shares"),
    )
    posts = PublicationMetrics.objects.filter(target__publication__in=published)
    post_totals = posts.aggregate(
        rows=Count("pk"),
        average_views=Avg("views"),
        views=Sum("views"),
        likes=Sum("likes"),
        comments=Sum("comments"),
        shares=Sum("shares"),
    )

    # RPT4.3 — 1 query: publications with the most engagement over all their posts.
    best = list(
        posts.values(
            publication=F("target__publication_id"),
            title=F("target__publication__current_version__title"),
            kind=F("target__publication__kind"),
            published_at=F("target__publication__published_at"),
        )
        .annotate(
            views=Sum("views"),
            engagement=Sum(F("likes") + F("comments") + F("shares")),
        )
        .order_by("-engagement", "-views", "publication")[:TOP_PUBLICATIONS]
    )
    return period, post_totals, best


def _number(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float):
        return round(value, 1)
    return value


def to_json(data: dict[str, Any]) -> dict[str, Any]:
    """Dates, datetimes and decimals as JSON text, so a snapshot stores what the page shows."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))

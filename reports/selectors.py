"""Reads of the reports app, scoped by the permission module: the report list, the roll-up of
a subtree (point 4) and the compliance dashboard (point 5). The roll-up and the dashboard are a
fixed number of aggregate queries grouped by organization, whatever the size of the tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Min, Q, QuerySet, Sum
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy

from accounts import permissions
from accounts.models import Organization
from content.taxonomy import ContentKind

from .models import (
    HANDED_IN,
    OrganizationSummary,
    Report,
    ReportStatus,
    RollupSummary,
    half_year,
    previous_half_year,
)


def accepted_overlapping(
    organization: Organization, start: date, end: date, exclude: Report | None = None
) -> QuerySet[Report]:
    """The organization's accepted reports whose period overlaps start–end (a period is
    reported once)."""
    qs = Report.objects.active().filter(
        organization=organization,
        status=ReportStatus.ACCEPTED,
        starts_on__lte=end,
        ends_on__gte=start,
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs


def reports_visible_to(user: Any) -> QuerySet[Report]:
    return permissions.visible(
        user, Report.objects.all(), action="reports.report.view"
    ).select_related("organization")


# ---------------------------------------------------------------- roll-up (point 4)


@dataclass
class RollupRow:
    organization: Organization
    own_only: bool = False  # the base organization's own data, not its subtree
    report: dict[str, Any] | None = None
    publications: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    accounts: int = 0
    subscribers_start: int = 0
    subscribers_end: int = 0
    messages: int = 0
    deletions: int = 0

    @property
    def growth(self) -> int:
        return self.subscribers_end - self.subscribers_start

    @property
    def kinds(self) -> list[int]:
        return [self.by_kind.get(k.value, 0) for k in ContentKind]

    @property
    def status(self) -> str:
        return self.report["status"] if self.report else ""

    @property
    def handed_in(self) -> bool:
        return self.status in HANDED_IN

    def add(self, other: RollupRow) -> None:
        self.publications += other.publications
        for key, value in other.by_kind.items():
            self.by_kind[key] = self.by_kind.get(key, 0) + value
        self.accounts += other.accounts
        self.subscribers_start += other.subscribers_start
        self.subscribers_end += other.subscribers_end
        self.messages += other.messages
        self.deletions += other.deletions


@dataclass
class Rollup:
    base: Organization
    start: date
    end: date
    rows: list[RollupRow]
    total: RollupRow
    missing: list[RollupRow]  # children whose report for the period is not handed in
    subtree_organizations: int
    subtree_handed_in: int
    missing_count: int = 0  # children whose report is not handed in (all pages)
    page: Any = None  # the children's page, when paged
    computed_at: datetime | None = None  # None: computed at the request

    @property
    def subtree_missing(self) -> int:
        return self.subtree_organizations - self.subtree_handed_in


def rollup(
    base: Organization, start: date, end: date, page: Any = None, page_size: int | None = None
) -> Rollup:
    """Totals over `base`'s subtree for the period, one row per child organization (each
    summed over its own subtree) plus `base`'s own data, and who has not handed in a report.

    A half-year of the last five years is read from the summary (issue 14, point 4;
    reports/summary.py): `base`'s row and its children's rows, three queries whatever the size
    of the tree; computed at the request when not kept yet (or, for an older half-year beat
    does not refresh, kept for more than a day). With `page` the children are paged
    (`Rollup.page`; base's own row first on the first page); without, all of them (the PDF and
    XLSX). Another period is computed live (summary.live_rollup)."""
    from . import summary

    if not summary.is_kept(start, end, timezone.localdate()):
        return summary.live_rollup(base, start, end)
    kept = RollupSummary.objects.filter(starts_on=start, ends_on=end)
    base_row = kept.filter(organization=base).first()
    # A fresh installation, a new organization, an older half-year not computed today.
    if summary.needs_refresh(base_row, timezone.localdate()):
        summary.refresh_rollup(start, end)
        base_row = kept.filter(organization=base).get()
    qs = (
        kept.filter(
            organization__path__startswith=base.path,
            organization__depth__in=(base.depth, base.depth + 1),
        )
        .select_related("organization")
        .order_by("organization__path")
    )
    paged = None
    if page is not None:
        from django.core.paginator import Paginator

        paged = Paginator(qs, page_size or settings.REPORTS_DASHBOARD_PAGE_SIZE).get_page(page)
        summaries = list(paged.object_list)
    else:
        summaries = list(qs)
    rows = []
    for item in summaries:
        own_only = item.organization_id == base.pk
        figures = item.own if own_only else item.subtree
        row = RollupRow(
            base if own_only else item.organization,
            own_only=own_only,
            report=_report_dict(item.report_pk, item.report_status),
            **_rollup_figures(figures),
        )
        rows.append(row)
    total = RollupRow(base, **_rollup_figures(base_row.subtree))
    total.messages = base_row.subtree_messages
    if paged is not None:
        paged.object_list = rows
    return Rollup(
        base=base,
        start=start,
        end=end,
        rows=rows,
        total=total,
        missing=[row for row in rows if not row.own_only and not row.handed_in],
        subtree_organizations=base_row.descendants,
        subtree_handed_in=base_row.descendants_handed_in,
        missing_count=base_row.children_missing,
        page=paged,
        computed_at=base_row.computed_at,
    )


def _report_dict(pk: int | None, status: str) -> dict[str, Any] | None:
    if not pk:
        return None
    return {"pk": pk, "status": status, "label": ReportStatus(status).label}


def _rollup_figures(figures: dict[str, Any]) -> dict[str, Any]:
    return {
        "publications": figures.get("publications", 0),
        "by_kind": dict(figures.get("by_kind", {})),
        "accounts": figures.get("accounts", 0),
        "subscribers_start": figures.get("subscribers_start", 0),
        "subscribers_end": figures.get("subscribers_end", 0),
        "messages": figures.get("messages", 0),
        "deletions": figures.get("deletions", 0),
    }


# ---------------------------------------------------------------- dashboard (point 5)

R4_FLAGS = ("no_decision", "no_logo_check", "no_administrator", "closed_target")
R9_FLAGS = ("access_list", "rotation_overdue")
FAMILIES = ("R4", "R6", "R8", "R9", "Appendix 1", "Appendix 2")
# What the page calls each family: in words, never the rule's code.
FAMILY_LABELS = {
    "R4": gettext_lazy("Official accounts"),
    "R6": gettext_lazy("Content plan and urgent messages"),
    "R8": gettext_lazy("Appeals answered in time"),
    "R9": gettext_lazy("Access and passwords"),
    "Appendix 1": gettext_lazy("Pre-publication checklist"),
    "Appendix 2": gettext_lazy("Half-year reports"),
}
COLUMNS = ("name", "flagged", "overdue", "urgent", "unchecked", "plan", "report")
# Issue 13, point 8: what each score and column means, with the rules it counts (the legend
# under the table; each score card and column header points at its entry).
FAMILY_RULES = {
    "R4": "R4.1, R4.2, R4.4, R4.5",
    "R6": "R6.1, R6.4",
    "R8": "R8.2",
    "R9": "R9.2, R9.3",
    "Appendix 1": "CL1–CL9",
    "Appendix 2": "RPT1–RPT10",
}
FAMILY_EXPLANATIONS = {
    "R4": gettext_lazy(
        "Share of the official accounts with none of these registry flags: no decision of the "
        "union body, logo not checked, no administrator appointed, a closed account still a "
        "publishing target."
    ),
    "R6": gettext_lazy(
        "Share of the organizations with official accounts that have an approved content plan "
        "for today and no urgent publication the head has not been informed of."
    ),
    "R8": gettext_lazy(
        "Share of the open appeals whose first response (3 working days) or official response "
        "(15 working days) is not overdue."
    ),
    "R9": gettext_lazy(
        "Share of the official accounts whose list of persons with access is approved, with no "
        "change waiting, and whose password was changed in time."
    ),
    "Appendix 1": gettext_lazy(
        "Share of the publications since the half-year began whose current version has a "
        "completed checklist permitting publication."
    ),
    "Appendix 2": gettext_lazy(
        "Share of the organizations with official accounts whose report for the previous "
        "half-year is submitted or accepted."
    ),
}
COLUMN_RULES = {
    "flagged": "R4.2, R4.4, R4.5, R9.2, R9.3",
    "overdue": "R8.2",
    "urgent": "R6.4",
    "unchecked": "CL9",
    "plan": "R6.1",
    "report": "RPT1–RPT10",
}
COLUMN_EXPLANATIONS = {
    "flagged": gettext_lazy(
        "Official accounts of the organization with at least one registry flag."
    ),
    "overdue": gettext_lazy("Open appeals past their first-response or official-response date."),
    "urgent": gettext_lazy("Urgent messages published first whose head is not yet informed."),
    "unchecked": gettext_lazy(
        "Publications since the half-year began without a completed checklist permitting them."
    ),
    "plan": gettext_lazy("Whether the content plan covering today is approved."),
    "report": gettext_lazy("The half-year report for the previous half-year and its status."),
}


@dataclass
class DashboardRow:
    pk: int
    name: str
    path: str
    depth: int
    accounts: int = 0
    flagged: int = 0
    overdue: int = 0
    urgent: int = 0
    unchecked: int = 0
    plan: str = ""  # "approved", "pending" (a plan exists but is not approved), "" (none)
    report_status: str = ""
    report_pk: int | None = None
    links: dict[str, str] = field(default_factory=dict)

    def sort_key(self, column: str) -> Any:
        if column == "name":
            return self.name.lower()
        if column == "plan":
            return {"approved": 2, "pending": 1}.get(self.plan, 0)
        if column == "report":
            order = {"accepted": 4, "submitted": 3, "returned": 2, "draft": 1}
            return order.get(self.report_status, 0)
        return getattr(self, column)


@dataclass
class Dashboard:
    rows: list[DashboardRow]
    scores: dict[str, float | None]
    period: tuple[date, date]
    report_period: tuple[date, date]
    computed_at: datetime | None = None  # None: computed at the request


def _share(good: int, total: int) -> float | None:
    return round(100 * good / total, 1) if total else None


class SummaryRows:
    """The dashboard's rows as the Paginator sees them: counted and sliced in SQL, each slice
    made into DashboardRow objects (with the links of its cells)."""

    def __init__(self, queryset: QuerySet, russian: bool) -> None:
        self.queryset = queryset
        self.russian = russian

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def _rows(self, items: Any) -> list[DashboardRow]:
        from .summary import links, list_urls

        urls = list_urls()
        rows = []
        for item in items:
            organization = item.organization
            row = DashboardRow(
                organization.pk,
                organization.name_ru if self.russian else organization.name_kk,
                organization.path,
                organization.depth,
                accounts=item.accounts,
                flagged=item.flagged,
                overdue=item.overdue,
                urgent=item.urgent,
                unchecked=item.unchecked,
                plan=item.plan,
                report_status=item.report_status,
                report_pk=item.report_pk,
            )
            row.links = links(urls, row.pk, row.report_pk)
            rows.append(row)
        return rows

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return self._rows(self.queryset[index])
        return self._rows([self.queryset[index if index >= 0 else index + self.count()]])[0]

    def __iter__(self):
        return iter(self._rows(self.queryset))


SORT_FIELDS = {
    "flagged": "flagged",
    "overdue": "overdue",
    "urgent": "urgent",
    "unchecked": "unchecked",
    "plan": "plan_rank",
    "report": "report_rank",
}


def _ordering(sort: str, russian: bool) -> list[Any]:
    """The order of the old Python sort, in SQL: tree order by default ("name"), a column
    with ties in tree order (both reversed when descending), names descending."""
    column = sort.lstrip("-")
    descending = sort.startswith("-")
    if column in SORT_FIELDS:
        name = SORT_FIELDS[column]
        if descending:
            return [F(name).desc(), F("organization__path").desc()]
        return [name, "organization__path"]
    if sort == "-name":
        name = "organization__name_ru" if russian else "organization__name_kk"
        return [Lower(name).desc(), "organization__path"]
    return ["organization__path"]


def dashboard(user: Any, today: date, sort: str = "name") -> Dashboard:
    """One row per organization of the user's subtree with the compliance columns of issue 7,
    point 5, and a score per rule family over the whole subtree, read from the summary
    (issue 14, point 4; reports/summary.py): `rows` is counted and sliced in SQL, so a page
    costs the user's roles, one aggregate for the scores, a count and the page's rows,
    whatever the size of the subtree. An empty summary (a fresh installation) is computed
    first."""
    from . import summary

    action = "reports.dashboard.view"
    kept = permissions.visible(
        user, OrganizationSummary.objects.all(), field="organization", action=action
    )
    scores_query = kept.aggregate(**_score_aggregates())
    if not scores_query["n"] and not OrganizationSummary.objects.exists():
        summary.refresh_dashboard(today)
        scores_query = kept.aggregate(**_score_aggregates())
    totals = {key[2:]: value or 0 for key, value in scores_query.items() if key.startswith("t_")}
    scores = {
        "R4": _share(totals["accounts"] - totals["r4"], totals["accounts"]),
        "R9": _share(totals["accounts"] - totals["r9"], totals["accounts"]),
        "R6": _share(totals["r6_good"], totals["with_accounts"]),
        "R8": _share(totals["open"] - totals["overdue"], totals["open"]),
        "Appendix 1": _share(totals["published"] - totals["unchecked"], totals["published"]),
        "Appendix 2": _share(totals["handed_in"], totals["with_accounts"]),
    }
    russian = (get_language() or "").startswith("ru")
    rows = (
        kept.filter(organization__is_active=True)
        .select_related("organization")
        .only(
            *(f.name for f in OrganizationSummary._meta.concrete_fields),
            "organization__name_kk",
            "organization__name_ru",
            "organization__path",
            "organization__depth",
        )
        .order_by(*_ordering(sort, russian))
    )
    return Dashboard(
        rows=SummaryRows(rows, russian),
        scores=scores,
        period=half_year(today),
        report_period=previous_half_year(today),
        computed_at=scores_query["computed_at"],
    )


def _score_aggregates() -> dict[str, Any]:
    """The scores' totals over the summary rows of a subtree. As before the summary, accounts,
    appeals and organizations count for active organizations only and publications for all."""
    active = Q(organization__is_active=True)
    with_accounts = active & Q(accounts__gt=0)
    return {  # named apart from the fields: an aggregate may not shadow one
        "n": Count("pk"),
        "computed_at": Min("computed_at"),
        "t_accounts": Sum("accounts", filter=active),
        "t_r4": Sum("r4", filter=active),
        "t_r9": Sum("r9", filter=active),
        "t_open": Sum("open_appeals", filter=active),
        "t_overdue": Sum("overdue", filter=active),
        "t_published": Sum("published"),
        "t_unchecked": Sum("unchecked"),
        "t_with_accounts": Count("pk", filter=with_accounts),
        "t_r6_good": Count("pk", filter=with_accounts & Q(plan="approved", urgent=0)),
        "t_handed_in": Count("pk", filter=with_accounts & Q(report_status__in=HANDED_IN)),
    }

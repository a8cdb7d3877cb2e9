"""Tree-wide figures, precomputed (issue 14, point 4; docs/reports.md "Roll-up and dashboard").

The compliance dashboard and the roll-up used to aggregate the whole subtree at every request
(at union size, 10,000 organizations and a million publications, the issue measured 17 s and
22 s at p95 for the Central Committee). They now read summary rows kept by this module:

- `OrganizationSummary`: one row per organization, the dashboard's figures of that organization
  alone. The page reads its page of rows (sorted and paged in SQL) and one aggregate over the
  rows of the reader's subtree for the scores.
- `RollupSummary`: one row per organization and half-year, its own figures and its subtree's
  (summed here, once), so a roll-up reads the base's row and its children's rows.

`refresh()` recomputes both (the dashboard for today, the roll-up for the current and the
previous half-year) with the same grouped queries the pages used to run, merged per organization
and written with one UPDATE stamping the time and one upsert of the rows that changed
(`bulk_create(update_conflicts=True)`) per table. The beat entry
`reports-summary-refresh` runs it every five minutes; the pages state the figures' age. An empty
summary (a fresh installation) is computed at the first request; another half-year of the last
KEPT_YEARS years is computed at its first request and kept (recomputed at a request more than a
day later); any other period (a custom range, an older or a future half-year) is computed live
by `live_rollup`, the old computation, which also serves the tests as the reference.
`live_dashboard` is the old dashboard computation, kept as the tests' reference.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext

from accounts import permissions
from accounts.models import Organization
from content.models import ContentPlan, ModerationAction, Publication, PublicationStatus
from content.taxonomy import ContentKind
from registry.models import AccountStatus, OfficialAccount

from .compute import DELETIONS, _with_subscribers, bounds
from .models import (
    HANDED_IN,
    OrganizationSummary,
    Report,
    ReportStatus,
    RollupSummary,
    half_year,
    previous_half_year,
)
from .selectors import (
    COLUMNS,
    R4_FLAGS,
    R9_FLAGS,
    Dashboard,
    DashboardRow,
    Rollup,
    RollupRow,
    _share,
)

PLAN_RANK = {"approved": 2, "pending": 1}
REPORT_RANK = {"accepted": 4, "submitted": 3, "returned": 2, "draft": 1}
FIGURES = ("publications", "accounts", "subscribers_start", "subscribers_end", "deletions")
BATCH = 1000


def is_half_year(start: date, end: date) -> bool:
    return half_year(start) == (start, end)


KEPT_YEARS = 5  # older half-years are computed live: rarely asked for, and the table stays bounded
STALE_AFTER = timedelta(days=1)  # a kept half-year beat does not refresh is recomputed then


def kept_periods(today: date) -> list[tuple[date, date]]:
    """The half-years beat keeps current: the one under way and the one before (the roll-up's
    default until the last week of a half-year)."""
    return [half_year(today), previous_half_year(today)]


def is_kept(start: date, end: date, today: date) -> bool:
    """Is start–end a half-year the summary holds: one of the last KEPT_YEARS years up to the
    current one (not a future one, not an ancient one: a request for year 9999 stores
    nothing)?"""
    if not is_half_year(start, end) or end > half_year(today)[1]:
        return False
    return start >= date(today.year - KEPT_YEARS, 1, 1)


def needs_refresh(row: RollupSummary | None, today: date) -> bool:
    """A half-year not computed yet, or an older one (beat refreshes only the current and the
    previous) computed more than STALE_AFTER ago: recomputed at the request, once."""
    if row is None:
        return True
    if (row.starts_on, row.ends_on) in kept_periods(today):
        return False
    return timezone.now() - row.computed_at > STALE_AFTER


def freshness(computed_at: datetime | None, now: datetime | None = None) -> str:
    """ "Figures as of 14:05 (3 minutes ago)." in the current language ("" when unknown)."""
    if computed_at is None:
        return ""
    now = now or timezone.now()
    minutes = max(0, int((now - computed_at).total_seconds() // 60))
    local = timezone.localtime(computed_at)
    when = (
        f"{local:%H:%M}" if local.date() == timezone.localdate(now) else f"{local:%d.%m.%Y %H:%M}"
    )
    return ngettext(
        "Figures as of %(time)s (%(minutes)s minute ago).",
        "Figures as of %(time)s (%(minutes)s minutes ago).",
        minutes,
    ) % {"time": when, "minutes": minutes}


def refresh(today: date | None = None) -> dict[str, int]:
    """Recompute the dashboard's rows and the kept half-years' roll-up rows."""
    today = today or timezone.localdate()
    done = {"dashboard": refresh_dashboard(today)}
    for start, end in kept_periods(today):
        done[f"{start:%Y-%m-%d}"] = refresh_rollup(start, end)
    return done


# ---------------------------------------------------------------- the dashboard


def _flag_q(names: tuple[str, ...]) -> Q:
    q = Q()
    for name in names:
        q |= Q(**{f"flag_{name}": True})
    return q


def _account_counts(accounts, today):
    """Per organization: the accounts the dashboard counts (closed non-targets left out), those
    with any R4/R9 flag, with an R4 flag, with an R9 flag. One grouped query."""
    return (
        accounts.exclude(status=AccountStatus.CLOSED, is_publishing_target=False)
        .with_flags(today)
        .values("organization_id")
        .annotate(
            total=Count("pk"),
            flagged=Count("pk", filter=_flag_q((*R4_FLAGS, *R9_FLAGS))),
            r4=Count("pk", filter=_flag_q(R4_FLAGS)),
            r9=Count("pk", filter=_flag_q(R9_FLAGS)),
        )
        .order_by()
    )


def dashboard_figures(today: date) -> dict[int, dict[str, Any]]:
    """Each organization's own dashboard figures for `today` (only organizations that have
    any): six queries grouped by organization, whatever the size of the tree."""
    from appeals.models import OPEN, Appeal
    from checklist.models import Checklist, Decision
    from content.reminders import unacknowledged_urgent

    figures: dict[int, dict[str, Any]] = defaultdict(dict)
    accounts = _account_counts(OfficialAccount.objects.active(), today)
    for row in accounts:
        figures[row["organization_id"]].update(
            accounts=row["total"], flagged=row["flagged"], r4=row["r4"], r9=row["r9"]
        )
    appeals = (
        Appeal.objects.active()
        .registered()
        .values("organization_id")
        .annotate(
            open=Count("pk", filter=Q(status__in=OPEN)),
            overdue=Count("pk", filter=Appeal.objects.overdue_q(today)),
        )
        .order_by()
    )
    for row in appeals:
        figures[row["organization_id"]].update(open_appeals=row["open"], overdue=row["overdue"])
    for row in unacknowledged_urgent().values("organization_id").annotate(n=Count("pk")).order_by():
        figures[row["organization_id"]]["urgent"] = row["n"]
    since, _until = bounds(*half_year(today))
    permitted = Checklist.objects.active().filter(
        version=OuterRef("current_version"),
        status=Checklist.Status.COMPLETED,
        decision=Decision.PERMITTED,
    )
    published = (
        Publication.objects.active()
        .filter(status=PublicationStatus.PUBLISHED, published_at__gte=since)
        .annotate(permitted=Exists(permitted))
        .values("organization_id")
        .annotate(total=Count("pk"), unchecked=Count("pk", filter=Q(permitted=False)))
        .order_by()
    )
    for row in published:
        figures[row["organization_id"]].update(published=row["total"], unchecked=row["unchecked"])
    plans = (
        ContentPlan.objects.filter(starts_on__lte=today, ends_on__gte=today)
        .values("organization_id")
        .annotate(approved=Count("pk", filter=Q(status=ContentPlan.Status.APPROVED)))
        .order_by()
    )
    for row in plans:
        figures[row["organization_id"]]["plan"] = "approved" if row["approved"] else "pending"
    report_start, report_end = previous_half_year(today)
    reports = (
        Report.objects.active()
        .filter(starts_on=report_start, ends_on=report_end)
        .order_by("pk")
        .values_list("organization_id", "status", "pk")
    )
    for organization_id, status, pk in reports:
        figures[organization_id].update(report_status=status, report_pk=pk)
    return figures


def refresh_dashboard(today: date | None = None) -> int:
    """Bring every organization's dashboard row up to date for `today`; returns the number of
    rows written (those whose figures changed)."""
    today = today or timezone.localdate()
    now = timezone.now()
    figures = dashboard_figures(today)
    rows = []
    for pk in Organization.objects.values_list("pk", flat=True).iterator(chunk_size=5000):
        f = figures.get(pk, {})
        rows.append(
            OrganizationSummary(
                organization_id=pk,
                on=today,
                accounts=f.get("accounts", 0),
                flagged=f.get("flagged", 0),
                r4=f.get("r4", 0),
                r9=f.get("r9", 0),
                open_appeals=f.get("open_appeals", 0),
                overdue=f.get("overdue", 0),
                urgent=f.get("urgent", 0),
                published=f.get("published", 0),
                unchecked=f.get("unchecked", 0),
                plan=f.get("plan", ""),
                plan_rank=PLAN_RANK.get(f.get("plan", ""), 0),
                report_status=f.get("report_status", ""),
                report_rank=REPORT_RANK.get(f.get("report_status", ""), 0),
                report_pk=f.get("report_pk"),
                computed_at=now,
            )
        )
    return _write(OrganizationSummary.objects.all(), rows, ["organization"], now)


def _write(kept: QuerySet, rows: list[Any], keys: list[str], now: datetime) -> int:
    """Store `rows` over the rows of `kept`: one UPDATE stamps every kept row with this
    refresh's time, then one upsert writes the rows whose figures changed (most do not between
    two refreshes; writing all of them costs seconds at union size). Returns the rows written."""
    model = kept.model
    figures = [
        f.attname for f in model._meta.concrete_fields if f.name not in (*keys, "id", "computed_at")
    ]
    columns = [model._meta.get_field(k).attname for k in keys]
    before = {
        values[: len(columns)]: values[len(columns) :]
        for values in kept.values_list(*columns, *figures).iterator(chunk_size=5000)
    }
    changed = [
        row
        for row in rows
        if before.get(tuple(getattr(row, c) for c in columns))
        != tuple(getattr(row, f) for f in figures)
    ]
    with transaction.atomic():
        kept.update(computed_at=now)
        model.objects.bulk_create(
            changed,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=keys,
            update_fields=[*figures, "computed_at"],
        )
    return len(changed)


# ---------------------------------------------------------------- the roll-up


def _common_depth(a: str, b: str) -> int:
    """How many steps of the tree two materialized paths share."""
    step = Organization.steplen
    depth = 0
    while depth * step < min(len(a), len(b)) and a[: (depth + 1) * step] == b[: (depth + 1) * step]:
        depth += 1
    return depth


def _empty() -> dict[str, Any]:
    return {**dict.fromkeys(FIGURES, 0), "by_kind": {}, "messages": 0}


def _add(target: dict[str, Any], figures: dict[str, Any]) -> None:
    for name in FIGURES:
        target[name] += figures[name]
    for kind, n in figures["by_kind"].items():
        target["by_kind"][kind] = target["by_kind"].get(kind, 0) + n


def rollup_figures(start: date, end: date) -> list[RollupSummary]:
    """Every organization's roll-up row for the period (unsaved): six grouped queries, one
    query over the accounts and one over the forwarded copies, then sums up the tree here."""
    from appeals.models import Appeal

    step = Organization.steplen
    since, until = bounds(start, end)
    now = timezone.now()
    tree = list(
        Organization.objects.order_by("path").values_list("pk", "path", "depth", "is_active")
    )
    by_path = {path: pk for pk, path, _depth, _active in tree}
    own: dict[int, dict[str, Any]] = defaultdict(_empty)

    published = (
        Publication.objects.active()
        .filter(status=PublicationStatus.PUBLISHED, published_at__gte=since, published_at__lt=until)
        .values("organization_id")
        .annotate(
            total=Count("pk"), **{k.value: Count("pk", filter=Q(kind=k.value)) for k in ContentKind}
        )
        .order_by()
    )
    for row in published:
        own[row["organization_id"]]["publications"] = row["total"]
        own[row["organization_id"]]["by_kind"] = {k.value: row[k.value] for k in ContentKind}
    accounts = (
        _with_subscribers(OfficialAccount.objects.active(), start, end)
        .values("organization_id", "subs_start", "subs_end")
        .order_by()
    )
    for account in accounts:
        target = own[account["organization_id"]]
        target["accounts"] += 1
        target["subscribers_start"] += account["subs_start"] or 0
        target["subscribers_end"] += account["subs_end"] or account["subs_start"] or 0
    deletions = (
        ModerationAction.objects.filter(occurred_on__range=(start, end), action__in=DELETIONS)
        .values("account__organization_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in deletions:
        own[row["account__organization_id"]]["deletions"] = row["n"]

    # Appeals: an original counts everywhere; a copy forwarded inside the roll-up's base
    # subtree is the same appeal (its original already counts), so a copy counts only on the
    # rows whose reference organization does not hold its origin (see RollupSummary).
    registered = Appeal.objects.active().filter(registered_on__range=(start, end))
    originals = (
        registered.filter(forwarded_from__isnull=True)
        .values("organization_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    appeals_own: dict[int, int] = defaultdict(int)
    for row in originals:
        appeals_own[row["organization_id"]] = row["n"]
    copies = list(
        registered.filter(forwarded_from__isnull=False).values_list(
            "organization__path", "forwarded_from__organization__path"
        )
    )

    reports = (
        Report.objects.active()
        .filter(starts_on=start, ends_on=end)
        .order_by("pk")
        .values_list("organization_id", "pk", "status")
    )
    report: dict[int, tuple[int, str]] = {}
    handed_in: dict[int, int] = defaultdict(int)
    for organization_id, pk, status in reports:
        report[organization_id] = (pk, status)
        if status in HANDED_IN:
            handed_in[organization_id] += 1

    subtree: dict[int, dict[str, Any]] = defaultdict(_empty)
    sub_messages: dict[int, int] = defaultdict(int)  # relative to the organization itself
    descendants: dict[int, int] = defaultdict(int)
    descendants_handed_in: dict[int, int] = defaultdict(int)
    children_missing: dict[int, int] = defaultdict(int)
    for pk, path, depth, active in tree:
        figures = own.get(pk)
        ancestors = [by_path[path[: k * step]] for k in range(1, depth + 1)]
        for ancestor in ancestors:  # the organization itself is the last
            if figures is not None:
                _add(subtree[ancestor], figures)
            subtree[ancestor]["messages"] += appeals_own[pk]
            sub_messages[ancestor] += appeals_own[pk]
        for ancestor in ancestors[:-1]:
            descendants[ancestor] += 1 if active else 0
            descendants_handed_in[ancestor] += handed_in[pk]
        if depth > 1 and report.get(pk, (None, ""))[1] not in HANDED_IN:
            children_missing[ancestors[-2]] += 1
    own_messages = dict(appeals_own)
    for path, origin in copies:
        shared = _common_depth(path, origin)
        depth = len(path) // step
        if shared < depth:
            own_messages[by_path[path]] = own_messages.get(by_path[path], 0) + 1
        for k in range(1, depth + 1):
            ancestor = by_path[path[: k * step]]
            if shared < k - 1:
                subtree[ancestor]["messages"] += 1
            if shared < k:
                sub_messages[ancestor] += 1

    rows = []
    for pk, _path, _depth, _active in tree:
        figures = own[pk] if pk in own else _empty()
        figures["messages"] = own_messages.get(pk, 0)
        pk_status = report.get(pk)
        rows.append(
            RollupSummary(
                organization_id=pk,
                starts_on=start,
                ends_on=end,
                own=figures,
                subtree=subtree[pk] if pk in subtree else _empty(),
                subtree_messages=sub_messages[pk],
                report_pk=pk_status[0] if pk_status else None,
                report_status=pk_status[1] if pk_status else "",
                descendants=descendants[pk],
                descendants_handed_in=descendants_handed_in[pk],
                children_missing=children_missing[pk],
                computed_at=now,
            )
        )
    return rows


def refresh_rollup(start: date, end: date) -> int:
    """Bring every organization's roll-up row for the half-year start–end up to date; returns
    the number of rows written."""
    rows = rollup_figures(start, end)
    kept = RollupSummary.objects.filter(starts_on=start, ends_on=end)
    now = rows[0].computed_at if rows else timezone.now()
    return _write(kept, rows, ["organization", "starts_on", "ends_on"], now)


# ---------------------------------------------------------------- the old computations


def live_rollup(base: Organization, start: date, end: date) -> Rollup:
    """The roll-up computed from the data at the request (any period): totals over `base`'s
    subtree, one row per child organization (each summed over its own subtree) plus `base`'s
    own data, and who has not handed in a report. Eight queries whatever the size of the tree,
    but each aggregates the whole subtree: the roll-up page uses it only for a period that is
    not a half-year, and the tests compare the summary with it."""
    from appeals.models import Appeal

    from .compute import _accounts_with_subscribers

    prefix_len = len(base.path) + Organization.steplen
    in_tree = {"organization__path__startswith": base.path}
    children = list(
        Organization.objects.filter(path__startswith=base.path, depth=base.depth + 1).order_by(
            "path"
        )
    )
    rows = {base.path: RollupRow(base, own_only=True)}
    for child in children:
        rows[child.path] = RollupRow(child)

    def grouped(qs: QuerySet, path_field: str = "organization__path", **aggregates: Any):
        return (
            qs.annotate(prefix=Substr(path_field, 1, prefix_len))
            .values("prefix")
            .annotate(**aggregates)
            .order_by()
        )

    since, until = bounds(start, end)
    published = Publication.objects.active().filter(
        **in_tree,
        status=PublicationStatus.PUBLISHED,
        published_at__gte=since,
        published_at__lt=until,
    )
    for row in grouped(
        published,
        total=Count("pk"),
        **{k.value: Count("pk", filter=Q(kind=k.value)) for k in ContentKind},
    ):
        target = rows.get(row["prefix"])
        if target:
            target.publications = row["total"]
            target.by_kind = {k.value: row[k.value] for k in ContentKind}

    for account in _accounts_with_subscribers(base, start, end, prefix_len):
        target = rows.get(account["prefix"])
        if target:
            target.accounts += 1
            target.subscribers_start += account["subs_start"] or 0
            target.subscribers_end += account["subs_end"] or account["subs_start"] or 0

    # A copy forwarded inside the subtree is the same appeal: its original already counts.
    appeals = (
        Appeal.objects.active()
        .filter(**in_tree, registered_on__range=(start, end))
        .exclude(forwarded_from__organization__path__startswith=base.path)
    )
    for row in grouped(appeals, n=Count("pk")):
        if row["prefix"] in rows:
            rows[row["prefix"]].messages = row["n"]

    moderation = ModerationAction.objects.filter(
        account__organization__path__startswith=base.path,
        occurred_on__range=(start, end),
        action__in=DELETIONS,
    )
    for row in grouped(moderation, "account__organization__path", n=Count("pk")):
        if row["prefix"] in rows:
            rows[row["prefix"]].deletions = row["n"]

    reports = (
        Report.objects.active()
        .filter(organization__in=[base, *children], starts_on=start, ends_on=end)
        .order_by("pk")
        .values("pk", "organization__path", "status")
    )
    for report in reports:
        rows[report["organization__path"]].report = {
            "pk": report["pk"],
            "status": report["status"],
            "label": ReportStatus(report["status"]).label,
        }

    subtree = Organization.objects.filter(path__startswith=base.path, is_active=True).exclude(
        pk=base.pk
    )
    handed_in = (
        Report.objects.active()
        .filter(
            organization__path__startswith=base.path,
            starts_on=start,
            ends_on=end,
            status__in=HANDED_IN,
        )
        .exclude(organization=base)
    )
    ordered = [rows[base.path], *(rows[c.path] for c in children)]
    total = RollupRow(base)
    for row in ordered:
        total.add(row)
    missing = [row for row in ordered[1:] if not row.handed_in]
    return Rollup(
        base=base,
        start=start,
        end=end,
        rows=ordered,
        total=total,
        missing=missing,
        subtree_organizations=subtree.count(),
        subtree_handed_in=handed_in.count(),
        missing_count=len(missing),
    )


def live_dashboard(user: Any, today: date, sort: str = "name") -> Dashboard:
    """The dashboard computed from the data at the request, as it was before the summary: one
    row per organization of the user's subtree and a score per rule family. Kept as the
    reference the tests compare the summary-backed page with."""
    from appeals.models import OPEN, Appeal
    from checklist.models import Checklist, Decision
    from content.reminders import unacknowledged_urgent

    action = "reports.dashboard.view"

    def scoped(qs: QuerySet, path_field: str = "organization") -> QuerySet:
        return permissions.visible(user, qs, field=path_field, action=action)

    organizations = (
        permissions.visible_organizations(user, action=action)
        .filter(is_active=True)
        .values_list("pk", "name_kk", "name_ru", "path", "depth")
        .order_by("path")
    )
    russian = (get_language() or "").startswith("ru")
    rows = {
        pk: DashboardRow(pk, name_ru if russian else name_kk, path, depth)
        for pk, name_kk, name_ru, path, depth in organizations
    }
    accounts = _account_counts(scoped(OfficialAccount.objects.active()), today)
    totals = dict.fromkeys(("accounts", "r4", "r9", "open", "overdue", "published"), 0)
    totals["unchecked"] = 0
    for row in accounts:
        target = rows.get(row["organization_id"])
        if target:
            target.accounts, target.flagged = row["total"], row["flagged"]
            totals["accounts"] += row["total"]
            totals["r4"] += row["r4"]
            totals["r9"] += row["r9"]
    appeals = (
        scoped(Appeal.objects.active().registered())
        .values("organization_id")
        .annotate(
            open=Count("pk", filter=Q(status__in=OPEN)),
            overdue=Count("pk", filter=Appeal.objects.overdue_q(today)),
        )
        .order_by()
    )
    for row in appeals:
        target = rows.get(row["organization_id"])
        if target:
            target.overdue = row["overdue"]
            totals["open"] += row["open"]
            totals["overdue"] += row["overdue"]
    urgent = scoped(unacknowledged_urgent()).values("organization_id").annotate(n=Count("pk"))
    for row in urgent.order_by():
        if row["organization_id"] in rows:
            rows[row["organization_id"]].urgent = row["n"]
    start, end = half_year(today)
    since, _until = bounds(start, end)
    permitted = Checklist.objects.active().filter(
        version=OuterRef("current_version"),
        status=Checklist.Status.COMPLETED,
        decision=Decision.PERMITTED,
    )
    published = (
        scoped(Publication.objects.active().filter(status=PublicationStatus.PUBLISHED))
        .filter(published_at__gte=since)
        .annotate(permitted=Exists(permitted))
        .values("organization_id")
        .annotate(total=Count("pk"), unchecked=Count("pk", filter=Q(permitted=False)))
        .order_by()
    )
    for row in published:
        if row["organization_id"] in rows:
            rows[row["organization_id"]].unchecked = row["unchecked"]
        totals["published"] += row["total"]
        totals["unchecked"] += row["unchecked"]
    plans = (
        scoped(ContentPlan.objects.filter(starts_on__lte=today, ends_on__gte=today))
        .values("organization_id")
        .annotate(approved=Count("pk", filter=Q(status=ContentPlan.Status.APPROVED)))
        .order_by()
    )
    for row in plans:
        if row["organization_id"] in rows:
            rows[row["organization_id"]].plan = "approved" if row["approved"] else "pending"
    report_start, report_end = previous_half_year(today)
    reports = (
        scoped(Report.objects.active().filter(starts_on=report_start, ends_on=report_end))
        .order_by("pk")
        .values_list("organization_id", "status", "pk")
    )
    for organization_id, status, pk in reports:
        if organization_id in rows:
            rows[organization_id].report_status, rows[organization_id].report_pk = status, pk
    urls = list_urls()
    for row in rows.values():
        row.links = links(urls, row.pk, row.report_pk)
    with_accounts = [row for row in rows.values() if row.accounts]
    scores = {
        "R4": _share(totals["accounts"] - totals["r4"], totals["accounts"]),
        "R9": _share(totals["accounts"] - totals["r9"], totals["accounts"]),
        "R6": _share(
            sum(1 for r in with_accounts if r.plan == "approved" and not r.urgent),
            len(with_accounts),
        ),
        "R8": _share(totals["open"] - totals["overdue"], totals["open"]),
        "Appendix 1": _share(totals["published"] - totals["unchecked"], totals["published"]),
        "Appendix 2": _share(
            sum(1 for r in with_accounts if r.report_status in HANDED_IN), len(with_accounts)
        ),
    }
    column = sort.lstrip("-")
    ordered = list(rows.values())
    if column in COLUMNS and column != "name":
        ordered.sort(key=lambda r: (r.sort_key(column), r.path), reverse=sort.startswith("-"))
    elif sort == "-name":
        ordered.sort(key=lambda r: r.sort_key("name"), reverse=True)
    return Dashboard(
        rows=ordered, scores=scores, period=(start, end), report_period=(report_start, report_end)
    )


def list_urls() -> dict[str, str]:
    return {
        "registry": reverse("registry:list"),
        "appeals": reverse("appeals:list"),
        "publications": reverse("content:publications"),
        "plans": reverse("content:plans"),
        "reports": reverse("reports:list"),
    }


def links(u: dict[str, str], pk: int, report_pk: int | None) -> dict[str, str]:
    """Where each cell of a dashboard row leads (the list behind the figure)."""
    return {
        "flagged": f"{u['registry']}?organization={pk}&own=1&flag=any",
        "overdue": f"{u['appeals']}?organization={pk}&view=overdue",
        "urgent": f"{u['publications']}?organization={pk}&own=1&attention=urgent",
        "unchecked": f"{u['publications']}?organization={pk}&own=1&attention=unchecked",
        "plan": f"{u['plans']}?organization={pk}",
        "report": reverse("reports:detail", args=[report_pk])
        if report_pk
        else f"{u['reports']}?organization={pk}",
    }

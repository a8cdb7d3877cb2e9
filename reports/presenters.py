"""What the report page and the PDF show, built from a report's JSON snapshot (no queries):
labels are looked up in the active language, charts are drawn as SVG.

The page and the PDF are wholly in one language: the narrative sections and the position come
from the field of that language (`assessment` is the Kazakh text, `assessment_ru` the Russian);
a section written only in the other language is shown as written, with a visible note saying
so. No rule IDs reach the page: checklist items read "checklist item 2.1"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts import audit
from content.models import ModerationAction
from content.taxonomy import DIRECTION_CHOICES
from registry.models import Network

from . import charts
from .appendix import (
    GOAL_LABELS,
    KIND_LABELS,
    NARRATIVE,
    OTHER,
    OUTCOME_LABELS,
    RISK_LABELS,
    TOPIC_LABELS,
    H,
)
from .periods import months_span, whole_months


@dataclass(frozen=True)
class Text:
    """A narrative section or a position in the page's language; `note` says when it is
    given in the other language because nobody wrote it in this one."""

    text: str
    note: str = ""


def in_language(report: Any, name: str, language: str, *, short: bool = False) -> Text:
    kazakh, russian = getattr(report, name) or "", getattr(report, f"{name}_ru") or ""
    if language == "ru":
        if russian.strip() or not kazakh.strip():
            return Text(russian)
        return Text(
            kazakh,
            _("given in Kazakh")
            if short
            else _("This section is given in Kazakh: its Russian text was not written."),
        )
    if kazakh.strip() or not russian.strip():
        return Text(kazakh)
    return Text(
        russian,
        _("given in Russian")
        if short
        else _("This section is given in Russian: its Kazakh text was not written."),
    )


def period_text(start: date, end: date) -> str:
    """RPT1.1 as the template fills it in: "_____ 20__ жыл — _____ 20__ жыл" for whole
    months ("2026 жылғы қаңтар — 2026 жылғы маусым"), else the first and last day."""
    if whole_months(start, end):
        return months_span(start, end)
    return f"{start:%d.%m.%Y} — {end:%d.%m.%Y}"


def checklist_item(code: str) -> str:
    """A checklist item by its number in Appendix 1 ("CL2.1" is item 2.1), never the code."""
    if code == "CL9":
        return _("final decision of the checklist: sent back for revision")
    return _("checklist item %(number)s") % {"number": (code or "").removeprefix("CL")}


def _network(code: str) -> str:
    try:
        return str(Network(code).label)
    except ValueError:
        return code


def period_line(start: date, end: date) -> str:
    """The line under the organization's name: "for the first half of 2026"."""
    if (
        start.year == end.year
        and (start.month, start.day) == (1, 1)
        and (end.month, end.day)
        == (
            6,
            30,
        )
    ):
        return _("for the first half of %(year)s") % {"year": start.year}
    if (
        start.year == end.year
        and (start.month, start.day) == (7, 1)
        and (end.month, end.day)
        == (
            12,
            31,
        )
    ):
        return _("for the second half of %(year)s") % {"year": start.year}
    if whole_months(start, end):
        return _("for %(months)s") % {"months": months_span(start, end)}
    return _("for the period %(start)s–%(end)s") % {
        "start": f"{start:%d.%m.%Y}",
        "end": f"{end:%d.%m.%Y}",
    }


def _status_label(report: dict[str, Any] | None) -> str:
    from .models import ReportStatus

    if not report:
        return ""
    try:
        return str(ReportStatus(report["status"]).label)
    except ValueError:
        return report["status"]


def children_rows(data: dict[str, Any], language: str, max_rows: int | None = None):
    """Issue 14, point 3: above the primary level, one row per direct child (each summed over
    its own subtree) after the organization's own row, and their total; `max_rows` bounds the
    rows a PDF prints (the rest is in the roll-up's XLSX)."""
    children = data.get("children")
    if children is None:
        return None
    figures = (
        "accounts",
        "subscribers_start",
        "subscribers_end",
        "growth",
        "publications",
        "checked",
        "messages",
        "deletions",
    )
    own = data.get("own") or {}
    total = {key: own.get(key, 0) + sum(row.get(key, 0) for row in children) for key in figures}
    shown = children if max_rows is None else children[:max_rows]

    def present(row: dict[str, Any]) -> dict[str, Any]:
        return {
            **row,
            "name": row.get(language) or row.get("kk") or "",
            "report_label": _status_label(row.get("report")),
        }

    return {
        "own": present(own) if own else None,
        "rows": [present(row) for row in shown],
        "count": len(children),
        "hidden": len(children) - len(shown),
        "total": total,
    }


def sections(report: Any, *, max_rows: int | None = None) -> dict[str, Any]:
    """The page's and the PDF's sections; `max_rows` (the PDF) bounds the tables that grow with
    the data (the accounts of 1.3 and the rows of the organizations below)."""
    data = report.data or {}
    language = (get_language() or "kk")[:2]
    directions = dict(DIRECTION_CHOICES)
    publications = data.get("publications", {})
    by_kind = [
        {"label": KIND_LABELS.get(row["kind"], row["kind"]), "count": row["count"]}
        for row in publications.get("by_kind", [])
    ]
    audience = [{**row, "label": _network(row["network"])} for row in data.get("audience", [])]
    compliance = data.get("compliance", {})
    remarks = []
    for remark in compliance.get("remarks", []):
        remarks.append(
            {
                "item": checklist_item(remark.get("code", "")),
                "title": remark.get("title"),
                "comment": remark.get("comment"),
            }
        )
    top_no = [
        {
            "item": checklist_item(row["code"]),
            "text": row.get(f"text_{language}") or row.get("text"),
            "count": row["count"],
        }
        for row in compliance.get("top_no", [])
    ]
    published = compliance.get("published", 0)
    unchecked = published - compliance.get("checked", 0)
    best = []
    for row in data.get("best", []):
        at = parse_datetime(row["published_at"]) if row.get("published_at") else None
        best.append({**row, "published_at": at, "kind_label": KIND_LABELS.get(row["kind"], "")})
    appeals = data.get("appeals", {})
    deletions = data.get("deletions", {"total": 0, "rows": []})
    actions = dict(ModerationAction.Action.choices)
    grounds = dict(ModerationAction.Ground.choices)
    accounts = data.get("accounts", [])
    accounts_shown = accounts if max_rows is None else accounts[:max_rows]
    return {
        "H": H,
        "period_line": period_line(report.starts_on, report.ends_on),
        "accounts": [{**a, "network_label": _network(a["network"])} for a in accounts_shown],
        "accounts_hidden": len(accounts) - len(accounts_shown),
        "children": children_rows(data, language, max_rows),
        "rollup_query": (
            f"organization={report.organization_id}&period=other"
            f"&starts_on={report.starts_on:%Y-%m-%d}&ends_on={report.ends_on:%Y-%m-%d}"
        ),
        "total": publications.get("total", 0),
        "urgent": publications.get("urgent", 0),
        "urgent_unacknowledged": publications.get("urgent_unacknowledged", 0),
        "unplanned": publications.get("unplanned", 0),
        "by_kind": by_kind,
        "topics": publications.get("topics", []),
        "directions": [
            {"label": directions.get(row["direction"], row["direction"]), "count": row["count"]}
            for row in publications.get("directions", [])
        ],
        "compliance": {
            "published": published,
            "checked": compliance.get("checked", 0),
            "share_percent": compliance.get("share_percent"),
            "unchecked": unchecked,
            "revisions": compliance.get("revisions", 0),
            "fully": bool(compliance.get("fully_compliant")) or (published == 0),
            "own_remarks_only": bool(compliance.get("own_remarks_only")),
            "remarks": remarks,
            "top_no": top_no,
        },
        "audience": audience,
        "engagement": data.get("engagement", {}),
        "best": best,
        "appeals": {
            "comments": appeals.get("comments", 0),
            "messages": appeals.get("messages", 0),
            "topics": [
                {"label": TOPIC_LABELS.get(r["topic"], r["topic"]), "count": r["count"]}
                for r in appeals.get("topics", [])
            ],
            "outcomes": [
                {"label": OUTCOME_LABELS.get(r["outcome"], r["outcome"]), "count": r["count"]}
                for r in appeals.get("outcomes", [])
            ],
        },
        "deletions": {
            "total": deletions.get("total", 0),
            "rows": [
                {
                    "action": actions.get(r["action"], r["action"]),
                    "ground": grounds.get(r["ground"], "") if r.get("ground") else "",
                    "count": r["count"],
                }
                for r in deletions.get("rows", [])
            ],
        },
        "period_text": period_text(report.starts_on, report.ends_on),
        "other": OTHER,
        "position": in_language(report, "responsible_position", language, short=True),
        "narrative": {name: in_language(report, name, language) for name, _heading in NARRATIVE},
        "goals": [GOAL_LABELS[key] for key in GOAL_LABELS if key in (report.goal_choices or ())],
        "risks": [RISK_LABELS[key] for key in RISK_LABELS if key in (report.risk_choices or ())],
        "chart_kinds": charts.bars(
            [(str(row["label"]), row["count"]) for row in by_kind], _("Content mix by type")
        ),
        "chart_audience": charts.paired_bars(
            [(row["label"], row["start"], row["end"]) for row in audience],
            (str(H["at_start"]), str(H["at_end"])),
            _("Audience growth per network"),
        )
        if audience
        else "",
    }


def history(report: Any) -> list[dict[str, Any]]:
    """The report's steps, newest first, read through the one selector of object history
    (accounts.audit.history_of: content type and id): who, when, what, with the comment."""
    return [
        {
            "label": audit.label(entry.action),
            "actor": entry.actor.get_full_name() or entry.actor.username if entry.actor else "",
            "at": entry.created_at,
            "comment": entry.comment,
        }
        for entry in audit.history_of(report)
    ]

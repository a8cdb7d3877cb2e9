"""What the report page and the PDF show, built from a report's JSON snapshot (no queries):
labels are looked up in the active language, charts are drawn as SVG."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from content.models import ModerationAction
from content.taxonomy import DIRECTION_CHOICES
from registry.models import Network

from . import charts
from .appendix import KIND_LABELS, NARRATIVE, OUTCOME_LABELS, TOPIC_LABELS, H


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
    return _("for the period %(start)s–%(end)s") % {
        "start": f"{start:%d.%m.%Y}",
        "end": f"{end:%d.%m.%Y}",
    }


def sections(report: Any) -> dict[str, Any]:
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
                "code": remark.get("code"),
                "title": remark.get("title"),
                "comment": remark.get("comment"),
            }
        )
    top_no = [
        {
            "code": row["code"],
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
    return {
        "H": H,
        "period_line": period_line(report.starts_on, report.ends_on),
        "accounts": [
            {**a, "network_label": _network(a["network"])} for a in data.get("accounts", [])
        ],
        "total": publications.get("total", 0),
        "urgent": publications.get("urgent", 0),
        "urgent_unacknowledged": publications.get("urgent_unacknowledged", 0),
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
        "narrative": {name: getattr(report, name) for name, _heading in NARRATIVE},
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

"""The report's PDF (Appendix 2 layout) and the roll-up as PDF and XLSX (accounts.tabular:
organization names are text, never a formula)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import tabular
from content.taxonomy import ContentKind

from . import presenters
from .appendix import KIND_LABELS
from .models import Report
from .pdf import render_document
from .selectors import Rollup


def report_document(report: Report, language: str, *, max_rows: int | None = None):
    """The report's PDF document; its tables print at most `max_rows` rows (issue 14: the
    rest is counted in the totals and listed in the roll-up's XLSX)."""
    from .pdf_jobs import max_rows as default_max_rows

    limit = default_max_rows() if max_rows is None else max_rows
    with translation.override(language):
        context = {"report": report, "pdf": True, **presenters.sections(report, max_rows=limit)}
        return render_document("reports/report.html", context, language=language)


def report_pdf(report: Report, language: str, *, max_rows: int | None = None) -> bytes:
    return report_document(report, language, max_rows=max_rows).write_pdf()


def rollup_context(data: Rollup) -> dict[str, Any]:
    return {
        "kind_labels": [KIND_LABELS[k.value] for k in ContentKind],
        "period_line": presenters.period_line(data.start, data.end),
    }


def _rollup_rows(data: Rollup) -> tuple[list[str], list[list[Any]]]:
    header = [
        _("Organization"),
        _("Report"),
        _("Publications"),
        *[str(KIND_LABELS[k.value]) for k in ContentKind],
        _("Accounts"),
        _("Subscribers at the start"),
        _("Subscribers at the end"),
        _("Growth"),
        _("Messages"),
        _("Deletions"),
    ]
    rows = []
    for row in [*data.rows, data.total]:
        if row is data.total:
            name, status = _("Total"), ""
        elif row.own_only:
            name = _("%(name)s (own data)") % {"name": row.organization.name}
            status = row.report["label"] if row.report else ""
        else:
            name = row.organization.name
            status = row.report["label"] if row.report else _("No report")
        rows.append(
            [
                name,
                str(status),
                row.publications,
                *row.kinds,
                row.accounts,
                row.subscribers_start,
                row.subscribers_end,
                row.growth,
                row.messages,
                row.deletions,
            ]
        )
    return header, rows


def rollup_document(data: Rollup, language: str, *, max_rows: int | None = None):
    """The roll-up's PDF document: at most `max_rows` rows of organizations (and of those that
    have not handed in), with a note pointing to the XLSX; the total counts every row."""
    from .pdf_jobs import max_rows as default_max_rows

    limit = default_max_rows() if max_rows is None else max_rows
    shown = replace(data, rows=data.rows[:limit], missing=data.missing[:limit])
    return render_document(
        "reports/rollup_pdf.html",
        {
            "rollup": shown,
            "rows_hidden": len(data.rows) - len(shown.rows),
            "missing_hidden": len(data.missing) - len(shown.missing),
            "rows_total": len(data.rows),
            "today": timezone.localdate(),
            **rollup_context(data),
        },
        language=language,
    )


def rollup_pdf(data: Rollup, language: str, *, max_rows: int | None = None) -> bytes:
    return rollup_document(data, language, max_rows=max_rows).write_pdf()


def rollup(fmt: str, data: Rollup, language: str) -> HttpResponse:
    filename = f"rollup-{data.base.pk}-{data.start:%Y-%m}-{data.end:%Y-%m}-{language}.{fmt}"
    if fmt == "xlsx":
        header, rows = _rollup_rows(data)
        missing = [
            [row.organization.name, str(row.report["label"]) if row.report else ""]
            for row in data.missing
        ]
        sheet = tabular.Sheet(
            title=_("Roll-up"),
            rows=[
                [data.base.name],
                [presenters.period_line(data.start, data.end)],
                header,
                *rows,
                [],
                [_("Have not handed in the report")],
                *missing,
            ],
            bold_rows=(2,),
            widths={"A": 45},
        )
        return tabular.xlsx_response([sheet], filename)
    pdf = rollup_pdf(data, language)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

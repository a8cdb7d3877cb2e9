"""The half-year report's life cycle (Appendix 2), declared as a table of accounts.workflow:

    action   from             → to           permission               guards
    update   draft, returned  → (unchanged)  reports.report.prepare   —
    refresh  draft, returned  → (unchanged)  reports.report.prepare   —
    submit   draft, returned  → submitted    reports.report.prepare   RPT1.1, RPT1.2,
                                                                      RPT1.1-overlap
    accept   submitted        → accepted     reports.report.decide*   RPT1.1-overlap
    return   submitted        → returned     reports.report.decide*   — (comment required)

    * a chairman of an organization strictly above the report's (`only=can_decide`)

The guards are below; the effects (what each step changes, the frozen numbers, the
notifications) are in reports.services. Pages offer buttons only from
`report_workflow.available_actions(user, report)`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import archive
from accounts.workflow import Transition, Workflow

from .models import EDITABLE, HANDED_IN, Report, ReportStatus
from .permissions import DECIDE, can_decide
from .selectors import accepted_overlapping

S = ReportStatus


def _not_now(report: Report) -> str:
    if report.status in HANDED_IN:
        return _("A submitted or accepted report is frozen; it can no longer be changed.")
    return _("This is not possible while the report is “%(status)s”.") % {
        "status": report.get_status_display()
    }


report_workflow = Workflow(
    "reports.report",
    Report,
    select_related=("organization",),
    not_now=_not_now,
    description="A half-year report on the official accounts, from draft to accepted.",
    transitions=[
        Transition(
            "update",
            EDITABLE,
            None,
            "reports.report.prepare",
            _("Write the narrative"),
            form="page",
            style="outline-primary",
            audit_label=_("Report edited"),
        ),
        Transition(
            "refresh",
            EDITABLE,
            None,
            "reports.report.prepare",
            _("Refresh the numbers"),
            style="outline-secondary",
            audit_label=_("Report numbers refreshed"),
        ),
        Transition(
            "submit",
            EDITABLE,
            S.SUBMITTED,
            "reports.report.prepare",
            _("Submit to the parent organization"),
            guards=("RPT1.1", "RPT1.2", "RPT1.1-overlap"),
            audit_label=_("Report submitted"),
        ),
        Transition(
            "accept",
            (S.SUBMITTED,),
            S.ACCEPTED,
            DECIDE,
            _("Accept"),
            only=can_decide,
            guards=("RPT1.1-overlap",),
            form="comment",
            style="success",
            audit_label=_("Report accepted"),
        ),
        Transition(
            "return",
            (S.SUBMITTED,),
            S.RETURNED,
            DECIDE,
            _("Return for revision"),
            only=can_decide,
            form="comment_required",
            style="outline-warning",
            audit_label=_("Report returned for revision"),
        ),
    ],
)

# Issue 12 point 5: a report is archived (reason, audit), never deleted.
archive.attach(
    report_workflow,
    rule="RPT1.1",
    doc="RPT1.1: a report covers its reporting period and is kept — a report made by mistake is "
    "archived with a reason, never deleted; an archived report leaves the lists and the "
    "reports above and takes no further step until a chairman restores it.",
)


@report_workflow.guard("RPT1.1")
def period_has_ended(actor: Any, report: Report, data: dict[str, Any]) -> str | None:
    """RPT1.1: a report covers its whole reporting period, so it is handed in only after the
    period ends (a half-year report from 1 July or 1 January)."""
    if timezone.localdate() <= report.ends_on:
        return _(
            "A report is submitted after its reporting period ends: the report for %(period)s "
            "can be submitted from %(day)s."
        ) % {
            "period": report.period_label,
            "day": f"{report.ends_on + timedelta(days=1):%d.%m.%Y}",
        }
    return None


@report_workflow.guard("RPT1.2")
def responsible_is_named(actor: Any, report: Report, data: dict[str, Any]) -> str | None:
    """RPT1.2: the report names the responsible employee (full name, position)."""
    if not report.responsible_name.strip():
        return _("Name the responsible employee (1.2) before submitting.")
    return None


@report_workflow.guard("RPT1.1-overlap")
def period_not_reported(actor: Any, report: Report, data: dict[str, Any]) -> str | None:
    """RPT1.1: a reporting period is reported once; a period overlapping an accepted report of
    the same organization is refused (when submitting and when accepting)."""
    accepted = accepted_overlapping(
        report.organization, report.starts_on, report.ends_on, exclude=report
    ).first()
    if accepted is not None:
        return _(
            "The period overlaps the accepted report for %(period)s of this organization; "
            "an accepted report is not reported again."
        ) % {"period": accepted.period_label}
    return None

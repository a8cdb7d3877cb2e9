"""Every write of the reports app: the report's life cycle and the metrics.

The life cycle runs through reports.workflows.report_workflow (accounts.workflow): `perform`
locks the report, checks permission (PermissionDenied: "not allowed"), the state and the guards
(InvalidTransition: "not possible now", naming the rule in words), runs the effect registered
here (which validates the data — ValidationError — and sets the fields), saves with
update_fields and writes the audit entry in the same transaction. Notifications are rows written
in that transaction; their e-mails leave on commit (accounts.notifications.notify).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.models import Membership, Organization, Role, User
from accounts.notifications import notify
from accounts.workflow import Step

from .compute import compute
from .models import NARRATIVE_FIELDS, RUSSIAN_FIELDS, Goal, Report, Risk
from .selectors import accepted_overlapping
from .workflows import report_workflow

audit.register("reports.report.create", _("Report created"))
audit.register("reports.metrics.import", _("Account metrics imported"))

# What the "update" step may change: the narrative in both languages, the template's lists
# (RPT2.1, RPT6.2) and the responsible employee (RPT1.2); never the numbers.
EDITABLE_FIELDS = frozenset(
    {
        *NARRATIVE_FIELDS,
        *RUSSIAN_FIELDS,
        "goal_choices",
        "risk_choices",
        "responsible",
        "responsible_name",
        "responsible_position",
        "responsible_position_ru",
    }
)
CHOICES = {"goal_choices": Goal, "risk_choices": Risk}


def position_of(user: User, organization: Organization) -> str:
    membership = (
        Membership.objects.filter(user=user, organization=organization).exclude(position="").first()
    )
    return membership.position if membership else ""


def _check_period(organization: Organization, start: date, end: date, exclude=None) -> None:
    if end < start:
        raise ValidationError({"ends_on": _("The period ends before it starts.")})
    accepted = accepted_overlapping(organization, start, end, exclude).first()
    if accepted is not None:
        raise ValidationError(
            _(
                "The period overlaps the accepted report for %(period)s of this organization; "
                "an accepted report is not reported again."
            )
            % {"period": accepted.period_label}
        )


@transaction.atomic
def report_create(
    *,
    actor: User,
    organization: Organization,
    starts_on: date,
    ends_on: date,
    responsible: User | None = None,
    responsible_name: str = "",
    responsible_position: str = "",
) -> Report:
    """A draft pre-filled from the data (issue 7, point 2)."""
    probe = Report(organization=organization)
    permissions.require(actor, "reports.report.prepare", probe)
    _check_period(organization, starts_on, ends_on)
    existing = Report.objects.filter(
        organization=organization, starts_on=starts_on, ends_on=ends_on
    ).first()
    if existing is not None and existing.archived_at is not None:
        # A period is reported once (report_once_per_period): the archived report is kept.
        raise ValidationError(
            _(
                "This organization's report for this period is archived: ask a chairman to "
                "restore it from the archive instead of making a new one."
            )
        )
    if existing is not None:
        raise ValidationError(_("This organization already has a report for this period."))
    responsible = responsible or actor
    report = Report.objects.create(
        organization=organization,
        starts_on=starts_on,
        ends_on=ends_on,
        responsible=responsible,
        responsible_name=responsible_name or responsible.get_full_name(),
        responsible_position=responsible_position or position_of(responsible, organization),
        data=compute(organization, starts_on, ends_on),
        computed_at=timezone.now(),
        created_by=actor,
    )
    audit.record("reports.report.create", actor=actor, obj=report)
    return report


def chairmen_above(organization: Organization) -> list[User]:
    """Chairmen of the organizations strictly above: the parent and higher."""
    step = Organization.steplen
    paths = [organization.path[:n] for n in range(step, len(organization.path), step)]
    return list(
        User.objects.filter(
            is_active=True,
            memberships__role=Role.CHAIRMAN,
            memberships__organization__path__in=paths,
        ).distinct()
    )


def administrators_of(organization: Organization) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            memberships__role=Role.ADMINISTRATOR,
            memberships__organization=organization,
        ).distinct()
    )


def _choices(name: str, values: Any) -> list[str]:
    """The keys of a template list (RPT2.1 goals, RPT6.2 risks), in the template's order."""
    choices = CHOICES[name]
    chosen = set(values or ())
    unknown = chosen - set(choices.values)
    if unknown:
        raise ValidationError(
            {name: _("Choose from the list of the report template.")}, code="invalid_choice"
        )
    return [value for value in choices.values if value in chosen]


@report_workflow.effect("update")
def _update(step: Step) -> None:
    report, fields = step.obj, dict(step.data)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown report fields: {sorted(unknown)}")
    for name in CHOICES:
        if name in fields:
            fields[name] = _choices(name, fields[name])
    names = sorted(set(fields) | {"responsible_name", "responsible_position"})
    before = audit.snapshot(report, names)
    for name, value in fields.items():
        setattr(report, name, value)
    if fields.get("responsible") is not None:
        if not fields.get("responsible_name"):
            report.responsible_name = report.responsible.get_full_name()
        if not fields.get("responsible_position"):
            report.responsible_position = position_of(report.responsible, report.organization)
    step.changes = audit.changes(before, audit.snapshot(report, names))
    step.update_fields |= set(names)


@report_workflow.effect("refresh")
def _refresh(step: Step) -> None:
    """Recompute the data sections; the narrative stays as written."""
    report = step.obj
    report.data = compute(report.organization, report.starts_on, report.ends_on)
    report.computed_at = timezone.now()
    step.update_fields |= {"data", "computed_at"}


@report_workflow.effect("submit")
def _submit(step: Step) -> None:
    """Hand the report to the parent organization. The numbers are computed one last time and
    frozen: later changes of the data no longer move them. The chairmen above are told."""
    report, actor = step.obj, step.actor
    report.data = compute(report.organization, report.starts_on, report.ends_on)
    report.computed_at = timezone.now()
    report.submitted_by = actor
    report.submitted_at = timezone.now()
    report.decided_by, report.decided_at = None, None
    step.update_fields |= {
        "data",
        "computed_at",
        "submitted_by",
        "submitted_at",
        "decided_by",
        "decided_at",
    }
    notify(
        chairmen_above(report.organization),
        kind="reports.report.submit",
        title=_("Report for %(period)s submitted: %(organization)s"),
        params={"period": report.period_label, "organization": report.organization.name},
        url=reverse("reports:detail", args=[report.pk]),
        actor=actor,
    )


def _decide(step: Step) -> None:
    report, actor = step.obj, step.actor
    comment = str(step.data.get("comment") or "").strip()
    accepted = step.transition.name == "accept"
    if not accepted and not comment:
        raise ValidationError({"comment": _("Say what has to be corrected.")})
    report.decided_by = actor
    report.decided_at = timezone.now()
    report.decision_comment = comment
    step.comment = comment
    step.update_fields |= {"decided_by", "decided_at", "decision_comment"}
    recipients = administrators_of(report.organization)
    if report.submitted_by:
        recipients.append(report.submitted_by)
    notify(
        recipients,
        kind="reports.report.decide",
        title=_("The report for %(period)s is accepted")
        if accepted
        else _("The report for %(period)s is returned for revision"),
        body=comment,
        params={"period": report.period_label},
        url=reverse("reports:detail", args=[report.pk]),
        actor=actor,
    )


report_workflow.effect("accept")(_decide)
report_workflow.effect("return")(_decide)


# The services the views and other code call: one line each, all through the workflow.


def report_update(*, actor: User, report: Report, **fields: Any) -> Report:
    """The narrative sections (both languages), the template's lists and the responsible
    employee (RPT1.2); never the numbers."""
    return report_workflow.perform(actor, report, "update", **fields)


def report_refresh(*, actor: User, report: Report) -> Report:
    """ "Refresh the numbers": recompute the data sections, leave the narrative alone."""
    return report_workflow.perform(actor, report, "refresh")


def report_submit(*, actor: User, report: Report) -> Report:
    return report_workflow.perform(actor, report, "submit")


def report_accept(*, actor: User, report: Report, comment: str = "") -> Report:
    return report_workflow.perform(actor, report, "accept", comment=comment)


def report_return(*, actor: User, report: Report, comment: str) -> Report:
    return report_workflow.perform(actor, report, "return", comment=comment)


def report_act(*, actor: User, report: Report, action: str, comment: str = "") -> Report:
    """A button of the report page (one of `report_workflow.available_actions`)."""
    if action in ("accept", "return"):
        return report_workflow.perform(actor, report, action, comment=comment)
    if action in ("archive", "restore"):  # issue 12 point 5 (accounts.archive)
        return report_workflow.perform(actor, report, action, reason=comment)
    return report_workflow.perform(actor, report, action)

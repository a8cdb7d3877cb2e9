"""Every write of the reports app: the report's life cycle and the metrics.

A transition locks the report, checks its state against models.TRANSITIONS (InvalidTransition:
"not possible now"), checks permission (PermissionDenied: "not allowed"), saves with
update_fields and writes the audit entry in the same transaction; notifications are queued by
accounts.notifications.notify, whose e-mails go out on commit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Membership, Organization, Role, User
from accounts.notifications import notify

from .compute import compute
from .models import NARRATIVE_FIELDS, TRANSITIONS, Report, ReportStatus
from .permissions import can_decide

audit.register("reports.report.create", _("Report created"))
audit.register("reports.report.update", _("Report edited"))
audit.register("reports.report.refresh", _("Report numbers refreshed"))
audit.register("reports.report.submit", _("Report submitted"))
audit.register("reports.report.accept", _("Report accepted"))
audit.register("reports.report.return", _("Report returned for revision"))
audit.register("reports.metrics.import", _("Account metrics imported"))


def position_of(user: User, organization: Organization) -> str:
    membership = (
        Membership.objects.filter(user=user, organization=organization).exclude(position="").first()
    )
    return membership.position if membership else ""


def _overlapping_accepted(organization: Organization, start: date, end: date, exclude=None):
    qs = Report.objects.filter(
        organization=organization,
        status=ReportStatus.ACCEPTED,
        starts_on__lte=end,
        ends_on__gte=start,
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs


def _check_period(organization: Organization, start: date, end: date, exclude=None) -> None:
    if end < start:
        raise ValidationError({"ends_on": _("The period ends before it starts.")})
    accepted = _overlapping_accepted(organization, start, end, exclude).first()
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
    if Report.objects.filter(
        organization=organization, starts_on=starts_on, ends_on=ends_on
    ).exists():
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


def _lock(report: Report) -> Report:
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=report.pk)
    )


def _editable(report: Report) -> None:
    if not report.is_editable:
        raise InvalidTransition(
            _("A submitted or accepted report is frozen; it can no longer be changed.")
        )


@transaction.atomic
def report_update(*, actor: User, report: Report, **fields: Any) -> Report:
    """The narrative sections and the responsible employee (RPT1.2); never the numbers."""
    report = _lock(report)
    _editable(report)
    permissions.require(actor, "reports.report.prepare", report)
    allowed = {*NARRATIVE_FIELDS, "responsible", "responsible_name", "responsible_position"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown report fields: {sorted(unknown)}")
    before = audit.snapshot(report, sorted(fields))
    for name, value in fields.items():
        setattr(report, name, value)
    if fields.get("responsible") is not None:
        if not fields.get("responsible_name"):
            report.responsible_name = report.responsible.get_full_name()
        if not fields.get("responsible_position"):
            report.responsible_position = position_of(report.responsible, report.organization)
    changed = audit.changes(before, audit.snapshot(report, sorted(fields)))
    report.save(update_fields=[*fields, "responsible_name", "responsible_position", "updated_at"])
    if changed:
        audit.record("reports.report.update", actor=actor, obj=report, changes=changed)
    return report


@transaction.atomic
def report_refresh(*, actor: User, report: Report) -> Report:
    """ "Refresh the numbers": recompute the data sections, leave the narrative alone."""
    report = _lock(report)
    _editable(report)
    permissions.require(actor, "reports.report.prepare", report)
    report.data = compute(report.organization, report.starts_on, report.ends_on)
    report.computed_at = timezone.now()
    report.save(update_fields=["data", "computed_at", "updated_at"])
    audit.record("reports.report.refresh", actor=actor, obj=report)
    return report


def _transition(report: Report, target: str) -> None:
    if target not in TRANSITIONS.get(report.status, set()):
        raise InvalidTransition()


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


@transaction.atomic
def report_submit(*, actor: User, report: Report) -> Report:
    """Hand the report to the parent organization. The numbers are computed one last time and
    frozen: later changes of the data no longer move them."""
    report = _lock(report)
    _transition(report, ReportStatus.SUBMITTED)
    permissions.require(actor, "reports.report.prepare", report)
    _check_period(report.organization, report.starts_on, report.ends_on, exclude=report)
    if not report.responsible_name:
        raise ValidationError(_("Name the responsible employee (1.2) before submitting."))
    report.data = compute(report.organization, report.starts_on, report.ends_on)
    report.computed_at = timezone.now()
    report.status = ReportStatus.SUBMITTED
    report.submitted_by = actor
    report.submitted_at = timezone.now()
    report.decided_by, report.decided_at = None, None
    report.save(
        update_fields=[
            "data",
            "computed_at",
            "status",
            "submitted_by",
            "submitted_at",
            "decided_by",
            "decided_at",
            "updated_at",
        ]
    )
    audit.record("reports.report.submit", actor=actor, obj=report)
    notify(
        chairmen_above(report.organization),
        kind="reports.report.submit",
        title=_("Report for %(period)s submitted: %(organization)s"),
        params={"period": report.period_label, "organization": report.organization.name},
        url=reverse("reports:detail", args=[report.pk]),
        actor=actor,
    )
    return report


def _decide(actor: User, report: Report, target: str, comment: str) -> Report:
    report = _lock(report)
    _transition(report, target)
    if not can_decide(actor, report):
        raise PermissionDenied
    if target == ReportStatus.ACCEPTED:
        _check_period(report.organization, report.starts_on, report.ends_on, exclude=report)
    elif not comment.strip():
        raise ValidationError({"comment": _("Say what has to be corrected.")})
    report.status = target
    report.decided_by = actor
    report.decided_at = timezone.now()
    report.decision_comment = comment
    report.save(
        update_fields=["status", "decided_by", "decided_at", "decision_comment", "updated_at"]
    )
    accepted = target == ReportStatus.ACCEPTED
    audit.record(
        "reports.report.accept" if accepted else "reports.report.return",
        actor=actor,
        obj=report,
        comment=comment,
    )
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
    return report


@transaction.atomic
def report_accept(*, actor: User, report: Report, comment: str = "") -> Report:
    return _decide(actor, report, ReportStatus.ACCEPTED, comment)


@transaction.atomic
def report_return(*, actor: User, report: Report, comment: str) -> Report:
    return _decide(actor, report, ReportStatus.RETURNED, comment)

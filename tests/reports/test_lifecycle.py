"""Issue 7, point 2: draft → submitted → accepted / returned; narrative editing, "Refresh the
numbers", the frozen snapshot, the overlap refusal and who may do what."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry, Notification
from reports import services
from reports.models import Report, ReportStatus
from tests.reports.factories import H1, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(cast):
    published(cast.own, cast.alice, (2026, 2, 1))
    return services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )


def test_a_new_report_is_a_draft_filled_from_the_data(cast, report):
    assert report.status == ReportStatus.DRAFT
    assert report.data["publications"]["total"] == 1
    assert report.responsible == cast.alice and report.responsible_name
    assert AuditEntry.objects.filter(action="reports.report.create").exists()


def test_refreshing_recomputes_the_numbers_and_keeps_the_narrative(cast, report):
    services.report_update(
        actor=cast.alice, report=report, goals="- ақпараттандыру", plans="Жоспар"
    )
    published(cast.own, cast.alice, (2026, 3, 1))
    report = services.report_refresh(actor=cast.alice, report=report)
    assert report.data["publications"]["total"] == 2
    assert (report.goals, report.plans) == ("- ақпараттандыру", "Жоспар")


def test_a_submitted_report_is_frozen_when_the_data_changes(cast, report):
    report = services.report_submit(actor=cast.alice, report=report)
    published(cast.own, cast.alice, (2026, 3, 1))
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.data["publications"]["total"] == 1
    with pytest.raises(InvalidTransition):
        services.report_refresh(actor=cast.alice, report=report)
    with pytest.raises(InvalidTransition):
        services.report_update(actor=cast.alice, report=report, plans="x")


def test_submitting_notifies_the_chairmen_above_but_not_the_own_chairman(cast, report):
    services.report_submit(actor=cast.alice, report=report)
    recipients = set(
        Notification.objects.filter(kind="reports.report.submit").values_list(
            "recipient__username", flat=True
        )
    )
    assert recipients == {"paula"}


def test_the_parents_chairman_accepts_the_report(cast, report):
    services.report_submit(actor=cast.alice, report=report)
    report = services.report_accept(actor=cast.paula, report=report)
    assert report.status == ReportStatus.ACCEPTED and report.decided_by == cast.paula
    with pytest.raises(InvalidTransition):
        services.report_return(actor=cast.paula, report=report, comment="x")


def test_the_own_chairman_and_a_sibling_may_not_decide(cast, report):
    services.report_submit(actor=cast.alice, report=report)
    for user in (cast.charlie, cast.sibling_chairman, cast.alice):
        with pytest.raises(PermissionDenied):
            services.report_accept(actor=user, report=report)


def test_a_returned_report_needs_a_comment_and_can_be_corrected_and_resubmitted(cast, report):
    services.report_submit(actor=cast.alice, report=report)
    with pytest.raises(ValidationError):
        services.report_return(actor=cast.paula, report=report, comment=" ")
    report = services.report_return(actor=cast.paula, report=report, comment="4.3 толтырыңыз")
    assert report.status == ReportStatus.RETURNED and report.decision_comment == "4.3 толтырыңыз"
    services.report_update(actor=cast.alice, report=report, assessment="Жақсы")
    report = services.report_submit(actor=cast.alice, report=report)
    assert report.status == ReportStatus.SUBMITTED


def test_a_draft_cannot_be_accepted(cast, report):
    with pytest.raises(InvalidTransition):
        services.report_accept(actor=cast.paula, report=report)


def test_only_the_organizations_administrator_prepares_its_report(cast):
    for user in (cast.charlie, cast.lara, cast.sam, cast.paula):
        with pytest.raises(PermissionDenied):
            services.report_create(
                actor=user, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
            )


def test_a_period_overlapping_an_accepted_report_is_refused(cast, report):
    services.report_submit(actor=cast.alice, report=report)
    services.report_accept(actor=cast.paula, report=report)
    with pytest.raises(ValidationError, match="қабаттасады"):
        services.report_create(
            actor=cast.alice,
            organization=cast.own,
            starts_on=date(2026, 6, 1),
            ends_on=date(2026, 9, 30),
        )
    # Another organization and a period after it are fine.
    services.report_create(
        actor=cast.alice,
        organization=cast.own,
        starts_on=date(2026, 7, 1),
        ends_on=date(2026, 12, 31),
    )
    assert Report.objects.count() == 2


def test_the_same_period_twice_is_refused(cast, report):
    with pytest.raises(ValidationError):
        services.report_create(
            actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
        )


@time_machine.travel("2026-06-15 10:00 +0500")
def test_rpt1_1_report_cannot_be_submitted_before_its_period_ends(cast):
    report = services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )
    with pytest.raises(InvalidTransition) as refused:
        services.report_submit(actor=cast.alice, report=report)
    assert refused.value.rule == "RPT1.1"
    # The refusal says when the report can be submitted: the day after the period.
    assert "01.07.2026" in str(refused.value.message)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.submitted_at is None
    assert not AuditEntry.objects.filter(action="reports.report.submit").exists()

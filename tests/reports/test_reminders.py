"""Issue 7, point 6: reminders in the last week of the half-year and before the parent's
deadline, exactly once per (organization, period, kind)."""

from datetime import date

import pytest

from accounts.models import Notification
from reports import services
from reports.models import ReportReminder
from reports.reminders import deadline, due_reminders, send_report_reminders
from tests.reports.factories import H1

pytestmark = pytest.mark.django_db


def test_the_last_week_of_the_half_year_reminds_each_administrator_once(cast):
    assert send_report_reminders(date(2026, 6, 24)) == 2  # own (alice) and sibling (sam)
    assert send_report_reminders(date(2026, 6, 25)) == 0
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == {
        "alice",
        "sam",
    }
    assert ReportReminder.objects.filter(kind="period_end").count() == 2


def test_no_reminder_before_the_last_week(cast):
    assert send_report_reminders(date(2026, 6, 23)) == 0


def test_the_deadline_is_ten_working_days_after_the_period(settings):
    settings.REPORTS_DEADLINE_WORKING_DAYS = 10
    due = deadline(date(2026, 6, 30))
    assert date(2026, 7, 13) <= due <= date(2026, 7, 20)  # two weeks, holidays aside
    kinds = [kind for kind, _s, _e in due_reminders(due)]
    assert kinds == ["deadline"]


def test_an_organization_that_handed_in_its_report_is_not_reminded(cast, settings):
    report = services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )
    services.report_submit(actor=cast.alice, report=report)
    due = deadline(H1[1])
    assert send_report_reminders(due) == 1
    assert list(
        Notification.objects.filter(kind__startswith="reports.reminder").values_list(
            "recipient__username", flat=True
        )
    ) == ["sam"]
    assert send_report_reminders(due) == 0

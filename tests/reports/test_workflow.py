"""Issue 10: the report's life cycle is a table of accounts.workflow whose guards cite the
Regulation; the page's buttons come from `available_actions`, and every path (service, page)
goes through `perform`."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry
from reports import services
from reports.models import ReportStatus
from reports.workflows import report_workflow
from tests.reports.factories import H1, published

pytestmark = pytest.mark.django_db

H2 = (date(2026, 7, 1), date(2026, 12, 31))


@pytest.fixture
def report(cast):
    published(cast.own, cast.alice, (2026, 2, 1))
    return services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )


def names(actions, enabled=None):
    return [a.name for a in actions if enabled is None or a.enabled is enabled]


def test_the_table_is_declared_with_its_permissions_and_guards():
    report_workflow.check_complete()
    table = {row["action"]: row for row in report_workflow.table()}
    # "archive" and "restore": accounts.archive (issue 12 point 5).
    assert set(table) == {"update", "refresh", "submit", "accept", "return", "archive", "restore"}
    assert table["submit"]["from"] == ["draft", "returned"]
    assert table["submit"]["to"] == "submitted"
    assert [g for g, _rule in table["submit"]["guards"]] == [
        "RPT1.1-archived",  # accounts.archive (issue 12 point 5)
        "RPT1.1",
        "RPT1.2",
        "RPT1.1-overlap",
    ]
    assert table["accept"]["permission"] == "reports.report.decide"
    assert table["update"]["to"] == "(unchanged)"
    docs = report_workflow.guard_docs()
    assert all(docs[name].doc.startswith(docs[name].rule) for name in docs)


def test_rpt1_1_the_refusal_is_translated_and_names_the_day(cast):
    from django.utils import translation

    with time_machine.travel("2026-06-30 23:00 +0500"):
        report = services.report_create(
            actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
        )
        for lang, words in (("kk", "01.07.2026 бастап"), ("ru", "с 01.07.2026")):
            with translation.override(lang):
                refused = report_workflow.refusal(cast.alice, report, "submit")
                assert refused.rule == "RPT1.1" and words in str(refused.message)
    with time_machine.travel("2026-07-01 00:05 +0500"):
        report = services.report_submit(actor=cast.alice, report=report)
    assert report.status == ReportStatus.SUBMITTED


@time_machine.travel("2026-11-26 10:00 +0500")
def test_rpt1_1_the_submit_button_is_disabled_with_the_day_it_opens(client, cast):
    report = services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H2[0], ends_on=H2[1]
    )
    actions = report_workflow.available_actions(cast.alice, report)
    assert names(actions, enabled=True) == ["update", "refresh"]
    submit = next(a for a in actions if a.name == "submit")
    assert submit.rule == "RPT1.1" and "01.01.2027" in submit.reason
    client.force_login(cast.alice)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert 'data-testid="why-submit"' in page and "01.01.2027" in page
    # Posting anyway changes nothing.
    client.post(f"/reports/{report.pk}/submit/")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_rpt1_2_a_report_without_the_responsible_employee_is_not_submitted(cast, report):
    services.report_update(actor=cast.alice, report=report, responsible_name="")
    with pytest.raises(InvalidTransition) as refused:
        services.report_submit(actor=cast.alice, report=report)
    assert refused.value.rule == "RPT1.2"


def test_the_buttons_are_the_workflows_actions_for_each_person(client, cast, report):
    assert names(report_workflow.available_actions(cast.alice, report)) == [
        "update",
        "refresh",
        "submit",
    ]
    # The chairmen (own and above) may only archive it (issue 12 point 5, accounts.archive).
    assert report_workflow.available_actions(cast.lara, report) == []
    for user in (cast.charlie, cast.paula):
        assert names(report_workflow.available_actions(user, report)) == ["archive"]
    services.report_submit(actor=cast.alice, report=report)
    report.refresh_from_db()
    assert report_workflow.available_actions(cast.alice, report) == []
    assert names(report_workflow.available_actions(cast.charlie, report)) == ["archive"]
    assert names(report_workflow.available_actions(cast.paula, report)) == [
        "accept",
        "return",
        "archive",
    ]
    client.force_login(cast.paula)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert 'data-testid="action-accept"' in page and 'data-testid="action-return"' in page
    assert 'data-testid="action-submit"' not in page
    client.force_login(cast.charlie)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert 'data-testid="action-accept"' not in page


def test_every_path_goes_through_the_workflow_and_is_audited(client, cast, report):
    client.force_login(cast.alice)
    client.post(f"/reports/{report.pk}/refresh/")
    client.post(f"/reports/{report.pk}/submit/")
    client.force_login(cast.charlie)
    assert client.post(f"/reports/{report.pk}/return/", {"comment": "x"}).status_code == 403
    client.force_login(cast.paula)
    client.post(f"/reports/{report.pk}/return/", {"comment": "4.3 толтырыңыз"})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    actions = list(
        AuditEntry.objects.filter(object_id=str(report.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "reports.report.create",
        "reports.report.refresh",
        "reports.report.submit",
        "reports.report.return",
    ]
    entry = AuditEntry.objects.get(action="reports.report.return")
    assert entry.comment == "4.3 толтырыңыз"
    assert entry.changes == {"status": ["submitted", "returned"]}


def test_an_unknown_step_is_404_and_a_page_cannot_skip_the_state(client, cast, report):
    client.force_login(cast.paula)
    assert client.post(f"/reports/{report.pk}/publish/").status_code == 404
    client.post(f"/reports/{report.pk}/accept/")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_the_own_chairman_is_not_allowed_to_accept(cast, report):
    services.report_submit(actor=cast.alice, report=report)
    with pytest.raises(PermissionDenied):
        services.report_accept(actor=cast.charlie, report=report)


def test_the_report_history_reads_through_history_of(client, cast, report):
    """The page lists the report's own entries only (content type and id), with labels."""
    from accounts import audit
    from accounts.models import Organization

    other = Organization.objects.exclude(pk=report.pk).first()
    audit.record("accounts.organization.update", actor=cast.root, obj=other)
    AuditEntry.objects.filter(action="accounts.organization.update").update(
        object_id=str(report.pk)
    )
    services.report_submit(actor=cast.alice, report=report)
    services.report_return(actor=cast.paula, report=report, comment="Толықтырыңыз")
    client.force_login(cast.paula)
    response = client.get(f"/reports/{report.pk}/")
    history = response.context["history"]
    assert [str(h["label"]) for h in history] == [
        "Есеп пысықтауға қайтарылды",
        "Есеп жіберілді",
        "Есеп жасалды",
    ]
    assert history[0]["comment"] == "Толықтырыңыз"
    assert "reports.report" not in response.content.decode()

"""Issue 12 point 5: appeals, publications (with their versions), checklists, official accounts
and reports are archived with a reason and an audit entry, never deleted; an archived object
leaves the lists (an "Archived" filter shows it), says so on its page, and takes no step until
it is restored. One mechanism: accounts/archive.py on each object's own workflow."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts import archive
from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry

from .conftest import KINDS

pytestmark = pytest.mark.django_db

REASON = "Қате енгізілген жазба — қайталама"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def entries(obj, action: str) -> list[AuditEntry]:
    wf = archive.workflow_for(obj)
    return list(AuditEntry.objects.filter(action=wf.audit_action(action), object_id=str(obj.pk)))


def listed(kind, user, **query) -> list[int]:
    response = client_for(user).get(reverse(kind.list_url), query)
    assert response.status_code == 200
    return kind.in_list(response)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_every_kind_of_the_issue_is_archivable_through_its_workflow():
    from appeals.models import Appeal
    from checklist.models import Checklist
    from content.models import Publication
    from registry.models import OfficialAccount
    from reports.models import Report

    assert set(archive.archivable_models()) >= {
        Appeal,
        Publication,
        Checklist,
        OfficialAccount,
        Report,
    }
    assert KINDS.keys() == {"appeal", "publication", "checklist", "account", "report"}


def test_archive_needs_a_reason_and_then_nothing_changes(cast, kind):
    obj = kind.make(cast, cast.own)
    with pytest.raises(ValidationError):
        archive.archive(cast.charlie, obj, "   ")
    response = client_for(cast.charlie).post(kind.act_url(obj, "archive"), {"reason": ""})
    assert response.status_code in (200, 302)
    assert fresh(obj).archived_at is None
    assert entries(obj, "archive") == []
    assert obj.pk in listed(kind, getattr(cast, kind.list_user))


def test_archiving_is_audited_hides_the_object_and_the_archived_filter_shows_it(cast, kind):
    obj = kind.make(cast, cast.own)
    viewer = getattr(cast, kind.list_user)
    assert obj.pk in listed(kind, viewer)

    response = client_for(cast.charlie).post(kind.act_url(obj, "archive"), {"reason": REASON})
    assert response.status_code == 302

    obj = fresh(obj)
    assert obj.archived_at is not None
    assert obj.archived_by == cast.charlie
    assert obj.archive_reason == REASON
    (entry,) = entries(obj, "archive")
    assert entry.actor == cast.charlie
    assert entry.comment == REASON
    assert entry.organization_id == cast.own.pk
    assert obj.pk not in listed(kind, viewer)
    assert obj.pk in listed(kind, viewer, archived="1")
    page = client_for(viewer).get(kind.detail_url(obj)).content.decode()
    assert 'data-testid="archived-banner"' in page
    assert REASON in page


def test_an_archived_object_takes_no_step_until_restored(cast, kind):
    obj = kind.make(cast, cast.own)
    archive.archive(cast.charlie, obj, REASON)
    obj = fresh(obj)
    wf = archive.workflow_for(obj)
    guard = f"{wf.archive_rule}-archived"
    state = wf.state(obj)
    blocked = 0
    for name, transition in wf.transitions.items():
        if name == archive.RESTORE or state not in transition.source:
            continue
        refused = wf.refusal(cast.root, obj, name)
        assert refused is not None and refused.guard == guard, name
        blocked += 1
    assert blocked >= 1  # at least "archive" itself; most kinds have their own steps too
    # The page offers only "restore" (the others are hidden, not shown disabled).
    assert [a.name for a in wf.available_actions(cast.root, obj)] == [archive.RESTORE]
    with pytest.raises(InvalidTransition):
        archive.archive(cast.charlie, obj, REASON)
    assert len(entries(obj, "archive")) == 1


def test_restore_needs_a_reason_is_audited_and_brings_the_object_back(cast, kind):
    obj = kind.make(cast, cast.own)
    archive.archive(cast.charlie, obj, REASON)
    client = client_for(cast.charlie)
    client.post(kind.act_url(obj, "restore"), {"reason": ""})
    assert fresh(obj).archived_at is not None
    assert entries(obj, "restore") == []

    response = client.post(kind.act_url(obj, "restore"), {"reason": "Қате мұрағатталды"})
    assert response.status_code == 302
    obj = fresh(obj)
    assert obj.archived_at is None and obj.archived_by is None and obj.archive_reason == ""
    (entry,) = entries(obj, "restore")
    assert entry.comment == "Қате мұрағатталды"
    assert obj.pk in listed(kind, getattr(cast, kind.list_user))
    # The trail keeps the archiving too.
    assert len(entries(obj, "archive")) == 1


def test_another_organizations_object_answers_404_and_stays(cast, kind):
    obj = kind.make(cast, cast.sibling)
    for user in (cast.charlie, cast.alice):
        response = client_for(user).post(kind.act_url(obj, "archive"), {"reason": REASON})
        assert response.status_code == 404
    assert fresh(obj).archived_at is None


def test_only_a_chairman_of_the_organization_or_above_archives(cast, kind):
    obj = kind.make(cast, cast.own)
    for user in (cast.alice, cast.lara):
        response = client_for(user).post(kind.act_url(obj, "archive"), {"reason": REASON})
        assert response.status_code == 403
        assert fresh(obj).archived_at is None
    # The parent organization's chairman reaches the subtree.
    archive.archive(cast.paula, obj, REASON)
    assert fresh(obj).archived_by == cast.paula


# Edits that are not workflow steps refuse an archived object too -----------------------------


def test_an_archived_publication_is_not_edited_and_its_checklist_does_not_change(cast):
    from checklist import services as checklist_services
    from content import publications
    from tests.checklist.factories import all_yes, ensure_template
    from tests.content.factories import publication

    ensure_template()
    pub = publication(cast.own, cast.alice)
    archive.archive(cast.charlie, pub, REASON)
    pub = fresh(pub)
    with pytest.raises(InvalidTransition):
        publications.publication_edit(
            actor=cast.alice, publication=pub, accounts=[], title="Жаңа атау"
        )
    with pytest.raises(InvalidTransition):
        checklist_services.answers_save(
            version=pub.current_version, actor=cast.alice, answers=all_yes()
        )
    assert fresh(pub).current_version.title != "Жаңа атау"
    page = client_for(cast.alice).get(reverse("content:publication_detail", args=[pub.pk]))
    assert 'data-testid="edit-publication"' not in page.content.decode()


def test_an_archived_account_is_not_changed_and_not_published_to(cast):
    from registry import services as registry_services
    from registry.selectors import account_publishing_refusal
    from tests.content.factories import official_account

    account = official_account(cast.own, administrator=cast.alice)
    assert account_publishing_refusal(account) is None
    archive.archive(cast.charlie, account, REASON)
    account = fresh(account)
    with pytest.raises(InvalidTransition):
        registry_services.account_update(
            actor=cast.charlie, account=account, display_name="Басқа атау"
        )
    assert account_publishing_refusal(account)
    assert fresh(account).display_name != "Басқа атау"


def test_an_archived_report_is_not_edited_and_its_period_is_not_reported_twice(cast):
    from reports import services

    report = KINDS["report"].make(cast, cast.own)
    archive.archive(cast.charlie, report, REASON)
    with pytest.raises(InvalidTransition):
        services.report_refresh(actor=cast.root, report=fresh(report))
    with translation.override("en"), pytest.raises(ValidationError, match="archived"):
        services.report_create(
            actor=cast.root,
            organization=cast.own,
            starts_on=report.starts_on,
            ends_on=report.ends_on,
        )


def test_the_archived_filter_runs_a_constant_number_of_queries(cast, kind):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports import services as report_services

    periods = iter(
        [(date(y, 1, 1), date(y, 6, 30)) for y in (2023, 2024, 2025)]
        + [(date(y, 7, 1), date(y, 12, 31)) for y in (2023, 2024, 2025)]
    )

    def make():
        if kind.name != "report":
            return kind.make(cast, cast.own)
        start, end = next(periods)
        return report_services.report_create(
            actor=cast.root, organization=cast.own, starts_on=start, ends_on=end
        )

    viewer = getattr(cast, kind.list_user)
    client = client_for(viewer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(kind.list_url), {"archived": "1"})
        assert response.status_code == 200
        return len(queries)

    archive.archive(cast.root, make(), REASON)
    client.get(reverse(kind.list_url), {"archived": "1"})  # warm the session and caches
    one = count()
    for _ in range(3):
        archive.archive(cast.root, make(), REASON)
    assert len(listed(kind, viewer, archived="1")) == 4
    assert count() == one

"""Issue 10: access lists (R9.2) on the one transition engine — proposed by the account's
administrators, approved or rejected by the chairman of the owning organization; the page shows
the buttons the workflow offers."""

import pytest
from django.urls import reverse

from accounts.models import AuditEntry
from registry import services
from registry.models import AccessListVersion
from registry.workflows import access_list_workflow

pytestmark = pytest.mark.django_db

S = AccessListVersion.Status


def propose(account, actor, name="Ахметов Ерлан"):
    return services.access_list_propose(
        actor=actor, account=account, entries=[{"full_name": name, "position": "SMM"}]
    )


def test_r9_2_the_access_list_table_is_declared_on_the_engine():
    access_list_workflow.check_complete()
    table = {row["action"]: row for row in access_list_workflow.table()}
    assert (table["approve"]["from"], table["approve"]["to"]) == (["pending"], "approved")
    assert (table["reject"]["from"], table["reject"]["to"]) == (["pending"], "rejected")
    assert table["approve"]["permission"] == "registry.access_list.approve"
    assert table["reject"]["permission"] == "registry.access_list.approve"
    assert access_list_workflow.transitions["supersede"].form == "internal"


def test_r9_2_only_the_owning_chairman_is_offered_approve_and_reject(account, cast, today):
    version = propose(account, cast.alice)
    offered = access_list_workflow.available_actions(cast.charlie, version)
    assert [(a.name, a.enabled) for a in offered] == [("approve", True), ("reject", True)]
    for who in ("alice", "paula", "lara", "sibling_chairman"):
        assert access_list_workflow.available_actions(getattr(cast, who), version) == []


def test_r9_2_a_decided_list_is_offered_nothing(account, cast, today):
    version = propose(account, cast.alice)
    services.access_list_approve(actor=cast.charlie, version=version)
    version.refresh_from_db()
    assert access_list_workflow.available_actions(cast.charlie, version) == []


def test_r9_2_every_status_change_is_a_step_with_its_audit_entry(account, cast, today):
    first = propose(account, cast.alice, "A")
    services.access_list_approve(actor=cast.charlie, version=first, comment="Келісемін")
    second = propose(account, cast.alice, "B")
    third = propose(account, cast.alice, "C")  # supersedes the pending second
    services.access_list_approve(actor=cast.charlie, version=third)  # supersedes the first
    entries = AuditEntry.objects.filter(action__startswith="registry.access_list.")
    steps = sorted((e.action, e.object_id) for e in entries)
    assert ("registry.access_list.approve", str(first.pk)) in steps
    assert ("registry.access_list.supersede", str(second.pk)) in steps
    assert ("registry.access_list.supersede", str(first.pk)) in steps
    assert ("registry.access_list.approve", str(third.pk)) in steps
    approval = entries.get(action="registry.access_list.approve", object_id=str(first.pk))
    assert approval.changes["status"] == ["pending", "approved"]
    assert approval.comment == "Келісемін"
    assert dict(account.access_lists.values_list("number", "status")) == {
        1: S.SUPERSEDED,
        2: S.SUPERSEDED,
        3: S.APPROVED,
    }


def test_r9_2_the_page_shows_the_workflows_buttons_to_the_owning_chairman_only(
    client, account, cast, today
):
    propose(account, cast.alice)
    url = reverse("registry:detail", args=[account.pk])
    client.force_login(cast.charlie)
    html = client.get(url).content.decode()
    assert 'data-testid="approve-access"' in html and 'data-testid="reject-access"' in html
    for who in ("alice", "paula"):
        client.force_login(getattr(cast, who))
        html = client.get(url).content.decode()
        assert 'data-testid="approve-access"' not in html
        assert 'data-testid="reject-access"' not in html


def test_r9_2_an_internal_step_cannot_be_posted(client, account, cast, today):
    version = propose(account, cast.alice)
    client.force_login(cast.charlie)
    url = reverse("registry:access_list_decide", args=[version.pk, "supersede"])
    assert client.post(url).status_code == 404
    version.refresh_from_db()
    assert version.status == S.PENDING


def test_r9_2_rejecting_through_the_page_needs_a_reason(client, account, cast, today):
    version = propose(account, cast.alice)
    client.force_login(cast.charlie)
    url = reverse("registry:access_list_decide", args=[version.pk, "reject"])
    client.post(url, {"comment": " "})
    version.refresh_from_db()
    assert version.status == S.PENDING
    client.post(url, {"comment": "Тізім толық емес"})
    version.refresh_from_db()
    assert (version.status, version.comment) == (S.REJECTED, "Тізім толық емес")

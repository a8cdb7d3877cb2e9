"""Issue 10: the checklist on the one transition engine. CL1 is the checklist's guard on content's
publication workflow (content never imports the checklist); the final decision (CL9) is the
checklist workflow's "decide" step, which freezes the version (CL8.4) and moves the publication
through content's internal steps."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry
from checklist import guards, services
from checklist.models import Checklist, TemplateVersion
from checklist.workflows import checklist_workflow
from content import workflows as content_workflows
from content.models import Publication, PublicationVersion
from content.workflows import publication_workflow
from tests.checklist.factories import completed, filled, publication
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def decide(version, user, decision="permitted", comment=""):
    return services.decide(
        version=version, actor=user, decision=decision, comment=comment, password=PASSWORD
    )


# CL1 on the publication workflow ---------------------------------------------------------------


def test_cl1_is_the_checklists_guard_on_submit_and_on_urgent_publishing():
    assert publication_workflow.guard_docs()["CL1"].check is guards.cl1_permitted_checklist
    assert "CL1" in publication_workflow.guard_docs()["CL1"].doc
    for action in ("submit", "publish_urgent"):
        assert "CL1" in publication_workflow.transitions[action].guards


def test_cl1_refuses_without_a_permitted_checklist_of_the_current_version(cast, version):
    publication = version.publication
    refusal = guards.cl1_permitted_checklist(cast.alice, publication, {})
    assert refusal and "CL1" not in str(refusal)  # words, not the rule's ID
    completed(version, cast.alice, decision="revision", decision_comment="Түзету")
    assert guards.cl1_permitted_checklist(cast.alice, publication, {})
    Checklist.objects.update(decision="permitted")
    assert guards.cl1_permitted_checklist(cast.alice, publication, {}) is None


def test_cl1_submitting_through_the_workflow_names_the_checklist(cast, version):
    refused = publication_workflow.refusal(cast.alice, version.publication, "submit")
    assert refused is not None and refused.rule == "CL1"
    with pytest.raises(InvalidTransition) as error:
        publication_workflow.perform(cast.alice, version.publication, "submit")
    assert error.value.rule == "CL1"
    assert Publication.objects.get(pk=version.publication_id).status == "draft"


def test_cl1_an_urgent_message_also_needs_the_permitted_checklist(cast, version):
    """R6.4 skips only the head's prior approval, never the checklist (CL1: every material)."""
    publication = version.publication
    assert guards.cl1_permitted_checklist(cast.alice, publication, {"urgent_reason": "Жедел"})
    completed(version, cast.alice)
    assert guards.cl1_permitted_checklist(cast.alice, publication, {"urgent_reason": "x"}) is None


def test_content_never_imports_the_checklist():
    """The circle is gone: the checklist (a floor above) registers into content, never back."""
    offenders = []
    for path in (Path(settings.BASE_DIR) / "content").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "checklist"]
    assert offenders == []


def test_content_tells_the_checklist_of_a_new_version_through_its_hook():
    assert services.on_new_version in content_workflows._new_version_listeners


# The checklist's own workflow -----------------------------------------------------------------


def test_the_checklist_workflow_declares_its_table_and_every_guard():
    checklist_workflow.check_complete()
    table = {row["action"]: row for row in checklist_workflow.table()}
    assert table["decide"]["from"] == ["in_progress"] and table["decide"]["to"] == "completed"
    # "CL8.4-archived" first: accounts.archive (issue 12 point 5).
    assert [g for g, _rule in table["decide"]["guards"]] == [
        "CL8.4-archived",
        "CL8.4",
        "CL9",
        "CL8.2",
    ]
    assert table["route"]["to"] == "(unchanged)"


def test_cl9_the_decision_is_offered_disabled_until_every_item_is_answered(cast, version):
    probe = Checklist(version=version, template=TemplateVersion.objects.current())
    offered = {a.name: a for a in checklist_workflow.available_actions(cast.alice, probe)}
    assert offered["decide"].enabled is False and offered["decide"].rule == "CL9"
    assert offered["route"].enabled
    checklist = filled(version, cast.alice)
    offered = {a.name: a for a in checklist_workflow.available_actions(cast.alice, checklist)}
    assert offered["decide"].enabled
    # A higher body's chairman reads and may only archive it (issue 12 point 5); a lawyer
    # is offered nothing.
    assert [a.name for a in checklist_workflow.available_actions(cast.paula, checklist)] == [
        "archive"
    ]
    assert checklist_workflow.available_actions(cast.lara, checklist) == []


def test_cl8_4_the_checklist_of_an_earlier_version_cannot_be_decided(cast, version):
    checklist = filled(version, cast.alice)
    newer = PublicationVersion.objects.create(
        publication=version.publication, number=2, title="v2", created_by=cast.alice
    )
    Publication.objects.filter(pk=version.publication_id).update(current_version=newer)
    with pytest.raises(InvalidTransition) as error:
        decide(version, cast.alice)
    assert error.value.rule == "CL8.4"
    checklist.refresh_from_db()
    assert checklist.status == "in_progress"


def test_cl9_a_decision_is_one_audited_step_of_the_checklist(cast, version):
    checklist = filled(version, cast.alice)
    decide(version, cast.alice)
    entry = AuditEntry.objects.get(action="checklist.decide")
    assert entry.object_id == str(checklist.pk)
    assert entry.changes["status"] == ["in_progress", "completed"]
    assert entry.changes["decision"] == [None, "permitted"]


@pytest.mark.parametrize(
    ("decision", "status", "action"),
    [
        ("revision", "returned", "content.publication.checklist_return"),
        ("prohibited", "prohibited", "content.publication.checklist_prohibit"),
    ],
)
def test_cl9_the_decision_moves_the_publication_through_its_workflow_and_tells_the_author_once(
    cast, version, decision, status, action
):
    filled(version, cast.alice)
    decide(version, cast.charlie, decision, "Дерек тексерілмеген")
    publication = Publication.objects.get(pk=version.publication_id)
    assert publication.status == status
    entry = AuditEntry.objects.get(action=action)
    assert entry.object_id == str(publication.pk)
    assert entry.comment == "Дерек тексерілмеген"
    notices = cast.alice.notifications.filter(body="Дерек тексерілмеген")
    assert notices.count() == 1
    assert PublicationVersion.objects.get(pk=version.pk).is_frozen


def test_cl9_a_decision_the_publication_cannot_follow_changes_nothing(cast):
    """The checklist's step and the publication's are one transaction: when content refuses to
    return a publication (here: already awaiting approval), the decision is not signed and the
    version is not frozen."""
    version = publication(cast.own, cast.alice, status="submitted")
    filled(version, cast.alice)
    with pytest.raises(InvalidTransition):
        decide(version, cast.alice, "revision", "Түзету керек")
    assert Checklist.objects.get().status == "in_progress"
    assert not PublicationVersion.objects.get(pk=version.pk).is_frozen
    assert not AuditEntry.objects.filter(action="checklist.decide").exists()


def test_routing_is_a_step_of_the_checklist_workflow(cast, version):
    from tests.checklist.factories import item

    routes = services.route_items(
        version=version, actor=cast.alice, lawyer=cast.lara, items=[item("CL2.1"), item("CL8.2")]
    )
    assert sorted(r.item.code for r in routes) == ["CL2.1", "CL8.2"]
    entry = AuditEntry.objects.get(action="checklist.route")
    assert entry.changes["items"] == [None, "CL2.1, CL8.2"]
    assert Checklist.objects.get().status == "in_progress"

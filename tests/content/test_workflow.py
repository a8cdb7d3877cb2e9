"""The publication state machine: every transition and every refusal."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry, Notification
from content import services
from content.models import Publication, PublicationStatus, StatementApproval
from tests.content.factories import publication
from tests.registry.factories import pdf

pytestmark = pytest.mark.django_db
S = PublicationStatus


@pytest.fixture
def submitted(cast):
    return publication(cast.own, cast.alice, status=S.SUBMITTED, frozen=True)


def test_the_head_approves_a_submitted_publication_and_the_author_is_told(cast, submitted):
    services.publication_approve(
        actor=cast.charlie, publication=submitted, version_number=1, comment="Жарайды"
    )
    submitted.refresh_from_db()
    assert (submitted.status, submitted.approved_by) == (S.APPROVED, cast.charlie)
    assert Notification.objects.filter(
        recipient=cast.alice, kind="content.publication.approve"
    ).exists()
    entry = AuditEntry.objects.get(action="content.publication.approve")
    assert entry.changes["status"] == ["submitted", "approved"] and entry.comment == "Жарайды"


@pytest.mark.parametrize("who", ["alice", "lara", "paula", "sibling_chairman"])
def test_only_the_head_of_the_body_approves(cast, submitted, who):
    with pytest.raises(PermissionDenied):
        services.publication_approve(
            actor=getattr(cast, who), publication=submitted, version_number=1
        )
    submitted.refresh_from_db()
    assert submitted.status == S.SUBMITTED


def test_approving_a_version_that_changed_meanwhile_is_refused(cast, submitted):
    with pytest.raises(InvalidTransition):
        services.publication_approve(actor=cast.charlie, publication=submitted, version_number=2)
    submitted.refresh_from_db()
    assert submitted.status == S.SUBMITTED


@pytest.mark.parametrize(
    "status", [S.DRAFT, S.RETURNED, S.APPROVED, S.PROHIBITED, S.PUBLISHED, S.WITHDRAWN]
)
def test_approval_is_possible_only_when_submitted(cast, status):
    p = publication(cast.own, cast.alice, status=status)
    with pytest.raises(InvalidTransition):
        services.publication_approve(actor=cast.charlie, publication=p, version_number=1)
    p.refresh_from_db()
    assert p.status == status


def test_an_official_statement_needs_the_authorized_body_s_approval_first(cast):
    p = publication(cast.own, cast.alice, status=S.SUBMITTED, is_official_statement=True)
    with pytest.raises(InvalidTransition):
        services.publication_approve(actor=cast.charlie, publication=p, version_number=1)
    services.statement_approval_record(
        actor=cast.alice,
        publication=p,
        body="Президиум",
        decision_number="3",
        decision_date=date(2026, 11, 20),
        document=pdf(),
    )
    services.publication_approve(actor=cast.charlie, publication=p, version_number=1)
    p.refresh_from_db()
    assert p.status == S.APPROVED
    assert StatementApproval.objects.get(publication=p).decision_number == "3"


@pytest.mark.parametrize(("prohibit", "status"), [(False, S.RETURNED), (True, S.PROHIBITED)])
def test_the_head_returns_or_prohibits_with_a_comment(cast, submitted, prohibit, status):
    with pytest.raises(ValidationError):
        services.publication_decline(
            actor=cast.charlie, publication=submitted, prohibit=prohibit, comment=""
        )
    services.publication_decline(
        actor=cast.charlie, publication=submitted, prohibit=prohibit, comment="Дерек көзі жоқ"
    )
    submitted.refresh_from_db()
    assert submitted.status == status
    assert Notification.objects.filter(recipient=cast.alice).exists()


def test_the_author_recalls_a_submitted_publication(cast, submitted):
    services.publication_recall(actor=cast.alice, publication=submitted)
    submitted.refresh_from_db()
    assert submitted.status == S.DRAFT
    with pytest.raises(InvalidTransition):
        services.publication_recall(actor=cast.alice, publication=submitted)


def test_an_approved_publication_is_published_with_its_links(cast):
    p = publication(cast.own, cast.alice, status=S.APPROVED)
    target = p.targets.get()
    with pytest.raises(ValidationError):
        services.publication_publish(actor=cast.alice, publication=p, links={})
    with pytest.raises(ValidationError):
        services.publication_publish(
            actor=cast.alice, publication=p, links={target.account_id: "not a link"}
        )
    with pytest.raises(InvalidTransition):  # R4.1: a post of the account's own network
        services.publication_publish(
            actor=cast.alice, publication=p, links={target.account_id: "https://vk.com/wall1"}
        )
    services.publication_publish(
        actor=cast.alice, publication=p, links={target.account_id: "https://t.me/own/15"}
    )
    p.refresh_from_db()
    target.refresh_from_db()
    assert p.status == S.PUBLISHED and p.published_at is not None
    assert target.post_url == "https://t.me/own/15" and target.published_at == p.published_at


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.RETURNED, S.PROHIBITED, S.PUBLISHED])
def test_only_an_approved_publication_is_published(cast, status):
    p = publication(cast.own, cast.alice, status=status)
    with pytest.raises(InvalidTransition):
        services.publication_publish(
            actor=cast.alice, publication=p, links={p.targets.get().account_id: "https://t.me/x/1"}
        )


def test_a_published_publication_is_withdrawn_with_a_reason(cast):
    p = publication(cast.own, cast.alice, status=S.PUBLISHED)
    with pytest.raises(ValidationError):
        services.publication_withdraw(actor=cast.alice, publication=p, reason=" ")
    services.publication_withdraw(actor=cast.charlie, publication=p, reason="Қате дерек")
    p.refresh_from_db()
    assert (p.status, p.withdrawn_reason) == (S.WITHDRAWN, "Қате дерек")
    with pytest.raises(InvalidTransition):
        services.publication_withdraw(actor=cast.charlie, publication=p, reason="again")


def test_an_urgent_message_skips_approval_and_the_chairman_acknowledges(cast):
    from tests.checklist.factories import completed, ensure_template

    ensure_template()
    p = publication(cast.own, cast.alice, is_urgent=True)
    completed(p.current_version, cast.alice)  # CL1: urgent too
    target = p.targets.get()
    with pytest.raises(ValidationError):
        services.publication_publish_urgent(
            actor=cast.alice,
            publication=p,
            links={target.account_id: "https://t.me/own/9"},
            reason="",
        )
    services.publication_publish_urgent(
        actor=cast.alice,
        publication=p,
        links={target.account_id: "https://t.me/own/9"},
        reason="Ереуіл туралы ескерту",
    )
    p.refresh_from_db()
    assert p.status == S.PUBLISHED
    assert Notification.objects.filter(
        recipient=cast.charlie, kind="content.publication.urgent"
    ).exists()
    with pytest.raises(PermissionDenied):
        services.publication_acknowledge(actor=cast.alice, publication=p)
    services.publication_acknowledge(actor=cast.charlie, publication=p)
    p.refresh_from_db()
    assert p.acknowledged_by == cast.charlie
    with pytest.raises(InvalidTransition):
        services.publication_acknowledge(actor=cast.charlie, publication=p)


def test_a_publication_not_marked_urgent_cannot_skip_approval(cast):
    p = publication(cast.own, cast.alice)
    with pytest.raises(InvalidTransition):
        services.publication_publish_urgent(
            actor=cast.alice,
            publication=p,
            links={p.targets.get().account_id: "https://t.me/a/1"},
            reason="x",
        )


def test_the_transition_table_allows_nothing_after_the_end(cast):
    from content.workflows import publication_workflow

    for final in (S.PROHIBITED, S.WITHDRAWN):
        leaving = [
            t.name
            for t in publication_workflow.transitions.values()
            if final in t.source and t.target is not None
        ]
        assert leaving == []


def test_no_transition_changes_another_organization_s_publication(cast):
    p = publication(cast.sibling, cast.sam, status=S.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.publication_approve(actor=cast.charlie, publication=p, version_number=1)
    with pytest.raises(PermissionDenied):
        services.publication_recall(actor=cast.alice, publication=p)
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.exceptions import InvalidTransition
from accounts.models import Notification
from content import services
from content.models import PublicationStatus
from tests.content.factories import publication

pytestmark = pytest.mark.django_db
S = PublicationStatus


@pytest.fixture
def crisis(cast):
    return services.crisis_declare(
        actor=cast.paula,
        organization=cast.parent,
        title="Жалақы дауы",
        agreed_position="Тек расталған деректер; келіссөздерге шақыру.",
        working_group=[cast.lara],
    )


def test_a_chairman_declares_a_crisis_for_the_subtree_and_people_are_told(cast, crisis):
    assert services.active_crisis_for(cast.child) == crisis
    assert Notification.objects.filter(
        recipient=cast.charlie, kind="content.crisis.declare"
    ).exists()
    assert Notification.objects.filter(recipient=cast.lara, kind="content.crisis.declare").exists()
    with pytest.raises(InvalidTransition):
        services.crisis_declare(
            actor=cast.charlie,
            organization=cast.own,
            title="x",
            agreed_position="y",
            working_group=[cast.alice],
        )


def test_only_a_chairman_declares_and_with_a_position_and_a_group(cast):
    with pytest.raises(PermissionDenied):
        services.crisis_declare(
            actor=cast.alice,
            organization=cast.own,
            title="x",
            agreed_position="y",
            working_group=[cast.lara],
        )
    with pytest.raises(ValidationError):
        services.crisis_declare(
            actor=cast.charlie,
            organization=cast.own,
            title="x",
            agreed_position=" ",
            working_group=[cast.lara],
        )
    with pytest.raises(ValidationError):
        services.crisis_declare(
            actor=cast.charlie,
            organization=cast.own,
            title="x",
            agreed_position="y",
            working_group=[],
        )


def test_in_a_crisis_the_head_and_a_working_group_member_must_both_approve(cast, crisis):
    p = publication(
        cast.own,
        cast.alice,
        status=S.SUBMITTED,
        crisis=crisis,
        crisis_position_note="Позицияға сай",
    )
    services.publication_approve(actor=cast.charlie, publication=p, version_number=1)
    p.refresh_from_db()
    assert p.status == S.SUBMITTED and p.approved_by == cast.charlie
    with pytest.raises(InvalidTransition):
        services.publication_approve(actor=cast.charlie, publication=p, version_number=1)
    services.publication_approve(actor=cast.lara, publication=p, version_number=1)
    p.refresh_from_db()
    assert p.status == S.APPROVED and p.crisis_approved_by == cast.lara


def test_a_working_group_member_alone_does_not_approve(cast, crisis):
    p = publication(cast.own, cast.alice, status=S.SUBMITTED, crisis=crisis)
    services.publication_approve(actor=cast.lara, publication=p, version_number=1)
    p.refresh_from_db()
    assert p.status == S.SUBMITTED and p.crisis_approved_by == cast.lara


def test_the_banner_shows_in_the_affected_organizations_only(client, cast, crisis):
    client.force_login(cast.alice)
    assert 'data-testid="crisis-banner"' in client.get("/").content.decode()
    services.crisis_end(actor=cast.paula, crisis=crisis, note="Келісім жасалды")
    assert 'data-testid="crisis-banner"' not in client.get("/").content.decode()
    client.force_login(cast.paula)
    response = client.get(reverse("content:crisis_detail", args=[crisis.pk]))
    assert response.status_code == 200 and "Келісім жасалды" in response.content.decode()


def test_a_crisis_of_a_sibling_shows_no_banner(cast, client):
    services.crisis_declare(
        actor=cast.sibling_chairman,
        organization=cast.sibling,
        title="Көрші",
        agreed_position="p",
        working_group=[cast.sam],
    )
    client.force_login(cast.alice)
    assert 'data-testid="crisis-banner"' not in client.get("/").content.decode()


def test_the_navbar_counts_what_waits_for_each_role(client, cast):
    from tests.content.factories import publication as make

    make(cast.own, cast.alice, status=S.SUBMITTED)
    make(cast.own, cast.alice, status=S.RETURNED)
    make(cast.sibling, cast.sam, status=S.SUBMITTED)
    client.force_login(cast.charlie)
    assert 'data-testid="nav-badge-publications">1<' in client.get("/").content.decode()
    client.force_login(cast.alice)
    assert 'data-testid="nav-badge-publications">1<' in client.get("/").content.decode()
    client.force_login(cast.lara)
    assert "nav-badge-publications" not in client.get("/").content.decode()

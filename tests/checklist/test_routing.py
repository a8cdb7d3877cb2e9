"""Issue 5, point 5: legal review — items routed to a lawyer of the organization or a higher one,
answered under the lawyer's own name."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Notification, Role
from checklist import selectors, services
from checklist.models import Answer, Route
from tests.checklist.factories import item, items
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def legal_items():
    return [i for i in items() if i.is_legal]


def route_legal(version, actor, lawyer):
    return services.route_items(
        version=version, actor=actor, lawyer=lawyer, items=legal_items(), note="CL2.5 бойынша?"
    )


def test_the_administrator_routes_the_legal_section_and_the_lawyer_is_notified(cast, version):
    routes = route_legal(version, cast.alice, cast.lara)
    assert sorted(r.item.code for r in routes) == sorted(
        [f"CL2.{n}" for n in range(1, 9)] + ["CL8.2"]
    )
    note = Notification.objects.get(recipient=cast.lara, kind="checklist.routed")
    assert f"/checklist/versions/{version.pk}/" == note.url


def test_a_route_may_go_to_a_lawyer_of_a_higher_organization(cast, version):
    parent_lawyer = UserFactory(username="parent_lawyer")
    MembershipFactory(user=parent_lawyer, organization=cast.parent, role=Role.LAWYER)
    assert parent_lawyer in selectors.lawyers_for(cast.own)
    services.route_items(
        version=version, actor=cast.alice, lawyer=parent_lawyer, items=[item("CL3.1")]
    )
    services.answers_save(
        version=version, actor=parent_lawyer, answers={item("CL3.1").pk: ("yes", "")}
    )
    assert Answer.objects.get().answered_by == parent_lawyer


@pytest.mark.parametrize("who", ["sibling_lawyer", "charlie", "alice"])
def test_a_route_to_someone_who_is_not_a_lawyer_above_the_organization_is_refused(
    cast, version, who
):
    with pytest.raises(ValidationError):
        route_legal(version, cast.alice, getattr(cast, who))
    assert not Route.objects.exists()
    assert set(selectors.lawyers_for(cast.own)) == {cast.lara}


@pytest.mark.parametrize("who", ["lara", "charlie", "sam"])
def test_only_the_organizations_administrator_routes(cast, version, who):
    with pytest.raises(PermissionDenied):
        route_legal(version, getattr(cast, who), cast.lara)


def test_the_lawyer_answers_routed_items_under_their_own_name(cast, version):
    route_legal(version, cast.alice, cast.lara)
    services.answers_save(
        version=version,
        actor=cast.lara,
        answers={i.pk: ("yes", "") for i in legal_items()},
    )
    answers = Answer.objects.filter(item__is_legal=True)
    assert {a.answered_by for a in answers} == {cast.lara}
    assert not Route.objects.filter(answered_at__isnull=True).exists()
    # The administrator hears that the lawyer is done.
    assert Notification.objects.filter(recipient=cast.alice, kind="checklist.legal_answered")


def test_a_lawyer_answering_items_not_routed_to_them_is_refused_and_nothing_changes(cast, version):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=[item("CL2.1")])
    with pytest.raises(ValidationError) as error:
        services.answers_save(
            version=version,
            actor=cast.lara,
            answers={item("CL2.1").pk: ("yes", ""), item("CL4.1").pk: ("yes", "")},
        )
    assert "CL4.1" in str(error.value)
    assert not Answer.objects.exists()


def test_the_administrator_cannot_answer_an_item_routed_to_a_lawyer(cast, version):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=[item("CL2.1")])
    with pytest.raises(ValidationError):
        services.answers_save(
            version=version, actor=cast.alice, answers={item("CL2.1").pk: ("yes", "")}
        )


def test_the_lawyer_sees_the_checklist_waiting_for_them_until_it_is_answered(cast, version):
    assert not selectors.waiting_for(cast.lara).exists()
    route_legal(version, cast.alice, cast.lara)
    waiting = selectors.waiting_for(cast.lara).get()
    assert waiting.waiting_items == 9
    services.answers_save(
        version=version, actor=cast.lara, answers={i.pk: ("yes", "") for i in legal_items()}
    )
    assert not selectors.waiting_for(cast.lara).exists()
    assert not selectors.waiting_for(cast.sibling_lawyer).exists()

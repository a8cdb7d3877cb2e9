"""Issue 5, points 3 and 4: the final decision (CL9), signed with the password, freezes the
checklist and the version, and moves the publication."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry, Membership
from checklist import selectors, services
from checklist.models import Checklist
from content.models import PublicationVersion
from tests.checklist.factories import filled
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def decide(version, user, decision="permitted", comment="", password=PASSWORD):
    return services.decide(
        version=version, actor=user, decision=decision, comment=comment, password=password
    )


def test_permitted_completes_the_checklist_freezes_the_version_and_permits_submission(
    cast, version
):
    Membership.objects.filter(user=cast.alice).update(position="SMM-маман")
    filled(version, cast.alice)
    checklist = decide(version, cast.alice)
    assert checklist.status == Checklist.Status.COMPLETED
    assert (checklist.responsible_name, checklist.responsible_position) == (
        cast.alice.get_full_name(),
        "SMM-маман",
    )
    assert checklist.decided_by == cast.alice and checklist.decided_at is not None
    assert PublicationVersion.objects.get(pk=version.pk).is_frozen
    assert selectors.permits_submission(version)
    assert AuditEntry.objects.filter(action="checklist.decide").exists()


def test_cl9_a_decision_with_unanswered_items_is_refused_and_nothing_changes(cast, version):
    checklist = filled(version, cast.alice)
    checklist.answers.filter(item__code__in=["CL4.2", "CL7.5"]).delete()
    with pytest.raises(InvalidTransition) as error:
        decide(version, cast.alice)
    assert "CL4.2, CL7.5" in str(error.value.message) and error.value.rule == "CL9"
    checklist.refresh_from_db()
    assert checklist.status == "in_progress" and checklist.decision == ""
    assert not PublicationVersion.objects.get(pk=version.pk).is_frozen


def test_a_wrong_password_is_refused(cast, version):
    filled(version, cast.alice)
    with pytest.raises(ValidationError) as error:
        decide(version, cast.alice, password="guess")
    assert "password" in error.value.error_dict
    assert Checklist.objects.get().status == "in_progress"


def test_posting_cannot_be_permitted_while_an_item_is_answered_no(cast, version):
    filled(version, cast.alice, no=["CL5.6"])
    with pytest.raises(ValidationError):
        decide(version, cast.alice)
    assert not selectors.permits_submission(version)


def test_revision_returns_the_publication_to_its_author_with_the_comment(cast, version):
    filled(version, cast.alice, no=["CL5.6"])
    decide(version, cast.charlie, "revision", "Қателерді түзетіңіз")
    publication = version.publication
    publication.refresh_from_db()
    assert publication.status == "returned"
    assert cast.alice.notifications.filter(body="Қателерді түзетіңіз").exists()
    assert not selectors.permits_submission(version)


def test_prohibited_ends_the_publication(cast, version):
    filled(version, cast.alice)
    decide(version, cast.alice, "prohibited", "Дағдарыс ұстанымына қайшы")
    version.publication.refresh_from_db()
    assert version.publication.status == "prohibited"


@pytest.mark.parametrize("decision", ["revision", "prohibited"])
def test_sending_back_or_prohibiting_needs_a_comment(cast, version, decision):
    filled(version, cast.alice)
    with pytest.raises(ValidationError) as error:
        decide(version, cast.alice, decision, "")
    assert "comment" in error.value.error_dict


def test_the_organizations_chairman_may_sign(cast, version):
    filled(version, cast.alice)
    assert decide(version, cast.charlie).decided_by == cast.charlie


@pytest.mark.parametrize("who", ["paula", "lara", "sam", "sibling_chairman"])
def test_a_higher_chairman_a_lawyer_or_another_organization_may_not_sign(cast, version, who):
    filled(version, cast.alice)
    with pytest.raises(PermissionDenied):
        decide(version, getattr(cast, who))
    assert Checklist.objects.get().status == "in_progress"


def test_a_signed_checklist_cannot_be_signed_again(cast, version):
    filled(version, cast.alice)
    decide(version, cast.alice)
    with pytest.raises(InvalidTransition):
        decide(version, cast.alice, "prohibited", "Кейін")
    assert Checklist.objects.get().decision == "permitted"


def test_cl8_2_a_decision_waits_for_the_lawyers_answers(cast, version):
    from tests.checklist.factories import item

    filled(version, cast.alice)
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=[item("CL2.5")])
    with pytest.raises(InvalidTransition) as error:
        decide(version, cast.alice)
    assert "CL2.5" in str(error.value.message) and error.value.rule == "CL8.2"
    services.answers_save(version=version, actor=cast.lara, answers={item("CL2.5").pk: ("yes", "")})
    assert decide(version, cast.alice).status == "completed"

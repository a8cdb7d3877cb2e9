"""Issue 5, point 4: a publication is submitted only with a completed, "permitted" checklist of
its current version and no "no"; editing after completion voids it for the new version."""

import pytest

from accounts.exceptions import InvalidTransition
from checklist import selectors, services
from checklist.models import Answer, Checklist
from content import services as content_services
from tests.checklist.factories import completed, filled, item
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_submission_is_permitted_only_by_a_completed_permitted_checklist_without_a_no(
    cast, version, django_assert_num_queries
):
    assert not selectors.permits_submission(version)
    checklist = filled(version, cast.alice)
    assert not selectors.permits_submission(version)  # in progress
    Checklist.objects.filter(pk=checklist.pk).update(
        status="completed", decision="revision", decided_at=checklist.created_at
    )
    assert not selectors.permits_submission(version)
    Checklist.objects.filter(pk=checklist.pk).update(decision="permitted")
    with django_assert_num_queries(1):
        assert selectors.permits_submission(version)
    Answer.objects.filter(checklist=checklist, item__code="CL3.3").update(value="no", comment="x")
    assert not selectors.permits_submission(version)


def test_it_refuses_submission_without_a_permitted_checklist(cast):
    from tests.content.factories import publication

    pub = publication(cast.own, cast.alice)
    with pytest.raises(InvalidTransition):
        content_services.publication_submit(actor=cast.alice, publication=pub)
    filled(pub.current_version, cast.alice)
    services.decide(
        version=pub.current_version, actor=cast.alice, decision="permitted", password=PASSWORD
    )
    content_services.publication_submit(actor=cast.alice, publication=pub)
    pub.refresh_from_db()
    assert pub.status == "submitted"


def test_editing_after_completion_voids_the_checklist_for_the_new_version(cast, version):
    old = completed(version, cast.alice, no=["CL5.6"], decision="revision")
    version.publication.status = "returned"
    version.publication.save()
    version.frozen_at = old.decided_at
    version.save()
    new_version = content_services.editable_version(version.publication, cast.alice)
    assert new_version.number == 2
    new = Checklist.objects.get(version=new_version)
    assert new.status == "in_progress" and new.decision == "" and new.decided_at is None
    assert new.copied_from == old
    assert new.answers.count() == 39 and all(a.copied for a in new.answers.all())
    assert new.answers.get(item__code="CL5.6").comment == "Түсініктеме"
    assert not selectors.permits_submission(new_version)
    # The old checklist is kept as it was (CL8.4).
    old.refresh_from_db()
    assert old.status == "completed" and old.answers.count() == 39


def test_copied_answers_are_a_starting_point_that_the_administrator_confirms(cast, version):
    old = completed(version, cast.alice)
    new_version = version.publication.versions.create(number=2, title="v2", created_by=cast.alice)
    version.publication.current_version = new_version
    version.publication.save()
    services.on_new_version(old_version=version, new_version=new_version, actor=cast.alice)
    services.on_new_version(old_version=version, new_version=new_version, actor=cast.alice)
    new = Checklist.objects.get(version=new_version)
    assert new.answers.count() == 39  # called twice, copied once
    services.answers_save(
        version=new_version, actor=cast.alice, answers={item("CL2.1").pk: ("yes", "")}
    )
    assert not new.answers.get(item__code="CL2.1").copied
    assert old.answers.count() == 39


def test_a_version_without_a_checklist_starts_the_next_one_empty(cast, version):
    new_version = version.publication.versions.create(number=2, title="v2", created_by=cast.alice)
    services.on_new_version(old_version=version, new_version=new_version, actor=cast.alice)
    assert not Checklist.objects.exists()

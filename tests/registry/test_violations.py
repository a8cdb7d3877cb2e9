from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Notification
from registry import services
from registry.models import Violation
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db


def record(cast, actor, organization=None, **extra):
    fields = {
        "rule": "R9.3",
        "account": None,
        "publication_reference": "",
        "responsible_user": cast.alice,
        "responsible_name": "",
        "occurred_on": date(2026, 11, 1),
        "description": "Құпиясөз бір жылдан астам ауыстырылмаған.",
        "evidence": None,
    }
    fields.update(extra)
    return services.violation_record(actor=actor, organization=organization or cast.own, **fields)


def test_a_chairman_records_a_breach_and_the_person_concerned_is_told(cast, today):
    violation = record(cast, cast.charlie)
    assert violation.responsible_name == cast.alice.get_full_name()
    note = Notification.objects.get(recipient=cast.alice)
    assert "R9.3" in note.title


def test_a_higher_chairman_records_in_the_subtree_but_no_one_outside_it(cast, today):
    assert record(cast, cast.paula, organization=cast.child).organization == cast.child
    with pytest.raises(PermissionDenied):
        record(cast, cast.sibling_chairman)
    with pytest.raises(PermissionDenied):
        record(cast, cast.alice)
    assert Violation.objects.count() == 1


def test_an_unknown_rule_or_a_foreign_account_is_refused(cast, today):
    with pytest.raises(ValidationError):
        record(cast, cast.charlie, rule="R99.1")
    foreign = OfficialAccountFactory(organization=cast.sibling)
    with pytest.raises(ValidationError):
        record(cast, cast.charlie, account=foreign)
    assert not Violation.objects.exists()


def test_a_measure_needs_the_decision_of_the_governing_body(cast, today):
    violation = record(cast, cast.charlie)
    with pytest.raises(ValidationError):
        services.violation_set_measure(
            actor=cast.charlie,
            violation=violation,
            measure="disciplinary",
            measure_body="",
            decision_number="",
            decision_date=None,
        )
    services.violation_set_measure(
        actor=cast.charlie,
        violation=violation,
        measure="union",
        measure_body="Кәсіподақ комитеті",
        decision_number="14",
        decision_date=date(2026, 11, 20),
    )
    violation.refresh_from_db()
    assert (violation.measure, violation.decision_number) == ("union", "14")


def test_chairmen_read_the_violations_of_their_subtree_only(client, cast, today):
    mine = record(cast, cast.paula, organization=cast.child)
    theirs = record(cast, cast.paula, organization=cast.sibling, responsible_user=cast.sam)
    client.force_login(cast.charlie)
    listed = {v.pk for v in client.get(reverse("registry:violations")).context["page"]}
    assert listed == {mine.pk}
    assert client.get(reverse("registry:violation_detail", args=[theirs.pk])).status_code == 404
    client.force_login(cast.alice)
    assert client.get(reverse("registry:violations")).status_code == 403

"""The appeal page and its steps: 404 outside the subtree, 403 for a weak role, personal data
shown in full only where allowed and every full view logged, bad input changes nothing."""

from datetime import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry
from appeals.models import Appeal, Status
from tests.appeals.factories import received, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())
PHONE = "+7 701 123 45 67"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def appeal(cast):
    return register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)


def detail(appeal):
    return reverse("appeals:detail", args=[appeal.pk])


def step(appeal, name):
    return reverse("appeals:step", args=[appeal.pk, name])


@pytest.mark.parametrize(
    ("who", "status", "full"),
    [
        ("alice", 200, True),
        ("lara", 200, True),
        ("charlie", 200, True),
        ("paula", 200, False),  # the chairman above: not a handler (R9.1)
        ("sam", 404, None),
        ("sibling_chairman", 404, None),
        ("root", 200, True),
    ],
)
def test_who_sees_the_appeal_and_its_full_contacts(client, cast, appeal, who, status, full):
    client.force_login(getattr(cast, who))
    response = client.get(detail(appeal))
    assert response.status_code == status
    if status == 200:
        assert (PHONE in response.content.decode()) is full


def test_a_role_in_a_subordinate_organization_sees_the_appeal_with_masked_contacts(client, cast):
    from accounts.models import Role
    from tests.factories import MembershipFactory, UserFactory

    appeal = register(cast.paula, cast.parent, received(2026, 11, 20))
    # Someone with a role only above sees everything; a role in "own" does not reach the parent.
    client.force_login(cast.alice)
    assert client.get(detail(appeal)).status_code == 404
    lawyer_above = UserFactory(username="parent_lawyer")
    MembershipFactory(user=lawyer_above, organization=cast.parent, role=Role.LAWYER)
    low = register(cast.alice, cast.own, received(2026, 11, 20))
    client.force_login(lawyer_above)
    html = client.get(detail(low)).content.decode()
    assert PHONE not in html and "67" in html


def test_every_view_of_the_full_contacts_is_logged(client, cast, appeal):
    client.force_login(cast.charlie)
    client.get(detail(appeal))
    client.get(detail(appeal))
    entries = AuditEntry.objects.filter(action="appeals.appeal.view_personal_data")
    assert entries.count() == 2
    assert {(e.actor, e.object_id, e.organization) for e in entries} == {
        (cast.charlie, str(appeal.pk), cast.own)
    }


def test_the_page_shows_both_due_dates_and_the_working_days_left(client, cast, appeal):
    client.force_login(cast.alice)
    html = client.get(detail(appeal)).content.decode()
    assert "25.11.2026" in html  # first response due, already missed
    assert "11.12.2026" in html  # official response due
    assert 'data-overdue="1"' in html


def test_a_first_response_through_the_page_moves_the_appeal_on(client, cast, appeal):
    client.force_login(cast.alice)
    response = client.post(
        step(appeal, "first-response"),
        {"on": "2026-11-23", "channel": "same_network", "text": "Тіркелді"},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == Status.FIRST_RESPONSE_GIVEN


def test_a_response_dated_before_registration_is_refused_in_kazakh_and_changes_nothing(
    client, cast, appeal
):
    client.force_login(cast.alice)
    response = client.post(
        step(appeal, "first-response"),
        {"on": "2026-11-19", "channel": "same_network", "text": "Тіркелді"},
    )
    assert response.status_code == 200
    forms = {step["slug"]: step["form"] for step in response.context["steps"]}
    assert "20.11.2026" in str(forms["first-response"].errors)
    assert "ештеңе өзгертілген жоқ" in response.content.decode().lower()
    appeal.refresh_from_db()
    assert appeal.status == Status.REGISTERED


def test_a_step_impossible_now_says_so_and_changes_nothing(client, cast, appeal):
    client.force_login(cast.alice)
    response = client.post(step(appeal, "close"), {"outcome": "explanation"}, follow=True)
    assert response.status_code == 200
    assert "Тіркелген" in str(list(response.context["messages"])[0])
    appeal.refresh_from_db()
    assert appeal.status == Status.REGISTERED


def test_an_extension_by_a_non_chairman_is_403_and_changes_nothing(client, cast, appeal):
    client.force_login(cast.alice)
    response = client.post(step(appeal, "extend"), {"new_due": "2027-01-15", "reason": "x"})
    assert response.status_code == 403
    appeal.refresh_from_db()
    assert not appeal.was_extended


def test_the_chairman_extends_and_the_page_shows_the_new_and_the_old_date(client, cast, appeal):
    client.force_login(cast.charlie)
    # The form says the limit: two months from registration on 20 November.
    assert "20.01.2027" in client.get(detail(appeal)).content.decode()
    client.post(step(appeal, "extend"), {"new_due": "2027-01-15", "reason": "Сұрау жіберілді"})
    html = client.get(detail(appeal)).content.decode()
    assert "15.01.2027" in html and "11.12.2026" in html
    assert 'data-testid="official-due-original"' in html


def test_a_forged_post_for_another_organizations_appeal_is_404_and_changes_nothing(client, cast):
    foreign = register(cast.sam, cast.sibling, received(2026, 11, 20))
    client.force_login(cast.charlie)
    response = client.post(
        step(foreign, "first-response"),
        {"on": "2026-11-23", "channel": "same_network", "text": "x"},
    )
    assert response.status_code == 404
    assert Appeal.objects.get(pk=foreign.pk).status == Status.REGISTERED


def test_an_unknown_step_is_404(client, cast, appeal):
    client.force_login(cast.alice)
    assert client.post(step(appeal, "delete")).status_code == 404


def test_the_page_uses_the_same_number_of_queries_however_long_its_history(client, cast, appeal):
    client.force_login(cast.charlie)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(detail(appeal)).status_code == 200
        return len(ctx.captured_queries)

    small = queries()
    from appeals import services

    for day in (5, 6, 8):
        services.appeal_extend(
            actor=cast.charlie,
            appeal=appeal,
            new_due=datetime(2027, 1, day).date(),
            reason="x",
        )
    assert queries() == small

"""The appeal's workflow table (appeals.workflows): each guard by its rule, what the page offers
comes from `available_actions` only, and the one InvalidTransition."""

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry, Role
from appeals import selectors, services
from appeals.models import Appeal, ResponseChannel, Status
from appeals.workflows import appeal_workflow
from tests.appeals.factories import received, register
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

TZ = timezone.get_default_timezone()
NOW = datetime(2026, 11, 26, 11, 0, tzinfo=TZ)


def at(y, m, d, hour=11):
    return time_machine.travel(datetime(y, m, d, hour, 0, tzinfo=TZ), tick=False)


@pytest.fixture
def appeal(cast):
    """Registered on Friday 20 November 2026: first response (and forwarding) due 25.11.2026,
    official response due 11.12.2026."""
    with at(2026, 11, 26):
        return register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)


def first_response(actor, appeal, on=date(2026, 11, 23)):
    return services.appeal_first_response(
        actor=actor, appeal=appeal, on=on, channel=ResponseChannel.SAME_NETWORK, text="Тіркелді."
    )


def offered(user, appeal):
    return {
        a.name for a in appeal_workflow.available_actions(user, Appeal.objects.get(pk=appeal.pk))
    }


def test_every_guard_the_table_names_is_registered():
    appeal_workflow.check_complete()
    assert appeal_workflow.name == "appeals.appeal"
    rules = {name: guard.rule for name, guard in appeal_workflow.guard_docs().items()}
    assert rules == {
        "R8.1-handler": "R8.1",
        "R8.2-extension": "R8.2",
        "R8.2-notice": "R8.2",
        # accounts.archive (issue 12 point 5)
        "R8.1-archived": "R8.1",
        "R8.1-restore": "R8.1",
    }
    for guard in appeal_workflow.guard_docs().values():
        assert guard.rule in guard.doc  # each guard's docstring cites its rule


def test_there_is_one_invalid_transition_and_services_raise_it(cast, appeal):
    assert not hasattr(services, "InvalidTransition")
    with at(2026, 11, 26), pytest.raises(InvalidTransition) as error:
        services.appeal_close(actor=cast.alice, appeal=appeal, outcome="explanation")
    assert "Тіркелген" in str(error.value.message) or "Registered" in str(error.value.message)


# R8.2 / APPK art. 76: no extension once the deadline has passed -----------------------------


def test_r8_2_extension_refused_after_the_deadline_passed(cast, appeal):
    with at(2026, 12, 14):  # Monday after the due Friday 11.12.2026
        with pytest.raises(InvalidTransition) as error:
            services.appeal_extend(
                actor=cast.charlie, appeal=appeal, new_due=date(2027, 1, 15), reason="Сұрау"
            )
        assert error.value.rule == "R8.2"
        assert "11.12.2026" in str(error.value.message)
        appeal.refresh_from_db()
        assert appeal.official_response_due == date(2026, 12, 11) and not appeal.was_extended
        assert not appeal.extensions.exists()
        today = timezone.localdate()
        # It stays overdue and is counted as overdue.
        assert list(Appeal.objects.overdue(today)) == [appeal]
        count, _rows = selectors.overdue_for(cast.paula, today)
        assert count == 1
        # The page shows why instead of a form.
        (extend,) = [
            a for a in appeal_workflow.available_actions(cast.charlie, appeal) if a.name == "extend"
        ]
        assert not extend.enabled and extend.rule == "R8.2" and "11.12.2026" in extend.reason


def test_r8_2_extension_is_still_possible_on_the_due_date(cast, appeal):
    with at(2026, 12, 11):
        services.appeal_extend(
            actor=cast.charlie, appeal=appeal, new_due=date(2027, 1, 15), reason="Сұрау"
        )
    appeal.refresh_from_db()
    assert appeal.official_response_due == date(2027, 1, 15)


def test_r8_2_the_page_shows_the_reason_instead_of_the_extension_form(client, cast, appeal):
    with at(2026, 12, 14):
        client.force_login(cast.charlie)
        response = client.get(reverse("appeals:detail", args=[appeal.pk]))
        html = response.content.decode()
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        assert 'data-testid="step-extend-refused"' in html
        assert 'data-testid="step-extend"' not in html
        response = client.post(
            reverse("appeals:step", args=[appeal.pk, "extend"]),
            {"new_due": "2027-01-15", "reason": "Сұрау"},
            follow=True,
        )
    assert "11.12.2026" in str(list(response.context["messages"])[0])
    appeal.refresh_from_db()
    assert not appeal.was_extended


# R8.2: forwarding after 3 working days is allowed, recorded as late and counted ---------------


def forward(actor, appeal, on, **kw):
    return services.appeal_forward(
        actor=actor,
        appeal=appeal,
        on=on,
        reason="Облыстық ұйымның құзыреті",
        applicant_informed_on=on,
        **kw,
    )


def test_r8_2_forwarding_after_3_working_days_is_recorded_as_late_and_counted(client, cast, appeal):
    with at(2026, 11, 26):
        on_time = register(cast.alice, cast.own, received(2026, 11, 20))
        forward(cast.alice, on_time, date(2026, 11, 25), to_name="Білім басқармасы")
        forward(cast.alice, appeal, date(2026, 11, 26), to_organization=cast.sibling)
    appeal.refresh_from_db()
    on_time.refresh_from_db()
    assert appeal.status == Status.FORWARDED and appeal.forwarded_late
    assert not on_time.forwarded_late
    entry = AuditEntry.objects.get(action="appeals.appeal.forward", object_id=str(appeal.pk))
    assert entry.changes["forwarded_late"] == [False, True]
    assert "25.11.2026" in entry.comment and "Облыстық ұйымның құзыреті" in entry.comment
    # Counted: the selector reports use, the list, the chairman's widget.
    assert list(selectors.late_forwards(Appeal.objects.all())) == [appeal]
    with at(2026, 11, 26):
        client.force_login(cast.charlie)
        html = client.get(reverse("appeals:list")).content.decode()
        assert 'data-testid="late-forward-count">1<' in html
        response = client.get(reverse("appeals:list"), {"view": "late"})
        assert [a.pk for a in response.context["page"]] == [appeal.pk]
        client.force_login(cast.paula)
        html = client.get(reverse("accounts:home")).content.decode()
    assert 'data-testid="widget-late-forwards"' in html


def test_r8_2_the_forward_form_says_the_limit_and_that_later_is_recorded_as_late(
    client, cast, appeal
):
    client.force_login(cast.alice)
    with at(2026, 11, 26):
        html = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "25.11.2026" in html


# R8.1: the handlers of the responsible organization answer and close ------------------------


def test_r8_1_a_chairman_above_may_reassign_and_extend_but_not_answer_or_close(cast, appeal):
    with at(2026, 11, 26):
        # "archive": a chairman's, at any level (issue 12 point 5, accounts.archive).
        assert offered(cast.paula, appeal) == {"assign", "extend", "archive"}
        with pytest.raises(InvalidTransition) as error:
            first_response(cast.paula, appeal)
        assert error.value.rule == "R8.1"
        assert cast.own.name in str(error.value.message)
        for call in (
            lambda: forward(cast.paula, appeal, date(2026, 11, 24), to_name="Басқарма"),
            lambda: services.appeal_extension_notice(
                actor=cast.paula, appeal=appeal, on=date(2026, 11, 26)
            ),
        ):
            with pytest.raises(InvalidTransition):
                call()
        services.appeal_assign(actor=cast.paula, appeal=appeal, assignee=cast.charlie)
        services.appeal_extend(
            actor=cast.paula, appeal=appeal, new_due=date(2027, 1, 15), reason="Сұрау"
        )
        first_response(cast.charlie, appeal)
        services.appeal_official_response(
            actor=cast.charlie, appeal=appeal, on=date(2026, 11, 26), number="1", text="Жауап"
        )
        with pytest.raises(InvalidTransition) as error:
            services.appeal_close(actor=cast.paula, appeal=appeal, outcome="official_response")
        assert error.value.rule == "R8.1"
        assert "close" not in offered(cast.paula, appeal)
        assert "close" in offered(cast.charlie, appeal)
    appeal.refresh_from_db()
    assert appeal.status == Status.OFFICIAL_RESPONSE_SENT and appeal.assignee == cast.charlie


def test_r8_1_a_lawyer_above_is_offered_nothing_and_refused(cast, appeal):
    lawyer_above = UserFactory(username="parent_lawyer")
    MembershipFactory(user=lawyer_above, organization=cast.parent, role=Role.LAWYER)
    with at(2026, 11, 26):
        assert offered(lawyer_above, appeal) == set()
        with pytest.raises(InvalidTransition):
            first_response(lawyer_above, appeal)
    appeal.refresh_from_db()
    assert appeal.status == Status.REGISTERED


def test_r8_1_the_handlers_of_the_responsible_organization_are_offered_their_steps(cast, appeal):
    with at(2026, 11, 26):
        assert offered(cast.alice, appeal) == {"assign", "first_response", "forward"}
        assert offered(cast.lara, appeal) == {"first_response", "forward"}
        assert offered(cast.charlie, appeal) == {
            "assign",
            "first_response",
            "forward",
            "extend",
            "archive",  # issue 12 point 5 (accounts.archive)
        }


def test_r8_1_the_page_offers_a_chairman_above_only_reassigning_and_extending(client, cast, appeal):
    client.force_login(cast.paula)
    with at(2026, 11, 26):
        response = client.get(reverse("appeals:detail", args=[appeal.pk]))
        assert {s["slug"] for s in response.context["steps"]} == {"assign", "extend", "archive"}
        response = client.post(
            reverse("appeals:step", args=[appeal.pk, "first-response"]),
            {"on": "2026-11-23", "channel": "same_network", "text": "x"},
            follow=True,
        )
    assert cast.own.name in str(list(response.context["messages"])[0])
    appeal.refresh_from_db()
    assert appeal.status == Status.REGISTERED


def test_r8_1_the_assignee_must_be_a_handler_of_the_responsible_organization(cast, appeal):
    with at(2026, 11, 26), pytest.raises(ValidationError) as error:
        services.appeal_assign(actor=cast.paula, appeal=appeal, assignee=cast.paula)
    assert "assignee" in error.value.message_dict


@pytest.mark.parametrize("who", ["alice", "lara", "charlie", "paula", "root"])
def test_the_page_shows_exactly_the_available_actions(client, cast, appeal, who):
    user = getattr(cast, who)
    client.force_login(user)
    with at(2026, 11, 26):
        response = client.get(reverse("appeals:detail", args=[appeal.pk]))
        expected = {
            a.name.replace("_", "-") for a in appeal_workflow.available_actions(user, appeal)
        }
    assert {s["slug"] for s in response.context["steps"]} == expected

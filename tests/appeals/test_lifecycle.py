"""The life cycle of an appeal (appeals.services): each step, its checks and its audit entry."""

from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry
from appeals import selectors, services
from appeals.models import Appeal, Outcome, ResponseChannel, Status
from tests.appeals.factories import received, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def appeal(cast):
    return register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)


def first_response(actor, appeal, **kw):
    data = {"on": date(2026, 11, 23), "channel": ResponseChannel.SAME_NETWORK, "text": "Тіркелді."}
    data.update(kw)
    return services.appeal_first_response(actor=actor, appeal=appeal, **data)


def test_the_whole_life_cycle_is_recorded_step_by_step(cast, appeal):
    first_response(cast.alice, appeal)
    services.appeal_take(actor=cast.lara, appeal=appeal)
    services.appeal_official_response(
        actor=cast.lara, appeal=appeal, on=date(2026, 11, 26), number="01-15/77", text="Жауап."
    )
    services.appeal_close(actor=cast.alice, appeal=appeal, outcome=Outcome.OFFICIAL_RESPONSE)
    appeal.refresh_from_db()
    assert appeal.status == Status.CLOSED
    assert appeal.outcome == Outcome.OFFICIAL_RESPONSE
    assert appeal.official_response_number == "01-15/77"
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == [
        "appeals.appeal.register",
        "appeals.appeal.first_response",
        "appeals.appeal.take",
        "appeals.appeal.official_response",
        "appeals.appeal.close",
    ]


def test_a_step_not_allowed_in_the_current_state_raises_invalid_transition(cast, appeal):
    with pytest.raises(InvalidTransition):
        services.appeal_close(actor=cast.alice, appeal=appeal, outcome=Outcome.EXPLANATION)
    first_response(cast.alice, appeal)
    with pytest.raises(InvalidTransition):
        first_response(cast.alice, appeal)
    appeal.refresh_from_db()
    assert appeal.status == Status.FIRST_RESPONSE_GIVEN


def test_a_response_dated_before_registration_is_refused_and_nothing_changes(cast, appeal):
    with pytest.raises(ValidationError) as error:
        first_response(cast.alice, appeal, on=date(2026, 11, 19))
    assert "20.11.2026" in str(error.value)
    appeal.refresh_from_db()
    assert appeal.status == Status.REGISTERED and appeal.first_response_on is None
    with pytest.raises(ValidationError):
        first_response(cast.alice, appeal, on=date(2026, 11, 27))


def test_r8_3_a_confidential_matter_is_answered_by_an_official_letter(cast):
    appeal = register(
        cast.alice, cast.own, received(2026, 11, 20), is_confidential=True, assignee=cast.lara
    )
    with pytest.raises(ValidationError) as error:
        first_response(cast.alice, appeal)
    assert "letter_number" in error.value.message_dict
    first_response(
        cast.alice, appeal, channel=ResponseChannel.OFFICIAL_LETTER, letter_number="07/12"
    )
    appeal.refresh_from_db()
    assert appeal.first_response_letter_number == "07/12"


def test_r8_3_confidential_content_is_shown_only_to_the_assignee_and_the_chairman(cast):
    appeal = register(
        cast.alice, cast.own, received(2026, 11, 20), is_confidential=True, assignee=cast.lara
    )
    today = timezone.localdate()
    seen = {
        who: selectors.decorate([Appeal.objects.get(pk=appeal.pk)], getattr(cast, who), today)[
            0
        ].show_content
        for who in ("alice", "lara", "charlie", "paula")
    }
    assert seen == {"alice": False, "lara": True, "charlie": True, "paula": False}


def test_forwarding_to_a_structure_of_the_union_puts_a_registered_copy_in_its_list(cast, appeal):
    first_response(cast.alice, appeal)
    services.appeal_forward(
        actor=cast.alice,
        appeal=appeal,
        on=date(2026, 11, 24),
        reason="Облыстық ұйымның құзыреті",
        applicant_informed_on=date(2026, 11, 24),
        to_organization=cast.sibling,
    )
    appeal.refresh_from_db()
    assert appeal.status == Status.FORWARDED and appeal.outcome == Outcome.FORWARDED
    copy = Appeal.objects.get(forwarded_from=appeal)
    assert copy.organization == cast.sibling and copy.number == "2026-0001"
    assert copy.first_response_due == date(2026, 11, 27)
    visible_to_sam = selectors.appeals_visible_to(cast.sam)
    assert list(visible_to_sam) == [copy]
    assert cast.sam.notifications.filter(kind="appeals.forwarded").exists()


def test_forwarding_needs_a_receiver_and_a_reason(cast, appeal):
    with pytest.raises(ValidationError) as error:
        services.appeal_forward(
            actor=cast.alice,
            appeal=appeal,
            on=date(2026, 11, 24),
            reason="",
            applicant_informed_on=date(2026, 11, 24),
        )
    assert "to_name" in error.value.message_dict
    appeal.refresh_from_db()
    assert appeal.status == Status.REGISTERED


def test_a_chairman_extends_the_deadline_and_the_notice_becomes_a_deadline(cast, appeal):
    assert appeal.official_response_due == date(2026, 12, 11)
    services.appeal_extend(
        actor=cast.charlie, appeal=appeal, new_due=date(2027, 1, 15), reason="Сұрау жіберілді"
    )
    appeal.refresh_from_db()
    assert appeal.official_response_due == date(2027, 1, 15)
    assert appeal.official_response_due_original == date(2026, 12, 11)
    assert appeal.extension_notice_due == date(2026, 12, 1)  # 3 working days after 26 November
    assert appeal.extensions.get().old_due == date(2026, 12, 11)
    services.appeal_extension_notice(actor=cast.lara, appeal=appeal, on=date(2026, 11, 26))
    appeal.refresh_from_db()
    assert appeal.extension_notice_given_on == date(2026, 11, 26)


def test_an_extension_by_a_non_chairman_is_refused_and_changes_nothing(cast, appeal):
    for who in (cast.alice, cast.lara, cast.sibling_chairman):
        with pytest.raises(PermissionDenied):
            services.appeal_extend(actor=who, appeal=appeal, new_due=date(2027, 1, 15), reason="x")
    appeal.refresh_from_db()
    assert appeal.official_response_due == date(2026, 12, 11)
    assert not appeal.extensions.exists()


def test_the_total_term_may_not_exceed_two_months_from_registration(cast, appeal):
    with pytest.raises(ValidationError) as error:
        services.appeal_extend(
            actor=cast.charlie, appeal=appeal, new_due=date(2027, 1, 21), reason="x"
        )
    assert "20.01.2027" in str(error.value)
    services.appeal_extend(actor=cast.charlie, appeal=appeal, new_due=date(2027, 1, 20), reason="x")


def test_an_override_added_later_recomputes_the_due_dates_of_open_appeals_only(cast, appeal):
    closed = register(cast.alice, cast.own, received(2026, 11, 20))
    first_response(cast.alice, closed)
    services.appeal_official_response(
        actor=cast.alice, appeal=closed, on=date(2026, 11, 25), number="1", text="x"
    )
    services.appeal_close(actor=cast.alice, appeal=closed, outcome=Outcome.EXPLANATION)
    _o, moved = services.calendar_override_save(
        actor=cast.root, day=date(2026, 12, 4), kind="day_off", reason="Тест: қаулы"
    )
    assert moved == 1
    appeal.refresh_from_db()
    closed.refresh_from_db()
    assert appeal.official_response_due == date(2026, 12, 14)
    assert closed.official_response_due == date(2026, 12, 11)
    assert AuditEntry.objects.filter(action="appeals.appeal.recompute").count() == 1
    services.calendar_override_delete(actor=cast.root, override=_o)
    appeal.refresh_from_db()
    assert appeal.official_response_due == date(2026, 12, 11)


def test_only_superusers_correct_the_calendar(cast):
    with pytest.raises(PermissionDenied):
        services.calendar_override_save(
            actor=cast.charlie, day=date(2026, 12, 4), kind="day_off", reason="x"
        )

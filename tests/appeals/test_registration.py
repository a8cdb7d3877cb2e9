"""appeals.services.appeal_register (R8.1, R8.2): numbers, deadlines, messages that are not
appeals, and bad input."""

import threading
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from appeals import selectors, workdays
from appeals.models import Appeal, Kind, RegistrationCounter, Status
from tests.appeals.conftest import sqlite_lock
from tests.appeals.factories import official_account, received, register

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())


@time_machine.travel(NOW, tick=False)
def test_r8_1_numbers_are_gap_free_per_organization_and_year(cast):
    numbers = [register(cast.alice, cast.own, received(2026, 11, 2)).number for _ in range(3)]
    assert numbers == ["2026-0001", "2026-0002", "2026-0003"]
    assert register(cast.alice, cast.child, received(2026, 11, 2)).number == "2026-0001"
    assert register(cast.alice, cast.own, received(2025, 12, 30)).number == "2025-0001"
    assert register(cast.alice, cast.own, received(2026, 11, 3)).number == "2026-0004"


@time_machine.travel(NOW, tick=False)
def test_a_registration_that_rolls_back_gives_its_number_back(cast):
    with pytest.raises(RuntimeError), transaction.atomic():
        register(cast.alice, cast.own, received(2026, 11, 2))
        raise RuntimeError
    assert register(cast.alice, cast.own, received(2026, 11, 2)).number == "2026-0001"


@time_machine.travel(NOW, tick=False)
def test_r8_2_due_dates_are_3_and_15_working_days_from_the_registration_date(cast):
    appeal = register(cast.alice, cast.own, received(2026, 11, 25, hour=22))
    assert appeal.registered_on == date(2026, 11, 25)
    assert appeal.first_response_due == date(2026, 11, 30)
    # 16 December (Independence Day) is skipped.
    assert appeal.official_response_due == date(2026, 12, 17)
    assert appeal.calendar_version == workdays.calendar_version()
    assert appeal.status == Status.REGISTERED


@time_machine.travel(NOW, tick=False)
def test_the_registration_date_is_the_day_of_receipt_in_almaty(cast):
    # 19:30 UTC on 22 November is 00:30 on 23 November in Asia/Almaty (UTC+5).
    when = datetime(2026, 11, 22, 19, 30, tzinfo=UTC)
    appeal = register(cast.alice, cast.own, when)
    assert appeal.registered_on == date(2026, 11, 23)
    assert appeal.first_response_due == date(2026, 11, 26)


@time_machine.travel(NOW, tick=False)
def test_an_appeal_received_on_sunday_counts_monday_as_day_1(cast):
    appeal = register(cast.alice, cast.own, received(2026, 11, 22))
    assert appeal.first_response_due == date(2026, 11, 25)


@time_machine.travel(NOW, tick=False)
def test_a_message_without_an_author_is_recorded_as_not_registered_and_still_counted(cast):
    message = register(
        cast.alice,
        cast.own,
        received(2026, 11, 20),
        author_name="",
        author_contacts="",
        not_registered_reason="Автор көрсетілмеген",
    )
    register(cast.alice, cast.own, received(2026, 11, 20))
    assert message.status == Status.NOT_REGISTERED and message.number == ""
    assert message.first_response_due is None
    assert not RegistrationCounter.objects.filter(last__gt=1).exists()
    assert selectors.message_count(cast.parent.path, date(2026, 7, 1), date(2026, 12, 31)) == 2


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"received_at": received(2026, 11, 27)}, "received_at", "болашақта"),
        ({"received_at": received(2024, 1, 10)}, "received_at", "22.02.2024"),
        ({"author_contacts": ""}, "author_contacts", "байланыс деректерін"),
        ({"author_name": ""}, "author_name", "авторы"),
        ({"text": "  "}, "text", "мәтінін"),
    ],
)
def test_bad_input_is_refused_with_a_kazakh_message_and_nothing_is_saved(
    cast, fields, field, message
):
    with pytest.raises(ValidationError) as error:
        register(cast.alice, cast.own, received(2026, 11, 20), **fields)
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert not Appeal.objects.exists()
    assert not RegistrationCounter.objects.filter(last__gt=0).exists()


@time_machine.travel(NOW, tick=False)
def test_a_proposal_may_be_registered_without_a_contact(cast):
    appeal = register(
        cast.alice, cast.own, received(2026, 11, 20), kind=Kind.PROPOSAL, author_contacts=""
    )
    assert appeal.number == "2026-0001"


@time_machine.travel(NOW, tick=False)
def test_the_assignee_must_hold_a_role_in_the_responsible_organization(cast):
    with pytest.raises(ValidationError) as error:
        register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.sam)
    assert "assignee" in error.value.message_dict


@time_machine.travel(NOW, tick=False)
def test_a_lawyer_or_another_organization_may_not_register(cast):
    with pytest.raises(PermissionDenied):
        register(cast.lara, cast.own, received(2026, 11, 20))
    with pytest.raises(PermissionDenied):
        register(cast.alice, cast.sibling, received(2026, 11, 20))
    assert not Appeal.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_registrations_at_the_same_moment_never_get_the_same_number(cast):
    barrier = threading.Barrier(4)
    numbers, errors = [], []

    def worker():
        try:
            barrier.wait()
            numbers.append(register(cast.alice, cast.own, received(2026, 11, 20)).number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [e for e in errors if not sqlite_lock(e)] == []
    # Whatever succeeded got distinct numbers with no gap.
    expected = [f"2026-{i:04d}" for i in range(1, len(numbers) + 1)]
    assert sorted(numbers) == expected and len(numbers) >= 1
    if connection.vendor == "postgresql":
        assert len(numbers) == 4


@time_machine.travel(NOW, tick=False)
def test_the_message_is_in_russian_for_a_russian_speaking_user(cast):
    from django.utils import translation

    with translation.override("ru"), pytest.raises(ValidationError) as error:
        register(cast.alice, cast.own, received(2026, 11, 27))
    assert "Дата поступления не может быть в будущем." in error.value.message_dict["received_at"]


@time_machine.travel(NOW, tick=False)
def test_an_appeal_cannot_be_received_before_its_official_account_was_created(cast):
    account = official_account(cast.own, decided_on=date(2026, 9, 1))
    with pytest.raises(ValidationError) as error:
        register(cast.alice, cast.own, received(2026, 8, 31), official_account=account)
    assert "01.09.2026" in " ".join(error.value.message_dict["received_at"])
    appeal = register(cast.alice, cast.own, received(2026, 9, 1), official_account=account)
    assert appeal.official_account == account


@time_machine.travel(NOW, tick=False)
def test_an_account_without_a_decision_exists_from_its_entry_in_the_registry(cast):
    account = official_account(cast.own)
    with pytest.raises(ValidationError):
        register(cast.alice, cast.own, received(2026, 11, 20), official_account=account)


@time_machine.travel(NOW, tick=False)
def test_another_organizations_account_is_refused(cast):
    account = official_account(cast.sibling, decided_on=date(2025, 1, 10))
    with pytest.raises(ValidationError) as error:
        register(cast.alice, cast.own, received(2026, 11, 20), official_account=account)
    assert "official_account" in error.value.message_dict
    assert not Appeal.objects.exists()

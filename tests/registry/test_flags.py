from datetime import date

import pytest

from registry import services
from registry.models import FLAGS, AccountStatus, OfficialAccount
from tests.registry.factories import (
    AccessListFactory,
    AppointmentFactory,
    LogoCheckFactory,
    OfficialAccountFactory,
    compliant,
)

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 26)


def flags_of(account) -> set[str]:
    row = OfficialAccount.objects.with_flags(TODAY).get(pk=account.pk)
    return {name for name in FLAGS if getattr(row, f"flag_{name}")}


def test_a_newly_registered_account_lacks_everything(cast):
    account = OfficialAccountFactory(organization=cast.own)
    assert flags_of(account) == {"no_decision", "no_logo_check", "no_administrator", "access_list"}


def test_an_account_with_every_record_has_no_flag(cast):
    assert flags_of(compliant(OfficialAccountFactory(organization=cast.own))) == set()


def test_an_overdue_password_is_flagged(cast):
    account = compliant(
        OfficialAccountFactory(organization=cast.own, password_due_on=date(2026, 11, 25))
    )
    assert flags_of(account) == {"rotation_overdue"}


def test_a_failed_or_outdated_logo_check_is_flagged(cast):
    account = compliant(OfficialAccountFactory(organization=cast.own))
    LogoCheckFactory(account=account, checked_on=date(2026, 11, 1), result="failed")
    assert flags_of(account) == {"no_logo_check"}
    LogoCheckFactory(account=account, checked_on=date(2026, 11, 2), result="passed")
    assert flags_of(account) == set()
    OfficialAccount.objects.filter(pk=account.pk).update(logo_recheck_required=True)
    assert flags_of(account) == {"no_logo_check"}


def test_an_appointment_that_ended_or_has_not_started_does_not_count(cast):
    account = OfficialAccountFactory(organization=cast.own)
    AppointmentFactory(account=account, starts_on=date(2026, 1, 1), ends_on=date(2026, 11, 25))
    AppointmentFactory(account=account, starts_on=date(2026, 12, 1))
    assert "no_administrator" in flags_of(account)


def test_a_pending_access_list_change_is_flagged_even_with_an_approved_list(cast):
    account = compliant(OfficialAccountFactory(organization=cast.own))
    AccessListFactory(account=account, status="pending")
    assert flags_of(account) == {"access_list"}


def test_a_closed_account_still_listed_as_a_target_is_flagged(cast):
    account = compliant(
        OfficialAccountFactory(
            organization=cast.own, status=AccountStatus.CLOSED, is_publishing_target=True
        )
    )
    assert flags_of(account) == {"closed_target"}


def test_flags_are_computed_in_one_query_for_any_number_of_accounts(
    cast, django_assert_num_queries
):
    for _ in range(30):
        compliant(OfficialAccountFactory(organization=cast.own))
    with django_assert_num_queries(1):
        rows = list(OfficialAccount.objects.with_flags(TODAY))
    assert len(rows) == 30 and not any(r.flag_no_decision for r in rows)


def test_recording_what_is_missing_clears_the_flags(cast, today):
    account = services.account_register(
        actor=cast.alice,
        organization=cast.own,
        password_set_on=date(2025, 10, 1),
        network="telegram_channel",
        display_name="Арна",
        handle="",
        url="t.me/clear_me",
        languages="kk",
        is_publishing_target=True,
    )
    assert "rotation_overdue" in flags_of(account)
    version = services.access_list_propose(
        actor=cast.alice, account=account, entries=[{"full_name": "A"}]
    )
    services.access_list_approve(actor=cast.charlie, version=version)
    services.rotation_record(actor=cast.alice, account=account, rotated_on=date(2026, 11, 26))
    assert flags_of(account) == {"no_decision", "no_logo_check", "no_administrator"}

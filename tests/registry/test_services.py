from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry, Notification
from registry import services
from registry.models import (
    AccessListVersion,
    AccountStatus,
    OfficialAccount,
    PasswordRotation,
    RotationPolicy,
)
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db

NEW = {
    "network": "instagram",
    "display_name": "Мектеп кәсіподағы",
    "handle": "@school",
    "url": "https://www.instagram.com/School_Union/",
    "languages": "kk",
    "is_publishing_target": True,
}


def test_an_administrator_registers_an_account_of_their_organization(cast, today):
    account = services.account_register(
        actor=cast.alice, organization=cast.own, password_set_on=date(2026, 3, 1), **NEW
    )
    assert account.normalized_url == "instagram.com/school_union"
    assert account.password_due_on == date(2027, 3, 1)
    assert PasswordRotation.objects.filter(account=account, rotated_on=date(2026, 3, 1)).exists()
    assert AuditEntry.objects.filter(
        action="registry.account.register", organization=cast.own
    ).exists()


def test_the_same_account_cannot_be_registered_twice_and_the_holder_is_named(cast, today):
    services.account_register(
        actor=cast.alice, organization=cast.own, password_set_on=date(2026, 3, 1), **NEW
    )
    again = {**NEW, "url": "instagram.com/school_union"}
    with pytest.raises(ValidationError) as error:
        services.account_register(
            actor=cast.sam, organization=cast.sibling, password_set_on=date(2026, 3, 1), **again
        )
    assert "Өз ұйымы" in str(error.value.message_dict["url"])
    assert OfficialAccount.objects.count() == 1


@pytest.mark.parametrize("who", ["charlie", "lara", "paula", "sam"])
def test_only_the_organization_s_administrators_register_its_accounts(cast, today, who):
    with pytest.raises(PermissionDenied):
        services.account_register(
            actor=getattr(cast, who), organization=cast.own, password_set_on=date(2026, 3, 1), **NEW
        )
    assert not OfficialAccount.objects.exists()


def test_a_rotation_in_the_future_is_refused_and_nothing_changes(account, cast, today):
    due = account.password_due_on
    with pytest.raises(ValidationError):
        services.rotation_record(actor=cast.alice, account=account, rotated_on=date(2026, 11, 27))
    account.refresh_from_db()
    assert account.password_due_on == due
    assert not PasswordRotation.objects.exists()


def test_a_rotation_moves_the_due_date_a_year_on(account, cast, today):
    services.rotation_record(actor=cast.alice, account=account, rotated_on=date(2026, 11, 20))
    account.refresh_from_db()
    assert account.password_due_on == date(2027, 11, 20)


def test_a_shorter_interval_of_the_organization_applies_at_once(account, cast, today):
    services.rotation_record(actor=cast.alice, account=account, rotated_on=date(2026, 8, 31))
    services.policy_set(actor=cast.charlie, organization=cast.own, months=6)
    account.refresh_from_db()
    assert account.password_due_on == date(2027, 2, 28)
    with pytest.raises(ValidationError):
        services.policy_set(actor=cast.charlie, organization=cast.own, months=18)
    assert RotationPolicy.objects.get(organization=cast.own).months == 6
    with pytest.raises(PermissionDenied):
        services.policy_set(actor=cast.alice, organization=cast.own, months=3)


def test_no_password_is_ever_stored(account):
    from django.apps import apps

    names = {
        f.name
        for model in apps.get_app_config("registry").get_models()
        for f in model._meta.get_fields()
    }
    assert not {n for n in names if "password" in n} - {"password_due_on"}


def test_an_access_list_change_waits_for_the_chairman(
    account, cast, today, django_capture_on_commit_callbacks
):
    version = services.access_list_propose(
        actor=cast.alice,
        account=account,
        entries=[{"full_name": "Ахметов Ерлан", "position": "SMM"}],
    )
    assert version.status == AccessListVersion.Status.PENDING
    assert Notification.objects.filter(
        recipient=cast.charlie, kind="registry.access_list.propose"
    ).exists()
    services.access_list_approve(actor=cast.charlie, version=version, comment="Келісемін")
    version.refresh_from_db()
    assert (version.status, version.decided_by) == (AccessListVersion.Status.APPROVED, cast.charlie)
    assert Notification.objects.filter(
        recipient=cast.alice, kind="registry.access_list.decided"
    ).exists()
    with pytest.raises(InvalidTransition):
        services.access_list_approve(actor=cast.charlie, version=version)


def test_a_new_proposal_supersedes_the_pending_one_and_approval_replaces_the_old_list(
    account, cast, today
):
    first = services.access_list_propose(
        actor=cast.alice, account=account, entries=[{"full_name": "A"}]
    )
    services.access_list_approve(actor=cast.charlie, version=first)
    second = services.access_list_propose(
        actor=cast.alice, account=account, entries=[{"full_name": "B"}]
    )
    third = services.access_list_propose(
        actor=cast.alice, account=account, entries=[{"full_name": "C"}]
    )
    second.refresh_from_db()
    assert second.status == AccessListVersion.Status.SUPERSEDED
    services.access_list_approve(actor=cast.charlie, version=third)
    statuses = dict(account.access_lists.values_list("number", "status"))
    assert statuses == {1: "superseded", 2: "superseded", 3: "approved"}


@pytest.mark.parametrize("who", ["alice", "paula", "sibling_chairman", "lara"])
def test_only_the_owning_organization_s_chairman_approves_an_access_list(account, cast, today, who):
    version = services.access_list_propose(
        actor=cast.alice, account=account, entries=[{"full_name": "A"}]
    )
    with pytest.raises(PermissionDenied):
        services.access_list_approve(actor=getattr(cast, who), version=version)
    version.refresh_from_db()
    assert version.status == AccessListVersion.Status.PENDING


def test_rejecting_needs_a_reason(account, cast, today):
    version = services.access_list_propose(
        actor=cast.alice, account=account, entries=[{"full_name": "A"}]
    )
    with pytest.raises(ValidationError):
        services.access_list_reject(actor=cast.charlie, version=version, comment=" ")
    services.access_list_reject(actor=cast.charlie, version=version, comment="Тізім толық емес")
    version.refresh_from_db()
    assert version.status == AccessListVersion.Status.REJECTED


def test_closing_an_account_keeps_it_in_the_register_and_stops_it_being_a_target(
    account, cast, today
):
    services.account_set_status(
        actor=cast.alice,
        account=account,
        status=AccountStatus.CLOSED,
        changed_on=date(2026, 11, 1),
        reason="Парақша жабылды",
    )
    account.refresh_from_db()
    assert (account.status, account.is_publishing_target) == (AccountStatus.CLOSED, False)
    with pytest.raises(ValidationError):
        services.account_set_status(
            actor=cast.alice,
            account=account,
            status=AccountStatus.SUSPENDED,
            changed_on=date(2026, 11, 2),
            reason="",
        )


def test_only_the_chairman_records_administrator_orders(account, cast, today):
    from tests.registry.factories import pdf

    fields = {
        "user": cast.alice,
        "full_name": "",
        "position": "SMM",
        "contacts": "",
        "order_number": "7",
        "order_date": date(2026, 11, 1),
        "order_document": pdf(),
        "starts_on": date(2026, 11, 2),
        "ends_on": None,
    }
    with pytest.raises(PermissionDenied):
        services.appointment_record(actor=cast.alice, account=account, **fields)
    appointment = services.appointment_record(actor=cast.charlie, account=account, **fields)
    assert appointment.full_name == cast.alice.get_full_name()
    with pytest.raises(ValidationError):
        services.appointment_end(
            actor=cast.charlie, appointment=appointment, ends_on=date(2026, 10, 1)
        )
    services.appointment_end(
        actor=cast.charlie, appointment=appointment, ends_on=date(2026, 11, 20)
    )
    with pytest.raises(InvalidTransition):
        services.appointment_end(
            actor=cast.charlie, appointment=appointment, ends_on=date(2026, 11, 21)
        )


def test_an_upload_that_is_not_a_document_is_refused(account, cast, today):
    from django.core.files.base import ContentFile

    with pytest.raises(ValidationError):
        services.decision_record(
            actor=cast.alice,
            account=account,
            body="Комитет",
            number="1",
            decided_on=date(2026, 1, 1),
            document=ContentFile(b"MZ\x90\x00 not a pdf", name="x.pdf"),
        )
    assert not account.decisions.exists()


def test_an_upload_over_the_limit_is_refused(account, cast, today, settings):
    from tests.registry.factories import pdf

    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        services.decision_record(
            actor=cast.alice,
            account=account,
            body="Комитет",
            number="1",
            decided_on=date(2026, 1, 1),
            document=pdf(),
        )
    assert "document" in error.value.message_dict
    assert not account.decisions.exists()


def test_an_account_of_another_organization_cannot_be_edited(cast, today):
    foreign = OfficialAccountFactory(organization=cast.sibling)
    with pytest.raises(PermissionDenied):
        services.account_update(actor=cast.alice, account=foreign, display_name="X")

"""Personal data of an appeal's author (R9.1): full contacts for the handlers only, every full
view and export logged under the organization, the legal basis and the notice recorded."""

import csv
import io
from datetime import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts import permissions
from accounts.models import AuditEntry
from appeals.models import Appeal
from tests.appeals.factories import received, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())
PHONE = "+7 701 123 45 67"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def detail(appeal):
    return reverse("appeals:detail", args=[appeal.pk])


@pytest.mark.parametrize(
    ("who", "full"),
    [
        ("alice", True),  # the responsible organization's administrator
        ("charlie", True),  # its chairman
        ("lara", False),  # its lawyer, not assigned
        ("paula", False),  # the chairman above
        ("root", True),
    ],
)
def test_r9_1_full_contacts_are_shown_only_to_the_handlers(client, cast, who, full):
    appeal = register(cast.alice, cast.own, received(2026, 11, 20))
    client.force_login(getattr(cast, who))
    html = client.get(detail(appeal)).content.decode()
    assert (PHONE in html) is full
    if not full:
        assert "67" in html  # masked, not hidden
    logged = AuditEntry.objects.filter(action="appeals.appeal.view_personal_data").exists()
    assert logged is full


def test_r9_1_the_assigned_lawyer_sees_the_full_contacts(client, cast):
    appeal = register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)
    client.force_login(cast.lara)
    assert PHONE in client.get(detail(appeal)).content.decode()


def test_r9_1_a_full_view_of_other_data_without_contacts_is_logged_too(client, cast):
    appeal = register(
        cast.alice,
        cast.own,
        received(2026, 11, 20),
        kind="proposal",
        author_contacts="",
        author_other="№ 12 мектеп, 3-сынып жетекшісі",
    )
    client.force_login(cast.charlie)
    assert "№ 12 мектеп" in client.get(detail(appeal)).content.decode()
    entry = AuditEntry.objects.get(action="appeals.appeal.view_personal_data")
    assert entry.organization == cast.own


def test_r9_1_every_export_with_full_contacts_is_logged_under_each_organization(client, cast):
    register(cast.alice, cast.own, received(2026, 11, 20))
    register(cast.sam, cast.sibling, received(2026, 11, 20))
    client.force_login(cast.root)
    text = client.get(reverse("appeals:export")).content.decode("utf-8-sig")
    assert text.count(PHONE) == 2
    entries = AuditEntry.objects.filter(action="appeals.appeal.export_personal_data")
    assert {(e.organization, tuple(e.changes["appeals"][1])) for e in entries} == {
        (cast.own, ("2026-0001",)),
        (cast.sibling, ("2026-0001",)),
    }
    # The chairmen see it in their audit trail.
    for chairman, organization in ((cast.charlie, cast.own), (cast.sibling_chairman, cast.sibling)):
        seen = permissions.visible(chairman, entries, action="accounts.audit.view")
        assert [e.organization for e in seen] == [organization]


def test_r9_1_the_chairman_above_exports_masked_contacts_and_nothing_is_logged(client, cast):
    register(cast.alice, cast.own, received(2026, 11, 20))
    client.force_login(cast.paula)
    text = client.get(reverse("appeals:export")).content.decode("utf-8-sig")
    (_header, row) = list(csv.reader(io.StringIO(text)))
    assert PHONE not in row and any("•" in cell for cell in row)
    assert not AuditEntry.objects.filter(action="appeals.appeal.export_personal_data").exists()


@pytest.mark.parametrize("field", ["processing_basis", "privacy_notice"])
def test_r9_1_registration_records_the_legal_basis_and_the_notice(cast, field):
    with pytest.raises(ValidationError) as error:
        register(cast.alice, cast.own, received(2026, 11, 20), **{field: ""})
    assert field in error.value.message_dict
    assert not Appeal.objects.exists()


def test_r9_1_the_registration_form_asks_for_both_and_the_page_shows_them(client, cast):
    client.force_login(cast.alice)
    data = {
        "organization": cast.own.pk,
        "received_at": "2026-11-25T09:15",
        "channel": "telegram",
        "author_name": "Әсел Нұрланқызы",
        "author_contacts": PHONE,
        "text": "Қосымша сабақтар үшін ақы төленбеді.",
        "kind": "complaint",
        "topic": "pay",
    }
    response = client.post(reverse("appeals:create"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"processing_basis", "privacy_notice"}
    response = client.post(
        reverse("appeals:create"),
        {**data, "processing_basis": "consent", "privacy_notice": "account_notice"},
    )
    appeal = Appeal.objects.get()
    assert (appeal.processing_basis, appeal.privacy_notice) == ("consent", "account_notice")
    html = client.get(response.url).content.decode()
    assert 'data-testid="personal-data-basis"' in html
    assert escape(appeal.get_processing_basis_display()) in html


def test_r9_1_a_forwarded_copy_carries_the_basis_of_the_original(cast):
    from datetime import date

    from appeals import services

    appeal = register(cast.alice, cast.own, received(2026, 11, 20), processing_basis="law")
    services.appeal_forward(
        actor=cast.alice,
        appeal=appeal,
        on=date(2026, 11, 24),
        reason="Құзырет",
        applicant_informed_on=date(2026, 11, 24),
        to_organization=cast.sibling,
    )
    copy = Appeal.objects.get(forwarded_from=appeal)
    assert (copy.processing_basis, copy.privacy_notice) == ("law", "reply")


def test_the_appeal_page_shows_no_calendar_code(client, cast):
    appeal = register(cast.alice, cast.own, received(2026, 11, 20))
    client.force_login(cast.alice)
    html = client.get(detail(appeal)).content.decode()
    assert appeal.calendar_version and appeal.calendar_version not in html
    assert "holidays-" not in html and 'data-testid="calendar-note"' in html

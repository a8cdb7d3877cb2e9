"""Registering through the page: the form, the organization choices, not-registered messages,
bad input with translated messages, and a forged organization."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from appeals.models import Appeal, Status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())
URL = reverse("appeals:create")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def data(cast, **kw):
    d = {
        "organization": cast.own.pk,
        "received_at": "2026-11-25T09:15",
        "channel": "telegram",
        "channel_account": "@kasipodaq_own",
        "author_name": "Әсел Нұрланқызы",
        "author_contacts": "+7 701 123 45 67",
        "text": "Қосымша сабақтар үшін ақы төленбеді.",
        "kind": "complaint",
        "topic": "pay",
        "assignee": cast.lara.pk,
        "processing_basis": "consent",
        "privacy_notice": "reply",
    }
    d.update(kw)
    return d


def test_the_administrator_registers_an_appeal_and_sees_its_page(client, cast):
    client.force_login(cast.alice)
    response = client.post(URL, data(cast))
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response.url == f"/appeals/{appeal.pk}/"
    assert appeal.number == "2026-0001" and appeal.assignee == cast.lara
    assert str(appeal.first_response_due) == "2026-11-30"


def test_screenshots_are_attached(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.alice)
    from tests.registry.factories import PNG

    files = [
        SimpleUploadedFile("a.png", PNG, content_type="image/png"),
        SimpleUploadedFile("b.png", PNG, content_type="image/png"),
    ]
    client.post(URL, {**data(cast), "attachments": files})
    assert Appeal.objects.get().attachments.count() == 2


def test_a_message_without_contact_can_be_recorded_as_not_registered(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        URL,
        data(
            cast,
            author_name="",
            author_contacts="",
            not_registered="on",
            not_registered_reason="Автор мен байланыс көрсетілмеген",
        ),
    )
    assert response.status_code == 302
    assert Appeal.objects.get().status == Status.NOT_REGISTERED


@pytest.mark.parametrize(
    ("fields", "field", "kazakh"),
    [
        ({"received_at": "2026-11-27T09:00"}, "received_at", "болашақта"),
        ({"received_at": "2023-05-01T09:00"}, "received_at", "22.02.2024"),
        ({"author_contacts": ""}, "author_contacts", "байланыс"),
        ({"not_registered": "on", "not_registered_reason": ""}, "not_registered_reason", "себеб"),
    ],
)
def test_bad_input_shows_a_kazakh_message_and_saves_nothing(client, cast, fields, field, kazakh):
    client.force_login(cast.alice)
    response = client.post(URL, data(cast, **fields))
    assert response.status_code == 200
    assert kazakh in " ".join(response.context["form"].errors[field]).lower()
    assert not Appeal.objects.exists()


def test_a_forged_organization_is_refused_and_saves_nothing(client, cast):
    client.force_login(cast.alice)
    response = client.post(URL, data(cast, organization=cast.sibling.pk))
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert not Appeal.objects.exists()


def test_a_lawyer_may_not_open_the_registration_form(client, cast):
    client.force_login(cast.lara)
    assert client.get(URL).status_code == 403


def test_the_form_offers_only_organizations_where_the_user_registers(client, cast):
    client.force_login(cast.alice)
    choices = client.get(URL).context["form"].fields["organization"].queryset
    assert set(choices) == {cast.own, cast.child}


def test_the_form_offers_the_official_accounts_of_the_users_organizations(client, cast):
    from datetime import date

    from tests.appeals.factories import official_account

    own = official_account(cast.own, decided_on=date(2025, 1, 10))
    official_account(cast.sibling, decided_on=date(2025, 1, 10), name="Көрші")
    client.force_login(cast.alice)
    choices = client.get(URL).context["form"].fields["official_account"].queryset
    assert list(choices) == [own]
    response = client.post(URL, data(cast, official_account=own.pk))
    assert response.status_code == 302
    assert Appeal.objects.get().official_account == own

"""Metrics entered by hand: checked like a file's row, saved under the same keys."""

import pytest
from django.urls import reverse

from reports.models import SubscriberCount
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db


def post(client, **fields):
    data = {
        "entry-organization": fields.pop("organization"),
        "entry-kind": "subscribers",
        "entry-period": "h2",
        "entry-year": 2026,
    }
    data.update({f"entry-{k}": v for k, v in fields.items()})
    return client.post(reverse("reports:metrics"), data)


def test_an_administrator_enters_subscribers_and_a_second_entry_replaces_the_first(client, cast):
    account = OfficialAccountFactory(organization=cast.own, url="https://t.me/own_channel")
    client.force_login(cast.alice)
    response = post(
        client,
        organization=cast.own.pk,
        account="https://t.me/own_channel",
        date="2026-09-30",
        subscribers=1520,
    )
    assert response.status_code == 302
    post(
        client,
        organization=cast.own.pk,
        account="t.me/own_channel",
        date="2026-09-30",
        subscribers=1530,
    )
    assert list(SubscriberCount.objects.values_list("account_id", "subscribers")) == [
        (account.pk, 1530)
    ]


def test_a_bad_entry_names_the_field_and_saves_nothing(client, cast):
    OfficialAccountFactory(organization=cast.own, url="https://t.me/own_channel")
    client.force_login(cast.alice)
    response = post(
        client,
        organization=cast.own.pk,
        account="https://t.me/unknown",
        date="2025-01-01",
        subscribers=10,
    )
    assert response.status_code == 200
    errors = response.context["entry_form"].errors
    assert "account" in errors or "date" in errors
    assert not SubscriberCount.objects.exists()


def test_a_lawyer_cannot_enter_figures(client, cast):
    client.force_login(cast.lara)
    response = post(
        client, organization=cast.own.pk, account="https://t.me/x", date="2026-09-30", subscribers=1
    )
    assert response.status_code in (200, 403)
    assert not SubscriberCount.objects.exists()

"""CSV export: the filtered list, contacts masked unless the user may see them, full exports
logged."""

import csv
import io
from datetime import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry
from tests.appeals.factories import received, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())
URL = reverse("appeals:export")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_export_has_full_contacts_for_the_organizations_people_and_logs_it(client, cast):
    register(cast.alice, cast.own, received(2026, 11, 20))
    client.force_login(cast.alice)
    response = client.get(URL)
    assert response["Content-Type"].startswith("text/csv")
    header, row = rows(response)
    # A cell beginning with "+" is kept as text by the leading apostrophe (accounts.tabular).
    assert row[0] == "2026-0001" and "'+7 701 123 45 67" in row
    entry = AuditEntry.objects.get(action="appeals.appeal.export_personal_data")
    assert entry.actor == cast.alice and entry.changes["appeals"][1] == ["2026-0001"]


def test_the_export_masks_contacts_for_those_who_may_not_see_them(client, cast):
    from accounts.models import Role
    from tests.factories import MembershipFactory, UserFactory

    register(cast.alice, cast.own, received(2026, 11, 20))
    lawyer_above = UserFactory(username="parent_lawyer")
    MembershipFactory(user=lawyer_above, organization=cast.parent, role=Role.LAWYER)
    client.force_login(lawyer_above)
    _header, row = rows(client.get(URL))
    assert "+7 701 123 45 67" not in row
    assert any(cell.endswith("67") and "•" in cell for cell in row)
    assert not AuditEntry.objects.filter(action="appeals.appeal.export_personal_data").exists()


def test_the_export_follows_the_filters(client, cast):
    register(cast.alice, cast.own, received(2026, 11, 20), topic="pay")
    register(cast.alice, cast.own, received(2026, 11, 20), topic="other")
    client.force_login(cast.charlie)
    assert len(rows(client.get(URL, {"topic": "other"}))) == 2

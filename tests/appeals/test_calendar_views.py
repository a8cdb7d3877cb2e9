"""The superuser's page for the working calendar's corrections, and the admin."""

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from appeals import workdays
from appeals.models import CalendarOverride
from tests.appeals.factories import received, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())
URL = reverse("appeals:calendar")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_only_superusers_open_the_calendar(client, cast):
    client.force_login(cast.charlie)
    assert client.get(URL).status_code == 403
    client.force_login(cast.root)
    assert client.get(URL).status_code == 200


def test_a_correction_recomputes_open_appeals_and_says_how_many(client, cast):
    appeal = register(cast.alice, cast.own, received(2026, 11, 20))
    client.force_login(cast.root)
    response = client.post(
        URL, {"day": "2026-12-04", "kind": "day_off", "reason": "Тест қаулысы"}, follow=True
    )
    assert "1" in str(list(response.context["messages"])[0])
    appeal.refresh_from_db()
    assert appeal.official_response_due == date(2026, 12, 14)
    assert not workdays.is_working_day(date(2026, 12, 4))
    override = CalendarOverride.objects.get(day=date(2026, 12, 4))
    client.post(reverse("appeals:calendar_delete", args=[override.pk]))
    appeal.refresh_from_db()
    assert appeal.official_response_due == date(2026, 12, 11)


def test_a_correction_without_a_legal_basis_is_refused(client, cast):
    client.force_login(cast.root)
    response = client.post(URL, {"day": "2026-12-04", "kind": "day_off", "reason": ""})
    assert response.status_code == 200 and response.context["form"].errors
    assert not CalendarOverride.objects.filter(day=date(2026, 12, 4)).exists()


def test_the_admin_goes_through_the_same_service(client, cast):
    appeal = register(cast.alice, cast.own, received(2026, 11, 20))
    client.force_login(cast.root)
    response = client.post(
        reverse("admin:appeals_calendaroverride_add"),
        {"day": "2026-12-04", "kind": "day_off", "reason": "Тест"},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.official_response_due == date(2026, 12, 14)

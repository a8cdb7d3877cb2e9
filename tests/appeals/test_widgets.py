"""Home widgets: administrators see what is due soon, chairmen what is overdue below them."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.appeals.factories import received, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_administrator_sees_due_soon_and_the_chairman_sees_overdue(client, cast):
    soon = register(cast.alice, cast.own, received(2026, 11, 25))
    late = register(cast.alice, cast.child, received(2026, 11, 2))
    client.force_login(cast.alice)
    html = client.get(reverse("accounts:home")).content.decode()
    assert 'data-testid="widget-appeals-due-soon"' in html and soon.number in html
    assert 'data-testid="widget-appeals-overdue"' not in html
    client.force_login(cast.paula)
    response = client.get(reverse("accounts:home"))
    html = response.content.decode()
    assert 'data-testid="widget-appeals-due-soon"' not in html
    assert 'data-testid="overdue-count">1<' in html
    assert f"/appeals/{late.pk}/" in html


def test_the_menu_has_appeals_for_roles_and_the_calendar_for_superusers(client, cast):
    client.force_login(cast.lara)
    html = client.get(reverse("accounts:home")).content.decode()
    assert 'data-nav="appeals"' in html and 'data-nav="working_calendar"' not in html
    client.force_login(cast.root)
    assert 'data-nav="working_calendar"' in client.get(reverse("accounts:home")).content.decode()

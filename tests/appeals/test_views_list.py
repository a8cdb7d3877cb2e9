"""The appeals list: views, filters, search, masking, due dates and a constant query count."""

from datetime import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from appeals import services
from appeals.models import Channel, Kind, Topic
from tests.appeals.factories import received, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=timezone.get_default_timezone())
URL = reverse("appeals:list")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def numbers(response):
    return [a.number for a in response.context["page"]]


@pytest.fixture
def appeals(cast):
    late = register(cast.alice, cast.own, received(2026, 11, 2), assignee=cast.lara)
    fresh = register(
        cast.alice,
        cast.own,
        received(2026, 11, 25),
        author_name="Иван Петров",
        topic=Topic.LABOUR_RIGHTS,
        kind=Kind.APPLICATION,
        channel=Channel.INSTAGRAM,
    )
    child = register(cast.charlie, cast.child, received(2026, 11, 24))
    sibling = register(cast.sam, cast.sibling, received(2026, 11, 24))
    return {"late": late, "fresh": fresh, "child": child, "sibling": sibling}


def test_the_list_shows_the_subtree_and_not_the_siblings(client, cast, appeals):
    client.force_login(cast.charlie)
    shown = {a.pk for a in client.get(URL).context["page"]}
    assert shown == {appeals["late"].pk, appeals["fresh"].pk, appeals["child"].pk}
    client.force_login(cast.paula)
    assert len(client.get(URL).context["page"]) == 4


def test_views_mine_due_this_week_and_overdue(client, cast, appeals):
    client.force_login(cast.lara)
    assert numbers(client.get(URL, {"view": "mine"})) == [appeals["late"].number]
    client.force_login(cast.charlie)
    week = client.get(URL, {"view": "week"})
    # Thursday 26 Nov: the fresh appeal's first response is due Monday 30 Nov — next week.
    assert {a.pk for a in week.context["page"]} == {appeals["child"].pk}
    assert numbers(client.get(URL, {"view": "overdue"})) == [appeals["late"].number]


def test_filters_and_search(client, cast, appeals):
    client.force_login(cast.charlie)
    assert numbers(client.get(URL, {"topic": "labour_rights"})) == [appeals["fresh"].number]
    assert numbers(client.get(URL, {"kind": "application"})) == [appeals["fresh"].number]
    assert numbers(client.get(URL, {"channel": "instagram"})) == [appeals["fresh"].number]
    assert numbers(client.get(URL, {"q": "Петров"})) == [appeals["fresh"].number]
    only_child = client.get(URL, {"organization": cast.child.pk})
    assert [a.pk for a in only_child.context["page"]] == [appeals["child"].pk]
    assert numbers(client.get(URL, {"overdue": "1"})) == [appeals["late"].number]
    assert numbers(client.get(URL, {"status": "closed"})) == []
    # Unknown values are ignored, not a 500.
    assert client.get(URL, {"status": "nonsense", "organization": "x"}).status_code == 200


def test_contacts_are_masked_and_overdue_dates_are_red_with_working_days(client, cast, appeals):
    client.force_login(cast.charlie)
    html = client.get(URL).content.decode()
    assert "+7 701 123 45 67" not in html
    assert "+•••••••••••••67" in html
    assert 'data-overdue="1"' in html
    late = appeals["late"]
    assert late.first_response_due.strftime("%d.%m.%Y") in html


def test_a_user_without_a_role_may_not_see_the_list(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403


def _queries(client, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_the_list_uses_the_same_number_of_queries_at_any_size(client, cast, appeals):
    client.force_login(cast.paula)
    small = _queries(client)
    small_overdue = _queries(client, {"view": "overdue"})
    for i in range(40):
        appeal = register(cast.alice, cast.own, received(2026, 11, 3), assignee=cast.lara)
        if i % 3 == 0:
            services.appeal_first_response(
                actor=cast.alice, appeal=appeal, on=NOW.date(), channel="phone", text="x"
            )
        register(cast.sam, cast.sibling, received(2026, 11, 10))
    assert _queries(client) == small
    assert _queries(client, {"view": "overdue"}) == small_overdue

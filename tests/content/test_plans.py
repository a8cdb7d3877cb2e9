from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.exceptions import InvalidTransition
from content import services
from content.models import ContentPlan, PlanItem, PublicationStatus
from tests.content.factories import plan, publication
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db

ITEM = {
    "topic": "Ұжымдық шарт туралы",
    "kind": "social",
    "direction": "partnership",
    "audiences": ["members", "workers"],
    "language": "kk",
    "planned_on": date(2026, 11, 10),
}


def test_the_chairman_sets_the_planning_period_and_plans_follow_it(cast):
    with pytest.raises(PermissionDenied):
        services.planning_set(actor=cast.alice, organization=cast.own, period="quarter")
    services.planning_set(actor=cast.charlie, organization=cast.own, period="quarter")
    created = services.plan_create(actor=cast.alice, organization=cast.own, day=date(2026, 11, 26))
    assert (created.starts_on, created.ends_on) == (date(2026, 10, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError):
        services.plan_create(actor=cast.alice, organization=cast.own, day=date(2026, 12, 5))


@pytest.mark.parametrize(
    ("period", "day", "bounds"),
    [
        ("year", date(2026, 5, 3), (date(2026, 1, 1), date(2026, 12, 31))),
        ("half_year", date(2026, 7, 1), (date(2026, 7, 1), date(2026, 12, 31))),
        ("quarter", date(2026, 2, 28), (date(2026, 1, 1), date(2026, 3, 31))),
        ("month", date(2028, 2, 10), (date(2028, 2, 1), date(2028, 2, 29))),
    ],
)
def test_period_bounds(period, day, bounds):
    assert services.period_bounds(period, day) == bounds


def test_items_follow_the_regulation_s_lists_and_the_plan_s_period(cast):
    p = plan(cast.own, cast.alice)
    with pytest.raises(ValidationError) as error:
        services.plan_item_save(actor=cast.alice, plan=p, **{**ITEM, "direction": "news"})
    assert "direction" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.plan_item_save(
            actor=cast.alice, plan=p, **{**ITEM, "planned_on": date(2026, 12, 1)}
        )
    with pytest.raises(ValidationError):
        services.plan_item_save(actor=cast.alice, plan=p, **{**ITEM, "audiences": []})
    foreign = OfficialAccountFactory(organization=cast.sibling)
    with pytest.raises(ValidationError):
        services.plan_item_save(actor=cast.alice, plan=p, accounts=[foreign], **ITEM)
    assert not PlanItem.objects.exists()


def test_the_plan_is_drafted_submitted_and_approved(cast):
    p = plan(cast.own, cast.alice)
    with pytest.raises(InvalidTransition):
        services.plan_submit(actor=cast.alice, plan=p)  # empty (R6.1)
    services.plan_item_save(actor=cast.alice, plan=p, **ITEM)
    services.plan_submit(actor=cast.alice, plan=p)
    with pytest.raises(InvalidTransition):
        services.plan_item_save(actor=cast.alice, plan=p, **ITEM)
    with pytest.raises(PermissionDenied):
        services.plan_decide(actor=cast.alice, plan=p, approve=True)
    with pytest.raises(ValidationError):
        services.plan_decide(actor=cast.charlie, plan=p, approve=False, comment="")
    services.plan_decide(actor=cast.charlie, plan=p, approve=True)
    p.refresh_from_db()
    assert p.status == ContentPlan.Status.APPROVED


@time_machine.travel("2026-11-26 10:00 +0500", tick=False)
def test_overdue_items_are_visible_on_the_plan(client, cast):
    p = plan(cast.own, cast.alice, status=ContentPlan.Status.APPROVED)
    past = PlanItem.objects.create(plan=p, **ITEM)
    done = PlanItem.objects.create(plan=p, **{**ITEM, "topic": "Жарияланды"})
    future = PlanItem.objects.create(plan=p, **{**ITEM, "planned_on": date(2026, 11, 28)})
    publication(cast.own, cast.alice, status=PublicationStatus.PUBLISHED, plan_item=done)
    client.force_login(cast.charlie)
    items = {
        i.pk: i.is_overdue
        for i in client.get(reverse("content:plan_detail", args=[p.pk])).context["items"]
    }
    assert items == {past.pk: True, done.pk: False, future.pk: False}


def test_plan_and_calendar_pages_keep_their_query_count(client, cast):
    p = plan(cast.own, cast.alice, status=ContentPlan.Status.APPROVED)
    account = OfficialAccountFactory(organization=cast.own)
    client.force_login(cast.charlie)
    urls = [
        reverse("content:plan_detail", args=[p.pk]),
        reverse("content:calendar") + "?day=2026-11-01",
        reverse("content:plans"),
        reverse("content:publications"),
    ]

    def counts():
        out = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            out.append(len(ctx.captured_queries))
        return out

    def add(n):
        for i in range(n):
            item = PlanItem.objects.create(
                plan=p, **{**ITEM, "planned_on": date(2026, 11, 1 + i % 28)}
            )
            item.accounts.add(account)
            publication(
                cast.own,
                cast.alice,
                status=PublicationStatus.PUBLISHED,
                plan_item=item,
                account=account,
            )

    add(2)
    small = counts()
    add(40)
    assert counts() == small


def test_an_administrator_creates_the_plan_of_the_period_from_the_plans_page(client, cast):
    client.force_login(cast.alice)
    response = client.post(reverse("content:plans"), {"day": "2026-11-26"})
    plan = ContentPlan.objects.get(organization=cast.own)
    assert response.status_code == 302
    assert response["Location"] == reverse("content:plan_detail", args=[plan.pk])
    assert (plan.starts_on, plan.ends_on) == (date(2026, 11, 1), date(2026, 11, 30))

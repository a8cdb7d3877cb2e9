"""Issue 13 point 5: moving a plan item or a draft to another day goes through content.calendar's
services, which check the permission and the plan's rules (R6.1), audit the move and change
nothing when they refuse."""

from datetime import date, datetime, time

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry
from content import calendar as service
from content.models import ContentPlan, PlanItem, PublicationStatus
from tests.content.factories import plan, publication

pytestmark = pytest.mark.django_db

S = PublicationStatus
ITEM = {
    "topic": "Ұжымдық шарт туралы",
    "kind": "social",
    "direction": "partnership",
    "audiences": ["members"],
    "language": "kk",
    "planned_on": date(2026, 11, 10),
}


def at(day: date, hour: int = 15, minute: int = 30):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def item_of(p, **fields):
    return PlanItem.objects.create(plan=p, **{**ITEM, **fields})


def local_day(moment):
    return timezone.localtime(moment).date()


# Plan items ---------------------------------------------------------------------------------


def test_R6_1_a_plan_item_moves_within_its_plan_and_the_move_is_audited(cast):
    item = item_of(plan(cast.own, cast.alice))
    service.plan_item_move(actor=cast.alice, item=item, day=date(2026, 11, 20))
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 20)
    entry = AuditEntry.objects.get(action="content.plan.item_move")
    assert entry.actor == cast.alice and entry.organization == cast.own
    assert entry.changes["planned_on"] == ["2026-11-10", "2026-11-20"]


def test_R6_1_a_returned_plan_is_edited_again_so_its_items_move(cast):
    item = item_of(plan(cast.own, cast.alice, status=ContentPlan.Status.RETURNED))
    service.plan_item_move(actor=cast.alice, item=item, day=date(2026, 11, 3))
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 3)


@pytest.mark.parametrize("day", [date(2026, 10, 31), date(2026, 12, 1), date(2027, 11, 10)])
def test_R6_1_period_a_day_outside_the_plans_period_is_refused_and_nothing_changes(cast, day):
    item = item_of(plan(cast.own, cast.alice))
    with pytest.raises(InvalidTransition) as refused:
        service.plan_item_move(actor=cast.alice, item=item, day=day)
    assert refused.value.rule == "R6.1-period"
    assert "01.11.2026" in str(refused.value.message)
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 10)
    assert not AuditEntry.objects.filter(action="content.plan.item_move").exists()


@pytest.mark.parametrize("status", [ContentPlan.Status.SUBMITTED, ContentPlan.Status.APPROVED])
def test_R6_1_a_submitted_or_approved_plan_keeps_its_dates(cast, status):
    item = item_of(plan(cast.own, cast.alice, status=status))
    with pytest.raises(InvalidTransition) as refused:
        service.plan_item_move(actor=cast.alice, item=item, day=date(2026, 11, 20))
    assert refused.value.rule == "R6.1"
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 10)


@pytest.mark.parametrize("status", [S.SUBMITTED, S.APPROVED, S.PUBLISHED])
def test_R6_1_held_an_item_whose_publication_went_further_than_a_draft_does_not_move(cast, status):
    item = item_of(plan(cast.own, cast.alice))
    p = publication(
        cast.own, cast.alice, status=status, plan_item=item, planned_at=at(ITEM["planned_on"])
    )
    with pytest.raises(InvalidTransition) as refused:
        service.plan_item_move(actor=cast.alice, item=item, day=date(2026, 11, 20))
    assert refused.value.rule == "R6.1-held"
    item.refresh_from_db()
    p.refresh_from_db()
    assert item.planned_on == date(2026, 11, 10)
    assert local_day(p.planned_at) == date(2026, 11, 10)


def test_R6_1_the_drafts_of_a_moved_item_follow_it_keeping_their_time(cast):
    item = item_of(plan(cast.own, cast.alice))
    draft = publication(cast.own, cast.alice, plan_item=item, planned_at=at(ITEM["planned_on"]))
    service.plan_item_move(actor=cast.alice, item=item, day=date(2026, 11, 20))
    draft.refresh_from_db()
    assert timezone.localtime(draft.planned_at) == timezone.localtime(at(date(2026, 11, 20)))
    assert AuditEntry.objects.filter(
        action="content.publication.move", object_id=str(draft.pk)
    ).exists()


@pytest.mark.parametrize("who", ["charlie", "lara", "paula", "sam"])
def test_only_an_administrator_of_the_plans_organization_moves_its_items(cast, who):
    item = item_of(plan(cast.own, cast.alice))
    with pytest.raises(PermissionDenied):
        service.plan_item_move(actor=getattr(cast, who), item=item, day=date(2026, 11, 20))
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 10)


# Publications -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.DRAFT, S.RETURNED])
def test_a_draft_moves_to_another_day_keeping_its_time_and_is_audited(cast, status):
    p = publication(cast.own, cast.alice, status=status, planned_at=at(date(2026, 11, 10)))
    service.publication_move(actor=cast.alice, publication=p, day=date(2026, 11, 14))
    p.refresh_from_db()
    assert timezone.localtime(p.planned_at) == timezone.localtime(at(date(2026, 11, 14)))
    entry = AuditEntry.objects.get(action="content.publication.move")
    assert entry.object_id == str(p.pk) and entry.organization == cast.own


@pytest.mark.parametrize(
    "status", [S.SUBMITTED, S.APPROVED, S.PUBLISHED, S.PROHIBITED, S.WITHDRAWN]
)
def test_a_publication_beyond_drafting_does_not_move(cast, status):
    p = publication(cast.own, cast.alice, status=status, planned_at=at(date(2026, 11, 10)))
    with pytest.raises(InvalidTransition):
        service.publication_move(actor=cast.alice, publication=p, day=date(2026, 11, 14))
    p.refresh_from_db()
    assert local_day(p.planned_at) == date(2026, 11, 10)
    assert not AuditEntry.objects.filter(action="content.publication.move").exists()


def test_R6_1_a_publication_of_a_plan_item_follows_the_item_not_the_calendar(cast):
    item = item_of(plan(cast.own, cast.alice))
    p = publication(cast.own, cast.alice, plan_item=item, planned_at=at(ITEM["planned_on"]))
    with pytest.raises(InvalidTransition) as refused:
        service.publication_move(actor=cast.alice, publication=p, day=date(2026, 11, 14))
    assert refused.value.rule == "R6.1"
    p.refresh_from_db()
    assert local_day(p.planned_at) == date(2026, 11, 10)


def test_CL8_4_an_archived_draft_does_not_move(cast):
    p = publication(cast.own, cast.alice, planned_at=at(date(2026, 11, 10)))
    p.archived_at = timezone.now()
    p.save(update_fields=["archived_at"])
    with pytest.raises(InvalidTransition) as refused:
        service.publication_move(actor=cast.alice, publication=p, day=date(2026, 11, 14))
    assert refused.value.rule.startswith("CL8.4")
    p.refresh_from_db()
    assert local_day(p.planned_at) == date(2026, 11, 10)


@pytest.mark.parametrize("who", ["charlie", "paula", "sam"])
def test_only_an_administrator_of_the_publications_organization_moves_it(cast, who):
    p = publication(cast.own, cast.alice, planned_at=at(date(2026, 11, 10)))
    with pytest.raises(PermissionDenied):
        service.publication_move(actor=getattr(cast, who), publication=p, day=date(2026, 11, 14))
    p.refresh_from_db()
    assert local_day(p.planned_at) == date(2026, 11, 10)

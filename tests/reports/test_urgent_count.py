"""The report counts urgent messages published before approval (R6.4, content issue point 5)."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from content.models import Publication, PublicationStatus
from reports.compute import compute
from tests.content.factories import publication

pytestmark = pytest.mark.django_db


def test_urgent_messages_and_unacknowledged_ones_are_counted(cast):
    when = timezone.make_aware(datetime(2026, 9, 10, 12, 0))
    acknowledged = publication(
        cast.own, cast.alice, status=PublicationStatus.PUBLISHED, is_urgent=True
    )
    pending = publication(
        cast.child, cast.alice, status=PublicationStatus.PUBLISHED, is_urgent=True
    )
    normal = publication(cast.own, cast.alice, status=PublicationStatus.PUBLISHED)
    Publication.objects.filter(pk__in=[acknowledged.pk, pending.pk, normal.pk]).update(
        published_at=when
    )
    Publication.objects.filter(pk=acknowledged.pk).update(acknowledged_at=when + timedelta(hours=9))
    data = compute(cast.own, date(2026, 7, 1), date(2026, 12, 31))
    assert data["publications"]["total"] == 3
    assert data["publications"]["urgent"] == 2
    assert data["publications"]["urgent_unacknowledged"] == 1


def test_r6_1_publications_outside_the_plan_are_counted(cast):
    from content.models import PlanItem
    from tests.content.factories import plan

    item = PlanItem.objects.create(
        plan=plan(cast.own, cast.alice, starts=date(2026, 9, 1), ends=date(2026, 9, 30)),
        topic="Жиналыс",
        kind="informational",
        direction="news",
        audiences=["members"],
        language="kk",
        planned_on=date(2026, 9, 10),
    )
    planned = publication(cast.own, cast.alice, status=PublicationStatus.PUBLISHED, plan_item=item)
    unplanned = publication(cast.own, cast.alice, status=PublicationStatus.PUBLISHED)
    when = timezone.make_aware(datetime(2026, 9, 10, 12, 0))
    Publication.objects.filter(pk__in=[planned.pk, unplanned.pk]).update(published_at=when)
    data = compute(cast.own, date(2026, 7, 1), date(2026, 12, 31))
    assert (data["publications"]["total"], data["publications"]["unplanned"]) == (2, 1)

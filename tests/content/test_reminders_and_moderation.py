from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Notification
from content import services
from content.models import ModerationAction, Publication, PublicationStatus
from content.reminders import remind_unacknowledged_urgent
from tests.content.factories import publication
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db


def test_an_unacknowledged_urgent_message_is_reminded_once_a_day(cast):
    p = publication(cast.own, cast.alice, status=PublicationStatus.PUBLISHED, is_urgent=True)
    Publication.objects.filter(pk=p.pk).update(published_at=timezone.now() - timedelta(days=1))
    today = timezone.localdate()
    assert remind_unacknowledged_urgent(today) == 1
    assert remind_unacknowledged_urgent(today) == 0
    assert remind_unacknowledged_urgent(today + timedelta(days=1)) == 1
    assert Notification.objects.filter(recipient=cast.charlie).count() == 2
    services.publication_acknowledge(actor=cast.charlie, publication=p)
    assert remind_unacknowledged_urgent(today + timedelta(days=2)) == 0


def test_moderation_actions_need_their_ground_or_link(cast):
    account = OfficialAccountFactory(organization=cast.own)
    with pytest.raises(ValidationError):
        services.moderation_record(
            actor=cast.alice,
            account=account,
            action="comment_deleted",
            ground="",
            occurred_on=date(2026, 11, 1),
        )
    with pytest.raises(ValidationError):
        services.moderation_record(
            actor=cast.alice,
            account=account,
            action="criticism_answered",
            occurred_on=date(2026, 11, 1),
        )
    with pytest.raises(PermissionDenied):
        services.moderation_record(
            actor=cast.charlie,
            account=account,
            action="comment_deleted",
            ground="spam",
            occurred_on=date(2026, 11, 1),
        )
    services.moderation_record(
        actor=cast.alice,
        account=account,
        action="comment_deleted",
        ground="ethics",
        excerpt="…",
        occurred_on=date(2026, 11, 1),
    )
    assert ModerationAction.objects.get().ground == "ethics"

"""Issue 12 point 5: an archived record counts nowhere — not in the half-year report's
numbers, the widgets, the publishing targets or the reminders (docs/architecture.md,
"Archiving instead of deleting")."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.utils import timezone

from accounts import archive
from content.models import PublicationStatus
from reports.compute import compute

pytestmark = pytest.mark.django_db

REASON = "Қайталама жазба"


def test_archived_publications_appeals_and_accounts_leave_the_half_year_report(cast):
    from tests.appeals.factories import received, register
    from tests.content.factories import official_account, publication

    when = timezone.make_aware(datetime(2026, 3, 10, 10, 0))
    account = official_account(cast.own, administrator=cast.alice)
    pubs = [
        publication(
            cast.own,
            cast.alice,
            account=account,
            status=PublicationStatus.PUBLISHED,
            published_at=when,
        )
        for _ in range(2)
    ]
    appeals = [register(cast.alice, cast.own, received(2026, 3, 10)) for _ in range(2)]
    extra = official_account(cast.own, url="https://t.me/extra_channel_x")
    start, end = date(2026, 1, 1), date(2026, 6, 30)
    before = compute(cast.own, start, end)
    assert before["publications"]["total"] == 2
    assert before["appeals"]["messages"] == 2

    archive.archive(cast.charlie, pubs[0], REASON)
    archive.archive(cast.charlie, appeals[0], REASON)
    archive.archive(cast.charlie, extra, REASON)
    after = compute(cast.own, start, end)
    assert after["publications"]["total"] == 1
    assert after["appeals"]["messages"] == 1
    assert len(after["accounts"]) == len(before["accounts"]) - 1


def test_an_archived_account_is_no_publishing_target(cast):
    from content.views.common import accounts_of
    from tests.content.factories import official_account

    account = official_account(cast.own, administrator=cast.alice)
    assert account in accounts_of(cast.own)
    archive.archive(cast.charlie, account, REASON)
    assert account not in accounts_of(cast.own)

"""R9.1 and issue 12 point 5: the depersonalization job removes the personal data of old
appeals and keeps their rows — the only removal of the appeals' data, and not of the record."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from django.utils import timezone

from accounts import archive
from accounts.models import AuditEntry
from appeals import services
from appeals.models import Appeal
from tests.appeals.test_depersonalize_command import closed_appeal

pytestmark = pytest.mark.django_db

TZ = timezone.get_default_timezone()


def test_r9_1_depersonalization_keeps_the_appeal_row_archived_or_not(cast, settings):
    settings.APPEALS_RECEIVED_NOT_BEFORE = "2019-01-01"
    kept = closed_appeal(cast, 2020)
    archived = closed_appeal(cast, 2020)
    archive.archive(cast.charlie, archived, "Әсел Нұрланқызының өтініші бойынша қайталама")
    rows = Appeal.objects.count()
    with time_machine.travel(datetime(2026, 11, 26, 11, 0, tzinfo=TZ), tick=False):
        assert services.appeals_depersonalize() == 2
    assert Appeal.objects.count() == rows
    for appeal in (kept, archived):
        appeal = Appeal.objects.get(pk=appeal.pk)
        assert appeal.depersonalized_at is not None
        assert appeal.author_name == services.DEPERSONALIZED and appeal.author_contacts == ""
        assert appeal.number.startswith("2020-")
        assert AuditEntry.objects.filter(
            action="appeals.appeal.depersonalize", object_id=str(appeal.pk)
        ).exists()
    archived = Appeal.objects.get(pk=archived.pk)
    # Still archived (who and when stay); the free-text reason could name the author: gone.
    assert archived.archived_at is not None and archived.archived_by == cast.charlie
    assert archived.archive_reason == services.DEPERSONALIZED

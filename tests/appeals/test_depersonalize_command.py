"""manage.py appeals_depersonalize (R9.1): old closed appeals lose their personal data, the
statistics stay."""

from datetime import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from appeals import services
from appeals.models import Appeal, Outcome
from tests.appeals.factories import received, register

pytestmark = pytest.mark.django_db

TZ = timezone.get_default_timezone()


def closed_appeal(cast, year):
    with time_machine.travel(datetime(year, 11, 26, 11, 0, tzinfo=TZ), tick=False):
        appeal = register(cast.alice, cast.own, received(year, 11, 20))
        services.appeal_first_response(
            actor=cast.alice, appeal=appeal, on=appeal.registered_on, channel="phone", text="x"
        )
        services.appeal_official_response(
            actor=cast.alice, appeal=appeal, on=appeal.registered_on, number="1", text="Жауап"
        )
        services.appeal_close(actor=cast.alice, appeal=appeal, outcome=Outcome.OFFICIAL_RESPONSE)
    return appeal


def test_old_closed_appeals_are_depersonalized_and_keep_their_statistics(cast, settings):
    settings.APPEALS_RECEIVED_NOT_BEFORE = "2019-01-01"
    old = closed_appeal(cast, 2020)
    recent = closed_appeal(cast, 2025)
    with time_machine.travel(datetime(2026, 11, 26, 11, 0, tzinfo=TZ), tick=False):
        open_one = register(cast.alice, cast.own, received(2026, 11, 20))
        call_command("appeals_depersonalize")
        call_command("appeals_depersonalize")  # safe to run again
    old.refresh_from_db()
    assert old.author_name == "—" and old.author_contacts == "" and old.text == "—"
    assert old.official_response_text == "" and old.depersonalized_at is not None
    assert (old.number, old.topic, old.kind, old.outcome) == (
        "2020-0001",
        "pay",
        "complaint",
        Outcome.OFFICIAL_RESPONSE,
    )
    for kept in (recent, open_one):
        assert Appeal.objects.get(pk=kept.pk).author_contacts == "+7 701 123 45 67"


def test_the_number_of_years_comes_from_the_settings(cast, settings):
    settings.APPEALS_RECEIVED_NOT_BEFORE = "2019-01-01"
    settings.APPEALS_DEPERSONALIZE_AFTER_YEARS = 1
    appeal = closed_appeal(cast, 2025)
    with time_machine.travel(datetime(2026, 11, 27, 11, 0, tzinfo=TZ), tick=False):
        call_command("appeals_depersonalize")
    appeal.refresh_from_db()
    assert appeal.depersonalized_at is not None

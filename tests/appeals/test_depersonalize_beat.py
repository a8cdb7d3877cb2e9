"""Depersonalization from Celery beat (R9.1): every final state after the configured term,
exactly once, logged under each appeal's organization, no English in the trail."""

from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from accounts.models import AuditEntry
from appeals import services, tasks
from appeals.models import Appeal, Outcome, Status
from config.celery import app as celery_app
from config.celery import beat_schedule
from tests.appeals.factories import received, register

pytestmark = pytest.mark.django_db

TZ = timezone.get_default_timezone()


def at(y, m, d):
    return time_machine.travel(datetime(y, m, d, 11, 0, tzinfo=TZ), tick=False)


def respond(actor, appeal, on):
    services.appeal_first_response(actor=actor, appeal=appeal, on=on, channel="phone", text="x")
    services.appeal_official_response(actor=actor, appeal=appeal, on=on, number="1", text="Жауап")


@pytest.fixture
def final_2020(cast, settings):
    """One appeal in each final state, reached in November 2020, and one still open."""
    settings.APPEALS_RECEIVED_NOT_BEFORE = "2019-01-01"
    with at(2020, 11, 26):
        closed = register(cast.alice, cast.own, received(2020, 11, 20))
        respond(cast.alice, closed, date(2020, 11, 23))
        services.appeal_close(actor=cast.alice, appeal=closed, outcome=Outcome.OFFICIAL_RESPONSE)
        answered = register(cast.alice, cast.own, received(2020, 11, 20))
        respond(cast.alice, answered, date(2020, 11, 23))
        forwarded = register(cast.alice, cast.own, received(2020, 11, 20))
        services.appeal_forward(
            actor=cast.alice,
            appeal=forwarded,
            on=date(2020, 11, 23),
            reason="Құзырет",
            applicant_informed_on=date(2020, 11, 23),
            to_name="Білім басқармасы",
        )
        unregistered = register(
            cast.alice,
            cast.own,
            received(2020, 11, 20),
            author_name="",
            not_registered_reason="Өтініш белгілері жоқ",
        )
        still_open = register(cast.alice, cast.own, received(2020, 11, 20))
        services.appeal_first_response(
            actor=cast.alice, appeal=still_open, on=date(2020, 11, 23), channel="phone", text="x"
        )
    return {
        "closed": closed,
        "answered": answered,
        "forwarded": forwarded,
        "unregistered": unregistered,
        "open": Appeal.objects.get(pk=still_open.pk),
    }


def test_r9_1_depersonalization_runs_from_celery_beat():
    entry = beat_schedule()["appeals-depersonalize"]
    assert entry["task"] == "appeals.tasks.depersonalize_appeals"
    assert entry["task"] in celery_app.tasks


def test_r9_1_every_final_state_is_depersonalized_after_the_term_exactly_once(cast, final_2020):
    # Within the term (5 years): nothing.
    assert tasks.depersonalize_appeals("2025-11-19T11:00:00+05:00") == {"depersonalized": 0}
    result = tasks.depersonalize_appeals("2025-12-01T11:00:00+05:00")
    assert result == {"depersonalized": 4}
    assert tasks.depersonalize_appeals("2025-12-01T11:00:00+05:00") == {"depersonalized": 0}
    for name in ("closed", "answered", "forwarded", "unregistered"):
        appeal = Appeal.objects.get(pk=final_2020[name].pk)
        assert appeal.depersonalized_at is not None, name
        assert appeal.author_contacts == "" and appeal.text == "—", name
    kept = Appeal.objects.get(pk=final_2020["open"].pk)
    assert kept.status == Status.FIRST_RESPONSE_GIVEN and kept.author_contacts
    entries = AuditEntry.objects.filter(action="appeals.appeal.depersonalize")
    assert entries.count() == 4  # once per appeal, however many runs
    assert {e.organization for e in entries} == {cast.own}
    assert {e.comment for e in entries} == {""}  # no untranslated text in the trail


def test_r9_1_the_command_remains_for_manual_runs(cast, final_2020):
    from django.core.management import call_command

    with at(2026, 11, 26):
        call_command("appeals_depersonalize")
    assert Appeal.objects.filter(depersonalized_at__isnull=False).count() == 4

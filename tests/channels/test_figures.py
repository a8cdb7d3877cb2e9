"""RPT4.1: the daily beat records each connected channel's subscribers; the half-year report
takes its start and end from these snapshots, marked measured; hand entry stays for others."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from channels import figures
from channels.models import SubscriberSnapshot
from channels.tasks import record_subscribers
from reports.compute import compute
from reports.models import SubscriberCount
from tests.channels.conftest import BOT_ID, CHANNEL
from tests.content.factories import official_account

pytestmark = pytest.mark.django_db


def test_the_daily_task_records_the_count_once_a_day(fake, connection):
    with time_machine.travel("2026-03-01 20:00 +05:00", tick=False):
        assert record_subscribers() == 1
        fake.set_member_count(CHANNEL, 1510)
        assert record_subscribers() == 1  # twice the same day: one row, the latest count
    with time_machine.travel("2026-03-02 20:00 +05:00", tick=False):
        fake.set_member_count(CHANNEL, 1530)
        record_subscribers()
    rows = list(SubscriberSnapshot.objects.values_list("date", "count", "source"))
    assert rows == [(date(2026, 3, 1), 1510, "measured"), (date(2026, 3, 2), 1530, "measured")]
    assert [m for m, _ in fake.calls].count("getChatMemberCount") == 3


def test_a_kicked_bot_records_nothing_and_says_why(fake, connection):
    fake.kick_bot(CHANNEL, BOT_ID)
    assert record_subscribers() == 0
    connection.refresh_from_db()
    assert "removed from the channel" in connection.last_error
    assert not SubscriberSnapshot.objects.exists()


def test_RPT4_1_the_report_takes_measured_counts_and_hand_counts_for_the_others(
    cast, fake, connection
):
    account = connection.account
    SubscriberSnapshot.objects.create(account=account, date=date(2026, 1, 1), count=1000)
    SubscriberSnapshot.objects.create(account=account, date=date(2026, 6, 30), count=1300)
    # A hand count on the connected channel loses to the measured one …
    SubscriberCount.objects.create(account=account, on=date(2026, 6, 30), subscribers=999)
    # … and stays the source for a network that is not connected.
    insta = official_account(
        cast.own,
        network="instagram",
        url="https://instagram.com/own",
        normalized_url="instagram.com/own",
    )
    SubscriberCount.objects.create(account=insta, on=date(2026, 1, 1), subscribers=50)
    SubscriberCount.objects.create(account=insta, on=date(2026, 6, 30), subscribers=70)
    result = compute(cast.own, date(2026, 1, 1), date(2026, 6, 30))
    audience = {row["network"]: row for row in result["audience"]}
    assert audience["telegram_channel"] == {
        "network": "telegram_channel",
        "start": 1000,
        "end": 1300,
        "growth": 300,
        "measured": True,
    }
    assert audience["instagram"] == {"network": "instagram", "start": 50, "end": 70, "growth": 20}


def test_the_account_page_draws_the_subscriber_chart(cast, client, fake, connection):
    for day, count in ((1, 1500), (2, 1520), (3, 1545)):
        SubscriberSnapshot.objects.create(
            account=connection.account, date=date(2026, 3, day), count=count
        )
    client.force_login(cast.lara)
    page = client.get(reverse("channels:account", args=[connection.account_id])).content.decode()
    assert 'data-testid="subscriber-chart"' in page and "<polyline" in page
    assert "1545" in page
    registry_page = client.get(reverse("registry:detail", args=[connection.account_id]))
    assert 'data-testid="section-telegram"' in registry_page.content.decode()


def test_series_is_oldest_first(fake, connection):
    SubscriberSnapshot.objects.create(account=connection.account, date=date.today(), count=2)
    assert [s.count for s in figures.series(connection.account)] == [2]

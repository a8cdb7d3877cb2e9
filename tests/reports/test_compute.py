"""Issue 7, point 2: every pre-filled number comes from data the test creates, in a fixed number
of aggregate queries whatever the amount of data."""

from datetime import date, datetime

import pytest

from appeals.models import Appeal
from content.models import ModerationAction
from reports.compute import compute
from reports.models import AccountPeriodMetrics, PublicationMetrics, SubscriberCount
from tests.reports.factories import ALMATY, H1, published, target_of

pytestmark = pytest.mark.django_db


def appeal(organization, day, topic, outcome=""):
    appeal.sequence += 1
    return Appeal.objects.create(
        year=day[0],
        sequence=appeal.sequence,
        number=f"A-{appeal.sequence}",
        organization=organization,
        status="closed" if outcome else "registered",
        received_at=datetime(*day, 10, tzinfo=ALMATY),
        registered_on=date(*day),
        channel="telegram",
        text="Мәтін",
        kind="complaint",
        topic=topic,
        outcome=outcome,
    )


appeal.sequence = 0


@pytest.fixture
def data(cast, accounts):
    tg, ig, child = accounts["telegram"], accounts["instagram"], accounts["child"]
    # RPT3: three publications in the period (two in own, one in the child), one outside.
    p1 = published(cast.own, cast.alice, (2026, 2, 10), kind="legal", account=tg)
    p2 = published(cast.own, cast.alice, (2026, 3, 5), kind="informational", account=ig)
    published(cast.child, cast.alice, (2026, 4, 1), kind="legal", account=child)
    published(cast.own, cast.alice, (2026, 7, 2), kind="image", account=tg)
    published(cast.sibling, cast.sam, (2026, 3, 1), kind="image")
    # RPT4.1: subscribers; RPT4.2: period figures and posts.
    SubscriberCount.objects.create(account=tg, on=date(2025, 12, 31), subscribers=100)
    SubscriberCount.objects.create(account=tg, on=date(2026, 6, 30), subscribers=160)
    SubscriberCount.objects.create(account=ig, on=date(2026, 1, 15), subscribers=50)
    SubscriberCount.objects.create(account=ig, on=date(2026, 6, 1), subscribers=45)
    SubscriberCount.objects.create(account=child, on=date(2026, 1, 1), subscribers=10)
    SubscriberCount.objects.create(account=child, on=date(2026, 6, 30), subscribers=30)
    AccountPeriodMetrics.objects.create(
        account=tg,
        starts_on=H1[0],
        ends_on=H1[1],
        average_views=300,
        likes=40,
        comments=7,
        shares=3,
    )
    AccountPeriodMetrics.objects.create(
        account=ig,
        starts_on=H1[0],
        ends_on=H1[1],
        average_views=100,
        likes=60,
        comments=5,
        shares=1,
    )
    PublicationMetrics.objects.create(
        target=target_of(p1, "https://t.me/bizdin_arna/1"),
        views=900,
        likes=50,
        comments=9,
        shares=4,
    )
    PublicationMetrics.objects.create(
        target=target_of(p2, "https://www.instagram.com/p/abc/"),
        views=400,
        likes=10,
        comments=1,
        shares=0,
    )
    # RPT5: three messages in the period (one in the child), one before it.
    appeal(cast.own, (2026, 2, 1), "pay", "explanation")
    appeal(cast.own, (2026, 3, 1), "labour_rights", "official_response")
    appeal(cast.child, (2026, 5, 1), "pay")
    appeal(cast.own, (2025, 12, 1), "other")
    # RPT6.1: two deletions with grounds, one answer, one deletion outside the period.
    for action, ground, day in (
        ("comment_deleted", "spam", date(2026, 2, 2)),
        ("comment_deleted", "spam", date(2026, 2, 3)),
        ("publication_deleted", "law", date(2026, 3, 3)),
        ("criticism_answered", "", date(2026, 3, 4)),
        ("comment_deleted", "ethics", date(2026, 8, 1)),
    ):
        ModerationAction.objects.create(account=tg, action=action, ground=ground, occurred_on=day)
    return {"p1": p1, "p2": p2}


def test_every_prefilled_number_matches_the_data(cast, accounts, data):
    result = compute(cast.own, *H1)
    assert [a["name"] for a in result["accounts"]][:1] and len(result["accounts"]) == 3
    assert result["publications"]["total"] == 3
    kinds = {row["kind"]: row["count"] for row in result["publications"]["by_kind"]}
    assert kinds == {
        "informational": 1,
        "legal": 2,
        "social": 0,
        "educational": 0,
        "image": 0,
        "interactive": 0,
    }
    audience = {row["network"]: row for row in result["audience"]}
    assert audience["telegram_channel"] == {
        "network": "telegram_channel",
        "start": 110,
        "end": 190,
        "growth": 80,
    }
    assert audience["instagram"]["start"] == 50 and audience["instagram"]["end"] == 45
    assert audience["instagram"]["growth"] == -5
    period = result["engagement"]["period"]
    assert (period["average_views"], period["likes"], period["comments"], period["shares"]) == (
        200.0,
        100,
        12,
        4,
    )
    posts = result["engagement"]["posts"]
    assert (posts["views"], posts["likes"], posts["rows"]) == (1300, 60, 2)
    assert [b["publication"] for b in result["best"]] == [data["p1"].pk, data["p2"].pk]
    appeals = result["appeals"]
    assert appeals["messages"] == 3 and appeals["comments"] == 12
    topics = {row["topic"]: row["count"] for row in appeals["topics"]}
    assert topics["pay"] == 2 and topics["labour_rights"] == 1 and topics["other"] == 0
    outcomes = {row["outcome"]: row["count"] for row in appeals["outcomes"]}
    assert outcomes == {"explanation": 1, "forwarded": 0, "official_response": 1}
    assert result["deletions"]["total"] == 3
    assert {(r["action"], r["ground"], r["count"]) for r in result["deletions"]["rows"]} == {
        ("comment_deleted", "spam", 2),
        ("publication_deleted", "law", 1),
    }
    assert result["compliance"]["published"] == 3 and result["compliance"]["checked"] == 0


def test_an_empty_period_says_none_and_zero(cast):
    result = compute(cast.own, *H1)
    assert result["publications"]["total"] == 0
    assert result["deletions"] == {"total": 0, "rows": []}
    assert result["audience"] == [] and result["best"] == []


def test_the_sibling_and_other_periods_are_left_out(cast, accounts, data):
    result = compute(cast.sibling, *H1)
    assert result["publications"]["total"] == 1 and result["appeals"]["messages"] == 0
    later = compute(cast.own, date(2026, 7, 1), date(2026, 12, 31))
    assert later["publications"]["total"] == 1 and later["deletions"]["total"] == 1


def test_computing_takes_the_same_number_of_queries_for_little_and_much_data(
    cast, accounts, django_assert_num_queries
):
    with django_assert_num_queries(13):
        compute(cast.own, *H1)
    tg = accounts["telegram"]
    for i in range(30):
        p = published(cast.own, cast.alice, (2026, 1 + i % 6, 1 + i), account=tg)
        PublicationMetrics.objects.create(
            target=target_of(p, f"https://t.me/bizdin_arna/{i}"),
            views=i,
            likes=i,
            comments=i,
            shares=i,
        )
        SubscriberCount.objects.create(account=tg, on=date(2026, 1 + i % 6, 1 + i), subscribers=i)
        appeal(cast.own, (2026, 1 + i % 6, 1 + i % 28), "pay")
    with django_assert_num_queries(13):
        compute(cast.own, *H1)

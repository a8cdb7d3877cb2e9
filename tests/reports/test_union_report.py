"""Issue 14, point 3: above the primary level the half-year report aggregates per direct child
organization (one row each, summed over the child's whole subtree) and lists only the
organization's own accounts and remarks; a primary organization keeps the per-account report.
The figures are checked against numbers computed by hand on a small tree, and the number of
queries is the same for 3 and for 30 children."""

from datetime import date, datetime

import pytest

from accounts.models import OrganizationKind
from appeals.models import Appeal
from content.models import ModerationAction
from reports import services
from reports.appendix import KK
from reports.compute import compute
from reports.models import SubscriberCount
from tests.factories import OrganizationFactory
from tests.registry.factories import OfficialAccountFactory
from tests.reports.factories import ALMATY, H1, published

pytestmark = pytest.mark.django_db


def appeal(organization, day, topic="pay"):
    appeal.sequence += 1
    return Appeal.objects.create(
        year=day[0],
        sequence=appeal.sequence,
        number=f"U-{appeal.sequence}",
        organization=organization,
        status="registered",
        received_at=datetime(*day, 10, tzinfo=ALMATY),
        registered_on=date(*day),
        channel="telegram",
        text="Мәтін",
        kind="complaint",
        topic=topic,
    )


appeal.sequence = 0


def counts(account, start, end):
    SubscriberCount.objects.create(account=account, on=H1[0], subscribers=start)
    SubscriberCount.objects.create(account=account, on=H1[1], subscribers=end)


@pytest.fixture
def tree(cast):
    """A region with three children; the first child has a primary organization below it.

    region: own telegram account 100 → 120, one publication
      c1 (district): telegram 50 → 80, 2 publications, 2 deleted comments
        g1 (primary): instagram 10 → 15, 1 publication, 1 appeal
      c2 (primary): telegram 7 → 4 and an account without counts, 1 publication, 2 appeals
      c3 (primary): nothing
    """
    region = OrganizationFactory(kind=OrganizationKind.REGIONAL, name_kk="Өңір", name_ru="Регион")
    c1 = OrganizationFactory(parent=region, kind=OrganizationKind.CITY_DISTRICT, name_kk="Б1")
    c2 = OrganizationFactory(parent=region, name_kk="Б2", name_ru="П2")
    c3 = OrganizationFactory(parent=region, name_kk="Б3", name_ru="П3")
    g1 = OrganizationFactory(parent=c1, name_kk="Н1")
    own = OfficialAccountFactory(organization=region, display_name="Өңір арнасы")
    a1 = OfficialAccountFactory(organization=c1)
    ag = OfficialAccountFactory(
        organization=g1, network="instagram", url="https://instagram.com/g1", normalized_url="g1"
    )
    a2 = OfficialAccountFactory(organization=c2)
    a2_silent = OfficialAccountFactory(organization=c2)
    counts(own, 100, 120)
    counts(a1, 50, 80)
    counts(ag, 10, 15)
    counts(a2, 7, 4)
    author = cast.alice
    published(region, author, (2026, 2, 1), kind="legal", account=own)
    published(c1, author, (2026, 2, 2), kind="legal", account=a1)
    published(c1, author, (2026, 3, 2), kind="image", account=a1)
    published(g1, author, (2026, 4, 2), kind="legal", account=ag)
    published(c2, author, (2026, 5, 2), kind="social", account=a2_silent)
    published(c2, author, (2026, 8, 2), kind="social", account=a2)  # after the period
    appeal(g1, (2026, 3, 3))
    appeal(c2, (2026, 3, 4), "labour_rights")
    appeal(c2, (2026, 3, 5))
    for day in (3, 4):
        ModerationAction.objects.create(
            account=a1, action="comment_deleted", ground="spam", occurred_on=date(2026, 2, day)
        )
    return {"region": region, "c1": c1, "c2": c2, "c3": c3, "g1": g1}


def test_the_report_has_one_row_per_direct_child_with_hand_computed_figures(tree):
    data = compute(tree["region"], *H1)
    assert data["scope"] == "children"
    rows = {row["id"]: row for row in data["children"]}
    assert list(rows) == [tree["c1"].pk, tree["c2"].pk, tree["c3"].pk]  # not g1: not direct
    c1, c2, c3 = rows[tree["c1"].pk], rows[tree["c2"].pk], rows[tree["c3"].pk]
    # c1 sums its own subtree (g1 included).
    assert (c1["accounts"], c1["subscribers_start"], c1["subscribers_end"]) == (2, 60, 95)
    assert (c1["growth"], c1["publications"], c1["messages"], c1["deletions"]) == (35, 3, 1, 2)
    assert (c2["accounts"], c2["subscribers_start"], c2["subscribers_end"]) == (2, 7, 4)
    assert (c2["growth"], c2["publications"], c2["messages"], c2["deletions"]) == (-3, 1, 2, 0)
    assert (c3["accounts"], c3["publications"], c3["messages"], c3["growth"]) == (0, 0, 0, 0)
    own = data["own"]
    assert (own["accounts"], own["subscribers_start"], own["subscribers_end"]) == (1, 100, 120)
    assert own["publications"] == 1 and own["messages"] == 0
    # Only the organization's own accounts are listed.
    assert [a["name"] for a in data["accounts"]] == ["Өңір арнасы"]
    # The sections keep the subtree's totals.
    assert data["publications"]["total"] == 5
    kinds = {row["kind"]: row["count"] for row in data["publications"]["by_kind"]}
    assert (kinds["legal"], kinds["image"], kinds["social"]) == (3, 1, 1)
    audience = {row["network"]: row for row in data["audience"]}
    assert audience["telegram_channel"] == {
        "network": "telegram_channel",
        "start": 157,
        "end": 204,
        "growth": 47,
    }
    assert (audience["instagram"]["start"], audience["instagram"]["end"]) == (10, 15)
    assert data["appeals"]["messages"] == 3
    topics = {row["topic"]: row["count"] for row in data["appeals"]["topics"]}
    assert (topics["pay"], topics["labour_rights"]) == (2, 1)
    assert data["deletions"] == {
        "total": 2,
        "rows": [{"action": "comment_deleted", "ground": "spam", "count": 2}],
    }
    assert data["compliance"]["published"] == 5 and data["compliance"]["own_remarks_only"]


def test_the_childrens_figures_add_up_to_the_subtree_totals(tree):
    data = compute(tree["region"], *H1)
    rows = [data["own"], *data["children"]]
    assert sum(r["publications"] for r in rows) == data["publications"]["total"]
    assert sum(r["messages"] for r in rows) == data["appeals"]["messages"]
    assert sum(r["deletions"] for r in rows) == data["deletions"]["total"]
    assert sum(r["subscribers_end"] for r in rows) == sum(a["end"] for a in data["audience"])


def test_a_primary_organization_keeps_the_per_account_report(cast, accounts):
    data = compute(cast.own, *H1)  # primary, with a child organization below it
    assert "children" not in data and "scope" not in data
    assert len(data["accounts"]) == 3  # its own two and the child's


def test_the_number_of_queries_does_not_depend_on_the_number_of_children(
    cast, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def region_with(n):
        region = OrganizationFactory(kind=OrganizationKind.REGIONAL)
        for i in range(n):
            child = OrganizationFactory(parent=region)
            account = OfficialAccountFactory(organization=child)
            counts(account, i, i + 1)
            published(child, cast.alice, (2026, 1 + i % 6, 1 + i % 28), account=account)
            appeal(child, (2026, 2, 1 + i % 28))
        return region

    small, large = region_with(3), region_with(30)
    with CaptureQueriesContext(connection) as few:
        small_data = compute(small, *H1)
    with CaptureQueriesContext(connection) as many:
        large_data = compute(large, *H1)
    assert len(few.captured_queries) == len(many.captured_queries) <= 16
    assert len(small_data["children"]) == 3 and len(large_data["children"]) == 30
    assert large_data["publications"]["total"] == 30 and large_data["appeals"]["messages"] == 30


def test_the_page_shows_the_childrens_table_and_keeps_the_headings(client, cast, tree):
    report = services.report_create(
        actor=cast.root, organization=tree["region"], starts_on=H1[0], ends_on=H1[1]
    )
    client.force_login(cast.root)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    for key in ("s1", "s1_3", "s3", "s4_1", "s5", "s6", "s10"):
        assert KK[key] in page
    assert page.count('data-testid="children-row"') == 3
    assert 'data-testid="children-own"' in page and 'data-testid="children-total"' in page
    assert "Өңір арнасы" in page  # the own account, in full
    assert 'data-testid="children-xlsx"' in page  # the full detail: the roll-up's XLSX

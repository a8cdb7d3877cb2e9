"""Issue 5, point 7: RPT3.4 figures for an organization's subtree and a period, in a fixed
number of aggregate queries."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from checklist.selectors import report_figures
from content.models import PublicationVersion
from tests.checklist.factories import completed, publication

pytestmark = pytest.mark.django_db

ALMATY = ZoneInfo("Asia/Almaty")


def published(organization, author, day, title="Жаңалық"):
    version = publication(
        organization,
        author,
        title=title,
        status="published",
        published_at=datetime(*day, 12, 0, tzinfo=ALMATY),
    )
    return version


def next_version(version, author):
    new = PublicationVersion.objects.create(
        publication=version.publication, number=version.number + 1, title=version.title
    )
    version.publication.current_version = new
    version.publication.save()
    return new


@pytest.fixture
def period_data(cast):
    # 1: permitted at once (own).
    completed(published(cast.own, cast.alice, (2026, 3, 2), "Бір"), cast.alice)
    # 2: sent back for revision once with a "no", then permitted (child).
    v1 = published(cast.child, cast.alice, (2026, 4, 10), "Екі")
    completed(v1, cast.alice, no=["CL5.6"], decision="revision", decision_comment="Қате көп")
    completed(next_version(v1, cast.alice), cast.alice)
    # 3: published without a checklist (own).
    published(cast.own, cast.alice, (2026, 5, 5), "Үш")
    # Not counted: outside the period, another branch of the tree.
    completed(published(cast.own, cast.alice, (2026, 7, 1), "Шілде"), cast.alice, no=["CL2.1"])
    completed(published(cast.sibling, cast.sam, (2026, 3, 3), "Көрші"), cast.sam, no=["CL2.1"])


def test_the_figures_cover_the_subtree_and_the_period(cast, period_data):
    figures = report_figures(cast.own, date(2026, 1, 1), date(2026, 6, 30))
    assert (figures["published"], figures["checked"]) == (3, 2)
    assert figures["share_percent"] == 66.7
    assert (figures["revisions"], figures["revised_publications"]) == (1, 1)
    assert [(r["code"], r["count"]) for r in figures["top_no"]] == [("CL5.6", 1)]
    assert figures["top_no"][0]["text_kk"].startswith("орфографиялық")
    remarks = {(r["kind"], r["code"], r["comment"], r["title"]) for r in figures["remarks"]}
    assert remarks == {
        ("no", "CL5.6", "Түсініктеме", "Екі"),
        ("revision", "CL9", "Қате көп", "Екі"),
    }
    assert not figures["fully_compliant"]


def test_the_parent_sees_its_whole_subtree(cast, period_data):
    figures = report_figures(cast.parent, date(2026, 1, 1), date(2026, 6, 30))
    assert figures["published"] == 4
    assert figures["top_no"][0]["count"] == 1


def test_an_empty_period_has_no_share(cast):
    figures = report_figures(cast.own, date(2026, 1, 1), date(2026, 6, 30))
    assert figures["published"] == 0 and figures["share"] is None and figures["remarks"] == []


def test_the_figures_take_four_queries_whatever_the_data(
    cast, period_data, django_assert_num_queries
):
    with django_assert_num_queries(4):
        report_figures(cast.parent, date(2026, 1, 1), date(2026, 12, 31))

"""Issue 14 point 2: the capped count. A list never counts more rows than it needs: at most
10,000 (or up to the page asked for), then "more than 10,000"; the page links keep working."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import paging
from accounts.models import AuditEntry, Organization
from accounts.paging import CappedPaginator
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizations(cast):
    for i in range(21):
        OrganizationFactory(parent=cast.own, name_kk=f"Ұйым {i}", name_ru=f"Орг {i}")
    return Organization.objects.order_by("path")  # 25 rows with the cast's four


def test_counts_at_most_the_cap_plus_one(organizations):
    paginator = CappedPaginator(organizations, 3, cap=10)
    page = paginator.get_page(1)
    assert paginator.count == 11 and paginator.capped
    assert page.has_next() and list(page) == list(organizations[:3])


def test_the_count_is_a_limited_subquery(organizations):
    paginator = CappedPaginator(organizations, 3, cap=10)
    with CaptureQueriesContext(connection) as ctx:
        paginator.get_page(1)
        assert paginator.count == 11
    sql = " ".join(q["sql"] for q in ctx.captured_queries if "COUNT" in q["sql"].upper())
    assert "LIMIT 11" in sql


def test_a_deeper_page_counts_up_to_itself_and_the_last_one_is_exact(organizations):
    paginator = CappedPaginator(organizations, 3, cap=10)
    page = paginator.get_page(5)  # rows 13–15: counts up to 16
    assert page.number == 5 and paginator.count == 16 and page.has_next()
    paginator = CappedPaginator(organizations, 3, cap=10)
    page = paginator.get_page(9)  # the last rows: the count is exact, no "more than"
    assert page.number == 9 and paginator.count == 25 and not paginator.capped
    assert not page.has_next()
    assert list(page) == list(organizations[24:])


def test_small_lists_are_counted_exactly(organizations):
    paginator = CappedPaginator(organizations, 50)
    paginator.get_page("not a number")
    assert paginator.count == 25 and not paginator.capped


def test_the_audit_list_says_more_than_the_cap(client, cast, monkeypatch):
    monkeypatch.setattr(paging, "CAP", 5)
    AuditEntry.objects.bulk_create(
        AuditEntry(actor=cast.charlie, action="accounts.audit.view", organization=cast.own)
        for _ in range(60)
    )
    client.force_login(cast.charlie)
    response = client.get(reverse("accounts:audit"))
    html = response.content.decode()
    # 50 a page, counted up to 51: "more than 50", and the next page is linked.
    paginator = response.context["page"].paginator
    assert paginator.capped and paginator.limit == 50 and paginator.count == 51
    assert "page=2" in html
    html2 = client.get(reverse("accounts:audit") + "?page=2").content.decode()
    assert "page=1" in html2 and "page=3" not in html2

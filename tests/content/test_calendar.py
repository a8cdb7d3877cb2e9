"""The content calendar's pages: counts for the organizations below with a drill-down (issue 14
point 2), week and month views with the filters kept, and the moves posted by a drop or by the
"Move to date" form (issue 13 point 5)."""

import re
from datetime import date, datetime, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry
from content import calendar as service
from content.models import ContentPlan, PlanItem, PublicationStatus
from tests.content.factories import plan, publication
from tests.factories import OrganizationFactory
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db

S = PublicationStatus
CALENDAR = reverse("content:calendar")
ITEM = {
    "topic": "Ұжымдық шарт туралы",
    "kind": "social",
    "direction": "partnership",
    "audiences": ["members"],
    "language": "kk",
    "planned_on": date(2026, 11, 10),
}


def at(day: date, hour: int = 15):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def move_item_url(item):
    return reverse("content:calendar_move_item", args=[item.pk])


def move_publication_url(p):
    return reverse("content:calendar_move_publication", args=[p.pk])


def html_of(response):
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


# The drill-down ------------------------------------------------------------------------------


def test_above_primary_level_the_calendar_counts_the_children_and_shows_its_own_in_full(
    client, cast
):
    own_plan = plan(cast.own, cast.alice)
    PlanItem.objects.create(plan=own_plan, **ITEM)
    publication(cast.own, cast.alice, title="Өз жаңалығы", planned_at=at(date(2026, 11, 10)))
    publication(cast.child, cast.alice, title="Еншілес жаңалық", planned_at=at(date(2026, 11, 10)))
    publication(
        cast.sibling,
        cast.sam,
        title="Көрші жаңалық",
        status=S.PUBLISHED,
        published_at=at(date(2026, 11, 10)),
    )
    publication(cast.parent, cast.paula, title="Облыс жаңалығы", planned_at=at(date(2026, 11, 11)))
    client.force_login(cast.paula)
    html = html_of(client.get(CALENDAR + "?day=2026-11-01"))
    # paula's own organization (the region) in full, the others as counts per child.
    assert "Облыс жаңалығы" in html
    assert "Өз жаңалығы" not in html and "Көрші жаңалық" not in html
    assert "Ұжымдық шарт туралы" not in html
    day = html.split('data-testid="calendar-day-2026-11-10"')[1].split("</td>")[0]
    own_row = day.split(cast.own.name_kk)[1].split("</div>")[0]
    # own's row counts its subtree: the item, its draft and the child's draft.
    own_row = re.sub(r"<[^>]+>", " ", own_row)
    assert "◻" in own_row and "✎" in own_row and re.findall(r"\d+", own_row) == ["1", "2"]
    sibling_row = re.sub(r"<[^>]+>", " ", day.split(cast.sibling.name_kk)[1].split("</div>")[0])
    assert "✔" in sibling_row and re.findall(r"\d+", sibling_row) == ["1"]
    # The drill-down link opens own's calendar, the filters kept.
    assert f"organization={cast.own.pk}" in day
    own_html = html_of(client.get(CALENDAR + f"?day=2026-11-01&organization={cast.own.pk}"))
    assert "Өз жаңалығы" in own_html and "Ұжымдық шарт туралы" in own_html
    assert "Еншілес жаңалық" not in own_html  # the child is a count there
    assert cast.child.name_kk in own_html
    assert 'data-testid="calendar-up"' in own_html  # back to the region


def test_the_drill_down_outside_the_users_scope_answers_404(client, cast):
    client.force_login(cast.sam)
    assert client.get(CALENDAR + f"?organization={cast.own.pk}").status_code == 404
    assert client.get(CALENDAR + f"?organization={cast.parent.pk}").status_code == 404
    assert client.get(CALENDAR + f"?organization={cast.sibling.pk}").status_code == 200
    client.force_login(cast.alice)
    assert client.get(CALENDAR + f"?organization={cast.child.pk}").status_code == 200
    assert client.get(CALENDAR + "?organization=99999999").status_code == 404


def test_the_calendar_opens_on_the_users_highest_organization(client, cast):
    client.force_login(cast.alice)
    response = client.get(CALENDAR)
    assert response.context["organization"] == cast.own
    client.force_login(cast.root)  # no role: the top of the tree is counted
    response = client.get(CALENDAR)
    assert response.status_code == 200 and response.context["organization"] is None


def grow(cast, children, publications):
    """`children` organizations under the region, `publications` drafts spread over them."""
    orgs = [OrganizationFactory(parent=cast.parent) for _ in range(children)]
    for i in range(publications):
        publication(orgs[i % children], cast.paula, planned_at=at(date(2026, 11, 12)))
    return orgs


def measure(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(html_of(response).encode()), html_of(response)


def test_the_calendar_above_primary_level_keeps_its_queries_and_size_whatever_the_tree(
    client, cast, monkeypatch
):
    """Issue 14 point 2: 5 and 60 child organizations, 10 and 200 publications — the same
    number of queries, and the page grows by the named children only (capped)."""
    monkeypatch.setattr(service, "CHILD_ROWS", 3)
    client.force_login(cast.paula)
    url = CALENDAR + "?day=2026-11-01"
    grow(cast, 5, 10)
    small_queries, small_size, small_html = measure(client, url)
    grow(cast, 55, 190)
    large_queries, large_size, large_html = measure(client, url)
    assert large_queries == small_queries
    # Three children are named in either case, the rest are "and N more".
    assert abs(large_size - small_size) < 300, (small_size, large_size)
    assert large_html.count('data-testid="calendar-below-count"') == 3
    assert 'data-testid="calendar-more"' in large_html
    more = large_html.split('data-testid="calendar-more">')[1].split("<")[0]
    assert "57" in more, more  # 60 active children, 3 named


def test_the_calendar_names_at_most_CHILD_ROWS_children(client, cast):
    client.force_login(cast.paula)
    grow(cast, service.CHILD_ROWS + 7, service.CHILD_ROWS + 7)
    _queries, _size, html = measure(client, CALENDAR + "?day=2026-11-01")
    assert html.count('data-testid="calendar-below-count"') == service.CHILD_ROWS
    assert 'data-testid="calendar-more"' in html


def test_the_primary_calendar_keeps_its_query_count_with_more_entries(client, cast):
    account = OfficialAccountFactory(organization=cast.own)
    p = plan(cast.own, cast.alice)
    client.force_login(cast.alice)
    url = CALENDAR + f"?day=2026-11-01&account={account.pk}&kind=social"

    def add(n):
        for i in range(n):
            item = PlanItem.objects.create(
                plan=p, **{**ITEM, "planned_on": date(2026, 11, 1 + i % 28)}
            )
            item.accounts.add(account)
            publication(
                cast.own, cast.alice, account=account, planned_at=at(date(2026, 11, 1 + i % 28))
            )
            publication(cast.child, cast.alice, planned_at=at(date(2026, 11, 1 + i % 28)))

    add(2)
    small, _s, _h = measure(client, url)
    add(30)
    large, _s, html = measure(client, url)
    assert large == small
    assert html.count('data-testid="calendar-item"') == 32


# Views and filters -----------------------------------------------------------------------


def test_week_and_month_views_keep_the_filters(client, cast):
    account = OfficialAccountFactory(organization=cast.own)
    client.force_login(cast.alice)
    query = (
        f"day=2026-11-11&account={account.pk}&kind=social&status=draft&organization={cast.own.pk}"
    )
    week = client.get(CALENDAR + "?view=week&" + query)
    assert week.context["start"] == date(2026, 11, 9) and week.context["end"] == date(2026, 11, 15)
    html = html_of(week)
    assert html.count('data-testid="calendar-day-') == 7
    for link in re.findall(r'href="\?([^"]+)"', html):
        if link.startswith("view="):
            for kept in (
                f"account={account.pk}",
                "kind=social",
                "status=draft",
                f"organization={cast.own.pk}",
            ):
                assert kept in link.replace("&amp;", "&"), link
    month = client.get(CALENDAR + "?view=month&" + query)
    assert month.context["start"] == date(2026, 11, 1) and month.context["end"] == date(
        2026, 11, 30
    )
    assert 'value="week"' not in html_of(month)


def test_the_status_filter_narrows_the_publications(client, cast):
    publication(cast.own, cast.alice, title="Жоспардағы мақала", planned_at=at(date(2026, 11, 10)))
    publication(
        cast.own,
        cast.alice,
        title="Жарияланған",
        status=S.PUBLISHED,
        published_at=at(date(2026, 11, 10)),
    )
    client.force_login(cast.alice)
    html = html_of(client.get(CALENDAR + "?day=2026-11-01&status=published"))
    assert "Жарияланған" in html and "Жоспардағы мақала" not in html


def test_an_htmx_request_gets_the_calendar_alone(client, cast):
    client.force_login(cast.alice)
    response = client.get(CALENDAR + "?view=week&day=2026-11-11", HTTP_HX_REQUEST="true")
    html = html_of(response)
    assert html.lstrip().startswith('<div id="calendar"') and "<html" not in html
    assert "HX-Request" in response["Vary"]
    full = client.get(CALENDAR, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in html_of(full)


def test_the_movable_entries_carry_their_move_form_and_the_others_do_not(client, cast):
    draft_plan = plan(cast.own, cast.alice)
    movable = PlanItem.objects.create(plan=draft_plan, **ITEM)
    held = PlanItem.objects.create(
        plan=plan(
            cast.own,
            cast.alice,
            starts=date(2026, 12, 1),
            ends=date(2026, 12, 31),
            status=ContentPlan.Status.APPROVED,
        ),
        **{**ITEM, "planned_on": date(2026, 12, 1)},
    )
    draft = publication(cast.own, cast.alice, planned_at=at(date(2026, 11, 12)))
    published = publication(
        cast.own, cast.alice, status=S.PUBLISHED, published_at=at(date(2026, 11, 13))
    )
    client.force_login(cast.alice)
    html = html_of(client.get(CALENDAR + "?day=2026-11-01"))
    assert move_item_url(movable) in html and move_publication_url(draft) in html
    assert move_publication_url(published) not in html
    html = html_of(client.get(CALENDAR + "?day=2026-12-01"))
    assert move_item_url(held) not in html
    client.force_login(cast.charlie)  # the chairman approves; he does not move
    assert move_item_url(movable) not in html_of(client.get(CALENDAR + "?day=2026-11-01"))


# Moves ---------------------------------------------------------------------------------------


def test_the_move_form_moves_the_item_and_returns_to_the_calendar_with_the_filters(client, cast):
    item = PlanItem.objects.create(plan=plan(cast.own, cast.alice), **ITEM)
    client.force_login(cast.alice)
    back = "view=week&day=2026-11-10&kind=social&status=draft"
    response = client.post(move_item_url(item), {"day": "2026-11-20", "back": back})
    assert response.status_code == 302
    assert response["Location"] == CALENDAR + "?" + back
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 20)
    followed = client.get(response["Location"])
    assert "20.11.2026" in html_of(followed)


def test_the_drop_through_htmx_answers_the_calendar_as_it_now_is(client, cast):
    p = publication(
        cast.own, cast.alice, title="Жоспардағы мақала", planned_at=at(date(2026, 11, 10))
    )
    client.force_login(cast.alice)
    response = client.post(
        move_publication_url(p),
        {"day": "2026-11-14", "back": "view=month&day=2026-11-10"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = html_of(response)
    assert 'data-testid="calendar-notice"' in html and "<html" not in html
    day = html.split('data-testid="calendar-day-2026-11-14"')[1].split("</td>")[0]
    assert "Жоспардағы мақала" in day
    p.refresh_from_db()
    assert timezone.localtime(p.planned_at).date() == date(2026, 11, 14)


@pytest.mark.parametrize("day", ["", "abc", "2026-02-30", "0001-01-01", "9999-12-31"])
def test_a_bad_date_is_a_clear_error_and_nothing_changes(client, cast, day):
    item = PlanItem.objects.create(plan=plan(cast.own, cast.alice), **ITEM)
    client.force_login(cast.alice)
    response = client.post(
        move_item_url(item), {"day": day, "back": "view=month"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'data-testid="calendar-error"' in html_of(response)
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 10)
    assert not AuditEntry.objects.filter(action="content.plan.item_move").exists()


def test_R6_1_period_a_refused_drop_says_why_and_nothing_changes(client, cast):
    item = PlanItem.objects.create(plan=plan(cast.own, cast.alice), **ITEM)
    client.force_login(cast.alice)
    response = client.post(
        move_item_url(item), {"day": "2026-12-02", "back": "day=2026-11-01"}, follow=True
    )
    html = html_of(response)
    assert "01.11.2026" in html and "30.11.2026" in html  # the plan's period, in words
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 10)


def test_a_move_is_post_only(client, cast):
    item = PlanItem.objects.create(plan=plan(cast.own, cast.alice), **ITEM)
    client.force_login(cast.alice)
    assert client.get(move_item_url(item)).status_code == 405


@pytest.mark.parametrize(
    ("who", "status"),
    [("sam", 404), ("sibling_chairman", 404), ("charlie", 403), ("lara", 403), ("paula", 403)],
)
def test_another_organizations_entry_answers_404_and_a_role_without_the_right_403(
    client, cast, who, status
):
    item = PlanItem.objects.create(plan=plan(cast.own, cast.alice), **ITEM)
    p = publication(cast.own, cast.alice, planned_at=at(date(2026, 11, 10)))
    client.force_login(getattr(cast, who))
    assert client.post(move_item_url(item), {"day": "2026-11-20"}).status_code == status
    assert client.post(move_publication_url(p), {"day": "2026-11-20"}).status_code == status
    item.refresh_from_db()
    p.refresh_from_db()
    assert item.planned_on == date(2026, 11, 10)
    assert timezone.localtime(p.planned_at).date() == date(2026, 11, 10)


def test_a_forged_back_address_stays_on_the_calendar(client, cast):
    item = PlanItem.objects.create(plan=plan(cast.own, cast.alice), **ITEM)
    client.force_login(cast.alice)
    response = client.post(
        move_item_url(item), {"day": "2026-11-20", "back": "https://evil.example/&view=<script>"}
    )
    assert response["Location"] == CALENDAR + "?view=month"

"""Issue 13, point 10, in Debian's Chromium on a 390 px phone: the chairman's everyday pages do
not scroll sideways, log no console error, and every tap target is at least 44 × 44 px; two
active crises make one banner whose list opens; a wide table keeps its first column in view."""

import pytest
from playwright.sync_api import expect

from accounts.models import Notification
from content.models import Crisis, PublicationStatus
from tests.browser.phone import (
    assert_no_horizontal_scroll,
    assert_tap_targets,
    console_errors,
    small_tap_targets,
)
from tests.checklist.factories import completed, ensure_template
from tests.content.factories import official_account, publication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def pages(cast):
    ensure_template()
    account = official_account(cast.own, administrator=cast.alice, display_name="Өз арнасы")
    waiting = publication(
        cast.own,
        cast.alice,
        account=account,
        title="Ұжымдық шарттың орындалуы туралы өте ұзын тақырып",
        status=PublicationStatus.SUBMITTED,
    )
    completed(waiting.current_version, cast.alice)
    for n in range(3):
        publication(cast.own, cast.alice, account=account, title=f"Жаңалық {n}")
    Notification.objects.create(
        recipient=cast.charlie,
        kind="content.publication.submit",
        title="«Ұжымдық шарт» жарияланымын келісіңіз",
        url=f"/content/publications/{waiting.pk}/",
    )
    return {
        "home": "/",
        "publications": "/content/publications/",
        "publication": f"/content/publications/{waiting.pk}/",
        "notifications": "/notifications/",
    }


def test_the_chairman_s_pages_fit_a_phone(page, live_server, cast, login, pages):
    errors = console_errors(page)
    page.set_viewport_size(PHONE)
    login("charlie")
    for name, path in pages.items():
        page.goto(live_server.url + path)
        assert_no_horizontal_scroll(page)
        assert_tap_targets(page)
        if name == "publication":
            expect(page.get_by_test_id("action-bar")).to_be_visible()
    # The menu, opened, is made of big targets too.
    page.locator(".navbar-toggler").click()
    expect(page.locator("#mainnav")).to_be_visible()
    assert_tap_targets(page)
    assert errors == []


def test_two_crises_make_one_banner(page, live_server, cast, login):
    for organization, title in ((cast.parent, "Жалақы дауы"), (cast.own, "Жергілікті дау")):
        Crisis.objects.create(
            organization=organization, title=title, agreed_position="—", declared_by=cast.paula
        )
    page.set_viewport_size(PHONE)
    login("charlie")
    banner = page.get_by_test_id("crisis-banner")
    expect(banner).to_have_count(1)
    expect(banner).to_contain_text("2")
    items = banner.get_by_test_id("crisis-banner-item")
    expect(items.first).to_be_hidden()  # the list is folded until asked for
    banner.locator("summary").click()
    expect(items).to_have_count(2)
    expect(items.first).to_be_visible()
    assert_tap_targets(page)
    assert_no_horizontal_scroll(page)


def test_one_crisis_keeps_its_own_banner(page, live_server, cast, login):
    Crisis.objects.create(
        organization=cast.own, title="Жергілікті дау", agreed_position="—", declared_by=cast.paula
    )
    page.set_viewport_size(PHONE)
    login("charlie")
    banner = page.get_by_test_id("crisis-banner")
    expect(banner).to_have_count(1)
    expect(banner).to_contain_text("Жергілікті дау")
    expect(banner.locator("summary")).to_have_count(0)


def test_a_wide_table_keeps_its_first_column(page, live_server, cast, login, pages):
    page.set_viewport_size({"width": 320, "height": 700})
    login("charlie")
    page.goto(live_server.url + "/registry/")  # the register of accounts: a wide table
    box = page.locator(".table-responsive").first
    first = box.locator("tbody tr").first.locator("td, th").first
    expect(first).to_be_visible()
    before = first.bounding_box()["x"]
    scrolled = box.evaluate("(el) => { el.scrollLeft = el.scrollWidth; return el.scrollLeft; }")
    assert scrolled > 0, "the table is not wider than a 320 px screen: nothing to check"
    assert abs(first.bounding_box()["x"] - before) < 1


def test_the_tap_target_check_can_fail(page):
    page.set_viewport_size(PHONE)
    page.set_content(
        "<p>Read <a href='#'>the rules</a> first.</p>"
        "<button style='width:30px;height:30px'>x</button>"
        "<input type='checkbox' id='c'><label for='c'>ok</label>"
        "<nav><a href='#' style='display:inline-block'>menu</a></nav>"
    )
    small = {(s["tag"], s["text"]) for s in small_tap_targets(page)}
    # The link inside running text is exempt (WCAG 2.5.8); the rest is too small.
    assert small == {("button", "x"), ("input", "on"), ("label", "ok"), ("a", "menu")}

"""Journey 2 of PRODUCT.md: a strike warning goes out tonight as an urgent message (R6.4); the
chairman is notified at once and acknowledges it the next morning, on a phone."""

import pytest
from playwright.sync_api import expect

from accounts.models import Notification
from content.models import Publication
from tests.checklist.factories import completed, ensure_template
from tests.content.factories import official_account

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Page loads of the whole journey, all roles (tests/browser/journey.py; issue 13, measured).
BUDGET = 7


def test_urgent_message_then_the_chairman_acknowledges(page, live_server, cast, login, journey):
    ensure_template()
    account = official_account(
        cast.own,
        administrator=cast.alice,
        display_name="Біздің арна",
        languages="both",
        url="https://t.me/bizdin_arna",
        normalized_url="t.me/bizdin_arna",
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")
    page.goto(f"{live_server.url}/content/publications/new/")
    page.locator("#id_title").fill("Ереуіл туралы ескерту")
    page.locator("#id_text_kk").fill("Ертең сағат 9:00-де жалпы жиналыс.")
    page.locator("#id_text_ru").fill("Завтра в 9:00 общее собрание.")
    page.locator("#id_kind").select_option("social")
    page.locator("#id_direction").select_option("conflict_support")
    page.locator("input[name=audiences][value=members]").check()
    page.locator("#id_language").select_option("both")
    page.locator(f"input[name=accounts][value='{account.pk}']").check()
    page.locator("#id_unplanned_reason").fill("Ереуіл туралы шешім бүгін қабылданды.")
    page.locator("#id_is_urgent").check()
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("publication-status")).to_have_text("Жоба")
    # Urgent skips only the head's prior approval: the checklist is still filled (CL1; its
    # pages are walked in the checklist journey), then the page offers publishing at once.
    completed(Publication.objects.get().current_version, cast.alice)
    page.reload()

    page.locator(f"#publish_urgent-link-{account.pk}").fill("https://t.me/bizdin_arna/77")
    page.locator("#id_publish_urgent_reason").fill("Ереуіл ертең басталады, күтуге уақыт жоқ.")
    page.get_by_test_id("action-publish_urgent").click()
    expect(page.get_by_test_id("publication-status")).to_have_text("Жарияланды")
    expect(page.get_by_test_id("post-link")).to_have_attribute(
        "href", "https://t.me/bizdin_arna/77"
    )
    publication = Publication.objects.get()
    assert Notification.objects.filter(
        recipient=cast.charlie, kind="content.publication.urgent"
    ).exists()

    # The next morning, on a phone: the chairman sees it at home and acknowledges.
    page.set_viewport_size({"width": 390, "height": 844})
    login("charlie")
    expect(page.get_by_test_id("unread-count-mobile")).to_have_text("1")
    widget = page.get_by_test_id("widget-content-chairman")
    expect(widget).to_contain_text("Ереуіл туралы ескерту")
    widget.get_by_role("link", name="Ереуіл туралы ескерту").click()
    page.get_by_test_id("action-acknowledge").click()
    expect(page.locator("main")).to_contain_text("танысты")
    publication.refresh_from_db()
    assert publication.acknowledged_by == cast.charlie
    page.goto(f"{live_server.url}/")
    expect(page.get_by_test_id("widget-content-chairman")).not_to_contain_text(
        "Ереуіл туралы ескерту"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    journey.report("journey 2")
    assert journey.total_loads() <= BUDGET, dict(journey.loads)

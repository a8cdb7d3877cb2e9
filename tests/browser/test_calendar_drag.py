"""Issue 13 point 5 in Debian's Chromium: the administrator drags a plan item to another day of
the month (SortableJS, the move posted through htmx), a drop outside the plan's period is refused
with its reason and changes nothing (R6.1), a draft moves with the keyboard through its "Move to
date" form, and the week view keeps the filters."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from content.models import PlanItem
from tests.browser.a11y import assert_accessible
from tests.browser.test_csp import LISTEN
from tests.content.factories import plan, publication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOPIC = "Ұжымдық шарт туралы"


def drag(page, source, target):
    """Press on the entry, move in steps (SortableJS's fallback follows the mouse), release."""
    box = source.bounding_box()
    goal = target.bounding_box()
    page.mouse.move(box["x"] + 8, box["y"] + 8)
    page.mouse.down()
    page.mouse.move(box["x"] + 20, box["y"] + 20, steps=5)
    page.mouse.move(goal["x"] + goal["width"] / 2, goal["y"] + goal["height"] / 2, steps=15)
    page.mouse.up()


def cell(page, day):
    return page.get_by_test_id(f"calendar-day-{day}")


@time_machine.travel("2026-11-05 10:00 +0500", tick=True)
def test_drag_a_plan_item_and_move_a_draft_with_the_keyboard(page, live_server, cast, login):
    item = PlanItem.objects.create(
        plan=plan(cast.own, cast.alice),
        topic=TOPIC,
        kind="social",
        direction="partnership",
        audiences=["members"],
        language="kk",
        planned_on=date(2026, 11, 10),
    )
    draft = publication(
        cast.own,
        cast.alice,
        title="Жоспардағы мақала",
        planned_at=timezone.make_aware(datetime.combine(date(2026, 11, 11), time(15))),
    )
    # htmx and SortableJS run under the Content-Security-Policy (no inline style, no eval).
    csp: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.set_viewport_size({"width": 1400, "height": 1000})
    login("alice")
    page.goto(f"{live_server.url}/content/calendar/?day=2026-11-01&kind=social")
    assert_accessible(page, "calendar with movable entries")

    # Drag the plan item from the 10th to the 18th.
    entry = cell(page, "2026-11-10").get_by_test_id("calendar-item")
    expect(entry).to_contain_text(TOPIC)
    drag(page, entry, cell(page, "2026-11-18").locator(".calendar-drop"))
    expect(page.get_by_test_id("calendar-notice")).to_be_visible()
    expect(cell(page, "2026-11-18").get_by_test_id("calendar-item")).to_contain_text(TOPIC)
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 18)
    assert "kind=social" in page.url  # the filter kept

    # A drop outside the plan's month is refused with its reason; nothing moves (R6.1).
    drag(
        page,
        cell(page, "2026-11-18").get_by_test_id("calendar-item"),
        cell(page, "2026-12-02").locator(".calendar-drop"),
    )
    expect(page.get_by_test_id("calendar-error")).to_contain_text("30.11.2026")
    expect(cell(page, "2026-11-18").get_by_test_id("calendar-item")).to_contain_text(TOPIC)
    item.refresh_from_db()
    assert item.planned_on == date(2026, 11, 18)

    # The keyboard: open the draft's "Move to date", type the day, Enter.
    page.goto(f"{live_server.url}/content/calendar/?day=2026-11-01")
    summary = cell(page, "2026-11-11").get_by_test_id("calendar-publication").locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    day_input = page.locator(f"#move-p-{draft.pk}-day")
    expect(day_input).to_be_visible()
    page.keyboard.press("Tab")
    expect(day_input).to_be_focused()
    day_input.fill("2026-11-20")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("calendar-notice")).to_be_visible()
    expect(cell(page, "2026-11-20").get_by_test_id("calendar-publication")).to_contain_text(
        "Жоспардағы мақала"
    )
    draft.refresh_from_db()
    assert timezone.localtime(draft.planned_at).date() == date(2026, 11, 20)
    assert timezone.localtime(draft.planned_at).hour == 15  # the time of day kept

    # The week view, swapped in place, keeps the filters and the moved draft.
    page.goto(f"{live_server.url}/content/calendar/?day=2026-11-20&status=draft")
    page.get_by_test_id("view-week").click()
    expect(page.get_by_test_id("calendar")).to_have_attribute("data-view", "week")
    assert "view=week" in page.url and "status=draft" in page.url
    expect(cell(page, "2026-11-20").get_by_test_id("calendar-publication")).to_be_visible()
    csp += page.evaluate("window.__cspViolations || []")
    assert csp == []

    # The region's chairman sees counts per organization below and drills down (issue 14).
    login("paula")
    page.goto(f"{live_server.url}/content/calendar/?day=2026-11-01")
    counts = cell(page, "2026-11-18").get_by_test_id("calendar-below-count")
    expect(counts).to_contain_text(cast.own.name_kk)
    assert_accessible(page, "calendar with counts of the organizations below")
    counts.get_by_role("link").click()
    expect(cell(page, "2026-11-18").get_by_test_id("calendar-item")).to_contain_text(TOPIC)
    expect(page.get_by_test_id("calendar-item").locator("details")).to_have_count(0)

"""Issue 14 point 1 in Chromium: the picker is a keyboard-usable combobox (WAI-ARIA pattern) that
offers only the user's branch, and the filter it sets survives the page reload by its label."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")


def test_the_organization_filter_is_a_keyboard_combobox(page, live_server, cast):
    login(page, live_server, "charlie")
    page.goto(f"{live_server.url}/content/publications/")
    box = page.locator("#id_organization")
    listbox = page.locator("#id_organization_listbox")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")

    # Another branch's organization is never offered.
    box.fill("Көрші")
    expect(page.locator("[data-picker-status]").first).not_to_be_empty()
    expect(listbox.get_by_role("option")).to_have_count(0)

    box.fill("еншілес")
    expect(listbox.get_by_role("option", name="Еншілес ұйым")).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.locator("[data-picker-status]").first).to_contain_text("1")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Escape")  # closes and restores the chosen value (none yet)
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#id_organization_value")).to_have_value("")

    box.fill("еншілес")
    expect(listbox.get_by_role("option", name="Еншілес ұйым")).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")  # chooses; does not submit the form
    expect(page.locator("#id_organization_value")).to_have_value(str(cast.child.pk))
    expect(box).to_have_value("Еншілес ұйым")
    assert "organization=" not in page.url

    box.press("Enter")  # the list is closed: Enter submits the filter as before
    page.wait_for_url(f"**organization={cast.child.pk}**")
    expect(page.locator("#id_organization")).to_have_value("Еншілес ұйым")

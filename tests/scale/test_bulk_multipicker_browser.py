"""Issue 14 point 1 in Chromium: the crisis working group is chosen with the keyboard by a search
(one picker adds people to a list, each with a remove button), not from a checkbox per user."""

import pytest
from playwright.sync_api import expect

from content.services import active_crisis_for
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")


def add(page, box, person):
    box.fill(person.last_name)
    listbox = page.locator("#id_working_group_listbox")
    expect(listbox.get_by_role("option", name=person.get_full_name())).to_be_visible()
    # The empty field offered the organization's own people first; wait for the search's own
    # answer (every option matches the letters) before walking the list.
    page.wait_for_function(
        """([id, q]) => {
          const options = [...document.querySelectorAll(`#${id} [role=option]`)];
          return options.length > 0
            && options.every((o) => o.textContent.toLowerCase().includes(q.toLowerCase()));
        }""",
        arg=["id_working_group_listbox", person.last_name],
    )
    # The cast's names are random: another person may match the same letters, so walk down
    # the list with the arrow key to this person's option.
    names = [o.strip() for o in listbox.get_by_role("option").all_inner_texts()]
    steps = next(i for i, n in enumerate(names) if person.get_full_name() in n) + 1
    for _ in range(steps):
        box.press("ArrowDown")
    box.press("Enter")
    expect(box).to_have_value("")


def test_the_working_group_is_added_and_removed_with_the_keyboard(page, live_server, cast):
    login(page, live_server, "charlie")
    page.goto(f"{live_server.url}/content/crises/new/")
    assert page.locator("input[type=checkbox][name=working_group]").count() == 0
    box = page.locator("#id_working_group")
    expect(box).to_have_attribute("role", "combobox")
    chosen = page.locator("[data-multipicker-chosen] [data-multipicker-item]")

    add(page, box, cast.lara)
    add(page, box, cast.alice)
    expect(chosen).to_have_count(2)
    add(page, box, cast.lara)  # already there: not twice
    expect(chosen).to_have_count(2)

    remove = page.get_by_role("button", name=cast.alice.get_full_name())
    remove.focus()
    remove.press("Enter")
    expect(chosen).to_have_count(1)
    expect(page.locator("[data-multipicker-status]")).to_contain_text(cast.alice.get_full_name())

    page.locator("#id_title").fill("Дау")
    page.locator("#id_agreed_position").fill("Ұстаным")
    page.locator("[data-testid=submit]").click()
    page.wait_for_url("**/content/crises/*/")
    crisis = active_crisis_for(cast.own)
    assert list(crisis.working_group.values_list("pk", flat=True)) == [cast.lara.pk]

"""The checklist in a minute (issue 13, point 2), in Debian's Chromium: the administrator answers
the whole of Appendix 1 with one tap per section ("the rest of this section: yes"), the progress
follows, and the signature form appears without a reload; keyboard answers work too."""

import pytest
import time_machine
from playwright.sync_api import expect

from checklist.models import Answer, Checklist
from tests.checklist.factories import ensure_template, items
from tests.content.factories import publication
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTIONS = ("CL2", "CL3", "CL4", "CL5", "CL6", "CL7", "CL8")


@time_machine.travel("2026-11-26 10:00 +0500", tick=True)
def test_a_full_checklist_in_a_few_taps_and_the_signature_form_without_reload(
    page, live_server, cast, login
):
    ensure_template()
    pub = publication(cast.own, cast.alice, title="Жиналыс туралы хабарландыру")
    total = len(items())
    first = next(i for i in items() if i.code == "CL3.1")

    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")
    page.goto(f"{live_server.url}/content/publications/{pub.pk}/")
    page.get_by_test_id("open-checklist").click()
    expect(page.get_by_test_id("progress")).to_contain_text(f"0 / {total}")
    expect(page.get_by_test_id("decision-unavailable")).to_be_visible()
    # A mark on the window: a reload would lose it.
    page.evaluate("window.__sameDocument = true")

    # Keyboard: a radio reached by focus and answered with the space bar, saved at once.
    page.locator(f"#item_{first.pk}_yes").focus()
    page.keyboard.press("Space")
    expect(page.locator(f"[data-item='{first.pk}']")).to_have_attribute("data-saved", "true")
    expect(page.locator("[data-role=answered]")).to_have_text("1")

    # One tap per section; the section button is a real button (Enter works on it).
    page.get_by_test_id("rest-yes-CL2").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("rest-yes-CL2")).to_have_count(0)
    expect(page.locator("[data-role=answered]")).to_have_text("9")
    for code in SECTIONS[1:]:
        page.get_by_test_id(f"rest-yes-{code}").click()
        expect(page.get_by_test_id(f"rest-yes-{code}")).to_have_count(0)
    expect(page.get_by_test_id("progress")).to_contain_text(f"{total} / {total}")
    expect(page.locator("[data-role=progressbar]")).to_have_attribute("aria-valuenow", str(total))
    every = page.locator("[data-item]")
    expect(every).to_have_count(total)
    expect(page.locator("[data-item][data-saved=true]")).to_have_count(total)

    # The signature form is there, in the same document: no reload happened.
    form = page.get_by_test_id("decision-form")
    expect(form).to_be_visible()
    expect(page.get_by_test_id("decision-unavailable")).to_have_count(0)
    assert page.evaluate("window.__sameDocument") is True
    assert Answer.objects.filter(value="yes").count() == total

    form.locator("input[value=permitted]").check()
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_test_id("decide-submit").click()
    expect(page.get_by_test_id("checklist-decision")).to_be_visible()
    assert Checklist.objects.get().status == "completed"

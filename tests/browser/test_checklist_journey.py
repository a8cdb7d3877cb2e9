"""Fill a checklist → route CL2 to the lawyer → the lawyer answers on a phone → the
administrator signs "permitted" with the password → the publication is submitted (issue 5,
journey 1), in Debian's Chromium."""

import pytest
import time_machine
from playwright.sync_api import expect

from checklist.models import Checklist
from content.models import Publication
from tests.checklist.factories import ensure_template, items
from tests.content.factories import publication
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer(page, item, value):
    page.locator(f"label[for=item_{item.pk}_{value}]").click()
    # Each answer is saved by the page's script before the next click (a loaded CI machine).
    expect(page.locator(f"[data-item='{item.pk}']")).to_have_attribute("data-saved", "true")


@time_machine.travel("2026-11-26 10:00 +0500", tick=True)
def test_fill_route_answer_sign_and_submit(page, live_server, cast, login):
    ensure_template()
    pub = publication(cast.own, cast.alice, title="Ереуіл туралы ескерту")
    legal = [i for i in items() if i.is_legal]
    others = [i for i in items() if not i.is_legal]

    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")
    page.goto(f"{live_server.url}/content/publications/{pub.pk}/")
    page.get_by_test_id("open-checklist").click()
    expect(page.get_by_test_id("section-CL2")).to_contain_text("Құқықтық тексеру")

    # The legal section goes to the lawyer first.
    page.locator("#id_lawyer").select_option(str(cast.lara.pk))
    page.locator("#id_note").fill("2.5-тармақ бойынша пікіріңіз керек")
    page.get_by_test_id("route-submit").click()
    expect(page.get_by_test_id("route-CL2.1")).to_contain_text(cast.lara.get_full_name())
    # The decision is offered by the checklist workflow, disabled until every item is answered.
    expect(page.get_by_test_id("decision-unavailable")).to_contain_text("CL2.1")

    # Every other item is answered as it is clicked (saved at once by the page's script).
    for item in others:
        if item.code == "CL7.3":
            continue
        answer(page, item, "yes")
    expect(page.locator("[data-role=answered]")).to_have_text(str(len(others) - 1))
    # A "no"/N/A needs a comment: the server says so, the comment fixes it.
    cl55 = next(i for i in others if i.code == "CL5.5")
    page.locator(f"label[for=item_{cl55.pk}_na]").click()
    expect(page.get_by_test_id("item-CL5.5").locator("[data-role=error]")).not_to_be_empty()
    page.get_by_test_id("comment-CL5.5").fill("Дереккөз талап етілмейді")
    page.get_by_test_id("comment-CL5.5").blur()
    expect(page.get_by_test_id("item-CL5.5").locator("[data-role=error]")).to_be_empty()
    # The last one through the plain "Save" button.
    page.locator(
        "label[for=item_{}_yes]".format(next(i.pk for i in others if i.code == "CL7.3"))
    ).click()
    page.get_by_test_id("save-checklist").click()
    expect(page.locator("[data-role=answered]")).to_have_text(str(len(others)))
    expect(page.get_by_test_id("who-CL4.1")).to_contain_text(cast.alice.get_full_name())

    # The lawyer, on a phone, finds it waiting and answers under her own name.
    page.set_viewport_size({"width": 390, "height": 844})
    login("lara")
    page.get_by_test_id("widget-checklist-waiting").get_by_test_id("waiting-checklist").click()
    for item in legal:
        answer(page, item, "yes")
    expect(page.locator("[data-role=answered]")).to_have_text(str(len(others) + len(legal)))
    page.reload()
    expect(page.get_by_test_id("who-CL2.1")).to_contain_text(cast.lara.get_full_name())
    expect(page.get_by_test_id("who-CL4.1")).to_contain_text(cast.alice.get_full_name())

    # The administrator signs "permitted" with her password.
    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")
    page.goto(f"{live_server.url}/checklist/versions/{pub.current_version_id}/")
    page.get_by_test_id("decision-form").locator("input[value=permitted]").check()
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_test_id("decide-submit").click()
    expect(page.get_by_test_id("checklist-decision")).to_contain_text(
        "Жарияланымды орналастыруға рұқсат етіледі"
    )
    assert Checklist.objects.get().status == "completed"

    # Now the publication can be submitted.
    page.goto(f"{live_server.url}/content/publications/{pub.pk}/")
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("action-submit")).to_have_count(0)
    assert Publication.objects.get(pk=pub.pk).status == "submitted"

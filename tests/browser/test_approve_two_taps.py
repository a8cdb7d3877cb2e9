"""Issue 13, point 1, in Debian's Chromium on a 390 px phone: the chairman goes from the
notification to "approved" in two taps — the bell, then Approve on the notification's card — and
the publication page's actions sit in a bar at the bottom of the screen."""

import pytest
from playwright.sync_api import expect

from content.models import Publication, PublicationStatus
from content.views.approvals import approval_token
from content.workflows import publication_workflow
from tests.browser.a11y import assert_accessible
from tests.browser.phone import assert_tap_targets, console_errors
from tests.checklist.factories import completed, ensure_template
from tests.content.factories import official_account, publication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
S = PublicationStatus


def submitted_for_approval(cast):
    """Drafted, checked (CL1) and submitted through the engine: the chairman is notified."""
    ensure_template()
    account = official_account(cast.own, administrator=cast.alice, display_name="Өз арнасы")
    p = publication(cast.own, cast.alice, account=account, title="Ұжымдық шарт")
    completed(p.current_version, cast.alice)
    return publication_workflow.perform(cast.alice, p, "submit")


def test_from_the_notification_to_approved_in_two_taps(page, live_server, cast, login):
    p = submitted_for_approval(cast)
    errors = console_errors(page)
    page.set_viewport_size(PHONE)
    login("charlie")
    taps = 0

    def tap(locator):
        nonlocal taps
        locator.click()
        taps += 1

    tap(page.get_by_test_id("bell"))  # 1: the bell opens the notification list
    card = page.get_by_test_id("approval-card")
    expect(card).to_be_visible()
    expect(card.get_by_test_id("approval-accounts")).to_contain_text("Өз арнасы")
    expect(card.get_by_test_id("approval-text")).to_contain_text("Мәтін")
    assert_tap_targets(page)
    assert_accessible(page, "the notification list with an approval card")
    tap(card.get_by_test_id("card-approve"))  # 2: Approve
    expect(page.locator("[data-role=messages] .alert-success")).to_be_visible()
    expect(page.get_by_test_id("approval-card")).to_have_count(0)
    expect(page.get_by_test_id("unread-count-mobile")).to_have_count(0)  # the bell is quiet
    assert page.url == f"{live_server.url}/notifications/"
    assert taps <= 2
    assert Publication.objects.get(pk=p.pk).status == S.APPROVED
    assert errors == []


def test_return_from_the_card_needs_a_comment(page, live_server, cast, login):
    p = submitted_for_approval(cast)
    page.set_viewport_size(PHONE)
    login("charlie")
    page.get_by_test_id("bell").click()
    card = page.get_by_test_id("approval-card")
    card.get_by_test_id("card-return-comment").fill("Дереккөзін көрсетіңіз")
    card.get_by_test_id("card-return").click()
    expect(page.locator("[data-role=messages] .alert-success")).to_be_visible()
    assert Publication.objects.get(pk=p.pk).status == S.RETURNED


def test_the_action_bar_holds_the_actions_at_the_bottom_of_a_phone(page, live_server, cast, login):
    p = submitted_for_approval(cast)
    errors = console_errors(page)
    page.set_viewport_size(PHONE)
    login("charlie")
    page.goto(f"{live_server.url}/content/publications/{p.pk}/")
    bar = page.get_by_test_id("action-bar")
    expect(bar).to_be_visible()
    # Every action the engine offers the chairman here, as on the "Next step" card.
    names = [a.name for a in publication_workflow.available_actions(cast.charlie, p)]
    assert {"approve", "return", "prohibit"} <= set(names)
    for name in names:
        expect(bar.get_by_test_id(f"bar-{name}")).to_be_visible()
    # At the top of the page the bar is at the bottom of the screen …
    box = bar.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] + 1
    assert box["y"] + box["height"] >= PHONE["height"] - 2
    # … and at the end of the page it hides nothing: what comes before it ends above it.
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    above = bar.evaluate("(el) => el.previousElementSibling.getBoundingClientRect().bottom")
    assert above <= bar.bounding_box()["y"] + 1
    history = page.get_by_test_id("history").bounding_box()
    assert history["y"] + history["height"] <= bar.bounding_box()["y"] + 1
    assert_tap_targets(page)
    page.evaluate("() => window.scrollTo(0, 0)")
    bar.get_by_test_id("bar-approve").click()
    expect(page.get_by_test_id("publication-status")).to_have_text("Келісілді")
    assert Publication.objects.get(pk=p.pk).status == S.APPROVED
    # On a desktop the card alone holds them.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.get_by_test_id("action-bar")).to_be_hidden()
    assert errors == []


def test_the_e_mail_link_opens_a_confirmation_that_approves_only_on_its_button(
    page, live_server, cast, login
):
    p = submitted_for_approval(cast)
    errors = console_errors(page)
    page.set_viewport_size(PHONE)
    link = f"{live_server.url}/content/approve/{approval_token(p, cast.charlie)}/"
    page.goto(link)  # signed out: the login page, then back
    assert "/login/" in page.url
    login("charlie")
    page.goto(link)
    card = page.get_by_test_id("approval-card")
    expect(card).to_be_visible()
    assert Publication.objects.get(pk=p.pk).status == S.SUBMITTED  # the GET approved nothing
    assert_tap_targets(page)
    assert_accessible(page, "the e-mail's approval confirmation")
    card.get_by_test_id("card-approve").click()
    expect(page.get_by_test_id("publication-status")).to_have_text("Келісілді")
    assert Publication.objects.get(pk=p.pk).status == S.APPROVED
    assert errors == []

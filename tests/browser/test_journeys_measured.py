"""Issue 13, "measured by the browser tests": journey 1 of PRODUCT.md (plan → draft with a photo
→ checklist with one legal point asked of the lawyer → submit → the chairman approves on a phone
→ the administrator publishes) counted in page loads and taps per role, and failing above the
targets: at most 12 page loads for all roles together, the chairman's approval in at most 2 taps
at 390 px, no console error, no sideways scroll and every tap target at least 44 × 44 px on the
chairman's phone.

What is counted: a page load is a document the browser loads (a link, a form's POST and its
redirect, an address typed in); a tap is a click. Signing in is not part of the journey — each
person starts signed in, on their home page, as someone who keeps the app open — so the sign-in
pages and the home page they land on are not counted. Each role's numbers are printed."""

from __future__ import annotations

import io

import pytest
import time_machine
from PIL import Image
from playwright.sync_api import expect

from checklist.models import Checklist
from content.models import ContentPlan, PlanItem, Publication, PublicationStatus
from tests.browser.phone import assert_no_horizontal_scroll, assert_tap_targets, console_errors
from tests.browser.picking import pick
from tests.checklist.factories import ensure_template, items
from tests.content.factories import official_account
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}
TARGET_LOADS = 12
TARGET_APPROVAL_TAPS = 2


def tap(locator) -> None:
    """A tap (the journey fixture counts it, like any trusted click)."""
    locator.click()


def answer_sections(page) -> None:
    """ "The rest of this section: yes", section after section, each saved before the next."""
    buttons = page.locator("[data-role=section-yes]")
    while (left := buttons.count()) > 0:
        tap(buttons.first)
        page.wait_for_function(
            "(n) => document.querySelectorAll('[data-role=section-yes]').length < n", arg=left
        )


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1080, 1350), "steelblue").save(out, format="JPEG")  # 4:5, Instagram's own
    return out.getvalue()


@time_machine.travel("2026-11-26 10:00 +0500", tick=True)
def test_journey_1_plan_and_publish_within_the_targets(page, live_server, cast, login, journey):
    ensure_template()
    instagram = official_account(
        cast.own,
        administrator=cast.alice,
        network="instagram",
        display_name="Instagram",
        url="https://instagram.com/own_union",
        normalized_url="instagram.com/own_union",
    )
    telegram = official_account(
        cast.own,
        administrator=cast.alice,
        display_name="Telegram",
        url="https://t.me/own_union",
        normalized_url="t.me/own_union",
    )
    # The month's plan, approved by the chairman (R6.1), with the item to write.
    plan = ContentPlan.objects.create(
        organization=cast.own,
        period="month",
        starts_on="2026-11-01",
        ends_on="2026-11-30",
        status=ContentPlan.Status.APPROVED,
        created_by=cast.alice,
    )
    item = PlanItem.objects.create(
        plan=plan,
        topic="Ұжымдық шарттың орындалуы",
        kind="social",
        direction="partnership",
        audiences=["members"],
        language="both",
        planned_on="2026-11-27",
    )
    item.accounts.set([instagram, telegram])
    errors = console_errors(page)

    # The administrator opens the month's plan and drafts the post from its item, photo included.
    page.set_viewport_size(DESK)
    login("alice")
    page.goto(f"{live_server.url}/content/plans/{plan.pk}/")
    tap(page.get_by_test_id("draft-from-item"))
    expect(page.locator("#id_title")).to_have_value("Ұжымдық шарттың орындалуы")
    page.locator("#id_text_kk").fill("Ұжымдық шарттың 2026 жылғы орындалуы туралы қысқаша есеп.")
    page.locator("#id_text_ru").fill(
        "Краткий отчёт о выполнении коллективного договора в 2026 году."
    )
    page.locator("#id_photo").set_input_files(
        files=[{"name": "meeting.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )
    tap(page.get_by_test_id("submit"))
    expect(page.get_by_test_id("attachments")).to_contain_text("meeting.jpg")
    publication = Publication.objects.get()

    # From the publication's checklist card: the legal items to the lawyer, with the question;
    # the checklist opens, and the rest is answered a section at a time.
    page.locator("#card_lawyer").select_option(str(cast.lara.pk))
    page.locator("#card_note").fill("CL2.5 бойынша пікіріңіз керек")
    tap(page.get_by_test_id("card-route-submit"))
    expect(page).to_have_url(
        f"{live_server.url}/checklist/versions/{publication.current_version_id}/"
    )
    answer_sections(page)
    routed = Checklist.objects.get().routes.count()
    assert routed > 0
    expect(page.locator("[data-role=answered]")).to_have_text(str(len(items()) - routed))

    # The lawyer answers the routed items from the home page.
    page.set_viewport_size(DESK)
    login("lara")
    tap(page.get_by_test_id("waiting-checklist").first)
    answer_sections(page)
    expect(page.locator("[data-role=answered]")).to_have_text(str(len(items())))

    # The administrator, told by a notification, signs the decision and submits.
    page.set_viewport_size(DESK)
    login("alice")
    tap(
        page.get_by_test_id("widget-notifications")
        .get_by_role("button")
        .filter(has_text="Ұжымдық шарттың орындалуы")
        .first
    )
    assert "/checklist/versions/" in page.url
    form = page.get_by_test_id("decision-form")
    form.locator("input[value=permitted]").check()
    page.locator("#id_password").fill(PASSWORD)
    tap(page.get_by_test_id("decide-submit"))
    expect(page.get_by_test_id("checklist-decision")).to_contain_text("рұқсат етіледі")
    tap(page.get_by_test_id("action-submit"))
    expect(page.get_by_test_id("publication-status")).to_have_text("Келісуді күтуде")

    # The chairman, on a phone: the bell, then Approve on the notification's card.
    page.set_viewport_size(PHONE)
    login("charlie")
    tap(page.get_by_test_id("bell"))
    card = page.get_by_test_id("approval-card")
    expect(card).to_contain_text("Ұжымдық шарттың 2026 жылғы орындалуы")
    assert_tap_targets(page)
    assert_no_horizontal_scroll(page)
    tap(card.get_by_test_id("card-approve"))
    expect(page.locator("[data-role=messages] .alert-success")).to_be_visible()
    assert_tap_targets(page)
    assert_no_horizontal_scroll(page)
    assert Publication.objects.get().status == PublicationStatus.APPROVED

    # The administrator posts it and pastes the links.
    page.set_viewport_size(DESK)
    login("alice")
    tap(
        page.get_by_test_id("widget-content-admin")
        .get_by_role("link")
        .filter(has_text="Ұжымдық шарттың орындалуы")
        .first
    )
    page.locator(f"#publish-link-{instagram.pk}").fill("https://instagram.com/p/Cx123")
    page.locator(f"#publish-link-{telegram.pk}").fill("https://t.me/own_union/42")
    tap(page.get_by_test_id("action-publish"))
    expect(page.get_by_test_id("publication-status")).to_have_text("Жарияланды")

    publication.refresh_from_db()
    assert publication.plan_item == item and publication.current_version.is_frozen
    assert Checklist.objects.get(version=publication.current_version).decision == "permitted"
    journey.report("journey 1")
    assert journey.taps["charlie"] <= TARGET_APPROVAL_TAPS
    assert journey.total_loads() <= TARGET_LOADS, dict(journey.loads)
    assert errors == []


# Journey 3 (crisis): page loads of the whole journey, all roles.
CRISIS_BUDGET = 6


@time_machine.travel("2026-11-26 10:00 +0500", tick=True)
def test_journey_3_crisis_declared_and_followed_in_the_subtree(
    page, live_server, cast, login, journey
):
    """The regional chairman declares a crisis, names the working group and records the agreed
    position (R10); a primary organization's administrator below then writes a post, which must
    say how it follows that position, and the banner names the crisis on every page."""
    from content.models import Crisis

    official_account(cast.own, administrator=cast.alice, display_name="Telegram")
    errors = console_errors(page)

    page.set_viewport_size(DESK)
    login("paula")
    page.goto(f"{live_server.url}/content/crises/")
    tap(page.get_by_test_id("declare-crisis"))
    page.locator("#id_title").fill("Жалақы бойынша дау")
    page.locator("#id_agreed_position").fill("Кәсіподақ келіссөздерді жалғастырады.")
    pick(page, "id_working_group", cast.charlie.last_name, cast.charlie.get_full_name())
    expect(page.locator("[data-multipicker-chosen] [data-multipicker-item]")).to_have_count(1)
    tap(page.get_by_test_id("submit"))
    expect(page.get_by_test_id("agreed-position")).to_contain_text("келіссөздерді")
    crisis = Crisis.objects.get()
    assert list(crisis.working_group.all()) == [cast.charlie]

    # Below it, the administrator's post must follow the agreed position.
    login("alice")
    expect(page.get_by_test_id("crisis-banner")).to_contain_text("Жалақы бойынша дау")
    page.goto(f"{live_server.url}/content/publications/new/")
    page.locator("#id_title").fill("Келіссөздер туралы")
    page.locator("#id_text_kk").fill("Келіссөздер жалғасуда.")
    page.locator("#id_text_ru").fill("Переговоры продолжаются.")
    page.locator("#id_kind").select_option("informational")
    page.locator("#id_direction").select_option("news")
    page.locator("input[name=audiences][value=members]").check()
    page.locator("#id_unplanned_reason").fill("Дағдарыс")
    tap(page.get_by_test_id("submit"))
    expect(page.locator("#id_crisis_position_note")).to_have_attribute("aria-invalid", "true")
    page.locator("#id_crisis_position_note").fill("Келіссөздер жалғасатынын айтады.")
    tap(page.get_by_test_id("submit"))
    expect(page.get_by_test_id("publication-status")).to_be_visible()
    assert Publication.objects.get().crisis == crisis

    journey.report("journey 3")
    assert journey.total_loads() <= CRISIS_BUDGET, dict(journey.loads)
    assert errors == []

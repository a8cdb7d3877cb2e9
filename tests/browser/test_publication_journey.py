"""Journey 1 of PRODUCT.md end to end in Debian's Chromium: the month's content plan → a draft
from its item (Kazakh and Russian text, a photo) → the checklist, with one legal point asked of
the lawyer → submit → the chairman approves on a phone → the administrator posts on Instagram and
Telegram and pastes the links. Every version and the checklist are kept (CL8.4)."""

import io

import pytest
import time_machine
from PIL import Image
from playwright.sync_api import expect

from checklist.models import Checklist
from content.models import ContentPlan, Publication
from tests.checklist.factories import ensure_template, items
from tests.content.factories import official_account
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer(page, item, value):
    page.locator(f"label[for=item_{item.pk}_{value}]").click()
    # Each answer is saved by the page's script before the next click (a loaded CI machine).
    expect(page.locator(f"[data-item='{item.pk}']")).to_have_attribute("data-saved", "true")


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), "steelblue").save(out, format="JPEG")
    return out.getvalue()


@time_machine.travel("2026-11-26 10:00 +0500", tick=True)
def test_plan_draft_check_submit_approve_on_a_phone_and_publish(page, live_server, cast, login):
    ensure_template()
    # Both in the register with their creation decisions, alice appointed by order (R4.2, R4.5).
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

    # The administrator plans the month and the chairman approves the plan.
    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")
    page.goto(f"{live_server.url}/content/plans/")
    page.get_by_test_id("new-plan").click()
    page.get_by_test_id("add-item").click()
    page.locator("#id_topic").fill("Ұжымдық шарттың орындалуы")
    page.locator("#id_planned_on").fill("2026-11-27")
    page.locator("#id_kind").select_option("social")
    page.locator("#id_direction").select_option("partnership")
    page.locator("input[name=audiences][value=members]").check()
    page.locator("#id_language").select_option("both")
    page.locator(f"input[name=accounts][value='{instagram.pk}']").check()
    page.locator(f"input[name=accounts][value='{telegram.pk}']").check()
    page.get_by_test_id("submit").click()
    page.get_by_test_id("action-submit").click()
    plan = ContentPlan.objects.get()
    login("charlie")
    page.goto(f"{live_server.url}/content/plans/{plan.pk}/")
    page.get_by_test_id("action-approve").click()
    expect(page.get_by_test_id("plan-status")).to_have_text("Бекітілген")

    # A draft from the plan item, in both languages, with a photo.
    login("alice")
    page.goto(f"{live_server.url}/content/plans/{plan.pk}/")
    page.get_by_test_id("draft-from-item").click()
    expect(page.locator("#id_title")).to_have_value("Ұжымдық шарттың орындалуы")
    page.locator("#id_text_kk").fill("Ұжымдық шарттың 2026 жылғы орындалуы туралы қысқаша есеп.")
    page.locator("#id_text_ru").fill(
        "Краткий отчёт о выполнении коллективного договора в 2026 году."
    )
    page.get_by_test_id("submit").click()
    page.locator("#id_kind").select_option("photo")
    page.locator("#id_file").set_input_files(
        files=[{"name": "meeting.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )
    page.get_by_role("button", name="Тіркеу").click()
    expect(page.get_by_test_id("attachments")).to_contain_text("meeting.jpg")
    publication = Publication.objects.get()

    # The checklist: the legal section to the lawyer, the rest answered by the administrator.
    page.get_by_test_id("open-checklist").click()
    page.locator("#id_lawyer").select_option(str(cast.lara.pk))
    page.locator("#id_note").fill("CL2.5 бойынша пікіріңіз керек")
    page.get_by_test_id("route-submit").click()
    others = [i for i in items() if not i.is_legal]
    for item in others:
        answer(page, item, "yes")
    # Each click is saved by the page's script; wait until the server has counted them all.
    expect(page.locator("[data-role=answered]")).to_have_text(str(len(others)))
    login("lara")
    page.goto(f"{live_server.url}/checklist/versions/{publication.current_version_id}/")
    for item in [i for i in items() if i.is_legal]:
        answer(page, item, "yes")
    expect(page.locator("[data-role=answered]")).to_have_text(str(len(items())))
    login("alice")
    page.goto(f"{live_server.url}/checklist/versions/{publication.current_version_id}/")
    page.get_by_test_id("decision-form").locator("input[value=permitted]").check()
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_test_id("decide-submit").click()
    expect(page.get_by_test_id("checklist-decision")).to_contain_text("рұқсат етіледі")
    page.goto(f"{live_server.url}/content/publications/{publication.pk}/")
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("publication-status")).to_have_text("Келісуді күтуде")

    # The chairman reads it on a phone, from the home page, and approves.
    page.set_viewport_size({"width": 390, "height": 844})
    login("charlie")
    page.get_by_test_id("awaiting-publication").click()
    expect(page.locator("main")).to_contain_text("Ұжымдық шарттың 2026 жылғы орындалуы")
    page.get_by_test_id("action-approve").click()
    expect(page.get_by_test_id("publication-status")).to_have_text("Келісілді")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    # The administrator posts it and pastes the links.
    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")
    page.goto(f"{live_server.url}/content/publications/{publication.pk}/")
    page.locator(f"#publish-link-{instagram.pk}").fill("https://instagram.com/p/Cx123")
    page.locator(f"#publish-link-{telegram.pk}").fill("https://t.me/own_union/42")
    page.get_by_test_id("action-publish").click()
    expect(page.get_by_test_id("publication-status")).to_have_text("Жарияланды")
    expect(page.get_by_test_id("post-link")).to_have_count(2)

    publication.refresh_from_db()
    assert publication.plan_item.plan == plan
    assert publication.current_version.is_frozen
    assert Checklist.objects.get(version=publication.current_version).decision == "permitted"

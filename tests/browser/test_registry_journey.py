"""Register an account → approve its access list as chairman → record a rotation → see the
flags clear (registry issue, journey 5), in Debian's Chromium."""

import pytest
import time_machine
from playwright.sync_api import expect

from registry.models import OfficialAccount
from tests.browser.picking import pick
from tests.registry.factories import PDF, PNG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Page loads of the whole journey, all roles (tests/browser/journey.py; issue 13, measured).
BUDGET = 15


def upload(page, selector, name, data, mime):
    page.locator(selector).set_input_files(files=[{"name": name, "mimeType": mime, "buffer": data}])


@time_machine.travel("2026-11-26 10:00 +0500", tick=True)
def test_register_approve_rotate_and_the_flags_clear(page, live_server, cast, login, journey):
    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")
    page.locator("[data-nav=registry]").click()
    page.get_by_test_id("register-account").click()
    page.locator("#id_network").select_option("instagram")
    page.locator("#id_display_name").fill("Біздің мектеп")
    page.locator("#id_url").fill("https://www.instagram.com/Bizdin_Mektep/")
    page.locator("#id_languages").select_option("both")
    page.locator("#id_password_set_on").fill("2025-01-15")
    page.get_by_test_id("submit").click()

    expect(page.get_by_test_id("account-name")).to_have_text("Біздің мектеп")
    flags = page.get_by_test_id("flags")
    for text in (
        "Құру туралы шешім жоқ",
        "Қол жеткізу тізбесі бекітілмеген",
        "Құпиясөзді ауыстыру мерзімі өтті",
    ):
        expect(flags).to_contain_text(text)

    # The administrator proposes the access list and records what else is missing.
    page.get_by_test_id("edit-access").click()
    page.locator("#id_entries-0-full_name").fill("Ахметов Ерлан")
    page.locator("#id_entries-0-position").fill("SMM-маман")
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("pending-access")).to_contain_text("Ахметов Ерлан")

    page.get_by_test_id("record-rotation").click()
    page.locator("#id_rotated_on").fill("2026-11-20")
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("password-due")).to_have_text("20.11.2027")

    page.get_by_role("link", name="Қосу").click()  # creation decision
    page.locator("#id_body").fill("Кәсіподақ комитеті")
    page.locator("#id_number").fill("12")
    page.locator("#id_decided_on").fill("2025-01-10")
    upload(page, "#id_document", "decision.pdf", PDF, "application/pdf")
    page.get_by_test_id("submit").click()

    page.get_by_role("link", name="Тексеруді енгізу").click()
    page.locator("#id_checked_on").fill("2026-11-20")
    page.locator("#id_result").select_option("passed")
    upload(page, "#id_screenshot", "logo.png", PNG, "image/png")
    page.get_by_test_id("submit").click()
    expect(flags).to_contain_text("Қол жеткізу тізбесі бекітілмеген")
    expect(flags).to_contain_text("Қазіргі әкімші тағайындалмаған")

    # The chairman approves the list and appoints the administrator, on a phone.
    account = OfficialAccount.objects.get()
    page.set_viewport_size({"width": 390, "height": 844})
    login("charlie")
    page.goto(f"{live_server.url}/registry/{account.pk}/")
    # The buttons are the access list workflow's (R9.2): approve and reject, for this chairman.
    expect(page.get_by_test_id("reject-access")).to_be_visible()
    page.get_by_test_id("approve-access").click()
    expect(page.get_by_test_id("section-access")).to_contain_text("Ахметов Ерлан")
    expect(page.get_by_test_id("pending-access")).to_have_count(0)

    page.get_by_role("link", name="Тағайындау").click()
    # The person is found by typing (a picker, not a select of every user: issue 14).
    pick(page, "id_user", cast.alice.last_name, cast.alice.get_full_name())
    expect(page.locator("#id_user_value")).to_have_value(str(cast.alice.pk))
    page.locator("#id_order_number").fill("7-Б")
    page.locator("#id_order_date").fill("2026-11-20")
    upload(page, "#id_order_document", "order.pdf", PDF, "application/pdf")
    page.locator("#id_starts_on").fill("2026-11-21")
    page.get_by_test_id("submit").click()

    expect(page.get_by_test_id("no-flags")).to_be_visible()
    expect(page.get_by_test_id("flag")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    journey.report("journey 5")
    assert journey.total_loads() <= BUDGET, dict(journey.loads)

"""Journey 4 of PRODUCT.md in Debian's Chromium: a teacher's message about unpaid overtime is
registered by the administrator, both due dates show on the Kazakhstan calendar, the first
response is given, the appeal is forwarded to another structure of the union, the official
response is sent and the appeal is closed; the buttons come from the workflow table
(appeals.workflows). Also: the list fits a phone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appeals import workdays
from appeals.models import Appeal
from tests.browser.picking import pick
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Page loads of the whole journey, all roles (tests/browser/journey.py; issue 13, measured).
BUDGET = 9


def login(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-testid=home-title]")).to_be_visible()


def open_step(page, name):
    step = page.locator(f"[data-testid=step-{name}]")
    step.locator("summary").click()
    return step


def test_journey_4_register_answer_forward_respond_and_close(
    page, live_server, cast, login, journey
):
    workdays.invalidate()
    received_on = timezone.localdate() - timedelta(days=1)
    first_due = workdays.add_working_days(received_on, 3)
    official_due = workdays.add_working_days(received_on, 15)
    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")

    page.goto(f"{live_server.url}/appeals/")
    page.locator("[data-testid=register-appeal]").click()
    # Issue 14: a search field (the combobox pattern), chosen with the keyboard.
    page.locator("#id_organization").fill("өз ұйым")
    expect(page.get_by_role("option", name="Өз ұйымы")).to_be_visible()
    page.locator("#id_organization").press("ArrowDown")
    page.locator("#id_organization").press("Enter")
    expect(page.locator("#id_organization_value")).to_have_value(str(cast.own.pk))
    page.locator("#id_received_at").fill(f"{received_on:%Y-%m-%d}T10:00")
    page.locator("#id_channel").select_option("telegram")
    page.locator("#id_channel_account").fill("@kasipodaq_own")
    page.locator("#id_author_name").fill("Гүлмира Сапарова")
    page.locator("#id_author_contacts").fill("+7 701 555 12 34")
    page.locator("#id_text").fill("Қосымша сабақтар үшін үш ай бойы ақы төленбеді.")
    page.locator("#id_kind").select_option("complaint")
    page.locator("#id_topic").select_option("pay")
    pick(page, "id_assignee", cast.lara.last_name or "lara", cast.lara.get_full_name())
    expect(page.locator("#id_assignee_value")).to_have_value(str(cast.lara.pk))
    # R9.1: the legal basis of processing and how the author was told of it.
    page.locator("#id_processing_basis").select_option("consent")
    page.locator("#id_privacy_notice").select_option("account_notice")
    page.locator("[data-testid=submit]").click()

    # Both due dates, as dates and as working days left.
    expect(page.locator("[data-testid=appeal-title]")).to_contain_text("-0001")
    expect(page.locator("[data-testid=first-due]")).to_have_text(f"{first_due:%d.%m.%Y}")
    expect(page.locator("[data-testid=official-due]")).to_have_text(f"{official_due:%d.%m.%Y}")
    expect(page.locator("[data-testid=official-due-left]")).to_contain_text("жұмыс күні қалды")
    expect(page.locator("[data-testid=contacts]")).to_have_text("+7 701 555 12 34")
    expect(page.locator("[data-testid=personal-data-basis]")).to_be_visible()
    # No calendar code on the page, only words.
    expect(page.locator("[data-testid=calendar-note]")).not_to_contain_text("holidays-")

    step = open_step(page, "first-response")
    step.locator("#first-response-channel").select_option("same_network")
    step.locator("#first-response-text").fill("Өтінішіңіз тіркелді, жауап мерзімінде беріледі.")
    step.locator("[data-testid=submit-first-response]").click()
    expect(page.locator("[data-testid=appeal-status]")).to_have_text("Алғашқы жауап берілді")

    step = open_step(page, "forward")
    # The parent chain is offered at once; any structure is found by its name (issue 14).
    step.locator("#forward-to_organization").focus()
    expect(step.get_by_role("option", name="Облыс")).to_be_visible()
    step.locator("#forward-to_organization").fill("Көрші")
    step.get_by_role("option", name="Көрші ұйым").click()
    expect(step.locator("#forward-to_organization_value")).to_have_value(str(cast.sibling.pk))
    step.locator("#forward-reason").fill("Мәселе көрші ұйымның құзыретіне жатады.")
    step.locator("[data-testid=submit-forward]").click()
    expect(page.locator("[data-testid=appeal-status]")).to_have_text("Басқа құрылымға жолданды")
    expect(page.locator("[data-testid=forwarded]")).to_contain_text("Көрші ұйым")

    step = open_step(page, "official-response")
    step.locator("#official-response-number").fill("01-15/77")
    step.locator("#official-response-text").fill("Өтінішіңіз көрші ұйымға жолданды.")
    step.locator("[data-testid=submit-official-response]").click()
    expect(page.locator("[data-testid=appeal-status]")).to_have_text("Ресми жауап жіберілді")

    step = open_step(page, "close")
    step.locator("#close-outcome").select_option("forwarded")
    step.locator("[data-testid=submit-close]").click()
    expect(page.locator("[data-testid=appeal-status]")).to_have_text("Жабылған")

    # The receiving organization has the appeal in its own list.
    copy = Appeal.objects.get(organization=cast.sibling)
    assert copy.forwarded_from.status == "closed"
    page.locator("[data-testid=user-menu]").click()
    page.locator("[data-testid=logout]").click()
    login("sam")
    page.goto(f"{live_server.url}/appeals/")
    expect(page.locator("[data-testid=appeal-row]")).to_have_count(1)
    expect(page.locator("[data-testid=appeal-number]")).to_have_text(copy.number)
    journey.report("journey 4")
    assert journey.total_loads() <= BUDGET, dict(journey.loads)


def test_the_appeals_list_fits_a_phone_and_shows_overdue_in_red(page, live_server, cast):
    from tests.appeals.factories import register

    workdays.invalidate()
    register(cast.alice, cast.own, timezone.now() - timedelta(days=30), assignee=cast.lara)
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "charlie")
    page.goto(f"{live_server.url}/appeals/?view=overdue")
    expect(page.locator("[data-testid=appeal-row]")).to_have_count(1)
    expect(page.locator("[data-testid=official-due][data-overdue='1']")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

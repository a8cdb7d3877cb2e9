"""Journey 6 (PRODUCT.md): import metrics → generate the report → write the narrative (the
template's lists, Kazakh and Russian) → download the PDF → submit once the half-year is over →
the parent's chairman accepts → the roll-up shows it, in Debian's Chromium. Every button is one
of the report workflow's actions."""

import pytest
import time_machine
from playwright.sync_api import expect

from reports.models import Report, SubscriberCount
from tests.registry.factories import OfficialAccountFactory
from tests.reports.factories import published

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Page loads of the whole journey, all roles (tests/browser/journey.py; issue 13, measured).
BUDGET = 12

CSV = (
    b"account,date,subscribers\n"
    b"https://t.me/bizdin_arna,2026-01-01,1200\n"
    b"https://t.me/bizdin_arna,2026-06-28,1345\n"
)


# The first days after the half-year: the report can be submitted (RPT1.1).
@time_machine.travel("2026-07-02 10:00 +0500", tick=True)
def test_import_generate_write_download_submit_accept_and_roll_up(
    page, live_server, cast, login, journey
):
    account = OfficialAccountFactory(
        organization=cast.own,
        network="telegram_channel",
        display_name="Біздің арна",
        url="https://t.me/bizdin_arna",
        normalized_url="t.me/bizdin_arna",
    )
    published(cast.own, cast.alice, (2026, 3, 2), kind="legal", account=account)
    page.set_viewport_size({"width": 1280, "height": 900})
    login("alice")

    # Import metrics.
    page.locator("[data-nav=reports]").click()
    page.get_by_test_id("open-metrics").click()
    page.locator("#id_kind").select_option("subscribers")
    page.locator("#id_period").select_option("h1")
    page.locator("#id_year").fill("2026")
    page.locator("#id_file").set_input_files(
        files=[{"name": "subscribers.csv", "mimeType": "text/csv", "buffer": CSV}]
    )
    page.get_by_test_id("import").click()
    expect(page.locator(".alert-success")).to_contain_text("2")
    assert SubscriberCount.objects.count() == 2

    # Generate the report: the numbers are filled from the data.
    page.locator("[data-nav=reports]").click()
    page.get_by_test_id("new-report").click()
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("total")).to_have_text("1")
    expect(page.get_by_test_id("audience")).to_contain_text("345")
    expect(page.get_by_test_id("audience")).to_contain_text("145")

    # Write the narrative: the template's goals as checkboxes, each section in both languages.
    page.get_by_test_id("action-update").click()
    page.locator("#id_responsible_position").fill("SMM-маман")
    page.locator("#id_responsible_position_ru").fill("SMM-специалист")
    page.get_by_label("кәсіподақ мүшелерін ақпараттандыру").check()
    page.get_by_label("құқықтық ағартушылық").check()
    page.locator("#id_plans").fill("Келесі жартыжылдықта:\n\n- вебинарлар\n- инфографика")
    page.locator("#id_assessment").fill("Жұмыс тиімді болды.")
    page.locator("#id_assessment_ru").fill("Работа была эффективной.")
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("narrative-plans").locator("li")).to_have_count(2)
    expect(page.get_by_test_id("goals").locator("li")).to_have_count(2)
    expect(page.get_by_test_id("responsible")).to_contain_text("SMM-маман")

    # Download the PDF.
    with page.expect_download() as download:
        page.get_by_test_id("pdf-kk").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # Submit to the parent organization.
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("status")).to_have_text("Жіберілді")
    report = Report.objects.get()

    # The parent's chairman accepts, on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    login("paula")
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.get_by_test_id("action-accept").click()
    expect(page.get_by_test_id("status")).to_have_text("Қабылданды")

    # The roll-up shows it, and who has not submitted.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(
        f"{live_server.url}/reports/rollup/?organization={cast.parent.pk}&period=h1&year=2026"
    )
    own_row = page.get_by_test_id("rollup-row").filter(has_text="Өз ұйымы")
    expect(own_row.get_by_test_id("rollup-status")).to_have_text("Қабылданды")
    expect(page.get_by_test_id("rollup-missing")).to_contain_text("Көрші ұйым")
    journey.report("journey 6")
    assert journey.total_loads() <= BUDGET, dict(journey.loads)

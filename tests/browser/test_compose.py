"""Issue 13, points 3 and 7, on a 390 px phone in Debian's Chromium: the form counts as the
network will (static/js/compose.js), the publication page shows a card per target account, and a
post link of another network is refused as it is typed."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from playwright.sync_api import expect

from content.models import Attachment, PublicationStatus
from tests.content.factories import official_account, publication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def instagram(cast):
    return official_account(
        cast.own,
        administrator=cast.alice,
        network="instagram",
        display_name="Union Instagram",
        url="https://instagram.com/own_union",
        normalized_url="instagram.com/own_union",
    )


def number(text: str):
    """ "2200" as the page's language groups it: "2 200" (a no-break space) or "2,200"."""
    return re.compile(re.sub(r"(\d)(\d{3})\b", r"\1[\\s,.]?\2", text))


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_form_counts_as_instagram_will_on_a_phone(page, live_server, cast, login):
    instagram(cast)
    page.set_viewport_size(PHONE)
    login("alice")
    page.goto(f"{live_server.url}/content/publications/new/")
    # The organization's only account is chosen already, so its card is there at once.
    card = page.get_by_test_id("compose-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Union Instagram")
    page.locator("#id_text_kk").fill("а" * 2200)
    expect(card.get_by_test_id("counter-text")).to_contain_text(number("2200 / 2200"))
    expect(card.locator(".compose-over")).to_have_count(0)
    page.locator("#id_text_kk").press("End")
    page.locator("#id_text_kk").type("б")
    expect(card.get_by_test_id("counter-text")).to_contain_text(number("2201 / 2200"))
    expect(card.locator(".compose-over")).to_have_count(1)
    page.locator("#id_text_kk").fill(" ".join(f"#t{n}" for n in range(31)))
    expect(card.get_by_test_id("counter-hashtags")).to_contain_text("31 / 30")
    no_sideways_scroll(page)


def test_the_publication_page_previews_and_checks_links_as_typed(page, live_server, cast, login):
    account = instagram(cast)
    p = publication(cast.own, cast.alice, account=account, status=PublicationStatus.APPROVED)
    out = io.BytesIO()
    Image.new("RGB", (1920, 1000), "steelblue").save(out, format="JPEG")
    Attachment.objects.create(
        version=p.current_version,
        kind="photo",
        file=ContentFile(out.getvalue(), name="wide.jpg"),
        original_name="wide.jpg",
    )
    page.set_viewport_size(PHONE)
    login("alice")
    page.goto(f"{live_server.url}/content/publications/{p.pk}/")
    card = page.get_by_test_id("preview-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text(re.compile(r"1[.,]92:1"))
    expect(card.get_by_test_id("preview-problem").first).to_contain_text(re.compile(r"1[.,]91:1"))
    link = page.locator(f"input[name='link-{account.pk}']")
    link.fill("https://t.me/own_union/5")
    expect(link).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.locator(f"#{link.get_attribute('id')}-feedback")).to_contain_text("Instagram")
    link.fill("https://www.instagram.com/p/abc/")
    expect(link).not_to_have_class(re.compile(r"\bis-invalid\b"))
    no_sideways_scroll(page)

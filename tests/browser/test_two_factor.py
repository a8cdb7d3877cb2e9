"""Two-step sign-in end to end, in Debian's Chromium: an administrator sets it up from the
account page (QR code drawn by the server, code computed here from the device's key as an
authenticator app would), signs out, signs in with password and code, and signs a checklist
decision with password and code."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from checklist.models import Checklist
from tests.checklist.factories import ensure_template, filled, publication
from tests.factories import PASSWORD
from tests.otp import next_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enrol_sign_in_with_the_code_and_sign_a_decision(page, live_server, cast, login):
    ensure_template()
    version = publication(cast.own, cast.alice)
    filled(version, cast.alice)
    page.set_viewport_size({"width": 1280, "height": 900})
    external = []
    page.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith(live_server.url) else None,
    )

    # Set up: from the user menu to the account page, then the QR code.
    login("alice")
    page.get_by_test_id("user-menu").click()
    page.get_by_test_id("account-security").click()
    page.get_by_test_id("two-factor-setup").click()
    expect(page.get_by_test_id("qr-code").locator("svg")).to_be_visible()
    device = TOTPDevice.objects.get(user=cast.alice, confirmed=False)
    secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    assert len(secret) == 32  # the 20-byte key, typed in by hand if the scan fails
    page.locator("#id_otp_token").fill(next_code(device))
    page.get_by_test_id("two-factor-confirm").locator("button[type=submit]").click()
    codes = page.get_by_test_id("recovery-codes").locator("li")
    expect(codes).to_have_count(10)
    assert not external, external  # the QR code came from nowhere else

    # Out, and back in: the password alone is not enough now.
    page.get_by_test_id("user-menu").click()
    page.get_by_test_id("logout").click()
    page.wait_for_url(f"{live_server.url}/login/")
    login("alice", device=device)
    expect(page.get_by_test_id("user-menu")).to_be_visible()

    # The checklist decision: password and a fresh code.
    page.goto(f"{live_server.url}/checklist/versions/{version.pk}/")
    form = page.get_by_test_id("decision-form")
    form.locator("input[value=permitted]").check()
    form.locator("#id_password").fill(PASSWORD)
    form.locator("#id_otp_token").fill("000000")
    page.get_by_test_id("decide-submit").click()
    expect(page.get_by_test_id("decision-form").locator(".invalid-feedback")).not_to_have_count(0)
    assert Checklist.objects.get(version=version).status == "in_progress"

    page.wait_for_timeout(1100)  # django-otp's own throttle after a wrong code
    form = page.get_by_test_id("decision-form")
    form.locator("input[value=permitted]").check()
    form.locator("#id_password").fill(PASSWORD)
    form.locator("#id_otp_token").fill(next_code(device))
    page.get_by_test_id("decide-submit").click()
    expect(page.get_by_test_id("checklist-decision")).to_be_visible()
    checklist = Checklist.objects.get(version=version)
    assert checklist.status == "completed" and checklist.signature_method == "password+otp"

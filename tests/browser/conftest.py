import pytest
from playwright.sync_api import expect

from tests.browser.journey import Journey
from tests.factories import PASSWORD
from tests.otp import next_code

# Pages that save as you click (the checklist) answer more slowly on a loaded 2-core CI machine
# than the default 5 s of an assertion allows.
expect.set_options(timeout=20_000)


@pytest.fixture
def journey(page):
    """Page loads and taps per person (tests/browser/journey.py); `login` switches the person."""
    return Journey(page)


@pytest.fixture
def login(page, live_server, journey):
    """Sign in through the login page, in the given language (and with the second factor)."""

    def sign_in(username: str, lang: str = "kk", device=None):
        """`device`: the person's TOTP device; its next code is typed in at the second step."""
        journey.pause()
        # Leave the previous person's page first: a response still in flight from it (every
        # response renews the session cookie) would otherwise bring their session back.
        page.goto("about:blank")
        page.context.clear_cookies()
        page.context.add_cookies([{"name": "lang", "value": lang, "url": live_server.url}])
        page.goto(f"{live_server.url}/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("main form button[type=submit]").click()
        if device is not None:
            page.wait_for_url(f"{live_server.url}/login/code/")
            page.locator("#id_otp_token").fill(next_code(device))
            page.locator("main form button[type=submit]").click()
        page.wait_for_url(f"{live_server.url}/")
        expect(page.get_by_test_id("user-menu")).to_have_attribute("data-user", username)
        journey.settle()
        journey.resume(username)

    return sign_in

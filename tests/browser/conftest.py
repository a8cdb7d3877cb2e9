import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

# Pages that save as you click (the checklist) answer more slowly on a loaded 2-core CI machine
# than the default 5 s of an assertion allows.
expect.set_options(timeout=20_000)


@pytest.fixture
def login(page, live_server):
    """Sign in through the login page, in the given language."""

    def sign_in(username: str, lang: str = "kk"):
        page.context.clear_cookies()
        page.context.add_cookies([{"name": "lang", "value": lang, "url": live_server.url}])
        page.goto(f"{live_server.url}/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(f"{live_server.url}/")

    return sign_in

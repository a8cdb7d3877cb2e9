import pytest

from tests.factories import PASSWORD


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

"""End to end in Debian's Chromium: each role logs in and sees its home page, in Kazakh and in
Russian, on a desktop and on a 390 px wide phone."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
HOME_TITLE = {"kk": "Қазір назарыңызды қажет ететін істер", "ru": "Что требует вашего внимания"}
ROLE = {
    "alice": {"kk": "Жауапты әкімші", "ru": "Ответственный администратор"},
    "lara": {"kk": "Заңгер", "ru": "Юрист"},
    "charlie": {"kk": "Төраға", "ru": "Председатель"},
}
AUDIT = {"kk": "Аудит журналы", "ru": "Журнал аудита"}


def open_menu_if_collapsed(page):
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") == "false":
        toggler.click()
        expect(page.locator("#mainnav")).to_be_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("username", ROLE)
def test_each_role_logs_in_and_sees_its_home(page, live_server, cast, username, lang, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{live_server.url}/login/")
    open_menu_if_collapsed(page)
    page.locator(f"[data-testid=language-switcher] button[value={lang}]").click()
    expect(page.locator("html")).to_have_attribute("lang", lang)

    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page.locator("[data-testid=home-title]")).to_have_text(HOME_TITLE[lang])
    roles = page.locator("[data-testid=my-roles]")
    expect(roles).to_contain_text(ROLE[username][lang])
    expect(roles).to_contain_text("Өз ұйымы" if lang == "kk" else "Своя организация")
    # Chairmen see the audit trail of their subtree; the other roles do not.
    activity = page.locator("[data-testid=widget-activity]")
    expect(activity).to_have_count(1 if username == "charlie" else 0)
    open_menu_if_collapsed(page)
    audit_link = page.locator("#mainnav [data-nav=audit]")
    expect(audit_link).to_have_count(1 if username == "charlie" else 0)
    if username == "charlie":
        page.locator("#mainnav [data-nav=more]").click()
        expect(audit_link).to_have_text(AUDIT[lang])
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_wrong_password_shows_the_message_and_stays_on_the_login_page(page, live_server, cast):
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill("alice")
    page.locator("#id_password").fill("wrong")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("құпиясөзді енгізіңіз")
    assert page.url.endswith("/login/")

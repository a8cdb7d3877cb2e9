"""WCAG 2.1 AA on every main page (issue 16, docs/accessibility.md), checked by axe-core in
Debian's Chromium on the demo data (`manage.py load_demo`).

For each role — administrator, lawyer and chairman of the Almaty regional organization, the
Central Committee's chairman, the superuser — at 1366 px and at 390 px, one browser context signs
in once and visits every page below; axe must find no serious and no critical violation on any of
them. Signed-out pages (login, password reset) are checked on their own, and at 320 px no page may
scroll sideways (WCAG 1.4.10).

A new page joins the sweep with one line in `PAGES`: (name, url or a function of the demo ids).
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.management.commands.load_demo import DEMO_PASSWORD
from accounts.models import Organization
from appeals.models import Appeal
from content.models import ContentPlan, Publication, PublicationStatus
from registry.models import OfficialAccount
from reports.models import Report
from tests.browser.a11y import (
    assert_accessible,
    describe,
    horizontal_overflow,
    overflowing_elements,
    violations,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALMATY_BIN = "000000000010"

# The roles of the issue: (demo username, what the report calls it).
ROLES = {
    "administrator": "almaty_admin",
    "lawyer": "almaty_lawyer",
    "chairman": "almaty_chairman",
    "cc_chairman": "cc_chairman",
    "superuser": "admin",
}
WIDTHS = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}


def demo_ids() -> dict[str, int]:
    """One object of each kind in the Almaty subtree (every role above sees it)."""
    almaty = Organization.objects.get(bin=ALMATY_BIN)
    under = {"organization__path__startswith": almaty.path}
    publications = Publication.objects.filter(**under).order_by("pk")
    draft = publications.filter(status=PublicationStatus.DRAFT).first() or publications.first()
    checked = publications.exclude(current_version=None).first()
    return {
        "publication": publications.first().pk,
        "draft": draft.pk,
        "version": checked.current_version_id,
        "plan": ContentPlan.objects.filter(**under).order_by("pk").first().pk,
        "account": OfficialAccount.objects.filter(**under).order_by("pk").first().pk,
        "appeal": Appeal.objects.filter(**under).order_by("pk").first().pk,
        "report": Report.objects.filter(**under).order_by("pk").first().pk,
    }


# (name, path or a function of demo_ids()); every role visits every page, a page a role may not
# see answers 403/404 — and that page must be accessible too.
PAGES = [
    ("home", "/"),
    ("notifications", "/notifications/"),
    ("notification settings", "/notifications/settings/"),
    ("publications", "/content/publications/"),
    ("publication", lambda ids: f"/content/publications/{ids['publication']}/"),
    ("publication edit", lambda ids: f"/content/publications/{ids['draft']}/edit/"),
    ("publication new", "/content/publications/new/"),
    ("checklist", lambda ids: f"/checklist/versions/{ids['version']}/"),
    ("checklist waiting", "/checklist/waiting/"),
    ("plans", "/content/plans/"),
    ("plan", lambda ids: f"/content/plans/{ids['plan']}/"),
    ("calendar", "/content/calendar/"),
    ("crises", "/content/crises/"),
    ("moderation", "/content/moderation/"),
    ("registry", "/registry/"),
    ("account", lambda ids: f"/registry/{ids['account']}/"),
    ("access list", lambda ids: f"/registry/{ids['account']}/access-list/"),
    ("hygiene", "/registry/hygiene/"),
    ("hygiene who must act", "/registry/hygiene/?flag=any"),
    ("violations", "/registry/violations/"),
    ("appeals", "/appeals/"),
    ("appeal", lambda ids: f"/appeals/{ids['appeal']}/"),
    ("appeal new", "/appeals/new/"),
    ("appeals calendar", "/appeals/calendar/"),
    ("reports", "/reports/"),
    ("report", lambda ids: f"/reports/{ids['report']}/"),
    ("metrics", "/reports/metrics/"),
    ("dashboard", "/reports/dashboard/"),
    ("roll-up", "/reports/rollup/"),
    (
        "report PDF job",
        lambda ids: f"/reports/{Report.objects.get(organization__bin=ALMATY_BIN).pk}/pdf/kk/",
    ),
    ("audit", "/audit/"),
    ("organizations", "/organizations/"),
    ("users", "/users/"),
    ("profile", "/account/"),
    ("two-factor", "/account/two-factor/"),
    ("password change", "/password/"),
    # Pages of issues 13–15 (inbox, Telegram, outbox, health).
    ("inbox", "/inbox/"),
    ("telegram", lambda ids: f"/channels/accounts/{ids['account']}/"),
    ("outbox", "/outbox/"),
    ("health", "/health/details/"),
]
SIGNED_OUT = [("login", "/login/"), ("password reset", "/password/reset/")]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return demo_ids()


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base}/")


def sweep(page, base: str, pages, ids, label: str) -> list[str]:
    """Visit each page and collect axe's serious/critical findings (all pages, then fail once).
    Pages the role may open must have titles of their own (WCAG 2.4.2)."""
    failures = []
    titles: dict[str, str] = {}
    for name, path in pages:
        url = base + (path(ids) if callable(path) else path)
        response = page.goto(url)
        expect(page.locator("main")).to_be_visible()
        found = violations(page)
        if found:
            failures.append(describe(found, f"{name}, {label} ({page.url})"))
        title = page.title()
        if response is not None and response.ok:
            if title in titles:
                failures.append(f"{name} has the same title as {titles[title]}: {title!r}")
            titles[title] = name
        menu = page.locator(".navbar-toggler")
        if name == "home" and menu.is_visible():
            # On a phone the menu is folded: open it and check what it shows too.
            menu.press("Enter")
            expect(page.locator("#mainnav")).to_be_visible()
            found = violations(page)
            if found:
                failures.append(describe(found, f"{name}, menu open, {label} ({page.url})"))
    return failures


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_has_no_serious_accessibility_violation(page, live_server, demo, role, width):
    page.set_viewport_size(WIDTHS[width])
    sign_in(page, live_server.url, ROLES[role])
    failures = sweep(page, live_server.url, PAGES, demo, f"{role} at {width} px")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_signed_out_pages_have_no_serious_accessibility_violation(page, live_server, width):
    page.set_viewport_size(WIDTHS[width])
    failures = sweep(page, live_server.url, SIGNED_OUT, {}, f"signed out at {width} px")
    assert not failures, "\n".join(failures)


def test_a_failed_login_is_accessible_and_focus_goes_to_the_error(page, live_server, demo):
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill("almaty_admin")
    page.locator("#id_password").fill("wrong password")
    page.locator("main form button[type=submit]").click()
    error = page.locator("main form .alert-danger")
    expect(error).to_be_visible()
    assert_accessible(page, "login with a wrong password")
    # WCAG 3.3.1 / 2.4.3: the focus is on the error, not on <body>.
    expect(error).to_be_focused()


def test_a_form_error_takes_the_focus_and_describes_its_field(page, live_server, demo):
    page.set_viewport_size(WIDTHS["1366"])
    sign_in(page, live_server.url, ROLES["administrator"])
    page.goto(f"{live_server.url}/password/")
    page.locator("main form button[type=submit]").press("Enter")
    field = page.locator("main .is-invalid").first
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    described = field.get_attribute("aria-describedby") or ""
    errors = [page.locator(f"[id='{i}']") for i in described.split()]
    assert any(e.count() and "invalid-feedback" in (e.get_attribute("class") or "") for e in errors)
    assert_accessible(page, "password change with errors")


@pytest.mark.parametrize("role", ["administrator", "cc_chairman"])
def test_no_page_scrolls_sideways_at_320_px(page, live_server, demo, role):
    """WCAG 1.4.10 Reflow: 320 CSS px wide, nothing sticks out."""
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, live_server.url, ROLES[role])
    too_wide = []
    for name, path in PAGES:
        page.goto(live_server.url + (path(demo) if callable(path) else path))
        overflow = horizontal_overflow(page)
        if overflow:
            culprits = ", ".join(overflowing_elements(page))
            too_wide.append(f"{name} ({page.url}): {overflow} px too wide: {culprits}")
    assert not too_wide, "\n".join(too_wide)


def test_the_check_itself_fails_on_a_contrast_and_a_name_violation(page, live_server):
    """The helper is not blind: yellow text on white and an unnamed button are reported."""
    page.goto(f"{live_server.url}/login/")
    page.evaluate(
        """() => {
          const bad = document.createElement("div");
          bad.innerHTML = '<p id="pale">pale</p><button id="mute"></button>';
          bad.querySelector("#pale").style.setProperty("color", "#ffc107", "important");
          document.querySelector("main").append(bad);
        }"""
    )
    found = {v["id"]: v for v in violations(page)}
    assert "#pale" in found["color-contrast"]["nodes"][0]["target"]
    assert "#mute" in found["button-name"]["nodes"][0]["target"]
    with pytest.raises(AssertionError, match="color-contrast"):
        assert_accessible(page, "login with a planted fault")

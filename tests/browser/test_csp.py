"""No page breaks the Content-Security-Policy (issue 11, part 2), in Debian's Chromium.

The cast's roles visit the main pages (with data on them: an account with its documents, a
publication with a photo and its checklist, an appeal with a screenshot, a report with charts,
the admin for the superuser) and use the scripts that run there (the checklist's autosave, the
directions list, Bootstrap's menus). Any `securitypolicyviolation` event, or a console message
about the Content Security Policy, fails the test."""

import io
from datetime import date

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.models import Role
from content import publications
from reports import services as report_services
from tests.appeals.factories import received, register
from tests.checklist.factories import ensure_template
from tests.content.factories import publication
from tests.factories import MembershipFactory
from tests.registry.factories import compliant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs in every page before its own scripts: a violation is reported where the test reads it.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") +
    " at " + e.sourceFile + ":" + e.lineNumber);
});
"""


@pytest.fixture
def watched(page):
    """The page, and the violations seen so far (events and console messages together)."""
    seen: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            seen.append(f"console: {message.text}")
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return page, seen


def visit(page, seen, url):
    response = page.goto(url)
    assert response.status < 500, url
    page.wait_for_load_state("load")
    events = page.evaluate("window.__cspViolations || []")
    seen.extend(f"{url}: {v}" for v in events)


@pytest.fixture
def world(cast):
    """Something to show on every page."""
    account = compliant(_account(cast))
    ensure_template()
    post = publication(cast.own, cast.alice, title="Ереуіл туралы ескерту", account=account)
    photo = io.BytesIO()
    Image.new("RGB", (640, 480), "navy").save(photo, format="JPEG")
    publications.attachment_add(
        actor=cast.alice,
        publication=post,
        kind="photo",
        upload=SimpleUploadedFile("photo.jpg", photo.getvalue(), content_type="image/jpeg"),
    )
    appeal = register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)
    report = report_services.report_create(
        actor=cast.alice,
        organization=cast.own,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 6, 30),
        responsible=cast.alice,
    )
    return {"account": account, "post": post, "appeal": appeal, "report": report}


def _account(cast):
    from tests.registry.factories import OfficialAccountFactory

    return OfficialAccountFactory(organization=cast.own)


PAGES = {
    "alice": [
        "/",
        "/registry/",
        "/registry/{account}/",
        "/registry/{account}/decisions/new/",
        "/content/publications/",
        "/content/publications/new/",
        "/content/publications/{post}/",
        "/content/calendar/",
        "/content/plans/",
        "/appeals/",
        "/appeals/new/",
        "/appeals/{appeal}/",
        "/appeals/calendar/",
        "/reports/",
        "/reports/{report}/",
        "/reports/metrics/",
        "/notifications/",
    ],
    "lara": ["/", "/appeals/{appeal}/", "/checklist/waiting/", "/content/publications/{post}/"],
    "charlie": [
        "/",
        "/registry/hygiene/",
        "/registry/violations/",
        "/registry/violations/new/",
        "/reports/dashboard/",
        "/reports/rollup/",
        "/reports/{report}/",
        "/audit/",
        "/organizations/",
    ],
}


@time_machine.travel("2026-11-26 10:00 +0500", tick=True)
def test_no_page_reports_a_csp_violation(watched, live_server, cast, login, world):
    page, seen = watched
    ids = {k: v.pk for k, v in world.items()}
    visit(page, seen, f"{live_server.url}/login/")
    for username, urls in PAGES.items():
        login(username)
        for url in urls:
            visit(page, seen, live_server.url + url.format(**ids))
    assert seen == []


@time_machine.travel("2026-11-26 10:00 +0500", tick=True)
def test_the_page_scripts_still_work_under_the_policy(watched, live_server, cast, login, world):
    """The checklist saves an answer through checklist.js (its messages from data-* attributes,
    no inline script); the menu opens through Bootstrap; a thumbnail loads from its view."""
    page, seen = watched
    page.set_viewport_size({"width": 390, "height": 844})
    login("alice")
    visit(page, seen, f"{live_server.url}/content/publications/{world['post'].pk}/")
    assert page.evaluate(
        "Array.from(document.images).every(function (i) { return i.complete && i.naturalWidth; })"
    )
    page.get_by_test_id("open-checklist").click()
    page.wait_for_load_state("load")
    seen.extend(page.evaluate("window.__cspViolations"))
    page.locator("[data-item] label[for$=_yes]").first.click()
    page.locator("[data-role=autosave]").filter(has_text="Сақталды").wait_for()
    page.locator(".navbar-toggler").click()
    page.locator("#mainnav").wait_for(state="visible")
    seen.extend(page.evaluate("window.__cspViolations"))
    assert seen == []


def test_the_admin_keeps_to_the_policy(watched, live_server, cast):
    """Django's admin has no inline script or style of its own; the superuser's pages prove it."""
    page, seen = watched
    MembershipFactory(user=cast.root, organization=cast.own, role=Role.CHAIRMAN)
    from django.test import Client

    client = Client()
    client.force_login(cast.root)
    name = settings.SESSION_COOKIE_NAME
    cookie = client.cookies[name]
    page.context.add_cookies([{"name": name, "value": cookie.value, "url": live_server.url}])
    for url in (
        "/admin/",
        "/admin/accounts/user/",
        f"/admin/accounts/user/{cast.alice.pk}/change/",
    ):
        visit(page, seen, live_server.url + url)
    assert seen == []

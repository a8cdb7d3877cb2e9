"""Keyboard only (issue 16, WCAG 2.1.1, 2.4.7, 2.4.3; docs/accessibility.md), in Debian's Chromium:
the administrator fills and signs a pre-publication checklist and submits the publication, then
the chairman approves it — with Tab, Space, Enter and typing only, no click. At every stop of Tab
the focused control shows a visible focus indicator (an outline at least 2 px wide on it, or on
the label of a hidden radio) that the sticky Save bar does not cover."""

import pytest
from playwright.sync_api import expect

from checklist.models import Checklist
from tests.checklist.factories import ensure_template, items
from tests.content.factories import publication
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What has the focus, and does it show? The hidden radios of the checklist's answer buttons show
# their focus on their label (.btn-check + .btn).
FOCUS = """async () => {
  // What the user sees: after the page's own scrolling on focus (two frames).
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const el = document.activeElement;
  if (!el || el === document.body) return {ok: false, what: "body"};
  const shown = el.matches(".btn-check") ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const r = shown.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 10);
  const inView = r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
  const top = inView ? document.elementFromPoint(x, y) : null;
  const covered = !(top && (shown.contains(top) || top.contains(shown) || top === el));
  const what = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.dataset.testid ? "[" + el.dataset.testid + "]" : "") + (el.name ? "@" + el.name : "");
  const coveredBy = covered && top ? top.tagName.toLowerCase() + "." + top.className : "";
  return {ok: outline && inView && !covered, what, outline, inView, covered, coveredBy,
          y: Math.round(r.top), height: window.innerHeight,
          testid: el.dataset.testid || "", nav: el.dataset.nav || "", id: el.id,
          value: el.value || "", type: el.type || ""};
}"""


def tab_to(page, wanted, limit=400, key="Tab"):
    """Press Tab until `wanted(focus)` holds, asserting a visible focus at every stop."""
    for _ in range(limit):
        page.keyboard.press(key)
        focus = page.evaluate(FOCUS)
        assert focus["ok"], f"no visible focus at {focus} on {page.url}"
        if wanted(focus):
            return focus
    raise AssertionError(f"never reached the wanted control on {page.url}")


def test_skip_link_is_the_first_stop_and_moves_to_the_content(page, live_server, cast, login):
    login("alice")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_checklist_signed_and_publication_approved_with_the_keyboard_only(
    page, live_server, cast, login
):
    ensure_template()
    pub = publication(cast.own, cast.alice, title="Пернетақтамен тексеру")
    version = pub.current_version
    page.set_viewport_size({"width": 1366, "height": 900})
    login("alice")
    page.goto(f"{live_server.url}/checklist/versions/{version.pk}/")

    # Every item: Tab to its answers (the first, "yes"), Space to choose it; Tab to the comment.
    for item in items():
        tab_to(page, lambda f, pk=item.pk: f["id"] == f"item_{pk}_yes")
        page.keyboard.press("Space")
        expect(page.locator(f"#item_{item.pk}_yes")).to_be_checked()
    expect(page.locator("[data-role=answered]")).to_have_text(str(len(items())))
    # The decision form appears once every answer is in (F5).
    page.reload()

    # The final decision: Tab to "permitted", Space, the password typed, Enter.
    tab_to(page, lambda f: f["type"] == "radio" and f["id"].startswith("id_decision"))
    for _ in range(6):
        if page.evaluate("document.activeElement.value") == "permitted":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    tab_to(page, lambda f: f["id"] == "id_password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("checklist-decision")).to_contain_text("рұқсат етіледі")
    assert Checklist.objects.get(version=version).decision == "permitted"
    # After the post the focus is on the outcome, not lost on <body>.
    assert page.evaluate("document.activeElement !== document.body")

    # Submit for approval from the publication's page.
    page.goto(f"{live_server.url}/content/publications/{pub.pk}/")
    tab_to(page, lambda f: f["testid"] == "action-submit")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("publication-status")).to_have_text("Келісуді күтуде")
    assert page.evaluate("document.activeElement !== document.body")

    # The chairman approves, on a phone, with the keyboard.
    page.set_viewport_size({"width": 390, "height": 844})
    login("charlie")
    page.goto(f"{live_server.url}/content/publications/{pub.pk}/")
    tab_to(page, lambda f: f["testid"] == "action-approve")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("publication-status")).to_have_text("Келісілді")


def test_the_menus_open_with_space_and_show_their_focus(page, live_server, cast, login):
    page.set_viewport_size({"width": 1366, "height": 900})
    login("charlie")
    tab_to(page, lambda f: f["nav"] == "more")
    page.keyboard.press("Space")
    expect(page.locator("#mainnav [data-nav=audit]")).to_be_visible()
    page.keyboard.press("Escape")
    tab_to(page, lambda f: f["testid"] == "user-menu")
    page.keyboard.press("Space")
    expect(page.get_by_test_id("account-security")).to_be_visible()

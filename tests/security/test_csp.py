"""The site-wide Content-Security-Policy (issue 11, part 2; docs/security.md, "Files and
Content-Security-Policy"). The browser test (tests/browser/test_csp.py) proves that no page
breaks it; these prove the header is there, strict, and that no template brings inline code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Rendered to PDF by WeasyPrint or sent as e-mail, never served to a browser as a page.
NOT_PAGES = {"emails", "reports/_pdf_base.html", "reports/checklist.html", "reports/registry.html"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", ["accounts:login", "accounts:home", "registry:list"])
def test_every_page_carries_the_strict_policy(client, cast, url):
    client.force_login(cast.charlie)
    csp = policy(client.get(reverse(url)))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]


def test_no_directive_allows_inline_code_or_eval(client):
    header = client.get(reverse("accounts:login"))["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    assert "*" not in header and "http:" not in header


def test_error_pages_carry_it_too(client, cast):
    client.force_login(cast.charlie)
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "frame-ancestors 'none'" in response.headers.get(
        "Content-Security-Policy", ""
    )


def page_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        relative = path.relative_to(TEMPLATES).as_posix()
        if relative in NOT_PAGES or relative.split("/")[0] in NOT_PAGES:
            continue
        yield relative


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"javascript:", re.I)


@pytest.mark.parametrize("template", list(page_templates()))
def test_no_page_template_has_inline_script_or_style(template):
    text = (TEMPLATES / template).read_text()
    for pattern in (INLINE_SCRIPT, STYLE_ATTRIBUTE, STYLE_ELEMENT, EVENT_HANDLER, JAVASCRIPT_URL):
        assert not pattern.search(text), f"{template}: {pattern.pattern}"


def test_the_checklist_messages_come_from_data_attributes_not_a_script(client, cast):
    """The one inline script the issue names (checklist_detail.html) is gone."""
    text = (TEMPLATES / "checklist/checklist_detail.html").read_text()
    assert "CHECKLIST_MESSAGES" not in text and "data-msg-saving" in text
    script = (Path(settings.BASE_DIR) / "static/js/checklist.js").read_text()
    assert "form.dataset.msgSaving" in script

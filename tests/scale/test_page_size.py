"""Issue 14: no page's HTML grows with the number of organizations or accounts.

The same pages are rendered for the chairman above the whole tree (paula) with 5 and with 200
more organizations, each with an official account. Before the pickers, every page here carried a
`<select>` with an option per organization or account (tens of bytes each): 195 more options
were kilobytes. Now the difference stays under a small constant (ids with more digits)."""

import re

import pytest
from django.urls import reverse

from tests.appeals.factories import official_account, register
from tests.content.factories import publication
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

SLACK = 400  # bytes: a longer id here and there, never a list


def grow(cast, n):
    for i in range(n):
        org = OrganizationFactory(
            parent=cast.parent, name_kk=f"Бастауыш ұйым {i}", name_ru=f"ППО {i}"
        )
        official_account(org, name=f"Бастауыш ұйым {i} арнасы")


@pytest.fixture
def pages(cast):
    publication(cast.parent, cast.paula, title="Облыс жаңалығы")
    appeal = register(cast.paula, cast.parent)
    return {
        "publication list": reverse("content:publications"),
        "calendar": reverse("content:calendar"),
        # The register filtered to one organization: its own rows do not change with the tree.
        "register": reverse("registry:list") + f"?organization={cast.own.pk}",
        "appeals list": reverse("appeals:list"),
        "appeal detail": reverse("appeals:detail", args=[appeal.pk]),
    }


def sizes(client, user, pages):
    client.force_login(user)
    out = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = response.content.decode()
        # The CSRF token and nonce-like values differ on every render; they are not the page.
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
        out[name] = (len(html.encode()), html)
    return out


def test_no_page_grows_with_the_number_of_organizations(client, cast, pages):
    grow(cast, 5)
    small = sizes(client, cast.paula, pages)
    grow(cast, 195)
    large = sizes(client, cast.paula, pages)
    for name in pages:
        (a, _), (b, html) = small[name], large[name]
        assert abs(b - a) < SLACK, f"{name}: {a} bytes with 5 organizations, {b} with 200"
        assert "Бастауыш ұйым 150" not in html, name  # no option of the 200 is on the page


def test_the_pages_carry_pickers(client, cast, pages):
    got = sizes(client, cast.paula, pages)
    for name in ("publication list", "calendar", "register", "appeals list", "appeal detail"):
        assert "data-picker" in got[name][1], name
    # The register filtered by an organization shows its name in the picker (the label).
    assert cast.own.name_kk in got["register"][1]

"""Issue 14 point 1 (the rest): no form page holds a list that grows with the union. Each page
that chooses an organization, an official account or a person is rendered before and after 60
more organizations, people and accounts join the user's subtree: the number of <option>s and
checkboxes stays the same (the choice is a search field, accounts/picking.py)."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role
from reports import services as report_services
from tests.appeals.factories import official_account, received, register
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.reports.factories import H1

pytestmark = pytest.mark.django_db

N = 60


def grow(cast):
    """60 organizations below "own", each with a person and an official account, and 60 more
    people in "own" itself."""
    for i in range(N):
        organization = OrganizationFactory(
            parent=cast.own, name_kk=f"Көп ұйым {i}", name_ru=f"Много {i}"
        )
        MembershipFactory(
            user=UserFactory(username=f"many_below_{i}", last_name=f"Төменгі{i}"),
            organization=organization,
            role=Role.ADMINISTRATOR,
        )
        MembershipFactory(
            user=UserFactory(username=f"many_own_{i}", last_name=f"Өзіміздің{i}"),
            organization=cast.own,
            role=Role.LAWYER,
        )
        official_account(organization, name=f"Көп арна {i}")


def counts(html: str) -> tuple[int, int]:
    return len(re.findall(r"<option\b", html)), len(re.findall(r'type="checkbox"', html))


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def pages(cast):
    """(name, user, url) of every page with such a field."""
    appeal = register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)
    report = report_services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )
    account = official_account(cast.own)
    MembershipFactory(user=cast.root, organization=cast.own, role=Role.CHAIRMAN)
    return [
        # The appeal page holds the forms of its steps (assign, forward …).
        ("appeal (chairman)", cast.charlie, reverse("appeals:detail", args=[appeal.pk])),
        ("appeal (assignee)", cast.lara, reverse("appeals:detail", args=[appeal.pk])),
        ("report edit", cast.alice, reverse("reports:edit", args=[report.pk])),
        ("crisis (chairman)", cast.charlie, reverse("content:crisis_declare")),
        ("crisis (superuser)", cast.root, reverse("content:crisis_declare")),
        ("appointment", cast.charlie, reverse("registry:appointment_add", args=[account.pk])),
        ("moderation", cast.alice, reverse("content:moderation")),
    ]


def test_no_form_page_lists_the_union(client, cast):
    targets = pages(cast)
    before = {name: counts(page(client, user, url)) for name, user, url in targets}
    grow(cast)
    for name, user, url in targets:
        html = page(client, user, url)
        assert counts(html) == before[name], f"{name}: a list grew with the union"
        assert "Көп арна 59" not in html and "Төменгі59" not in html, name


def test_the_forward_field_offers_the_parent_chain_and_a_search(client, cast):
    MembershipFactory(user=cast.lara, organization=cast.child, role=Role.LAWYER)
    appeal = register(cast.alice, cast.child, received(2026, 11, 20), assignee=cast.lara)
    html = page(client, cast.lara, reverse("appeals:detail", args=[appeal.pk]))
    forward = html[html.index("purpose=appeals.forward") - 400 :]
    quick = re.search(r'data-quick="([^"]*)"', forward).group(1)
    assert f"&quot;id&quot;: {cast.own.pk}," in quick
    assert f"&quot;id&quot;: {cast.parent.pk}," in quick
    assert quick.index(f": {cast.own.pk},") < quick.index(f": {cast.parent.pk},")  # nearest first
    assert "purpose=appeals.forward" in html


def test_the_assign_field_offers_the_organizations_people_first_and_refuses_others(client, cast):
    appeal = register(cast.alice, cast.own, received(2026, 11, 20))
    html = page(client, cast.charlie, reverse("appeals:detail", args=[appeal.pk]))
    assign = html[html.index("purpose=appeals.appeal.assign") - 400 :]
    quick = re.search(r'data-quick="([^"]*)"', assign).group(1)
    assert f"&quot;id&quot;: {cast.lara.pk}," in quick  # the organization's people first
    assert f"&quot;id&quot;: {cast.sam.pk}," not in quick
    url = reverse("appeals:step", args=[appeal.pk, "assign"])
    response = client.post(url, {"assignee": cast.sam.pk})  # the sibling's administrator
    appeal.refresh_from_db()
    assert appeal.assignee is None
    assert response.status_code == 200
    form = next(step["form"] for step in response.context["steps"] if step["slug"] == "assign")
    assert form.errors["assignee"] == [
        str(_("The assignee must hold a role in the responsible organization."))
    ]


def test_the_crisis_working_group_is_chosen_by_search_and_still_posts_several(client, cast):
    MembershipFactory(user=cast.charlie, organization=cast.sibling, role=Role.CHAIRMAN)
    client.force_login(cast.charlie)
    url = reverse("content:crisis_declare") + f"?organization={cast.own.pk}"
    html = client.get(url).content.decode()
    assert "data-multipicker" in html and 'data-testid="choose-organization"' in html
    assert "purpose=content.crisis.manage" in html  # which organization declares
    response = client.post(
        url,
        {
            "title": "Дау",
            "agreed_position": "Ұстаным",
            "working_group": [cast.alice.pk, cast.lara.pk],
        },
    )
    assert response.status_code == 302
    from content.services import active_crisis_for

    crisis = active_crisis_for(cast.own)
    assert set(crisis.working_group.values_list("pk", flat=True)) == {cast.alice.pk, cast.lara.pk}
    # Someone outside the organization's subtree is refused, nothing saved.
    url = reverse("content:crisis_declare") + f"?organization={cast.sibling.pk}"
    response = client.post(
        url, {"title": "Дау", "agreed_position": "Ұстаным", "working_group": [cast.alice.pk]}
    )
    assert response.status_code == 200
    assert active_crisis_for(cast.sibling) is None

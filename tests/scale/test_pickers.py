"""Issue 14 point 1: pickers instead of select lists that grow with the union.

Each endpoint answers only what this user may choose for this purpose (the permission module),
at most 20 results, in a constant number of queries; the form validates the posted id against
the same scoped queryset, so a forged id from another branch is a form error, never a save."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import picking
from appeals.forms import ForwardForm, RegisterForm
from appeals.models import Appeal
from content.forms import PublicationFilterForm
from registry.forms import AccountCreateForm
from tests.appeals.factories import official_account
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def ask(client, user, name, purpose, q=""):
    client.force_login(user)
    return client.get(reverse(name), {"purpose": purpose, "q": q})


def ids(response):
    assert response.status_code == 200, response.status_code
    return {row["id"] for row in response.json()["results"]}


def test_organizations_are_scoped_to_the_users_subtree(client, cast):
    got = ids(ask(client, cast.charlie, "accounts:pick_organization", "content.view"))
    assert got == {cast.own.pk, cast.child.pk}
    got = ids(ask(client, cast.sibling_chairman, "accounts:pick_organization", "content.view"))
    assert got == {cast.sibling.pk}
    got = ids(ask(client, cast.paula, "accounts:pick_organization", "content.view"))
    assert got == {cast.parent.pk, cast.own.pk, cast.sibling.pk, cast.child.pk}


def test_an_own_reach_action_offers_only_the_users_own_organization(client, cast):
    # content.publication.edit reaches the administrator's own organization only.
    got = ids(ask(client, cast.alice, "accounts:pick_organization", "content.publication.edit"))
    assert got == {cast.own.pk}


def test_a_purpose_the_user_holds_nowhere_is_403_and_an_unknown_one_404(client, cast):
    org = "accounts:pick_organization"
    # The audit trail is the chairman's; an administrator may not pick for it.
    assert ask(client, cast.alice, org, "accounts.audit.view").status_code == 403
    assert ask(client, cast.alice, org, "no.such.action").status_code == 404
    assert (
        ask(client, cast.alice, "accounts:pick_user", "accounts.membership.manage").status_code
        == 403
    )
    client.logout()
    response = client.get(reverse(org), {"purpose": "content.view"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_search_is_case_insensitive_in_kazakh_and_russian_and_by_bin(client, cast):
    cast.child.bin = "123456789012"
    cast.child.save()

    def found(q):
        return ids(ask(client, cast.charlie, "accounts:pick_organization", "content.view", q))

    assert found("ӨЗ ҰЙЫМ") == {cast.own.pk}
    assert found("своя") == {cast.own.pk}
    assert found("123456") == {cast.child.pk}
    # The sibling's name is never found by someone outside its branch.
    assert found("Көрші") == set()


def test_at_most_twenty_results(client, cast):
    for i in range(25):
        OrganizationFactory(parent=cast.own, name_kk=f"Мектеп {i}", name_ru=f"Школа {i}")
    data = ask(client, cast.charlie, "accounts:pick_organization", "content.view", "мектеп").json()
    assert len(data["results"]) == picking.LIMIT == 20
    assert data["more"] is True


def test_accounts_are_scoped(client, cast):
    own = official_account(cast.own, name="Өз арнасы")
    sibling = official_account(cast.sibling, name="Көрші арнасы")
    got = ids(ask(client, cast.charlie, "registry:pick_account", "content.view"))
    assert own.pk in got and sibling.pk not in got
    got = ids(ask(client, cast.charlie, "registry:pick_account", "content.view", "арнасы"))
    assert got == {own.pk}
    got = ids(ask(client, cast.sam, "registry:pick_account", "content.view"))
    assert got == {sibling.pk}


def test_users_are_scoped(client, cast):
    got = ids(ask(client, cast.charlie, "accounts:pick_user", "appeals.appeal.register"))
    assert {cast.alice.pk, cast.charlie.pk} <= got
    assert not got & {cast.sam.pk, cast.sibling_chairman.pk, cast.paula.pk}
    # The cast's names are random ("Samuel" matches "sam" too): name sam by both of his words.
    words = f"{cast.sam.username} {cast.sam.last_name}"
    got = ids(ask(client, cast.root, "accounts:pick_user", "accounts.membership.manage", words))
    assert got == {cast.sam.pk}


def count_queries(client, user, name, purpose, q=""):
    client.force_login(user)
    client.get(reverse(name), {"purpose": purpose, "q": q})  # warm the session
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(name), {"purpose": purpose, "q": q})
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "name,purpose",
    [
        ("accounts:pick_organization", "content.view"),
        ("registry:pick_account", "content.view"),
        ("accounts:pick_user", "appeals.appeal.register"),
    ],
)
def test_constant_queries_with_5_and_60_organizations(client, cast, name, purpose):
    def grow(n):
        for i in range(n):
            org = OrganizationFactory(parent=cast.own, name_kk=f"Ұйым {i}", name_ru=f"Орг {i}")
            official_account(org, name=f"Арна {i}")
            MembershipFactory(user=UserFactory(), organization=org, role="administrator")

    grow(5)
    small = count_queries(client, cast.charlie, name, purpose)
    grow(55)
    large = count_queries(client, cast.charlie, name, purpose)
    assert small == large <= 10  # session, user, middleware, grants, the search


def registration(cast, organization, **extra):
    return {
        "organization": organization.pk,
        "received_at": "2026-11-02T10:00",
        "channel": "telegram_channel",
        "channel_account": "@page",
        "author_name": "Әсел",
        "text": "Мәтін",
        "kind": "complaint",
        "topic": "pay",
        "processing_basis": "consent",
        "privacy_notice": "reply",
        **extra,
    }


def test_a_forged_organization_id_is_a_form_error(cast):
    form = RegisterForm(data=registration(cast, cast.sibling), user=cast.charlie)
    assert not form.is_valid()
    assert "organization" in form.errors
    form = RegisterForm(data=registration(cast, cast.own), user=cast.charlie)
    form.is_valid()
    assert "organization" not in form.errors


def test_a_forged_account_and_assignee_are_form_errors(cast):
    sibling_account = official_account(cast.sibling, name="Көрші")
    data = registration(cast, cast.own, official_account=sibling_account.pk, assignee=cast.sam.pk)
    form = RegisterForm(data=data, user=cast.charlie)
    assert not form.is_valid()
    assert "official_account" in form.errors and "assignee" in form.errors


def test_a_forged_id_posted_to_the_register_page_saves_nothing(client, cast):
    client.force_login(cast.charlie)
    before = Appeal.objects.count()
    response = client.post(reverse("appeals:create"), registration(cast, cast.sibling))
    assert response.status_code == 200
    assert Appeal.objects.count() == before


def test_filter_and_create_forms_refuse_another_branch(cast):
    from accounts import permissions

    form = PublicationFilterForm(
        {"organization": cast.sibling.pk},
        organizations=permissions.visible_organizations(cast.charlie, action="content.view"),
    )
    assert not form.is_valid() and "organization" in form.errors
    form = AccountCreateForm(
        {"organization": cast.sibling.pk},
        organizations=permissions.visible_organizations(
            cast.charlie, action="registry.account.change"
        ),
    )
    form.is_valid()
    assert "organization" in form.errors


def test_the_widget_renders_the_value_by_its_label_not_a_list(cast, django_assert_num_queries):
    from accounts import permissions

    for i in range(30):
        OrganizationFactory(parent=cast.own, name_kk=f"Ұйым {i}", name_ru=f"Орг {i}")
    form = PublicationFilterForm(
        {"organization": cast.child.pk},
        organizations=permissions.visible_organizations(cast.charlie, action="content.view"),
    )
    widget = form.fields["organization"].widget
    with django_assert_num_queries(1):  # the label of the value; never the list
        widget.render("organization", cast.child.pk, {"id": "id_organization"})
    with django_assert_num_queries(2):  # the form's validation of the id, then the label
        html = str(form["organization"])
    assert "<option" not in html and "<select" not in html
    assert 'role="combobox"' in html and 'aria-controls="id_organization_listbox"' in html
    assert f'name="organization" id="id_organization_value" value="{cast.child.pk}"' in html
    assert cast.child.name_kk in html
    assert "js/picker.js" in html
    # A value out of scope is not shown (nor its name disclosed).
    form = PublicationFilterForm(
        {"organization": cast.sibling.pk},
        organizations=permissions.visible_organizations(cast.charlie, action="content.view"),
    )
    html = str(form["organization"])
    assert cast.sibling.name_kk not in html and 'value=""' in html


def test_forward_offers_the_parent_chain_and_searches_the_tree(client, cast):
    import json
    from html import unescape

    appeal = type("A", (), {"organization": cast.child})()
    html = str(ForwardForm(appeal=appeal)["to_organization"])
    start = html.index('data-quick="') + len('data-quick="')
    quick = json.loads(unescape(html[start : html.index('"', start)]))
    assert [row["id"] for row in quick] == [cast.own.pk, cast.parent.pk]
    # "Forward to" may name any active structure of the union (the form's own queryset).
    got = ids(ask(client, cast.charlie, "accounts:pick_organization", picking.FORWARD, "Көрші"))
    assert got == {cast.sibling.pk}

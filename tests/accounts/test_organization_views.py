import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import AuditEntry, Organization, Role
from tests.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

# (user, organization, status of the detail page, status of the edit page)
STATUS = [
    ("alice", "own", 200, 403),
    ("alice", "child", 200, 403),
    ("alice", "sibling", 404, 404),
    ("alice", "parent", 404, 404),
    ("lara", "own", 200, 403),
    ("lara", "sibling", 404, 404),
    ("charlie", "own", 200, 200),
    ("charlie", "child", 200, 200),
    ("charlie", "sibling", 404, 404),
    ("charlie", "parent", 404, 404),
    ("paula", "sibling", 200, 200),
    ("paula", "parent", 200, 200),
    ("root", "sibling", 200, 200),
]


@pytest.mark.parametrize(("who", "where", "detail", "edit"), STATUS)
def test_organization_pages_answer_by_role_and_place(client, cast, who, where, detail, edit):
    client.force_login(getattr(cast, who))
    pk = getattr(cast, where).pk
    assert client.get(reverse("accounts:organization_detail", args=[pk])).status_code == detail
    assert client.get(reverse("accounts:organization_edit", args=[pk])).status_code == edit


def test_an_unknown_organization_id_is_404(client, cast):
    client.force_login(cast.root)
    assert client.get(reverse("accounts:organization_detail", args=[999999])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, cast):
    response = client.get(reverse("accounts:organization_detail", args=[cast.own.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_list_shows_only_the_subtree(client, cast):
    client.force_login(cast.charlie)
    response = client.get(reverse("accounts:organizations"))
    shown = {o.pk for o in response.context["page"]}
    assert shown == {cast.own.pk, cast.child.pk}


def test_a_user_without_roles_may_not_list_organizations(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("accounts:organizations")).status_code == 403


def test_a_chairman_edits_the_organization_and_the_change_is_audited(client, cast):
    client.force_login(cast.charlie)
    url = reverse("accounts:organization_edit", args=[cast.own.pk])
    data = {"name_kk": "Жаңа атау", "name_ru": "Новое название", "kind": "primary", "bin": ""}
    response = client.post(url, {**data, "is_active": "on"})
    assert response.status_code == 302
    cast.own.refresh_from_db()
    assert cast.own.name_kk == "Жаңа атау"
    entry = AuditEntry.objects.get(action="accounts.organization.update")
    assert entry.actor == cast.charlie
    assert entry.organization == cast.own
    assert entry.changes["name_kk"] == ["Өз ұйымы", "Жаңа атау"]


def test_bad_input_changes_nothing_and_says_why_in_kazakh(client, cast):
    client.force_login(cast.charlie)
    url = reverse("accounts:organization_edit", args=[cast.own.pk])
    response = client.post(url, {"name_kk": "", "name_ru": "X", "kind": "primary", "bin": "12ab"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "name_kk" in errors and "bin" in errors
    assert "12 цифрдан" in str(errors["bin"])
    cast.own.refresh_from_db()
    assert cast.own.name_kk == "Өз ұйымы"
    assert not AuditEntry.objects.exists()


def test_a_duplicate_bin_is_refused_with_a_message(client, cast):
    Organization.objects.filter(pk=cast.sibling.pk).update(bin="123456789012")
    client.force_login(cast.root)
    url = reverse("accounts:organization_edit", args=[cast.own.pk])
    data = {"name_kk": "A", "name_ru": "A", "kind": "primary", "bin": "123456789012"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    cast.own.refresh_from_db()
    assert cast.own.bin == ""


def test_a_forged_post_for_a_sibling_organization_is_404_and_changes_nothing(client, cast):
    client.force_login(cast.charlie)
    url = reverse("accounts:organization_edit", args=[cast.sibling.pk])
    response = client.post(url, {"name_kk": "X", "name_ru": "X", "kind": "primary"})
    assert response.status_code == 404
    cast.sibling.refresh_from_db()
    assert cast.sibling.name_kk == "Көрші ұйым"


def _list_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_organization_list_uses_the_same_number_of_queries_at_any_size(client, cast):
    client.force_login(cast.paula)
    url = reverse("accounts:organizations")
    small = _list_queries(client, url)
    for _ in range(60):
        organization = OrganizationFactory(parent=cast.child)
        MembershipFactory(organization=organization, role=Role.ADMINISTRATOR)
    assert _list_queries(client, url) == small


def test_the_organization_detail_uses_the_same_number_of_queries_at_any_size(client, cast):
    client.force_login(cast.root)
    url = reverse("accounts:organization_detail", args=[cast.own.pk])
    small = _list_queries(client, url)
    for _ in range(20):
        MembershipFactory(organization=cast.own, role=Role.LAWYER)
        OrganizationFactory(parent=cast.own)
    assert _list_queries(client, url) == small

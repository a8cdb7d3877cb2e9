import pytest
from django.urls import reverse

from accounts.models import AuditEntry, Membership, Organization, Role, User

pytestmark = pytest.mark.django_db


def test_superusers_create_an_organization_under_a_parent(client, cast):
    client.force_login(cast.root)
    data = {
        "parent": cast.own.pk,
        "name_kk": "Мектеп",
        "name_ru": "Школа",
        "kind": "primary",
        "bin": "",
        "is_active": "on",
    }
    response = client.post(reverse("accounts:organization_create"), data)
    assert response.status_code == 302
    school = Organization.objects.get(name_kk="Мектеп")
    assert school.path.startswith(cast.own.path) and school.depth == cast.own.depth + 1


def test_superusers_grant_and_withdraw_roles(client, cast):
    client.force_login(cast.root)
    bob = User.objects.create_user("bob", "bob@example.kz", "x")
    url = reverse("accounts:membership_add", args=[cast.child.pk])
    assert (
        client.post(url, {"user": bob.pk, "role": Role.LAWYER, "position": "Заңгер"}).status_code
        == 302
    )
    membership = Membership.objects.get(user=bob)
    assert (
        client.post(reverse("accounts:membership_remove", args=[membership.pk])).status_code == 302
    )
    assert not Membership.objects.filter(user=bob).exists()
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["accounts.membership.create", "accounts.membership.delete"]


@pytest.mark.parametrize("who", ["alice", "charlie", "paula"])
def test_other_roles_may_not_use_the_staff_pages(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("accounts:organization_create")).status_code == 403
    assert client.get(reverse("accounts:users")).status_code == 403
    assert client.get(reverse("accounts:user_create")).status_code == 403
    membership = Membership.objects.get(user=cast.alice)
    response = client.post(reverse("accounts:membership_remove", args=[membership.pk]))
    assert response.status_code in (403, 404)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_new_user_needs_a_valid_password_and_nothing_is_saved_otherwise(client, cast):
    client.force_login(cast.root)
    data = {
        "username": "newbie",
        "last_name": "Жаңа",
        "first_name": "Адам",
        "email": "n@example.kz",
        "language": "kk",
        "password1": "short",
        "password2": "short",
    }
    response = client.post(reverse("accounts:user_create"), data)
    assert response.status_code == 200
    assert not User.objects.filter(username="newbie").exists()
    data.update(password1="Long-enough-2026", password2="Long-enough-2026")
    assert client.post(reverse("accounts:user_create"), data).status_code == 302
    assert User.objects.get(username="newbie").check_password("Long-enough-2026")
    assert AuditEntry.objects.filter(action="accounts.user.create").count() == 1


def test_the_user_list_uses_the_same_number_of_queries_at_any_size(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.root)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("accounts:users"))
    for i in range(30):
        User.objects.create_user(f"u{i}")
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("accounts:users"))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_user_list_pages_keep_the_search(client, cast):
    for i in range(60):
        User.objects.create_user(f"teacher{i}")
    client.force_login(cast.root)
    html = client.get(reverse("accounts:users"), {"q": "teacher"}).content.decode()
    assert "?q=teacher&amp;page=2" in html

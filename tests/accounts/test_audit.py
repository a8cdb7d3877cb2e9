import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import audit, services
from accounts.models import AuditEntry, Membership, Organization, Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_unregistered_action_name_is_refused(cast):
    with pytest.raises(ImproperlyConfigured):
        audit.record("accounts.organisation.update", actor=cast.root, obj=cast.own)


def test_services_record_who_what_and_the_changes(cast):
    organization = services.organization_create(
        actor=cast.root, parent=cast.own, name_kk="Жаңа", name_ru="Новая", kind="primary"
    )
    services.membership_grant(
        actor=cast.root, user=cast.alice, organization=organization, role=Role.CHAIRMAN
    )
    services.organization_move(actor=cast.root, organization=organization, parent=cast.sibling)
    entries = list(AuditEntry.objects.order_by("id").values_list("action", "actor__username"))
    assert entries == [
        ("accounts.organization.create", "root"),
        ("accounts.membership.create", "root"),
        ("accounts.organization.move", "root"),
    ]
    organization.refresh_from_db()
    assert organization.path.startswith(Organization.objects.get(pk=cast.sibling.pk).path)
    created = AuditEntry.objects.get(action="accounts.organization.create")
    assert created.changes["name_kk"] == [None, "Жаңа"]


def test_only_superusers_manage_the_tree_and_roles(cast):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.organization_create(
            actor=cast.paula, parent=cast.own, name_kk="A", name_ru="A", kind="primary"
        )
    with pytest.raises(PermissionDenied):
        services.membership_grant(
            actor=cast.paula, user=cast.alice, organization=cast.own, role="chairman"
        )
    assert not AuditEntry.objects.exists()


def test_a_role_cannot_be_granted_twice(cast):
    with pytest.raises(ValidationError):
        services.membership_grant(
            actor=cast.root, user=cast.alice, organization=cast.own, role=Role.ADMINISTRATOR
        )
    assert Membership.objects.filter(user=cast.alice).count() == 1


def test_an_organization_cannot_move_into_its_own_subtree(cast):
    with pytest.raises(ValidationError):
        services.organization_move(actor=cast.root, organization=cast.own, parent=cast.child)
    assert not AuditEntry.objects.exists()


def test_a_second_central_committee_is_refused(cast):
    services.organization_create(
        actor=cast.root, parent=None, name_kk="ОК", name_ru="ЦК", kind="central_committee"
    )
    with pytest.raises(ValidationError):
        services.organization_create(
            actor=cast.root, parent=None, name_kk="ОК2", name_ru="ЦК2", kind="central_committee"
        )
    assert Organization.objects.filter(kind="central_committee").count() == 1


def test_chairmen_read_the_trail_of_their_subtree_only(client, cast):
    services.organization_update(actor=cast.root, organization=cast.child, name_kk="Бала")
    services.organization_update(actor=cast.root, organization=cast.sibling, name_kk="Көрші")
    client.force_login(cast.charlie)
    response = client.get(reverse("accounts:audit"))
    assert response.status_code == 200
    assert [e.organization_id for e in response.context["page"]] == [cast.child.pk]
    client.force_login(cast.paula)
    assert len(client.get(reverse("accounts:audit")).context["page"]) == 2


def test_administrators_and_lawyers_may_not_read_the_trail(client, cast):
    for user in (cast.alice, cast.lara):
        client.force_login(user)
        assert client.get(reverse("accounts:audit")).status_code == 403


def test_filtering_the_trail_by_a_foreign_organization_is_404(client, cast):
    client.force_login(cast.charlie)
    url = reverse("accounts:audit")
    assert client.get(url, {"organization": cast.sibling.pk}).status_code == 404
    assert client.get(url, {"organization": "not-a-number"}).status_code == 404
    assert client.get(url, {"organization": cast.child.pk}).status_code == 200


def test_the_trail_uses_the_same_number_of_queries_at_any_size(client, cast):
    client.force_login(cast.paula)
    services.organization_update(actor=cast.root, organization=cast.child, name_kk="0")
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("accounts:audit"))
    for i in range(30):
        actor = UserFactory(is_superuser=True)
        services.organization_update(actor=actor, organization=cast.child, name_kk=str(i + 1))
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("accounts:audit"))
    assert len(large.captured_queries) == len(small.captured_queries)

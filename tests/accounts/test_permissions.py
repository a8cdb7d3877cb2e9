"""The permission module as a matrix: roles × own / child / sibling / parent organization."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts import permissions
from accounts.models import Organization, Role
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

# (user in the cast, target organization, may view, may change, may read the audit trail)
MATRIX = [
    ("alice", "own", True, False, False),
    ("alice", "child", True, False, False),
    ("alice", "sibling", False, False, False),
    ("alice", "parent", False, False, False),
    ("lara", "own", True, False, False),
    ("lara", "child", True, False, False),
    ("lara", "sibling", False, False, False),
    ("lara", "parent", False, False, False),
    ("charlie", "own", True, True, True),
    ("charlie", "child", True, True, True),
    ("charlie", "sibling", False, False, False),
    ("charlie", "parent", False, False, False),
    ("paula", "own", True, True, True),
    ("paula", "child", True, True, True),
    ("paula", "sibling", True, True, True),
    ("paula", "parent", True, True, True),
    ("root", "sibling", True, True, True),
]


@pytest.mark.parametrize(("who", "where", "view", "change", "audit"), MATRIX)
def test_the_matrix_of_roles_and_organizations(cast, who, where, view, change, audit):
    user, organization = getattr(cast, who), getattr(cast, where)
    assert permissions.can(user, "accounts.organization.view", organization) is view
    assert permissions.can(user, "accounts.organization.change", organization) is change
    assert permissions.can(user, "accounts.audit.view", organization) is audit
    visible = permissions.visible_organizations(user).filter(pk=organization.pk).exists()
    assert visible is view


def test_visible_organizations_are_the_subtree_of_every_role(cast):
    names = lambda user: set(permissions.visible_organizations(user).values_list("pk", flat=True))  # noqa: E731
    assert names(cast.alice) == {cast.own.pk, cast.child.pk}
    assert names(cast.paula) == {cast.parent.pk, cast.own.pk, cast.sibling.pk, cast.child.pk}
    assert names(cast.root) == set(Organization.objects.values_list("pk", flat=True))


def test_a_person_with_roles_in_two_places_sees_both_subtrees(cast):
    MembershipFactory(user=cast.alice, organization=cast.sibling, role=Role.LAWYER)
    permissions.forget_grants(cast.alice)
    pks = set(permissions.visible_organizations(cast.alice).values_list("pk", flat=True))
    assert pks == {cast.own.pk, cast.child.pk, cast.sibling.pk}
    # …but the chairman's actions only where the person is chairman.
    assert not permissions.can(cast.alice, "accounts.organization.change", cast.sibling)


def test_visibility_follows_an_action_s_roles(cast):
    MembershipFactory(user=cast.alice, organization=cast.sibling, role=Role.CHAIRMAN)
    permissions.forget_grants(cast.alice)
    audited = permissions.visible_organizations(cast.alice, action="accounts.audit.view")
    assert set(audited.values_list("pk", flat=True)) == {cast.sibling.pk}


def test_an_organization_whose_path_merely_starts_alike_is_not_a_descendant(db):
    # Paths are fixed-width steps, so "0001" never prefixes "00010001"'s sibling "0002…".
    first = OrganizationFactory()
    second = OrganizationFactory()
    user = UserFactory()
    MembershipFactory(user=user, organization=first, role=Role.CHAIRMAN)
    assert not permissions.can(user, "accounts.organization.view", second)


def test_inactive_organizations_grant_nothing(cast):
    Organization.objects.filter(pk=cast.own.pk).update(is_active=False)
    assert not permissions.can(cast.alice, "accounts.organization.view", cast.child)


def test_anonymous_and_inactive_users_may_do_nothing(cast):
    from django.contrib.auth.models import AnonymousUser

    assert not permissions.can(AnonymousUser(), "accounts.organization.view", cast.own)
    assert not permissions.visible_organizations(AnonymousUser()).exists()
    cast.charlie.is_active = False
    assert not permissions.can(cast.charlie, "accounts.organization.view", cast.own)


def test_superuser_only_actions_have_no_roles(cast):
    assert not permissions.can(cast.paula, "accounts.organization.manage", cast.own)
    assert not permissions.can(cast.paula, "accounts.membership.manage", cast.own)
    assert permissions.can(cast.root, "accounts.membership.manage", cast.own)


def test_an_unknown_action_is_a_programming_error(cast):
    with pytest.raises(ImproperlyConfigured):
        permissions.can(cast.alice, "accounts.organization.veiw", cast.own)


def test_own_reach_needs_the_role_on_the_object_s_own_organization(cast):
    permissions.register("tests.own_only", [Role.CHAIRMAN], permissions.Reach.OWN)
    assert permissions.can(cast.charlie, "tests.own_only", cast.own)
    assert not permissions.can(cast.charlie, "tests.own_only", cast.child)
    assert not permissions.can(cast.paula, "tests.own_only", cast.own)
    own_only = permissions.visible_organizations(cast.charlie, action="tests.own_only")
    assert list(own_only.values_list("pk", flat=True)) == [cast.own.pk]


def test_roles_are_read_once_per_user_object(cast, django_assert_num_queries):
    user = type(cast.alice).objects.get(pk=cast.alice.pk)
    with django_assert_num_queries(1):
        for organization in (cast.own, cast.child, cast.sibling, cast.parent):
            permissions.can(user, "accounts.organization.view", organization)

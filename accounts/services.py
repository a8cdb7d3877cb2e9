"""Writes to users, organizations and memberships. Each function checks permission itself, so
code that calls it directly is as safe as a view, and records its audit entry in the same
transaction."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import audit, permissions
from .models import Membership, Organization, User

ORGANIZATION_FIELDS = ["name_kk", "name_ru", "kind", "bin", "is_active"]


@transaction.atomic
def organization_create(*, actor: User, parent: Organization | None, **fields: Any) -> Organization:
    permissions.require(actor, "accounts.organization.manage")
    organization = Organization(**fields)
    organization.full_clean(exclude=["path", "depth", "numchild"])
    if parent is not None:
        parent = Organization.objects.get(pk=parent.pk)  # fresh numchild
        organization = Organization.objects.add_child(parent, instance=organization)
    else:
        organization = Organization.objects.add_root(instance=organization)
    audit.record(
        "accounts.organization.create",
        actor=actor,
        obj=organization,
        changes={
            k: [None, v] for k, v in audit.snapshot(organization, ORGANIZATION_FIELDS).items()
        },
    )
    return organization


@transaction.atomic
def organization_update(*, actor: User, organization: Organization, **fields: Any) -> Organization:
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    permissions.require(actor, "accounts.organization.change", organization)
    before = audit.snapshot(organization, ORGANIZATION_FIELDS)
    for name, value in fields.items():
        if name not in ORGANIZATION_FIELDS:
            raise ValueError(f"{name} is not an editable organization field")
        setattr(organization, name, value)
    organization.full_clean(exclude=["path", "depth", "numchild"])
    diff = audit.changes(before, audit.snapshot(organization, ORGANIZATION_FIELDS))
    if diff:
        organization.save(update_fields=list(diff))
        audit.record("accounts.organization.update", actor=actor, obj=organization, changes=diff)
    return organization


@transaction.atomic
def organization_move(*, actor: User, organization: Organization, parent: Organization) -> None:
    permissions.require(actor, "accounts.organization.manage")
    organization = Organization.objects.get(pk=organization.pk)
    parent = Organization.objects.get(pk=parent.pk)
    if parent.path.startswith(organization.path):
        raise ValidationError(_("An organization cannot be moved inside its own subtree."))
    old_parent = Organization.objects.get_parent(organization)
    Organization.objects.move(organization, parent, pos="last-child")
    audit.record(
        "accounts.organization.move",
        actor=actor,
        obj=organization,
        changes={"parent": [str(old_parent) if old_parent else None, str(parent)]},
    )


@transaction.atomic
def membership_grant(
    *, actor: User, user: User, organization: Organization, role: str, position: str = ""
) -> Membership:
    permissions.require(actor, "accounts.membership.manage", organization)
    if Membership.objects.filter(user=user, organization=organization, role=role).exists():
        raise ValidationError(_("This person already holds this role in this organization."))
    membership = Membership.objects.create(
        user=user, organization=organization, role=role, position=position
    )
    audit.record(
        "accounts.membership.create",
        actor=actor,
        obj=membership,
        changes={"user": [None, str(user)], "role": [None, role], "position": [None, position]},
    )
    permissions.forget_grants(user)
    return membership


@transaction.atomic
def membership_withdraw(*, actor: User, membership: Membership) -> None:
    permissions.require(actor, "accounts.membership.manage", membership)
    audit.record(
        "accounts.membership.delete",
        actor=actor,
        obj=membership,
        changes={"user": [str(membership.user), None], "role": [membership.role, None]},
    )
    membership.delete()
    permissions.forget_grants(membership.user)


USER_FIELDS = [
    "username",
    "last_name",
    "first_name",
    "patronymic",
    "email",
    "language",
    "is_active",
]


@transaction.atomic
def user_create(*, actor: User, password: str, **fields: Any) -> User:
    permissions.require(actor, "accounts.user.manage")
    user = User(**fields)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    audit.record(
        "accounts.user.create",
        actor=actor,
        obj=user,
        changes={k: [None, v] for k, v in audit.snapshot(user, USER_FIELDS).items()},
    )
    return user


@transaction.atomic
def user_update(*, actor: User, user: User, **fields: Any) -> User:
    permissions.require(actor, "accounts.user.manage")
    user = User.objects.select_for_update().get(pk=user.pk)
    before = audit.snapshot(user, USER_FIELDS)
    for name, value in fields.items():
        if name not in USER_FIELDS:
            raise ValueError(f"{name} is not an editable user field")
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    diff = audit.changes(before, audit.snapshot(user, USER_FIELDS))
    if diff:
        user.save(update_fields=list(diff))
        audit.record("accounts.user.update", actor=actor, obj=user, changes=diff)
    return user


def user_set_language(*, user: User, language: str) -> None:
    """The person's own preference; not an audited change of a domain object."""
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def user_sign_out_everywhere(*, user: User, password: str) -> None:
    """End every session of the person. Django keeps in each session a hash derived from the
    stored password hash; storing the same password under a new salt changes it, so every
    session — on every device — is refused on its next request."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.check_password(password):
        raise ValueError("the password must be checked first")
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record("accounts.user.sign_out_everywhere", actor=user, obj=user)

"""Reads other apps need about people and roles."""

from django.db.models import QuerySet

from .models import Organization, Role, User


def holders_of(organization: Organization, role: str) -> QuerySet[User]:
    """Active users holding `role` in exactly this organization."""
    return User.objects.filter(
        is_active=True, memberships__organization=organization, memberships__role=role
    ).distinct()


def chairmen_of(organization: Organization) -> QuerySet[User]:
    return holders_of(organization, Role.CHAIRMAN)

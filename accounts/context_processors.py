from django.http import HttpRequest

from . import permissions
from .notifications import unread_count


def navigation(request: HttpRequest) -> dict:
    """Menu entries by role and the unread count, for base.html: two queries per page at most
    (the user's roles, cached for the request, and the count)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav": {
            "organizations": permissions.can(user, "accounts.organization.view"),
            "audit": permissions.can(user, "accounts.audit.view"),
            "users": permissions.can(user, "accounts.user.manage"),
            "admin": user.is_superuser,
        },
        "unread_notifications": unread_count(user),
    }

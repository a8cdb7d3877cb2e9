from django.http import HttpRequest

from . import health
from .navigation import items_for
from .notifications import unread_count


def navigation(request: HttpRequest) -> dict:
    """Menu entries by role, the unread count and the health banner, for base.html: two queries
    per page at most (the user's roles, cached for the request, and the count), and for a
    superuser or the chairman of a top-level organization one more (accounts.health.banner)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = items_for(user, request.path)
    return {
        "nav_items": [i for i in items if i["menu"] == "main"],
        "nav_more": [i for i in items if i["menu"] == "more"],
        "unread_notifications": unread_count(user),
        "health_banner": health.banner(user),
    }

from django.http import HttpRequest

from .selectors import active_crises_for_user


def crisis_banner(request: HttpRequest) -> dict:
    """R10: while a crisis lasts, a banner on every page of the affected organizations' people."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"active_crises": active_crises_for_user(user)}

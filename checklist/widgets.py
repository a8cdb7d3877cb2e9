from django.http import HttpRequest

from . import selectors


def waiting_for_me(request: HttpRequest) -> dict:
    """Home widget: the lawyer's checklists with items routed to them and not yet answered."""
    return {"checklists": list(selectors.waiting_for(request.user)[:6])}

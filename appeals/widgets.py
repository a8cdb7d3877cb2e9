"""Context functions of the appeals home widgets (registered in apps.py)."""

from django.http import HttpRequest
from django.utils import timezone

from . import selectors


def due_soon(request: HttpRequest) -> dict:
    return {"appeals": selectors.due_soon_for(request.user, timezone.localdate())}


def overdue(request: HttpRequest) -> dict:
    count, appeals = selectors.overdue_for(request.user, timezone.localdate())
    late = selectors.late_forward_count_for(request.user, action="appeals.widget.overdue")
    return {"count": count, "appeals": appeals, "late_forwards": late}

"""Context functions of the accounts app's home-page widgets (registered in apps.py)."""

from django.http import HttpRequest

from . import audit, permissions
from .models import AuditEntry, Notification


def unread_notifications(request: HttpRequest) -> dict:
    notifications = Notification.objects.filter(recipient=request.user, read_at__isnull=True)[:5]
    return {"notifications": list(notifications)}


def recent_activity(request: HttpRequest) -> dict:
    entries = list(
        permissions.visible(
            request.user, AuditEntry.objects.all(), action="accounts.audit.view"
        ).select_related("actor")[:8]
    )
    for entry in entries:
        entry.label = audit.label(entry.action)
    return {"entries": entries}

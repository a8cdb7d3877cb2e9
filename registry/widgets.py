from django.http import HttpRequest
from django.utils import timezone

from accounts import permissions

from . import selectors
from .models import FLAGS, AccessListVersion


def accounts_needing_attention(request: HttpRequest) -> dict:
    """Home widget: the user's accounts with a compliance problem, and for chairmen the access
    lists waiting for their approval."""
    user = request.user
    flagged = list(
        selectors.register(user, timezone.localdate(), flag="any").select_related("organization")[
            :6
        ]
    )
    for account in flagged:
        account.flags = [label for name, label in FLAGS.items() if getattr(account, f"flag_{name}")]
    pending = list(
        permissions.visible(
            user,
            # An archived account's pending list waits for its restoring (issue 12 point 5).
            AccessListVersion.objects.filter(
                status=AccessListVersion.Status.PENDING, account__archived_at__isnull=True
            ),
            field="account__organization",
            action="registry.access_list.approve",
        ).select_related("account")[:6]
    )
    return {"flagged": flagged, "pending": pending}

"""The moderation log (R7): what was deleted, hidden or answered, and on what ground."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.models import User
from registry.models import OfficialAccount

from .models import ModerationAction

audit.register("content.moderation.record", _("Moderation action recorded"))


@transaction.atomic
def moderation_record(*, actor: User, account: OfficialAccount, **fields: Any) -> ModerationAction:
    permissions.require(actor, "content.moderation.record", account)
    action = ModerationAction(account=account, recorded_by=actor, **fields)
    if (
        action.action
        in (ModerationAction.Action.COMMENT_DELETED, ModerationAction.Action.PUBLICATION_DELETED)
        and not action.ground
    ):
        raise ValidationError({"ground": _("Give the ground for deleting.")})
    if action.action == ModerationAction.Action.CRITICISM_ANSWERED and not action.link:
        raise ValidationError({"link": _("Paste the link to the answer.")})
    if action.occurred_on and action.occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("The date cannot be in the future.")})
    action.full_clean()
    action.save()
    audit.record(
        "content.moderation.record",
        actor=actor,
        obj=account,
        changes={"moderation": [None, action.action]},
    )
    return action

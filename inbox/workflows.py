"""The inbox message's workflow (accounts.workflow): reply, hide, delete, turn into an appeal.

Effects live in inbox/services.py. Moderation steps (hide, delete) write their entry into the
content app's moderation log (content.moderation.moderation_record, R7) with the ground the
person gave; the ground is required there and here, so no step is recorded without one.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.workflow import Transition, Workflow

from .models import InboxMessage, Kind, Status

S = Status

# Telegram: "Bots can delete incoming messages in private chats" only within 48 hours of their
# sending; in a group where the bot is an administrator allowed to delete messages, any message.
PRIVATE_DELETE_WINDOW = timedelta(hours=48)

message_workflow = Workflow(
    "inbox.message",
    InboxMessage,
    select_related=("organization", "account"),
    not_now=lambda message: (
        _("This is not possible while the message is “%(status)s”.")
        % {"status": message.get_status_display()}
    ),
    description="A message or comment in the inbox (issue 15; R7, R8.1, R9.1).",
    transitions=[
        Transition(
            "reply",
            (S.NEW, S.REPLIED),
            S.REPLIED,
            "inbox.message.reply",
            _("Reply"),
            form="reply",
            audit_label=_("Inbox message answered"),
        ),
        Transition(
            "convert",
            (S.NEW, S.REPLIED),
            S.CONVERTED,
            "inbox.message.convert",
            _("Turn into an appeal"),
            form="convert",
            audit_label=_("Inbox message turned into an appeal"),
        ),
        Transition(
            "hide",
            (S.NEW, S.REPLIED),
            S.HIDDEN,
            "inbox.message.moderate",
            _("Hide"),
            form="ground",
            style="outline-secondary",
            audit_label=_("Inbox message hidden"),
        ),
        Transition(
            "delete",
            (S.NEW, S.REPLIED, S.HIDDEN),
            S.DELETED,
            "inbox.message.moderate",
            _("Delete in Telegram"),
            guards=("R7.2-telegram",),
            form="ground",
            style="outline-danger",
            audit_label=_("Inbox message deleted"),
        ),
    ],
)


@message_workflow.guard("R7.2-telegram")
def deletable(actor: Any, message: InboxMessage, data: dict[str, Any]) -> str | None:
    """R7.2: comments that break the law or ethics are deleted — where Telegram lets the bot do
    it: a message to the bot within 48 hours of its sending; a comment in the discussion group
    whenever the bot is an administrator there allowed to delete messages (Telegram answers
    otherwise, and the answer is shown). Past that, hide it and record why."""
    if message.kind == Kind.MESSAGE and timezone.now() - message.received_at > (
        PRIVATE_DELETE_WINDOW
    ):
        return _(
            "Telegram lets a bot delete a message in a private chat only within 48 hours of its "
            "sending. Hide it instead: the ground is recorded in the moderation log."
        )
    return None

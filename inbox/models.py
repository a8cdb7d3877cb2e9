"""The inbox (issue 15, point 5): messages to an official account's bot and comments in its
channel's linked discussion group, one inbox per organization. Moderation (R7) goes to the
content app's moderation log; a message that bears the features of an appeal becomes one
(R8.1); the author's data follow R9.1 (masked in lists, every full view logged, depersonalized
after the retention period)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization


class Kind(models.TextChoices):
    MESSAGE = "message", _("Message to the bot")
    COMMENT = "comment", _("Comment in the discussion group")


class Status(models.TextChoices):
    NEW = "new", _("New")
    REPLIED = "replied", _("Replied")
    HIDDEN = "hidden", _("Hidden")
    DELETED = "deleted", _("Deleted")
    CONVERTED = "converted", _("Turned into an appeal")


# Statuses a person still has to look at (the menu badge, the default filter).
OPEN = (Status.NEW,)


class InboxMessage(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="inbox_messages",
        verbose_name=_("organization"),
    )
    account = models.ForeignKey(
        "registry.OfficialAccount",
        on_delete=models.PROTECT,
        related_name="inbox_messages",
        verbose_name=_("official account"),
    )
    # The connector's id of the update ("<chat id>:<message id>" for Telegram): ingestion is
    # idempotent on (account, external_id), so a webhook and a poll delivering the same update
    # store it once.
    external_id = models.CharField(_("external id"), max_length=128)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    chat_id = models.BigIntegerField(_("chat"))
    message_id = models.BigIntegerField(_("message number in the chat"))
    reply_to_message_id = models.BigIntegerField(null=True, blank=True)
    author_name = models.CharField(_("author"), max_length=255, blank=True)
    author_handle = models.CharField(_("author's username"), max_length=255, blank=True)
    author_id = models.CharField(_("author's id"), max_length=64, blank=True)
    text = models.TextField(_("text"), blank=True)
    received_at = models.DateTimeField(_("received at"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    appeal = models.ForeignKey(
        "appeals.Appeal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbox_messages",
        verbose_name=_("appeal"),
    )
    moderation = models.ForeignKey(
        "content.ModerationAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderation log entry"),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    depersonalized_at = models.DateTimeField(_("depersonalized at"), null=True, blank=True)
    created_at = models.DateTimeField(_("stored at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("inbox message")
        verbose_name_plural = _("inbox messages")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "external_id"], name="inbox_message_once_per_account"
            ),
        ]
        indexes = [
            # The list and the menu badge: an organization's messages by status, newest first.
            models.Index(
                fields=["organization", "status", "-received_at"], name="inbox_org_status"
            ),
            # The depersonalization job scans what has not been depersonalized yet.
            models.Index(
                fields=["received_at"],
                name="inbox_not_depersonalized",
                condition=Q(depersonalized_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        # Audit entries copy this: no personal data in it.
        return f"#{self.pk}"

    @property
    def permission_organization(self) -> Organization:
        return self.organization


class InboxReply(models.Model):
    """A reply sent from the inbox (recorded: who, when, what, Telegram's message number)."""

    message = models.ForeignKey(InboxMessage, on_delete=models.CASCADE, related_name="replies")
    text = models.TextField(_("reply"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    external_message_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("inbox reply")
        verbose_name_plural = _("inbox replies")
        ordering = ["sent_at", "id"]

    def __str__(self) -> str:
        return f"#{self.message_id}/{self.pk}"


class InboxFeed(models.Model):
    """How the updates of one connected account come in: by webhook (when SITE_URL is a public
    https address; `webhook_url` is what was set) or by long polling (the getUpdates offset is
    the connection's `updates_offset`, moved by the connector's `confirm` after each poll). The
    row is locked while its account is polled, so two polls never run at once."""

    account = models.OneToOneField(
        "registry.OfficialAccount", on_delete=models.CASCADE, related_name="+"
    )
    webhook_url = models.CharField(max_length=500, blank=True)
    polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return f"{self.account_id}: {self.webhook_url or 'polling'}"

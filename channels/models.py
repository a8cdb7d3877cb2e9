"""Connected network accounts (Telegram now), deliveries of approved publications, measured
subscriber counts. docs/telegram.md describes each."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, User
from content.models import Publication, PublicationTarget, PublicationVersion
from registry.models import OfficialAccount


class TelegramConnection(models.Model):
    """An official Telegram channel or group connected through a bot that administers it.

    The bot token is stored encrypted (channels.crypto, a key from CHANNELS_SECRET_KEY), is
    never shown again, and can be replaced. A disconnected row keeps its history
    (`disconnected_at`) and forgets the token."""

    account = models.OneToOneField(
        OfficialAccount,
        on_delete=models.CASCADE,
        related_name="telegram",
        verbose_name=_("official account"),
    )
    token_encrypted = models.BinaryField(editable=False)
    chat_id = models.BigIntegerField(_("chat id"))
    chat_type = models.CharField(_("chat type"), max_length=16)
    chat_title = models.CharField(_("chat title"), max_length=255)
    chat_username = models.CharField(_("chat @name"), max_length=64, blank=True)
    linked_chat_id = models.BigIntegerField(_("discussion group id"), null=True, blank=True)
    bot_id = models.BigIntegerField(_("bot id"))
    bot_username = models.CharField(_("bot @name"), max_length=64)
    can_delete_messages = models.BooleanField(default=False)
    can_edit_messages = models.BooleanField(default=False)
    webhook_secret = models.CharField(max_length=64, editable=False)
    # Where getUpdates continues from (the inbox reads it; channels never moves it backwards).
    updates_offset = models.BigIntegerField(default=0)
    connected_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("connected by")
    )
    connected_at = models.DateTimeField(_("connected at"))
    token_replaced_at = models.DateTimeField(_("token replaced at"), null=True, blank=True)
    disconnected_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("disconnected by"),
    )
    disconnected_at = models.DateTimeField(_("disconnected at"), null=True, blank=True)
    # What the last figures or inbox call answered when it failed (e.g. the bot was removed).
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Telegram connection")
        verbose_name_plural = _("Telegram connections")

    def __str__(self) -> str:
        return f"{self.account} ↔ @{self.bot_username}"

    @property
    def permission_organization(self) -> Organization:
        return self.account.organization

    @property
    def is_connected(self) -> bool:
        return self.disconnected_at is None and bool(self.token_encrypted)

    @property
    def token(self) -> str:
        from .crypto import decrypt

        return decrypt(bytes(self.token_encrypted))

    def set_token(self, token: str) -> None:
        from .crypto import encrypt

        self.token_encrypted = encrypt(token)

    def post_link(self, message_id: int) -> str:
        """The public link of a message: t.me/<name>/<id>, or t.me/c/<internal id>/<id> for a
        private channel (members only)."""
        if self.chat_username:
            return f"https://t.me/{self.chat_username}/{message_id}"
        internal = str(self.chat_id)
        internal = internal[4:] if internal.startswith("-100") else internal.lstrip("-")
        return f"https://t.me/c/{internal}/{message_id}"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    UNKNOWN = "unknown", _("Needs checking")
    CANCELLED = "cancelled", _("Cancelled")


class Delivery(models.Model):
    """One approved publication going to one connected target: at most once.

    queued → sending → sent(message ids, link). A send interrupted in `sending` (the worker died,
    Telegram did not answer) becomes `unknown`: a person checks the channel and records either
    the post's link or "not posted" (then it is queued again). Nothing ever sends a row twice."""

    S = DeliveryStatus

    target = models.OneToOneField(
        PublicationTarget, on_delete=models.CASCADE, related_name="delivery"
    )
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="deliveries"
    )
    account = models.ForeignKey(
        OfficialAccount, on_delete=models.PROTECT, related_name="deliveries"
    )
    version = models.ForeignKey(
        PublicationVersion,
        on_delete=models.PROTECT,
        related_name="deliveries",
        verbose_name=_("approved version"),
    )
    # sha256 of exactly what goes out (channels.payload.version_hash), fixed at approval.
    version_hash = models.CharField(_("approved version's hash"), max_length=64)
    status = models.CharField(
        _("status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    send_after = models.DateTimeField(_("planned for"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    retry_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    message_ids = models.JSONField(default=list, blank=True)
    link = models.CharField(_("post link"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    sent_hash = models.CharField(_("hash of what was sent"), max_length=64, blank=True)
    error_code = models.IntegerField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    resolved_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("removed from the channel"), null=True, blank=True)
    withdraw_error = models.TextField(_("why it was not removed"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "send_after"], name="delivery_due_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | ~Q(link=""), name="delivery_sent_has_link"
            )
        ]

    def __str__(self) -> str:
        return f"{self.publication_id} → {self.account_id}: {self.status}"

    @property
    def permission_organization(self) -> Organization:
        return self.account.organization


class SubscriberSnapshot(models.Model):
    """An account's subscriber count on a day: measured by the daily task
    (getChatMemberCount), or entered by hand for networks that are not connected."""

    class Source(models.TextChoices):
        MEASURED = "measured", _("Measured")
        MANUAL = "manual", _("Entered by hand")

    account = models.ForeignKey(
        OfficialAccount,
        on_delete=models.CASCADE,
        related_name="subscriber_snapshots",
        verbose_name=_("official account"),
    )
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("subscribers"))
    source = models.CharField(
        _("source"), max_length=16, choices=Source.choices, default=Source.MEASURED
    )
    measured_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("subscriber count")
        verbose_name_plural = _("subscriber counts")
        ordering = ["account", "date"]
        constraints = [
            models.UniqueConstraint(fields=["account", "date"], name="subscriber_snapshot_daily")
        ]

    def __str__(self) -> str:
        return f"{self.account_id} {self.date}: {self.count}"

    @property
    def permission_organization(self) -> Organization:
        return self.account.organization

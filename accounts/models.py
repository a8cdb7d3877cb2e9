from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class User(AbstractUser):
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    # The language the person last chose; e-mails and notifications are written in it.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_full_name(self) -> str:
        parts = [self.last_name, self.first_name, self.patronymic]
        return " ".join(p for p in parts if p).strip() or self.username

    def __str__(self) -> str:
        return self.get_full_name()


class OrganizationKind(models.TextChoices):
    CENTRAL_COMMITTEE = "central_committee", _("Central Committee")
    REGIONAL = "regional", _("Regional organization")
    CITY_DISTRICT = "city_district", _("City or district organization")
    PRIMARY = "primary", _("Primary organization")
    OTHER = "other", _("Other organization")


bin_validator = RegexValidator(r"^\d{12}$", _("A BIN consists of exactly 12 digits."))


class Organization(MP_Node):
    """A union structure (R1.2): the Central Committee at the root, member organizations below.

    A materialized path (django-treebeard) makes "this node and its whole subtree" a single
    `path LIKE 'prefix%'` query; accounts.permissions builds every visibility rule on it.
    """

    name_kk = models.CharField(_("name in Kazakh"), max_length=255)
    name_ru = models.CharField(_("name in Russian"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices)
    bin = models.CharField(_("BIN"), max_length=12, blank=True, validators=[bin_validator])
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    node_order_by: list[str] = []

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["bin"], condition=~models.Q(bin=""), name="organization_unique_bin"
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind="central_committee"),
                name="organization_single_central_committee",
            ),
        ]
        indexes = [
            # Subtree scans (`path LIKE 'prefix%'`) in accounts.permissions; PostgreSQL needs the
            # pattern operator class for LIKE to use an index under a non-C collation.
            models.Index(
                fields=["path"], name="org_path_prefix_idx", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_ru if (get_language() or "").startswith("ru") else self.name_kk

    @property
    def permission_organization(self) -> "Organization":
        return self

    def ancestor_paths(self, *, include_self: bool = False) -> list[str]:
        """The paths of the organizations above this one (a path is its ancestors' prefixes),
        root first — for a single `path__in` query instead of a walk up the tree."""
        end = len(self.path) + (self.steplen if include_self else 0)
        return [self.path[:i] for i in range(self.steplen, end, self.steplen)]


class Role(models.TextChoices):
    CHAIRMAN = "chairman", _("Chairman")
    ADMINISTRATOR = "administrator", _("Responsible administrator")
    LAWYER = "lawyer", _("Lawyer")


class Membership(models.Model):
    """A person's role in one organization; it reaches that organization and its subtree."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    position = models.CharField(_("position"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization__path", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organization}"

    @property
    def permission_organization(self) -> Organization:
        return self.organization


class Notification(models.Model):
    """An in-app message; accounts.notifications.notify() creates it and e-mails a copy."""

    recipient = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    actor = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    kind = models.CharField(_("kind"), max_length=100)
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    # Issue 13, point 9 (accounts/digest.py): an event of the subtree for a chairman of the
    # Central Committee or a region waits for the next daily digest instead of its own e-mail.
    digest_pending = models.BooleanField(_("waits for the digest"), default=False)
    digested_at = models.DateTimeField(_("sent in a digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The navbar's unread count on every page.
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            # The daily digest reads only what waits for it.
            models.Index(
                fields=["recipient"],
                condition=models.Q(digest_pending=True),
                name="notification_digest_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AuditEntry(models.Model):
    """Who did what, when, to which object — written by accounts.audit.record() inside the
    same transaction as the change itself."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=100)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The object's history on detail pages.
            models.Index(fields=["content_type", "object_id"], name="audit_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    DEAD = "dead", _("Failed: given up")


class OutboxMessage(models.Model):
    """Work that an action hands to the background (an e-mail, …), written in the action's own
    transaction by accounts.outbox.enqueue(): the action never depends on the broker, and a row
    is marked sent only after its handler succeeded (the SMTP server accepted the message).
    accounts.outbox.drain() sends; docs/operations.md."""

    kind = models.CharField(_("kind"), max_length=50)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    # The same work queued twice (e.g. one notification's e-mail) is one row.
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    # The next try is not before this (exponential backoff after a failure).
    available_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # A worker that claimed the row holds it until then; a killed worker's row is retried after.
    locked_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["created_at", "id"]
        indexes = [
            # The drain's query and the backlog: pending rows by their next attempt.
            models.Index(
                fields=["available_at", "id"],
                name="outbox_due_idx",
                condition=models.Q(status="pending"),
            ),
            models.Index(fields=["status", "created_at"], name="outbox_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class SubmissionToken(models.Model):
    """A one-time token of a creating form (accounts/once.py): recorded in the transaction that
    creates the object, so a second submission of the same form finds it and is sent to
    `result_url` instead of creating again. The unique index decides between two at once."""

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    result_url = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.token


class TaskHeartbeat(models.Model):
    """The last run of a Celery task as the worker saw it (accounts/health.py): written when a
    task scheduled by beat finishes, so a dead worker shows even while beat keeps sending."""

    task = models.CharField(max_length=200, unique=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    # The exception's class name only: never its message, which may carry data or secrets.
    last_error = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.task


class NotificationPreference(models.Model):
    """A person's choice for one kind of notification (accounts/digest.py): a row exists only
    where the person switched the e-mail copy off; no row means the e-mail is sent."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=100)
    email = models.BooleanField(_("by e-mail"), default=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.kind}"


class NotificationDigest(models.Model):
    """The daily digest e-mail sent to one person on one day: the unique key makes it once."""

    recipient = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="+", verbose_name=_("recipient")
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("notifications"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("notification digest")
        verbose_name_plural = _("notification digests")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "day"], name="notification_digest_once")
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id}:{self.day}"

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts import files
from accounts.archive import Archivable
from accounts.models import Organization, User
from registry.models import OfficialAccount

from .taxonomy import DIRECTION_CHOICES, ContentKind, Language


class PlanningPeriod(models.TextChoices):
    YEAR = "year", _("Year")
    HALF_YEAR = "half_year", _("Half-year")
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")


class PlanningSetting(models.Model):
    """R6.1: the organization's planning period, set by its chairman."""

    organization = models.OneToOneField(
        Organization,
        on_delete=models.CASCADE,
        related_name="planning_setting",
        verbose_name=_("organization"),
    )
    period = models.CharField(_("planning period"), max_length=16, choices=PlanningPeriod.choices)
    set_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("planning period")
        verbose_name_plural = _("planning periods")

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_period_display()}"

    @property
    def permission_organization(self) -> Organization:
        return self.organization


class ContentPlan(models.Model):
    """R6.1: an organization's content plan for one period; drafted by administrators, approved
    by the chairman."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned for revision")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="content_plans",
        verbose_name=_("organization"),
    )
    period = models.CharField(_("planning period"), max_length=16, choices=PlanningPeriod.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("content plan")
        verbose_name_plural = _("content plans")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "starts_on", "ends_on"], name="content_plan_unique_period"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="content_plan_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"

    @property
    def permission_organization(self) -> Organization:
        return self.organization


class PlanItem(models.Model):
    plan = models.ForeignKey(
        ContentPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("content plan")
    )
    topic = models.CharField(_("topic"), max_length=255)
    kind = models.CharField(_("content type"), max_length=16, choices=ContentKind.choices)
    direction = models.CharField(_("direction"), max_length=32, choices=DIRECTION_CHOICES)
    audiences = models.JSONField(_("target audiences"), default=list)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    planned_on = models.DateField(_("planned date"), db_index=True)
    accounts = models.ManyToManyField(
        OfficialAccount, related_name="plan_items", blank=True, verbose_name=_("official accounts")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["planned_on", "id"]

    def __str__(self) -> str:
        return self.topic

    @property
    def permission_organization(self) -> Organization:
        return self.plan.organization


class Crisis(models.Model):
    """R10: declared by a chairman for the organization and its subtree; while it lasts every
    publication there follows the agreed position and needs a working-group member's approval."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="crises",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("crisis"), max_length=255)
    agreed_position = models.TextField(_("agreed position"))
    working_group = models.ManyToManyField(
        User, related_name="crisis_groups", verbose_name=_("working group")
    )
    declared_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("declared by")
    )
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)
    ended_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    end_note = models.TextField(_("how it ended"), blank=True)

    class Meta:
        verbose_name = _("crisis")
        verbose_name_plural = _("crises")
        ordering = ["-declared_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(ended_at__isnull=True),
                name="crisis_one_active_per_organization",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def permission_organization(self) -> Organization:
        return self.organization

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    RETURNED = "returned", pgettext_lazy("publication status", "Returned for revision")
    APPROVED = "approved", pgettext_lazy("publication status", "Approved")
    PROHIBITED = "prohibited", _("Prohibited")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Publication(Archivable):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name=_("organization"),
    )
    plan_item = models.ForeignKey(
        PlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("plan item"),
    )
    author = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="publications", verbose_name=_("author")
    )
    kind = models.CharField(_("content type"), max_length=16, choices=ContentKind.choices)
    direction = models.CharField(_("direction"), max_length=32, choices=DIRECTION_CHOICES)
    audiences = models.JSONField(_("target audiences"), default=list)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    accounts = models.ManyToManyField(
        OfficialAccount,
        through="PublicationTarget",
        related_name="publications",
        verbose_name=_("official accounts"),
    )
    planned_at = models.DateTimeField(_("planned date and time"), null=True, blank=True)
    # R6.1: work follows the content plan; a publication outside it says why (counted in the
    # half-year report).
    unplanned_reason = models.TextField(_("why it is not in the content plan"), blank=True)
    is_official_statement = models.BooleanField(_("official statement"), default=False)
    is_urgent = models.BooleanField(_("urgent message"), default=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    # The version being edited, or the last frozen one (CL8.4).
    current_version = models.ForeignKey(
        "PublicationVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    crisis = models.ForeignKey(
        Crisis,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("crisis"),
    )
    crisis_position_note = models.TextField(
        _("how the publication follows the agreed position"), blank=True
    )
    approved_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by the head"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    crisis_approved_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by the working group"),
    )
    crisis_approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    acknowledged_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-created_at", "-id"]
        indexes = [
            # Role homes and the report: an organization's publications by state and date.
            models.Index(fields=["organization", "status"], name="publication_org_status_idx"),
            # The publication list's order (content.selectors.publication_list), issue 14: without
            # it a million rows are sorted on disk for every page.
            models.Index(fields=["-updated_at", "-id"], name="publication_updated_idx"),
            # The calendar's month (content/calendar.py): planned or published within it, an
            # OR of two ranges; with both indexed it is a bitmap OR, not a scan of every post.
            models.Index(fields=["planned_at"], name="publication_planned_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.current_version.title if self.current_version_id else ""

    @property
    def permission_organization(self) -> Organization:
        return self.organization


class PublicationVersion(models.Model):
    """One version of a publication's text and materials. A version is frozen when its checklist
    is completed (and so when it is submitted); editing a frozen version creates the next one
    (CL8.4). The checklist app binds its checklist to a version."""

    publication = models.ForeignKey(
        Publication,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("publication"),
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=255)
    text_kk = models.TextField(_("text in Kazakh"), blank=True)
    text_ru = models.TextField(_("text in Russian"), blank=True)
    sources = models.TextField(_("sources"), blank=True, help_text=_("Where needed (CL5.5)."))
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication version")
        verbose_name_plural = _("publication versions")
        ordering = ["publication", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "number"], name="publication_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    @property
    def permission_organization(self) -> Organization:
        return self.publication.organization

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def has_visual_materials(self) -> bool:
        """CL6 applies only when there are photos, videos or graphics."""
        return self.attachments.filter(kind__in=Attachment.VISUAL_KINDS).exists()


class Attachment(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        VIDEO = "video", _("Video")
        INFOGRAPHIC = "infographic", _("Infographic")
        AUDIO = "audio", _("Audio")
        DOCUMENT = "document", _("Document")

    VISUAL_KINDS = (Kind.PHOTO, Kind.VIDEO, Kind.INFOGRAPHIC)

    version = models.ForeignKey(
        PublicationVersion,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("publication version"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # Checked, re-encoded and named by content/uploads.py; the path has no user text.
    file = models.FileField(
        _("file"),
        upload_to=files.GeneratedName("content", "file"),
        validators=[
            files.KindValidator(*files.PUBLICATION_MATERIALS, limit="CONTENT_MEDIA_MAX_BYTES")
        ],
    )
    thumbnail = models.FileField(
        upload_to=files.GeneratedName("content/thumbs", "thumbnail"), blank=True
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def permission_organization(self) -> Organization:
        return self.version.publication.organization


class PublicationTarget(models.Model):
    """An official account a publication goes to, and once published, the post's link."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="targets")
    account = models.ForeignKey(
        OfficialAccount,
        on_delete=models.PROTECT,
        related_name="publication_targets",
        verbose_name=_("official account"),
    )
    post_url = models.CharField(
        _("post link"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["https", "http"])],
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication target")
        verbose_name_plural = _("publication targets")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "account"], name="publication_target_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.publication_id} → {self.account_id}"


class StatementApproval(models.Model):
    """R6.3: the authorized union body's approval of an official statement."""

    publication = models.OneToOneField(
        Publication, on_delete=models.CASCADE, related_name="statement_approval"
    )
    body = models.CharField(_("authorized union body"), max_length=255)
    decision_number = models.CharField(_("decision number"), max_length=64)
    decision_date = models.DateField(_("decision date"))
    document = models.FileField(
        _("document"),
        upload_to=files.GeneratedName("content/statements", "document"),
        validators=[files.KindValidator(*files.DOCUMENTS)],
    )
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("official statement approval")
        verbose_name_plural = _("official statement approvals")

    def __str__(self) -> str:
        return f"{self.body} № {self.decision_number}"

    @property
    def permission_organization(self) -> Organization:
        return self.publication.organization


class ModerationAction(models.Model):
    """R7: what was done with comments on an official account (counts feed RPT5.1, RPT6.1)."""

    class Action(models.TextChoices):
        COMMENT_DELETED = "comment_deleted", _("Comment deleted")
        # A comment kept on the network but taken out of the inbox's work (inbox app).
        COMMENT_HIDDEN = "comment_hidden", _("Comment hidden")
        PUBLICATION_DELETED = "publication_deleted", _("Publication deleted")
        CRITICISM_ANSWERED = "criticism_answered", _("Criticism answered")
        COMPLAINT_ESCALATED = "complaint_escalated", _("Complaint escalated")

    class Ground(models.TextChoices):
        LAW = "law", _("Breaks the law")
        ETHICS = "ethics", _("Breaks ethics")
        SPAM = "spam", _("Spam")
        OTHER = "other", _("Other")

    account = models.ForeignKey(
        OfficialAccount,
        on_delete=models.PROTECT,
        related_name="moderation_actions",
        verbose_name=_("official account"),
    )
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    ground = models.CharField(_("ground"), max_length=16, choices=Ground.choices, blank=True)
    excerpt = models.TextField(
        _("excerpt (anonymized)"),
        blank=True,
        help_text=_("Leave out names, contacts and other personal data."),
    )
    link = models.CharField(
        _("link"), max_length=500, blank=True, validators=[URLValidator(schemes=["https", "http"])]
    )
    occurred_on = models.DateField(_("date"), db_index=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.occurred_on}"

    @property
    def permission_organization(self) -> Organization:
        return self.account.organization


class UrgentReminder(models.Model):
    """One row per daily reminder of an unacknowledged urgent message (R6.4): the unique key makes
    the beat task safe to run twice."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "day"], name="urgent_reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.publication_id} {self.day}"


class Comment(models.Model):
    """A remark in the thread of a publication or of a content plan (issue 13, point 4). Seen by
    everyone who may see the object; never edited or deleted, so the thread stays part of the
    object's history. `mentioned` are the people named with @username, notified once."""

    publication = models.ForeignKey(
        Publication,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("publication"),
    )
    plan = models.ForeignKey(
        ContentPlan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("content plan"),
    )
    author = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"), max_length=2000)
    mentioned = models.ManyToManyField(
        User, blank=True, related_name="+", verbose_name=_("mentioned")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(publication__isnull=False, plan__isnull=True)
                | models.Q(publication__isnull=True, plan__isnull=False),
                name="comment_on_one_object",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def target(self):
        return self.publication or self.plan

    @property
    def permission_organization(self) -> Organization:
        return self.target.organization

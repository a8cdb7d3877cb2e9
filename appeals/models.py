"""Appeals received through social networks (R8), their deadlines on the Kazakhstan working
calendar (R8.2), confidential matters moved to official letters (R8.3) and the author's personal
data (R9.1)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts import files
from accounts.archive import Archivable, ArchivableQuerySet
from accounts.models import Organization


class OverrideKind(models.TextChoices):
    DAY_OFF = "day_off", _("Day off")
    WORKING_DAY = "working_day", _("Working day")


class CalendarOverride(models.Model):
    """A correction of the package calendar for one day, kept by a superuser each year."""

    day = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("the day is"), max_length=16, choices=OverrideKind.choices)
    reason = models.CharField(_("legal basis"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("working calendar correction")
        verbose_name_plural = _("working calendar corrections")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day:%d.%m.%Y} — {self.get_kind_display()}"


class Status(models.TextChoices):
    NOT_REGISTERED = "not_registered", _("Not registered")
    REGISTERED = "registered", _("Registered")
    FIRST_RESPONSE_GIVEN = "first_response_given", _("First response given")
    IN_WORK = "in_work", _("In work")
    FORWARDED = "forwarded", _("Forwarded to another structure")
    OFFICIAL_RESPONSE_SENT = "official_response_sent", _("Official response sent")
    CLOSED = "closed", _("Closed")


# The transitions between these states are declared once, in appeals.workflows.
# Deadlines run while the appeal is in one of these states.
FIRST_RESPONSE_OPEN = (Status.REGISTERED,)
OFFICIAL_RESPONSE_OPEN = (Status.REGISTERED, Status.FIRST_RESPONSE_GIVEN, Status.IN_WORK)
OPEN = (*OFFICIAL_RESPONSE_OPEN, Status.FORWARDED, Status.OFFICIAL_RESPONSE_SENT)


class Channel(models.TextChoices):
    TELEGRAM = "telegram", "Telegram"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    WHATSAPP = "whatsapp", "WhatsApp"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    VK = "vk", _("VKontakte")
    EMAIL = "email", _("E-mail")
    OTHER = "other", _("Other channel")


class ResponseChannel(models.TextChoices):
    SAME_NETWORK = "same_network", _("Reply in the same social network")
    PHONE = "phone", _("Phone call")
    EMAIL = "email", _("E-mail")
    OFFICIAL_LETTER = "official_letter", _("Official letter")


class Kind(models.TextChoices):
    APPLICATION = "application", _("Application")
    COMPLAINT = "complaint", _("Complaint")
    PROPOSAL = "proposal", _("Proposal")
    INFORMATION_REQUEST = "information_request", _("Request for information")
    OTHER = "other", _("Other")


# An answer has to reach the author of these: registering one needs a contact.
KINDS_NEEDING_CONTACT = (Kind.APPLICATION, Kind.COMPLAINT, Kind.INFORMATION_REQUEST)


class ProcessingBasis(models.TextChoices):
    """R9.1 and the Law of the Republic of Kazakhstan "On personal data and their protection":
    on what ground the author's data are kept and used while the appeal is handled."""

    CONSENT = "consent", _("The author's consent, given in the appeal or separately")
    MEMBER_CONSENT = "member_consent", _("The consent the member gave on joining the union")
    LAW = "law", _("A case where the law allows processing without consent")


class PrivacyNotice(models.TextChoices):
    """How the author was told who uses the data, for what and for how long they are kept."""

    ACCOUNT_NOTICE = "account_notice", _("By the notice published in the official account")
    REPLY = "reply", _("In the reply to the author")
    LETTER = "letter", _("In a letter")
    IN_PERSON = "in_person", _("In person or by phone")


class Topic(models.TextChoices):
    """RPT5.2 — the main directions of appeals in the half-year report."""

    LABOUR_RIGHTS = "labour_rights", _("Labour rights")
    PAY = "pay", _("Pay and payments")
    SOCIAL_SUPPORT = "social_support", _("Social support")
    ORGANIZATIONAL = "organizational", _("Organizational questions")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    """RPT5.3 — the results of answering."""

    EXPLANATION = "explanation", _("Explanation given")
    FORWARDED = "forwarded", _("Forwarded to the competent structure")
    OFFICIAL_RESPONSE = "official_response", _("Official response prepared")


class AppealQuerySet(ArchivableQuerySet):
    def overdue_q(self, today: date) -> Q:
        return (
            Q(status__in=FIRST_RESPONSE_OPEN, first_response_due__lt=today)
            | Q(status__in=OFFICIAL_RESPONSE_OPEN, official_response_due__lt=today)
            | Q(
                status__in=OPEN,
                extension_notice_due__lt=today,
                extension_notice_given_on__isnull=True,
            )
        )

    def overdue(self, today: date) -> AppealQuerySet:
        return self.filter(self.overdue_q(today))

    def registered(self) -> AppealQuerySet:
        return self.exclude(status=Status.NOT_REGISTERED)


class Appeal(Archivable):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="appeals",
        verbose_name=_("responsible organization"),
    )
    status = models.CharField(
        _("status"), max_length=32, choices=Status.choices, default=Status.REGISTERED
    )
    # Registration number: "<year>-<sequence>", gap-free per organization and year
    # (appeals.services.next_number). Messages recorded as not registered have none.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("sequence number"), null=True, blank=True)
    number = models.CharField(_("registration number"), max_length=32, blank=True)
    not_registered_reason = models.TextField(_("reason it was not registered"), blank=True)

    received_at = models.DateTimeField(_("received at"))
    # The registration date the deadlines count from: the day of receipt in Asia/Almaty.
    registered_on = models.DateField(_("registration date"))
    channel = models.CharField(_("channel"), max_length=32, choices=Channel.choices)
    # The registry's official account that received it (R4.1); `channel_account` names another
    # network or page when the message came elsewhere.
    official_account = models.ForeignKey(
        "registry.OfficialAccount",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appeals",
        verbose_name=_("official account"),
    )
    channel_account = models.CharField(_("other network or page"), max_length=255, blank=True)
    author_name = models.CharField(_("author"), max_length=255, blank=True)
    author_contacts = models.CharField(_("author's contacts"), max_length=500, blank=True)
    author_other = models.TextField(_("other data of the author"), blank=True)
    text = models.TextField(_("text or summary"))
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    topic = models.CharField(_("topic"), max_length=32, choices=Topic.choices)
    is_confidential = models.BooleanField(_("confidential"), default=False)
    # R9.1: the ground of processing the author's data and how the author was told of it; both
    # are required when an appeal is registered (appeals.services.appeal_register).
    processing_basis = models.CharField(
        _("legal basis of processing personal data"),
        max_length=32,
        choices=ProcessingBasis.choices,
        blank=True,
    )
    privacy_notice = models.CharField(
        _("the author was told how the data are used"),
        max_length=32,
        choices=PrivacyNotice.choices,
        blank=True,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_appeals",
        verbose_name=_("assignee"),
    )

    # Deadlines (R8.2), stamped with the calendar that computed them.
    first_response_due = models.DateField(_("first response due"), null=True, blank=True)
    official_response_due = models.DateField(_("official response due"), null=True, blank=True)
    official_response_due_original = models.DateField(
        _("official response due before extension"), null=True, blank=True
    )
    extension_notice_due = models.DateField(
        _("applicant to be told of the extension by"), null=True, blank=True
    )
    extension_notice_given_on = models.DateField(
        _("applicant told of the extension on"), null=True, blank=True
    )
    calendar_version = models.CharField(_("calendar version"), max_length=64, blank=True)

    first_response_on = models.DateField(_("first response date"), null=True, blank=True)
    first_response_channel = models.CharField(
        _("first response channel"), max_length=32, choices=ResponseChannel.choices, blank=True
    )
    first_response_text = models.TextField(_("first response"), blank=True)
    first_response_letter_number = models.CharField(
        _("outgoing letter number"), max_length=64, blank=True
    )

    forwarded_to = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forwarded to (organization of the union)"),
    )
    forwarded_to_name = models.CharField(_("forwarded to"), max_length=255, blank=True)
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    # R8.2: forwarding is due within 3 working days of registration; a later one is allowed but
    # recorded here and counted (appeals.selectors.late_forwards, the list and the widget).
    forwarded_late = models.BooleanField(
        _("forwarded after the 3-working-day limit"), default=False
    )
    forward_reason = models.TextField(_("why it was forwarded"), blank=True)
    forward_applicant_informed_on = models.DateField(
        _("applicant informed of the forwarding on"), null=True, blank=True
    )
    forwarded_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forwarded_copies",
        verbose_name=_("forwarded from"),
    )

    official_response_on = models.DateField(_("official response date"), null=True, blank=True)
    official_response_number = models.CharField(_("outgoing number"), max_length=64, blank=True)
    official_response_text = models.TextField(_("official response"), blank=True)
    official_response_document = models.FileField(
        _("official response document"),
        upload_to=files.GeneratedName("appeals/responses", "official_response_document"),
        validators=[files.KindValidator(*files.OFFICIAL_RESPONSES)],
        blank=True,
    )

    outcome = models.CharField(_("outcome"), max_length=32, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    depersonalized_at = models.DateTimeField(_("depersonalized at"), null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "sequence"],
                condition=Q(sequence__isnull=False),
                name="appeal_unique_number_per_organization_year",
            ),
            models.CheckConstraint(
                condition=Q(status="not_registered") | Q(sequence__isnull=False),
                name="appeal_registered_has_number",
            ),
        ]
        indexes = [
            # The reminder scan (appeals.reminders) filters open appeals by each due date.
            models.Index(fields=["status", "first_response_due"], name="appeal_first_due_idx"),
            models.Index(fields=["status", "official_response_due"], name="appeal_official_idx"),
            models.Index(
                fields=["extension_notice_due"],
                condition=Q(extension_notice_given_on__isnull=True),
                name="appeal_ext_notice_idx",
            ),
            # The appeals list's order (appeals.selectors.filtered), issue 14.
            models.Index(fields=["-received_at", "-id"], name="appeal_received_idx"),
            # "My appeals" and the administrator's home widget.
            models.Index(fields=["assignee", "status"], name="appeal_assignee_idx"),
            # The depersonalization command.
            models.Index(fields=["status", "closed_at"], name="appeal_closed_idx"),
            # The daily depersonalization scan (appeals.services.appeals_depersonalize): final
            # states not yet depersonalized; small, as depersonalized rows leave it.
            models.Index(
                fields=["status"],
                condition=Q(depersonalized_at__isnull=True),
                name="appeal_personal_data_idx",
            ),
            # The late-forwarding count of the list and the widget (selectors.late_forwards).
            models.Index(
                fields=["organization"],
                condition=Q(forwarded_late=True),
                name="appeal_forwarded_late_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.number or str(_("message without registration"))

    @property
    def permission_organization(self) -> Organization:
        return self.organization

    @property
    def was_extended(self) -> bool:
        return (
            self.official_response_due_original is not None
            and self.official_response_due != self.official_response_due_original
        )

    def open_deadlines(self) -> list[tuple[str, date]]:
        """(deadline, due date) pairs that still run — reminders and "working days left"."""
        out: list[tuple[str, date]] = []
        if self.status in FIRST_RESPONSE_OPEN and self.first_response_due:
            out.append((Deadline.FIRST_RESPONSE, self.first_response_due))
        if self.status in OFFICIAL_RESPONSE_OPEN and self.official_response_due:
            out.append((Deadline.OFFICIAL_RESPONSE, self.official_response_due))
        if (
            self.status in OPEN
            and self.extension_notice_due
            and self.extension_notice_given_on is None
        ):
            out.append((Deadline.EXTENSION_NOTICE, self.extension_notice_due))
        return out


class AppealAttachment(models.Model):
    appeal = models.ForeignKey(
        Appeal, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("appeal")
    )
    file = models.FileField(
        _("file"),
        upload_to=files.GeneratedName("appeals/attachments", "file"),
        validators=[files.KindValidator(*files.SCREENSHOTS)],
    )
    # The name the user gave: shown and offered as the download name, never part of a path.
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name or self.file.name.rsplit("/", 1)[-1]

    @property
    def permission_organization(self) -> Organization:
        return self.appeal.organization


class Extension(models.Model):
    """One extension of the official deadline by a chairman: who, when, why, from and to."""

    appeal = models.ForeignKey(
        Appeal, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("appeal")
    )
    old_due = models.DateField(_("previous due date"))
    new_due = models.DateField(_("new due date"))
    reason = models.TextField(_("reason"))
    notice_due = models.DateField(_("applicant to be told by"))
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("extended by"),
    )
    created_at = models.DateTimeField(_("extended at"), auto_now_add=True)

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.appeal} {self.old_due} → {self.new_due}"


class RegistrationCounter(models.Model):
    """The last number given per organization and year; the row is locked while a number is
    taken, so two registrations at the same moment never share or skip one."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"], name="appeal_counter_unique_organization_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.year}: {self.last}"


class Deadline(models.TextChoices):
    FIRST_RESPONSE = "first_response", _("First response")
    OFFICIAL_RESPONSE = "official_response", _("Official response")
    EXTENSION_NOTICE = "extension_notice", _("Notice of the extension")


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("One working day before")
    DUE = "due", _("On the due date")
    OVERDUE = "overdue", _("Missed")


class Reminder(models.Model):
    """One sent reminder. The unique key is what makes sending exactly-once: the row and its
    notifications are written in one transaction, a second run's insert fails and sends
    nothing (appeals.reminders)."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="reminders")
    deadline = models.CharField(max_length=32, choices=Deadline.choices)
    kind = models.CharField(max_length=16, choices=ReminderKind.choices)
    due_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["appeal", "deadline", "kind", "due_date"], name="appeal_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.appeal_id} {self.deadline} {self.kind} {self.due_date}"


class DigestSent(models.Model):
    """The daily overdue digest sent to one chairman on one day (unique: sent once)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "day"], name="appeal_digest_once")
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.day}"

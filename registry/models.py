import calendar
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.expressions import ExpressionWrapper
from django.utils.translation import gettext_lazy as _

from accounts import files
from accounts.archive import Archivable, ArchivableQuerySet
from accounts.models import Organization, User


class Network(models.TextChoices):
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    TELEGRAM_CHANNEL = "telegram_channel", _("Telegram channel")
    TELEGRAM_GROUP = "telegram_group", _("Telegram group")
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    VK = "vk", "VK"
    X = "x", "X (Twitter)"
    THREADS = "threads", "Threads"
    WHATSAPP_CHANNEL = "whatsapp_channel", _("WhatsApp channel")
    OTHER = "other", _("Other network")


class PublicationLanguage(models.TextChoices):
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    BOTH = "both", _("Kazakh and Russian")


class AccountStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


# The compliance flags of journey 5, in the order the register shows them. Each is a boolean
# annotation computed in SQL by OfficialAccountQuerySet.with_flags().
FLAGS = {
    "no_decision": _("No creation decision"),
    "no_logo_check": _("No logo check"),
    "no_administrator": _("No current administrator"),
    "access_list": _("Access list not approved"),
    "rotation_overdue": _("Password rotation overdue"),
    "closed_target": _("Closed but still a publishing target"),
}


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class OfficialAccountQuerySet(ArchivableQuerySet):
    def with_flags(self, today: date) -> "OfficialAccountQuerySet":
        """Annotate `flag_<name>` for every compliance flag, in the query itself (one SELECT
        with EXISTS subqueries, whatever the number of accounts)."""
        account = OuterRef("pk")
        latest_logo = LogoCheck.objects.filter(account=account).order_by("-checked_on", "-id")
        current_admin = AdministratorAppointment.objects.filter(
            account=account, starts_on__lte=today
        ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        approved = AccessListVersion.objects.filter(
            account=account, status=AccessListVersion.Status.APPROVED
        )
        pending = AccessListVersion.objects.filter(
            account=account, status=AccessListVersion.Status.PENDING
        )
        open_ = ~Q(status=AccountStatus.CLOSED)

        def flag(q: Q) -> ExpressionWrapper:
            return ExpressionWrapper(q, output_field=models.BooleanField())

        return self.annotate(
            latest_logo_result=Subquery(latest_logo.values("result")[:1]),
            has_decision=Exists(CreationDecision.objects.filter(account=account)),
            has_administrator=Exists(current_admin),
            has_approved_list=Exists(approved),
            has_pending_list=Exists(pending),
        ).annotate(
            flag_no_decision=flag(Q(has_decision=False)),
            flag_no_logo_check=flag(
                open_
                & (
                    ~Q(latest_logo_result=LogoCheck.Result.PASSED)
                    | Q(latest_logo_result__isnull=True)
                    | Q(logo_recheck_required=True)
                )
            ),
            flag_no_administrator=flag(open_ & Q(has_administrator=False)),
            flag_access_list=flag(open_ & (Q(has_approved_list=False) | Q(has_pending_list=True))),
            flag_rotation_overdue=flag(open_ & Q(password_due_on__lt=today)),
            flag_closed_target=flag(Q(status=AccountStatus.CLOSED, is_publishing_target=True)),
        )

    def with_any_flag(self) -> "OfficialAccountQuerySet":
        q = Q()
        for name in FLAGS:
            q |= Q(**{f"flag_{name}": True})
        return self.filter(q)


class OfficialAccount(Archivable):
    """R4.1: an account created and registered on behalf of a union structure."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="official_accounts",
        verbose_name=_("organization"),
    )
    network = models.CharField(_("social network"), max_length=32, choices=Network.choices)
    display_name = models.CharField(_("page/account name"), max_length=255)
    handle = models.CharField(_("handle"), max_length=255, blank=True)
    # Validated and normalized by registry.links (per network), not by URLValidator.
    url = models.CharField(_("link"), max_length=500)
    # Host and path, lower-cased where the network ignores case: unique across the whole union.
    normalized_url = models.CharField(_("normalized link"), max_length=500, unique=True)
    languages = models.CharField(
        _("language of publications"), max_length=8, choices=PublicationLanguage.choices
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AccountStatus.choices, default=AccountStatus.ACTIVE
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    status_reason = models.TextField(_("reason of the status"), blank=True)
    is_publishing_target = models.BooleanField(
        _("used as a publishing target"),
        default=True,
        help_text=_("Publications may be planned for this account."),
    )
    logo_recheck_required = models.BooleanField(_("logo re-check required"), default=False)
    # Maintained by registry.services on every rotation and policy change (R9.3); the flag and
    # the reminder scan filter on it.
    password_due_on = models.DateField(_("next password change due"), db_index=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = OfficialAccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("official account")
        verbose_name_plural = _("official accounts")
        ordering = ["organization__path", "network", "display_name"]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.get_network_display()})"

    @property
    def permission_organization(self) -> Organization:
        return self.organization

    @property
    def link(self) -> str:
        return self.url


def _upload(folder: str, field: str) -> files.GeneratedName:
    """registry/<folder>/<yyyy>/<mm>/<uuid>.<detected extension>: no user text in the path."""
    return files.GeneratedName(f"registry/{folder}", field)


DOCUMENT_CHECK = files.KindValidator(*files.DOCUMENTS)  # PDF, PNG, JPEG by content


class AccountChild(models.Model):
    """Records that belong to one account; their organization is the account's."""

    account = models.ForeignKey(
        OfficialAccount, on_delete=models.CASCADE, verbose_name=_("official account")
    )
    recorded_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def permission_organization(self) -> Organization:
        return self.account.organization


class CreationDecision(AccountChild):
    """R4.2: the decision of the union body on which the account was created."""

    body = models.CharField(_("union body"), max_length=255)
    number = models.CharField(_("document number"), max_length=64)
    decided_on = models.DateField(_("document date"))
    document = models.FileField(
        _("document"), upload_to=_upload("decisions", "document"), validators=[DOCUMENT_CHECK]
    )

    class Meta:
        verbose_name = _("creation decision")
        verbose_name_plural = _("creation decisions")
        ordering = ["-decided_on", "-id"]
        default_related_name = "decisions"

    def __str__(self) -> str:
        return f"{self.body} № {self.number}"


class LogoCheck(AccountChild):
    """R4.4: the account's design carries the union's emblem and/or logo."""

    class Result(models.TextChoices):
        PASSED = "passed", _("Emblem/logo present")
        FAILED = "failed", _("Emblem/logo missing or wrong")

    checked_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("checked by")
    )
    checked_on = models.DateField(_("checked on"))
    result = models.CharField(_("result"), max_length=16, choices=Result.choices)
    screenshot = models.FileField(
        _("screenshot"), upload_to=_upload("logo", "screenshot"), validators=[DOCUMENT_CHECK]
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("logo check")
        verbose_name_plural = _("logo checks")
        ordering = ["-checked_on", "-id"]
        default_related_name = "logo_checks"

    def __str__(self) -> str:
        return f"{self.checked_on} {self.get_result_display()}"


class AdministratorAppointment(AccountChild):
    """R4.5: a responsible administrator appointed by the chairman's order."""

    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account_appointments",
        verbose_name=_("system user"),
    )
    full_name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    contacts = models.CharField(_("contacts"), max_length=255, blank=True)
    order_number = models.CharField(_("order number"), max_length=64)
    order_date = models.DateField(_("order date"))
    order_document = models.FileField(
        _("order"), upload_to=_upload("orders", "order_document"), validators=[DOCUMENT_CHECK]
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("administrator appointment")
        verbose_name_plural = _("administrator appointments")
        ordering = ["-starts_on", "-id"]
        default_related_name = "appointments"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="appointment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def is_current(self, today: date) -> bool:
        return self.starts_on <= today and (self.ends_on is None or self.ends_on >= today)


class AccessListVersion(AccountChild):
    """R9.2: the persons who hold the account's credentials. Every change is a new version,
    pending until the chairman of the owning organization approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SUPERSEDED = "superseded", _("Superseded")

    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
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
        verbose_name = _("access list version")
        verbose_name_plural = _("access list versions")
        ordering = ["-number"]
        default_related_name = "access_lists"
        constraints = [
            models.UniqueConstraint(fields=["account", "number"], name="access_list_unique_number"),
            models.UniqueConstraint(
                fields=["account"], condition=Q(status="pending"), name="access_list_one_pending"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account} v{self.number}"


class AccessListEntry(models.Model):
    version = models.ForeignKey(
        AccessListVersion,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("access list version"),
    )
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("system user"),
    )
    full_name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("person with access")
        verbose_name_plural = _("persons with access")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.full_name


class PasswordRotation(AccountChild):
    """R9.3: that the password was changed, when and by whom — never the password itself."""

    rotated_on = models.DateField(_("changed on"))
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("password change")
        verbose_name_plural = _("password changes")
        ordering = ["-rotated_on", "-id"]
        default_related_name = "rotations"

    def __str__(self) -> str:
        return str(self.rotated_on)


class RotationPolicy(models.Model):
    """A shorter password-change interval for one organization's accounts (R9.3 sets the
    longest: PASSWORD_ROTATION_MONTHS)."""

    organization = models.OneToOneField(
        Organization,
        on_delete=models.CASCADE,
        related_name="rotation_policy",
        verbose_name=_("organization"),
    )
    months = models.PositiveSmallIntegerField(_("interval, months"))

    class Meta:
        verbose_name = _("password-change interval")
        verbose_name_plural = _("password-change intervals")

    def __str__(self) -> str:
        return f"{self.organization}: {self.months}"

    @property
    def permission_organization(self) -> Organization:
        return self.organization


class RotationReminder(models.Model):
    """One row per reminder sent: the unique key makes the beat task safe to run twice."""

    class Kind(models.TextChoices):
        DAYS_30 = "30", _("30 days before")
        DAYS_7 = "7", _("7 days before")
        DAYS_1 = "1", _("1 day before")
        DUE = "0", _("on the day")
        OVERDUE = "overdue", _("overdue")

    account = models.ForeignKey(OfficialAccount, on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "due_on", "kind"], name="rotation_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account_id} {self.due_on} {self.kind}"


def rotation_interval_months(organization: Organization) -> int:
    policy = RotationPolicy.objects.filter(organization=organization).first()
    longest = settings.PASSWORD_ROTATION_MONTHS
    return min(policy.months, longest) if policy else longest


def _rule_ids() -> list[str]:
    """The requirement IDs of regulation.en.md that a breach can name (R, CL)."""
    ids = [f"R1.{i}" for i in range(1, 4)] + [f"R2.{i}" for i in range(1, 5)]
    ids += [f"R3.{i}" for i in range(1, 5)] + [f"R4.{i}" for i in range(1, 6)]
    ids += ["R5.1", "R5.2", "R5.3"] + [f"R5.3.{i}" for i in range(1, 7)]
    ids += [f"R6.{i}" for i in range(1, 5)] + [f"R7.{i}" for i in range(1, 4)]
    ids += [f"R8.{i}" for i in range(1, 4)] + [f"R9.{i}" for i in range(1, 4)]
    ids += [f"R10.{i}" for i in range(1, 4)]
    for section, count in ((2, 8), (3, 5), (4, 5), (5, 6), (6, 5), (7, 5), (8, 5)):
        ids += [f"CL{section}.{i}" for i in range(1, count + 1)]
    return [*ids, "CL9"]


RULE_IDS = _rule_ids()


class Violation(models.Model):
    """R11: a breach of the Regulation and the measure the competent governing body decided."""

    class Measure(models.TextChoices):
        PENDING = "pending", _("Not decided yet")
        DISCIPLINARY = "disciplinary", _("Disciplinary liability")
        UNION = "union", _("Union liability")
        NONE = "none", _("No measure")

    rule = models.CharField(
        _("rule"),
        max_length=16,
        choices=[(r, r) for r in RULE_IDS],
        help_text=_("The requirement that was broken, e.g. R9.3 or CL3.5."),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="violations",
        verbose_name=_("organization"),
    )
    account = models.ForeignKey(
        OfficialAccount,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="violations",
        verbose_name=_("official account"),
    )
    publication_reference = models.CharField(
        _("publication"),
        max_length=500,
        blank=True,
        help_text=_("Link to or title of the publication concerned, if any."),
    )
    responsible_user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="violations",
        verbose_name=_("person held responsible (system user)"),
    )
    responsible_name = models.CharField(_("person held responsible"), max_length=255)
    occurred_on = models.DateField(_("date of the breach"))
    description = models.TextField(_("what happened"))
    evidence = models.FileField(
        _("evidence"),
        upload_to=_upload("evidence", "evidence"),
        blank=True,
        validators=[DOCUMENT_CHECK],
    )
    measure = models.CharField(
        _("measure"), max_length=16, choices=Measure.choices, default=Measure.PENDING
    )
    measure_body = models.CharField(_("governing body"), max_length=255, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("violation")
        verbose_name_plural = _("violations and measures")
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.rule} — {self.responsible_name}"

    @property
    def permission_organization(self) -> Organization:
        return self.organization

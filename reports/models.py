"""Account metrics (RPT4) and the half-year report (Appendix 2).

Metrics are keyed so that re-importing the same file replaces rows instead of adding them:
one subscriber count per account and date, one set of period figures per account and period,
one set of engagement figures per publication target.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts import files
from accounts.archive import Archivable
from accounts.models import Organization, User
from content.models import PublicationTarget
from registry.models import OfficialAccount

from .appendix import GOAL_LABELS, RISK_LABELS, H
from .periods import months_span, whole_months


class SubscriberCount(models.Model):
    """RPT4.1: an account's subscribers on one date."""

    account = models.ForeignKey(
        OfficialAccount,
        on_delete=models.CASCADE,
        related_name="subscriber_counts",
        verbose_name=_("official account"),
    )
    on = models.DateField(_("date"))
    subscribers = models.PositiveIntegerField(_("subscribers"))
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("subscriber count")
        verbose_name_plural = _("subscriber counts")
        ordering = ["account", "-on"]
        constraints = [
            # The report's start/end subqueries look rows up by (account, on) through this key.
            models.UniqueConstraint(fields=["account", "on"], name="subscriber_count_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.account_id} {self.on}: {self.subscribers}"

    @property
    def permission_organization(self) -> Organization:
        return self.account.organization


class AccountPeriodMetrics(models.Model):
    """RPT4.2: an account's engagement over a period, as the network's statistics show it."""

    account = models.ForeignKey(
        OfficialAccount,
        on_delete=models.CASCADE,
        related_name="period_metrics",
        verbose_name=_("official account"),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    average_views = models.PositiveIntegerField(_("average views"))
    likes = models.PositiveIntegerField(_("likes"))
    comments = models.PositiveIntegerField(_("comments"))
    shares = models.PositiveIntegerField(_("shares/reposts"))
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("engagement for a period")
        verbose_name_plural = _("engagement for periods")
        ordering = ["account", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "starts_on", "ends_on"], name="period_metrics_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="period_metrics_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account_id} {self.starts_on}–{self.ends_on}"

    @property
    def permission_organization(self) -> Organization:
        return self.account.organization


class PublicationMetrics(models.Model):
    """Engagement of one published post (a publication on one account), where known."""

    target = models.OneToOneField(
        PublicationTarget,
        on_delete=models.CASCADE,
        related_name="metrics",
        verbose_name=_("post"),
    )
    views = models.PositiveIntegerField(_("views"))
    likes = models.PositiveIntegerField(_("likes"))
    comments = models.PositiveIntegerField(_("comments"))
    shares = models.PositiveIntegerField(_("shares/reposts"))
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("post engagement")
        verbose_name_plural = _("post engagement")

    def __str__(self) -> str:
        return f"{self.target_id}: {self.views}"

    @property
    def permission_organization(self) -> Organization:
        return self.target.account.organization


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("report", "Submitted")
    ACCEPTED = "accepted", pgettext_lazy("report", "Accepted")
    RETURNED = "returned", pgettext_lazy("report", "Returned for revision")


# The life cycle's table is reports.workflows.report_workflow (accounts.workflow).
# While in these states the narrative may be edited and the numbers refreshed.
EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)
# The parent has the report (the roll-up and the dashboard count these as "submitted").
HANDED_IN = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


class Goal(models.TextChoices):
    """RPT2.1: the template's list of goals ("other" is the free text beside it)."""

    INFORM = "inform", GOAL_LABELS["inform"]
    LEGAL_EDUCATION = "legal_education", GOAL_LABELS["legal_education"]
    REPUTATION = "reputation", GOAL_LABELS["reputation"]
    FEEDBACK = "feedback", GOAL_LABELS["feedback"]


class Risk(models.TextChoices):
    """RPT6.2: the template's kinds of risk found (details in the free text beside them)."""

    REPUTATIONAL = "reputational", RISK_LABELS["reputational"]
    LEGAL = "legal", RISK_LABELS["legal"]
    UNRELIABLE_INFORMATION = "unreliable_information", RISK_LABELS["unreliable_information"]


# The narrative sections written in the browser, in the order of Appendix 2. Each has a
# Russian twin `<name>_ru` (RUSSIAN_FIELDS) for the Russian PDF; the field without suffix is
# the text in the state language.
NARRATIVE_FIELDS = (
    "goals",
    "priorities",
    "disputes",
    "risks",
    "prevention",
    "elected_bodies",
    "legal_service",
    "problems",
    "causes",
    "plans",
    "assessment",
)
RUSSIAN_FIELDS = tuple(f"{name}_ru" for name in NARRATIVE_FIELDS)


def _in_russian(heading):
    return format_lazy("{} ({})", heading, _("in Russian"))


class Report(Archivable):
    """Appendix 2: an organization's report on its official accounts for a period."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="smm_reports",
        verbose_name=_("organization"),
    )
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period until"))
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    # RPT1.2
    responsible = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible employee"),
    )
    responsible_name = models.CharField(_("full name"), max_length=255, blank=True)
    responsible_position = models.CharField(_("position"), max_length=255, blank=True)
    responsible_position_ru = models.CharField(_("position in Russian"), max_length=255, blank=True)
    # The data sections (RPT1.3, RPT3, RPT4, RPT5.1–5.3, RPT6.1) as computed by
    # reports.compute; frozen from submission on.
    data = models.JSONField(_("computed sections"), default=dict)
    computed_at = models.DateTimeField(_("numbers computed at"), null=True, blank=True)
    # Narrative sections (plain text: paragraphs and "- " lists).
    goals = models.TextField(H["s2_1"], blank=True)
    priorities = models.TextField(H["s2_2"], blank=True)
    disputes = models.TextField(H["s5_4"], blank=True)
    risks = models.TextField(H["s6_2"], blank=True)
    prevention = models.TextField(H["s6_3"], blank=True)
    elected_bodies = models.TextField(H["s7_1"], blank=True)
    legal_service = models.TextField(H["s7_2"], blank=True)
    problems = models.TextField(H["s8_1"], blank=True)
    causes = models.TextField(H["s8_2"], blank=True)
    plans = models.TextField(H["s9"], blank=True)
    assessment = models.TextField(H["s10_text"], blank=True)
    # RPT2.1 and RPT6.2: keys of Goal and Risk, checked by the update step.
    goal_choices = models.JSONField(H["s2_1"], default=list, blank=True)
    risk_choices = models.JSONField(H["s6_2"], default=list, blank=True)
    # The Russian text of the narrative sections; empty means "left in Kazakh", and the
    # Russian PDF says so beside the Kazakh text.
    goals_ru = models.TextField(_in_russian(H["s2_1"]), blank=True)
    priorities_ru = models.TextField(_in_russian(H["s2_2"]), blank=True)
    disputes_ru = models.TextField(_in_russian(H["s5_4"]), blank=True)
    risks_ru = models.TextField(_in_russian(H["s6_2"]), blank=True)
    prevention_ru = models.TextField(_in_russian(H["s6_3"]), blank=True)
    elected_bodies_ru = models.TextField(_in_russian(H["s7_1"]), blank=True)
    legal_service_ru = models.TextField(_in_russian(H["s7_2"]), blank=True)
    problems_ru = models.TextField(_in_russian(H["s8_1"]), blank=True)
    causes_ru = models.TextField(_in_russian(H["s8_2"]), blank=True)
    plans_ru = models.TextField(_in_russian(H["s9"]), blank=True)
    assessment_ru = models.TextField(_in_russian(H["s10_text"]), blank=True)

    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("half-year report")
        verbose_name_plural = _("half-year reports")
        ordering = ["-starts_on", "organization__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "starts_on", "ends_on"], name="report_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="report_period_order"
            ),
        ]
        indexes = [
            # The roll-up and the dashboard look reports up by period and status.
            models.Index(fields=["starts_on", "ends_on", "status"], name="report_period_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.period_label}"

    @property
    def permission_organization(self) -> Organization:
        return self.organization

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def period_label(self) -> str:
        return period_label(self.starts_on, self.ends_on)


def half_year(day: date) -> tuple[date, date]:
    """The half-year (H1 January–June, H2 July–December) that contains `day`."""
    if day.month <= 6:
        return date(day.year, 1, 1), date(day.year, 6, 30)
    return date(day.year, 7, 1), date(day.year, 12, 31)


def previous_half_year(day: date) -> tuple[date, date]:
    start, _end = half_year(day)
    if start.month == 1:
        return date(start.year - 1, 7, 1), date(start.year - 1, 12, 31)
    return date(start.year, 1, 1), date(start.year, 6, 30)


def period_label(start: date, end: date) -> str:
    if (start.month, start.day, end.month, end.day) == (1, 1, 6, 30) and start.year == end.year:
        return str(_("H1 %(year)s") % {"year": start.year})
    if (start.month, start.day, end.month, end.day) == (7, 1, 12, 31) and start.year == end.year:
        return str(_("H2 %(year)s") % {"year": start.year})
    if whole_months(start, end):
        return months_span(start, end)
    return f"{start:%d.%m.%Y}–{end:%d.%m.%Y}"


class ReportReminder(models.Model):
    """One row per reminder sent: the unique key makes the beat task safe to run twice."""

    class Kind(models.TextChoices):
        PERIOD_END = "period_end", _("Last week of the half-year")
        DEADLINE = "deadline", _("The deadline is near")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    starts_on = models.DateField()
    ends_on = models.DateField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "starts_on", "ends_on", "kind"], name="report_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.starts_on}–{self.ends_on} {self.kind}"


class OrganizationSummary(models.Model):
    """Issue 14, point 4: the compliance dashboard's figures of one organization alone (not its
    subtree), kept by reports.summary.refresh_dashboard (beat, every few minutes). The page reads
    its page of rows and one aggregate over the rows of the reader's subtree."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    on = models.DateField()  # the day the figures are for (flags and overdue depend on it)
    accounts = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)  # accounts with any R4 or R9 flag
    r4 = models.PositiveIntegerField(default=0)  # accounts with an R4 flag
    r9 = models.PositiveIntegerField(default=0)  # accounts with an R9 flag
    open_appeals = models.PositiveIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)
    urgent = models.PositiveIntegerField(default=0)
    published = models.PositiveIntegerField(default=0)  # since the current half-year began
    unchecked = models.PositiveIntegerField(default=0)
    plan = models.CharField(max_length=8, blank=True)  # "approved", "pending", ""
    plan_rank = models.PositiveSmallIntegerField(default=0)  # the order the page sorts by
    report_status = models.CharField(max_length=16, blank=True)  # the previous half-year's
    report_rank = models.PositiveSmallIntegerField(default=0)
    report_pk = models.PositiveIntegerField(null=True, blank=True)
    computed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.organization_id} {self.computed_at:%Y-%m-%d %H:%M}"


class RollupSummary(models.Model):
    """Issue 14, point 4: the roll-up's figures of one organization for one half-year, its own
    (`own`) and summed over its subtree (`subtree`), kept by reports.summary.refresh_rollup.
    `own.messages` leaves out copies forwarded from inside the organization's own subtree,
    `subtree.messages` those forwarded from inside its parent's subtree (the row it is on the
    parent's roll-up) and `subtree_messages` those from inside its own subtree (its total)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    starts_on = models.DateField()
    ends_on = models.DateField()
    own = models.JSONField(default=dict)
    subtree = models.JSONField(default=dict)
    subtree_messages = models.PositiveIntegerField(default=0)
    report_pk = models.PositiveIntegerField(null=True, blank=True)
    report_status = models.CharField(max_length=16, blank=True)
    descendants = models.PositiveIntegerField(default=0)  # active organizations below
    descendants_handed_in = models.PositiveIntegerField(default=0)  # their reports handed in
    children_missing = models.PositiveIntegerField(default=0)  # children without one
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "starts_on", "ends_on"], name="rollup_summary_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.starts_on}–{self.ends_on}"


class PdfJob(models.Model):
    """Issue 14: a report or roll-up PDF built by a Celery worker (reports.pdf_jobs), never in
    the web request. The file is stored through the project's storage (accounts.files) and sent
    back only by the permission-checked download view. One job per document is in progress at
    a time (`key`): asking again while it is queued or running returns the same job."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Half-year report")
        ROLLUP = "rollup", _("Roll-up report")

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("pdf job", "Queued")
        RUNNING = "running", pgettext_lazy("pdf job", "Being built")
        DONE = "done", pgettext_lazy("pdf job", "Ready")
        FAILED = "failed", pgettext_lazy("pdf job", "Failed")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    requested_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # The object: the report, or the roll-up of `organization` for the period.
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="pdf_jobs"
    )
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period until"))
    language = models.CharField(_("language"), max_length=2)
    key = models.CharField(max_length=120)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    file = models.FileField(
        _("file"), upload_to=files.GeneratedName("reports/pdf", "file"), blank=True
    )
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("PDF being built")
        verbose_name_plural = _("PDFs being built")
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(status__in=["queued", "running"]),
                name="pdf_job_one_in_progress",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="pdf_job_progress_percent"),
        ]
        indexes = [models.Index(fields=["key", "-created_at"], name="pdf_job_key_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} {self.status}"

    @property
    def permission_organization(self) -> Organization:
        return self.organization

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

"""The pre-publication checklist (Appendix 1 of the Regulation, CL1–CL9).

The checklist's wording is data, versioned: a `TemplateVersion` holds sections CL2–CL8 and their
items, in Kazakh (verbatim from the Regulation) and Russian. A filled `Checklist` belongs to one
`content.PublicationVersion` and keeps the template version it was filled against, so publishing a
new template never changes a checklist already filled.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.archive import Archivable
from accounts.models import Organization, User


def _localized(obj, field: str) -> str:
    """The Russian text when the active language is Russian, else the binding Kazakh one."""
    ru = (get_language() or "").startswith("ru")
    return (
        getattr(obj, f"{field}_ru")
        if ru and getattr(obj, f"{field}_ru")
        else getattr(obj, f"{field}_kk")
    )


class TemplateVersionQuerySet(models.QuerySet):
    def published(self) -> TemplateVersionQuerySet:
        return self.filter(published_at__isnull=False)

    def current(self) -> TemplateVersion | None:
        """The template new checklists are filled against: the latest published version."""
        return self.published().order_by("-number").first()


class TemplateVersion(models.Model):
    """One edition of the checklist's wording. A draft is edited by a superuser (in the admin);
    once published it never changes, and becomes the template of every new checklist."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    note = models.TextField(_("what changed"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    objects = TemplateVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("checklist template version")
        verbose_name_plural = _("checklist template versions")
        ordering = ["-number"]

    def __str__(self) -> str:
        return str(_("Checklist template, version %(number)s") % {"number": self.number})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class TemplateSection(models.Model):
    """A section of Appendix 1 (CL2–CL8) with the Regulation's heading and lead-in line."""

    template = models.ForeignKey(
        TemplateVersion,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("checklist template version"),
    )
    code = models.CharField(_("code"), max_length=16)  # "CL2"
    number = models.PositiveSmallIntegerField(_("number"))  # 2, as printed in Appendix 1
    position = models.PositiveSmallIntegerField(_("display order"), default=0)
    title_kk = models.CharField(_("heading in Kazakh"), max_length=255)
    title_ru = models.CharField(_("heading in Russian"), max_length=255)
    intro_kk = models.CharField(_("lead-in in Kazakh"), max_length=255, blank=True)
    intro_ru = models.CharField(_("lead-in in Russian"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("checklist section")
        verbose_name_plural = _("checklist sections")
        ordering = ["template", "position", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "code"], name="checklist_section_unique_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return _localized(self, "title")

    @property
    def intro(self) -> str:
        return _localized(self, "intro")


class NotApplicable(models.TextChoices):
    """When an item may be answered "not applicable" (issue 5, point 2)."""

    NEVER = "never", _("Never")
    WHERE_NEEDED = "where_needed", _("When the item does not apply to this publication")
    WITHOUT_VISUALS = "without_visuals", _("Only when the publication has no visual materials")


class TemplateItem(models.Model):
    section = models.ForeignKey(
        TemplateSection,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("checklist section"),
    )
    code = models.CharField(_("code"), max_length=16)  # "CL2.1", as in regulation.en.md
    position = models.PositiveSmallIntegerField(_("display order"), default=0)
    text_kk = models.TextField(_("text in Kazakh"))
    text_ru = models.TextField(_("text in Russian"))
    not_applicable = models.CharField(
        _("not applicable allowed"),
        max_length=16,
        choices=NotApplicable.choices,
        default=NotApplicable.NEVER,
    )
    # CL2 and CL8.2: the items an administrator may route to a lawyer as "the legal section".
    is_legal = models.BooleanField(_("legal review"), default=False)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["section__position", "section__number", "position", "id"]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"

    @property
    def text(self) -> str:
        return _localized(self, "text")

    def allows_not_applicable(self, has_visual_materials: bool) -> bool:
        """The item's own rule (template data, not the section's code) says when "not
        applicable" is a valid answer; the service and the page both ask this."""
        if self.not_applicable == NotApplicable.WHERE_NEEDED:
            return True
        if self.not_applicable == NotApplicable.WITHOUT_VISUALS:
            return not has_visual_materials
        return False

    def not_applicable_by_itself(self, has_visual_materials: bool) -> bool:
        """True when "not applicable" needs no comment because the template's rule already
        explains it: an item allowed N/A only without visual materials (CL6 in Appendix 1), on
        a version that has none. The stored comment then says so (NO_VISUALS)."""
        return self.not_applicable == NotApplicable.WITHOUT_VISUALS and not has_visual_materials


class Decision(models.TextChoices):
    """CL9, in the Regulation's words (translated in locale/)."""

    PERMITTED = "permitted", _("Posting of the publication is permitted")
    REVISION = "revision", _("The publication is sent back for revision")
    PROHIBITED = "prohibited", _("Posting of the publication is prohibited")


class Checklist(Archivable):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", pgettext_lazy("checklist", "In progress")
        COMPLETED = "completed", pgettext_lazy("checklist", "Completed")

    # Allowed status changes: a completed checklist is frozen for good (CL8.4).
    TRANSITIONS = {Status.IN_PROGRESS: {Status.COMPLETED}, Status.COMPLETED: set()}

    version = models.OneToOneField(
        "content.PublicationVersion",
        on_delete=models.CASCADE,
        related_name="checklist",
        verbose_name=_("publication version"),
    )
    template = models.ForeignKey(
        TemplateVersion,
        on_delete=models.PROTECT,
        related_name="checklists",
        verbose_name=_("checklist template version"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.IN_PROGRESS
    )
    # Answers copied from the previous version's checklist as a starting point (issue 5.4).
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answers copied from"),
    )
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    # CL9: the final decision and the responsible person's confirmation ("signature").
    decision = models.CharField(
        _("final decision"), max_length=16, choices=Decision.choices, blank=True
    )
    decision_comment = models.TextField(_("comment"), blank=True)
    responsible_name = models.CharField(_("responsible person"), max_length=255, blank=True)
    responsible_position = models.CharField(_("position"), max_length=255, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    decided_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    signature_method = models.CharField(_("confirmed with"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["-created_at", "-id"]
        constraints = [
            # A completed checklist always carries its decision and who signed it, when.
            models.CheckConstraint(
                condition=Q(status="in_progress", decision="")
                | Q(status="completed", decided_at__isnull=False) & ~Q(decision=""),
                name="checklist_decision_iff_completed",
            )
        ]
        indexes = [
            # RPT3.4 (selectors.report_figures) counts decisions per period.
            models.Index(fields=["decision", "decided_at"], name="checklist_decision_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Checklist of %(version)s") % {"version": self.version})

    @property
    def permission_organization(self) -> Organization:
        return self.version.publication.organization

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class Answer(models.Model):
    class Value(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        NOT_APPLICABLE = "na", _("Not applicable")

    checklist = models.ForeignKey(
        Checklist, on_delete=models.CASCADE, related_name="answers", verbose_name=_("checklist")
    )
    item = models.ForeignKey(
        TemplateItem, on_delete=models.PROTECT, related_name="answers", verbose_name=_("item")
    )
    value = models.CharField(_("answer"), max_length=4, choices=Value.choices)
    comment = models.TextField(_("comment"), blank=True)
    answered_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("answered by")
    )
    answered_at = models.DateTimeField(_("answered at"))
    # Set when the answer was copied from the previous version's checklist and not yet re-given.
    copied = models.BooleanField(_("copied from the previous version"), default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["item__section__position", "item__position"]
        constraints = [
            models.UniqueConstraint(fields=["checklist", "item"], name="checklist_answer_once"),
            # "No" and N/A always say why (issue 5, point 2); the services check it first.
            models.CheckConstraint(
                condition=Q(value="yes") | ~Q(comment=""), name="checklist_answer_comment"
            ),
        ]
        indexes = [
            # RPT3.4: the items most often answered "no".
            models.Index(fields=["value", "item"], name="checklist_answer_value_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.item.code}: {self.get_value_display()}"

    @property
    def permission_organization(self) -> Organization:
        return self.checklist.permission_organization


class RouteRound(models.Model):
    """One routing of items to a lawyer (CL8.2; issue 13, point 2): the administrator's question,
    the thread of replies, and when the lawyer had answered every item of the round — the moment
    the administrator is told, once per round."""

    checklist = models.ForeignKey(
        Checklist, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("checklist")
    )
    lawyer = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("lawyer")
    )
    note = models.TextField(_("question for the lawyer"), blank=True)
    routed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("routed by")
    )
    routed_at = models.DateTimeField(_("routed at"))
    # Set once, when the last item of the round is answered; the notification goes out then.
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("legal review round")
        verbose_name_plural = _("legal review rounds")
        ordering = ["routed_at", "id"]

    def __str__(self) -> str:
        return f"{self.checklist_id} → {self.lawyer}"

    @property
    def permission_organization(self) -> Organization:
        return self.checklist.permission_organization


class RouteMessage(models.Model):
    """A reply in a round's thread, by its lawyer or the organization's administrators."""

    round = models.ForeignKey(
        RouteRound,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("legal review round"),
    )
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    text = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("legal review message")
        verbose_name_plural = _("legal review messages")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]


class Route(models.Model):
    """An item routed to a lawyer for legal review (CL2, CL8.2; issue 5, point 5). While the
    route stands, only that lawyer answers the item."""

    checklist = models.ForeignKey(
        Checklist, on_delete=models.CASCADE, related_name="routes", verbose_name=_("checklist")
    )
    item = models.ForeignKey(
        TemplateItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("item")
    )
    lawyer = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="checklist_routes", verbose_name=_("lawyer")
    )
    note = models.TextField(_("question for the lawyer"), blank=True)
    routed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("routed by")
    )
    routed_at = models.DateTimeField(_("routed at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # The routing this item was last sent in (issue 13, point 2).
    round = models.ForeignKey(
        RouteRound,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="routes",
        verbose_name=_("legal review round"),
    )

    class Meta:
        verbose_name = _("legal review")
        verbose_name_plural = _("legal reviews")
        ordering = ["routed_at", "item__position"]
        constraints = [
            models.UniqueConstraint(fields=["checklist", "item"], name="checklist_route_once")
        ]
        indexes = [
            # The lawyer's "checklists waiting for me" (home widget and list).
            models.Index(fields=["lawyer", "answered_at"], name="checklist_route_waiting_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.item.code} → {self.lawyer}"

    @property
    def permission_organization(self) -> Organization:
        return self.checklist.permission_organization


# Language codes a printed checklist can be rendered in.
PDF_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)

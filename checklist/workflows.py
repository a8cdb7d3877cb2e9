"""The checklist's own workflow (accounts.workflow): a checklist is filled in, routed in part to
a lawyer, and closed by the responsible person's final decision (CL9).

| action | from        | to          | permission        | guards                    |
|--------|-------------|-------------|-------------------|---------------------------|
| route  | in_progress | (unchanged) | checklist.route   | CL8.4                     |
| decide | in_progress | completed   | checklist.decide  | CL8.4, CL9, CL8.2         |

Answers are not a step of this table: each item has its own author (the administrators, or the
lawyer it is routed to), so `services.answers_save` writes them, behind the same CL8.4 check.

The decision then moves the publication through content's workflow ("checklist_return",
"checklist_prohibit", internal steps no page offers) and tells its author — content never
imports the checklist; the checklist, a floor above, calls content.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import archive
from accounts.models import Membership, Role, User
from accounts.notifications import notify
from accounts.workflow import Step, Transition, Workflow

from .models import Answer, Checklist, Decision, Route, RouteRound, TemplateItem

S = Checklist.Status

FROZEN = _("The checklist is completed and frozen: nothing can be changed.")
NOT_CURRENT = _("Only the checklist of the publication's current version can be changed.")


def checklist_url(version) -> str:
    return reverse("checklist:detail", args=[version.pk])


def version_refusal(version) -> Any:
    """CL8.4 for a publication version: only the current version's checklist, before its
    decision froze the text and materials, may change. The services, the workflow's guard and
    the page all ask this one function."""
    if version.is_frozen:
        return FROZEN
    if version.publication.current_version_id != version.pk:
        return NOT_CURRENT
    return None


class ChecklistWorkflow(Workflow):
    def lock(self, obj: Any) -> Any:
        """Publication, then version, then checklist: the order content's services lock in, so
        a decision and an edit of the publication never wait for each other crosswise."""
        from content.models import Publication, PublicationVersion

        Publication.objects.select_for_update().filter(pk=obj.version.publication_id).first()
        PublicationVersion.objects.select_for_update().filter(pk=obj.version_id).first()
        return super().lock(obj)


checklist_workflow = ChecklistWorkflow(
    "checklist",
    Checklist,
    select_related=("version__publication__organization", "version__publication__author"),
    not_now=lambda checklist: FROZEN,
    description="The pre-publication checklist, from filling in to its final decision (CL9).",
    transitions=[
        Transition(
            "route",
            (S.IN_PROGRESS,),
            None,
            "checklist.route",
            _("Send to the lawyer"),
            guards=("CL8.4",),
            form="route",
            style="outline-primary",
            audit_label=_("Checklist items routed to a lawyer"),
        ),
        Transition(
            "decide",
            (S.IN_PROGRESS,),
            S.COMPLETED,
            "checklist.decide",
            _("Sign the decision"),
            guards=("CL8.4", "CL9", "CL8.2"),
            form="decision",
            audit_label=_("Checklist final decision signed"),
        ),
    ],
)

# Issue 12 point 5: a checklist is archived (reason, audit), never deleted; the checklist of an
# archived publication counts as archived too.
archive.attach(
    checklist_workflow,
    rule="CL8.4",
    doc="CL8.4: the checklist, like the version and materials it checked, is kept — it is "
    "archived, never deleted, and neither an archived checklist nor the checklist of an "
    "archived publication changes until a chairman restores it.",
    archived=lambda checklist: checklist.version.publication.archived_at is not None,
)


# Guards ---------------------------------------------------------------------------------------


@checklist_workflow.guard("CL8.4")
def current_unfrozen_version(actor: Any, checklist: Checklist, data: dict) -> Any:
    """CL8.4: the final version and all its materials are kept as they were checked — only the
    checklist of the publication's current version, not yet frozen, changes."""
    return version_refusal(checklist.version)


@checklist_workflow.guard("CL9")
def every_item_answered(actor: Any, checklist: Checklist, data: dict) -> Any:
    """CL9: the final decision is taken on the whole of Appendix 1 — every item of CL2–CL8 of
    the checklist's template is answered first."""
    if checklist.pk is None:
        return _("Answer the checklist's items before the final decision.")
    missing = list(
        TemplateItem.objects.filter(section__template_id=checklist.template_id)
        .exclude(Exists(Answer.objects.filter(checklist=checklist, item=OuterRef("pk"))))
        .order_by("section__position", "section__number", "position", "id")
        .values_list("code", flat=True)
    )
    if missing:
        return _("Answer every item before the final decision; unanswered: %(codes)s.") % {
            "codes": ", ".join(missing)
        }
    return None


@checklist_workflow.guard("CL8.2")
def legal_review_answered(actor: Any, checklist: Checklist, data: dict) -> Any:
    """CL8.2: where the legal service was asked (items routed to a lawyer), it has answered
    before the decision is signed."""
    if checklist.pk is None:
        return None
    pending = sorted(
        Route.objects.filter(checklist=checklist, answered_at__isnull=True).values_list(
            "item__code", flat=True
        )
    )
    if pending:
        return _("The lawyer has not answered items %(codes)s yet.") % {"codes": ", ".join(pending)}
    return None


# Effects --------------------------------------------------------------------------------------


@checklist_workflow.effect("route")
def _route(step: Step) -> None:
    """Route items (the legal section CL2, CL8.2 or single items) to a lawyer of the
    organization or of a higher one; an item already routed goes to the new lawyer."""
    from . import services

    checklist, actor = step.obj, step.actor
    lawyer: User = step.data["lawyer"]
    note = (step.data.get("note") or "").strip()
    if not services.is_lawyer_for(lawyer, checklist.version.publication.organization):
        raise ValidationError(
            {"lawyer": _("Choose a lawyer of this organization or of a higher organization.")}
        )
    template_id = checklist.template_id
    items = [i for i in step.data.get("items", ()) if i.section.template_id == template_id]
    if not items:
        raise ValidationError({"items": _("Choose the items for the lawyer.")})
    now = timezone.now()
    # One round per routing (issue 13, point 2): its question, its thread, and its one notice
    # to the administrator when the lawyer has answered all of it.
    round_ = RouteRound.objects.create(
        checklist=checklist, lawyer=lawyer, note=note, routed_by=actor, routed_at=now
    )
    for item in items:
        Route.objects.update_or_create(
            checklist=checklist,
            item=item,
            defaults={
                "lawyer": lawyer,
                "note": note,
                "routed_by": actor,
                "routed_at": now,
                "answered_at": None,
                "round": round_,
            },
        )
    codes = ", ".join(i.code for i in items)
    step.changes = {"lawyer": [None, lawyer.get_full_name()], "items": [None, codes]}
    step.comment = note
    notify(
        [lawyer],
        kind="checklist.routed",
        title=_("Legal review of the checklist of “%(title)s”"),
        body=_("%(actor)s asks you to answer items %(codes)s."),
        params={"title": checklist.version.title, "actor": actor.get_full_name(), "codes": codes},
        url=checklist_url(checklist.version),
        actor=actor,
    )


def _position_of(actor: User, organization) -> str:
    memberships = Membership.objects.filter(
        user=actor, organization=organization, role__in=[Role.CHAIRMAN, Role.ADMINISTRATOR]
    ).order_by("role")  # "administrator" < "chairman": the role the person acts in here
    for membership in memberships:
        if membership.position:
            return membership.position
    first = memberships.first()
    return str(first.get_role_display()) if first else ""


@checklist_workflow.effect("decide")
def _decide(step: Step) -> None:
    """CL9: one of the three decisions, by the responsible person, "signed" by re-entering
    their password. What the person typed is checked here (ValidationError on the form's
    field); what the checklist must be is checked by the guards."""
    checklist, actor = step.obj, step.actor
    decision = step.data.get("decision") or ""
    comment = (step.data.get("comment") or "").strip()
    password = step.data.get("password") or ""
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose the final decision.")})
    if not password or not actor.check_password(password):
        raise ValidationError({"password": _("The password is not correct.")})
    if decision == Decision.PERMITTED and checklist.answers.filter(value=Answer.Value.NO).exists():
        raise ValidationError(
            {"decision": _("Posting cannot be permitted while an item is answered “no”.")}
        )
    if decision != Decision.PERMITTED and not comment:
        raise ValidationError(
            {"comment": _("Say what must change, or why the posting is prohibited.")}
        )
    checklist.decision = decision
    checklist.decision_comment = comment
    checklist.responsible_name = actor.get_full_name()
    checklist.responsible_position = _position_of(actor, checklist.version.publication.organization)
    checklist.decided_by = actor
    checklist.decided_at = timezone.now()
    # "password+otp" when the form also verified a second-factor code (checklist/forms.py).
    checklist.signature_method = "password+otp" if step.data.get("second_factor") else "password"
    step.update_fields |= {
        "decision",
        "decision_comment",
        "responsible_name",
        "responsible_position",
        "decided_by",
        "decided_at",
        "signature_method",
    }
    step.changes = {"decision": [None, decision]}
    step.comment = comment


# Hooks ----------------------------------------------------------------------------------------

# The decision's internal step on the publication (content/workflows.py).
MOVES = {Decision.REVISION: "checklist_return", Decision.PROHIBITED: "checklist_prohibit"}


def after_decision(step: Step) -> None:
    """CL8.4, CL9: the decided version is frozen; "revision" returns the publication to its
    author with the comment, "prohibited" ends it, "permitted" leaves it ready to submit. The
    author's notice ("returned for revision" / "prohibited", with the comment) is sent by the
    effect content registers on those two steps, so the author hears it once."""
    # Content owns its versions and states; the checklist, a floor above, asks it.
    from content.publications import version_freeze
    from content.workflows import publication_workflow

    checklist = step.obj
    version_freeze(version=checklist.version)
    action = MOVES.get(checklist.decision)
    if action is not None:
        publication_workflow.perform(
            step.actor, checklist.version.publication, action, comment=checklist.decision_comment
        )


checklist_workflow.on("decide", after_decision)

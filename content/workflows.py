"""The content app's workflows, declared as tables (accounts.workflow). The guards named here are
registered in content/guards.py, except CL1, which the checklist app registers on
`publication_workflow` in its AppConfig.ready() (content never imports the checklist).

Other apps learn of a publication's new version through `on_new_version` (the checklist copies
its answers forward), again without content importing them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts import archive
from accounts.workflow import Transition, Workflow

from .models import ContentPlan, Publication, PublicationStatus

S = PublicationStatus
P = ContentPlan.Status
EDITABLE = (S.DRAFT, S.RETURNED)


def _gives_group_approval(actor: Any, publication: Publication) -> bool:
    """R10.1: a member of the working group of the publication's active crisis."""
    from .guards import in_working_group

    crisis = publication.crisis
    return crisis is not None and crisis.is_active and in_working_group(actor, crisis)


def _in_active_working_group(actor: Any, publication: Publication) -> bool:
    """R10.1: a member of the working group of the crisis now over the publication's
    organization (declared there or above)."""
    from .guards import in_active_working_group

    return in_active_working_group(actor, publication)


publication_workflow = Workflow(
    "content.publication",
    Publication,
    select_related=("organization", "current_version", "author", "crisis"),
    not_now=lambda p: (
        _("This is not possible while the publication is “%(status)s”.")
        % {"status": p.get_status_display()}
    ),
    description="A publication from draft to published (R6, R10, Appendix 1).",
    transitions=[
        Transition(
            "submit",
            EDITABLE,
            S.SUBMITTED,
            "content.publication.edit",
            _("Submit for approval"),
            guards=("CL1", "R4.2", "R6.1", "R10.2", "R6.2-limits"),
            audit_label=_("Publication submitted for approval"),
        ),
        Transition(
            "publish_urgent",
            EDITABLE,
            S.PUBLISHED,
            "content.publication.publish",
            _("Publish now as urgent"),
            guards=(
                "R6.4",
                "R6.3-urgent",
                "CL1",
                "R4.2",
                "R4.5",
                "R6.1",
                "R10.2-urgent",
                "R4.1",
                "R6.2-limits",
            ),
            form="urgent",
            style="danger",
            hidden_when=("R6.4",),
            audit_label=_("Urgent message published"),
        ),
        Transition(
            "recall",
            (S.SUBMITTED,),
            S.DRAFT,
            "content.publication.edit",
            _("Recall from approval"),
            style="outline-secondary",
            audit_label=_("Publication recalled from approval"),
        ),
        Transition(
            "approve",
            (S.SUBMITTED,),
            S.APPROVED,
            "content.publication.approve",
            pgettext_lazy("publication", "Approve"),
            guards=("R6.3", "R6.2-once", "R6.2-limits"),
            also=_gives_group_approval,
            form="comment",
            style="success",
            audit_label=_("Publication approved"),
        ),
        Transition(
            "return",
            (S.SUBMITTED,),
            S.RETURNED,
            "content.publication.approve",
            _("Return for revision"),
            also=_gives_group_approval,
            form="comment_required",
            style="outline-warning",
            audit_label=_("Publication returned for revision"),
        ),
        Transition(
            "prohibit",
            (S.SUBMITTED,),
            S.PROHIBITED,
            "content.publication.approve",
            _("Prohibit"),
            also=_gives_group_approval,
            form="comment_required",
            style="outline-danger",
            audit_label=_("Publication prohibited"),
        ),
        Transition(
            "publish",
            (S.APPROVED,),
            S.PUBLISHED,
            "content.publication.publish",
            _("Record as published"),
            guards=("R4.2", "R4.5", "R10.2-approved-before", "R4.1"),
            form="links",
            style="success",
            audit_label=_("Publication published"),
        ),
        Transition(
            "acknowledge",
            (S.PUBLISHED, S.WITHDRAWN),
            None,
            "content.publication.acknowledge",
            _("Acknowledge"),
            guards=("R6.4-acknowledge",),
            form="comment",
            hidden_when_refused=True,
            audit_label=_("Urgent message acknowledged"),
        ),
        Transition(
            "withdraw",
            (S.PUBLISHED,),
            S.WITHDRAWN,
            "content.publication.withdraw",
            _("Withdraw"),
            form="reason",
            style="outline-danger",
            audit_label=_("Publication withdrawn"),
        ),
        Transition(
            "crisis_confirm",
            (S.DRAFT, S.RETURNED, S.APPROVED),
            None,
            "content.crisis.confirm",
            _("Approve for the working group"),
            guards=("R10.2-confirm",),
            also=_in_active_working_group,
            form="crisis_note",
            style="outline-success",
            hidden_when_refused=True,
            audit_label=_("Publication approved by the working group"),
        ),
        # The checklist's final decision (CL9) moves the publication; no page offers these.
        Transition(
            "checklist_return",
            EDITABLE,
            S.RETURNED,
            "content.view",
            _("Returned for revision by the checklist"),
            form="internal",
            audit_label=_("Publication returned for revision"),
        ),
        Transition(
            "checklist_prohibit",
            EDITABLE,
            S.PROHIBITED,
            "content.view",
            _("Prohibited by the checklist"),
            form="internal",
            audit_label=_("Publication prohibited"),
        ),
    ],
)

# Issue 12 point 5: a publication is archived with its versions (reason, audit), never deleted.
archive.attach(
    publication_workflow,
    rule="CL8.4",
    doc="CL8.4: the final version and all its materials are kept — a publication is archived "
    "with its versions, never deleted, and an archived publication takes no further step until "
    "a chairman restores it.",
)

plan_workflow = Workflow(
    "content.plan",
    ContentPlan,
    select_related=("organization",),
    not_now=lambda p: (
        _("This is not possible while the plan is “%(status)s”.")
        % {"status": p.get_status_display()}
    ),
    description="A content plan for the period the union body set (R6.1).",
    transitions=[
        Transition(
            "submit",
            (P.DRAFT, P.RETURNED),
            P.SUBMITTED,
            "content.plan.edit",
            _("Submit for approval"),
            guards=("R6.1-items",),
            audit_label=_("Content plan submitted"),
        ),
        Transition(
            "approve",
            (P.SUBMITTED,),
            P.APPROVED,
            "content.plan.approve",
            _("Approve"),
            form="comment",
            style="success",
            audit_label=_("Content plan approved"),
        ),
        Transition(
            "return",
            (P.SUBMITTED,),
            P.RETURNED,
            "content.plan.approve",
            _("Return for revision"),
            form="comment_required",
            style="outline-warning",
            audit_label=_("Content plan returned"),
        ),
    ],
)


# Other apps hear of a publication's new version without content importing them.
_new_version_listeners: list[Callable[..., None]] = []


def on_new_version(receiver: Callable[..., None]) -> None:
    """`receiver(old_version=…, new_version=…, actor=…)` runs in the edit's transaction."""
    if receiver not in _new_version_listeners:
        _new_version_listeners.append(receiver)


def new_version_created(*, old_version: Any, new_version: Any, actor: Any) -> None:
    for receiver in _new_version_listeners:
        receiver(old_version=old_version, new_version=new_version, actor=actor)

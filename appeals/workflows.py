"""The appeal's workflow, declared as a table (accounts.workflow), with its guards.

Each transition names the permission action to ask (appeals/permissions.py) and the guards that
must pass; each guard cites the rule it enforces and refuses in words that say what to do. The
effects — validating the step's data, setting fields, notifying — are registered in
appeals/services.py, which every write goes through. Pages offer only what
`appeal_workflow.available_actions(user, appeal)` returns.

Who answers (R8.1, R8.2): the handlers of the responsible organization — its administrators,
lawyers and chairman — give the responses, forward, take into work and close. A chairman above
may reassign the appeal and extend its term, but not answer or close it for them.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import archive
from accounts.workflow import Transition, Workflow

from .models import OFFICIAL_RESPONSE_OPEN, OPEN, Appeal, Status
from .permissions import is_handler

S = Status

appeal_workflow = Workflow(
    "appeals.appeal",
    Appeal,
    select_related=("organization",),
    not_now=lambda appeal: (
        _("This step is not possible while the appeal is “%(status)s”.")
        % {"status": appeal.get_status_display()}
    ),
    description="An appeal from registration to closing (R8.1–R8.3, R9.1).",
    transitions=[
        Transition(
            "assign",
            OPEN,
            None,
            "appeals.appeal.assign",
            _("Assignee"),
            form="assign",
            style="outline-secondary",
            audit_label=_("Appeal assignee changed"),
        ),
        Transition(
            "first_response",
            (S.REGISTERED,),
            S.FIRST_RESPONSE_GIVEN,
            "appeals.appeal.respond",
            _("Give the first response"),
            guards=("R8.1-handler",),
            form="first-response",
            hidden_when_refused=True,
            audit_label=_("First response given"),
        ),
        Transition(
            "take",
            (S.FIRST_RESPONSE_GIVEN,),
            S.IN_WORK,
            "appeals.appeal.respond",
            _("Take into work"),
            guards=("R8.1-handler",),
            form="take",
            hidden_when_refused=True,
            audit_label=_("Appeal taken into work"),
        ),
        Transition(
            "forward",
            OFFICIAL_RESPONSE_OPEN,
            S.FORWARDED,
            "appeals.appeal.respond",
            _("Forward to another structure"),
            guards=("R8.1-handler",),
            form="forward",
            style="outline-primary",
            hidden_when_refused=True,
            audit_label=_("Appeal forwarded"),
        ),
        Transition(
            "official_response",
            (S.FIRST_RESPONSE_GIVEN, S.IN_WORK, S.FORWARDED),
            S.OFFICIAL_RESPONSE_SENT,
            "appeals.appeal.respond",
            _("Send the official response"),
            guards=("R8.1-handler",),
            form="official-response",
            hidden_when_refused=True,
            audit_label=_("Official response sent"),
        ),
        Transition(
            "close",
            (S.FORWARDED, S.OFFICIAL_RESPONSE_SENT),
            S.CLOSED,
            "appeals.appeal.respond",
            _("Close the appeal"),
            guards=("R8.1-handler",),
            form="close",
            style="success",
            hidden_when_refused=True,
            audit_label=_("Appeal closed"),
        ),
        Transition(
            "extend",
            OFFICIAL_RESPONSE_OPEN,
            None,
            "appeals.appeal.extend",
            _("Extend the official deadline"),
            guards=("R8.2-extension",),
            form="extend",
            style="outline-warning",
            audit_label=_("Official response deadline extended"),
        ),
        Transition(
            "extension_notice",
            OPEN,
            None,
            "appeals.appeal.respond",
            _("Applicant told of the extension"),
            guards=("R8.2-notice", "R8.1-handler"),
            form="extension-notice",
            hidden_when_refused=True,
            audit_label=_("Applicant told of the extension"),
        ),
    ],
)

# Issue 12 point 5: an appeal is archived (reason, audit), never deleted.
archive.attach(
    appeal_workflow,
    rule="R8.1",
    doc="R8.1: an appeal is registered and kept by the procedure of the Union's Instruction on "
    "handling appeals and record-keeping — it is archived with a reason, never deleted, and an "
    "archived appeal takes no further step until a chairman restores it.",
)


@appeal_workflow.guard("R8.1-handler")
def only_the_responsible_organization_answers(
    actor: Any, appeal: Appeal, data: dict[str, Any]
) -> Any:
    """R8.1 (appeals are handled by the procedure of the Union's Instruction on handling
    appeals) and R8.2: the responses, forwarding and closing are the responsible organization's
    — its administrators, lawyers and chairman. A chairman above reassigns or extends; he does
    not answer for them."""
    if is_handler(actor, appeal):
        return None
    return _(
        "This appeal is answered and closed by the responsible organization “%(organization)s”: "
        "its administrators, lawyers and chairman. Ask them to take this step; a chairman above "
        "may reassign the appeal to one of them."
    ) % {"organization": appeal.organization.name}


@appeal_workflow.guard("R8.2-extension")
def extension_only_before_the_deadline(actor: Any, appeal: Appeal, data: dict[str, Any]) -> Any:
    """R8.2 and APPK art. 76: the term of the official response is extended while it runs; once
    the due date has passed the appeal is overdue, stays overdue and is counted as such."""
    due = appeal.official_response_due
    if due is not None and due < timezone.localdate():
        return _(
            "The official response was due on %(date)s and that date has passed, so the term can "
            "no longer be extended. The appeal stays overdue: send the official response as soon "
            "as possible."
        ) % {"date": due.strftime("%d.%m.%Y")}
    return None


@appeal_workflow.guard("R8.2-notice")
def an_extension_awaits_its_notice(actor: Any, appeal: Appeal, data: dict[str, Any]) -> Any:
    """R8.2 and APPK art. 76: after an extension the applicant is told of it within 3 working
    days; the step exists only while such a notice is pending."""
    if appeal.extension_notice_due is None or appeal.extension_notice_given_on is not None:
        return _("No extension is waiting to be communicated to the applicant.")
    return None

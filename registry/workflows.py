"""The access list's workflow (R9.2), on the one engine (accounts.workflow).

A change of the persons who hold an account's credentials is proposed as a new version
(`services.access_list_propose`, which creates it "pending": a creation, not a step of this
table); the chairman of the account's own organization approves or rejects it.

| action    | from              | to         | permission                          | guards |
|-----------|-------------------|------------|-------------------------------------|--------|
| approve   | pending           | approved   | registry.access_list.approve (own)  | —      |
| reject    | pending           | rejected   | registry.access_list.approve (own)  | —      |
| supersede | pending, approved | superseded | registry.account.view (internal)    | —      |

R9.2 is held by the permission itself (only the chairman of the owning organization, not a
higher one); "supersede" is the step a newer proposal (on the pending version) or an approval
(on the earlier approved one) takes, never offered on a page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import archive
from accounts.notifications import notify
from accounts.workflow import Step, Transition, Workflow

from .models import AccessListVersion, OfficialAccount

S = AccessListVersion.Status

access_list_workflow = Workflow(
    "registry.access_list",
    AccessListVersion,
    select_related=("account__organization", "recorded_by"),
    not_now=lambda version: _("This access list version has already been decided."),
    description="The list of persons with access to an official account (R9.2).",
    transitions=[
        Transition(
            "approve",
            (S.PENDING,),
            S.APPROVED,
            "registry.access_list.approve",
            _("Approve"),
            form="comment",
            style="success",
            audit_label=_("Access list approved"),
        ),
        Transition(
            "reject",
            (S.PENDING,),
            S.REJECTED,
            "registry.access_list.approve",
            _("Reject"),
            form="comment_required",
            style="outline-danger",
            audit_label=_("Access list rejected"),
        ),
        Transition(
            "supersede",
            (S.PENDING, S.APPROVED),
            S.SUPERSEDED,
            "registry.account.view",
            _("Superseded by a newer version"),
            form="internal",
            audit_label=_("Access list version superseded"),
        ),
    ],
)

# Issue 12 point 5: an official account's register entry is archived (reason, audit), never
# deleted. Its status (active, suspended, closed) changes through registry.services; this
# workflow holds only archiving, and those services refuse an archived account
# (accounts.archive.ensure_active).
account_workflow = Workflow(
    "registry.account",
    OfficialAccount,
    select_related=("organization",),
    description="An official account's entry in the register (R4.3): archived, never deleted.",
    transitions=[],
)
archive.attach(
    account_workflow,
    rule="R4.3",
    doc="R4.3: the register of official accounts is kept — an entry is archived with a reason, "
    "never deleted; an archived account is no publishing target and its entry does not change "
    "until a chairman restores it.",
)


def supersede(actor, versions) -> None:
    """Mark earlier versions superseded, each through the workflow (locked and audited)."""
    for version in versions:
        access_list_workflow.perform(actor, version, "supersede")


def _decided(step: Step) -> None:
    version, actor = step.obj, step.actor
    approved = step.target == S.APPROVED
    if not approved and not step.comment.strip():
        raise ValidationError({"comment": _("Say why the list is rejected.")})
    if approved:
        # The newly approved version replaces the earlier approved one.
        supersede(actor, version.account.access_lists.filter(status=S.APPROVED))
    version.decided_by, version.decided_at = actor, timezone.now()
    version.comment = step.comment
    step.update_fields |= {"decided_by", "decided_at", "comment"}
    if version.recorded_by:
        notify(
            [version.recorded_by],
            kind="registry.access_list.decided",
            title=(
                _("The access list of %(account)s is approved")
                if approved
                else _("The access list of %(account)s is rejected")
            ),
            body=step.comment,
            params={"account": str(version.account)},
            url=reverse("registry:detail", args=[version.account_id]),
            actor=actor,
        )


access_list_workflow.effect("approve")(_decided)
access_list_workflow.effect("reject")(_decided)

"""The rules of the Regulation that every path of a publication goes through, registered as
guards of `publication_workflow` (content/workflows.py names which transition asks which).
Each returns a refusal that says what to do, or None. CL1 is registered by the checklist app.

Guards see the locked publication and the action's data; a guard that needs data the page has
not sent yet (links) lets the action be offered and refuses when it is performed."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from accounts import permissions
from registry import selectors as registry

from .crises import active_crisis_for
from .models import Publication, StatementApproval
from .workflows import publication_workflow

guard = publication_workflow.guard


def in_working_group(actor: Any, crisis) -> bool:
    return crisis is not None and crisis.working_group.filter(pk=actor.pk).exists()


def gives_head_approval(actor: Any, publication: Publication) -> bool:
    return publication.approved_by_id is None and permissions.can(
        actor, "content.publication.approve", publication
    )


def gives_group_approval(actor: Any, publication: Publication) -> bool:
    crisis = publication.crisis
    return (
        publication.crisis_approved_by_id is None
        and crisis is not None
        and crisis.is_active
        and in_working_group(actor, crisis)
    )


def _targets(publication: Publication):
    """The accounts the publication goes to, read once per locked object or page (several
    guards ask; perform() locks a fresh instance, so the memo never outlives a step)."""
    if "_guard_targets" not in publication.__dict__:
        publication._guard_targets = [
            t.account for t in publication.targets.select_related("account")
        ]
    return publication._guard_targets


def _crisis(publication: Publication):
    """The crisis over the publication's organization now, read once per object (R10)."""
    if "_guard_crisis" not in publication.__dict__:
        publication._guard_crisis = active_crisis_for(publication.organization)
    return publication._guard_crisis


@guard("R4.2")
def accounts_are_official_and_active(actor, publication: Publication, data: dict[str, Any]):
    """R4.1–R4.2: a publication goes only to official accounts created by a decision of the
    union body and active in the register."""
    for account in _targets(publication):
        refusal = registry.account_publishing_refusal(account)
        if refusal:
            return refusal
    return None


@guard("R4.5")
def publisher_is_an_appointed_administrator(actor, publication: Publication, data):
    """R4.5: the person who records a publication on an account is its responsible
    administrator, appointed by the chairman's order (REGISTRY_REQUIRE_APPOINTMENT_ORDER may
    relax the order, never the role)."""
    for account in _targets(publication):
        if not registry.appointed_administrator(actor, account):
            return _(
                "Only a responsible administrator of “%(account)s” appointed by the chairman's "
                "order may publish on it: ask the chairman to record the order in the register."
            ) % {"account": account}
    return None


@guard("R4.1")
def links_belong_to_the_accounts(actor, publication: Publication, data: dict[str, Any]):
    """R4.1: the link recorded for an account is a post of that official account's network."""
    links: dict[int, str] = data.get("links") or {}
    for account in _targets(publication):
        url = (links.get(account.pk) or "").strip()
        if "://" in url:  # what is not a URL at all is refused as bad input when saved
            refusal = registry.link_refusal(account, url)
            if refusal:
                return refusal
    return None


@guard("R6.1")
def planned_or_explained(actor, publication: Publication, data):
    """R6.1: work follows the content plan; a publication outside it states why."""
    if publication.plan_item_id is None and not publication.unplanned_reason.strip():
        return _(
            "The publication is not in the content plan: link it to a plan item or say why it "
            "is published outside the plan."
        )
    return None


@guard("R6.2-limits")
def fits_the_networks(actor, publication: Publication, data):
    """R6.2: what the head approves is exactly what goes out, so the publication must fit every
    target network's limits before it is submitted, approved or sent as urgent: the text's length
    (Telegram 4096, 1024 under a photo or video; Instagram 2200; Facebook 63206; TikTok 2200;
    YouTube title 100, description 5000; VK 15895), Instagram's 30 hashtags and its image ratio
    from 4:5 to 1.91:1 (content/previews.py). A connected Telegram account is checked by the
    connector's own guard, R6.2-telegram."""
    # Asked by several steps on one page: read once per object (as _targets).
    if "_guard_limits" not in publication.__dict__:
        publication._guard_limits = _limits_refusal(publication)
    return publication._guard_limits


def _limits_refusal(publication: Publication):
    from .previews import blocking_problems
    from .publications import auto_published_accounts

    if publication.current_version_id is None:
        return None
    accounts = _targets(publication)
    if any(a.network.startswith("telegram") for a in accounts):
        connected = auto_published_accounts(publication)
        accounts = [
            a for a in accounts if not (a.network.startswith("telegram") and a.pk in connected)
        ]
    problems = blocking_problems(publication.current_version, accounts)
    return " ".join(p.message for p in problems) if problems else None


@guard("R6.3")
def statement_approved_by_the_body(actor, publication: Publication, data):
    """R6.3: an official statement is approved by the authorized union body first."""
    if (
        publication.is_official_statement
        and not StatementApproval.objects.filter(publication=publication).exists()
    ):
        return _(
            "An official statement needs the approval of the authorized union body: record "
            "its decision first."
        )
    return None


@guard("R6.3-urgent")
def statement_never_urgent(actor, publication: Publication, data):
    """R6.3 over R6.4: an official statement never skips the authorized body's approval."""
    if publication.is_official_statement:
        return _(
            "An official statement cannot go out as an urgent message: it needs the approval "
            "of the authorized union body and of the head first."
        )
    return None


@guard("R6.4")
def marked_urgent(actor, publication: Publication, data):
    """R6.4: only an urgent message is published before the head is informed."""
    if not publication.is_urgent:
        return _("Only a publication marked urgent can be published before approval.")
    return None


@guard("R6.4-acknowledge")
def urgent_awaits_acknowledgement(actor, publication: Publication, data):
    """R6.4: the head acknowledges an urgent message published without approval, once."""
    if not publication.is_urgent or publication.approved_by_id:
        return _("Only an urgent message published without approval is acknowledged.")
    if publication.acknowledged_at:
        return _("This urgent message has already been acknowledged.")
    return None


@guard("R6.2-once")
def approval_not_yet_given(actor, publication: Publication, data):
    """R6.2 (and R10.2 in a crisis): each approval is given once."""
    if gives_head_approval(actor, publication) or gives_group_approval(actor, publication):
        return None
    return _("You have already approved this publication.")


def _needs_note(publication: Publication):
    return _("A crisis is declared: say in the publication how it follows the agreed position.")


@guard("R10.2")
def follows_the_agreed_position(actor, publication: Publication, data):
    """R10.2: during a crisis every publication states how it follows the agreed position."""
    if _crisis(publication) and not publication.crisis_position_note.strip():
        return _needs_note(publication)
    return None


def _confirmed_for(publication: Publication, crisis) -> bool:
    return publication.crisis_id == crisis.pk and publication.crisis_approved_by_id is not None


@guard("R10.2-urgent")
def urgent_in_crisis_confirmed(actor, publication: Publication, data):
    """R10.2 over R6.4: during a crisis an urgent message also needs the agreed-position note
    and a working-group member's approval; the publisher may be that member."""
    crisis = _crisis(publication)
    if crisis is None:
        return None
    if not publication.crisis_position_note.strip():
        return _needs_note(publication)
    if _confirmed_for(publication, crisis) or in_working_group(actor, crisis):
        return None
    return _(
        "A crisis is declared: a member of the working group must approve this urgent message "
        "before it goes out."
    )


@guard("R10.2-approved-before")
def approved_before_the_crisis(actor, publication: Publication, data):
    """R10.2: a publication approved before the crisis began follows the agreed position too:
    before it goes out it needs the note and a working-group member's approval."""
    crisis = _crisis(publication)
    if crisis is None or _confirmed_for(publication, crisis):
        return None
    if not publication.crisis_position_note.strip():
        return _(
            "A crisis was declared after the approval: a member of the working group must "
            "confirm how the publication follows the agreed position before it goes out."
        )
    if in_working_group(actor, crisis):
        return None
    return _(
        "A crisis was declared after the approval: a member of the working group must approve "
        "the publication before it goes out."
    )


@guard("R10.2-confirm")
def confirmation_needed(actor, publication: Publication, data):
    """R10.2: the working group confirms what has not passed its approval in this crisis."""
    crisis = _crisis(publication)
    if crisis is None:
        return _("No crisis is declared.")
    if _confirmed_for(publication, crisis):
        return _("The working group has already approved this publication.")
    if publication.status != "approved" and not publication.is_urgent:
        return _("The working group approves this publication when it is submitted.")
    return None


def in_active_working_group(actor, publication: Publication) -> bool:
    """Who may confirm (R10.1): a member of the working group of the crisis over the
    publication's organization."""
    return in_working_group(actor, _crisis(publication))

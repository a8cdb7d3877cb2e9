"""What the content views share: the organization a new object belongs to, the accounts it may
target, and one way to perform a workflow action posted from a page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect

from accounts import permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization
from accounts.request_guard import parse_id
from accounts.web import error_text
from accounts.workflow import Workflow
from registry.models import AccountStatus, OfficialAccount

PAGE_SIZE = 50


def accounts_of(organization: Organization):
    return OfficialAccount.objects.active().filter(
        organization=organization, status=AccountStatus.ACTIVE
    )


def organization_for_new(request, action: str = "content.publication.edit") -> Organization:
    """The organization named by ?organization= (404 outside the user's reach), else the
    user's first one where they may act."""
    organizations = permissions.visible_organizations(request.user, action=action)
    wanted = request.GET.get("organization") or request.POST.get("organization")
    if wanted:
        if parse_id(wanted) is None:
            raise Http404
        organization = organizations.filter(pk=parse_id(wanted)).first()
        if organization is None:
            raise Http404
        return organization
    organization = organizations.order_by("path").first()
    if organization is None:
        raise PermissionDenied
    return organization


def posted_links(request) -> dict[int, str]:
    # `link-²` or `link-` and 5000 digits name no account: skipped, never int() of them.
    return {
        pk: value
        for key, value in request.POST.items()
        if key.startswith("link-") and (pk := parse_id(key[5:])) is not None
    }


def transition_data(request, form: str) -> dict:
    """The data a workflow action's form posts (accounts.workflow.Transition.form)."""
    post = request.POST
    data: dict = {}
    if form in ("comment", "comment_required"):
        data["comment"] = post.get("comment", "")
    if form in ("reason", "urgent"):
        data["reason"] = post.get("reason", "")
    if form in ("links", "urgent"):
        data["links"] = posted_links(request)
    if form == "crisis_note":
        data["note"] = post.get("note", "")
    version = post.get("version", "")
    if version:
        number = parse_id(version)
        data["version_number"] = -1 if number is None else number
    return data


def perform_posted(request, workflow: Workflow, obj, action: str, success: dict, back):
    """Perform `action` from a page's POST; flash the outcome and go back to the object."""
    transition = workflow.transitions.get(action)
    if transition is None or transition.form == "internal":
        raise Http404
    try:
        workflow.perform(request.user, obj, action, **transition_data(request, transition.form))
    except (ValidationError, InvalidTransition) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, success.get(action) or str(transition.label))
    return redirect(back)

"""Publication pages: the list, drafting and editing, the publication page with the actions the
workflow offers, materials, the official statement's approval and version comparison."""

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import audit, files, once, permissions
from accounts.exceptions import InvalidTransition
from accounts.paging import CappedPaginator
from accounts.request_guard import parse_id
from accounts.web import apply_errors, error_text

from .. import diffing, previews, publications, selectors
from ..crises import active_crisis_for
from ..forms import (
    AttachmentForm,
    DraftOrganizationForm,
    PublicationFilterForm,
    PublicationForm,
    StatementApprovalForm,
)
from ..models import Attachment, PlanItem, Publication, PublicationStatus, StatementApproval
from ..taxonomy import Audience, ContentKind, directions_of
from ..workflows import EDITABLE, publication_workflow
from .common import PAGE_SIZE, accounts_of, organization_for_new, perform_posted

S = PublicationStatus


def _publication(request, pk, action="content.view"):
    return permissions.get_object_or_404_for(
        request.user,
        Publication.objects.select_related("organization", "current_version", "author", "crisis"),
        action,
        pk=pk,
    )


def _posted_version(request, current: int) -> int:
    """The version the editor started from; a posted "abc" or "²" is a stale version (-1)."""
    posted = request.POST.get("version")
    if not posted:
        return current
    number = parse_id(posted)
    return -1 if number is None else number


@login_required
def publication_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "content.view")
    organizations = permissions.visible_organizations(request.user, action="content.view")
    form = PublicationFilterForm(request.GET or None, organizations=organizations)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "status": data["status"],
            "kind": data["kind"],
            "query": data["q"].strip(),
            "organization": data["organization"],
            "own": data["own"],
            "attention": data["attention"],
        }
    archived = request.GET.get("archived") == "1"  # issue 12 point 5: the "Archived" filter
    qs = selectors.publication_list(request.user, archived=archived, **filters)
    page = CappedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))  # issue 14
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "content/publication_list.html",
        {
            "page": page,
            "form": form,
            "querystring": query.urlencode(),
            "showing_archived": archived,
            "can_create": permissions.can(request.user, "content.publication.edit"),
        },
    )


def _compose_context(form, accounts, version=None) -> dict:
    """What the form page adds for less typing and the networks' limits (issue 13, 3 and 7):
    the "keep only one text" offer and the table static/js/compose.js counts with."""
    return {
        "keep_only": form.keep_only_offer,
        "compose_data": previews.client_data(
            accounts, media=previews.media_count(version) if version else 0
        ),
    }


def _warn_limits(request, publication) -> None:
    """A draft over a network's limit is saved (it is a draft), with the warning now; the
    guard R6.2-limits refuses to submit it until it fits."""
    problems = previews.blocking_problems(
        publication.current_version, list(publication.accounts.all())
    )
    for problem in problems:
        messages.warning(request, problem.message)


@login_required
@once.protect
def publication_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "content.publication.edit")
    plan_item = None
    wanted_item = request.GET.get("plan_item", "")
    if wanted_item:
        if parse_id(wanted_item) is None:  # "abc", "²", or 5000 digits that int() refuses
            raise Http404
        plan_item = permissions.get_object_or_404_for(
            request.user,
            PlanItem.objects.select_related("plan__organization"),
            "content.publication.edit",
            field="plan__organization",
            pk=int(wanted_item),
        )
    # Issue 13 point 7: a draft from a plan item belongs to the plan's organization.
    organization = plan_item.plan.organization if plan_item else organization_for_new(request)
    initial = {}
    if plan_item:
        initial = {
            "title": plan_item.topic,
            "kind": plan_item.kind,
            "direction": plan_item.direction,
            "audiences": plan_item.audiences,
            "language": plan_item.language,
            "accounts": list(plan_item.accounts.all()),
            # The plan item's day, at the hour the service gives a day without a time.
            "planned_at": timezone.make_aware(datetime.combine(plan_item.planned_on, time(10))),
        }
        if not initial["accounts"]:
            del initial["accounts"]  # none fixed by the plan: the only account is preselected
    crisis = active_crisis_for(organization)
    accounts = accounts_of(organization)
    chooser = None
    if plan_item is None:
        reachable = permissions.visible_organizations(
            request.user, action="content.publication.edit"
        )
        if reachable.order_by()[:2].count() > 1:  # a choice only where there is one to make
            chooser = DraftOrganizationForm(
                initial={"organization": organization}, organizations=reachable
            )
    form = PublicationForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        accounts=accounts,
        crisis=crisis,
        plan_item=plan_item,
        with_photo=True,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = list(data.pop("accounts"))
        photo = data.pop("photo", None)
        with once.submission(request) as slot:
            try:
                # The draft and its photo together: a photo refused by its content saves nothing.
                with transaction.atomic():
                    publication = publications.publication_create(
                        actor=request.user,
                        organization=organization,
                        accounts=chosen,
                        plan_item=plan_item,
                        **data,
                    )
                    if photo:
                        try:
                            publications.attachment_add(
                                actor=request.user,
                                publication=publication,
                                kind=Attachment.Kind.PHOTO,
                                upload=photo,
                            )
                        except ValidationError as error:
                            raise ValidationError({"photo": error.messages}) from error
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request, _("The draft is saved. Fill its checklist, then submit it.")
                )
                _warn_limits(request, publication)
                return slot.redirect("content:publication_detail", pk=publication.pk)
    return render(
        request,
        "content/publication_form.html",
        {
            "form": form,
            "organization": organization,
            "crisis": crisis,
            "plan_item": plan_item,
            "chooser": chooser,
            "directions": {k: directions_of(k) for k in ContentKind.values},
            **_compose_context(form, accounts),
        },
    )


@login_required
def publication_edit(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _publication(request, pk, "content.publication.edit")
    version = publication.current_version
    initial = {
        "title": version.title,
        "text_kk": version.text_kk,
        "text_ru": version.text_ru,
        "sources": version.sources,
        "kind": publication.kind,
        "direction": publication.direction,
        "audiences": publication.audiences,
        "language": publication.language,
        "accounts": list(publication.accounts.all()),
        "planned_at": timezone.localtime(publication.planned_at)
        if publication.planned_at
        else None,
        "is_official_statement": publication.is_official_statement,
        "is_urgent": publication.is_urgent,
        "crisis_position_note": publication.crisis_position_note,
        "unplanned_reason": publication.unplanned_reason,
    }
    crisis = active_crisis_for(publication.organization)
    accounts = accounts_of(publication.organization)
    form = PublicationForm(
        request.POST or None,
        initial=initial,
        accounts=accounts,
        crisis=crisis,
        plan_item=publication.plan_item,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = list(data.pop("accounts"))
        try:
            publications.publication_edit(
                actor=request.user,
                publication=publication,
                accounts=chosen,
                expected_version=_posted_version(request, version.number),
                **data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        except InvalidTransition as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("The publication is saved."))
            publication.refresh_from_db(fields=["current_version"])
            _warn_limits(request, publication)
            return redirect("content:publication_detail", pk=pk)
    return render(
        request,
        "content/publication_form.html",
        {
            "form": form,
            "publication": publication,
            "organization": publication.organization,
            "crisis": crisis,
            "version": version,
            "directions": {k: directions_of(k) for k in ContentKind.values},
            **_compose_context(form, accounts, version),
        },
    )


@login_required
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _publication(request, pk)
    user = request.user
    version = publication.current_version
    targets = list(publication.targets.select_related("account"))
    versions = list(publication.versions.order_by("-number"))
    history = list(audit.history_of(publication))
    for entry in history:
        entry.label = audit.label(entry.action)
    crisis = publication.crisis if publication.crisis_id and publication.crisis.is_active else None
    actions = publication_workflow.available_actions(user, publication)
    can_edit = permissions.can(user, "content.publication.edit", publication)
    context = {
        "publication": publication,
        "version": version,
        "attachments": list(version.attachments.all()),
        "targets": targets,
        "versions": versions,
        "history": history,
        "crisis": crisis,
        "current_crisis": active_crisis_for(publication.organization),
        "statement": getattr(publication, "statement_approval", None)
        if publication.is_official_statement
        else None,
        "audiences": [Audience(a).label for a in publication.audiences if a in Audience.values],
        "actions": actions,
        "action_url": "content:publication_action",
        "can_edit": can_edit and publication.status in EDITABLE and not publication.is_archived,
        "can_statement": not publication.is_archived
        and publication.is_official_statement
        and publication.status in STATEMENT_STATES
        and may_record_statement(user, publication),
        "attachment_form": AttachmentForm(),
    }
    return render(request, "content/publication_detail.html", context)


SUCCESS = {
    "submit": _("The publication is sent to the chairman for approval."),
    "recall": _("The publication is recalled; you can edit it again."),
    "approve": _("The publication is approved."),
    "return": _("The publication is returned for revision."),
    "prohibit": _("The publication is prohibited."),
    "publish": _("The publication is recorded as published."),
    "publish_urgent": _("The urgent message is published; the chairman is notified."),
    "acknowledge": _("The urgent message is acknowledged."),
    "withdraw": _("The publication is withdrawn."),
    "crisis_confirm": _("The working group's approval is recorded."),
    "archive": _("The publication is archived."),
    "restore": _("The publication is restored from the archive."),
}


@login_required
@require_POST
def publication_action(request, pk, action):
    """Every step of the publication workflow; which ones a page offers comes from
    publication_workflow.available_actions, what may happen from its table and guards."""
    publication = _publication(request, pk)
    return perform_posted(
        request,
        publication_workflow,
        publication,
        action,
        SUCCESS,
        reverse("content:publication_detail", args=[pk]),
    )


@login_required
@require_POST
@once.protect
def attachment_add(request, pk):
    publication = _publication(request, pk, "content.publication.edit")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    else:
        with once.submission(request) as slot:
            try:
                publications.attachment_add(
                    actor=request.user,
                    publication=publication,
                    kind=form.cleaned_data["kind"],
                    upload=form.cleaned_data["file"],
                )
            except (ValidationError, InvalidTransition) as error:
                messages.error(request, error_text(error))
            else:
                messages.success(request, _("The file is attached."))
                return slot.redirect("content:publication_detail", pk=pk)
    return redirect("content:publication_detail", pk=pk)


@login_required
@require_POST
def attachment_remove(request, pk):
    attachment = permissions.get_object_or_404_for(
        request.user,
        Attachment.objects.select_related("version__publication"),
        "content.publication.edit",
        field="version__publication__organization",
        pk=pk,
    )
    try:
        publications.attachment_remove(actor=request.user, attachment=attachment)
    except (ValidationError, InvalidTransition) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The file is removed."))
    return redirect("content:publication_detail", pk=attachment.version.publication_id)


@login_required
def attachment_file(request, pk, thumb=False):
    attachment = permissions.get_object_or_404_for(
        request.user,
        Attachment.objects.all(),
        "content.view",
        field="version__publication__organization",
        pk=pk,
    )
    # Type from the content; only a thumbnail asked for by an <img> is inline, the rest is an
    # attachment; nosniff and a sandbox policy either way (accounts/files.py).
    if thumb:
        if not attachment.thumbnail:
            raise Http404
        return files.respond(attachment.thumbnail, download_name="thumbnail", inline_image=True)
    return files.respond(attachment.file, download_name=attachment.original_name)


@login_required
def statement_document(request, pk):
    """The authorized body's decision on an official statement (R6.3), to whoever may see the
    publication."""
    approval = permissions.get_object_or_404_for(
        request.user,
        StatementApproval.objects.select_related("publication"),
        "content.view",
        field="publication__organization",
        publication_id=pk,
    )
    return files.respond(approval.document, download_name=f"statement-{pk}")


STATEMENT_STATES = (S.DRAFT, S.RETURNED, S.SUBMITTED)


def may_record_statement(user, publication) -> bool:
    """Who may record the authorized body's approval (R6.3), as
    publications.statement_approval_record decides: the organization's administrator (who
    prepares the publication) or its chairman. A lawyer or a chairman above sees no form."""
    return permissions.can(user, "content.publication.edit", publication) or permissions.can(
        user, "content.publication.approve", publication
    )


@login_required
@once.protect
def statement_approval(request, pk):
    publication = _publication(request, pk)
    if not may_record_statement(request.user, publication):
        raise PermissionDenied
    if not publication.is_official_statement or publication.status not in STATEMENT_STATES:
        # No form that cannot be submitted: the page says why instead.
        messages.error(
            request,
            _("This publication is not an official statement.")
            if not publication.is_official_statement
            else publication_workflow.not_now(publication),
        )
        return redirect("content:publication_detail", pk=pk)
    form = StatementApprovalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with once.submission(request) as slot:
            try:
                publications.statement_approval_record(
                    actor=request.user, publication=publication, **form.cleaned_data
                )
            except ValidationError as error:
                apply_errors(form, error)
            except InvalidTransition as error:
                form.add_error(None, str(error.message))
            else:
                messages.success(request, _("The approval of the authorized body is recorded."))
                return slot.redirect("content:publication_detail", pk=pk)
    return render(
        request,
        "content/form.html",
        {
            "form": form,
            "title": _("Approval of the official statement (R6.3)"),
            "back": publication,
        },
    )


@login_required
def version_diff(request, pk):
    publication = _publication(request, pk)
    versions = {v.number: v for v in publication.versions.all()}
    try:
        a, b = versions[int(request.GET.get("a", 0))], versions[int(request.GET.get("b", 0))]
    except (KeyError, ValueError):
        raise Http404 from None
    diffs = []
    for field, label in (
        ("title", _("Title")),
        ("text_kk", _("Text in Kazakh")),
        ("text_ru", _("Text in Russian")),
        ("sources", _("Sources")),
    ):
        old, new = getattr(a, field), getattr(b, field)
        if old != new:
            rows = diffing.folded(diffing.side_by_side(old, new))
            diffs.append({"label": label, "rows": rows})
    return render(
        request,
        "content/version_diff.html",
        {"publication": publication, "a": a, "b": b, "diffs": diffs},
    )

"""Appeals pages. Thin: permission → form → one service call → message → redirect. Another
organization's appeal answers 404 (accounts.permissions.get_object_or_404_for)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import files, once, permissions, tabular
from accounts.exceptions import InvalidTransition
from accounts.paging import CappedPaginator
from accounts.picking import PickerWidget
from accounts.web import apply_errors, error_text

from . import forms, selectors, services
from .models import Appeal, CalendarOverride, Deadline, Status
from .permissions import can_see_content
from .workflows import appeal_workflow

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> tuple[selectors.Filters, forms.FilterForm]:
    form = forms.FilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    view = request.GET.get("view", "all")
    return (
        selectors.Filters(
            view=view if view in selectors.VIEWS else "all",
            status=data.get("status") or "",
            topic=data.get("topic") or "",
            kind=data.get("kind") or "",
            channel=data.get("channel") or "",
            organization=data.get("organization"),
            overdue=bool(data.get("overdue")),
            q=(data.get("q") or "").strip(),
            archived=request.GET.get("archived") == "1",
        ),
        form,
    )


@login_required
def appeal_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "appeals.appeal.view")
    today = timezone.localdate()
    filters, form = _filters(request)
    qs = selectors.filtered(request.user, filters, today)
    page = CappedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))  # issue 14
    selectors.decorate(list(page), request.user, today)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "form": form,
        "querystring": query.urlencode(),
        "views": [
            ("all", _("All of the subtree")),
            ("mine", _("My appeals")),
            ("week", _("Due this week")),
            ("overdue", _("Overdue")),
            ("late", _("Forwarded late")),
        ],
        "late_forwards": selectors.late_forward_count_for(request.user),
        # Issue 14: a search field, not a select of every organization (accounts/picking.py).
        "organization_picker": PickerWidget(
            "organization",
            "appeals.appeal.view",
            empty_label=_("Any organization"),
            queryset=permissions.visible_organizations(request.user, action="appeals.appeal.view"),
        ).render(
            "organization",
            filters.organization,
            {"class": "form-control-sm", "aria-label": _("Responsible organization")},
        ),
        "can_register": permissions.can(request.user, "appeals.appeal.register"),
        "today": today,
    }
    return render(request, "appeals/appeal_list.html", context)


@login_required
def appeal_export(request: HttpRequest) -> HttpResponse:
    """CSV of the filtered list. Contacts are masked unless the user may see them for that
    appeal; an export that contains full contacts is logged (R9.1)."""
    permissions.require(request.user, "appeals.appeal.view")
    today = timezone.localdate()
    filters, _form = _filters(request)
    rows = selectors.decorate(
        list(selectors.filtered(request.user, filters, today)), request.user, today
    )
    table: list[list[str]] = [
        [
            _("Registration number"),
            _("Received at"),
            _("Responsible organization"),
            _("Status"),
            _("Type"),
            _("Topic"),
            _("Channel"),
            _("Author"),
            _("Author's contacts"),
            _("First response due"),
            _("Official response due"),
            _("Overdue"),
            _("Outcome"),
        ]
    ]
    full = []
    for a in rows:
        if a.may_see_personal_data:
            full.append(a)
        table.append(
            [
                a.number or _("not registered"),
                timezone.localtime(a.received_at).strftime("%d.%m.%Y %H:%M"),
                a.organization.name,
                a.get_status_display(),
                a.get_kind_display(),
                a.get_topic_display(),
                a.get_channel_display(),
                a.author_name if a.show_content else "",
                (a.author_contacts if a.may_see_personal_data else a.contacts_masked)
                if a.show_content
                else "",
                a.first_response_due.strftime("%d.%m.%Y") if a.first_response_due else "",
                a.official_response_due.strftime("%d.%m.%Y") if a.official_response_due else "",
                _("yes") if a.is_overdue else "",
                a.get_outcome_display(),
            ]
        )
    # accounts.tabular: an author's name or contacts beginning with "=" or "+" stay text.
    response = tabular.csv_response(table, f"appeals-{today:%Y%m%d}.csv")
    services.personal_data_exported(
        actor=request.user, appeals=[a for a in full if a.author_contacts]
    )
    return response


@login_required
@once.protect
def appeal_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "appeals.appeal.register")
    form = forms.RegisterForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("not_registered")
        data["attachments"] = data.pop("attachments") or []
        with once.submission(request) as slot:
            try:
                appeal = services.appeal_register(actor=request.user, **data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                if appeal.status == Status.NOT_REGISTERED:
                    messages.success(
                        request, _("The message has been recorded without registration.")
                    )
                else:
                    messages.success(
                        request,
                        _("Appeal %(number)s has been registered.") % {"number": appeal.number},
                    )
                return slot.redirect("appeals:detail", pk=appeal.pk)
    return render(request, "appeals/appeal_form.html", {"form": form})


# The form each step asks for. Which steps a page offers, and whether they are possible now,
# comes only from the workflow table (appeals.workflows): `available_actions`.
FORMS: dict[str, tuple[type, Callable[[Appeal], dict]]] = {
    "assign": (forms.AssignForm, lambda appeal: {"appeal": appeal}),
    "first_response": (forms.FirstResponseForm, lambda appeal: {}),
    "take": (forms.TakeForm, lambda appeal: {}),
    "forward": (forms.ForwardForm, lambda appeal: {"appeal": appeal}),
    "official_response": (forms.OfficialResponseForm, lambda appeal: {}),
    "close": (forms.CloseForm, lambda appeal: {}),
    "extend": (forms.ExtendForm, lambda appeal: {}),
    "extension_notice": (forms.ExtensionNoticeForm, lambda appeal: {}),
    # Issue 12 point 5 (accounts.archive): archived, never deleted.
    "archive": (forms.ArchiveForm, lambda appeal: {}),
    "restore": (forms.ArchiveForm, lambda appeal: {}),
}

STEP_DONE = {
    "assign": _("The assignee has been saved."),
    "first_response": _("The first response has been recorded."),
    "take": _("The appeal has been taken into work."),
    "forward": _("The appeal has been forwarded."),
    "official_response": _("The official response has been recorded."),
    "close": _("The appeal has been closed."),
    "extend": _("The deadline has been extended."),
    "extension_notice": _("The notice of the extension has been recorded."),
    "archive": _("The appeal has been archived."),
    "restore": _("The appeal has been restored from the archive."),
}


def _slug(action: str) -> str:
    return action.replace("_", "-")


def _action(slug: str) -> str | None:
    action = slug.replace("-", "_")
    return action if action in FORMS and action in appeal_workflow.transitions else None


def _get_appeal(request: HttpRequest, pk: int, action: str = "appeals.appeal.view") -> Appeal:
    return permissions.get_object_or_404_for(
        request.user,
        Appeal.objects.select_related("organization", "assignee", "forwarded_to", "forwarded_from"),
        action,
        pk=pk,
    )


def _form(action: str, appeal: Appeal, today, data=None, files=None):
    form_class, kwargs = FORMS[action]
    if data is not None:
        return form_class(data, files, auto_id=f"{_slug(action)}-%s", **kwargs(appeal))
    return form_class(
        initial=_initial(action, appeal, today),
        auto_id=f"{_slug(action)}-%s",  # several forms on one page: ids must not clash
        **kwargs(appeal),
    )


def _detail_context(request: HttpRequest, appeal: Appeal, bound: dict | None = None) -> dict:
    today = timezone.localdate()
    selectors.decorate([appeal], request.user, today)
    steps = []
    for offered in appeal_workflow.available_actions(request.user, appeal):
        form = None
        if offered.enabled:
            form = (bound or {}).get(offered.name) or _form(offered.name, appeal, today)
            _deadline_hint(offered.name, form, appeal)
        steps.append({"action": offered, "slug": _slug(offered.name), "form": form})
    show_personal = appeal.may_see_personal_data
    if show_personal and (appeal.author_contacts or appeal.author_other):
        services.personal_data_viewed(actor=request.user, appeal=appeal)
    return {
        "appeal": appeal,
        "steps": steps,
        "show_personal": show_personal,
        "show_content": can_see_content(request.user, appeal),
        "extensions": list(appeal.extensions.select_related("extended_by")),
        "attachments": list(appeal.attachments.all()) if appeal.show_content else [],
        "copies": list(appeal.forwarded_copies.select_related("organization")),
        "today": today,
        "deadline_names": dict(Deadline.choices),
    }


def _deadline_hint(action: str, form, appeal: Appeal) -> None:
    """Tell the user the limits of the step right under its date field."""
    if action == "forward":
        form.fields["on"].help_text = _(
            "Within 3 working days of registration: by %(date)s. A later forwarding is "
            "recorded as late."
        ) % {"date": services.forwarding_due(appeal).strftime("%d.%m.%Y")}
    if action == "extend":
        form.fields["new_due"].help_text = _(
            "A working day, not later than %(date)s (the total term from registration)."
        ) % {"date": services.max_official_due(appeal).strftime("%d.%m.%Y")}


def _initial(action: str, appeal: Appeal, today) -> dict:
    if action in ("first_response", "official_response", "extension_notice"):
        return {"on": today}
    if action == "forward":
        return {"on": today, "applicant_informed_on": today}
    if action == "assign":
        return {"assignee": appeal.assignee_id}
    if action == "close":
        return {"outcome": appeal.outcome or "explanation"}
    return {}


def _appeal_for_files(request: HttpRequest, pk: int) -> Appeal:
    """Files of an appeal go to those who see its content: out of reach 404 (the permission
    module), a confidential matter's content out of the user's role 403."""
    appeal = _get_appeal(request, pk, "appeals.appeal.view")
    if not can_see_content(request.user, appeal):
        raise PermissionDenied
    return appeal


@login_required
def attachment_file(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    appeal = _appeal_for_files(request, pk)
    attachment = get_object_or_404(appeal.attachments, pk=attachment_pk)
    return files.respond(
        attachment.file, download_name=attachment.original_name or f"attachment-{attachment.pk}"
    )


@login_required
def response_document(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = _appeal_for_files(request, pk)
    if not appeal.official_response_document:
        raise Http404
    return files.respond(
        appeal.official_response_document, download_name=f"response-{appeal.number or appeal.pk}"
    )


@login_required
def appeal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = _get_appeal(request, pk, "appeals.appeal.view")
    return render(request, "appeals/appeal_detail.html", _detail_context(request, appeal))


@login_required
@require_POST
def appeal_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    action = _action(step)
    if action is None:
        return render(request, "404.html", status=404)
    # Outside the subtree: 404. Permission, state and the Regulation's guards: the workflow
    # (PermissionDenied → 403; InvalidTransition → the reason, nothing changed).
    appeal = _get_appeal(request, pk)
    form = _form(action, appeal, None, request.POST, request.FILES or None)
    if form.is_valid():
        try:
            appeal_workflow.perform(request.user, appeal, action, **form.cleaned_data)
        except InvalidTransition as error:
            messages.error(request, error_text(error))
            return redirect("appeals:detail", pk=pk)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, STEP_DONE[action])
            return redirect("appeals:detail", pk=pk)
    messages.error(request, _("Nothing has been changed: correct the marked fields."))
    context = _detail_context(request, appeal, bound={action: form})
    context["open_step"] = _slug(action)
    return render(request, "appeals/appeal_detail.html", context, status=200)


# The working calendar (superusers) ----------------------------------------------------------


@login_required
def calendar_view(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "appeals.calendar.manage")
    form = forms.CalendarOverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _override, moved = services.calendar_override_save(
                actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The calendar has been corrected; due dates recomputed: %(count)s.")
                % {"count": moved},
            )
            return redirect("appeals:calendar")
    return render(
        request,
        "appeals/calendar.html",
        {
            "form": form,
            "overrides": CalendarOverride.objects.select_related("created_by"),
        },
    )


@login_required
@require_POST
def calendar_delete(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(request.user, "appeals.calendar.manage")
    override = get_object_or_404(CalendarOverride, pk=pk)
    moved = services.calendar_override_delete(actor=request.user, override=override)
    messages.success(
        request,
        _("The correction has been removed; due dates recomputed: %(count)s.") % {"count": moved},
    )
    return redirect("appeals:calendar")

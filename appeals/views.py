"""Appeals pages. Thin: permission → form → one service call → message → redirect. Another
organization's appeal answers 404 (accounts.permissions.get_object_or_404_for)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from accounts.web import apply_errors

from . import forms, selectors, services, workdays
from .models import Appeal, CalendarOverride, Deadline, Status
from .permissions import can_see_content

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
        ),
        form,
    )


@login_required
def appeal_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "appeals.appeal.view")
    today = timezone.localdate()
    filters, form = _filters(request)
    qs = selectors.filtered(request.user, filters, today)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
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
        ],
        "organizations": permissions.visible_organizations(
            request.user, action="appeals.appeal.view"
        ).only("pk", "name_kk", "name_ru"),
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
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="appeals-{today:%Y%m%d}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with the BOM
    writer = csv.writer(response)
    writer.writerow(
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
    )
    full = []
    for a in rows:
        if a.may_see_personal_data:
            full.append(a)
        writer.writerow(
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
    services.personal_data_exported(
        actor=request.user, appeals=[a for a in full if a.author_contacts]
    )
    return response


@login_required
def appeal_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "appeals.appeal.register")
    form = forms.RegisterForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("not_registered")
        data["attachments"] = data.pop("attachments") or []
        try:
            appeal = services.appeal_register(actor=request.user, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if appeal.status == Status.NOT_REGISTERED:
                messages.success(request, _("The message has been recorded without registration."))
            else:
                messages.success(
                    request,
                    _("Appeal %(number)s has been registered.") % {"number": appeal.number},
                )
            return redirect("appeals:detail", pk=appeal.pk)
    return render(request, "appeals/appeal_form.html", {"form": form})


@dataclass(frozen=True)
class Step:
    form: type
    action: str
    call: Callable[..., Any]
    form_kwargs: Callable[[Appeal], dict] = lambda appeal: {}


STEPS: dict[str, Step] = {
    "assign": Step(
        forms.AssignForm,
        "appeals.appeal.assign",
        services.appeal_assign,
        lambda appeal: {"appeal": appeal},
    ),
    "first-response": Step(
        forms.FirstResponseForm,
        "appeals.appeal.respond",
        services.appeal_first_response,
    ),
    "take": Step(forms.TakeForm, "appeals.appeal.respond", services.appeal_take),
    "forward": Step(forms.ForwardForm, "appeals.appeal.respond", services.appeal_forward),
    "official-response": Step(
        forms.OfficialResponseForm,
        "appeals.appeal.respond",
        services.appeal_official_response,
    ),
    "close": Step(forms.CloseForm, "appeals.appeal.respond", services.appeal_close),
    "extend": Step(forms.ExtendForm, "appeals.appeal.extend", services.appeal_extend),
    "extension-notice": Step(
        forms.ExtensionNoticeForm,
        "appeals.appeal.respond",
        services.appeal_extension_notice,
    ),
}

# Which steps the detail page offers in which state.
OFFERED = {
    Status.REGISTERED: ["first-response", "forward", "extend", "assign"],
    Status.FIRST_RESPONSE_GIVEN: ["take", "forward", "official-response", "extend", "assign"],
    Status.IN_WORK: ["official-response", "forward", "extend", "assign"],
    Status.FORWARDED: ["official-response", "close"],
    Status.OFFICIAL_RESPONSE_SENT: ["close"],
}

STEP_DONE = {
    "assign": _("The assignee has been saved."),
    "first-response": _("The first response has been recorded."),
    "take": _("The appeal has been taken into work."),
    "forward": _("The appeal has been forwarded."),
    "official-response": _("The official response has been recorded."),
    "close": _("The appeal has been closed."),
    "extend": _("The deadline has been extended."),
    "extension-notice": _("The notice of the extension has been recorded."),
}


def _get_appeal(request: HttpRequest, pk: int, action: str) -> Appeal:
    return permissions.get_object_or_404_for(
        request.user,
        Appeal.objects.select_related("organization", "assignee", "forwarded_to", "forwarded_from"),
        action,
        pk=pk,
    )


def _detail_context(request: HttpRequest, appeal: Appeal, bound: dict | None = None) -> dict:
    today = timezone.localdate()
    selectors.decorate([appeal], request.user, today)
    step_forms = {}
    for name in OFFERED.get(appeal.status, []):
        step = STEPS[name]
        if not permissions.can(request.user, step.action, appeal):
            continue
        if name == "extension-notice":
            continue
        if bound and name in bound:
            step_forms[name] = bound[name]
        else:
            step_forms[name] = step.form(
                initial=_initial(name, appeal, today),
                auto_id=f"{name}-%s",  # several forms on one page: ids must not clash
                **step.form_kwargs(appeal),
            )
    if (
        appeal.extension_notice_due
        and appeal.extension_notice_given_on is None
        and appeal.status not in (Status.CLOSED, Status.NOT_REGISTERED)
        and permissions.can(request.user, "appeals.appeal.respond", appeal)
    ):
        step_forms["extension-notice"] = (bound or {}).get("extension-notice") or (
            forms.ExtensionNoticeForm(initial={"on": today}, auto_id="extension-notice-%s")
        )
    _deadline_hints(step_forms, appeal)
    show_personal = appeal.may_see_personal_data
    if show_personal and appeal.author_contacts:
        services.personal_data_viewed(actor=request.user, appeal=appeal)
    return {
        "appeal": appeal,
        "step_forms": step_forms,
        "show_personal": show_personal,
        "show_content": can_see_content(request.user, appeal),
        "extensions": list(appeal.extensions.select_related("extended_by")),
        "attachments": list(appeal.attachments.all()) if appeal.show_content else [],
        "copies": list(appeal.forwarded_copies.select_related("organization")),
        "today": today,
        "deadline_names": dict(Deadline.choices),
    }


def _deadline_hints(step_forms: dict, appeal: Appeal) -> None:
    """Tell the user the limits of the step right under its date field."""
    if "forward" in step_forms and appeal.first_response_due:
        step_forms["forward"].fields["on"].help_text = _(
            "Within 3 working days of registration: by %(date)s."
        ) % {"date": appeal.first_response_due.strftime("%d.%m.%Y")}
    if "extend" in step_forms:
        step_forms["extend"].fields["new_due"].help_text = _(
            "A working day, not later than %(date)s (the total term from registration)."
        ) % {"date": services.max_official_due(appeal).strftime("%d.%m.%Y")}


def _initial(name: str, appeal: Appeal, today) -> dict:
    if name in ("first-response", "official-response"):
        return {"on": today}
    if name == "forward":
        return {"on": today, "applicant_informed_on": today}
    if name == "assign":
        return {"assignee": appeal.assignee_id}
    if name == "close":
        return {"outcome": appeal.outcome or "explanation"}
    return {}


@login_required
def appeal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = _get_appeal(request, pk, "appeals.appeal.view")
    return render(request, "appeals/appeal_detail.html", _detail_context(request, appeal))


@login_required
@require_POST
def appeal_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEPS:
        return render(request, "404.html", status=404)
    definition = STEPS[step]
    appeal = _get_appeal(request, pk, definition.action)
    form = definition.form(
        request.POST, request.FILES or None, auto_id=f"{step}-%s", **definition.form_kwargs(appeal)
    )
    if form.is_valid():
        try:
            definition.call(actor=request.user, appeal=appeal, **form.cleaned_data)
        except services.InvalidTransition as error:
            messages.error(request, str(error))
            return redirect("appeals:detail", pk=pk)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, STEP_DONE[step])
            return redirect("appeals:detail", pk=pk)
    messages.error(request, _("Nothing has been changed: correct the marked fields."))
    context = _detail_context(request, appeal, bound={step: form})
    context["open_step"] = step
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
            "version": workdays.calendar_version(),
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

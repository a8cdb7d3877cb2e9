from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts import archive, once, permissions
from accounts.archive import ARCHIVE, RESTORE
from accounts.exceptions import InvalidTransition
from accounts.web import apply_errors, error_text
from reports.pdf import render_pdf

from . import selectors, services
from .forms import AnswerForm, DecisionForm, ReplyForm, RouteForm, answers_from_post
from .models import (
    PDF_LANGUAGES,
    Answer,
    Checklist,
    Decision,
    RouteMessage,
    TemplateItem,
    TemplateSection,
)
from .workflows import checklist_workflow, version_refusal


def _version(request, pk, action="checklist.view"):
    """The publication version whose checklist is asked for: outside the user's subtree 404."""
    from content.models import PublicationVersion

    return permissions.get_object_or_404_for(
        request.user,
        PublicationVersion.objects.select_related("publication__organization"),
        action,
        field="publication__organization",
        pk=pk,
    )


def _messages_of(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def _page_context(
    request, version, *, posted=None, errors=None, route_form=None, decision_form=None
):
    user = request.user
    checklist = selectors.checklist_of(version)
    if checklist is not None:
        checklist.version = version  # already loaded with its publication and organization
    template = selectors.template_for(checklist)
    probe = checklist or Checklist(version=version, template=template)
    is_current = version.publication.current_version_id == version.pk
    # Issue 12 point 5: an archived checklist, or the checklist of an archived publication, is
    # read-only until restored.
    archived = probe.archived_at is not None or version.publication.archived_at is not None
    frozen = (checklist is not None and checklist.is_completed) or version.is_frozen
    # The same CL8.4 check the answers' service and the workflow's guard make.
    open_ = (
        template is not None
        and not (checklist is not None and checklist.is_completed)
        and version_refusal(version) is None
        and not archived
    )
    can_fill = open_ and permissions.can(user, "checklist.fill", probe)
    # Routing and the decision are offered only as the checklist workflow says (its table and
    # guards): enabled, or disabled with the reason.
    actions = (
        {a.name: a for a in checklist_workflow.available_actions(user, probe)} if template else {}
    )
    answers = {}
    routes = {}
    if checklist is not None:
        answers = {a.item_id: a for a in checklist.answers.select_related("answered_by")}
        routes = {
            r.item_id: r
            for r in checklist.routes.select_related(
                "lawyer", "routed_by", "item", "round__lawyer", "round__routed_by"
            )
        }
    has_visuals = version.has_visual_materials
    sections = list(template.sections.prefetch_related("items")) if template else []
    errors = errors or {}
    posted = posted or {}
    editable_count = 0
    for section in sections:
        section.rows = []
        for item in section.items.all():
            route = routes.get(item.pk)
            editable = open_ and (route.lawyer_id == user.pk if route else can_fill)
            editable_count += editable
            answer = answers.get(item.pk)
            value, comment = posted.get(
                item.pk, (answer.value, answer.comment) if answer else ("", "")
            )
            section.rows.append(
                {
                    "item": item,
                    "answer": answer,
                    "route": route,
                    "editable": editable,
                    "value": value,
                    "comment": comment,
                    "na_allowed": item.allows_not_applicable(has_visuals),
                    "na_auto": item.not_applicable_by_itself(has_visuals),
                    "errors": errors.get(f"item_{item.pk}", []),
                }
            )
        # The template's data says whether the section's items may be N/A without visuals.
        section.na_without_visuals = any(row["na_auto"] for row in section.rows)
        # "The rest of this section: yes" is offered while this person has items left in it.
        section.open_count = sum(1 for row in section.rows if row["editable"] and not row["answer"])
    # Issue 13 point 2: each routing is a round, with its question, the lawyer's answers and a
    # thread of replies, seen by the administrators and the lawyer. The rounds come with the
    # routes; their messages are one more query, only when something was routed.
    rounds = []
    if routes:
        may_route = permissions.can(user, "checklist.route", probe)
        by_round: dict[int, object] = {}
        rows: dict[int, list] = {}
        for route in sorted(routes.values(), key=lambda r: (r.routed_at, r.item.position)):
            if route.round is not None:
                by_round.setdefault(route.round_id, route.round)
                rows.setdefault(route.round_id, []).append((route, answers.get(route.item_id)))
        rounds = sorted(by_round.values(), key=lambda r: (r.routed_at, r.pk))
        thread: dict[int, list] = {}
        for message in RouteMessage.objects.filter(round__in=list(by_round)).select_related(
            "author"
        ):
            thread.setdefault(message.round_id, []).append(message)
        for round_ in rounds:
            round_.rows = rows[round_.pk]
            round_.thread = thread.get(round_.pk, [])
            round_.can_reply = open_ and (round_.lawyer_id == user.pk or may_route)
            round_.is_mine = round_.lawyer_id == user.pk
    route_action = actions.get("route")
    decide_action = actions.get("decide")
    can_route = route_action is not None and route_action.enabled
    can_decide = decide_action is not None and decide_action.enabled
    if can_route and route_form is None:
        route_form = RouteForm(
            lawyers=selectors.lawyers_for(version.publication.organization), template=template
        )
    if can_decide and decision_form is None:
        decision_form = DecisionForm(request=request)
    return {
        "version": version,
        "publication": version.publication,
        "checklist": checklist,
        "template": template,
        "sections": sections,
        "progress": selectors.progress(checklist, template),
        "choices": Answer.Value.choices,
        "is_current": is_current,
        "frozen": frozen,
        "editable_count": editable_count,
        "route_action": route_action,
        "decide_action": decide_action,
        "route_form": route_form if can_route else None,
        "decision_form": decision_form if can_decide else None,
        "routes": sorted(routes.values(), key=lambda r: (r.routed_at, r.item.position)),
        "rounds": rounds,
        "my_rounds": [r for r in rounds if r.is_mine and r.answered_at is None],
        "reply_form": ReplyForm(),
        "has_visuals": has_visuals,
        "pdf_languages": PDF_LANGUAGES,
        "archived": archived,
        # Archive / restore (accounts.archive): offered on an existing checklist only.
        "archive_actions": [a for n, a in actions.items() if n in (ARCHIVE, RESTORE)]
        if checklist is not None
        else [],
    }


def _render(request, version, status=200, **kwargs):
    return render(
        request,
        "checklist/checklist_detail.html",
        _page_context(request, version, **kwargs),
        status=status,
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole checklist on one page; its "Save" button posts every editable item (works
    without JavaScript; with it, each answer is also saved as soon as it changes)."""
    version = _version(request, pk)
    if request.method != "POST":
        return _render(request, version)
    template = selectors.template_for(selectors.checklist_of(version))
    items = TemplateItem.objects.filter(section__template=template)
    posted = answers_from_post(request.POST, items)
    try:
        services.answers_save(version=version, actor=request.user, answers=posted)
    except InvalidTransition as error:
        messages.error(request, str(error.message))
        return redirect("checklist:detail", pk=version.pk)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            errors = {k: [m for e in v for m in e.messages] for k, v in error.error_dict.items()}
            messages.error(request, _("Nothing was saved: correct the marked items."))
        else:
            errors = {}
            messages.error(request, " ".join(_messages_of(error)))
        return _render(request, version, status=400, posted=posted, errors=errors)
    messages.success(request, _("The checklist is saved."))
    return redirect("checklist:detail", pk=version.pk)


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> JsonResponse:
    """Save one answer (the page's script posts each change); JSON in, JSON out."""
    version = _version(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return JsonResponse(
            {"ok": False, "error": _("Choose yes, no or not applicable.")}, status=400
        )
    data = form.cleaned_data
    try:
        checklist, saved = services.answers_save(
            version=version,
            actor=request.user,
            answers={data["item"]: (data["value"], data["comment"])},
        )
    except PermissionDenied:
        return JsonResponse(
            {"ok": False, "error": _("You may not answer this checklist.")}, status=403
        )
    except InvalidTransition as error:
        return JsonResponse({"ok": False, "error": str(error.message)}, status=409)
    except ValidationError as error:
        return JsonResponse({"ok": False, "error": " ".join(_messages_of(error))}, status=400)
    row = checklist.answers.select_related("answered_by").get(item_id=data["item"])
    return JsonResponse(
        {
            "ok": True,
            "saved": bool(saved),
            "value": row.value,
            "comment": row.comment,
            "answered_by": row.answered_by.get_full_name() if row.answered_by else "",
            "answered_at": _when(row.answered_at),
            **_state(request.user, checklist),
        }
    )


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _state(user, checklist: Checklist) -> dict:
    """What the page shows after a save (issue 13, point 2): the progress, and whether the
    final decision can now be signed — the page then brings the signature form in without a
    reload. The decision's state is the workflow's own (its guards CL9, CL8.2), asked only when
    every item is answered."""
    progress = selectors.progress(checklist, checklist.template)
    ready, reason = False, ""
    if progress["answered"] == progress["total"]:
        action = {a.name: a for a in checklist_workflow.available_actions(user, checklist)}.get(
            "decide"
        )
        if action is not None:
            ready, reason = action.enabled, str(action.reason or "")
    return {
        "answered": progress["answered"],
        "total": progress["total"],
        "percent": progress["percent"],
        "decide_ready": ready,
        "decide_reason": reason,
    }


@login_required
@require_POST
def section_yes(request: HttpRequest, pk: int, section_pk: int) -> HttpResponse:
    """ "The rest of this section: yes" — one request answers every unanswered item of the
    section this person may answer (services.answer_rest_of_section). The page's script asks for
    JSON; without JavaScript the button posts the form here and comes back to the page."""
    version = _version(request, pk)
    wants_json = request.headers.get("X-Requested-With") == "fetch"
    section = TemplateSection.objects.filter(pk=section_pk).first()
    status, error = 200, ""
    try:
        checklist, saved = services.answer_rest_of_section(
            version=version, actor=request.user, section=section
        )
    except PermissionDenied:
        status, error = 403, _("You may not answer this checklist.")
    except InvalidTransition as exc:
        status, error = 409, str(exc.message)
    except ValidationError as exc:
        status, error = 400, " ".join(_messages_of(exc))
    if not wants_json:
        if status == 403:
            raise PermissionDenied
        if error:
            messages.error(request, error)
        elif saved:
            messages.success(
                request,
                ngettext(
                    "%(count)s item is answered “yes”.",
                    "%(count)s items are answered “yes”.",
                    len(saved),
                )
                % {"count": len(saved)},
            )
        else:
            messages.info(request, _("Nothing was left to answer in this section."))
        return redirect("checklist:detail", pk=version.pk)
    if error:
        return JsonResponse({"ok": False, "error": error}, status=status)
    rows = [
        {
            "item": answer.item_id,
            "value": answer.value,
            "answered_by": request.user.get_full_name(),
            "answered_at": _when(answer.answered_at),
        }
        for answer in saved
    ]
    return JsonResponse({"ok": True, "rows": rows, **_state(request.user, checklist)})


@login_required
@require_POST
@once.protect
def reply(request: HttpRequest, pk: int, round_pk: int) -> HttpResponse:
    """A reply in a legal review round's thread (issue 13, point 2)."""
    version = _version(request, pk)
    probe = Checklist(version=version)
    if not (
        permissions.can(request.user, "checklist.route", probe)
        or permissions.can(request.user, "checklist.legal_answer", probe)
    ):
        raise PermissionDenied  # the service asks again, with the round's own lawyer
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("text", [])) or _("Write the message."))
        return redirect("checklist:detail", pk=version.pk)
    with once.submission(request) as slot:
        try:
            services.round_reply(
                version=version,
                actor=request.user,
                round_id=round_pk,
                text=form.cleaned_data["text"],
            )
        except (InvalidTransition, ValidationError) as error:
            messages.error(request, error_text(error))
            return redirect("checklist:detail", pk=version.pk)
        messages.success(request, _("The message is sent."))
        return slot.redirect("checklist:detail", pk=version.pk)


@login_required
@require_POST
def route(request: HttpRequest, pk: int) -> HttpResponse:
    version = _version(request, pk, "checklist.route")
    checklist = selectors.checklist_of(version)
    form = RouteForm(
        request.POST,
        lawyers=selectors.lawyers_for(version.publication.organization),
        template=selectors.template_for(checklist),
    )
    if form.is_valid():
        try:
            services.route_items(
                version=version,
                actor=request.user,
                lawyer=form.cleaned_data["lawyer"],
                items=form.chosen_items(),
                note=form.cleaned_data["note"],
            )
        except InvalidTransition as error:
            messages.error(request, str(error.message))
            return redirect("checklist:detail", pk=version.pk)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The items are sent to %(lawyer)s.")
                % {"lawyer": form.cleaned_data["lawyer"].get_full_name()},
            )
            return redirect("checklist:detail", pk=version.pk)
    messages.error(request, _("The items were not sent: see the legal review form."))
    return _render(request, version, status=400, route_form=form)


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    version = _version(request, pk, "checklist.decide")
    form = DecisionForm(request.POST, request=request)
    if form.is_valid():
        try:
            services.decide(
                version=version,
                actor=request.user,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
                password=form.cleaned_data["password"],
                second_factor=form.second_factor is not None,
            )
        except InvalidTransition as error:
            messages.error(request, str(error.message))
            return redirect("checklist:detail", pk=version.pk)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The decision is signed; the checklist is frozen."))
            if form.cleaned_data["decision"] == Decision.PERMITTED:
                # The next step is the publication's own (submit for approval): go there.
                return redirect(
                    reverse("content:publication_detail", args=[version.publication_id])
                    + "#next-step"
                )
            return redirect("checklist:detail", pk=version.pk)
    # A refused signature is named on its own: the form may not be on the page at all.
    signature_errors = form.errors.get("password") or form.errors.get("otp_token")
    if signature_errors:
        messages.error(request, " ".join(signature_errors))
    else:
        messages.error(request, _("The decision was not signed: see the decision form."))
    return _render(request, version, status=400, decision_form=form)


@login_required
def pdf(request: HttpRequest, pk: int, lang: str) -> HttpResponse:
    """Appendix 1, filled in: every section and item with its answer and comment, the final
    decision, the responsible person and the signature line (issue 5, point 6)."""
    if lang not in PDF_LANGUAGES:
        raise Http404
    version = _version(request, pk)
    checklist = selectors.checklist_of(version)
    if checklist is None:
        raise Http404
    answers = {a.item_id: a for a in checklist.answers.select_related("answered_by")}
    sections = list(checklist.template.sections.prefetch_related("items"))
    for section in sections:
        section.rows = [(item, answers.get(item.pk)) for item in section.items.all()]
    data = render_pdf(
        "reports/checklist.html",
        {
            "checklist": checklist,
            "version": version,
            "publication": version.publication,
            "sections": sections,
            "decisions": checklist._meta.get_field("decision").choices,
            "today": timezone.localdate(),
        },
        language=lang,
    )
    response = HttpResponse(data, content_type="application/pdf")
    name = f"checklist-{version.publication_id}-v{version.number}-{lang}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def waiting(request: HttpRequest) -> HttpResponse:
    """The lawyer's queue: checklists with items routed to them and not yet answered."""
    permissions.require(request.user, "checklist.legal_answer")
    archived = request.GET.get("archived") == "1"  # issue 12 point 5: the "Archived" filter
    return render(
        request,
        "checklist/waiting_list.html",
        {
            "checklists": selectors.waiting_for(request.user, archived=archived)[:200],
            "showing_archived": archived,
        },
    )


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Archive or restore the checklist of a version (issue 12 point 5, accounts.archive): the
    checklist's workflow asks the permission, the reason and audits it. Outside the subtree 404."""
    if action not in (ARCHIVE, RESTORE):
        raise Http404
    version = _version(request, pk)
    checklist = selectors.checklist_of(version)
    if checklist is None:
        raise Http404
    service = archive.archive if action == ARCHIVE else archive.restore
    try:
        service(request.user, checklist, request.POST.get("reason", ""))
    except (InvalidTransition, ValidationError) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The checklist is archived.")
            if action == ARCHIVE
            else _("The checklist is restored from the archive."),
        )
    return redirect("checklist:detail", pk=version.pk)

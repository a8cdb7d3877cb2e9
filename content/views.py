import calendar as pycalendar
import difflib
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry, Organization, User
from accounts.web import apply_errors, error_text
from registry.models import AccountStatus, OfficialAccount

from . import selectors, services
from .forms import (
    AttachmentForm,
    CommentForm,
    CrisisForm,
    ModerationForm,
    PlanCreateForm,
    PlanItemForm,
    PlanningForm,
    PublicationFilterForm,
    PublicationForm,
    ReasonForm,
    StatementApprovalForm,
)
from .models import (
    Attachment,
    ContentPlan,
    Crisis,
    ModerationAction,
    PlanItem,
    Publication,
    PublicationStatus,
)
from .taxonomy import ContentKind, directions_of

S = PublicationStatus
PAGE_SIZE = 50


def _publication(request, pk, action="content.view"):
    return permissions.get_object_or_404_for(
        request.user,
        Publication.objects.select_related("organization", "current_version", "author", "crisis"),
        action,
        pk=pk,
    )


def _accounts_of(organization: Organization):
    return OfficialAccount.objects.filter(organization=organization, status=AccountStatus.ACTIVE)


# Publications ---------------------------------------------------------------------------------


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
    qs = selectors.publication_list(request.user, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "content/publication_list.html",
        {
            "page": page,
            "form": form,
            "querystring": query.urlencode(),
            "can_create": permissions.can(request.user, "content.publication.edit"),
        },
    )


def _organization_for_new(request) -> Organization:
    organizations = list(
        permissions.visible_organizations(request.user, action="content.publication.edit")
    )
    wanted = request.GET.get("organization") or request.POST.get("organization")
    if wanted:
        for organization in organizations:
            if str(organization.pk) == wanted:
                return organization
        raise Http404
    if not organizations:
        raise PermissionDenied
    return organizations[0]


@login_required
def publication_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "content.publication.edit")
    organization = _organization_for_new(request)
    plan_item = None
    if request.GET.get("plan_item"):
        plan_item = permissions.get_object_or_404_for(
            request.user,
            PlanItem.objects.select_related("plan"),
            "content.publication.edit",
            field="plan__organization",
            pk=request.GET["plan_item"],
        )
    initial = {}
    if plan_item:
        initial = {
            "title": plan_item.topic,
            "kind": plan_item.kind,
            "direction": plan_item.direction,
            "audiences": plan_item.audiences,
            "language": plan_item.language,
            "accounts": list(plan_item.accounts.all()),
        }
    crisis = services.active_crisis_for(organization)
    form = PublicationForm(
        request.POST or None, initial=initial, accounts=_accounts_of(organization), crisis=crisis
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        accounts = list(data.pop("accounts"))
        try:
            publication = services.publication_create(
                actor=request.user,
                organization=organization,
                accounts=accounts,
                plan_item=plan_item,
                **data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The draft is saved. Fill its checklist, then submit it."))
            return redirect("content:publication_detail", pk=publication.pk)
    return render(
        request,
        "content/publication_form.html",
        {
            "form": form,
            "organization": organization,
            "crisis": crisis,
            "plan_item": plan_item,
            "directions": {k: directions_of(k) for k in ContentKind.values},
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
    }
    crisis = services.active_crisis_for(publication.organization)
    form = PublicationForm(
        request.POST or None,
        initial=initial,
        accounts=_accounts_of(publication.organization),
        crisis=crisis,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        accounts = list(data.pop("accounts"))
        try:
            services.publication_edit(
                actor=request.user,
                publication=publication,
                accounts=accounts,
                expected_version=int(request.POST.get("version") or version.number),
                **data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        except InvalidTransition as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("The publication is saved."))
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
        },
    )


@login_required
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _publication(request, pk)
    user = request.user
    version = publication.current_version
    targets = list(publication.targets.select_related("account"))
    versions = list(publication.versions.order_by("-number"))
    history = list(
        AuditEntry.objects.filter(
            object_id=str(publication.pk), action__startswith="content.publication"
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:100]
    )
    for entry in history:
        entry.label = audit.label(entry.action)
    crisis = publication.crisis if publication.crisis_id and publication.crisis.is_active else None
    is_head = permissions.can(user, "content.publication.approve", publication)
    in_group = crisis is not None and crisis.working_group.filter(pk=user.pk).exists()
    can_edit = permissions.can(user, "content.publication.edit", publication)
    can_publish = permissions.can(user, "content.publication.publish", publication)
    context = {
        "publication": publication,
        "version": version,
        "attachments": list(version.attachments.all()),
        "targets": targets,
        "versions": versions,
        "history": history,
        "crisis": crisis,
        "statement": getattr(publication, "statement_approval", None)
        if publication.is_official_statement
        else None,
        "can_edit": can_edit and publication.status in services.EDITABLE,
        "can_submit": can_edit and publication.status in (S.DRAFT, S.RETURNED),
        "can_recall": can_edit and publication.status == S.SUBMITTED,
        "can_decide": (is_head or in_group) and publication.status == S.SUBMITTED,
        "can_publish": can_publish and publication.status == S.APPROVED,
        "can_publish_urgent": can_publish
        and publication.is_urgent
        and publication.status in (S.DRAFT, S.RETURNED),
        "can_acknowledge": permissions.can(user, "content.publication.acknowledge", publication)
        and publication.is_urgent
        and publication.status == S.PUBLISHED
        and not publication.approved_by_id
        and not publication.acknowledged_at,
        "can_withdraw": permissions.can(user, "content.publication.withdraw", publication)
        and publication.status == S.PUBLISHED,
        "can_statement": publication.is_official_statement
        and publication.status in (S.DRAFT, S.RETURNED, S.SUBMITTED)
        and (can_edit or is_head),
        "attachment_form": AttachmentForm(),
    }
    return render(request, "content/publication_detail.html", context)


def _post_transition(request, pk, call, success, action="content.view", form_class=None):
    publication = _publication(request, pk, action)
    data = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
            return redirect("content:publication_detail", pk=pk)
        data = form.cleaned_data
    try:
        call(publication, data)
    except (ValidationError, InvalidTransition) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, success)
    return redirect("content:publication_detail", pk=pk)


@login_required
@require_POST
def publication_submit(request, pk):
    return _post_transition(
        request,
        pk,
        lambda p, d: services.publication_submit(actor=request.user, publication=p),
        _("The publication is sent to the chairman for approval."),
    )


@login_required
@require_POST
def publication_recall(request, pk):
    return _post_transition(
        request,
        pk,
        lambda p, d: services.publication_recall(actor=request.user, publication=p),
        _("The publication is recalled; you can edit it again."),
    )


@login_required
@require_POST
def publication_approve(request, pk):
    try:
        number = int(request.POST.get("version", ""))
    except ValueError:
        number = -1
    return _post_transition(
        request,
        pk,
        lambda p, d: services.publication_approve(
            actor=request.user, publication=p, version_number=number, comment=d.get("comment", "")
        ),
        _("The publication is approved."),
        form_class=CommentForm,
    )


@login_required
@require_POST
def publication_decline(request, pk, decision):
    if decision not in ("return", "prohibit"):
        raise Http404
    return _post_transition(
        request,
        pk,
        lambda p, d: services.publication_decline(
            actor=request.user,
            publication=p,
            prohibit=decision == "prohibit",
            comment=d.get("comment", ""),
        ),
        _("The publication is prohibited.")
        if decision == "prohibit"
        else _("The publication is returned for revision."),
        form_class=CommentForm,
    )


def _links(request) -> dict[int, str]:
    return {
        int(key[5:]): value
        for key, value in request.POST.items()
        if key.startswith("link-") and key[5:].isdigit()
    }


@login_required
@require_POST
def publication_publish(request, pk):
    return _post_transition(
        request,
        pk,
        lambda p, d: services.publication_publish(
            actor=request.user, publication=p, links=_links(request)
        ),
        _("The publication is recorded as published."),
    )


@login_required
@require_POST
def publication_publish_urgent(request, pk):
    return _post_transition(
        request,
        pk,
        lambda p, d: services.publication_publish_urgent(
            actor=request.user,
            publication=p,
            links=_links(request),
            reason=request.POST.get("reason", ""),
        ),
        _("The urgent message is published; the chairman is notified."),
    )


@login_required
@require_POST
def publication_acknowledge(request, pk):
    return _post_transition(
        request,
        pk,
        lambda p, d: services.publication_acknowledge(
            actor=request.user, publication=p, comment=d.get("comment", "")
        ),
        _("The urgent message is acknowledged."),
        form_class=CommentForm,
    )


@login_required
@require_POST
def publication_withdraw(request, pk):
    return _post_transition(
        request,
        pk,
        lambda p, d: services.publication_withdraw(
            actor=request.user, publication=p, reason=d["reason"]
        ),
        _("The publication is withdrawn."),
        form_class=ReasonForm,
    )


@login_required
@require_POST
def attachment_add(request, pk):
    publication = _publication(request, pk, "content.publication.edit")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    else:
        try:
            services.attachment_add(
                actor=request.user,
                publication=publication,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except (ValidationError, InvalidTransition) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The file is attached."))
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
        services.attachment_remove(actor=request.user, attachment=attachment)
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
    file = attachment.thumbnail if thumb and attachment.thumbnail else attachment.file
    return FileResponse(file.open("rb"), filename=attachment.original_name)


@login_required
def statement_approval(request, pk):
    publication = _publication(request, pk)
    form = StatementApprovalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.statement_approval_record(
                actor=request.user, publication=publication, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        except InvalidTransition as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("The approval of the authorized body is recorded."))
            return redirect("content:publication_detail", pk=pk)
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
        old, new = getattr(a, field).splitlines(), getattr(b, field).splitlines()
        if old != new:
            diffs.append(
                {
                    "label": label,
                    "lines": list(difflib.unified_diff(old, new, lineterm="", n=2))[2:],
                }
            )
    return render(
        request,
        "content/version_diff.html",
        {"publication": publication, "a": a, "b": b, "diffs": diffs},
    )


# Plans ------------------------------------------------------------------------------------------


@login_required
def plan_list(request):
    permissions.require(request.user, "content.view")
    plans = selectors.plans_visible_to(request.user).order_by("-starts_on", "organization__path")
    if request.GET.get("organization", "").isdigit():
        plans = plans.filter(organization_id=int(request.GET["organization"]))
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    organizations = permissions.visible_organizations(request.user, action="content.plan.edit")
    form = PlanCreateForm(request.POST or None, initial={"day": timezone.localdate()})
    if request.method == "POST":
        organization = _organization_for_new(request)
        if form.is_valid():
            try:
                plan = services.plan_create(
                    actor=request.user, organization=organization, day=form.cleaned_data["day"]
                )
            except ValidationError as error:
                messages.error(request, error_text(error))
            else:
                return redirect("content:plan_detail", pk=plan.pk)
    return render(
        request,
        "content/plan_list.html",
        {"page": page, "form": form, "organizations": organizations},
    )


def _plan(request, pk, action="content.view"):
    return permissions.get_object_or_404_for(
        request.user, ContentPlan.objects.select_related("organization"), action, pk=pk
    )


@login_required
def plan_detail(request, pk):
    plan = _plan(request, pk)
    today = timezone.localdate()
    items = list(selectors.plan_items(plan, today))
    for item in items:
        item.is_overdue = item.planned_on < today and not item.is_published
    editable = plan.status in (ContentPlan.Status.DRAFT, ContentPlan.Status.RETURNED)
    return render(
        request,
        "content/plan_detail.html",
        {
            "plan": plan,
            "items": items,
            "today": today,
            "can_edit": editable and permissions.can(request.user, "content.plan.edit", plan),
            "can_decide": plan.status == ContentPlan.Status.SUBMITTED
            and permissions.can(request.user, "content.plan.approve", plan),
            "can_write": permissions.can(request.user, "content.publication.edit", plan),
        },
    )


@login_required
def plan_item_form(request, pk, item_pk=None):
    plan = _plan(request, pk, "content.plan.edit")
    item = None
    initial = {}
    if item_pk:
        item = PlanItem.objects.filter(plan=plan, pk=item_pk).first()
        if item is None:
            raise Http404
        initial = {
            "topic": item.topic,
            "planned_on": item.planned_on,
            "kind": item.kind,
            "direction": item.direction,
            "audiences": item.audiences,
            "language": item.language,
            "accounts": list(item.accounts.all()),
        }
    form = PlanItemForm(
        request.POST or None, initial=initial, accounts=_accounts_of(plan.organization)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["accounts"] = list(data["accounts"])
        try:
            services.plan_item_save(actor=request.user, plan=plan, item=item, **data)
        except ValidationError as error:
            apply_errors(form, error)
        except InvalidTransition as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("The plan item is saved."))
            return redirect("content:plan_detail", pk=pk)
    return render(
        request,
        "content/form.html",
        {
            "form": form,
            "title": _("Plan item"),
            "back_plan": plan,
            "directions": {k: directions_of(k) for k in ContentKind.values},
        },
    )


@login_required
@require_POST
def plan_item_delete(request, pk, item_pk):
    plan = _plan(request, pk, "content.plan.edit")
    item = PlanItem.objects.filter(plan=plan, pk=item_pk).first()
    if item is None:
        raise Http404
    try:
        services.plan_item_delete(actor=request.user, item=item)
    except InvalidTransition as error:
        messages.error(request, error_text(error))
    return redirect("content:plan_detail", pk=pk)


@login_required
@require_POST
def plan_submit(request, pk):
    plan = _plan(request, pk, "content.plan.edit")
    try:
        services.plan_submit(actor=request.user, plan=plan)
    except (ValidationError, InvalidTransition) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The plan is sent to the chairman for approval."))
    return redirect("content:plan_detail", pk=pk)


@login_required
@require_POST
def plan_decide(request, pk, decision):
    if decision not in ("approve", "return"):
        raise Http404
    plan = _plan(request, pk, "content.plan.approve")
    try:
        services.plan_decide(
            actor=request.user,
            plan=plan,
            approve=decision == "approve",
            comment=request.POST.get("comment", ""),
        )
    except (ValidationError, InvalidTransition) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The plan is approved.")
            if decision == "approve"
            else _("The plan is returned for revision."),
        )
    return redirect("content:plan_detail", pk=pk)


@login_required
def planning_setting(request, org_pk):
    organization = permissions.get_object_or_404_for(
        request.user, Organization.objects.all(), "content.planning.set", field="", pk=org_pk
    )
    form = PlanningForm(
        request.POST or None, initial={"period": services.planning_period_of(organization)}
    )
    if request.method == "POST" and form.is_valid():
        services.planning_set(
            actor=request.user, organization=organization, period=form.cleaned_data["period"]
        )
        messages.success(request, _("The planning period is saved."))
        return redirect("content:plans")
    return render(
        request,
        "content/form.html",
        {"form": form, "title": _("Planning period (R6.1)"), "subtitle": organization.name},
    )


# Calendar ---------------------------------------------------------------------------------------


@login_required
def calendar_view(request):
    permissions.require(request.user, "content.view")
    today = timezone.localdate()
    try:
        anchor = date.fromisoformat(request.GET.get("day", "")) if request.GET.get("day") else today
    except ValueError:
        anchor = today
    mode = "week" if request.GET.get("view") == "week" else "month"
    if mode == "week":
        start = anchor - timedelta(days=anchor.weekday())
        end = start + timedelta(days=6)
        previous, following = start - timedelta(days=7), start + timedelta(days=7)
    else:
        start = anchor.replace(day=1)
        end = start.replace(day=pycalendar.monthrange(start.year, start.month)[1])
        previous = (start - timedelta(days=1)).replace(day=1)
        following = end + timedelta(days=1)
    try:
        account = int(request.GET.get("account") or 0) or None
    except ValueError:
        account = None
    kind = request.GET.get("kind", "") if request.GET.get("kind", "") in ContentKind.values else ""
    items, publications = selectors.calendar_entries(
        request.user, start, end, account=account, kind=kind
    )
    grid_start = start - timedelta(days=start.weekday())
    grid_end = end + timedelta(days=6 - end.weekday())
    days = {}
    day = grid_start
    while day <= grid_end:
        days[day] = {
            "date": day,
            "in_range": start <= day <= end,
            "items": [],
            "publications": [],
            "today": day == today,
        }
        day += timedelta(days=1)
    for item in items:
        item.is_overdue = item.planned_on < today and not item.is_published
        days[item.planned_on]["items"].append(item)
    for publication in publications:
        when = publication.published_at or publication.planned_at
        local = timezone.localtime(when).date()
        if local in days:
            days[local]["publications"].append(publication)
    weeks = [list(days.values())[i : i + 7] for i in range(0, len(days), 7)]
    accounts = permissions.visible(
        request.user, OfficialAccount.objects.all(), action="content.view"
    ).order_by("display_name")
    return render(
        request,
        "content/calendar.html",
        {
            "weeks": weeks,
            "start": start,
            "end": end,
            "mode": mode,
            "previous": previous,
            "following": following,
            "accounts": accounts,
            "account": account,
            "kind": kind,
            "kinds": ContentKind.choices,
        },
    )


# Crises -----------------------------------------------------------------------------------------


@login_required
def crisis_list(request):
    permissions.require(request.user, "content.view")
    crises = permissions.visible(
        request.user, Crisis.objects.all(), action="content.view"
    ).select_related("organization", "declared_by")
    page = Paginator(crises, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "content/crisis_list.html",
        {"page": page, "can_declare": permissions.can(request.user, "content.crisis.manage")},
    )


@login_required
def crisis_declare(request):
    permissions.require(request.user, "content.crisis.manage")
    organizations = list(
        permissions.visible_organizations(request.user, action="content.crisis.manage")
    )
    organization = organizations[0] if organizations else None
    if organization is None:
        raise PermissionDenied
    users = (
        User.objects.filter(
            is_active=True, memberships__organization__path__startswith=organization.path
        )
        .distinct()
        .order_by("last_name")
    )
    form = CrisisForm(request.POST or None, users=users)
    if request.method == "POST" and form.is_valid():
        try:
            crisis = services.crisis_declare(
                actor=request.user,
                organization=organization,
                title=form.cleaned_data["title"],
                agreed_position=form.cleaned_data["agreed_position"],
                working_group=list(form.cleaned_data["working_group"]),
            )
        except ValidationError as error:
            apply_errors(form, error)
        except InvalidTransition as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("The crisis is declared; the organizations are notified."))
            return redirect("content:crisis_detail", pk=crisis.pk)
    return render(
        request,
        "content/form.html",
        {"form": form, "title": _("Declare a crisis (R10)"), "subtitle": organization.name},
    )


@login_required
def crisis_detail(request, pk):
    crisis = permissions.get_object_or_404_for(
        request.user, Crisis.objects.select_related("organization"), "content.view", pk=pk
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST":
        permissions.require(request.user, "content.crisis.manage", crisis)
        if form.is_valid():
            try:
                services.crisis_end(
                    actor=request.user, crisis=crisis, note=form.cleaned_data["reason"]
                )
            except InvalidTransition as error:
                messages.error(request, error_text(error))
            else:
                messages.success(request, _("The crisis is ended."))
            return redirect("content:crisis_detail", pk=pk)
    return render(
        request,
        "content/crisis_detail.html",
        {
            "crisis": crisis,
            "form": form,
            "members": crisis.working_group.all(),
            "publications": crisis.publications.select_related("current_version")[:50],
            "can_end": crisis.is_active
            and permissions.can(request.user, "content.crisis.manage", crisis),
        },
    )


# Moderation log ---------------------------------------------------------------------------------


@login_required
def moderation_list(request):
    permissions.require(request.user, "content.view")
    actions = permissions.visible(
        request.user,
        ModerationAction.objects.all(),
        field="account__organization",
        action="content.view",
    ).select_related("account", "recorded_by")
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    accounts = permissions.visible(
        request.user, OfficialAccount.objects.all(), action="content.moderation.record"
    )
    form = ModerationForm(
        request.POST or None, accounts=accounts, initial={"occurred_on": timezone.localdate()}
    )
    if request.method == "POST":
        permissions.require(request.user, "content.moderation.record")
        if form.is_valid():
            data = dict(form.cleaned_data)
            account = data.pop("account")
            try:
                services.moderation_record(actor=request.user, account=account, **data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The moderation action is recorded."))
                return redirect("content:moderation")
    return render(
        request,
        "content/moderation_list.html",
        {
            "page": page,
            "form": form,
            "can_record": permissions.can(request.user, "content.moderation.record"),
        },
    )

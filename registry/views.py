from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import audit, files, once, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization, User
from accounts.paging import CappedPaginator
from accounts.web import error_text, run_service

from . import exports, selectors, services
from .forms import (
    AccessEntryFormSet,
    AccountCreateForm,
    AccountForm,
    AppointmentForm,
    CommentForm,
    DecisionForm,
    EndAppointmentForm,
    LogoCheckForm,
    MeasureForm,
    PolicyForm,
    RegisterFilterForm,
    RotationForm,
    StatusForm,
    ViolationForm,
)
from .models import (
    FLAGS,
    AccessListVersion,
    AdministratorAppointment,
    CreationDecision,
    LogoCheck,
    OfficialAccount,
    RotationPolicy,
    Violation,
    rotation_interval_months,
)
from .workflows import access_list_workflow, account_workflow

PAGE_SIZE = 50


def _account(request, pk, action="registry.account.view"):
    return permissions.get_object_or_404_for(
        request.user, OfficialAccount.objects.select_related("organization"), action, pk=pk
    )


def _filters(request):
    organizations = permissions.visible_organizations(request.user, action="registry.account.view")
    form = RegisterFilterForm(request.GET or None, organizations=organizations)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "organization": data["organization"],
            "network": data["network"],
            "status": data["status"],
            "flag": data["flag"],
            "query": data["q"].strip(),
            "own": data["own"],
        }
    filters["archived"] = request.GET.get("archived") == "1"  # issue 12 point 5
    return form, filters


@login_required
def account_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "registry.account.view")
    form, filters = _filters(request)
    today = timezone.localdate()
    qs = selectors.register(request.user, today, **filters)
    page = CappedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))  # issue 14
    for account in page:
        account.flags = [label for name, label in FLAGS.items() if getattr(account, f"flag_{name}")]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registry/account_list.html",
        {
            "page": page,
            "form": form,
            "querystring": query.urlencode(),
            "showing_archived": filters["archived"],
            "can_register": permissions.can(request.user, "registry.account.change"),
        },
    )


@login_required
def account_export(request: HttpRequest, fmt: str) -> HttpResponse:
    permissions.require(request.user, "registry.account.view")
    _form, filters = _filters(request)
    language = request.GET.get("lang") or request.LANGUAGE_CODE
    if language not in ("kk", "ru"):
        raise Http404
    accounts = list(selectors.register(request.user, timezone.localdate(), **filters))
    title_org = filters.get("organization")
    return exports.render(fmt, accounts, language=language, organization=title_org)


@login_required
@once.protect
def account_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "registry.account.change")
    organizations = permissions.visible_organizations(
        request.user, action="registry.account.change"
    )
    form = AccountCreateForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        with once.submission(request) as slot:
            account = run_service(
                request,
                form,
                lambda: services.account_register(actor=request.user, **data),
                _("The account is registered."),
            )
            if account:
                return slot.redirect("registry:detail", pk=account.pk)
    return render(request, "registry/form.html", {"form": form, "title": _("Register an account")})


@login_required
def account_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk)
    today = timezone.localdate()
    flagged = OfficialAccount.objects.with_flags(today).get(pk=account.pk)
    versions = account.access_lists.select_related("recorded_by", "decided_by").prefetch_related(
        "entries"
    )
    approved = next((v for v in versions if v.status == AccessListVersion.Status.APPROVED), None)
    pending = next((v for v in versions if v.status == AccessListVersion.Status.PENDING), None)
    # By content type and id (accounts.audit.history_of): never another model's same id.
    history = selectors.account_history(account)
    for entry in history:
        entry.label = audit.label(entry.action)
    user = request.user
    context = {
        "account": account,
        "flags": [label for name, label in FLAGS.items() if getattr(flagged, f"flag_{name}")],
        "decisions": account.decisions.select_related("recorded_by"),
        "logo_checks": account.logo_checks.select_related("checked_by"),
        "appointments": account.appointments.select_related("user"),
        "rotations": account.rotations.select_related("recorded_by"),
        "approved": approved,
        "pending": pending,
        "versions": versions,
        "history": history,
        "today": today,
        "interval": rotation_interval_months(account.organization),
        "can_change": permissions.can(user, "registry.account.change", account)
        and not account.is_archived,
        # Archive / restore (accounts.archive, issue 12 point 5) as the account's workflow offers.
        "archive_actions": account_workflow.available_actions(user, account),
        "can_rotate": permissions.can(user, "registry.rotation.record", account)
        and not account.is_archived,
        "can_propose": permissions.can(user, "registry.access_list.propose", account)
        and not account.is_archived,
        # The pending version's buttons, as the access list's workflow offers them (R9.2).
        "access_actions": access_list_workflow.available_actions(user, pending)
        if pending and not account.is_archived
        else [],
        "can_appoint": permissions.can(user, "registry.appointment.record", account)
        and not account.is_archived,
        "can_recheck": permissions.can(user, "registry.logo.require_recheck", account)
        and not account.is_archived,
        "decision_form": CommentForm(),
    }
    return render(request, "registry/account_detail.html", context)


@login_required
def account_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk, "registry.account.change")
    form = AccountForm(request.POST or None, instance=OfficialAccount.objects.get(pk=pk))
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            form,
            lambda: services.account_update(
                actor=request.user, account=account, **form.cleaned_data
            ),
            _("The account is saved."),
        )
    ):
        return redirect("registry:detail", pk=pk)
    return render(
        request,
        "registry/form.html",
        {"form": form, "account": account, "title": _("Edit account")},
    )


def _account_form_view(request, pk, action, form_class, service, success, title, **form_kwargs):
    """The shared shape of the pages that add one record to an account."""
    account = _account(request, pk, action)
    form = form_class(request.POST or None, request.FILES or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        # Its callers are wrapped in once.protect: a form sent twice records once.
        with once.submission(request) as slot:
            if run_service(
                request,
                form,
                lambda: service(actor=request.user, account=account, **form.cleaned_data),
                success,
            ):
                return slot.redirect("registry:detail", pk=pk)
    return render(request, "registry/form.html", {"form": form, "account": account, "title": title})


@login_required
@once.protect
def status_change(request: HttpRequest, pk: int) -> HttpResponse:
    return _account_form_view(
        request,
        pk,
        "registry.account.change",
        StatusForm,
        services.account_set_status,
        _("The status is changed."),
        _("Change the status"),
    )


@login_required
@once.protect
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _account_form_view(
        request,
        pk,
        "registry.account.change",
        DecisionForm,
        services.decision_record,
        _("The creation decision is recorded."),
        _("Creation decision (R4.2)"),
    )


@login_required
@once.protect
def logo_check_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _account_form_view(
        request,
        pk,
        "registry.account.change",
        LogoCheckForm,
        services.logo_check_record,
        _("The logo check is recorded."),
        _("Logo check (R4.4)"),
    )


@login_required
@once.protect
def appointment_add(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk, "registry.appointment.record")
    users = (
        User.objects.filter(
            is_active=True, memberships__organization__path__startswith=account.organization.path
        )
        .distinct()
        .order_by("last_name", "first_name")
    )
    return _account_form_view(
        request,
        pk,
        "registry.appointment.record",
        AppointmentForm,
        services.appointment_record,
        _("The appointment is recorded."),
        _("Appoint an administrator (R4.5)"),
        users=users,
    )


@login_required
@once.protect
def rotation_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _account_form_view(
        request,
        pk,
        "registry.rotation.record",
        RotationForm,
        services.rotation_record,
        _("The password change is recorded."),
        _("Record a password change (R9.3)"),
    )


@login_required
@require_POST
def logo_recheck(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk, "registry.logo.require_recheck")
    form = CommentForm(request.POST)
    form.is_valid()
    try:
        services.logo_recheck_require(
            actor=request.user, account=account, comment=form.cleaned_data.get("comment", "")
        )
    except InvalidTransition as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("A re-check of the logo is required; the administrators are notified.")
        )
    return redirect("registry:detail", pk=pk)


@login_required
def appointment_end(request: HttpRequest, pk: int) -> HttpResponse:
    appointment = permissions.get_object_or_404_for(
        request.user,
        AdministratorAppointment.objects.select_related("account__organization"),
        "registry.appointment.record",
        field="account__organization",
        pk=pk,
    )
    form = EndAppointmentForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            form,
            lambda: services.appointment_end(
                actor=request.user, appointment=appointment, ends_on=form.cleaned_data["ends_on"]
            ),
            _("The appointment is ended."),
        )
    ):
        return redirect("registry:detail", pk=appointment.account_id)
    return render(
        request,
        "registry/form.html",
        {"form": form, "account": appointment.account, "title": _("End the appointment")},
    )


@login_required
def access_list_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk, "registry.access_list.propose")
    current = account.access_lists.filter(
        status__in=[AccessListVersion.Status.PENDING, AccessListVersion.Status.APPROVED]
    ).first()
    initial = (
        [{"full_name": e.full_name, "position": e.position} for e in current.entries.all()]
        if current
        else []
    )
    formset = AccessEntryFormSet(request.POST or None, initial=initial, prefix="entries")
    error = None
    if request.method == "POST" and formset.is_valid():
        entries = [f.cleaned_data for f in formset if f.cleaned_data.get("full_name")]
        try:
            services.access_list_propose(actor=request.user, account=account, entries=entries)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The access list is sent to the chairman for approval."))
            return redirect("registry:detail", pk=pk)
    return render(
        request,
        "registry/access_list_form.html",
        {"formset": formset, "account": account, "error": error},
    )


@login_required
@require_POST
def access_list_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    version = permissions.get_object_or_404_for(
        request.user,
        AccessListVersion.objects.select_related("account__organization"),
        "registry.access_list.approve",
        field="account__organization",
        pk=pk,
    )
    form = CommentForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    transition = access_list_workflow.transitions.get(decision)
    if transition is None or transition.form == "internal":
        raise Http404
    try:
        services.access_list_decide(
            actor=request.user, version=version, action=decision, comment=comment
        )
    except (ValidationError, InvalidTransition) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The access list is approved.")
            if decision == "approve"
            else _("The access list is rejected."),
        )
    return redirect("registry:detail", pk=version.account_id)


@login_required
def policy_edit(request: HttpRequest, org_pk: int) -> HttpResponse:
    organization = permissions.get_object_or_404_for(
        request.user, Organization.objects.all(), "registry.policy.change", field="", pk=org_pk
    )
    policy = RotationPolicy.objects.filter(organization=organization).first()
    form = PolicyForm(request.POST or None, initial={"months": policy.months if policy else None})
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            form,
            lambda: services.policy_set(
                actor=request.user, organization=organization, months=form.cleaned_data["months"]
            ),
            _("The password-change interval is saved."),
        )
    ):
        return redirect("registry:list")
    return render(
        request,
        "registry/form.html",
        {"form": form, "title": _("Password-change interval"), "organization": organization},
    )


HYGIENE_PAGE_SIZE = 50
HYGIENE_PDF_LIMIT = 1000  # accounts in the PDF's drill-down; the PDF says when there are more


def _hygiene_filter(request: HttpRequest) -> tuple[Organization, str, bool]:
    """The hygiene page's filter, shared by its PDF: the organization (base), the flag of the
    drill-down ("" none, "any", or one of FLAGS) and whether only the base's own accounts."""
    permissions.require(request.user, "registry.hygiene.view")
    organizations = permissions.visible_organizations(request.user, action="registry.hygiene.view")
    base = None
    if request.GET.get("organization"):
        try:
            base = organizations.get(pk=int(request.GET["organization"]))
        except (ValueError, OverflowError, Organization.DoesNotExist):
            raise Http404 from None
    if base is None:
        base = organizations.order_by("depth", "path").first()
        if base is None:
            raise PermissionDenied
    flag = request.GET.get("flag", "")
    if flag and flag != "any" and flag not in FLAGS:
        messages.error(request, _("Unknown problem in the filter: every problem is shown."))
        flag = "any"
    return base, flag, request.GET.get("own") == "1"


def _hygiene_query(base: Organization, flag: str, own: bool) -> str:
    query = QueryDict(mutable=True)
    query["organization"] = str(base.pk)
    if flag:
        query["flag"] = flag
    if own:
        query["own"] = "1"
    return query.urlencode()


@login_required
def hygiene(request: HttpRequest) -> HttpResponse:
    """Flag counts per organization (one aggregate), and under a flag the drill-down: each
    flagged account with who must act and the link to do it (issue 13 point 8), paginated."""
    base, flag, own = _hygiene_filter(request)
    today = timezone.localdate()
    rows, total = selectors.hygiene(request.user, base, today)
    page, tasks = None, []
    if flag:
        page = CappedPaginator(
            selectors.hygiene_accounts(request.user, base, today, flag=flag, own=own),
            HYGIENE_PAGE_SIZE,
        ).get_page(request.GET.get("page"))
        tasks = selectors.hygiene_tasks(list(page), today, flag=flag)
    querystring = _hygiene_query(base, flag, own)
    return render(
        request,
        "registry/hygiene.html",
        {
            "base": base,
            "rows": rows,
            "total": total,
            "flags": FLAGS,
            "flag": flag,
            "flag_label": FLAGS.get(flag, ""),
            "own": own,
            "page": page,
            "tasks": tasks,
            "querystring": querystring,
            "pdf_query": querystring,
        },
    )


@login_required
def hygiene_pdf(request: HttpRequest) -> HttpResponse:
    """The hygiene page as a PDF, with the same filter (organization, problem, own accounts) and
    the same rows, the filter stated on it."""
    base, flag, own = _hygiene_filter(request)
    language = request.GET.get("lang") or request.LANGUAGE_CODE
    if language not in ("kk", "ru"):
        raise Http404
    today = timezone.localdate()
    rows, total = selectors.hygiene(request.user, base, today)
    accounts, more = [], False
    if flag:
        accounts = list(
            selectors.hygiene_accounts(request.user, base, today, flag=flag, own=own)[
                : HYGIENE_PDF_LIMIT + 1
            ]
        )
        more = len(accounts) > HYGIENE_PDF_LIMIT
        accounts = accounts[:HYGIENE_PDF_LIMIT]
    return exports.hygiene_pdf(
        base=base,
        rows=rows,
        total=total,
        flag=flag,
        own=own,
        tasks=selectors.hygiene_tasks(accounts, today, flag=flag),
        more=more,
        language=language,
        site=request.build_absolute_uri("/").rstrip("/"),
    )


@login_required
def document(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Uploaded documents are served only to those who may see their account."""
    models = {
        "decision": (CreationDecision, "document", "account__organization"),
        "logo": (LogoCheck, "screenshot", "account__organization"),
        "order": (AdministratorAppointment, "order_document", "account__organization"),
        "evidence": (Violation, "evidence", "organization"),
    }
    if kind not in models:
        raise Http404
    model, field, scope = models[kind]
    action = "registry.violation.view" if kind == "evidence" else "registry.account.view"
    obj = permissions.get_object_or_404_for(
        request.user, model.objects.all(), action, field=scope, pk=pk
    )
    # Type from the content, always an attachment, nosniff, sandboxed (accounts/files.py).
    return files.respond(getattr(obj, field), download_name=f"{kind}-{obj.pk}")


# Violations and measures (R11) ------------------------------------------------------------


@login_required
def violation_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "registry.violation.view")
    qs = selectors.violations_visible_to(request.user)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "registry/violation_list.html",
        {"page": page, "can_record": permissions.can(request.user, "registry.violation.record")},
    )


@login_required
@once.protect
def violation_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "registry.violation.record")
    organizations = permissions.visible_organizations(
        request.user, action="registry.violation.record"
    )
    accounts = permissions.visible(
        request.user, OfficialAccount.objects.all(), action="registry.violation.record"
    ).select_related("organization")
    users = (
        User.objects.filter(
            is_active=True,
            memberships__organization__in=organizations,
        )
        .distinct()
        .order_by("last_name", "first_name")
    )
    form = ViolationForm(
        request.POST or None,
        request.FILES or None,
        organizations=organizations,
        accounts=accounts,
        users=users,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organization = data.pop("organization")
        with once.submission(request) as slot:
            violation = run_service(
                request,
                form,
                lambda: services.violation_record(
                    actor=request.user, organization=organization, **data
                ),
                _("The violation is recorded."),
            )
            if violation:
                return slot.redirect("registry:violation_detail", pk=violation.pk)
    return render(
        request, "registry/form.html", {"form": form, "title": _("Record a violation (R11)")}
    )


@login_required
def violation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    violation = permissions.get_object_or_404_for(
        request.user,
        selectors.violations_visible_to(request.user),
        "registry.violation.view",
        pk=pk,
    )
    form = MeasureForm(
        request.POST or None,
        initial={
            "measure": violation.measure,
            "measure_body": violation.measure_body,
            "decision_number": violation.decision_number,
            "decision_date": violation.decision_date,
        },
    )
    if request.method == "POST":
        permissions.require(request.user, "registry.violation.record", violation)
        if form.is_valid() and run_service(
            request,
            form,
            lambda: services.violation_set_measure(
                actor=request.user, violation=violation, **form.cleaned_data
            ),
            _("The measure is recorded."),
        ):
            return redirect("registry:violation_detail", pk=pk)
    return render(
        request,
        "registry/violation_detail.html",
        {
            "violation": violation,
            "form": form,
            "can_record": permissions.can(request.user, "registry.violation.record", violation),
        },
    )


@login_required
@require_POST
def account_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Archive or restore an account's register entry (issue 12 point 5, accounts.archive): the
    account's workflow asks the permission and the reason and writes the audit entry."""
    if action not in account_workflow.transitions:
        raise Http404
    account = _account(request, pk)
    try:
        account_workflow.perform(
            request.user, account, action, reason=request.POST.get("reason", "")
        )
    except (InvalidTransition, ValidationError) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The account is archived.")
            if action == "archive"
            else _("The account is restored from the archive."),
        )
    return redirect("registry:detail", pk=pk)

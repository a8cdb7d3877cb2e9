from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import files, once, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization
from accounts.request_guard import parse_id
from accounts.web import run_service

from . import exports, metrics, pdf_jobs, presenters, selectors, services, summary
from .forms import (
    MetricsEntryForm,
    MetricsImportForm,
    ReportCreateForm,
    ReportEditForm,
    RollupForm,
)
from .models import PdfJob, Report, ReportStatus, half_year, previous_half_year
from .workflows import report_workflow

PAGE_SIZE = 50


def _report(request: HttpRequest, pk: int, action: str = "reports.report.view") -> Report:
    return permissions.get_object_or_404_for(
        request.user, Report.objects.select_related("organization"), action, pk=pk
    )


def _step(request, call, success: str) -> None:
    """A POST button without a form: show the refusal as a message."""
    try:
        call()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except InvalidTransition as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, success)


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "reports.report.view")
    qs = selectors.reports_visible_to(request.user)
    archived = request.GET.get("archived") == "1"  # issue 12 point 5: the "Archived" filter
    qs = qs.archived() if archived else qs.active()
    organization = parse_id(request.GET.get("organization"))  # "²" passes isdigit()
    if organization is not None:
        qs = qs.filter(organization_id=organization)
    status = request.GET.get("status")
    if status in ReportStatus.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-starts_on", "organization__path"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reports/report_list.html",
        {
            "page": page,
            "showing_archived": archived,
            "can_create": permissions.can(request.user, "reports.report.prepare"),
            "can_rollup": permissions.can(request.user, "reports.rollup.view"),
        },
    )


@login_required
@once.protect
def report_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "reports.report.prepare")
    organizations = permissions.visible_organizations(
        request.user, action="reports.report.prepare"
    ).filter(is_active=True)
    form = ReportCreateForm(
        request.POST or None, organizations=organizations, today=timezone.localdate()
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with once.submission(request) as slot:
            report = run_service(
                request,
                form,
                lambda: services.report_create(
                    actor=request.user,
                    organization=data["organization"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    responsible=data["responsible"],
                ),
                _("The draft report is filled from the data."),
            )
            if report:
                return slot.redirect("reports:detail", pk=report.pk)
    return render(request, "reports/form.html", {"form": form, "title": _("New report")})


# What each button says when its step went through.
DONE = {
    "refresh": _("The numbers are computed again from the data; the text is unchanged."),
    "submit": _("The report is submitted to the parent organization."),
    "accept": _("The report is accepted."),
    "return": _("The report is returned for revision."),
    "archive": _("The report is archived."),
    "restore": _("The report is restored from the archive."),
}


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    actions = report_workflow.available_actions(request.user, report)
    context = {
        "report": report,
        **presenters.sections(report),
        # Every button of the page comes from the workflow's table and guards: the narrative
        # opens its own page, the other steps post to report_act.
        "edit": next((a for a in actions if a.form == "page"), None),
        "actions": [a for a in actions if a.form != "page"],
        "history": presenters.history(report),
        "can_rollup": permissions.can(request.user, "reports.rollup.view", report.organization),
    }
    return render(request, "reports/report_detail.html", context)


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "reports.report.prepare")
    refused = report_workflow.refusal(request.user, report, "update")
    if refused is not None:
        messages.error(request, str(refused.message))
        return redirect("reports:detail", pk=report.pk)
    form = ReportEditForm(request.POST or None, report=report)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            form,
            lambda: services.report_update(actor=request.user, report=report, **form.cleaned_data),
            _("The report is saved."),
        )
    ):
        return redirect("reports:detail", pk=report.pk)
    return render(
        request,
        "reports/report_edit.html",
        {"form": form, "report": report, "title": _("Write the report")},
    )


@login_required
@require_POST
def report_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One button of the report page: a step of report_workflow."""
    report = _report(request, pk)
    if action not in DONE:
        raise Http404
    if not report_workflow.permitted(request.user, report, action):
        raise PermissionDenied
    _step(
        request,
        lambda: services.report_act(
            actor=request.user,
            report=report,
            action=action,
            comment=request.POST.get(
                "reason" if action in ("archive", "restore") else "comment", ""
            ),
        ),
        DONE[action],
    )
    return redirect("reports:detail", pk=report.pk)


@login_required
@once.protect
def report_pdf(request: HttpRequest, pk: int, lang: str) -> HttpResponse:
    """A primary organization's report is small: its PDF is built in the request. Above the
    primary level (or with many accounts) a worker builds it (issue 14): this page shows the
    job, and its button asks for one."""
    report = _report(request, pk)
    if lang not in ("kk", "ru"):
        raise Http404
    if pdf_jobs.report_is_small(report):
        pdf = exports.report_pdf(report, lang)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="report-{report.organization_id}-{report.starts_on:%Y-%m}-'
            f'{report.ends_on:%Y-%m}-{lang}.pdf"'
        )
        return response
    return _pdf_document(
        request,
        kind=PdfJob.Kind.REPORT,
        key=pdf_jobs.report_key(report, lang),
        ask=lambda: pdf_jobs.request(
            actor=request.user,
            kind=PdfJob.Kind.REPORT,
            organization=report.organization,
            language=lang,
            start=report.starts_on,
            end=report.ends_on,
            report=report,
        ),
    )


def _pdf_document(request: HttpRequest, *, kind: str, key: str, ask) -> HttpResponse:
    """GET: the document's latest job (or the button that asks for one). POST: the job in
    progress, or a new one queued through the outbox; then its page."""
    if request.method == "POST":
        with once.submission(request) as slot:
            job, created = ask()
            if not created:
                messages.info(request, _("This PDF is already being built."))
            return slot.redirect("reports:pdf_job", pk=job.pk)
    return _pdf_job_page(request, pdf_jobs.latest(key), request.get_full_path(), kind)


def _job(request: HttpRequest, pk: int) -> PdfJob:
    """A job of the user's subtree (else 404) whose document the user may read (else 403)."""
    job = get_object_or_404(
        permissions.visible(request.user, PdfJob.objects.select_related("organization")), pk=pk
    )
    permissions.require(
        request.user,
        "reports.rollup.view" if job.kind == PdfJob.Kind.ROLLUP else "reports.report.view",
        job,
    )
    return job


def _job_request_url(job: PdfJob) -> str:
    if job.kind == PdfJob.Kind.REPORT:
        return reverse("reports:pdf", args=[job.report_id, job.language])
    return (
        f"{reverse('reports:rollup_export', args=['pdf'])}?organization={job.organization_id}"
        f"&period=other&starts_on={job.starts_on:%Y-%m-%d}&ends_on={job.ends_on:%Y-%m-%d}"
        f"&lang={job.language}"
    )


def _job_status(job: PdfJob | None) -> dict:
    if job is None:
        return {"status": "", "progress": 0}
    return {
        "status": job.status,
        "label": str(job.get_status_display()),
        "progress": job.progress,
        "pages": job.pages,
        "download": reverse("reports:pdf_job_download", args=[job.pk])
        if job.status == PdfJob.Status.DONE
        else "",
    }


def _pdf_job_page(
    request: HttpRequest, job: PdfJob | None, request_url: str, kind: str
) -> HttpResponse:
    return render(
        request,
        "reports/pdf_job.html",
        {
            "job": job,
            "kind": kind,
            "state": _job_status(job),
            "request_url": request_url,
            "period_line": presenters.period_line(job.starts_on, job.ends_on) if job else "",
        },
    )


@login_required
@require_GET
def pdf_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    return _pdf_job_page(request, job, _job_request_url(job), job.kind)


@login_required
@require_GET
def pdf_job_status(request: HttpRequest, pk: int) -> HttpResponse:
    """What the job page polls every 2 seconds (static/js/pdf_job.js): one small query."""
    response = JsonResponse(_job_status(_job(request, pk)))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def pdf_job_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    if job.status != PdfJob.Status.DONE:
        raise Http404
    return files.respond(job.file, download_name=pdf_jobs.download_name(job))


# ---------------------------------------------------------------- metrics


@login_required
@once.protect
def metrics_page(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "reports.metrics.view")
    organizations = permissions.visible_organizations(
        request.user, action="reports.metrics.change"
    ).filter(is_active=True)
    can_change = permissions.can(request.user, "reports.metrics.change")
    entering = request.method == "POST" and "entry-kind" in request.POST
    today = timezone.localdate()
    form = MetricsImportForm(
        request.POST if request.method == "POST" and not entering else None,
        request.FILES or None,
        organizations=organizations,
        today=today,
    )
    entry_form = MetricsEntryForm(
        request.POST if entering else None, organizations=organizations, today=today
    )
    errors: list[metrics.RowError] = []
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if entering and entry_form.is_valid():
            data = entry_form.cleaned_data
            values = {name: data.get(name) for name in metrics.COLUMNS.get(data["kind"], [])}
            with once.submission(request) as slot:
                try:
                    metrics.metrics_record(
                        actor=request.user,
                        organization=data["organization"],
                        kind=data["kind"],
                        start=data["starts_on"],
                        end=data["ends_on"],
                        values=values,
                    )
                except metrics.MetricsFileError as error:
                    for problem in error.errors:
                        field = problem.column if problem.column in entry_form.fields else None
                        entry_form.add_error(field, problem.message)
                else:
                    messages.success(request, _("The figures are saved."))
                    return slot.redirect("reports:metrics")
        elif not entering and form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            with once.submission(request) as slot:
                try:
                    count = metrics.metrics_import(
                        actor=request.user,
                        organization=data["organization"],
                        kind=data["kind"],
                        start=data["starts_on"],
                        end=data["ends_on"],
                        name=upload.name,
                        content=upload.read(metrics.MAX_BYTES + 1),  # no more than it may hold
                    )
                except metrics.MetricsFileError as error:
                    errors = error.errors
                    form.add_error(
                        None, _("Nothing was imported: correct the file and upload it again.")
                    )
                else:
                    messages.success(request, _("Imported rows: %(count)s.") % {"count": count})
                    return slot.redirect("reports:metrics")
    return render(
        request,
        "reports/metrics.html",
        {
            "entry_form": entry_form,
            "form": form,
            "errors": errors,
            "can_change": can_change,
            "kinds": [
                (key, label, [(c, metrics.COLUMN_LABELS[c]) for c in metrics.COLUMNS[key]])
                for key, label in metrics.KINDS.items()
            ],
        },
    )


@login_required
def metrics_template(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    permissions.require(request.user, "reports.metrics.view")
    if kind not in metrics.COLUMNS or fmt not in ("csv", "xlsx"):
        raise Http404
    content_type = (
        "text/csv; charset=utf-8"
        if fmt == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(metrics.template(kind, fmt), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="metrics-{kind}.{fmt}"'
    return response


# ---------------------------------------------------------------- oversight


def _rollup_params(request: HttpRequest):
    organizations = permissions.visible_organizations(
        request.user, action="reports.rollup.view"
    ).filter(is_active=True)
    today = timezone.localdate()
    start, _end = half_year(today)
    if (_end - today).days > 7:
        start, _end = previous_half_year(today)
    initial = {
        "organization": organizations.order_by("depth", "path").first(),
        "period": "h1" if start.month == 1 else "h2",
        "year": start.year,
    }
    data = request.GET if "organization" in request.GET else None
    form = RollupForm(data, initial=initial, organizations=organizations)
    if data is not None and form.is_valid():
        c = form.cleaned_data
        return form, c["organization"], c["starts_on"], c["ends_on"]
    base = initial["organization"]
    if base is None:
        raise PermissionDenied
    return form, base, start, _end


@login_required
def rollup(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "reports.rollup.view")
    form, base, start, end = _rollup_params(request)
    # Issue 14, point 4: a half-year is read from the summary, its children paged.
    data = selectors.rollup(base, start, end, page=request.GET.get("page") or 1)
    params = request.GET.copy()
    params.pop("page", None)
    query = params.urlencode() or (
        f"organization={base.pk}&period=other&starts_on={start:%Y-%m-%d}&ends_on={end:%Y-%m-%d}"
    )
    return render(
        request,
        "reports/rollup.html",
        {
            "form": form,
            "rollup": data,
            "query": query,
            "freshness": summary.freshness(data.computed_at),
            **exports.rollup_context(data),
        },
    )


@login_required
@once.protect
def rollup_export(request: HttpRequest, fmt: str) -> HttpResponse:
    permissions.require(request.user, "reports.rollup.view")
    _form, base, start, end = _rollup_params(request)
    language = request.GET.get("lang") or request.LANGUAGE_CODE
    if fmt not in ("pdf", "xlsx") or language not in ("kk", "ru"):
        raise Http404
    if fmt == "pdf" and not pdf_jobs.rollup_is_small(base):
        # Issue 14: a roll-up of many rows is built by a worker, never in the request.
        return _pdf_document(
            request,
            kind=PdfJob.Kind.ROLLUP,
            key=pdf_jobs.rollup_key(base, start, end, language),
            ask=lambda: pdf_jobs.request(
                actor=request.user,
                kind=PdfJob.Kind.ROLLUP,
                organization=base,
                language=language,
                start=start,
                end=end,
            ),
        )
    with translation.override(language):
        data = selectors.rollup(Organization.objects.get(pk=base.pk), start, end)
        return exports.rollup(fmt, data, language)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "reports.dashboard.view")
    sort = request.GET.get("sort", "name")
    data = selectors.dashboard(request.user, timezone.localdate(), sort=sort)
    rules, explained = selectors.COLUMN_RULES, selectors.COLUMN_EXPLANATIONS
    page = Paginator(data.rows, settings.REPORTS_DASHBOARD_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reports/dashboard.html",
        {
            "page": page,
            "dashboard": data,
            # Issue 13, point 8: each score and column explained (legend, title, aria).
            "scores": [
                (
                    key,
                    selectors.FAMILY_LABELS[key],
                    score,
                    selectors.FAMILY_RULES[key],
                    selectors.FAMILY_EXPLANATIONS[key],
                )
                for key, score in data.scores.items()
            ],
            "sort": sort,
            "columns": [
                (key, label, rules.get(key), explained.get(key))
                for key, label in (
                    ("name", _("Organization")),
                    ("flagged", _("Accounts with registry flags")),
                    ("overdue", _("Overdue appeals")),
                    ("urgent", _("Unacknowledged urgent posts")),
                    ("unchecked", _("Published without a permitted checklist")),
                    ("plan", _("Content plan for the current period")),
                    ("report", _("Report")),
                )
            ],
            "freshness": summary.freshness(data.computed_at),
        },
    )

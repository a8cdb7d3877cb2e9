"""PDFs built in the background (issue 14): a half-year report above the primary level and a
roll-up over a few pages are built by a Celery worker, never in the web request.

- `request()` returns the document's job in progress (queued or running) or creates one, and
  hands it to the outbox (accounts/outbox.py) in the same transaction: the action never waits
  for or fails on the broker. The outbox's handler sends the Celery task `build_pdf`; if the
  broker refuses, the outbox row is retried (drain_outbox runs every minute).
- `run()` claims a queued job (`SELECT … FOR UPDATE`: a second message for the same job does
  nothing), records its progress (0–100) as it goes, stores the file through the project's
  storage (accounts.files.GeneratedName, no user text in the path) and marks it done, or failed
  with the error. A job left running longer than REPORTS_PDF_JOB_STALE_SECONDS (its worker
  died) is failed when the document is asked for again, and a new job is made.
- Every PDF is bounded: its tables print at most REPORTS_PDF_MAX_ROWS rows (a note says how
  many more and points to the roll-up's XLSX), so its pages and its memory do not grow with the
  number of organizations.
- The file goes back out only through the download view, after accounts.permissions has
  fetched the job (another organization's job: 404).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts import outbox
from accounts.models import Organization, User

from .models import PdfJob, Report

logger = logging.getLogger(__name__)

KIND = "reports.pdf_job"
IN_PROGRESS = (PdfJob.Status.QUEUED, PdfJob.Status.RUNNING)
# The view that builds a PDF in the request does so only under this many table rows.
INLINE_ROWS = 20


def max_rows() -> int:
    return int(getattr(settings, "REPORTS_PDF_MAX_ROWS", 100))


def stale_after() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "REPORTS_PDF_JOB_STALE_SECONDS", 1800)))


def report_key(report: Report, language: str) -> str:
    return f"report:{report.pk}:{language}"


def rollup_key(organization: Organization, start: date, end: date, language: str) -> str:
    return f"rollup:{organization.pk}:{start:%Y%m%d}:{end:%Y%m%d}:{language}"


def report_is_small(report: Report) -> bool:
    """A primary organization's report (no rows of children, few accounts) is built inline."""
    data = report.data or {}
    return "children" not in data and len(data.get("accounts", [])) <= INLINE_ROWS


def rollup_is_small(organization: Organization) -> bool:
    """The roll-up prints one row per direct child: few children, built inline. One query."""
    children = Organization.objects.filter(
        path__startswith=organization.path, depth=organization.depth + 1
    )
    return children.count() < INLINE_ROWS


def latest(key: str) -> PdfJob | None:
    return PdfJob.objects.filter(key=key).order_by("-created_at", "-pk").first()


def request(
    *,
    actor: User,
    kind: str,
    organization: Organization,
    language: str,
    start: date,
    end: date,
    report: Report | None = None,
) -> tuple[PdfJob, bool]:
    """The document's job in progress, or a new one queued through the outbox. Returns the job
    and whether it was created."""
    key = (
        report_key(report, language)
        if kind == PdfJob.Kind.REPORT
        else rollup_key(organization, start, end, language)
    )
    with transaction.atomic():
        PdfJob.objects.filter(
            key=key,
            status=PdfJob.Status.RUNNING,
            started_at__lt=timezone.now() - stale_after(),
        ).update(
            status=PdfJob.Status.FAILED,
            error="the worker stopped before the PDF was built",
            finished_at=timezone.now(),
        )
        existing = PdfJob.objects.filter(key=key, status__in=IN_PROGRESS).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                job = PdfJob.objects.create(
                    organization=organization,
                    requested_by=actor,
                    kind=kind,
                    report=report,
                    starts_on=start,
                    ends_on=end,
                    language=language,
                    key=key,
                )
        except IntegrityError:  # asked twice at once: the other request's job
            return PdfJob.objects.get(key=key, status__in=IN_PROGRESS), False
        outbox.enqueue(KIND, {"job": job.pk}, dedupe_key=f"pdf_job:{job.pk}")
    return job, True


@outbox.handler(KIND, _("Build a PDF"))
def _from_outbox(payload: dict[str, Any]) -> None:
    # Raises when the broker refuses: the outbox row is then tried again later.
    build_pdf.apply_async((payload["job"],), retry=False)


# A bounded PDF takes seconds; the limits only stop a runaway one (it is then marked failed).
@shared_task(ignore_result=True, name="reports.build_pdf", soft_time_limit=600, time_limit=660)
def build_pdf(job_id: int) -> str:
    return run(job_id).status


def _claim(job_id: int) -> PdfJob | None:
    with transaction.atomic():
        job = PdfJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status != PdfJob.Status.QUEUED:
            return None
        job.status = PdfJob.Status.RUNNING
        job.started_at = timezone.now()
        job.progress = 5
        job.save(update_fields=["status", "started_at", "progress"])
    return job


def _progress(job: PdfJob, percent: int) -> None:
    job.progress = percent
    PdfJob.objects.filter(pk=job.pk, status=PdfJob.Status.RUNNING).update(progress=percent)


def build(job: PdfJob):
    """The job's PDF document (WeasyPrint), its tables bounded by max_rows()."""
    from . import exports, selectors

    limit = max_rows()
    if job.kind == PdfJob.Kind.REPORT:
        report = Report.objects.select_related("organization").get(pk=job.report_id)
        _progress(job, 30)
        return exports.report_document(report, job.language, max_rows=limit)
    organization = Organization.objects.get(pk=job.organization_id)
    with translation.override(job.language):
        data = selectors.rollup(organization, job.starts_on, job.ends_on)
    _progress(job, 50)
    return exports.rollup_document(data, job.language, max_rows=limit)


def run(job_id: int) -> PdfJob:
    """Build the job's PDF if it is queued (anything else: nothing to do)."""
    job = _claim(job_id)
    if job is None:
        return PdfJob.objects.get(pk=job_id)
    try:
        document = build(job)
        _progress(job, 80)
        job.pages = len(document.pages)
        pdf = document.write_pdf()
        job.file.save("report.pdf", ContentFile(pdf), save=False)
    except Exception as error:
        logger.exception("reports: the PDF of job %s failed", job.pk)
        job.status = PdfJob.Status.FAILED
        job.error = f"{type(error).__name__}: {error}"[:2000]
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        return job
    job.status = PdfJob.Status.DONE
    job.progress = 100
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "progress", "pages", "file", "finished_at"])
    _forget_older(job)
    return job


def _forget_older(job: PdfJob) -> None:
    """One stored file per document: the finished jobs before this one go, with their files."""
    older = PdfJob.objects.filter(
        key=job.key, status__in=(PdfJob.Status.DONE, PdfJob.Status.FAILED), pk__lt=job.pk
    )
    for old in older:
        if old.file:
            old.file.delete(save=False)
        old.delete()


def download_name(job: PdfJob) -> str:
    return (
        f"{job.kind}-{job.organization_id}-{job.starts_on:%Y-%m}-{job.ends_on:%Y-%m}-"
        f"{job.language}.pdf"
    )

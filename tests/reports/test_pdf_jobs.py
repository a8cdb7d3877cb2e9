"""Issue 14: report and roll-up PDFs over a few pages are built by a worker (reports.pdf_jobs),
never in the web request: the button queues a job through the outbox, the page shows its
progress and then a permission-checked download; every PDF is bounded in rows and pages."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from accounts import outbox
from accounts.models import OrganizationKind, OutboxMessage, OutboxStatus
from reports import exports, pdf_jobs, services
from reports.models import PdfJob
from reports.selectors import rollup
from tests.factories import OrganizationFactory
from tests.registry.factories import OfficialAccountFactory
from tests.reports.factories import H1, published

pytestmark = pytest.mark.django_db

ROLLUP_QUERY = "period=h1&year=2026&lang=kk"


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def region_report(cast, accounts):
    """The report of "parent" (a regional organization: own and sibling below it)."""
    published(cast.own, cast.alice, (2026, 2, 1), kind="legal", account=accounts["telegram"])
    return services.report_create(
        actor=cast.root, organization=cast.parent, starts_on=H1[0], ends_on=H1[1]
    )


def url(report, lang="kk"):
    return f"/reports/{report.pk}/pdf/{lang}/"


def test_the_button_queues_one_job_through_the_outbox_and_asking_again_returns_it(
    client, cast, region_report
):
    client.force_login(cast.paula)
    page = client.get(url(region_report))
    assert page.status_code == 200 and b'data-testid="pdf-job-request"' in page.content
    assert PdfJob.objects.count() == 0  # a GET never builds nor queues
    response = client.post(url(region_report))
    job = PdfJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/pdf-jobs/{job.pk}/"
    assert (job.status, job.kind, job.language, job.report) == (
        "queued",
        "report",
        "kk",
        region_report,
    )
    assert job.organization == cast.parent and job.requested_by == cast.paula
    row = OutboxMessage.objects.get(kind=pdf_jobs.KIND)
    assert row.payload == {"job": job.pk} and row.status == OutboxStatus.PENDING
    # Asked again (another person, the same document) while it is queued: the same job.
    client.force_login(cast.root)
    again = client.post(url(region_report))
    assert again["Location"] == f"/reports/pdf-jobs/{job.pk}/" and PdfJob.objects.count() == 1
    page = client.get(url(region_report)).content.decode()
    assert 'data-testid="pdf-job-status"' in page and 'http-equiv="refresh"' in page


def test_the_job_runs_shows_its_progress_and_downloads_as_a_pdf(client, cast, region_report):
    client.force_login(cast.paula)
    client.post(url(region_report))
    job = PdfJob.objects.get()
    status = client.get(f"/reports/pdf-jobs/{job.pk}/status.json").json()
    assert (status["status"], status["progress"], status["download"]) == ("queued", 0, "")
    assert client.get(f"/reports/pdf-jobs/{job.pk}/download/").status_code == 404  # not yet

    pdf_jobs.run(job.pk)  # the task's body, as the worker runs it
    job.refresh_from_db()
    assert (job.status, job.progress, job.error) == ("done", 100, "")
    assert job.pages and job.finished_at and job.file.name.startswith("reports/pdf/")
    status = client.get(f"/reports/pdf-jobs/{job.pk}/status.json").json()
    assert status["status"] == "done" and status["progress"] == 100
    assert status["download"] == f"/reports/pdf-jobs/{job.pk}/download/"
    page = client.get(f"/reports/pdf-jobs/{job.pk}/").content.decode()
    assert 'data-testid="pdf-job-download"' in page and 'http-equiv="refresh"' not in page
    download = client.get(status["download"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    pdf = b"".join(download.streaming_content)
    assert pdf.startswith(b"%PDF") and pages(pdf) == job.pages
    # Running the same job again (a second message) changes nothing.
    assert pdf_jobs.run(job.pk).status == "done"
    # Done: asking again makes a new job; once it is built, the older one and its file go.
    client.post(url(region_report))
    assert PdfJob.objects.count() == 2
    newer = pdf_jobs.run(PdfJob.objects.latest("pk").pk)
    assert newer.status == "done" and list(PdfJob.objects.all()) == [newer]
    assert not job.file.storage.exists(job.file.name)


def test_through_the_outbox_with_an_eager_worker_the_job_is_done_after_the_commit(
    client, cast, region_report, django_capture_on_commit_callbacks
):
    client.force_login(cast.paula)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(region_report, "ru"))
    job = PdfJob.objects.get()
    assert job.status == "done" and job.language == "ru"
    assert OutboxMessage.objects.get(kind=pdf_jobs.KIND).status == OutboxStatus.SENT


def test_a_broker_that_is_down_never_fails_the_action_and_the_outbox_retries(
    client, cast, region_report, monkeypatch
):
    def refuse(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(pdf_jobs.build_pdf, "apply_async", refuse)
    client.force_login(cast.paula)
    assert client.post(url(region_report)).status_code == 302
    assert outbox.drain() == {"sent": 0, "failed": 1, "dead": 0}
    row = OutboxMessage.objects.get(kind=pdf_jobs.KIND)
    assert row.status == OutboxStatus.PENDING and "broker down" in row.last_error
    assert PdfJob.objects.get().status == "queued"


def test_a_failure_is_recorded_and_the_page_offers_to_try_again(
    client, cast, region_report, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("no fonts")

    client.force_login(cast.paula)
    client.post(url(region_report))
    monkeypatch.setattr(exports, "report_document", broken)
    job = pdf_jobs.run(PdfJob.objects.get().pk)
    assert job.status == "failed" and "no fonts" in job.error and not job.file
    page = client.get(f"/reports/pdf-jobs/{job.pk}/").content.decode()
    assert 'data-testid="pdf-job-failed"' in page and 'data-testid="pdf-job-request"' in page
    assert "no fonts" not in page  # the technical error is for the logs, not the page


def test_a_job_whose_worker_died_is_replaced(cast, region_report):
    job, created = pdf_jobs.request(
        actor=cast.paula,
        kind="report",
        organization=cast.parent,
        language="kk",
        start=H1[0],
        end=H1[1],
        report=region_report,
    )
    PdfJob.objects.filter(pk=job.pk).update(
        status="running", started_at=timezone.now() - timedelta(hours=2)
    )
    again, created = pdf_jobs.request(
        actor=cast.paula,
        kind="report",
        organization=cast.parent,
        language="kk",
        start=H1[0],
        end=H1[1],
        report=region_report,
    )
    assert created and again.pk != job.pk
    job.refresh_from_db()
    assert job.status == "failed"


def test_another_organizations_job_is_404_and_a_weaker_role_403(client, cast, region_report):
    client.force_login(cast.paula)
    client.post(url(region_report))
    job = PdfJob.objects.get()
    pdf_jobs.run(job.pk)
    for user in (cast.alice, cast.sam, cast.sibling_chairman):  # below "parent": not theirs
        client.force_login(user)
        for suffix in ("", "status.json", "download/"):
            assert client.get(f"/reports/pdf-jobs/{job.pk}/{suffix}").status_code == 404
    # A roll-up job needs the roll-up's right: the own organization's lawyer may not.
    rollup_job = PdfJob.objects.create(
        organization=cast.own,
        kind="rollup",
        starts_on=H1[0],
        ends_on=H1[1],
        language="kk",
        key="rollup:test",
    )
    client.force_login(cast.lara)
    assert client.get(f"/reports/pdf-jobs/{rollup_job.pk}/").status_code == 403
    client.force_login(cast.charlie)
    assert client.get(f"/reports/pdf-jobs/{rollup_job.pk}/").status_code == 200
    client.logout()
    assert client.get(f"/reports/pdf-jobs/{job.pk}/download/").status_code == 302  # to login


def test_a_primary_report_is_still_built_inline(client, cast, accounts):
    report = services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )
    client.force_login(cast.alice)
    response = client.get(url(report))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert PdfJob.objects.count() == 0


def test_a_large_rollup_is_built_by_a_worker(client, cast, monkeypatch):
    monkeypatch.setattr(pdf_jobs, "INLINE_ROWS", 1)
    client.force_login(cast.paula)
    export = f"/reports/rollup/export.pdf?organization={cast.parent.pk}&{ROLLUP_QUERY}"
    page = client.get(export)
    assert page.status_code == 200 and b'data-testid="pdf-job-request"' in page.content
    assert "Жиынтық есеп" in page.content.decode()  # the roll-up's name, in the page's title
    response = client.post(export)
    job = PdfJob.objects.get()
    assert response["Location"] == f"/reports/pdf-jobs/{job.pk}/"
    assert (job.kind, job.organization, job.report) == ("rollup", cast.parent, None)
    assert client.post(export)["Location"] == response["Location"]  # the same job
    assert pdf_jobs.run(job.pk).status == "done"
    download = client.get(f"/reports/pdf-jobs/{job.pk}/download/")
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def region_with(n):
    region = OrganizationFactory(kind=OrganizationKind.REGIONAL)
    for _ in range(n):
        child = OrganizationFactory(parent=region)
        OfficialAccountFactory(organization=child)
    return region


def test_the_pages_of_a_report_pdf_do_not_grow_with_the_number_of_organizations(cast, settings):
    settings.REPORTS_PDF_MAX_ROWS = 5
    counted = []
    for n in (8, 40):
        report = services.report_create(
            actor=cast.root, organization=region_with(n), starts_on=H1[0], ends_on=H1[1]
        )
        pdf = exports.report_pdf(report, "kk")
        counted.append(pages(pdf))
    assert counted[0] == counted[1]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "XLSX" in text  # the note says where the other rows are


def test_the_pages_of_a_rollup_pdf_do_not_grow_with_the_number_of_organizations(settings):
    settings.REPORTS_PDF_MAX_ROWS = 5
    counted = []
    for n in (8, 40):
        data = rollup(region_with(n), *H1)
        assert len(data.rows) == n + 1
        pdf = exports.rollup_pdf(data, "kk")
        counted.append(pages(pdf))
    assert counted[0] == counted[1]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "XLSX" in text


def test_the_worker_knows_the_task_and_the_outbox_its_handler():
    import reports.tasks  # what the worker's autodiscovery imports
    from config.celery import app as celery_app

    assert reports.tasks.build_pdf.name == "reports.build_pdf" in celery_app.tasks
    assert pdf_jobs.KIND in outbox._HANDLERS

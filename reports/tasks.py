from celery import shared_task
from django.utils import timezone

from .pdf_jobs import build_pdf  # noqa: F401  (issue 14: the worker registers the PDF task)
from .reminders import send_report_reminders


@shared_task
def send_report_reminders_task() -> int:
    return send_report_reminders(timezone.localdate())


@shared_task
def refresh_summary_task() -> dict[str, int]:
    """Issue 14, point 4: the dashboard's and the roll-up's precomputed rows (reports/summary.py).
    Beat runs it every five minutes; its heartbeat (accounts/health.py) is written when it ends,
    like every periodic task's, so /health/details/ shows a refresh that stopped."""
    from .summary import refresh

    return refresh(timezone.localdate())

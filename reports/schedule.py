from celery.schedules import crontab

SCHEDULE = {
    # Every morning in Asia/Almaty (CELERY_TIMEZONE); safe to run more often or twice.
    "reports-half-year-reminders": {
        "task": "reports.tasks.send_report_reminders_task",
        "schedule": crontab(hour=9, minute=5),
    },
    # Issue 14, point 4: the dashboard's and the roll-up's summary rows (reports/summary.py);
    # the pages state the figures' age. A run not started within the interval is dropped: the
    # next one recomputes everything anyway.
    "reports-summary-refresh": {
        "task": "reports.tasks.refresh_summary_task",
        "schedule": 300.0,
        "options": {"expire_seconds": 240},
    },
}

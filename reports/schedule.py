from celery.schedules import crontab

SCHEDULE = {
    # Every morning in Asia/Almaty (CELERY_TIMEZONE); safe to run more often or twice.
    "reports-half-year-reminders": {
        "task": "reports.tasks.send_report_reminders_task",
        "schedule": crontab(hour=9, minute=5),
    },
}

"""Beat entries of the appeals app (collected by config/celery.py).

Reminders run hourly every day, because a Saturday or Sunday can be a working day; the task
checks the calendar and the working hours itself (appeals.reminders.in_window), so a run outside
them does nothing. Depersonalization (R9.1) runs once a night; it is idempotent, so a missed or
repeated run changes nothing."""

from celery.schedules import crontab

SCHEDULE = {
    "appeals-deadline-reminders": {
        "task": "appeals.tasks.send_deadline_reminders",
        "schedule": crontab(minute=5, hour="6-22"),
    },
    "appeals-depersonalize": {
        "task": "appeals.tasks.depersonalize_appeals",
        "schedule": crontab(minute=35, hour=3),
    },
}

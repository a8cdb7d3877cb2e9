"""Beat entries of the appeals app (collected by config/celery.py). The task runs hourly every
day, because a Saturday or Sunday can be a working day; it checks the calendar and the working
hours itself (appeals.reminders.in_window), so a run outside them does nothing."""

from celery.schedules import crontab

SCHEDULE = {
    "appeals-deadline-reminders": {
        "task": "appeals.tasks.send_deadline_reminders",
        "schedule": crontab(minute=5, hour="6-22"),
    },
}

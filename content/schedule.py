from celery.schedules import crontab

SCHEDULE = {
    # Every morning in Asia/Almaty; safe to run twice.
    "content-urgent-acknowledgement-reminders": {
        "task": "content.tasks.send_urgent_acknowledgement_reminders",
        "schedule": crontab(hour=9, minute=30),
    },
}

from celery.schedules import crontab

SCHEDULE = {
    # Every morning in Asia/Almaty (CELERY_TIMEZONE); safe to run more often or twice.
    "registry-password-rotation-reminders": {
        "task": "registry.tasks.send_password_rotation_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
}

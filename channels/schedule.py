from celery.schedules import crontab

SCHEDULE = {
    # Planned Telegram posts go out within a minute of their time; safe to run twice.
    "channels-send-due": {"task": "channels.tasks.send_due", "schedule": 60.0},
    # Subscriber counts once a day in Asia/Almaty (one snapshot per account and day).
    "channels-record-subscribers": {
        "task": "channels.tasks.record_subscribers",
        "schedule": crontab(hour=23, minute=30),
    },
}

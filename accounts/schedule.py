"""Beat entries of the accounts app (collected by config/celery.py)."""

from celery.schedules import crontab

SCHEDULE = {
    # The outbox (accounts/outbox.py): whatever an action queued and no nudge has sent yet —
    # because the broker was down, a worker died, or a retry is due.
    "accounts-drain-outbox": {
        "task": "accounts.tasks.drain_outbox",
        "schedule": 60.0,
    },
    # One-time form tokens (accounts/once.py) older than SUBMISSION_TOKEN_DAYS; safe to repeat.
    "accounts-purge-submission-tokens": {
        "task": "accounts.once.purge_submission_tokens",
        "schedule": 6 * 3600.0,
    },
    # Issue 13, point 9 (accounts/digest.py): the daily digest of the subtree's events for the
    # chairmen of the Central Committee and the regions, every morning in Asia/Almaty, after the
    # first appeal-reminder run (APPEALS_REMINDER_HOUR) so that the day's overdue appeals are in
    # it; once a day per person however often it runs.
    "accounts-notification-digest": {
        "task": "accounts.tasks.send_notification_digests",
        "schedule": crontab(hour=10, minute=30),  # after the 10:05 appeal reminders
    },
}

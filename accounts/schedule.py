"""Beat entries of the accounts app (collected by config/celery.py)."""

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
}

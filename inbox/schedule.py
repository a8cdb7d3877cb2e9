"""Beat entries of the inbox (collected by config/celery.py).

Every minute: each connected account either has its webhook set (SITE_URL public https) or is
polled once (getUpdates without waiting, so a run takes seconds). The task is safe to run twice
at once: each account's feed row is locked with SKIP LOCKED while it is polled, and ingestion is
idempotent on the update's id."""

SCHEDULE = {
    "inbox-telegram-updates": {
        "task": "inbox.tasks.fetch_updates",
        "schedule": 60.0,
    },
}

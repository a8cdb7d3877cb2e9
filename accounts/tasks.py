"""Celery tasks of the accounts app. E-mails go through the outbox (accounts/outbox.py): the
tasks below only drain it."""

from celery import shared_task

from . import digest, outbox  # digest: the handler of its e-mails (the worker imports us)

DRAIN_BATCH = 200


@shared_task(ignore_result=True)
def drain_outbox(limit: int = DRAIN_BATCH) -> dict[str, int]:
    """Send what is due in the outbox. Beat runs it every minute; an action nudges it after its
    commit. Any number may run at once (rows are claimed with SKIP LOCKED and a lease)."""
    counts = outbox.drain(limit)
    if sum(counts.values()) >= limit:  # more may wait: go on in a fresh task
        outbox.nudge()
    else:
        outbox.prune()
    return counts


# Messages of the tasks below may still wait in a broker from before the outbox existed; they
# now only queue their work in the outbox.


@shared_task(ignore_result=True)
def send_notification_emails(notification_ids: list[int]) -> int:
    outbox.enqueue_many(
        outbox.NOTIFICATION_EMAIL,
        [({"notification": pk}, f"notification:{pk}") for pk in notification_ids],
    )
    return len(notification_ids)


@shared_task(ignore_result=True)
def send_password_reset(user_id: int) -> int:
    outbox.enqueue(outbox.PASSWORD_RESET, {"user": user_id})
    return 1


@shared_task(ignore_result=True)
def send_notification_digests() -> int:
    """Issue 13, point 9: each chairman of the Central Committee or a region gets one e-mail a
    day with the events of the subtree (accounts/digest.py). Safe to run twice: once a day."""
    return digest.send_daily_digests()

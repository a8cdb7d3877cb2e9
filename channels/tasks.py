from celery import shared_task

from . import delivery, figures


@shared_task(acks_late=True)
def deliver(delivery_id: int) -> str:
    """Send one approved publication to one connected target, at most once (channels.delivery).
    Re-delivered after a worker died, it finds the row `sending` and marks it `unknown`."""
    return delivery.deliver(delivery_id)


@shared_task
def send_due() -> int:
    """Every minute: planned publications whose time came, 429 waits that ended, and rows a
    vanished worker left in `sending` (→ needs checking)."""
    due = delivery.sweep()
    for pk in due:
        deliver.delay(pk)
    return len(due)


@shared_task
def withdraw(delivery_id: int) -> None:
    delivery.withdraw(delivery_id)


@shared_task
def record_subscribers() -> int:
    """Every day: each connected channel's subscriber count (getChatMemberCount)."""
    return figures.record_all()

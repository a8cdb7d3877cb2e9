"""The outbox: work that an action hands to the background (e-mails above all), stored as rows
of `OutboxMessage` in the action's own transaction.

- `enqueue()` writes the row where the action writes its own rows, so the action commits or
  rolls back with it, and never waits for or fails on the broker. After the commit it *nudges* a
  worker (`drain_outbox.delay()`); a broker that is down costs the request at most one short,
  bounded attempt (then no attempt at all for `NUDGE_PAUSE` seconds), is logged, and is otherwise
  ignored: the beat task `accounts.tasks.drain_outbox` runs every minute and sends whatever is
  unsent.
- `drain()` claims one due row at a time (`SELECT … FOR UPDATE SKIP LOCKED`) and leases it for
  OUTBOX_LEASE_SECONDS, so two workers never send the same row at once and the row of a worker
  killed mid-send is tried again once the lease has run out. A row is marked sent only after its
  handler returned — for an e-mail, after the SMTP server accepted it (EMAIL_TIMEOUT bounds every
  socket operation, so a stalled server cannot hold a worker). A failure is retried with
  exponential backoff; after OUTBOX_MAX_ATTEMPTS attempts the row is *dead* and waits for a
  superuser on the "Outgoing messages" page (accounts.outbox_views): retry or discard, audited.
- Delivery is therefore *at least once*: a worker killed after the server accepted a message but
  before the row was marked sent sends it again. In-app notifications are rows of their own,
  written exactly once with the action.

Other apps register a handler for their own kind with `@outbox.handler("app.kind")` in a module
that both the web and the worker processes import (the app's `tasks.py` is imported by both).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import audit, permissions
from .models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

NOTIFICATION_EMAIL = "notification_email"
PASSWORD_RESET = "password_reset"

# Superusers only (no role may do it).
permissions.register("accounts.outbox.manage", [])
audit.register("accounts.outbox.retry", _("Outgoing message sent again"))
audit.register("accounts.outbox.discard", _("Outgoing message discarded"))

Handler = Callable[[dict[str, Any]], None]
_HANDLERS: dict[str, Handler] = {}
KIND_LABELS: dict[str, Any] = {}


def handler(kind: str, label: Any = "") -> Callable[[Handler], Handler]:
    """Register the function that performs the work of `kind`. It must raise when the work was
    not done (the row is then retried) and return only once it was (the row is marked sent)."""

    def decorate(function: Handler) -> Handler:
        _HANDLERS[kind] = function
        KIND_LABELS[kind] = label or kind
        return function

    return decorate


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


# --- writing ---------------------------------------------------------------------------------


def enqueue(kind: str, payload: dict[str, Any], *, dedupe_key: str | None = None) -> None:
    enqueue_many(kind, [(payload, dedupe_key)])


def enqueue_many(kind: str, items: Iterable[tuple[dict[str, Any], str | None]]) -> int:
    """Write one row per (payload, dedupe_key) in the caller's transaction; a key that is
    already queued is skipped. The worker is nudged after the commit."""
    rows = [OutboxMessage(kind=kind, payload=p, dedupe_key=k) for p, k in items]
    if not rows:
        return 0
    OutboxMessage.objects.bulk_create(rows, ignore_conflicts=True)
    _nudge_on_commit()
    return len(rows)


class _Nudge:
    """One on-commit nudge per transaction, however many rows it queued. A nudge that already
    ran does not count (a test's captured callbacks stay in the list after they ran)."""

    ran = False

    def __init__(self) -> None:
        # Django names a failed robust on-commit callback by its __qualname__.
        self.__qualname__ = "accounts.outbox.nudge"

    def __call__(self) -> None:
        self.ran = True
        nudge()


def _nudge_on_commit() -> None:
    pending = getattr(connection, "run_on_commit", None) or []
    if any(isinstance(entry[1], _Nudge) and not entry[1].ran for entry in pending):
        return
    transaction.on_commit(_Nudge(), robust=True)


# When the broker refused a nudge, the next ones are not even tried for this long (this
# process): a request never pays for a broker that is down more than once in a while.
NUDGE_PAUSE = 30.0
_paused_until = 0.0


def publish(task: Any, *args: Any, **options: Any) -> bool:
    """Send a Celery task message if the broker takes it now; never raise, never wait long.
    For work that something else also picks up when the message is lost (a beat task sweeping
    its own table, like `nudge`). Work that nothing else would find belongs in `enqueue()`."""
    global _paused_until
    if time.monotonic() < _paused_until:
        return False
    try:
        # No publish retry: the connection attempt itself is bounded by the broker settings
        # (CELERY_BROKER_CONNECTION_TIMEOUT, the transport's socket timeouts).
        task.apply_async(args, retry=False, **options)
    except Exception as error:  # the broker is down or refuses: the beat task sends later
        if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            raise  # inline (tests, debugging): the error is the task's, not the broker's
        _paused_until = time.monotonic() + NUDGE_PAUSE
        logger.warning("outbox: the broker refused %s (%s); beat will catch up", task.name, error)
        return False
    return True


def nudge() -> bool:
    """Ask a worker to drain now. Never raises: the beat task drains anyway."""
    from .tasks import drain_outbox

    return publish(drain_outbox)


def reset_nudge_pause() -> None:
    global _paused_until
    _paused_until = 0.0


# --- sending ---------------------------------------------------------------------------------


def backoff(attempts: int) -> timedelta:
    base = _setting("OUTBOX_RETRY_SECONDS", 30)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 6 * 3600))


def _claim() -> OutboxMessage | None | bool:
    """The next due row, leased to this worker; None when nothing is due; False when the row
    found had used up its attempts (it is now dead)."""
    now = timezone.now()
    with transaction.atomic():
        row = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(status=OutboxStatus.PENDING, available_at__lte=now)
            .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
            .order_by("available_at", "id")
            .first()
        )
        if row is None:
            return None
        if row.attempts >= _setting("OUTBOX_MAX_ATTEMPTS", 10):
            # Its last attempts never finished (the worker died each time).
            row.status = OutboxStatus.DEAD
            row.locked_until = None
            row.last_error = row.last_error or "the worker stopped during every attempt"
            row.save(update_fields=["status", "locked_until", "last_error"])
            return False
        row.attempts += 1
        row.locked_until = now + timedelta(seconds=_setting("OUTBOX_LEASE_SECONDS", 120))
        row.save(update_fields=["attempts", "locked_until"])
    return row


def _deliver(row: OutboxMessage) -> str:
    try:
        function = _HANDLERS.get(row.kind)
        if function is None:
            raise LookupError(f"no handler for outbox kind {row.kind!r}")
        function(row.payload)
    except Exception as error:
        failed = f"{type(error).__name__}: {error}"[:2000]
        dead = row.attempts >= _setting("OUTBOX_MAX_ATTEMPTS", 10)
        OutboxMessage.objects.filter(pk=row.pk).update(
            status=OutboxStatus.DEAD if dead else OutboxStatus.PENDING,
            available_at=timezone.now() + backoff(row.attempts),
            locked_until=None,
            last_error=failed,
        )
        logger.warning("outbox: %s failed (attempt %s): %s", row, row.attempts, failed)
        return "dead" if dead else "failed"
    OutboxMessage.objects.filter(pk=row.pk).update(
        status=OutboxStatus.SENT, sent_at=timezone.now(), locked_until=None, last_error=""
    )
    return "sent"


def drain(limit: int = 200) -> dict[str, int]:
    """Send up to `limit` due rows; returns how many were sent, failed (to be retried) and
    given up."""
    counts = {"sent": 0, "failed": 0, "dead": 0}
    for _attempt in range(limit):
        row = _claim()
        if row is None:
            break
        if row is False:
            counts["dead"] += 1
            continue
        counts[_deliver(row)] += 1
    return counts


def prune(days: int | None = None) -> int:
    """Forget sent rows after OUTBOX_KEEP_SENT_DAYS days."""
    days = _setting("OUTBOX_KEEP_SENT_DAYS", 14) if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = OutboxMessage.objects.filter(
        status=OutboxStatus.SENT, created_at__lt=cutoff
    ).delete()
    return deleted


# --- oversight -------------------------------------------------------------------------------


def backlog_summary() -> dict[str, Any]:
    """What waits: `pending` (incl. rows being retried), `dead` (given up, waiting for a
    superuser), `oldest_pending_at` (None when nothing waits). One query."""
    return OutboxMessage.objects.exclude(status=OutboxStatus.SENT).aggregate(
        pending=Count("id", filter=Q(status=OutboxStatus.PENDING)),
        dead=Count("id", filter=Q(status=OutboxStatus.DEAD)),
        oldest_pending_at=Min("created_at", filter=Q(status=OutboxStatus.PENDING)),
    )


def retry(row: OutboxMessage, *, actor: Any) -> None:
    """Send again now, with a fresh count of attempts."""
    before = row.status
    OutboxMessage.objects.filter(pk=row.pk).update(
        status=OutboxStatus.PENDING, attempts=0, available_at=timezone.now(), locked_until=None
    )
    audit.record(
        "accounts.outbox.retry",
        actor=actor,
        obj=row,
        changes={"status": [before, OutboxStatus.PENDING.value]},
        comment=row.last_error[:500],
    )
    _nudge_on_commit()


def discard(row: OutboxMessage, *, actor: Any) -> None:
    audit.record(
        "accounts.outbox.discard",
        actor=actor,
        obj=row,
        changes={"status": [row.status, "discarded"], "kind": [None, row.kind]},
        comment=row.last_error[:500],
    )
    row.delete()


# --- the handlers of this app ----------------------------------------------------------------


@handler(NOTIFICATION_EMAIL, _("Notification e-mail"))
def send_notification_email(payload: dict[str, Any]) -> None:
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    from .models import Notification

    notification = (
        Notification.objects.select_related("recipient").filter(pk=payload["notification"]).first()
    )
    if notification is None:  # its recipient was deleted meanwhile: nothing to send
        return
    recipient = notification.recipient
    if not recipient.email or not recipient.is_active:
        return
    with translation.override(recipient.language):
        context = {"notification": notification, "site_url": settings.SITE_URL}
        send_mail(
            subject=notification.title,
            message=render_to_string("emails/notification.txt", context),
            html_message=render_to_string("emails/notification.html", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[recipient.email],
        )
    # The SMTP server accepted it.
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@handler(PASSWORD_RESET, _("Password reset e-mail"))
def send_password_reset_email(payload: dict[str, Any]) -> None:
    """The link is made when the e-mail is sent, so the one-time token is never stored. It
    expires after PASSWORD_RESET_TIMEOUT and once the password has changed."""
    from django.contrib.auth.tokens import default_token_generator
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from .models import User

    user = User.objects.filter(pk=payload["user"], is_active=True).exclude(email="").first()
    if user is None or not user.has_usable_password():
        return
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "url": settings.SITE_URL.rstrip("/") + path,
            "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }
        subject = render_to_string("emails/password_reset_subject.txt", context)
        send_mail(
            subject=" ".join(subject.split()),
            message=render_to_string("emails/password_reset.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )

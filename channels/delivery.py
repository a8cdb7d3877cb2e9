"""Publishing an approved publication to its connected Telegram targets: at most once.

A Delivery moves `queued → sending → sent`. The row is switched to `sending` and committed
*before* the Bot API is called; whatever happens after that call began and is not known to have
failed (the worker dies, Telegram does not answer, an unexpected error) leaves it `sending` or
makes it `unknown`, and a task that finds a row in `sending` marks it `unknown` instead of
sending again. A person then checks the channel and records the post's link, or "not posted"
(queued again). 429 answers wait `retry_after`; other refusals are `failed` with what to do.

The system's own steps (queue, start, sent, failed, unknown) are written here under a row lock
and audited; the steps a person takes (resolve, retry) go through `delivery_workflow`
(accounts.workflow), with permission and audit like every other workflow."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, outbox
from accounts.workflow import Step, Transition, Workflow
from content.models import Publication, PublicationStatus

from .bot_api import BotApiError
from .connectors import NotConnected
from .connectors.telegram import TelegramConnector
from .models import Delivery, DeliveryStatus
from .payload import build, version_hash
from .services import explain

log = logging.getLogger(__name__)
D = DeliveryStatus
# A row left in `sending` longer than this by a worker that vanished becomes `unknown`.
STALE_SENDING = timedelta(minutes=10)
UNREACHABLE_RETRY = timedelta(seconds=60)


def _record(delivery: Delivery, action: str, old: str, comment: str = "") -> None:
    audit.record(
        f"channels.delivery.{action}",
        actor=None,
        obj=delivery,
        changes={"status": [old, delivery.status]} if old != delivery.status else {},
        comment=comment,
    )


def _enqueue(delivery_ids: list[int], when=None) -> None:
    """Nudge a worker; never fails the action when the broker is down (accounts.outbox.publish):
    the minute beat (send_due) sweeps every queued row that is due, so a lost message only
    delays the post."""
    from .tasks import deliver

    for pk in delivery_ids:
        if when is None or when <= timezone.now():
            outbox.publish(deliver, pk)
        elif not getattr(deliver.app.conf, "task_always_eager", False):
            outbox.publish(deliver, pk, eta=when)
        # else: the minute beat (send_due) sends it when it is due


def connected_targets(publication: Publication):
    return [
        t
        for t in publication.targets.select_related("account", "account__telegram")
        if getattr(t.account, "telegram", None) is not None and t.account.telegram.is_connected
    ]


def connected_account_ids(publication: Publication) -> set[int]:
    """The target accounts this app publishes to by itself (content.publications.AUTO_PUBLISHED):
    publishing needs no typed link for them."""
    return {t.account_id for t in connected_targets(publication)}


# Hooks on the publication workflow (registered in channels.apps) ------------------------------


def on_approved(step: Step) -> None:
    """After the approval that makes a publication approved: a Delivery per connected target,
    with the frozen version's hash, sent now or at the planned time."""
    if step.target != PublicationStatus.APPROVED:
        return  # one of two approvals (a crisis): not yet
    _queue(step.obj)


def on_published_urgent(step: Step) -> None:
    """R6.4: an urgent message goes out at once to the connected targets that have no link
    recorded by hand."""
    _queue(step.obj, urgent=True)


def _queue(publication: Publication, urgent: bool = False) -> None:
    version = publication.current_version
    when = timezone.now() if urgent or not publication.planned_at else publication.planned_at
    digest = None
    queued = []
    for target in connected_targets(publication):
        if target.post_url:
            continue  # recorded by hand
        digest = digest or version_hash(version)
        delivery, created = Delivery.objects.get_or_create(
            target=target,
            defaults={
                "publication": publication,
                "account": target.account,
                "version": version,
                "version_hash": digest,
                "send_after": when,
            },
        )
        if not created:
            if delivery.status not in (D.FAILED, D.CANCELLED):
                continue
            old = delivery.status
            delivery.status, delivery.version, delivery.version_hash = D.QUEUED, version, digest
            delivery.send_after, delivery.retry_at, delivery.error = when, None, ""
            delivery.error_code = None
            delivery.save()
            _record(delivery, "queued", old)
        else:
            _record(delivery, "queued", "")
        queued.append(delivery.pk)
    if queued:
        transaction.on_commit(lambda: _enqueue(queued, when))


def on_withdrawn(step: Step) -> None:
    """Withdrawing cancels what has not gone out and deletes what has (an outbox row written in
    the withdrawal's transaction: nothing else would find it if a broker message were lost)."""
    publication = step.obj
    for delivery in Delivery.objects.select_for_update().filter(
        publication=publication, status__in=[D.QUEUED, D.FAILED]
    ):
        old, delivery.status = delivery.status, D.CANCELLED
        delivery.save(update_fields=["status", "updated_at"])
        _record(delivery, "failed", old, comment="withdrawn before sending")
    ids = list(
        Delivery.objects.filter(
            publication=publication, status=D.SENT, withdrawn_at__isnull=True
        ).values_list("pk", flat=True)
    )
    outbox.enqueue_many(
        WITHDRAW_KIND, [({"delivery_id": pk}, f"{WITHDRAW_KIND}:{pk}") for pk in ids]
    )


# The send ------------------------------------------------------------------------------------


def _fail(delivery: Delivery, message: str, code: int | None = None, status=D.FAILED) -> None:
    old = delivery.status
    delivery.status, delivery.error, delivery.error_code = status, message, code
    delivery.save(update_fields=["status", "error", "error_code", "updated_at"])
    _record(delivery, "unknown" if status == D.UNKNOWN else "failed", old, comment=message)


def _refusal(delivery: Delivery, payload) -> str | None:
    from content.workflows import publication_workflow

    publication = delivery.publication
    if publication.status not in (PublicationStatus.APPROVED, PublicationStatus.PUBLISHED):
        return str(_("The publication is no longer approved."))
    if publication.current_version_id != delivery.version_id or (
        version_hash(delivery.version, payload) != delivery.version_hash
    ):
        return str(
            _(
                "The publication changed after approval: only an approved version goes out; "
                "approve it again."
            )
        )
    if publication.status == PublicationStatus.APPROVED:
        refused = publication_workflow.refusal(publication.author, publication, "publish", {})
        if refused is not None:
            return str(refused.message)
    return None


def deliver(delivery_id: int) -> str:
    """Send one delivery if it is due; returns the status it ends in."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("publication", "version", "target", "account")
            .get(pk=delivery_id)
        )
        if delivery.status == D.SENDING:
            # A worker began this send and never finished it: it may be in the channel.
            _fail(
                delivery,
                str(
                    _(
                        "Sending was interrupted: check the channel. If the post is there, "
                        "record its link; if not, send it again."
                    )
                ),
                status=D.UNKNOWN,
            )
            return delivery.status
        now = timezone.now()
        if delivery.status != D.QUEUED or delivery.send_after > now:
            return delivery.status
        if delivery.retry_at and delivery.retry_at > now:
            return delivery.status
        if delivery.target.post_url:
            old, delivery.status = delivery.status, D.CANCELLED
            delivery.save(update_fields=["status", "updated_at"])
            _record(delivery, "failed", old, comment="link recorded by hand")
            return delivery.status
        connector = TelegramConnector(delivery.account)
        if not connector.is_connected:
            _fail(
                delivery,
                str(
                    _(
                        "The account is not connected to Telegram any more: connect it, "
                        "then send again."
                    )
                ),
            )
            return delivery.status
        payload = build(delivery.version)
        refusal = _refusal(delivery, payload)
        if refusal:
            _fail(delivery, refusal)
            return delivery.status
        delivery.status, delivery.sending_started_at = D.SENDING, now
        delivery.attempts += 1
        delivery.save(update_fields=["status", "sending_started_at", "attempts", "updated_at"])
    # Committed: from here on a crash leaves the row in `sending`, never queued.
    try:
        result = connector.send(payload)
    except BotApiError as error:
        return _after_error(delivery_id, error)
    except NotConnected:
        with transaction.atomic():
            delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
            _fail(delivery, str(_("The account is not connected to Telegram any more.")))
        return D.FAILED
    except Exception as error:  # noqa: BLE001 - unknown outcome: a person checks
        log.exception("Telegram send %s ended unexpectedly", delivery_id)
        with transaction.atomic():
            delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
            _fail(
                delivery,
                str(
                    _("Sending ended unexpectedly (%(error)s): check the channel.")
                    % {"error": type(error).__name__}
                ),
                status=D.UNKNOWN,
            )
        return D.UNKNOWN
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("publication", "target")
            .get(pk=delivery_id)
        )
        old = delivery.status
        delivery.status, delivery.message_ids, delivery.link = (
            D.SENT,
            result.message_ids,
            result.link,
        )
        delivery.sent_at, delivery.sent_hash = timezone.now(), delivery.version_hash
        delivery.error, delivery.error_code, delivery.retry_at = "", None, None
        delivery.save()
        _record(delivery, "sent", old, comment=result.link)
        _mark_published(delivery)
    return D.SENT


def _after_error(delivery_id: int, error: BotApiError) -> str:
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
        if delivery.status != D.SENDING:
            return delivery.status
        message = explain(error)
        if error.code == 429:
            wait = int(error.retry_after or 1)
            delivery.status, delivery.retry_at = D.QUEUED, timezone.now() + timedelta(seconds=wait)
            delivery.error, delivery.error_code = message, 429
            delivery.save(update_fields=["status", "retry_at", "error", "error_code", "updated_at"])
            _record(delivery, "queued", D.SENDING, comment=message)
            transaction.on_commit(lambda: _retry_later(delivery_id, wait))
            return D.QUEUED
        if error.unreachable and not error.sent:
            delivery.status, delivery.retry_at = D.QUEUED, timezone.now() + UNREACHABLE_RETRY
            delivery.error, delivery.error_code = message, 0
            delivery.save(update_fields=["status", "retry_at", "error", "error_code", "updated_at"])
            _record(delivery, "queued", D.SENDING, comment=message)
            return D.QUEUED
        if error.unreachable or error.code >= 500:
            _fail(
                delivery,
                str(
                    _("Telegram did not confirm the post (%(error)s): check the channel.")
                    % {"error": error.description}
                ),
                error.code,
                status=D.UNKNOWN,
            )
            return D.UNKNOWN
        _fail(delivery, message, error.code)
        return D.FAILED


def _retry_later(delivery_id: int, seconds: int) -> None:
    from .tasks import deliver as deliver_task

    if not getattr(deliver_task.app.conf, "task_always_eager", False):
        outbox.publish(deliver_task, delivery_id, countdown=seconds)


def _mark_published(delivery: Delivery) -> None:
    """The link is recorded by itself on the publication's target; the first sent delivery
    moves an approved publication to published through its workflow, as its author."""
    from content.workflows import publication_workflow

    target = delivery.target
    target.post_url, target.published_at = delivery.link, delivery.sent_at
    target.save(update_fields=["post_url", "published_at"])
    publication = delivery.publication
    if publication.status == PublicationStatus.APPROVED:
        links = dict(publication.targets.exclude(post_url="").values_list("account_id", "post_url"))
        publication_workflow.perform(publication.author, publication, "publish", links=links)


def sweep() -> list[int]:
    """The minute beat: due queued rows are sent; rows stuck in `sending` become `unknown`."""
    now = timezone.now()
    stale = Delivery.objects.filter(status=D.SENDING, sending_started_at__lt=now - STALE_SENDING)
    for pk in stale.values_list("pk", flat=True):
        deliver(pk)  # finds `sending`: marks it unknown
    due = list(
        Delivery.objects.filter(status=D.QUEUED, send_after__lte=now)
        .exclude(retry_at__gt=now)
        .values_list("pk", flat=True)
    )
    return due


# Withdrawing ---------------------------------------------------------------------------------


WITHDRAW_KIND = "channels.withdraw"


@outbox.handler(WITHDRAW_KIND, _("Delete a withdrawn post in Telegram"))
def _withdraw_from_outbox(payload: dict) -> None:
    withdraw(payload["delivery_id"])


def withdraw(delivery_id: int) -> None:
    delivery = Delivery.objects.select_related("account").get(pk=delivery_id)
    if delivery.status != D.SENT or delivery.withdrawn_at:
        return
    try:
        TelegramConnector(delivery.account).withdraw(delivery)
    except (BotApiError, NotConnected) as error:
        if isinstance(error, NotConnected):
            why = str(
                _("The account is not connected any more: delete the post in the channel by hand.")
            )
        elif "can't be deleted" in error.description.lower():
            why = str(
                _(
                    "Telegram does not let the bot delete this post (a bot deletes posts only "
                    "within 48 hours, or with the right to delete messages): delete it in the "
                    "channel by hand."
                )
            )
        elif "not found" in error.description.lower():
            why = str(_("The post is no longer in the channel: someone deleted it already."))
        else:
            why = explain(error) + " " + str(_("Delete the post in the channel by hand."))
        Delivery.objects.filter(pk=delivery_id).update(withdraw_error=why)
        delivery.withdraw_error = why
        _record(delivery, "withdraw_failed", delivery.status, comment=why)
        return
    now = timezone.now()
    Delivery.objects.filter(pk=delivery_id).update(withdrawn_at=now, withdraw_error="")
    _record(delivery, "withdrawn", delivery.status)


# What a person does (a workflow) ---------------------------------------------------------------

delivery_workflow = Workflow(
    "channels.delivery",
    Delivery,
    select_related=("publication", "target", "account__organization"),
    description="A publication's delivery to a connected Telegram account (at most once).",
    transitions=[
        Transition(
            "resolve_posted",
            (D.UNKNOWN,),
            D.SENT,
            "channels.delivery.resolve",
            _("It is in the channel: record its link"),
            form="link",
            style="success",
            audit_label=_("Telegram post confirmed by a person"),
        ),
        Transition(
            "resolve_not_posted",
            (D.UNKNOWN,),
            D.QUEUED,
            "channels.delivery.resolve",
            _("It is not in the channel: send it"),
            form="comment_required",
            style="outline-primary",
            audit_label=_("Telegram post not found: sent again"),
        ),
        Transition(
            "retry",
            (D.FAILED,),
            D.QUEUED,
            "channels.delivery.resolve",
            _("Send again"),
            style="outline-primary",
            audit_label=_("Sending to Telegram tried again"),
        ),
    ],
)


@delivery_workflow.effect("resolve_posted")
def _resolve_posted(step: Step) -> None:
    import re

    delivery = step.obj
    link = str(step.data.get("link") or "").strip()
    match = re.fullmatch(r"https://t\.me/(?:c/)?[A-Za-z0-9_]+/(\d+)", link)
    if not match:
        raise ValidationError({"link": _("Paste the post's link, like https://t.me/channel/123.")})
    delivery.link, delivery.message_ids = link, [int(match.group(1))]
    delivery.sent_at, delivery.sent_hash = timezone.now(), delivery.version_hash
    delivery.resolved_by, delivery.resolved_at = step.actor, timezone.now()
    delivery.error = ""
    step.update_fields |= {
        "link",
        "message_ids",
        "sent_at",
        "sent_hash",
        "resolved_by",
        "resolved_at",
        "error",
    }
    step.comment = link


def _after_resolved_posted(step: Step) -> None:
    _mark_published(step.obj)


delivery_workflow.on("resolve_posted", _after_resolved_posted)


def _requeue(step: Step) -> None:
    delivery = step.obj
    if step.transition.name == "resolve_not_posted" and not step.comment.strip():
        raise ValidationError({"comment": _("Say what you checked in the channel.")})
    delivery.retry_at, delivery.error, delivery.error_code = None, "", None
    delivery.resolved_by, delivery.resolved_at = step.actor, timezone.now()
    step.update_fields |= {"retry_at", "error", "error_code", "resolved_by", "resolved_at"}
    pk = delivery.pk
    transaction.on_commit(lambda: _enqueue([pk]))


delivery_workflow.effect("resolve_not_posted")(_requeue)
delivery_workflow.effect("retry")(_requeue)

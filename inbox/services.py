"""Every write of the inbox: ingestion (idempotent), the workflow's effects (reply, hide,
delete, turn into an appeal), the R9.1 log and depersonalization, webhook and polling.

The workflow (inbox.workflows) checks permission, state and guards and writes the audit entry;
the effects here validate the data, call Telegram and record. A refusal from Telegram raises
ValidationError with its reason, so the transaction rolls back and nothing is recorded."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import User
from accounts.workflow import Step
from channels.connectors import NotConnected

from . import telegram
from .models import InboxFeed, InboxMessage, InboxReply, Kind, Status
from .workflows import message_workflow

log = logging.getLogger(__name__)

REPLY_LIMIT = 4096  # Telegram's longest text message


# Ingestion ------------------------------------------------------------------------------------


def _value(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def ingest(account: Any, items: Iterable[Any]) -> int:
    """Store the items (connector InboxItems or dicts of the same fields) of one account; an
    item already stored (same external id) is left as it is. Safe when a webhook and a poll
    deliver the same update at once: the unique (account, external id) and ON CONFLICT DO
    NOTHING decide. Returns how many were new."""
    rows = []
    for item in items:
        kind = _value(item, "kind")
        if kind not in Kind.values or not _value(item, "external_id"):
            continue
        sent_at = _value(item, "sent_at") or timezone.now()
        if timezone.is_naive(sent_at):
            sent_at = timezone.make_aware(sent_at, timezone.get_default_timezone())
        reply_to = _value(item, "reply_to_message_id")
        rows.append(
            InboxMessage(
                organization_id=account.organization_id,
                account=account,
                external_id=str(_value(item, "external_id"))[:128],
                kind=kind,
                chat_id=int(_value(item, "chat_id") or 0),
                message_id=int(_value(item, "message_id") or 0),
                reply_to_message_id=int(reply_to) if reply_to else None,
                author_name=str(_value(item, "author_name") or "")[:255],
                author_handle=str(_value(item, "author_handle") or "").lstrip("@")[:255],
                author_id=str(_value(item, "author_id") or "")[:64],
                text=str(_value(item, "text") or ""),
                received_at=sent_at,
            )
        )
    if not rows:
        return 0
    before = InboxMessage.objects.filter(
        account=account, external_id__in=[r.external_id for r in rows]
    ).count()
    InboxMessage.objects.bulk_create(
        rows, ignore_conflicts=True, unique_fields=["account", "external_id"]
    )
    after = InboxMessage.objects.filter(
        account=account, external_id__in=[r.external_id for r in rows]
    ).count()
    return after - before


def webhook_receive(connection: Any, update: dict[str, Any]) -> int:
    """A webhook update of a connection (its secret already checked by the view)."""
    item = telegram.item_from_update(connection, update)
    return ingest(connection.account, [item]) if item else 0


def poll(account: Any) -> int:
    """Long polling of one connected account: getUpdates after the connection's offset, store
    the items, then move the offset past them (the connector's `confirm`, in the same
    transaction). Only one poll per account runs at a time (the feed row is locked, SKIP LOCKED:
    a second run finds it busy and leaves). A crash before the commit keeps the old offset:
    Telegram sends the updates again and ingestion drops the doubles."""
    from channels.connectors import NotConnected, connector_for

    InboxFeed.objects.get_or_create(account=account)
    with transaction.atomic():
        feed = InboxFeed.objects.select_for_update(skip_locked=True).filter(account=account).first()
        if feed is None:
            return 0
        connector = connector_for(account)
        try:
            items = connector.fetch_inbox(account)
        except NotConnected:
            return 0
        except telegram.BotApiError as error:
            feed.last_error = f"{error.code}: {error.description}"[:500]
            feed.polled_at = timezone.now()
            feed.save(update_fields=["last_error", "polled_at"])
            return 0
        created = ingest(account, items)
        connector.confirm()
        feed.polled_at, feed.last_error = timezone.now(), ""
        feed.save(update_fields=["polled_at", "last_error"])
    return created


def webhook_url(connection: Any) -> str | None:
    base = telegram.public_site_url()
    if base is None:
        return None
    return base + reverse("inbox:telegram_webhook", args=[connection.pk])


def feed_sync(account: Any) -> str:
    """Decide how the account's updates come in and make Telegram agree: "webhook" when SITE_URL
    is public https (setWebhook with the connection's secret, once per URL), "polling"
    otherwise (deleteWebhook first if one was set: getUpdates is refused while a webhook is
    active)."""
    connection = telegram.connection_of(account)
    if connection is None:
        return "off"
    feed, _created = InboxFeed.objects.get_or_create(account=account)
    url = webhook_url(connection)
    bot = telegram.BotApi(connection.token)
    if url:
        if feed.webhook_url != url:
            bot.call(
                "setWebhook",
                url=url,
                secret_token=connection.webhook_secret,
                allowed_updates=["message"],
            )
            InboxFeed.objects.filter(pk=feed.pk).update(webhook_url=url)
            audit.record("inbox.webhook.set", actor=None, obj=account, changes={"url": [None, url]})
        return "webhook"
    if feed.webhook_url:
        bot.call("deleteWebhook")
        InboxFeed.objects.filter(pk=feed.pk).update(webhook_url="")
    return "polling"


def poll_all() -> dict[str, int]:
    """The beat task's work: every connected account, by webhook or by polling."""
    from channels.models import TelegramConnection

    out = {"polled": 0, "webhook": 0, "new": 0, "failed": 0}
    connections = TelegramConnection.objects.filter(disconnected_at__isnull=True).select_related(
        "account"
    )
    for connection in connections:
        try:
            mode = feed_sync(connection.account)
            if mode == "polling":
                out["polled"] += 1
                out["new"] += poll(connection.account)
            elif mode == "webhook":
                out["webhook"] += 1
        except telegram.BotApiError as error:
            out["failed"] += 1
            log.warning("inbox feed of account %s: %s", connection.account_id, error)
    return out


# The workflow's effects ----------------------------------------------------------------------


def _handled(step: Step) -> None:
    step.obj.handled_by, step.obj.handled_at = step.actor, timezone.now()
    step.update_fields |= {"handled_by", "handled_at"}


def _telegram_refused(error: Exception) -> ValidationError:
    if not isinstance(error, telegram.BotApiError):  # channels.connectors.NotConnected
        return ValidationError(
            _(
                "The official account is not connected to Telegram any more: do it in Telegram "
                "itself. Nothing has been changed."
            )
        )
    if error.unreachable:
        return ValidationError(
            _("Telegram could not be reached; nothing has been changed. Try again later.")
        )
    return ValidationError(
        _("Telegram refused: %(reason)s. Nothing has been changed.") % {"reason": error.description}
    )


def reply(*, actor: User, message: InboxMessage, text: str) -> InboxMessage:
    return message_workflow.perform(actor, message, "reply", text=text)


@message_workflow.effect("reply")
def _reply(step: Step) -> None:
    message, text = step.obj, str(step.data.get("text") or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the reply.")})
    if len(text) > REPLY_LIMIT:
        raise ValidationError(
            {"text": _("Telegram takes at most %(n)s characters.") % {"n": REPLY_LIMIT}}
        )
    try:
        bot, _connection = telegram.bot_for(message.account)
        sent = bot.call(
            "sendMessage",
            chat_id=message.chat_id,
            text=text,
            reply_parameters={
                "message_id": message.message_id,
                "allow_sending_without_reply": True,
            },
        )
    except (telegram.BotApiError, NotConnected) as error:
        raise _telegram_refused(error) from None
    InboxReply.objects.create(
        message=message,
        text=text,
        sent_by=step.actor,
        external_message_id=(sent or {}).get("message_id"),
    )
    _handled(step)
    step.changes["reply"] = [None, len(text)]


def _ground(step: Step) -> str:
    from content.models import ModerationAction

    ground = str(step.data.get("ground") or "")
    if ground not in ModerationAction.Ground.values:
        raise ValidationError({"ground": _("Choose the ground for it.")})
    if ground == ModerationAction.Ground.OTHER and not str(step.data.get("note") or "").strip():
        raise ValidationError({"note": _("Say what the other ground is.")})
    return ground


def _record_moderation(step: Step, action: str, ground: str) -> None:
    from content.moderation import moderation_record

    entry = moderation_record(
        actor=step.actor,
        account=step.obj.account,
        action=action,
        ground=ground,
        occurred_on=timezone.localdate(),
        note=str(step.data.get("note") or "").strip(),
    )
    step.obj.moderation = entry
    step.update_fields.add("moderation")
    step.changes["ground"] = [None, ground]
    _handled(step)


def hide(*, actor: User, message: InboxMessage, ground: str, note: str = "") -> InboxMessage:
    return message_workflow.perform(actor, message, "hide", ground=ground, note=note)


@message_workflow.effect("hide")
def _hide(step: Step) -> None:
    from content.models import ModerationAction

    _record_moderation(step, ModerationAction.Action.COMMENT_HIDDEN, _ground(step))


def delete(*, actor: User, message: InboxMessage, ground: str, note: str = "") -> InboxMessage:
    return message_workflow.perform(actor, message, "delete", ground=ground, note=note)


@message_workflow.effect("delete")
def _delete(step: Step) -> None:
    from content.models import ModerationAction

    ground = _ground(step)  # before Telegram: no deletion without a recorded ground
    message = step.obj
    try:
        bot, _connection = telegram.bot_for(message.account)
        bot.call("deleteMessage", chat_id=message.chat_id, message_id=message.message_id)
    except NotConnected as error:
        raise _telegram_refused(error) from None
    except telegram.BotApiError as error:
        # Already gone (its author or another administrator deleted it): record the ground.
        if not (error.code == 400 and "not found" in error.description.lower()):
            raise _telegram_refused(error) from None
    _record_moderation(step, ModerationAction.Action.COMMENT_DELETED, ground)


def convert(*, actor: User, message: InboxMessage, **appeal_fields: Any) -> InboxMessage:
    """Register an appeal from the message (R8.1) and link them, in one transaction. The
    channel, the official account, the responsible organization and the date of receipt come
    from the message — the message's own date, so the 3 and 15 working-day deadlines (R8.2)
    count from it; the rest (author, contacts, text, type, topic, the R9.1 basis) from the
    person, prefilled from the message."""
    return message_workflow.perform(actor, message, "convert", **appeal_fields)


@message_workflow.effect("convert")
def _convert(step: Step) -> None:
    from appeals.models import Channel
    from appeals.services import appeal_register

    message = step.obj
    fields = {k: v for k, v in step.data.items() if k not in ("organization", "received_at")}
    fields.pop("channel", None)
    fields.pop("official_account", None)
    fields.pop("not_registered_reason", None)
    appeal = appeal_register(
        actor=step.actor,
        organization=message.organization,
        received_at=message.received_at,
        channel=Channel.TELEGRAM,
        official_account=message.account,
        **fields,
    )
    message.appeal = appeal
    step.update_fields.add("appeal")
    step.changes["appeal"] = [None, appeal.number]
    _handled(step)


def prefill(message: InboxMessage) -> dict[str, Any]:
    """What the appeal's registration form starts from (R8.1)."""
    contact = f"@{message.author_handle}" if message.author_handle else ""
    if not contact and message.author_id and message.kind == Kind.MESSAGE:
        contact = f"Telegram id {message.author_id}"
    return {
        "organization": message.organization_id,
        "received_at": timezone.localtime(message.received_at),
        "channel": "telegram",
        "official_account": message.account_id,
        "author_name": message.author_name,
        "author_contacts": contact,
        "text": message.text,
    }


# Personal data (R9.1) ------------------------------------------------------------------------


def personal_data_viewed(*, actor: User, message: InboxMessage) -> None:
    """Log an opening of a message with its author's data, under the organization."""
    audit.record("inbox.message.view_personal_data", actor=actor, obj=message)


DEPERSONALIZED = "—"


def depersonalizable_q(before: datetime) -> Q:
    """Past the retention (the appeals' horizon, APPEALS_DEPERSONALIZE_AFTER_YEARS): a message
    received before the cutoff, unless it became an appeal that still keeps its data — then it
    goes with the appeal."""
    return Q(received_at__lt=before) & (
        Q(appeal__isnull=True) | Q(appeal__depersonalized_at__isnull=False)
    )


def depersonalize(before: datetime, batch: int = 500) -> int:
    """Remove the author's data and the texts (message and replies) of messages past the
    retention; kind, dates, status and links stay for the statistics. Exactly once (rows
    claimed FOR UPDATE SKIP LOCKED among those not yet depersonalized); one audit entry per
    organization and batch. Called by appeals.services.appeals_depersonalize (its
    DEPERSONALIZE_STEPS), so the nightly job and `manage.py appeals_depersonalize` do both."""
    total = 0
    while True:
        with transaction.atomic():
            rows = list(
                InboxMessage.objects.select_for_update(of=("self",), skip_locked=True)
                .filter(depersonalizable_q(before), depersonalized_at__isnull=True)
                .order_by("pk")
                .values_list("pk", "organization_id")[:batch]
            )
            if not rows:
                return total
            ids = [pk for pk, _org in rows]
            InboxMessage.objects.filter(pk__in=ids).update(
                author_name=DEPERSONALIZED,
                author_handle="",
                author_id="",
                text=DEPERSONALIZED,
                depersonalized_at=timezone.now(),
            )
            InboxReply.objects.filter(message_id__in=ids).update(text=DEPERSONALIZED)
            by_org: dict[int, list[int]] = {}
            for pk, org in rows:
                by_org.setdefault(org, []).append(pk)
            from accounts.models import Organization

            for organization in Organization.objects.filter(pk__in=by_org):
                audit.record(
                    "inbox.message.depersonalize",
                    actor=None,
                    organization=organization,
                    changes={"messages": [None, len(by_org[organization.pk])]},
                )
        total += len(rows)


def open_count(user: Any) -> int:
    """The menu badge: new messages in the user's reach (one query)."""
    from accounts import permissions

    return permissions.visible(
        user, InboxMessage.objects.filter(status=Status.NEW), action="inbox.view"
    ).count()

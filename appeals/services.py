"""Every write to appeals: registration, each step of the life cycle, extensions, the working
calendar's corrections and depersonalization. Each function checks permission itself, locks the
row it changes, checks the transition against models.TRANSITIONS (raising InvalidTransition —
"not possible now", not "not allowed"), and records its audit entry in the same transaction.
Notifications are written in the transaction too; their e-mails leave after commit
(accounts.notifications)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit, permissions
from accounts.models import Membership, Organization, Role, User
from accounts.notifications import notify

from . import workdays
from .models import (
    KINDS_NEEDING_CONTACT,
    OFFICIAL_RESPONSE_OPEN,
    OPEN,
    TRANSITIONS,
    Appeal,
    AppealAttachment,
    CalendarOverride,
    Extension,
    Outcome,
    RegistrationCounter,
    ResponseChannel,
    Status,
)


class InvalidTransition(Exception):
    """The step is not possible in the appeal's current state."""

    def __init__(self, appeal: Appeal, target: str):
        self.appeal, self.target = appeal, target
        super().__init__(
            _("This step is not possible while the appeal is “%(status)s”.")
            % {"status": appeal.get_status_display()}
        )


# Registration --------------------------------------------------------------------------------


def received_not_before() -> date:
    """The earliest receipt date accepted. Until the registry of official accounts records when
    each account was opened, one floor for all (APPEALS_RECEIVED_NOT_BEFORE)."""
    return date.fromisoformat(str(settings.APPEALS_RECEIVED_NOT_BEFORE))


def next_number(organization: Organization, year: int) -> int:
    """The next registration number of the organization in the year, gap-free: the counter row
    is locked (select_for_update) until the caller's transaction ends, so concurrent
    registrations wait for each other; a rolled-back registration gives its number back."""
    counter = (
        RegistrationCounter.objects.select_for_update()
        .filter(organization=organization, year=year)
        .first()
    )
    if counter is None:
        try:
            with transaction.atomic():
                RegistrationCounter.objects.create(organization=organization, year=year)
        except IntegrityError:
            pass  # another registration created it a moment ago; lock theirs
        counter = RegistrationCounter.objects.select_for_update().get(
            organization=organization, year=year
        )
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def account_opened_on(account: Any) -> date:
    """When an official account began to exist: the date of the union body's decision that
    created it (R4.2), or, without one on record, the day it was entered in the registry."""
    decided = account.decisions.aggregate(first=Min("decided_on"))["first"]
    return decided or timezone.localtime(account.created_at).date()


def _check_received(received_at: datetime, account: Any = None) -> dict[str, str]:
    errors = {}
    received_on = timezone.localtime(received_at).date()
    if received_at > timezone.now():
        errors["received_at"] = _("The date of receipt cannot be in the future.")
    elif account is not None and received_on < account_opened_on(account):
        errors["received_at"] = _(
            "The date of receipt cannot be earlier than %(date)s, when the official account "
            "“%(account)s” was created."
        ) % {"date": account_opened_on(account).strftime("%d.%m.%Y"), "account": account}
    elif received_on < received_not_before():
        errors["received_at"] = _(
            "The date of receipt cannot be earlier than %(date)s, when the official account "
            "started receiving appeals."
        ) % {"date": received_not_before().strftime("%d.%m.%Y")}
    return errors


def _check_assignee(assignee: User | None, organization: Organization) -> None:
    if assignee is None:
        return
    probe = Appeal(organization=organization)
    if not permissions.can(assignee, "appeals.appeal.respond", probe):
        raise ValidationError(
            {"assignee": _("The assignee must hold a role in the responsible organization.")}
        )


def _deadlines(appeal: Appeal, calendar: workdays.Calendar) -> None:
    appeal.first_response_due = calendar.add_working_days(appeal.registered_on, 3)
    due = calendar.add_working_days(appeal.registered_on, 15)
    extended = appeal.was_extended
    appeal.official_response_due_original = due
    if not extended:
        appeal.official_response_due = due
    appeal.calendar_version = calendar.version


@transaction.atomic
def appeal_register(
    *,
    actor: User,
    organization: Organization,
    received_at: datetime,
    channel: str,
    text: str,
    kind: str,
    topic: str,
    channel_account: str = "",
    author_name: str = "",
    author_contacts: str = "",
    author_other: str = "",
    is_confidential: bool = False,
    assignee: User | None = None,
    attachments: Iterable[UploadedFile] = (),
    not_registered_reason: str = "",
    forwarded_from: Appeal | None = None,
    official_account: Any = None,
) -> Appeal:
    """Register an appeal (R8.1), or — with `not_registered_reason` — record a message that
    lacks the features of an appeal; it gets no number and no deadlines but still counts as a
    message (RPT5.1)."""
    probe = Appeal(organization=organization)
    if forwarded_from is None:
        permissions.require(actor, "appeals.appeal.register", probe)
    if official_account is not None and not permissions.can(
        actor, "appeals.appeal.register", official_account
    ):
        raise ValidationError(
            {"official_account": _("Choose an official account of your organizations.")}
        )
    errors = _check_received(received_at, official_account)
    author_name, author_contacts = author_name.strip(), author_contacts.strip()
    not_registered_reason = not_registered_reason.strip()
    if not text.strip():
        errors["text"] = _("Give the text of the appeal or its summary.")
    if not not_registered_reason:
        if not author_name:
            errors["author_name"] = _(
                "An appeal names its author. Without one, record the message as not "
                "registered and give the reason."
            )
        if not author_contacts and kind in KINDS_NEEDING_CONTACT:
            errors["author_contacts"] = _(
                "An answer must reach the author of this type of appeal: give a contact, or "
                "record the message as not registered and give the reason."
            )
    if errors:
        raise ValidationError(errors)
    _check_assignee(assignee, organization)

    registered_on = timezone.localtime(received_at).date()
    appeal = Appeal(
        organization=organization,
        received_at=received_at,
        registered_on=registered_on,
        channel=channel,
        official_account=official_account,
        channel_account=channel_account,
        author_name=author_name,
        author_contacts=author_contacts,
        author_other=author_other,
        text=text,
        kind=kind,
        topic=topic,
        is_confidential=is_confidential,
        assignee=assignee,
        created_by=actor,
        forwarded_from=forwarded_from,
    )
    if not_registered_reason:
        appeal.status = Status.NOT_REGISTERED
        appeal.not_registered_reason = not_registered_reason
        appeal.save()
        audit.record("appeals.appeal.record_unregistered", actor=actor, obj=appeal)
        return appeal

    appeal.status = Status.REGISTERED
    appeal.year = registered_on.year
    appeal.sequence = next_number(organization, appeal.year)
    appeal.number = f"{appeal.year}-{appeal.sequence:04d}"
    _deadlines(appeal, workdays.current())
    appeal.save()
    for upload in attachments:
        AppealAttachment.objects.create(appeal=appeal, file=upload)
    audit.record(
        "appeals.appeal.register",
        actor=actor,
        obj=appeal,
        changes={
            "number": [None, appeal.number],
            "first_response_due": [None, str(appeal.first_response_due)],
            "official_response_due": [None, str(appeal.official_response_due)],
            "calendar_version": [None, appeal.calendar_version],
        },
    )
    _notify_assignee(appeal, actor)
    return appeal


def _url(appeal: Appeal) -> str:
    return reverse("appeals:detail", args=[appeal.pk])


def _notify_assignee(appeal: Appeal, actor: User) -> None:
    if appeal.assignee is None:
        return
    notify(
        [appeal.assignee],
        kind="appeals.assigned",
        title=gettext_lazy("Appeal %(number)s is assigned to you"),
        body=gettext_lazy(
            "First response due %(first)s, official response due %(official)s (working days, "
            "Kazakhstan calendar)."
        ),
        params={
            "number": appeal.number,
            "first": appeal.first_response_due.strftime("%d.%m.%Y"),
            "official": appeal.official_response_due.strftime("%d.%m.%Y"),
        },
        url=_url(appeal),
        actor=actor,
    )


# Life cycle ----------------------------------------------------------------------------------


def _lock(appeal: Appeal) -> Appeal:
    return Appeal.objects.select_for_update().select_related("organization").get(pk=appeal.pk)


def _move(appeal: Appeal, target: str) -> str:
    if target not in TRANSITIONS.get(appeal.status, set()):
        raise InvalidTransition(appeal, target)
    before, appeal.status = appeal.status, target
    return before


def _check_step_date(appeal: Appeal, on: date, field: str) -> None:
    if on < appeal.registered_on:
        raise ValidationError(
            {
                field: _("The date cannot be earlier than the registration date (%(date)s).")
                % {"date": appeal.registered_on.strftime("%d.%m.%Y")}
            }
        )
    if on > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})


@transaction.atomic
def appeal_assign(*, actor: User, appeal: Appeal, assignee: User | None) -> Appeal:
    appeal = _lock(appeal)
    permissions.require(actor, "appeals.appeal.assign", appeal)
    if appeal.status in (Status.CLOSED, Status.NOT_REGISTERED):
        raise InvalidTransition(appeal, appeal.status)
    _check_assignee(assignee, appeal.organization)
    before = str(appeal.assignee) if appeal.assignee else None
    appeal.assignee = assignee
    appeal.save(update_fields=["assignee"])
    audit.record(
        "appeals.appeal.assign",
        actor=actor,
        obj=appeal,
        changes={"assignee": [before, str(assignee) if assignee else None]},
    )
    _notify_assignee(appeal, actor)
    return appeal


@transaction.atomic
def appeal_first_response(
    *, actor: User, appeal: Appeal, on: date, channel: str, text: str, letter_number: str = ""
) -> Appeal:
    appeal = _lock(appeal)
    permissions.require(actor, "appeals.appeal.respond", appeal)
    before = _move(appeal, Status.FIRST_RESPONSE_GIVEN)
    _check_step_date(appeal, on, "on")
    if appeal.is_confidential and (channel != ResponseChannel.OFFICIAL_LETTER or not letter_number):
        # R8.3: a confidential matter continues as official correspondence.
        raise ValidationError(
            {
                "letter_number": _(
                    "A confidential matter is answered by an official letter: choose “Official "
                    "letter” and give the outgoing letter number."
                )
            }
        )
    if channel == ResponseChannel.OFFICIAL_LETTER and not letter_number:
        raise ValidationError({"letter_number": _("Give the outgoing letter number.")})
    if not text.strip():
        raise ValidationError({"text": _("Give the text of the response.")})
    appeal.first_response_on, appeal.first_response_channel = on, channel
    appeal.first_response_text, appeal.first_response_letter_number = text, letter_number
    appeal.save(
        update_fields=[
            "status",
            "first_response_on",
            "first_response_channel",
            "first_response_text",
            "first_response_letter_number",
        ]
    )
    audit.record(
        "appeals.appeal.first_response",
        actor=actor,
        obj=appeal,
        changes={"status": [before, appeal.status], "first_response_on": [None, str(on)]},
    )
    return appeal


@transaction.atomic
def appeal_take(*, actor: User, appeal: Appeal) -> Appeal:
    appeal = _lock(appeal)
    permissions.require(actor, "appeals.appeal.respond", appeal)
    before = _move(appeal, Status.IN_WORK)
    fields = ["status"]
    if appeal.assignee_id is None:
        appeal.assignee = actor
        fields.append("assignee")
    appeal.save(update_fields=fields)
    audit.record(
        "appeals.appeal.take", actor=actor, obj=appeal, changes={"status": [before, appeal.status]}
    )
    return appeal


@transaction.atomic
def appeal_forward(
    *,
    actor: User,
    appeal: Appeal,
    on: date,
    reason: str,
    applicant_informed_on: date,
    to_organization: Organization | None = None,
    to_name: str = "",
) -> Appeal:
    """Forward an appeal outside the organization's competence (R8.2: within 3 working days,
    the applicant informed). A structure of the union gets its own registered copy, with its own
    number and deadlines, in its own list."""
    appeal = _lock(appeal)
    permissions.require(actor, "appeals.appeal.respond", appeal)
    before = _move(appeal, Status.FORWARDED)
    _check_step_date(appeal, on, "on")
    _check_step_date(appeal, applicant_informed_on, "applicant_informed_on")
    if to_organization is None and not to_name.strip():
        raise ValidationError({"to_name": _("Say which structure the appeal is forwarded to.")})
    if to_organization is not None and to_organization.pk == appeal.organization_id:
        raise ValidationError(
            {"to_organization": _("An appeal cannot be forwarded to its own organization.")}
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the appeal is forwarded.")})
    appeal.forwarded_to = to_organization
    appeal.forwarded_to_name = to_name.strip() or (to_organization.name if to_organization else "")
    appeal.forwarded_on, appeal.forward_reason = on, reason
    appeal.forward_applicant_informed_on = applicant_informed_on
    appeal.outcome = Outcome.FORWARDED
    appeal.save(
        update_fields=[
            "status",
            "forwarded_to",
            "forwarded_to_name",
            "forwarded_on",
            "forward_reason",
            "forward_applicant_informed_on",
            "outcome",
        ]
    )
    audit.record(
        "appeals.appeal.forward",
        actor=actor,
        obj=appeal,
        changes={
            "status": [before, appeal.status],
            "forwarded_to": [None, appeal.forwarded_to_name],
        },
        comment=reason,
    )
    if to_organization is not None:
        received = timezone.make_aware(datetime.combine(on, datetime.min.time()))
        copy = appeal_register(
            actor=actor,
            organization=to_organization,
            received_at=max(received, appeal.received_at),
            channel=appeal.channel,
            channel_account=appeal.channel_account,
            author_name=appeal.author_name,
            author_contacts=appeal.author_contacts,
            author_other=appeal.author_other,
            text=appeal.text,
            kind=appeal.kind,
            topic=appeal.topic,
            is_confidential=appeal.is_confidential,
            forwarded_from=appeal,
        )
        chairmen = User.objects.filter(
            memberships__organization=to_organization,
            memberships__role__in=[Role.CHAIRMAN, Role.ADMINISTRATOR],
        ).distinct()
        notify(
            chairmen,
            kind="appeals.forwarded",
            title=gettext_lazy("An appeal was forwarded to your organization: %(number)s"),
            params={"number": copy.number},
            url=_url(copy),
            actor=actor,
        )
    return appeal


@transaction.atomic
def appeal_official_response(
    *,
    actor: User,
    appeal: Appeal,
    on: date,
    number: str,
    text: str = "",
    document: UploadedFile | None = None,
) -> Appeal:
    appeal = _lock(appeal)
    permissions.require(actor, "appeals.appeal.respond", appeal)
    before = _move(appeal, Status.OFFICIAL_RESPONSE_SENT)
    _check_step_date(appeal, on, "on")
    if not number.strip():
        raise ValidationError({"number": _("Give the outgoing number of the official response.")})
    if not text.strip() and document is None:
        raise ValidationError({"text": _("Give the text of the official response or attach it.")})
    appeal.official_response_on, appeal.official_response_number = on, number.strip()
    appeal.official_response_text = text
    fields = ["status", "official_response_on", "official_response_number"]
    fields.append("official_response_text")
    if document is not None:
        appeal.official_response_document = document
        fields.append("official_response_document")
    if appeal.outcome != Outcome.FORWARDED:
        appeal.outcome = Outcome.OFFICIAL_RESPONSE
        fields.append("outcome")
    appeal.save(update_fields=fields)
    audit.record(
        "appeals.appeal.official_response",
        actor=actor,
        obj=appeal,
        changes={"status": [before, appeal.status], "official_response_number": [None, number]},
    )
    return appeal


@transaction.atomic
def appeal_close(*, actor: User, appeal: Appeal, outcome: str) -> Appeal:
    appeal = _lock(appeal)
    permissions.require(actor, "appeals.appeal.respond", appeal)
    before = _move(appeal, Status.CLOSED)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    appeal.outcome, appeal.closed_at = outcome, timezone.now()
    appeal.save(update_fields=["status", "outcome", "closed_at"])
    audit.record(
        "appeals.appeal.close",
        actor=actor,
        obj=appeal,
        changes={"status": [before, appeal.status], "outcome": [None, outcome]},
    )
    return appeal


def max_official_due(appeal: Appeal) -> date:
    return appeal.registered_on + relativedelta(months=settings.APPEALS_MAX_TERM_MONTHS)


@transaction.atomic
def appeal_extend(*, actor: User, appeal: Appeal, new_due: date, reason: str) -> Appeal:
    """A chairman extends the official deadline (recorded with the old date); the applicant must
    be told within 3 working days, which becomes a deadline of its own."""
    appeal = _lock(appeal)
    permissions.require(actor, "appeals.appeal.extend", appeal)
    if appeal.status not in OFFICIAL_RESPONSE_OPEN:
        raise InvalidTransition(appeal, appeal.status)
    calendar = workdays.current()
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the extension.")})
    if new_due <= appeal.official_response_due:
        raise ValidationError(
            {"new_due": _("The new date must be later than the current due date.")}
        )
    limit = max_official_due(appeal)
    if new_due > limit:
        raise ValidationError(
            {
                "new_due": _(
                    "The total term may not exceed %(months)s months from registration: "
                    "the latest possible date is %(date)s."
                )
                % {"months": settings.APPEALS_MAX_TERM_MONTHS, "date": limit.strftime("%d.%m.%Y")}
            }
        )
    if not calendar.is_working_day(new_due):
        raise ValidationError({"new_due": _("The new due date must be a working day.")})
    old = appeal.official_response_due
    notice_due = calendar.add_working_days(timezone.localdate(), 3)
    Extension.objects.create(
        appeal=appeal,
        old_due=old,
        new_due=new_due,
        reason=reason,
        notice_due=notice_due,
        extended_by=actor,
    )
    appeal.official_response_due = new_due
    appeal.extension_notice_due, appeal.extension_notice_given_on = notice_due, None
    appeal.save(
        update_fields=["official_response_due", "extension_notice_due", "extension_notice_given_on"]
    )
    audit.record(
        "appeals.appeal.extend",
        actor=actor,
        obj=appeal,
        changes={"official_response_due": [str(old), str(new_due)]},
        comment=reason,
    )
    if appeal.assignee:
        notify(
            [appeal.assignee],
            kind="appeals.extended",
            title=gettext_lazy("Appeal %(number)s: the official response is now due %(date)s"),
            body=gettext_lazy("Tell the applicant of the extension by %(notice)s."),
            params={
                "number": appeal.number,
                "date": new_due.strftime("%d.%m.%Y"),
                "notice": notice_due.strftime("%d.%m.%Y"),
            },
            url=_url(appeal),
            actor=actor,
        )
    return appeal


@transaction.atomic
def appeal_extension_notice(*, actor: User, appeal: Appeal, on: date) -> Appeal:
    appeal = _lock(appeal)
    permissions.require(actor, "appeals.appeal.respond", appeal)
    if appeal.extension_notice_due is None or appeal.extension_notice_given_on is not None:
        raise InvalidTransition(appeal, appeal.status)
    _check_step_date(appeal, on, "on")
    appeal.extension_notice_given_on = on
    appeal.save(update_fields=["extension_notice_given_on"])
    audit.record(
        "appeals.appeal.extension_notice",
        actor=actor,
        obj=appeal,
        changes={"extension_notice_given_on": [None, str(on)]},
    )
    return appeal


# Personal data (R9.1) ------------------------------------------------------------------------


def personal_data_viewed(*, actor: User, appeal: Appeal) -> None:
    """Log a view of the author's full contacts: who, when (the entry's time), which appeal."""
    audit.record("appeals.appeal.view_personal_data", actor=actor, obj=appeal)


def personal_data_exported(*, actor: User, appeals: list[Appeal]) -> None:
    if appeals:
        audit.record(
            "appeals.appeal.export_personal_data",
            actor=actor,
            changes={"appeals": [None, [a.number for a in appeals]]},
        )


DEPERSONALIZED = "—"


@transaction.atomic
def appeals_depersonalize(*, closed_before: datetime) -> int:
    """Remove the author's data, the texts and the attachments of appeals closed before the
    date; number, dates, channel, type, topic, outcome and deadlines stay for the statistics."""
    qs = Appeal.objects.select_for_update().filter(
        status=Status.CLOSED, closed_at__lt=closed_before, depersonalized_at__isnull=True
    )
    ids = list(qs.values_list("pk", flat=True))
    if not ids:
        return 0
    for attachment in AppealAttachment.objects.filter(appeal_id__in=ids):
        attachment.file.delete(save=False)
    AppealAttachment.objects.filter(appeal_id__in=ids).delete()
    for appeal in Appeal.objects.filter(pk__in=ids).exclude(official_response_document=""):
        appeal.official_response_document.delete(save=False)
    now = timezone.now()
    Appeal.objects.filter(pk__in=ids).update(
        author_name=DEPERSONALIZED,
        author_contacts="",
        author_other="",
        text=DEPERSONALIZED,
        first_response_text="",
        official_response_text="",
        official_response_document="",
        forward_reason="",
        depersonalized_at=now,
    )
    audit.record(
        "appeals.appeal.depersonalize",
        actor=None,
        changes={"appeals": [None, len(ids)]},
        comment=f"closed before {closed_before:%Y-%m-%d}",
    )
    return len(ids)


# The working calendar ------------------------------------------------------------------------


def recompute_open_appeals(calendar: workdays.Calendar, day: date) -> int:
    """Recompute the due dates of the open appeals a change of `day` can move: those registered
    before it whose official deadline had not passed it. Extended dates were chosen by a
    chairman and stay; the notice of an extension is a working-day count and moves."""
    qs = Appeal.objects.filter(
        status__in=OPEN, registered_on__lt=day, official_response_due_original__gte=day
    ).select_for_update()
    changed = []
    for appeal in qs:
        before = (appeal.first_response_due, appeal.official_response_due)
        _deadlines(appeal, calendar)
        if (appeal.first_response_due, appeal.official_response_due) != before:
            changed.append(appeal)
            audit.record(
                "appeals.appeal.recompute",
                actor=None,
                obj=appeal,
                changes={
                    "first_response_due": [str(before[0]), str(appeal.first_response_due)],
                    "official_response_due": [str(before[1]), str(appeal.official_response_due)],
                },
                comment=calendar.version,
            )
    Appeal.objects.bulk_update(
        changed,
        [
            "first_response_due",
            "official_response_due",
            "official_response_due_original",
            "calendar_version",
        ],
    )
    return len(changed)


def _calendar_changed(day: date) -> int:
    calendar = workdays.load()  # sees this transaction's change
    # Drop the shared cache now (later reads in this transaction see the change) and again
    # after commit (reads made meanwhile by this process cached the uncommitted state).
    workdays.invalidate()
    transaction.on_commit(workdays.invalidate)
    return recompute_open_appeals(calendar, day)


@transaction.atomic
def calendar_override_save(
    *, actor: User | None, day: date, kind: str, reason: str
) -> tuple[CalendarOverride, int]:
    if actor is not None:
        permissions.require(actor, "appeals.calendar.manage")
    if not reason.strip():
        raise ValidationError({"reason": _("Give the legal basis of the correction.")})
    override, created = CalendarOverride.objects.update_or_create(
        day=day, defaults={"kind": kind, "reason": reason.strip()}
    )
    if created and actor is not None:
        CalendarOverride.objects.filter(pk=override.pk).update(created_by=actor)
    audit.record(
        "appeals.calendar.save",
        actor=actor,
        changes={"day": [None, str(day)], "kind": [None, kind]},
        comment=reason,
    )
    return override, _calendar_changed(day)


@transaction.atomic
def calendar_override_delete(*, actor: User | None, override: CalendarOverride) -> int:
    if actor is not None:
        permissions.require(actor, "appeals.calendar.manage")
    day = override.day
    audit.record(
        "appeals.calendar.delete",
        actor=actor,
        changes={"day": [str(day), None], "kind": [override.kind, None]},
    )
    CalendarOverride.objects.filter(pk=override.pk).delete()
    return _calendar_changed(day)


def chairmen_of(organization_ids: Iterable[int]) -> dict[int, list[User]]:
    out: dict[int, list[User]] = {}
    for m in Membership.objects.filter(
        organization_id__in=set(organization_ids), role=Role.CHAIRMAN, user__is_active=True
    ).select_related("user"):
        out.setdefault(m.organization_id, []).append(m.user)
    return out

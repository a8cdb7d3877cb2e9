"""Every write to appeals: registration, each step of the life cycle, extensions, the working
calendar's corrections and depersonalization. The life-cycle steps go through the workflow table
(appeals.workflows, accounts.workflow): permission, state and the Regulation's guards are checked
there (accounts.exceptions.InvalidTransition — "not possible now", not "not allowed"), and the
effects registered here validate the data and set the fields; the audit entry is written in the
same transaction. Notifications are written in the transaction too; their e-mails leave after
commit (accounts.notifications)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit, files, permissions
from accounts.models import Membership, Organization, Role, User
from accounts.notifications import notify
from accounts.workflow import Step

from . import workdays
from .models import (
    KINDS_NEEDING_CONTACT,
    OPEN,
    Appeal,
    AppealAttachment,
    CalendarOverride,
    Extension,
    Outcome,
    PrivacyNotice,
    ProcessingBasis,
    RegistrationCounter,
    ResponseChannel,
    Status,
)
from .permissions import is_handler
from .workflows import appeal_workflow

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
    """The assignee is one of the handlers (R8.1): a role on the responsible organization
    itself, not above it — an assignee could not answer otherwise."""
    if assignee is None:
        return
    if not is_handler(assignee, Appeal(organization=organization)):
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
    processing_basis: str = "",
    privacy_notice: str = "",
) -> Appeal:
    """Register an appeal (R8.1), or — with `not_registered_reason` — record a message that
    lacks the features of an appeal; it gets no number and no deadlines but still counts as a
    message (RPT5.1). A registered appeal records the legal basis of processing its author's
    data and how the author was told of their use (R9.1); a forwarded copy carries the
    original's."""
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
        if forwarded_from is None:
            if processing_basis not in ProcessingBasis.values:
                errors["processing_basis"] = _(
                    "Choose the legal basis on which the author's data are processed."
                )
            if privacy_notice not in PrivacyNotice.values:
                errors["privacy_notice"] = _(
                    "Say how the author was told who uses the data, for what and for how long."
                )
    if processing_basis and processing_basis not in ProcessingBasis.values:
        errors["processing_basis"] = _(
            "Choose the legal basis on which the author's data are processed."
        )
    if privacy_notice and privacy_notice not in PrivacyNotice.values:
        errors["privacy_notice"] = _(
            "Say how the author was told who uses the data, for what and for how long."
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
        processing_basis=processing_basis,
        privacy_notice=privacy_notice,
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
        # The form has checked and re-encoded it; a direct call is checked here (a refusal
        # rolls the registration back).
        stored = upload
        if not hasattr(upload, "original_name"):
            try:
                stored = files.prepared_upload(upload, files.SCREENSHOTS)
            except ValidationError as error:
                raise ValidationError({"attachments": error.messages}) from None
        AppealAttachment.objects.create(
            appeal=appeal, file=stored, original_name=stored.original_name
        )
    audit.record(
        "appeals.appeal.register",
        actor=actor,
        obj=appeal,
        changes={
            "number": [None, appeal.number],
            "first_response_due": [None, str(appeal.first_response_due)],
            "official_response_due": [None, str(appeal.official_response_due)],
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
# Every step goes through the workflow table (appeals.workflows): `appeal_workflow.perform`
# locks the row, checks permission, state and guards, runs the effect registered below, saves,
# writes the audit entry — all in one transaction. The functions below are the services' names
# for those steps, kept for the pages, the demo and the tests.


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


def appeal_assign(*, actor: User, appeal: Appeal, assignee: User | None) -> Appeal:
    return appeal_workflow.perform(actor, appeal, "assign", assignee=assignee)


@appeal_workflow.effect("assign")
def _assign(step: Step) -> None:
    appeal, assignee = step.obj, step.data.get("assignee")
    _check_assignee(assignee, appeal.organization)
    before = str(appeal.assignee) if appeal.assignee else None
    appeal.assignee = assignee
    step.update_fields.add("assignee")
    step.changes["assignee"] = [before, str(assignee) if assignee else None]
    _notify_assignee(appeal, step.actor)


def appeal_first_response(
    *, actor: User, appeal: Appeal, on: date, channel: str, text: str, letter_number: str = ""
) -> Appeal:
    return appeal_workflow.perform(
        actor,
        appeal,
        "first_response",
        on=on,
        channel=channel,
        text=text,
        letter_number=letter_number,
    )


@appeal_workflow.effect("first_response")
def _first_response(step: Step) -> None:
    appeal, data = step.obj, step.data
    on, channel = data["on"], data["channel"]
    text, letter_number = data.get("text") or "", (data.get("letter_number") or "").strip()
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
    step.update_fields |= {
        "first_response_on",
        "first_response_channel",
        "first_response_text",
        "first_response_letter_number",
    }
    step.changes["first_response_on"] = [None, str(on)]


def appeal_take(*, actor: User, appeal: Appeal) -> Appeal:
    return appeal_workflow.perform(actor, appeal, "take")


@appeal_workflow.effect("take")
def _take(step: Step) -> None:
    if step.obj.assignee_id is None:
        step.obj.assignee = step.actor
        step.update_fields.add("assignee")


def forwarding_due(appeal: Appeal) -> date:
    """R8.2: an appeal outside the organization's competence is forwarded within 3 working
    days of registration — the first-response due date."""
    return appeal.first_response_due or workdays.add_working_days(appeal.registered_on, 3)


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
    the applicant informed). A later forwarding is allowed but recorded as late and counted.
    A structure of the union gets its own registered copy, with its own number and deadlines,
    in its own list."""
    return appeal_workflow.perform(
        actor,
        appeal,
        "forward",
        on=on,
        reason=reason,
        applicant_informed_on=applicant_informed_on,
        to_organization=to_organization,
        to_name=to_name,
    )


@appeal_workflow.effect("forward")
def _forward(step: Step) -> None:
    appeal, data, actor = step.obj, step.data, step.actor
    on, reason = data["on"], data.get("reason") or ""
    applicant_informed_on = data["applicant_informed_on"]
    to_organization, to_name = data.get("to_organization"), data.get("to_name") or ""
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
    due = forwarding_due(appeal)
    appeal.forwarded_late = on > due
    step.update_fields |= {
        "forwarded_to",
        "forwarded_to_name",
        "forwarded_on",
        "forward_reason",
        "forward_applicant_informed_on",
        "outcome",
        "forwarded_late",
    }
    step.changes["forwarded_to"] = [None, appeal.forwarded_to_name]
    if appeal.forwarded_late:
        # Allowed, but on the record: the flag is counted (selectors.late_forwards) and the
        # audit entry says by when it was due.
        step.changes["forwarded_late"] = [False, True]
        step.comment = "\n".join(
            [
                _("Forwarded after the 3-working-day limit: it was due by %(date)s.")
                % {"date": due.strftime("%d.%m.%Y")},
                reason,
            ]
        )
    if to_organization is None:
        return
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
        processing_basis=appeal.processing_basis,
        privacy_notice=appeal.privacy_notice,
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


def appeal_official_response(
    *,
    actor: User,
    appeal: Appeal,
    on: date,
    number: str,
    text: str = "",
    document: UploadedFile | None = None,
) -> Appeal:
    return appeal_workflow.perform(
        actor, appeal, "official_response", on=on, number=number, text=text, document=document
    )


@appeal_workflow.effect("official_response")
def _official_response(step: Step) -> None:
    appeal, data = step.obj, step.data
    on, number = data["on"], (data.get("number") or "").strip()
    text, document = data.get("text") or "", data.get("document")
    _check_step_date(appeal, on, "on")
    if not number:
        raise ValidationError({"number": _("Give the outgoing number of the official response.")})
    if not text.strip() and document is None:
        raise ValidationError({"text": _("Give the text of the official response or attach it.")})
    appeal.official_response_on, appeal.official_response_number = on, number
    appeal.official_response_text = text
    step.update_fields |= {"official_response_on", "official_response_number"}
    step.update_fields.add("official_response_text")
    if document is not None:
        if not hasattr(document, "original_name"):  # not through the form: check it here
            try:
                document = files.prepared_upload(document, files.OFFICIAL_RESPONSES)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from None
        appeal.official_response_document = document
        step.update_fields.add("official_response_document")
    if appeal.outcome != Outcome.FORWARDED:
        appeal.outcome = Outcome.OFFICIAL_RESPONSE
        step.update_fields.add("outcome")
    step.changes["official_response_number"] = [None, number]


def appeal_close(*, actor: User, appeal: Appeal, outcome: str) -> Appeal:
    return appeal_workflow.perform(actor, appeal, "close", outcome=outcome)


@appeal_workflow.effect("close")
def _close(step: Step) -> None:
    outcome = step.data.get("outcome")
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    step.obj.outcome, step.obj.closed_at = outcome, timezone.now()
    step.update_fields |= {"outcome", "closed_at"}
    step.changes["outcome"] = [None, outcome]


def max_official_due(appeal: Appeal) -> date:
    return appeal.registered_on + relativedelta(months=settings.APPEALS_MAX_TERM_MONTHS)


def appeal_extend(*, actor: User, appeal: Appeal, new_due: date, reason: str) -> Appeal:
    """A chairman extends the official deadline while it runs (R8.2-extension), recorded with
    the old date; the applicant must be told within 3 working days, which becomes a deadline of
    its own."""
    return appeal_workflow.perform(actor, appeal, "extend", new_due=new_due, reason=reason)


@appeal_workflow.effect("extend")
def _extend(step: Step) -> None:
    appeal, actor = step.obj, step.actor
    new_due, reason = step.data["new_due"], step.data.get("reason") or ""
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
    step.update_fields |= {
        "official_response_due",
        "extension_notice_due",
        "extension_notice_given_on",
    }
    step.changes["official_response_due"] = [str(old), str(new_due)]
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


def appeal_extension_notice(*, actor: User, appeal: Appeal, on: date) -> Appeal:
    return appeal_workflow.perform(actor, appeal, "extension_notice", on=on)


@appeal_workflow.effect("extension_notice")
def _extension_notice(step: Step) -> None:
    on = step.data["on"]
    _check_step_date(step.obj, on, "on")
    step.obj.extension_notice_given_on = on
    step.update_fields.add("extension_notice_given_on")
    step.changes["extension_notice_given_on"] = [None, str(on)]


# Personal data (R9.1) ------------------------------------------------------------------------


def personal_data_viewed(*, actor: User, appeal: Appeal) -> None:
    """Log a view of the author's full data: who, when (the entry's time), which appeal, under
    the responsible organization (so its chairmen find it in their audit trail)."""
    audit.record("appeals.appeal.view_personal_data", actor=actor, obj=appeal)


def personal_data_exported(*, actor: User, appeals: list[Appeal]) -> None:
    """Log an export that contains full contacts: one entry per responsible organization, with
    the appeals' numbers, so each organization's chairmen see it in their audit trail."""
    by_organization: dict[int, tuple[Organization, list[str]]] = {}
    for appeal in appeals:
        entry = by_organization.setdefault(appeal.organization_id, (appeal.organization, []))
        entry[1].append(appeal.number or f"#{appeal.pk}")
    for organization, numbers in by_organization.values():
        audit.record(
            "appeals.appeal.export_personal_data",
            actor=actor,
            organization=organization,
            changes={"appeals": [None, numbers]},
        )


DEPERSONALIZED = "—"

# Other apps' steps run after the appeals' own, with the same cutoff (the inbox registers one in
# its AppConfig.ready(): messages past the retention, and those of appeals depersonalized now).
DEPERSONALIZE_STEPS: list[Any] = []


def depersonalize_cutoff(now: datetime | None = None) -> datetime:
    """Appeals in a final state for longer than APPEALS_DEPERSONALIZE_AFTER_YEARS lose their
    personal data."""
    now = now or timezone.now()
    return now - relativedelta(years=settings.APPEALS_DEPERSONALIZE_AFTER_YEARS)


def depersonalizable_q(before: datetime) -> Q:
    """Every final state, each from the moment it was reached: closed; answered (the official
    response sent) and left so; forwarded (the matter continues elsewhere — in the receiving
    organization's own copy, which counts on its own); a message recorded without
    registration."""
    day = timezone.localtime(before).date()
    return (
        Q(status=Status.CLOSED, closed_at__lt=before)
        | Q(status=Status.OFFICIAL_RESPONSE_SENT, official_response_on__lt=day)
        | Q(status=Status.FORWARDED, forwarded_on__lt=day)
        | Q(status=Status.NOT_REGISTERED, received_at__lt=before)
    )


def appeals_depersonalize(*, before: datetime | None = None, batch: int = 500) -> int:
    """Remove the author's data, the texts and the attachments of appeals in a final state since
    before `before` (default: APPEALS_DEPERSONALIZE_AFTER_YEARS ago); number, dates, channel,
    type, topic, outcome and deadlines stay for the statistics. Run daily by Celery beat
    (appeals.tasks.depersonalize_appeals) and by `manage.py appeals_depersonalize`.

    Exactly once: rows are claimed with SELECT … FOR UPDATE SKIP LOCKED among those not yet
    depersonalized, so two runs at the same moment share the work and a second run finds
    nothing; each appeal gets one audit entry under its organization. Files are deleted after
    the commit, so a rolled-back batch loses nothing."""
    before = before or depersonalize_cutoff()
    total = 0
    while True:
        with transaction.atomic():
            ids = list(
                Appeal.objects.select_for_update(skip_locked=True)
                .filter(depersonalizable_q(before), depersonalized_at__isnull=True)
                .order_by("pk")
                .values_list("pk", flat=True)[:batch]
            )
            if not ids:
                break
            files = [a.file for a in AppealAttachment.objects.filter(appeal_id__in=ids) if a.file]
            for appeal in Appeal.objects.filter(pk__in=ids).exclude(official_response_document=""):
                files.append(appeal.official_response_document)
            AppealAttachment.objects.filter(appeal_id__in=ids).delete()
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
            # Issue 12 point 5: the row stays, archived or not; a reason for archiving is free
            # text that may name the author, so it goes too (who and when stay).
            Appeal.objects.filter(pk__in=ids).exclude(archive_reason="").update(
                archive_reason=DEPERSONALIZED
            )
            for appeal in Appeal.objects.filter(pk__in=ids).select_related("organization"):
                audit.record("appeals.appeal.depersonalize", actor=None, obj=appeal)
            transaction.on_commit(lambda files=files: _delete_files(files))
        total += len(ids)
    for step in DEPERSONALIZE_STEPS:
        step(before)
    return total


def _delete_files(files: list[Any]) -> None:
    for file in files:
        file.delete(save=False)


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

"""Every write to the register, one function each. Each checks permission itself (so a direct
call is as safe as a view), validates, saves in one transaction with its audit entry, and
queues notifications for after the commit."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import archive, audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization, Role, User
from accounts.notifications import notify
from accounts.selectors import chairmen_of, holders_of

from . import links
from .models import (
    AccessListEntry,
    AccessListVersion,
    AccountStatus,
    AdministratorAppointment,
    CreationDecision,
    LogoCheck,
    OfficialAccount,
    PasswordRotation,
    RotationPolicy,
    Violation,
    add_months,
    rotation_interval_months,
)
from .workflows import access_list_workflow, supersede

for _name, _label in (
    ("registry.account.register", _("Official account registered")),
    ("registry.account.update", _("Official account changed")),
    ("registry.account.status", _("Official account status changed")),
    ("registry.decision.record", _("Creation decision recorded")),
    ("registry.logo.check", _("Logo check recorded")),
    ("registry.logo.require_recheck", _("Logo re-check required")),
    ("registry.appointment.record", _("Administrator appointed")),
    ("registry.appointment.end", _("Administrator appointment ended")),
    ("registry.access_list.propose", _("Access list change proposed")),
    # approve, reject, supersede: registered by the access list's workflow.
    ("registry.rotation.record", _("Password change recorded")),
    ("registry.policy.change", _("Password-change interval set")),
    ("registry.violation.record", _("Violation recorded")),
    ("registry.violation.measure", _("Measure recorded")),
):
    audit.register(_name, _label)

ACCOUNT_FIELDS = ["network", "display_name", "handle", "url", "languages", "is_publishing_target"]


def _not_in_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})


def _url(account: OfficialAccount) -> str:
    from django.urls import reverse

    return reverse("registry:detail", args=[account.pk])


def administrators_of(account: OfficialAccount) -> list[User]:
    """Who hears about the account: its currently appointed administrators who are system users,
    else the organization's administrators."""
    today = timezone.localdate()
    appointed = [
        a.user
        for a in account.appointments.select_related("user")
        if a.user and a.user.is_active and a.is_current(today)
    ]
    return appointed or list(holders_of(account.organization, Role.ADMINISTRATOR))


def _check_unique_url(normalized: str, exclude_pk: int | None = None) -> None:
    holder = (
        OfficialAccount.objects.filter(normalized_url=normalized)
        .exclude(pk=exclude_pk)
        .select_related("organization")
        .first()
    )
    if holder is not None:
        raise ValidationError(
            {
                "url": ValidationError(
                    _("This account is already in the register: it belongs to %(organization)s."),
                    code="duplicate",
                    params={"organization": holder.organization.name},
                )
            }
        )


def _recompute_due(account: OfficialAccount) -> None:
    last = account.rotations.aggregate(last=Max("rotated_on"))["last"]
    base = last or account.created_at.date()
    account.password_due_on = add_months(base, rotation_interval_months(account.organization))


@transaction.atomic
def account_register(
    *, actor: User, organization: Organization, password_set_on: date, **fields: Any
) -> OfficialAccount:
    """Register an account (R4.1, R4.3). `password_set_on` — when its password was last set —
    starts the rotation history (R9.3)."""
    account = OfficialAccount(organization=organization, **fields)
    permissions.require(actor, "registry.account.change", account)
    _not_in_future(password_set_on, "password_set_on")
    account.normalized_url = links.normalize(account.network, account.url)
    account.url = links.with_scheme(account.url)
    _check_unique_url(account.normalized_url)
    account.password_due_on = add_months(password_set_on, rotation_interval_months(organization))
    account.full_clean(exclude=["normalized_url"])
    try:
        with transaction.atomic():
            account.save()
    except IntegrityError:  # registered by someone else a moment ago
        _check_unique_url(account.normalized_url)
        raise
    PasswordRotation.objects.create(
        account=account, rotated_on=password_set_on, recorded_by=actor, note=_("At registration")
    )
    audit.record(
        "registry.account.register",
        actor=actor,
        obj=account,
        changes={k: [None, v] for k, v in audit.snapshot(account, ACCOUNT_FIELDS).items()},
    )
    return account


@transaction.atomic
def account_update(*, actor: User, account: OfficialAccount, **fields: Any) -> OfficialAccount:
    account = OfficialAccount.objects.select_for_update().get(pk=account.pk)
    archive.ensure_active(account)  # issue 12 point 5: an archived entry does not change
    permissions.require(actor, "registry.account.change", account)
    before = audit.snapshot(account, ACCOUNT_FIELDS)
    for name, value in fields.items():
        if name not in ACCOUNT_FIELDS:
            raise ValueError(f"{name} is not an editable account field")
        setattr(account, name, value)
    account.normalized_url = links.normalize(account.network, account.url)
    account.url = links.with_scheme(account.url)
    _check_unique_url(account.normalized_url, exclude_pk=account.pk)
    account.full_clean(exclude=["normalized_url"])
    diff = audit.changes(before, audit.snapshot(account, ACCOUNT_FIELDS))
    if diff:
        account.save()
        audit.record("registry.account.update", actor=actor, obj=account, changes=diff)
    return account


@transaction.atomic
def account_set_status(
    *, actor: User, account: OfficialAccount, status: str, changed_on: date, reason: str
) -> OfficialAccount:
    account = OfficialAccount.objects.select_for_update().get(pk=account.pk)
    archive.ensure_active(account)  # issue 12 point 5: an archived entry does not change
    permissions.require(actor, "registry.account.change", account)
    if status == account.status:
        raise InvalidTransition(_("The account already has this status."))
    _not_in_future(changed_on, "changed_on")
    if status != AccountStatus.ACTIVE and not reason.strip():
        raise ValidationError({"reason": _("Give the reason.")})
    old = account.status
    account.status, account.status_changed_on, account.status_reason = status, changed_on, reason
    fields = ["status", "status_changed_on", "status_reason", "updated_at"]
    if status == AccountStatus.CLOSED:
        account.is_publishing_target = False  # a closed account is no longer a target
        fields.append("is_publishing_target")
    account.save(update_fields=fields)
    audit.record(
        "registry.account.status",
        actor=actor,
        obj=account,
        changes={"status": [old, status], "status_changed_on": [None, str(changed_on)]},
        comment=reason,
    )
    return account


@transaction.atomic
def decision_record(
    *, actor: User, account: OfficialAccount, body: str, number: str, decided_on: date, document
) -> CreationDecision:
    permissions.require(actor, "registry.account.change", account)
    archive.ensure_active(account)
    _not_in_future(decided_on, "decided_on")
    decision = CreationDecision(
        account=account,
        body=body,
        number=number,
        decided_on=decided_on,
        document=document,
        recorded_by=actor,
    )
    decision.full_clean()
    decision.save()
    audit.record(
        "registry.decision.record",
        actor=actor,
        obj=account,
        changes={"decision": [None, f"{body} № {number}, {decided_on}"]},
    )
    return decision


@transaction.atomic
def logo_check_record(
    *, actor: User, account: OfficialAccount, checked_on: date, result: str, screenshot, note: str
) -> LogoCheck:
    account = OfficialAccount.objects.select_for_update().get(pk=account.pk)
    archive.ensure_active(account)  # issue 12 point 5: an archived entry does not change
    permissions.require(actor, "registry.account.change", account)
    _not_in_future(checked_on, "checked_on")
    check = LogoCheck(
        account=account,
        checked_by=actor,
        checked_on=checked_on,
        result=result,
        screenshot=screenshot,
        note=note,
        recorded_by=actor,
    )
    check.full_clean()
    check.save()
    if account.logo_recheck_required:
        account.logo_recheck_required = False
        account.save(update_fields=["logo_recheck_required", "updated_at"])
    audit.record(
        "registry.logo.check",
        actor=actor,
        obj=account,
        changes={"result": [None, result]},
        comment=note,
    )
    return check


@transaction.atomic
def logo_recheck_require(*, actor: User, account: OfficialAccount, comment: str) -> None:
    account = OfficialAccount.objects.select_for_update().get(pk=account.pk)
    archive.ensure_active(account)  # issue 12 point 5: an archived entry does not change
    permissions.require(actor, "registry.logo.require_recheck", account)
    if account.logo_recheck_required:
        raise InvalidTransition(_("A re-check is already required."))
    account.logo_recheck_required = True
    account.save(update_fields=["logo_recheck_required", "updated_at"])
    audit.record("registry.logo.require_recheck", actor=actor, obj=account, comment=comment)
    notify(
        administrators_of(account),
        kind="registry.logo.require_recheck",
        title=_("Check the logo of %(account)s again"),
        body=comment,
        params={"account": str(account)},
        url=_url(account),
        actor=actor,
    )


@transaction.atomic
def appointment_record(
    *, actor: User, account: OfficialAccount, **fields: Any
) -> AdministratorAppointment:
    permissions.require(actor, "registry.appointment.record", account)
    archive.ensure_active(account)
    _not_in_future(fields["order_date"], "order_date")
    user = fields.get("user")
    if user is not None and not fields.get("full_name"):
        fields["full_name"] = user.get_full_name()
    appointment = AdministratorAppointment(account=account, recorded_by=actor, **fields)
    appointment.full_clean()
    appointment.save()
    audit.record(
        "registry.appointment.record",
        actor=actor,
        obj=account,
        changes={
            "administrator": [None, appointment.full_name],
            "order": [None, f"№ {appointment.order_number}, {appointment.order_date}"],
        },
    )
    if user is not None:
        notify(
            [user],
            kind="registry.appointment.record",
            title=_("You are appointed an administrator of %(account)s"),
            params={"account": str(account)},
            url=_url(account),
            actor=actor,
        )
    return appointment


@transaction.atomic
def appointment_end(
    *, actor: User, appointment: AdministratorAppointment, ends_on: date
) -> AdministratorAppointment:
    appointment = AdministratorAppointment.objects.select_for_update().get(pk=appointment.pk)
    permissions.require(actor, "registry.appointment.record", appointment)
    archive.ensure_active(appointment.account)
    if appointment.ends_on is not None:
        raise InvalidTransition(_("This appointment has already ended."))
    if ends_on < appointment.starts_on:
        raise ValidationError({"ends_on": _("The end cannot be before the start.")})
    appointment.ends_on = ends_on
    appointment.save(update_fields=["ends_on"])
    audit.record(
        "registry.appointment.end",
        actor=actor,
        obj=appointment.account,
        changes={"administrator": [appointment.full_name, None], "ends_on": [None, str(ends_on)]},
    )
    return appointment


def new_access_list_version(
    *, actor: User, account: OfficialAccount, rows: list[AccessListEntry]
) -> AccessListVersion:
    """A new version of the account's access list (R9.2) holding `rows` (entries not yet saved),
    superseding a pending one, audited as proposed. The caller has locked the account and
    checked who may propose (access_list_propose; channels, for a connected bot)."""
    supersede(actor, account.access_lists.filter(status=AccessListVersion.Status.PENDING))
    number = (account.access_lists.aggregate(n=Max("number"))["n"] or 0) + 1
    version = AccessListVersion.objects.create(account=account, number=number, recorded_by=actor)
    for row in rows:
        row.version = version
    AccessListEntry.objects.bulk_create(rows)
    audit.record(
        "registry.access_list.propose",
        actor=actor,
        obj=version,
        changes={"access_list": [None, f"v{number}: " + "; ".join(r.full_name for r in rows)]},
    )
    return version


@transaction.atomic
def access_list_propose(
    *, actor: User, account: OfficialAccount, entries: list[dict[str, Any]]
) -> AccessListVersion:
    """A change of the access list (R9.2) is a new version, pending the chairman's approval
    (registry/workflows.py); an earlier pending version is superseded."""
    account = OfficialAccount.objects.select_for_update().get(pk=account.pk)
    archive.ensure_active(account)  # issue 12 point 5: an archived entry does not change
    permissions.require(actor, "registry.access_list.propose", account)
    if not entries:
        raise ValidationError(_("List at least one person."))
    rows = []
    for entry in entries:
        user = entry.get("user")
        full_name = (entry.get("full_name") or (user.get_full_name() if user else "")).strip()
        if not full_name:
            raise ValidationError(_("Every person needs a name."))
        rows.append(
            AccessListEntry(user=user, full_name=full_name, position=entry.get("position", ""))
        )
    version = new_access_list_version(actor=actor, account=account, rows=rows)
    notify(
        chairmen_of(account.organization),
        kind="registry.access_list.propose",
        title=_("Approve the access list of %(account)s"),
        params={"account": str(account)},
        url=_url(account),
        actor=actor,
    )
    return version


def access_list_decide(
    *, actor: User, version: AccessListVersion, action: str, comment: str = ""
) -> AccessListVersion:
    """The chairman's step on a pending version (R9.2): "approve" or "reject" (with a reason),
    through the access list's workflow."""
    if action not in ("approve", "reject"):
        raise ValueError(f"{action} is not a decision on an access list")
    archive.ensure_active(version.account)
    return access_list_workflow.perform(actor, version, action, comment=comment)


def access_list_approve(
    *, actor: User, version: AccessListVersion, comment: str = ""
) -> AccessListVersion:
    return access_list_decide(actor=actor, version=version, action="approve", comment=comment)


def access_list_reject(
    *, actor: User, version: AccessListVersion, comment: str
) -> AccessListVersion:
    return access_list_decide(actor=actor, version=version, action="reject", comment=comment)


@transaction.atomic
def rotation_record(
    *, actor: User, account: OfficialAccount, rotated_on: date, note: str = ""
) -> PasswordRotation:
    """Record that the password was changed (R9.3). The password itself is never asked for."""
    account = OfficialAccount.objects.select_for_update().get(pk=account.pk)
    archive.ensure_active(account)  # issue 12 point 5: an archived entry does not change
    permissions.require(actor, "registry.rotation.record", account)
    _not_in_future(rotated_on, "rotated_on")
    rotation = PasswordRotation.objects.create(
        account=account, rotated_on=rotated_on, note=note, recorded_by=actor
    )
    old_due = account.password_due_on
    _recompute_due(account)
    account.save(update_fields=["password_due_on", "updated_at"])
    audit.record(
        "registry.rotation.record",
        actor=actor,
        obj=account,
        changes={"password_due_on": [str(old_due), str(account.password_due_on)]},
        comment=note,
    )
    return rotation


@transaction.atomic
def policy_set(*, actor: User, organization: Organization, months: int | None) -> int:
    """Set (or clear, with None) a shorter password-change interval for one organization."""
    from django.conf import settings

    permissions.require(actor, "registry.policy.change", organization)
    longest = settings.PASSWORD_ROTATION_MONTHS
    if months is not None and not 1 <= months <= longest:
        raise ValidationError(
            {"months": _("Choose from 1 to %(longest)s months.") % {"longest": longest}}
        )
    old = rotation_interval_months(organization)
    if months is None:
        RotationPolicy.objects.filter(organization=organization).delete()
    else:
        RotationPolicy.objects.update_or_create(
            organization=organization, defaults={"months": months}
        )
    for account in OfficialAccount.objects.select_for_update().filter(organization=organization):
        _recompute_due(account)
        account.save(update_fields=["password_due_on"])
    audit.record(
        "registry.policy.change",
        actor=actor,
        obj=organization,
        changes={"months": [old, rotation_interval_months(organization)]},
    )
    return rotation_interval_months(organization)


@transaction.atomic
def violation_record(*, actor: User, organization: Organization, **fields: Any) -> Violation:
    violation = Violation(organization=organization, recorded_by=actor, **fields)
    permissions.require(actor, "registry.violation.record", violation)
    if violation.account_id and violation.account.organization_id != organization.pk:
        raise ValidationError({"account": _("The account belongs to another organization.")})
    if violation.responsible_user and not violation.responsible_name:
        violation.responsible_name = violation.responsible_user.get_full_name()
    _not_in_future(violation.occurred_on, "occurred_on")
    violation.full_clean()
    violation.save()
    audit.record(
        "registry.violation.record",
        actor=actor,
        obj=violation,
        changes={"rule": [None, violation.rule], "responsible": [None, violation.responsible_name]},
        comment=violation.description,
    )
    if violation.responsible_user:
        notify(
            [violation.responsible_user],
            kind="registry.violation.record",
            title=_("A breach of rule %(rule)s has been recorded concerning you"),
            body=violation.description,
            params={"rule": violation.rule},
            url="",
            actor=actor,
        )
    return violation


@transaction.atomic
def violation_set_measure(
    *,
    actor: User,
    violation: Violation,
    measure: str,
    measure_body: str,
    decision_number: str,
    decision_date: date | None,
) -> Violation:
    violation = Violation.objects.select_for_update().get(pk=violation.pk)
    permissions.require(actor, "registry.violation.record", violation)
    if measure in (Violation.Measure.DISCIPLINARY, Violation.Measure.UNION) and not (
        measure_body and decision_number and decision_date
    ):
        raise ValidationError(
            _("A measure needs the governing body, the decision number and its date.")
        )
    if decision_date:
        _not_in_future(decision_date, "decision_date")
    old = violation.measure
    violation.measure, violation.measure_body = measure, measure_body
    violation.decision_number, violation.decision_date = decision_number, decision_date
    violation.save(update_fields=["measure", "measure_body", "decision_number", "decision_date"])
    audit.record(
        "registry.violation.measure",
        actor=actor,
        obj=violation,
        changes={"measure": [old, measure], "decision": [None, decision_number]},
    )
    if violation.responsible_user:
        notify(
            [violation.responsible_user],
            kind="registry.violation.measure",
            title=_("A measure has been decided on the breach of rule %(rule)s"),
            params={"rule": violation.rule},
            actor=actor,
        )
    return violation

"""Every write of the content app. The publication workflow is one explicit state machine:
TRANSITIONS lists what may follow what, and each transition is a service that locks the row,
checks the state (InvalidTransition: "not possible now"), checks permission (PermissionDenied:
"not allowed"), saves with update_fields and records its audit entry in the same transaction;
notifications go out after the commit."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization, Role, User
from accounts.notifications import notify
from accounts.selectors import chairmen_of
from registry.models import AccountStatus, OfficialAccount

from . import uploads
from .models import (
    Attachment,
    ContentPlan,
    Crisis,
    ModerationAction,
    PlanItem,
    PlanningPeriod,
    PlanningSetting,
    Publication,
    PublicationStatus,
    PublicationTarget,
    PublicationVersion,
    StatementApproval,
)
from .taxonomy import DIRECTION_KIND, Audience

S = PublicationStatus

# The publication state machine: state → states it may move to.
TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.SUBMITTED, S.RETURNED, S.PROHIBITED, S.PUBLISHED},  # published: urgent only
    S.RETURNED: {S.SUBMITTED, S.RETURNED, S.PROHIBITED, S.PUBLISHED},
    S.SUBMITTED: {S.APPROVED, S.RETURNED, S.PROHIBITED, S.DRAFT},  # draft: recalled by author
    S.APPROVED: {S.PUBLISHED},
    S.PUBLISHED: {S.WITHDRAWN},
    S.PROHIBITED: set(),
    S.WITHDRAWN: set(),
}
EDITABLE = {S.DRAFT, S.RETURNED}

for _name, _label in (
    ("content.planning.set", _("Planning period set")),
    ("content.plan.create", _("Content plan created")),
    ("content.plan.item", _("Content plan item changed")),
    ("content.plan.submit", _("Content plan submitted")),
    ("content.plan.approve", _("Content plan approved")),
    ("content.plan.return", _("Content plan returned")),
    ("content.publication.create", _("Publication created")),
    ("content.publication.edit", _("Publication edited")),
    ("content.publication.version", _("New publication version")),
    ("content.publication.freeze", _("Publication version frozen")),
    ("content.publication.submit", _("Publication submitted for approval")),
    ("content.publication.recall", _("Publication recalled from approval")),
    ("content.publication.approve", _("Publication approved")),
    ("content.publication.approve_head", _("Publication approved by the head")),
    ("content.publication.approve_crisis", _("Publication approved by the working group")),
    ("content.publication.return", _("Publication returned for revision")),
    ("content.publication.prohibit", _("Publication prohibited")),
    ("content.publication.publish", _("Publication published")),
    ("content.publication.publish_urgent", _("Urgent message published")),
    ("content.publication.acknowledge", _("Urgent message acknowledged")),
    ("content.publication.withdraw", _("Publication withdrawn")),
    ("content.statement.approve", _("Official statement approval recorded")),
    ("content.crisis.declare", _("Crisis declared")),
    ("content.crisis.end", _("Crisis ended")),
    ("content.moderation.record", _("Moderation action recorded")),
):
    audit.register(_name, _label)


def _url(publication: Publication) -> str:
    return reverse("content:publication_detail", args=[publication.pk])


def _move(publication: Publication, to: str) -> None:
    if to not in TRANSITIONS[publication.status]:
        raise InvalidTransition(
            _("This is not possible while the publication is “%(status)s”.")
            % {"status": publication.get_status_display()}
        )


def _lock(publication: Publication) -> Publication:
    return (
        Publication.objects.select_for_update(of=("self",))
        .select_related("organization", "current_version", "author", "crisis")
        .get(pk=publication.pk)
    )


def _record(
    action: str, actor: User, publication: Publication, old: str, comment: str = "", **changes: Any
):
    audit.record(
        action,
        actor=actor,
        obj=publication,
        changes={"status": [old, publication.status], **changes}
        if old != publication.status
        else changes,
        comment=comment,
    )


# Crises ---------------------------------------------------------------------------------------


def active_crisis_for(organization: Organization) -> Crisis | None:
    """The active crisis declared for this organization or any of its ancestors (R10)."""
    step = Organization.steplen
    paths = [organization.path[:i] for i in range(step, len(organization.path) + 1, step)]
    return (
        Crisis.objects.filter(ended_at__isnull=True, organization__path__in=paths)
        .select_related("organization")
        .order_by("organization__depth")
        .first()
    )


@transaction.atomic
def crisis_declare(
    *,
    actor: User,
    organization: Organization,
    title: str,
    agreed_position: str,
    working_group: list[User],
) -> Crisis:
    permissions.require(actor, "content.crisis.manage", organization)
    if not agreed_position.strip():
        raise ValidationError({"agreed_position": _("Record the agreed position.")})
    if not working_group:
        raise ValidationError(
            {"working_group": _("Name at least one member of the working group.")}
        )
    if active_crisis_for(organization):
        raise InvalidTransition(_("A crisis is already declared for this organization."))
    crisis = Crisis.objects.create(
        organization=organization, title=title, agreed_position=agreed_position, declared_by=actor
    )
    crisis.working_group.set(working_group)
    audit.record(
        "content.crisis.declare",
        actor=actor,
        obj=crisis,
        changes={"working_group": [None, ", ".join(u.get_full_name() for u in working_group)]},
        comment=agreed_position,
    )
    people = User.objects.filter(
        is_active=True,
        memberships__organization__path__startswith=organization.path,
        memberships__role__in=[Role.CHAIRMAN, Role.ADMINISTRATOR],
    ).distinct()
    notify(
        [*people, *working_group],
        kind="content.crisis.declare",
        title=_("Crisis declared: %(title)s"),
        body=agreed_position,
        params={"title": title},
        url=reverse("content:crisis_detail", args=[crisis.pk]),
        actor=actor,
    )
    return crisis


@transaction.atomic
def crisis_end(*, actor: User, crisis: Crisis, note: str) -> Crisis:
    crisis = Crisis.objects.select_for_update().get(pk=crisis.pk)
    permissions.require(actor, "content.crisis.manage", crisis)
    if crisis.ended_at:
        raise InvalidTransition(_("This crisis has already ended."))
    crisis.ended_at, crisis.ended_by, crisis.end_note = timezone.now(), actor, note
    crisis.save(update_fields=["ended_at", "ended_by", "end_note"])
    audit.record("content.crisis.end", actor=actor, obj=crisis, comment=note)
    return crisis


# Content plans --------------------------------------------------------------------------------


def period_bounds(period: str, day: date) -> tuple[date, date]:
    """The planning period of the given kind that contains `day`."""
    if period == PlanningPeriod.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if period == PlanningPeriod.HALF_YEAR:
        return (
            (date(day.year, 1, 1), date(day.year, 6, 30))
            if day.month <= 6
            else (date(day.year, 7, 1), date(day.year, 12, 31))
        )
    if period == PlanningPeriod.QUARTER:
        first = 3 * ((day.month - 1) // 3) + 1
        last = first + 2
        return date(day.year, first, 1), date(
            day.year, last, calendar.monthrange(day.year, last)[1]
        )
    return date(day.year, day.month, 1), date(
        day.year, day.month, calendar.monthrange(day.year, day.month)[1]
    )


def planning_period_of(organization: Organization) -> str:
    setting = PlanningSetting.objects.filter(organization=organization).first()
    return setting.period if setting else PlanningPeriod.MONTH


@transaction.atomic
def planning_set(*, actor: User, organization: Organization, period: str) -> PlanningSetting:
    permissions.require(actor, "content.planning.set", organization)
    if period not in PlanningPeriod.values:
        raise ValidationError({"period": _("Choose a planning period.")})
    setting, _created = PlanningSetting.objects.update_or_create(
        organization=organization, defaults={"period": period, "set_by": actor}
    )
    audit.record(
        "content.planning.set", actor=actor, obj=organization, changes={"period": [None, period]}
    )
    return setting


@transaction.atomic
def plan_create(*, actor: User, organization: Organization, day: date) -> ContentPlan:
    permissions.require(actor, "content.plan.edit", organization)
    period = planning_period_of(organization)
    starts, ends = period_bounds(period, day)
    if ContentPlan.objects.filter(
        organization=organization, starts_on=starts, ends_on=ends
    ).exists():
        raise ValidationError(_("A content plan for this period already exists."))
    plan = ContentPlan.objects.create(
        organization=organization, period=period, starts_on=starts, ends_on=ends, created_by=actor
    )
    audit.record("content.plan.create", actor=actor, obj=plan)
    return plan


def _check_item(plan: ContentPlan, fields: dict[str, Any]) -> None:
    errors = {}
    if DIRECTION_KIND.get(fields.get("direction")) != fields.get("kind"):
        errors["direction"] = _("This direction belongs to another content type.")
    if not fields.get("audiences") or set(fields["audiences"]) - set(Audience.values):
        errors["audiences"] = _("Choose at least one target audience.")
    day = fields.get("planned_on")
    if day and not plan.starts_on <= day <= plan.ends_on:
        errors["planned_on"] = _("The date is outside the plan's period.")
    accounts = fields.get("accounts") or []
    if any(a.organization_id != plan.organization_id for a in accounts):
        errors["accounts"] = _("Choose accounts of the plan's organization.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def plan_item_save(
    *, actor: User, plan: ContentPlan, item: PlanItem | None = None, **fields: Any
) -> PlanItem:
    plan = ContentPlan.objects.select_for_update().get(pk=plan.pk)
    permissions.require(actor, "content.plan.edit", plan)
    if plan.status not in (ContentPlan.Status.DRAFT, ContentPlan.Status.RETURNED):
        raise InvalidTransition(_("An approved or submitted plan cannot be changed."))
    _check_item(plan, fields)
    accounts = fields.pop("accounts", [])
    if item is None:
        item = PlanItem.objects.create(plan=plan, **fields)
    else:
        item = PlanItem.objects.get(pk=item.pk, plan=plan)
        for name, value in fields.items():
            setattr(item, name, value)
        item.save()
    item.accounts.set(accounts)
    audit.record("content.plan.item", actor=actor, obj=plan, changes={"item": [None, item.topic]})
    return item


@transaction.atomic
def plan_item_delete(*, actor: User, item: PlanItem) -> None:
    plan = ContentPlan.objects.select_for_update().get(pk=item.plan_id)
    permissions.require(actor, "content.plan.edit", plan)
    if plan.status not in (ContentPlan.Status.DRAFT, ContentPlan.Status.RETURNED):
        raise InvalidTransition(_("An approved or submitted plan cannot be changed."))
    audit.record("content.plan.item", actor=actor, obj=plan, changes={"item": [item.topic, None]})
    item.delete()


@transaction.atomic
def plan_submit(*, actor: User, plan: ContentPlan) -> ContentPlan:
    plan = ContentPlan.objects.select_for_update().get(pk=plan.pk)
    permissions.require(actor, "content.plan.edit", plan)
    if plan.status not in (ContentPlan.Status.DRAFT, ContentPlan.Status.RETURNED):
        raise InvalidTransition(_("This plan has already been submitted."))
    if not plan.items.exists():
        raise ValidationError(_("Add at least one item to the plan."))
    old, plan.status = plan.status, ContentPlan.Status.SUBMITTED
    plan.save(update_fields=["status"])
    audit.record(
        "content.plan.submit", actor=actor, obj=plan, changes={"status": [old, plan.status]}
    )
    notify(
        chairmen_of(plan.organization),
        kind="content.plan.submit",
        title=_("Approve the content plan for %(period)s"),
        params={"period": f"{plan.starts_on:%d.%m.%Y}–{plan.ends_on:%d.%m.%Y}"},
        url=reverse("content:plan_detail", args=[plan.pk]),
        actor=actor,
    )
    return plan


@transaction.atomic
def plan_decide(*, actor: User, plan: ContentPlan, approve: bool, comment: str = "") -> ContentPlan:
    plan = ContentPlan.objects.select_for_update().get(pk=plan.pk)
    permissions.require(actor, "content.plan.approve", plan)
    if plan.status != ContentPlan.Status.SUBMITTED:
        raise InvalidTransition(_("Only a submitted plan can be approved or returned."))
    if not approve and not comment.strip():
        raise ValidationError({"comment": _("Say what to revise.")})
    old = plan.status
    plan.status = ContentPlan.Status.APPROVED if approve else ContentPlan.Status.RETURNED
    plan.decided_by, plan.decided_at, plan.comment = actor, timezone.now(), comment
    plan.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    audit.record(
        "content.plan.approve" if approve else "content.plan.return",
        actor=actor,
        obj=plan,
        changes={"status": [old, plan.status]},
        comment=comment,
    )
    if plan.created_by:
        notify(
            [plan.created_by],
            kind="content.plan.decided",
            title=_("The content plan is approved")
            if approve
            else _("The content plan is returned for revision"),
            body=comment,
            url=reverse("content:plan_detail", args=[plan.pk]),
            actor=actor,
        )
    return plan


# Publications -------------------------------------------------------------------------------

PUBLICATION_FIELDS = [
    "kind",
    "direction",
    "audiences",
    "language",
    "planned_at",
    "is_official_statement",
    "is_urgent",
    "crisis_position_note",
]
VERSION_FIELDS = ["title", "text_kk", "text_ru", "sources"]


def _check_publication(
    organization: Organization, fields: dict[str, Any], accounts: list[OfficialAccount]
) -> None:
    errors: dict[str, Any] = {}
    if DIRECTION_KIND.get(fields.get("direction")) != fields.get("kind"):
        errors["direction"] = _("This direction belongs to another content type.")
    if not fields.get("audiences") or set(fields["audiences"]) - set(Audience.values):
        errors["audiences"] = _("Choose at least one target audience.")
    language = fields.get("language")
    kk, ru = (fields.get("text_kk") or "").strip(), (fields.get("text_ru") or "").strip()
    if not kk and not ru:
        errors["text_kk"] = _("Write the text in Kazakh or Russian.")
    elif language == "kk" and not kk:
        errors["text_kk"] = _("The language is Kazakh: write the Kazakh text.")
    elif language == "ru" and not ru:
        errors["text_ru"] = _("The language is Russian: write the Russian text.")
    elif language == "both" and not (kk and ru):
        errors["text_ru" if kk else "text_kk"] = _("The language is both: write both texts.")
    if not accounts:
        errors["accounts"] = _("Choose at least one official account.")
    for account in accounts:
        if account.organization_id != organization.pk:
            errors["accounts"] = _("Choose accounts of the publication's organization.")
        elif account.status != AccountStatus.ACTIVE:
            errors["accounts"] = _("%(account)s is not active.") % {"account": account}
        elif (
            account.languages != "both"
            and language in ("kk", "ru", "both")
            and account.languages != language
        ):
            errors["accounts"] = _(
                "%(account)s publishes in another language than this publication."
            ) % {"account": account}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def publication_create(
    *,
    actor: User,
    organization: Organization,
    accounts: list[OfficialAccount],
    plan_item: PlanItem | None = None,
    **fields: Any,
) -> Publication:
    permissions.require(actor, "content.publication.edit", organization)
    _check_publication(organization, fields, accounts)
    if plan_item is not None and plan_item.plan.organization_id != organization.pk:
        raise ValidationError({"plan_item": _("The plan item belongs to another organization.")})
    version_fields = {k: fields.pop(k, "") for k in VERSION_FIELDS}
    crisis = active_crisis_for(organization)
    publication = Publication.objects.create(
        organization=organization, author=actor, plan_item=plan_item, crisis=crisis, **fields
    )
    version = PublicationVersion.objects.create(
        publication=publication, number=1, created_by=actor, **version_fields
    )
    publication.current_version = version
    publication.save(update_fields=["current_version"])
    PublicationTarget.objects.bulk_create(
        PublicationTarget(publication=publication, account=a) for a in accounts
    )
    audit.record(
        "content.publication.create",
        actor=actor,
        obj=publication,
        changes={"title": [None, version.title]},
    )
    return publication


def _new_version(publication: Publication, actor: User) -> PublicationVersion:
    """Editing a frozen version starts the next one: a copy of its text and materials (CL8.4)."""
    old = publication.current_version
    number = (publication.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    new = PublicationVersion.objects.create(
        publication=publication,
        number=number,
        created_by=actor,
        **{k: getattr(old, k) for k in VERSION_FIELDS},
    )
    Attachment.objects.bulk_create(
        Attachment(
            version=new,
            kind=a.kind,
            file=a.file.name,
            thumbnail=a.thumbnail.name,
            original_name=a.original_name,
            size=a.size,
        )
        for a in old.attachments.all()
    )
    publication.current_version = new
    publication.save(update_fields=["current_version", "updated_at"])
    from checklist.services import on_new_version

    on_new_version(old_version=old, new_version=new, actor=actor)
    audit.record(
        "content.publication.version",
        actor=actor,
        obj=publication,
        changes={"version": [old.number, new.number]},
    )
    return new


def editable_version(publication: Publication, actor: User) -> PublicationVersion:
    """The version an edit applies to, starting a new one if the current one is frozen."""
    if publication.status not in EDITABLE:
        raise InvalidTransition(
            _("This is not possible while the publication is “%(status)s”.")
            % {"status": publication.get_status_display()}
        )
    version = publication.current_version
    return _new_version(publication, actor) if version.is_frozen else version


@transaction.atomic
def publication_edit(
    *,
    actor: User,
    publication: Publication,
    accounts: list[OfficialAccount],
    expected_version: int | None = None,
    **fields: Any,
) -> Publication:
    publication = _lock(publication)
    permissions.require(actor, "content.publication.edit", publication)
    if expected_version is not None and publication.current_version.number != expected_version:
        raise InvalidTransition(_("Someone changed the publication meanwhile; reload the page."))
    _check_publication(publication.organization, fields, accounts)
    version = editable_version(publication, actor)
    before = {k: getattr(version, k) for k in VERSION_FIELDS}
    for name in VERSION_FIELDS:
        setattr(version, name, fields.pop(name, getattr(version, name)))
    version.save(update_fields=VERSION_FIELDS)
    for name, value in fields.items():
        if name not in PUBLICATION_FIELDS:
            raise ValueError(f"{name} is not an editable publication field")
        setattr(publication, name, value)
    publication.save(update_fields=[*fields, "updated_at"])
    current = {t.account_id for t in publication.targets.all()}
    wanted = {a.pk for a in accounts}
    publication.targets.filter(account_id__in=current - wanted).delete()
    PublicationTarget.objects.bulk_create(
        PublicationTarget(publication=publication, account_id=pk) for pk in wanted - current
    )
    changed = {
        k: [str(before[k])[:80], str(getattr(version, k))[:80]]
        for k in VERSION_FIELDS
        if before[k] != getattr(version, k)
    }
    audit.record("content.publication.edit", actor=actor, obj=publication, changes=changed)
    return publication


@transaction.atomic
def attachment_add(*, actor: User, publication: Publication, kind: str, upload) -> Attachment:
    publication = _lock(publication)
    permissions.require(actor, "content.publication.edit", publication)
    version = editable_version(publication, actor)
    stored = uploads.store(upload, kind)  # validates type by content, size; strips EXIF; thumbnails
    attachment = Attachment.objects.create(version=version, kind=kind, **stored)
    audit.record(
        "content.publication.edit",
        actor=actor,
        obj=publication,
        changes={"attachment": [None, attachment.original_name]},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, actor: User, attachment: Attachment) -> None:
    publication = _lock(attachment.version.publication)
    permissions.require(actor, "content.publication.edit", publication)
    version = editable_version(publication, actor)
    # After a new version was started the attachment to remove is its copy.
    target = version.attachments.filter(
        original_name=attachment.original_name, file=attachment.file.name
    ).first()
    if target is None:
        raise InvalidTransition(_("The file is no longer part of the publication."))
    audit.record(
        "content.publication.edit",
        actor=actor,
        obj=publication,
        changes={"attachment": [target.original_name, None]},
    )
    target.delete()


def version_freeze(*, version: PublicationVersion) -> PublicationVersion:
    """Called by the checklist when its final decision is signed: this version's text and
    materials may no longer change (CL8.4)."""
    if version.frozen_at is None:
        PublicationVersion.objects.filter(pk=version.pk, frozen_at__isnull=True).update(
            frozen_at=timezone.now()
        )
        version.refresh_from_db(fields=["frozen_at"])
    return version


def on_checklist_decided(
    *, version: PublicationVersion, decision: str, actor: User, comment: str = ""
) -> None:
    """The checklist's final decision (CL9) moves the publication: "revision" returns it to its
    author with the comment, "prohibited" ends it; "permitted" leaves it ready to submit."""
    publication = _lock(version.publication)
    if publication.current_version_id != version.pk:
        raise InvalidTransition(_("The checklist is not for the publication's current version."))
    old = publication.status
    if decision == "revision":
        _move(publication, S.RETURNED)
        publication.status = S.RETURNED
        action = "content.publication.return"
    elif decision == "prohibited":
        _move(publication, S.PROHIBITED)
        publication.status = S.PROHIBITED
        action = "content.publication.prohibit"
    else:
        return
    publication.save(update_fields=["status", "updated_at"])
    _record(action, actor, publication, old, comment)
    notify(
        [publication.author],
        kind=action,
        title=_("“%(title)s” is returned for revision")
        if decision == "revision"
        else _("“%(title)s” is prohibited"),
        body=comment,
        params={"title": publication.title},
        url=_url(publication),
        actor=actor,
    )


@transaction.atomic
def publication_submit(*, actor: User, publication: Publication) -> Publication:
    from checklist.selectors import permits_submission

    publication = _lock(publication)
    permissions.require(actor, "content.publication.edit", publication)
    _move(publication, S.SUBMITTED)
    if not permits_submission(publication.current_version):
        raise InvalidTransition(
            _(
                "Complete the checklist of the current version with the decision "
                "“posting permitted” first."
            )
        )
    crisis = active_crisis_for(publication.organization)
    if crisis and not publication.crisis_position_note.strip():
        raise ValidationError(
            {
                "crisis_position_note": _(
                    "A crisis is declared: say how the publication follows the agreed position."
                )
            }
        )
    old = publication.status
    publication.status, publication.crisis = S.SUBMITTED, crisis
    publication.approved_by = publication.approved_at = None
    publication.crisis_approved_by = publication.crisis_approved_at = None
    publication.save(
        update_fields=[
            "status",
            "crisis",
            "approved_by",
            "approved_at",
            "crisis_approved_by",
            "crisis_approved_at",
            "updated_at",
        ]
    )
    _record(
        "content.publication.submit",
        actor,
        publication,
        old,
        version=[None, publication.current_version.number],
    )
    recipients = list(chairmen_of(publication.organization))
    if crisis:
        recipients += list(crisis.working_group.all())
    notify(
        recipients,
        kind="content.publication.submit",
        title=_("Approve the publication “%(title)s”"),
        params={"title": publication.title},
        url=_url(publication),
        actor=actor,
    )
    return publication


@transaction.atomic
def publication_recall(*, actor: User, publication: Publication) -> Publication:
    publication = _lock(publication)
    permissions.require(actor, "content.publication.edit", publication)
    if publication.status != S.SUBMITTED:
        raise InvalidTransition(_("Only a publication awaiting approval can be recalled."))
    publication.status = S.DRAFT
    publication.save(update_fields=["status", "updated_at"])
    _record("content.publication.recall", actor, publication, S.SUBMITTED)
    return publication


def _is_working_group_member(user: User, crisis: Crisis | None) -> bool:
    return crisis is not None and crisis.working_group.filter(pk=user.pk).exists()


@transaction.atomic
def publication_approve(
    *, actor: User, publication: Publication, version_number: int, comment: str = ""
) -> Publication:
    """The head of the body approves (R6.2); an official statement needs the authorized body's
    approval recorded first (R6.3); in a crisis a working-group member approves too (R10)."""
    publication = _lock(publication)
    is_head = permissions.can(actor, "content.publication.approve", publication)
    in_group = _is_working_group_member(actor, publication.crisis) and publication.crisis.is_active
    if not (is_head or in_group):
        raise PermissionDenied
    _move(publication, S.APPROVED)
    if publication.current_version.number != version_number:
        raise InvalidTransition(
            _("The publication changed after you opened it; read the new version first.")
        )
    if (
        publication.is_official_statement
        and not StatementApproval.objects.filter(publication=publication).exists()
    ):
        raise InvalidTransition(
            _(
                "An official statement needs the approval of the authorized union body "
                "recorded first (R6.3)."
            )
        )
    now = timezone.now()
    fields = ["updated_at"]
    if is_head and publication.approved_by_id is None:
        publication.approved_by, publication.approved_at = actor, now
        fields += ["approved_by", "approved_at"]
        action = "content.publication.approve_head"
    elif in_group and publication.crisis_approved_by_id is None:
        publication.crisis_approved_by, publication.crisis_approved_at = actor, now
        fields += ["crisis_approved_by", "crisis_approved_at"]
        action = "content.publication.approve_crisis"
    else:
        raise InvalidTransition(_("You have already approved this publication."))
    needs_group = publication.crisis_id is not None and publication.crisis.is_active
    old = publication.status
    if publication.approved_by_id and (not needs_group or publication.crisis_approved_by_id):
        publication.status = S.APPROVED
        fields.append("status")
        action = "content.publication.approve"
    publication.save(update_fields=fields)
    _record(action, actor, publication, old, comment)
    if publication.status == S.APPROVED:
        notify(
            [publication.author],
            kind="content.publication.approve",
            title=_("“%(title)s” is approved: publish it"),
            body=comment,
            params={"title": publication.title},
            url=_url(publication),
            actor=actor,
        )
    return publication


@transaction.atomic
def publication_decline(
    *, actor: User, publication: Publication, prohibit: bool, comment: str
) -> Publication:
    """Return for revision, or prohibit, with the head's comments."""
    publication = _lock(publication)
    is_head = permissions.can(actor, "content.publication.approve", publication)
    in_group = _is_working_group_member(actor, publication.crisis) and publication.crisis.is_active
    if not (is_head or in_group):
        raise PermissionDenied
    to = S.PROHIBITED if prohibit else S.RETURNED
    if publication.status != S.SUBMITTED:
        raise InvalidTransition(
            _("Only a publication awaiting approval can be returned or prohibited.")
        )
    if not comment.strip():
        raise ValidationError({"comment": _("Say why.")})
    old, publication.status = publication.status, to
    publication.save(update_fields=["status", "updated_at"])
    action = "content.publication.prohibit" if prohibit else "content.publication.return"
    _record(action, actor, publication, old, comment)
    notify(
        [publication.author],
        kind=action,
        title=_("“%(title)s” is prohibited")
        if prohibit
        else _("“%(title)s” is returned for revision"),
        body=comment,
        params={"title": publication.title},
        url=_url(publication),
        actor=actor,
    )
    return publication


@transaction.atomic
def statement_approval_record(
    *,
    actor: User,
    publication: Publication,
    body: str,
    decision_number: str,
    decision_date: date,
    document,
) -> StatementApproval:
    publication = _lock(publication)
    if not (
        permissions.can(actor, "content.publication.edit", publication)
        or permissions.can(actor, "content.publication.approve", publication)
    ):
        raise PermissionDenied
    if not publication.is_official_statement:
        raise InvalidTransition(_("This publication is not an official statement."))
    if decision_date > timezone.localdate():
        raise ValidationError({"decision_date": _("The date cannot be in the future.")})
    approval = StatementApproval(
        publication=publication,
        body=body,
        decision_number=decision_number,
        decision_date=decision_date,
        document=document,
        recorded_by=actor,
    )
    approval.full_clean(exclude=["publication"])
    StatementApproval.objects.filter(publication=publication).delete()
    approval.save()
    audit.record(
        "content.statement.approve",
        actor=actor,
        obj=publication,
        changes={"decision": [None, f"{body} № {decision_number}"]},
    )
    return approval


def _set_links(publication: Publication, links: dict[int, str], when: datetime) -> None:
    targets = {t.account_id: t for t in publication.targets.all()}
    if not any((links.get(pk) or "").strip() for pk in targets):
        raise ValidationError({"links": _("Paste the link of the post on at least one account.")})
    for pk, target in targets.items():
        link = (links.get(pk) or "").strip()
        if link:
            target.post_url, target.published_at = link, when
            target.full_clean(exclude=["publication", "account"])
            target.save(update_fields=["post_url", "published_at"])


@transaction.atomic
def publication_publish(
    *, actor: User, publication: Publication, links: dict[int, str]
) -> Publication:
    """Record that an approved publication went out: per account, the post's link and time."""
    publication = _lock(publication)
    permissions.require(actor, "content.publication.publish", publication)
    _move(publication, S.PUBLISHED)
    if publication.status != S.APPROVED:
        raise InvalidTransition(
            _("Only an approved publication can be published; urgent ones have their own button.")
        )
    now = timezone.now()
    _set_links(publication, links, now)
    old, publication.status, publication.published_at = publication.status, S.PUBLISHED, now
    publication.save(update_fields=["status", "published_at", "updated_at"])
    _record("content.publication.publish", actor, publication, old)
    return publication


@transaction.atomic
def publication_publish_urgent(
    *, actor: User, publication: Publication, links: dict[int, str], reason: str
) -> Publication:
    """R6.4: an urgent message goes out at once; the head is told immediately and acknowledges
    afterwards."""
    publication = _lock(publication)
    permissions.require(actor, "content.publication.publish", publication)
    if not publication.is_urgent:
        raise InvalidTransition(_("Only a publication marked urgent can skip approval."))
    _move(publication, S.PUBLISHED)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why it cannot wait for approval.")})
    now = timezone.now()
    _set_links(publication, links, now)
    old, publication.status, publication.published_at = publication.status, S.PUBLISHED, now
    publication.save(update_fields=["status", "published_at", "updated_at"])
    _record("content.publication.publish_urgent", actor, publication, old, reason)
    notify(
        chairmen_of(publication.organization),
        kind="content.publication.urgent",
        title=_("Urgent message published without approval: “%(title)s”"),
        body=reason,
        params={"title": publication.title},
        url=_url(publication),
        actor=actor,
    )
    return publication


@transaction.atomic
def publication_acknowledge(
    *, actor: User, publication: Publication, comment: str = ""
) -> Publication:
    publication = _lock(publication)
    permissions.require(actor, "content.publication.acknowledge", publication)
    if (
        not publication.is_urgent
        or publication.status not in (S.PUBLISHED, S.WITHDRAWN)
        or publication.approved_by_id
    ):
        raise InvalidTransition(
            _("Only an urgent message published without approval is acknowledged.")
        )
    if publication.acknowledged_at:
        raise InvalidTransition(_("This urgent message has already been acknowledged."))
    publication.acknowledged_by, publication.acknowledged_at = actor, timezone.now()
    publication.save(update_fields=["acknowledged_by", "acknowledged_at", "updated_at"])
    _record("content.publication.acknowledge", actor, publication, publication.status, comment)
    return publication


@transaction.atomic
def publication_withdraw(*, actor: User, publication: Publication, reason: str) -> Publication:
    publication = _lock(publication)
    permissions.require(actor, "content.publication.withdraw", publication)
    _move(publication, S.WITHDRAWN)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the publication is withdrawn.")})
    old, publication.status, publication.withdrawn_reason = publication.status, S.WITHDRAWN, reason
    publication.save(update_fields=["status", "withdrawn_reason", "updated_at"])
    _record("content.publication.withdraw", actor, publication, old, reason)
    return publication


# Moderation log -------------------------------------------------------------------------------


@transaction.atomic
def moderation_record(*, actor: User, account: OfficialAccount, **fields: Any) -> ModerationAction:
    permissions.require(actor, "content.moderation.record", account)
    action = ModerationAction(account=account, recorded_by=actor, **fields)
    if (
        action.action
        in (ModerationAction.Action.COMMENT_DELETED, ModerationAction.Action.PUBLICATION_DELETED)
        and not action.ground
    ):
        raise ValidationError({"ground": _("Give the ground for deleting.")})
    if action.action == ModerationAction.Action.CRITICISM_ANSWERED and not action.link:
        raise ValidationError({"link": _("Paste the link to the answer.")})
    if action.occurred_on and action.occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("The date cannot be in the future.")})
    action.full_clean()
    action.save()
    audit.record(
        "content.moderation.record",
        actor=actor,
        obj=account,
        changes={"moderation": [None, action.action]},
    )
    return action

"""Publications: drafts, versions and materials (CL8.4), and every step of their approval through
`publication_workflow` (content/workflows.py) — the guards of R4, R6 and R10 live in
content/guards.py, CL1 in the checklist app. The functions below are the entry points views and
other apps call; each transition goes through `publication_workflow.perform`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import archive, audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization, User
from accounts.notifications import notify
from accounts.selectors import chairmen_of
from accounts.workflow import Step
from registry.models import AccountStatus, OfficialAccount

from . import guards, uploads
from .crises import active_crisis_for
from .models import (
    Attachment,
    PlanItem,
    Publication,
    PublicationStatus,
    PublicationTarget,
    PublicationVersion,
    StatementApproval,
)
from .taxonomy import DIRECTION_KIND, Audience
from .workflows import EDITABLE, new_version_created, publication_workflow

S = PublicationStatus

for _name, _label in (
    ("content.publication.create", _("Publication created")),
    ("content.publication.edit", _("Publication edited")),
    ("content.publication.version", _("New publication version")),
    ("content.publication.freeze", _("Publication version frozen")),
    ("content.publication.approve_head", _("Publication approved by the head")),
    ("content.publication.approve_crisis", _("Publication approved by the working group")),
    ("content.statement.approve", _("Official statement approval recorded")),
):
    audit.register(_name, _label)


def _url(publication: Publication) -> str:
    return reverse("content:publication_detail", args=[publication.pk])


def _lock(publication: Publication) -> Publication:
    return publication_workflow.lock(publication)


# Drafts and versions ------------------------------------------------------------------------

PUBLICATION_FIELDS = [
    "kind",
    "direction",
    "audiences",
    "language",
    "planned_at",
    "unplanned_reason",
    "is_official_statement",
    "is_urgent",
    "crisis_position_note",
]
VERSION_FIELDS = ["title", "text_kk", "text_ru", "sources"]
# R6.1: a publication made from a plan item carries what the plan fixed.
FROM_PLAN = ["kind", "direction", "audiences", "language"]


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
    if fields.get("is_official_statement") and fields.get("is_urgent"):
        errors["is_urgent"] = _(
            "An official statement is published only after the authorized union body approves "
            "it; it cannot go out as an urgent message."
        )
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
                "%(account)s publishes in %(language)s only: keep the text in that language."
            ) % {"account": account, "language": account.get_languages_display().lower()}
    if errors:
        raise ValidationError(errors)


def _from_plan_item(plan_item: PlanItem, fields: dict[str, Any]) -> None:
    """R6.1: the plan item fixes the type, direction, audience and language; its date is the
    publication's planned date unless a time on that day was chosen."""
    for name in FROM_PLAN:
        fields[name] = getattr(plan_item, name)
    planned = fields.get("planned_at")
    if planned is None or timezone.localtime(planned).date() != plan_item.planned_on:
        fields["planned_at"] = timezone.make_aware(datetime.combine(plan_item.planned_on, time(10)))
    fields["unplanned_reason"] = ""


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
    if plan_item is not None:
        if plan_item.plan.organization_id != organization.pk:
            raise ValidationError(
                {"plan_item": _("The plan item belongs to another organization.")}
            )
        _from_plan_item(plan_item, fields)
        if not (fields.get("title") or "").strip():
            fields["title"] = plan_item.topic
    _check_publication(organization, fields, accounts)
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
    new_version_created(old_version=old, new_version=new, actor=actor)
    audit.record(
        "content.publication.version",
        actor=actor,
        obj=publication,
        changes={"version": [old.number, new.number]},
    )
    return new


def editable_version(publication: Publication, actor: User) -> PublicationVersion:
    """The version an edit applies to, starting a new one if the current one is frozen."""
    archive.ensure_active(publication)  # an archived publication is not edited (issue 12, 5)
    if publication.status not in EDITABLE:
        raise InvalidTransition(publication_workflow.not_now(publication))
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
    archive.ensure_active(publication)  # before the form's checks: say what holds it back
    if expected_version is not None and publication.current_version.number != expected_version:
        raise InvalidTransition(_("Someone changed the publication meanwhile; reload the page."))
    if publication.plan_item_id:
        _from_plan_item(publication.plan_item, fields)
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
    archive.ensure_active(publication)
    if not publication.is_official_statement:
        raise InvalidTransition(_("This publication is not an official statement."))
    if publication.status not in (S.DRAFT, S.RETURNED, S.SUBMITTED):
        raise InvalidTransition(publication_workflow.not_now(publication))
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


# Effects of the workflow's transitions ---------------------------------------------------------


def _clear_approvals(publication: Publication, step: Step) -> None:
    publication.approved_by = publication.approved_at = None
    publication.crisis_approved_by = publication.crisis_approved_at = None
    step.update_fields |= {"approved_by", "approved_at", "crisis_approved_by", "crisis_approved_at"}


@publication_workflow.effect("submit")
def _submit(step: Step) -> None:
    publication = step.obj
    crisis = active_crisis_for(publication.organization)
    publication.crisis = crisis
    step.update_fields.add("crisis")
    _clear_approvals(publication, step)
    step.changes["version"] = [None, publication.current_version.number]
    recipients = list(chairmen_of(publication.organization))
    if crisis:
        recipients += list(crisis.working_group.all())
    notify(
        recipients,
        kind="content.publication.submit",
        title=_("Approve the publication “%(title)s”"),
        params={"title": publication.title},
        url=_url(publication),
        actor=step.actor,
    )


@publication_workflow.effect("approve")
def _approve(step: Step) -> None:
    """The head of the body approves (R6.2); in a crisis a working-group member approves too
    (R10.2); the publication is approved when every approval it needs is given."""
    publication, actor = step.obj, step.actor
    number = step.data.get("version_number")
    if number is not None and publication.current_version.number != number:
        raise InvalidTransition(
            _("The publication changed after you opened it; read the new version first.")
        )
    now = timezone.now()
    if guards.gives_head_approval(actor, publication):
        publication.approved_by, publication.approved_at = actor, now
        step.update_fields |= {"approved_by", "approved_at"}
        step.audit_action = "content.publication.approve_head"
    else:
        publication.crisis_approved_by, publication.crisis_approved_at = actor, now
        step.update_fields |= {"crisis_approved_by", "crisis_approved_at"}
        step.audit_action = "content.publication.approve_crisis"
    needs_group = publication.crisis_id is not None and publication.crisis.is_active
    if publication.approved_by_id and (not needs_group or publication.crisis_approved_by_id):
        step.audit_action = "content.publication.approve"
        notify(
            [publication.author],
            kind="content.publication.approve",
            title=_("“%(title)s” is approved: publish it"),
            body=step.comment,
            params={"title": publication.title},
            url=_url(publication),
            actor=actor,
        )
    else:
        step.target = None  # one of two approvals: still awaiting the other


def _declined(step: Step) -> None:
    publication = step.obj
    if step.transition.form != "internal" and not step.comment.strip():
        raise ValidationError({"comment": _("Say why.")})
    prohibited = step.target == S.PROHIBITED
    notify(
        [publication.author],
        kind=step.audit_action,
        title=_("“%(title)s” is prohibited")
        if prohibited
        else _("“%(title)s” is returned for revision"),
        body=step.comment,
        params={"title": publication.title},
        url=_url(publication),
        actor=step.actor,
    )


for _action in ("return", "prohibit", "checklist_return", "checklist_prohibit"):
    publication_workflow.effect(_action)(_declined)


# Who publishes by itself on some accounts (channels registers its connected Telegram
# accounts): a function of a publication giving the ids of such target accounts. A person who
# publishes need not paste a link for those: the connector records it when the post is out.
AUTO_PUBLISHED: list[Callable[[Publication], set[int]]] = []


def auto_published_accounts(publication: Publication) -> set[int]:
    ids: set[int] = set()
    for accounts_of in AUTO_PUBLISHED:
        ids |= accounts_of(publication)
    return ids


def _set_links(step: Step, when: datetime) -> None:
    publication = step.obj
    links: dict[int, str] = step.data.get("links") or {}
    targets = {t.account_id: t for t in publication.targets.all()}
    typed = any((links.get(pk) or "").strip() for pk in targets)
    if not typed and not (set(targets) & auto_published_accounts(publication)):
        raise ValidationError({"links": _("Paste the link of the post on at least one account.")})
    for pk, target in targets.items():
        link = (links.get(pk) or "").strip()
        if link:
            target.post_url, target.published_at = link, when
            target.full_clean(exclude=["publication", "account"])
            target.save(update_fields=["post_url", "published_at"])


def _record_crisis_approval(step: Step) -> None:
    """R10.2: a working-group member who publishes during a crisis gives the group's approval
    (the guards let only such a member, or an already confirmed publication, through)."""
    publication = step.obj
    crisis = active_crisis_for(publication.organization)
    if crisis is None:
        return
    if publication.crisis_id != crisis.pk or not publication.crisis_approved_by_id:
        publication.crisis = crisis
        publication.crisis_approved_by, publication.crisis_approved_at = step.actor, timezone.now()
        step.update_fields |= {"crisis", "crisis_approved_by", "crisis_approved_at"}


@publication_workflow.effect("publish")
def _publish(step: Step) -> None:
    now = timezone.now()
    _set_links(step, now)
    _record_crisis_approval(step)
    step.obj.published_at = now
    step.update_fields.add("published_at")


@publication_workflow.effect("publish_urgent")
def _publish_urgent(step: Step) -> None:
    """R6.4: an urgent message goes out at once; the head is told immediately and acknowledges
    afterwards."""
    publication = step.obj
    if not step.comment.strip():
        raise ValidationError({"reason": _("Say why it cannot wait for approval.")})
    now = timezone.now()
    _set_links(step, now)
    _record_crisis_approval(step)
    publication.published_at = now
    step.update_fields.add("published_at")
    notify(
        chairmen_of(publication.organization),
        kind="content.publication.urgent",
        title=_("Urgent message published without approval: “%(title)s”"),
        body=step.comment,
        params={"title": publication.title},
        url=_url(publication),
        actor=step.actor,
    )


@publication_workflow.effect("acknowledge")
def _acknowledge(step: Step) -> None:
    publication = step.obj
    publication.acknowledged_by, publication.acknowledged_at = step.actor, timezone.now()
    step.update_fields |= {"acknowledged_by", "acknowledged_at"}


@publication_workflow.effect("withdraw")
def _withdraw(step: Step) -> None:
    if not step.comment.strip():
        raise ValidationError({"reason": _("Say why the publication is withdrawn.")})
    step.obj.withdrawn_reason = step.comment
    step.update_fields.add("withdrawn_reason")


@publication_workflow.effect("crisis_confirm")
def _crisis_confirm(step: Step) -> None:
    """R10.2: a working-group member confirms that the publication follows the agreed position
    (for an urgent message before it goes out, for one approved before the crisis began)."""
    publication = step.obj
    note = str(step.data.get("note") or publication.crisis_position_note or "").strip()
    if not note:
        raise ValidationError({"note": _("Say how the publication follows the agreed position.")})
    publication.crisis = active_crisis_for(publication.organization)
    publication.crisis_position_note = note
    publication.crisis_approved_by, publication.crisis_approved_at = step.actor, timezone.now()
    step.update_fields |= {
        "crisis",
        "crisis_position_note",
        "crisis_approved_by",
        "crisis_approved_at",
    }
    step.comment = note


# Entry points -----------------------------------------------------------------------------------


def publication_submit(*, actor: User, publication: Publication) -> Publication:
    return publication_workflow.perform(actor, publication, "submit")


def publication_recall(*, actor: User, publication: Publication) -> Publication:
    return publication_workflow.perform(actor, publication, "recall")


def publication_approve(
    *, actor: User, publication: Publication, version_number: int, comment: str = ""
) -> Publication:
    return publication_workflow.perform(
        actor, publication, "approve", version_number=version_number, comment=comment
    )


def publication_decline(
    *, actor: User, publication: Publication, prohibit: bool, comment: str
) -> Publication:
    return publication_workflow.perform(
        actor, publication, "prohibit" if prohibit else "return", comment=comment
    )


def publication_publish(
    *, actor: User, publication: Publication, links: dict[int, str]
) -> Publication:
    return publication_workflow.perform(actor, publication, "publish", links=links)


def publication_publish_urgent(
    *, actor: User, publication: Publication, links: dict[int, str], reason: str
) -> Publication:
    return publication_workflow.perform(
        actor, publication, "publish_urgent", links=links, reason=reason
    )


def publication_acknowledge(
    *, actor: User, publication: Publication, comment: str = ""
) -> Publication:
    return publication_workflow.perform(actor, publication, "acknowledge", comment=comment)


def publication_withdraw(*, actor: User, publication: Publication, reason: str) -> Publication:
    return publication_workflow.perform(actor, publication, "withdraw", reason=reason)


def publication_crisis_confirm(
    *, actor: User, publication: Publication, note: str = ""
) -> Publication:
    return publication_workflow.perform(actor, publication, "crisis_confirm", note=note)

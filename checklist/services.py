"""Every write to a checklist, one function each. Each checks permission itself (so a direct call
is as safe as a view), locks the publication version and its checklist, validates, saves with its
audit entry in one transaction, and queues notifications for after the commit.

Refusals: `ValidationError` for bad input (the view shows the message), `InvalidTransition` when
the checklist is frozen or its version is no longer current, `PermissionDenied` for a role that
may not act at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Membership, Role, User
from accounts.notifications import notify

from .models import (
    Answer,
    Checklist,
    Decision,
    Route,
    TemplateItem,
    TemplateSection,
    TemplateVersion,
)

for _name, _label in (
    ("checklist.answer", _("Checklist answers saved")),
    ("checklist.route", _("Checklist items routed to a lawyer")),
    ("checklist.decide", _("Checklist final decision signed")),
    ("checklist.copy", _("Checklist answers copied to the new version")),
    ("checklist.template.copy", _("Checklist template draft created")),
    ("checklist.template.publish", _("Checklist template version published")),
):
    audit.register(_name, _label)

FROZEN = _("The checklist is completed and frozen: nothing can be changed.")
NOT_CURRENT = _("Only the checklist of the publication's current version can be changed.")
# Accepted as the comment of a CL6 N/A when the version has no photos, videos or graphics.
NO_VISUALS = _("The publication has no visual materials.")


def checklist_url(version) -> str:
    return reverse("checklist:detail", args=[version.pk])


def _locked(version, *, actor: User | None = None, create: bool = False) -> Checklist | None:
    """Lock the version and its checklist (creating the checklist against the current template
    when asked) and refuse if either can no longer change."""
    from content.models import Publication, PublicationVersion

    # Publication first, then version, then checklist: the order content's services lock in.
    Publication.objects.select_for_update().filter(pk=version.publication_id).first()
    version = (
        PublicationVersion.objects.select_for_update()
        .select_related("publication__organization")
        .get(pk=version.pk)
    )
    checklist = (
        Checklist.objects.select_for_update().select_related("template").filter(version=version)
    ).first()
    if checklist is not None and checklist.is_completed:
        raise InvalidTransition(FROZEN)
    if version.is_frozen:
        raise InvalidTransition(FROZEN)
    if version.publication.current_version_id != version.pk:
        raise InvalidTransition(NOT_CURRENT)
    if checklist is None and create:
        template = TemplateVersion.objects.current()
        if template is None:
            raise InvalidTransition(_("No checklist template has been published yet."))
        try:
            with transaction.atomic():
                checklist = Checklist.objects.create(
                    version=version, template=template, created_by=actor
                )
        except IntegrityError:  # started by someone else a moment ago
            checklist = Checklist.objects.select_for_update().get(version=version)
    if checklist is not None:
        checklist.version = version
    return checklist


def check_answer(item: TemplateItem, value: str, comment: str, *, has_visuals: bool) -> str:
    """The rules of one answer (issue 5, point 2); returns the comment to store."""
    comment = (comment or "").strip()
    if value not in Answer.Value.values:
        raise ValidationError(_("Choose yes, no or not applicable."), code="value")
    if value == Answer.Value.NOT_APPLICABLE and not item.allows_not_applicable(has_visuals):
        raise ValidationError(
            _("Item %(code)s cannot be answered “not applicable”."),
            code="not_applicable",
            params={"code": item.code},
        )
    if value != Answer.Value.YES and not comment:
        if value == Answer.Value.NOT_APPLICABLE and item.section.code == "CL6" and not has_visuals:
            return str(NO_VISUALS)
        raise ValidationError(
            _("Item %(code)s: a “no” or “not applicable” needs a short comment."),
            code="comment",
            params={"code": item.code},
        )
    return comment


@transaction.atomic
def answers_save(
    *, version, actor: User, answers: Mapping[int, tuple[str, str]]
) -> tuple[Checklist, list[Answer]]:
    """Save answers {item id: (value, comment)} to the version's checklist, all or nothing.
    Administrators answer every item not routed to a lawyer; a lawyer answers only the items
    routed to them, under their own name."""
    checklist = Checklist(version=version)  # for the permission check before anything is locked
    if not (
        permissions.can(actor, "checklist.fill", checklist)
        or permissions.can(actor, "checklist.legal_answer", checklist)
    ):
        raise PermissionDenied
    checklist = _locked(version, actor=actor, create=True)
    version = checklist.version
    items = {
        i.pk: i
        for i in TemplateItem.objects.filter(
            section__template=checklist.template, pk__in=list(answers)
        ).select_related("section")
    }
    routes = {r.item_id: r for r in checklist.routes.select_related("lawyer")}
    existing = {a.item_id: a for a in checklist.answers.all()}
    may_fill = permissions.can(actor, "checklist.fill", checklist)
    has_visuals = version.has_visual_materials
    errors: dict[str, list] = {}
    now = timezone.now()
    saved: list[Answer] = []
    changes: dict[str, list] = {}
    for item_id, (value, comment) in answers.items():
        item = items.get(item_id)
        if item is None:
            raise ValidationError(_("This item is not part of the checklist."))
        route = routes.get(item.pk)
        key = f"item_{item.pk}"
        if route is not None and route.lawyer_id != actor.pk:
            errors[key] = [
                ValidationError(
                    _("Item %(code)s is routed to %(lawyer)s; only they answer it."),
                    params={"code": item.code, "lawyer": route.lawyer.get_full_name()},
                )
            ]
            continue
        if route is None and not may_fill:
            errors[key] = [
                ValidationError(
                    _("Item %(code)s is not routed to you for legal review."),
                    params={"code": item.code},
                )
            ]
            continue
        try:
            comment = check_answer(item, value, comment, has_visuals=has_visuals)
        except ValidationError as error:
            errors[key] = [error]
            continue
        answer = existing.get(item.pk)
        if (
            answer is not None
            and (answer.value, answer.comment) == (value, comment)
            and not answer.copied
            and answer.answered_by_id == actor.pk
        ):
            continue  # unchanged; a copied or someone else's answer re-given becomes this one's
        old = [answer.value, answer.comment] if answer else [None, None]
        if answer is None:
            answer = Answer(checklist=checklist, item=item)
        answer.value, answer.comment = value, comment
        answer.answered_by, answer.answered_at, answer.copied = actor, now, False
        answer.save()
        if route is not None:
            route.answered_at = now
            route.save(update_fields=["answered_at"])
        changes[item.code] = [old, [value, comment]]
        saved.append(answer)
    if errors:
        raise ValidationError(errors)
    if saved:
        Checklist.objects.filter(pk=checklist.pk).update(updated_at=now)
        audit.record("checklist.answer", actor=actor, obj=checklist, changes=changes)
        _tell_routers_when_the_lawyer_is_done(checklist, actor, routes)
    return checklist, saved


def _tell_routers_when_the_lawyer_is_done(checklist, actor, routes) -> None:
    mine = [r for r in routes.values() if r.lawyer_id == actor.pk]
    if not mine or any(r.answered_at is None for r in mine):
        return
    routers = User.objects.filter(pk__in={r.routed_by_id for r in mine if r.routed_by_id})
    notify(
        routers,
        kind="checklist.legal_answered",
        title=_("The lawyer answered the checklist of “%(title)s”"),
        body=_("%(lawyer)s answered the items routed to them (%(codes)s)."),
        params={
            "title": checklist.version.title,
            "lawyer": actor.get_full_name(),
            "codes": ", ".join(r.item.code for r in mine),
        },
        url=checklist_url(checklist.version),
        actor=actor,
    )


def is_lawyer_for(lawyer: User, organization) -> bool:
    """A lawyer of the organization itself or of any organization above it (issue 5, point 5)."""
    return lawyer.is_active and Role.LAWYER in permissions.roles_on(lawyer, organization)


@transaction.atomic
def route_items(
    *, version, actor: User, lawyer: User, items: Iterable[TemplateItem], note: str = ""
) -> list[Route]:
    """Route items (the legal section CL2, CL8.2 or any single items) to a lawyer of the
    organization or of a higher one; an item already routed goes to the new lawyer."""
    permissions.require(actor, "checklist.route", Checklist(version=version))
    checklist = _locked(version, actor=actor, create=True)
    organization = checklist.version.publication.organization
    if not is_lawyer_for(lawyer, organization):
        raise ValidationError(
            {"lawyer": _("Choose a lawyer of this organization or of a higher organization.")}
        )
    items = [i for i in items if i.section.template_id == checklist.template_id]
    if not items:
        raise ValidationError({"items": _("Choose the items for the lawyer.")})
    now = timezone.now()
    routes = []
    for item in items:
        route, _created = Route.objects.update_or_create(
            checklist=checklist,
            item=item,
            defaults={
                "lawyer": lawyer,
                "note": note.strip(),
                "routed_by": actor,
                "routed_at": now,
                "answered_at": None,
            },
        )
        routes.append(route)
    codes = ", ".join(i.code for i in items)
    audit.record(
        "checklist.route",
        actor=actor,
        obj=checklist,
        changes={"lawyer": [None, lawyer.get_full_name()], "items": [None, codes]},
        comment=note,
    )
    notify(
        [lawyer],
        kind="checklist.routed",
        title=_("Legal review of the checklist of “%(title)s”"),
        body=_("%(actor)s asks you to answer items %(codes)s."),
        params={"title": checklist.version.title, "actor": actor.get_full_name(), "codes": codes},
        url=checklist_url(checklist.version),
        actor=actor,
    )
    return routes


def _position_of(actor: User, organization) -> str:
    memberships = Membership.objects.filter(
        user=actor, organization=organization, role__in=[Role.CHAIRMAN, Role.ADMINISTRATOR]
    ).order_by("role")  # "administrator" < "chairman": the role the person acts in here
    for membership in memberships:
        if membership.position:
            return membership.position
    first = memberships.first()
    return str(first.get_role_display()) if first else ""


@transaction.atomic
def decide(
    *, version, actor: User, decision: str, comment: str = "", password: str = ""
) -> Checklist:
    """CL9: the responsible person's final decision, confirmed by re-entering their password
    (the "signature"). The checklist is then completed and its version frozen; content moves
    the publication on (permitted → ready to submit, revision → back to the author,
    prohibited → ended)."""
    permissions.require(actor, "checklist.decide", Checklist(version=version))
    checklist = _locked(version, actor=actor, create=False)
    if checklist is None:
        raise ValidationError(_("Answer the checklist's items before the final decision."))
    comment = (comment or "").strip()
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose the final decision.")})
    if not password or not actor.check_password(password):
        raise ValidationError({"password": _("The password is not correct.")})
    items = TemplateItem.objects.filter(section__template=checklist.template)
    answered = dict(checklist.answers.values_list("item_id", "value"))
    missing = [i.code for i in items.only("code") if i.pk not in answered]
    if missing:
        raise ValidationError(
            _("Answer every item before the final decision; unanswered: %(codes)s."),
            params={"codes": ", ".join(missing)},
        )
    pending = list(
        checklist.routes.filter(answered_at__isnull=True).values_list("item__code", flat=True)
    )
    if pending:
        raise ValidationError(
            _("The lawyer has not answered items %(codes)s yet."),
            params={"codes": ", ".join(sorted(pending))},
        )
    if decision == Decision.PERMITTED and Answer.Value.NO in answered.values():
        raise ValidationError(
            {"decision": _("Posting cannot be permitted while an item is answered “no”.")}
        )
    if decision != Decision.PERMITTED and not comment:
        raise ValidationError(
            {"comment": _("Say what must change, or why the posting is prohibited.")}
        )
    now = timezone.now()
    checklist.status = Checklist.Status.COMPLETED
    checklist.decision = decision
    checklist.decision_comment = comment
    checklist.responsible_name = actor.get_full_name()
    checklist.responsible_position = _position_of(actor, version.publication.organization)
    checklist.decided_by = actor
    checklist.decided_at = now
    checklist.signature_method = "password"
    checklist.save(
        update_fields=[
            "status",
            "decision",
            "decision_comment",
            "responsible_name",
            "responsible_position",
            "decided_by",
            "decided_at",
            "signature_method",
            "updated_at",
        ]
    )
    audit.record(
        "checklist.decide",
        actor=actor,
        obj=checklist,
        changes={"status": ["in_progress", "completed"], "decision": [None, decision]},
        comment=comment,
    )
    # Imported here: content imports this module, and owns the publication's states.
    from content.services import on_checklist_decided, version_freeze

    version_freeze(version=checklist.version)
    on_checklist_decided(version=checklist.version, decision=decision, actor=actor, comment=comment)
    return checklist


@transaction.atomic
def on_new_version(*, old_version, new_version, actor: User) -> None:
    """Content calls this, inside its transaction, when an edit of a frozen version creates the
    next one: the old answers become the starting point of a NEW, in-progress checklist of the
    new version (issue 5, point 4) — never a completed one, no decision, no routes. Items are
    matched by code against the current template, so a newer template's items start empty."""
    old = Checklist.objects.filter(version=old_version).first()
    if old is None or Checklist.objects.filter(version=new_version).exists():
        return
    template = TemplateVersion.objects.current() or old.template
    checklist = Checklist.objects.create(
        version=new_version, template=template, created_by=actor, copied_from=old
    )
    by_code = {i.code: i for i in TemplateItem.objects.filter(section__template=template)}
    copies = []
    for answer in old.answers.select_related("item"):
        item = by_code.get(answer.item.code)
        if item is None:
            continue
        copies.append(
            Answer(
                checklist=checklist,
                item=item,
                value=answer.value,
                comment=answer.comment,
                answered_by_id=answer.answered_by_id,
                answered_at=answer.answered_at,
                copied=True,
            )
        )
    Answer.objects.bulk_create(copies)
    audit.record(
        "checklist.copy",
        actor=actor,
        obj=checklist,
        changes={"copied_from": [None, old.pk], "answers": [None, len(copies)]},
    )


# --- Template versions (superusers, through the admin) ---------------------------------------


@transaction.atomic
def template_copy(*, template: TemplateVersion, actor: User) -> TemplateVersion:
    """A new draft version with the same sections and items, to edit before publishing."""
    permissions.require(actor, "checklist.template.manage")
    number = (
        TemplateVersion.objects.order_by("-number").values_list("number", flat=True)[:1] or [0]
    )[0]
    draft = TemplateVersion.objects.create(number=number + 1)
    for section in template.sections.prefetch_related("items"):
        items = list(section.items.all())
        section.pk, section.template = None, draft
        section.save()
        for item in items:
            item.pk, item.section = None, section
        TemplateItem.objects.bulk_create(items)
    audit.record(
        "checklist.template.copy", actor=actor, obj=draft, changes={"from": [None, template.number]}
    )
    return draft


@transaction.atomic
def template_publish(*, template: TemplateVersion, actor: User) -> TemplateVersion:
    """Publish a draft: new checklists are filled against it; filled ones keep theirs."""
    permissions.require(actor, "checklist.template.manage")
    template = TemplateVersion.objects.select_for_update().get(pk=template.pk)
    if template.is_published:
        raise InvalidTransition(_("This version is already published."))
    codes = list(
        TemplateItem.objects.filter(section__template=template).values_list("code", flat=True)
    )
    if not codes:
        raise ValidationError(_("A checklist version needs at least one item."))
    if len(codes) != len(set(codes)):
        raise ValidationError(_("Every item needs its own code."))
    if not TemplateSection.objects.filter(template=template).exists():
        raise ValidationError(_("A checklist version needs at least one section."))
    template.published_at = timezone.now()
    template.published_by = actor
    template.save(update_fields=["published_at", "published_by"])
    audit.record("checklist.template.publish", actor=actor, obj=template)
    return template

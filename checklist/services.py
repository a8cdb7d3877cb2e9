"""Every write to a checklist, one function each. Each checks permission itself (so a direct call
is as safe as a view), locks the publication version and its checklist, validates, saves with its
audit entry in one transaction, and queues notifications for after the commit. Routing and the
final decision are steps of the checklist's workflow (checklist/workflows.py): these functions
find or start the checklist and call `checklist_workflow.perform`.

Refusals: `ValidationError` for bad input (the view shows the message), `InvalidTransition` when
the checklist is frozen or its version is no longer current, `PermissionDenied` for a role that
may not act at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import archive, audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Role, User
from accounts.notifications import notify

from .models import (
    Answer,
    Checklist,
    Route,
    RouteMessage,
    RouteRound,
    TemplateItem,
    TemplateSection,
    TemplateVersion,
)
from .workflows import FROZEN, NOT_CURRENT, checklist_url, checklist_workflow, version_refusal

__all__ = ["FROZEN", "NOT_CURRENT", "NO_VISUALS", "checklist_url"]

# "checklist.route" and "checklist.decide" are registered by the checklist's workflow.
for _name, _label in (
    ("checklist.answer", _("Checklist answers saved")),
    ("checklist.copy", _("Checklist answers copied to the new version")),
    ("checklist.reply", _("Reply in a checklist's legal review")),
    ("checklist.template.copy", _("Checklist template draft created")),
    ("checklist.template.publish", _("Checklist template version published")),
):
    audit.register(_name, _label)

# The stored comment of an N/A the template's rule explains by itself: an item allowed N/A only
# without visual materials (TemplateItem.not_applicable_by_itself), on a version without them.
NO_VISUALS = _("The publication has no visual materials.")


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
    # Issue 12 point 5: nothing changes on an archived checklist or publication.
    archive.ensure_active(version.publication)
    archive.ensure_active(checklist)
    if checklist is not None and checklist.is_completed:
        raise InvalidTransition(FROZEN, rule="CL8.4")
    refused = version_refusal(version)
    if refused:
        raise InvalidTransition(refused, rule="CL8.4")
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
    """The rules of one answer (issue 5, point 2); returns the comment to store. When "not
    applicable" is allowed, and when it needs no comment, is the template item's data (its
    `not_applicable` rule), never a section's code."""
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
        if value == Answer.Value.NOT_APPLICABLE and item.not_applicable_by_itself(has_visuals):
            return str(NO_VISUALS)
        raise ValidationError(
            _("Item %(code)s: a “no” or “not applicable” needs a short comment."),
            code="comment",
            params={"code": item.code},
        )
    return comment


def _may_answer(actor: User, checklist: Checklist) -> None:
    """Administrators (checklist.fill) or a lawyer (checklist.legal_answer), before any lock."""
    if not (
        permissions.can(actor, "checklist.fill", checklist)
        or permissions.can(actor, "checklist.legal_answer", checklist)
    ):
        raise PermissionDenied


@transaction.atomic
def answers_save(
    *, version, actor: User, answers: Mapping[int, tuple[str, str]]
) -> tuple[Checklist, list[Answer]]:
    """Save answers {item id: (value, comment)} to the version's checklist, all or nothing.
    Administrators answer every item not routed to a lawyer; a lawyer answers only the items
    routed to them, under their own name."""
    _may_answer(actor, Checklist(version=version))  # before anything is locked
    checklist = _locked(version, actor=actor, create=True)
    return checklist, _save(checklist, actor, answers)


@transaction.atomic
def answer_rest_of_section(
    *, version, actor: User, section: TemplateSection | None
) -> tuple[Checklist, list[Answer]]:
    """ "The rest of this section: yes" (issue 13, point 2): every item of the section not yet
    answered, and that this person may answer, is answered "yes" in one batch, under the same
    rules as single answers — an item routed to a lawyer is left to that lawyer (CL8.2), an
    administrator's item to the administrators; answers already given are never changed."""
    _may_answer(actor, Checklist(version=version))
    checklist = _locked(version, actor=actor, create=True)
    if section is None or section.template_id != checklist.template_id:
        raise ValidationError(_("This section is not part of the checklist."))
    answered = set(
        checklist.answers.filter(item__section=section).values_list("item_id", flat=True)
    )
    routed = dict(checklist.routes.filter(item__section=section).values_list("item_id", "lawyer"))
    may_fill = permissions.can(actor, "checklist.fill", checklist)
    mine = [
        item_id
        for item_id in section.items.values_list("pk", flat=True)
        if item_id not in answered
        and (routed[item_id] == actor.pk if item_id in routed else may_fill)
    ]
    return checklist, _save(checklist, actor, dict.fromkeys(mine, (Answer.Value.YES, "")))


def _save(checklist: Checklist, actor: User, answers: Mapping[int, tuple[str, str]]) -> list:
    """The answers' rules and one batch of writes, on a locked checklist."""
    if not answers:
        return []
    version = checklist.version
    items = {
        i.pk: i
        for i in TemplateItem.objects.filter(
            section__template=checklist.template, pk__in=list(answers)
        ).select_related("section")
    }
    routes = {r.item_id: r for r in checklist.routes.select_related("lawyer")}
    existing = {a.item_id: a for a in checklist.answers.filter(item__in=list(items))}
    may_fill = permissions.can(actor, "checklist.fill", checklist)
    has_visuals = version.has_visual_materials
    errors: dict[str, list] = {}
    now = timezone.now()
    created: list[Answer] = []
    updated: list[Answer] = []
    answered_routes: list[Route] = []
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
            created.append(answer)
        else:
            updated.append(answer)
        answer.value, answer.comment = value, comment
        answer.answered_by, answer.answered_at, answer.copied = actor, now, False
        if route is not None:
            route.answered_at = now
            answered_routes.append(route)
        changes[item.code] = [old, [value, comment]]
    if errors:
        raise ValidationError(errors)
    if not changes:
        return []
    # One batch whatever the number of items ("the rest of this section: yes" sends many).
    Answer.objects.bulk_create(created)
    Answer.objects.bulk_update(
        updated, ["value", "comment", "answered_by", "answered_at", "copied"]
    )
    if answered_routes:
        Route.objects.filter(pk__in=[r.pk for r in answered_routes]).update(answered_at=now)
    Checklist.objects.filter(pk=checklist.pk).update(updated_at=now)
    audit.record("checklist.answer", actor=actor, obj=checklist, changes=changes)
    _tell_routers_when_a_round_is_done(checklist, actor, answered_routes, now)
    return created + updated


def _tell_routers_when_a_round_is_done(checklist, actor, answered_routes, now) -> None:
    """CL8.2: the administrator who routed the items hears once per round, when the lawyer has
    answered its last item. Before issue 13 this was a condition checked on every save of the
    lawyer ("all my routes are answered"), so a comment typed after the click, or an answer
    changed afterwards, notified again; now the round's `answered_at` is set once, by the one
    update that finds it still open (the checklist's lock serializes the lawyer's saves)."""
    round_ids = {r.round_id for r in answered_routes if r.round_id}
    if not round_ids:
        return
    still_open = Route.objects.filter(round=OuterRef("pk"), answered_at__isnull=True)
    done = list(
        RouteRound.objects.filter(pk__in=round_ids, answered_at__isnull=True)
        .exclude(Exists(still_open))
        .select_related("routed_by")
    )
    if not done:
        return
    RouteRound.objects.filter(pk__in=[r.pk for r in done], answered_at__isnull=True).update(
        answered_at=now
    )
    codes = {
        round_id: sorted(codes) for round_id, codes in _codes_by_round([r.pk for r in done]).items()
    }
    for round_ in done:
        if round_.routed_by is None:
            continue
        notify(
            [round_.routed_by],
            kind="checklist.legal_answered",
            title=_("The lawyer answered the checklist of “%(title)s”"),
            body=_("%(lawyer)s answered the items routed to them (%(codes)s)."),
            params={
                "title": checklist.version.title,
                "lawyer": actor.get_full_name(),
                "codes": ", ".join(codes.get(round_.pk, [])),
            },
            url=checklist_url(checklist.version),
            actor=actor,
        )


def _codes_by_round(round_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for round_id, code in Route.objects.filter(round__in=round_ids).values_list(
        "round", "item__code"
    ):
        out.setdefault(round_id, []).append(code)
    return out


@transaction.atomic
def round_reply(*, version, actor: User, round_id: int, text: str) -> RouteMessage:
    """A reply in a legal review round's thread (issue 13, point 2): by the round's lawyer or
    an administrator of the organization; the other side is told. Only while the checklist can
    still change (CL8.4): the thread of a signed checklist is kept as it was."""
    text = (text or "").strip()
    probe = Checklist(version=version)
    may_route = permissions.can(actor, "checklist.route", probe)
    if not (may_route or permissions.can(actor, "checklist.legal_answer", probe)):
        raise PermissionDenied
    checklist = _locked(version, actor=actor)
    round_ = (
        RouteRound.objects.select_related("lawyer", "routed_by")
        .filter(checklist=checklist, pk=round_id)
        .first()
        if checklist is not None
        else None
    )
    if round_ is None:
        raise ValidationError(_("This legal review is not part of the checklist."))
    if round_.lawyer_id != actor.pk and not may_route:
        raise PermissionDenied
    if not text:
        raise ValidationError({"text": _("Write the message.")})
    if len(text) > 2000:
        raise ValidationError({"text": _("The message is too long (2000 characters at most).")})
    message = RouteMessage.objects.create(round=round_, author=actor, text=text)
    audit.record(
        "checklist.reply", actor=actor, obj=checklist, changes={"round": [None, round_.pk]}
    )
    other = [round_.routed_by] if actor.pk == round_.lawyer_id else [round_.lawyer]
    notify(
        [u for u in other if u is not None],
        kind="checklist.reply",
        title=_("A reply in the legal review of “%(title)s”"),
        body=_("%(author)s: %(text)s"),
        params={
            "title": checklist.version.title,
            "author": actor.get_full_name(),
            "text": text[:200],
        },
        url=checklist_url(checklist.version),
        actor=actor,
    )
    return message


def is_lawyer_for(lawyer: User, organization) -> bool:
    """A lawyer of the organization itself or of any organization above it (issue 5, point 5)."""
    return lawyer.is_active and Role.LAWYER in permissions.roles_on(lawyer, organization)


@transaction.atomic
def route_items(
    *, version, actor: User, lawyer: User, items: Iterable[TemplateItem], note: str = ""
) -> list[Route]:
    """Route items (the legal section CL2, CL8.2 or any single items) to a lawyer of the
    organization or of a higher one: the checklist workflow's "route" step, on the version's
    checklist (started here if it was not yet)."""
    permissions.require(actor, "checklist.route", Checklist(version=version))
    checklist = _locked(version, actor=actor, create=True)
    items = list(items)
    checklist_workflow.perform(actor, checklist, "route", lawyer=lawyer, items=items, note=note)
    return list(
        checklist.routes.filter(item__in=[i.pk for i in items], lawyer=lawyer).select_related(
            "item"
        )
    )


@transaction.atomic
def decide(
    *,
    version,
    actor: User,
    decision: str,
    comment: str = "",
    password: str = "",
    second_factor: bool = False,
) -> Checklist:
    """CL9: the responsible person's final decision, confirmed by re-entering their password
    (the "signature") — the checklist workflow's "decide" step. The checklist is then completed
    and its version frozen; the workflow moves the publication on (permitted → ready to submit,
    revision → back to the author, prohibited → ended)."""
    permissions.require(actor, "checklist.decide", Checklist(version=version))
    checklist = Checklist.objects.filter(version=version).first()
    if checklist is None:
        raise ValidationError(_("Answer the checklist's items before the final decision."))
    return checklist_workflow.perform(
        actor,
        checklist,
        "decide",
        decision=decision,
        comment=comment,
        password=password,
        second_factor=second_factor,
    )


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

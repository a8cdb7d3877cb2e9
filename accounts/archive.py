"""Archiving instead of deleting (issue 12, point 5): one mechanism for every kind of record the
union must keep — appeals, publications (with their versions), checklists, official accounts,
half-year reports.

Nothing of these kinds is deleted through a page or the admin. A record that should no longer
be worked on is **archived**: with a reason, by a person allowed to, written to the audit trail.
It leaves the normal lists (an "Archived" filter shows it), its page says who archived it, when
and why, and no step of its workflow is possible until it is **restored** (again with a reason,
again audited). Only the depersonalization job (appeals R9.1) removes personal data, and it
keeps the row.

The pieces:
- `Archivable`: the abstract model mixin (archived_at, archived_by, archive_reason) and
  `ArchivableQuerySet` with `.active()` / `.archived()`.
- `attach(workflow, rule=…, permission=…)`: makes archiving two transitions of the object's own
  workflow (`archive`, `restore`; form "reason", state unchanged), registers the guard
  `<rule>-archived` and puts it in front of every other transition — so an archived object can
  be neither moved on nor edited (edits are workflow steps or ask `ensure_active`) — and hides
  those buttons while it is archived. Pages render the two buttons through
  `templates/workflow/actions.html` (or their own step list) like any other action.
- `archive(actor, obj, reason)` / `restore(actor, obj, reason)`: the service, i.e.
  `workflow.perform(...)` — it locks the row, asks the permission, requires the reason
  (ValidationError, nothing changes), writes the audit entry `<workflow>.archive`/`.restore`.

Who may archive: the permission action `<workflow>.archive` (e.g. `appeals.appeal.archive`),
registered here for the **chairman** of the owning organization or of any organization above it
(Reach.SUBTREE); superusers pass every check. Administrators and lawyers may not: archiving
takes a record out of every count, which is the head's decision.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import audit, permissions
from .exceptions import InvalidTransition
from .models import Role

ARCHIVE, RESTORE = "archive", "restore"


class ArchivableQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)


class Archivable(models.Model):
    """Fields of a record that is archived instead of deleted. Set only through `archive()` /
    `restore()` (the object's workflow), never by a form."""

    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, editable=False)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("archived by"),
    )
    archive_reason = models.TextField(_("reason for archiving"), blank=True, editable=False)

    objects = ArchivableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


# model → its workflow, filled by attach(); archive()/restore() and the tests read it.
_WORKFLOWS: dict[type[models.Model], Any] = {}


def workflow_for(obj_or_model: Any) -> Any:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    model = model._meta.concrete_model
    try:
        return _WORKFLOWS[model]
    except KeyError:
        raise ImproperlyConfigured(f"{model._meta.label} is not archivable") from None


def archivable_models() -> list[type[models.Model]]:
    return list(_WORKFLOWS)


def refusal_archived(obj: Any) -> str | Promise:
    return _(
        "This record is archived: it can be neither changed nor moved on. A chairman restores "
        "it from the archive first, giving the reason."
    )


def ensure_active(obj: Any) -> None:
    """For a change that is not a workflow step (editing a draft's text, adding a file):
    refuse on an archived record, with the same words as the guard."""
    if obj is not None and getattr(obj, "archived_at", None) is not None:
        raise InvalidTransition(refusal_archived(obj), rule=_rule_of(obj))


def _rule_of(obj: Any) -> str:
    try:
        workflow = workflow_for(obj)
    except ImproperlyConfigured:
        return ""
    return getattr(workflow, "archive_rule", "")


def archive(actor: Any, obj: Any, reason: str) -> Any:
    """Archive `obj` (never delete it): permission, a non-empty reason, the row locked, the
    audit entry `<workflow>.archive` — all in the object's workflow."""
    return workflow_for(obj).perform(actor, obj, ARCHIVE, reason=reason)


def restore(actor: Any, obj: Any, reason: str) -> Any:
    return workflow_for(obj).perform(actor, obj, RESTORE, reason=reason)


def attach(
    workflow: Any,
    *,
    rule: str,
    doc: str,
    roles: tuple[str, ...] = (Role.CHAIRMAN,),
    archived: Any = None,
) -> None:
    """Make `workflow`'s objects archivable (see the module's docstring). `rule`: the rule of
    the Regulation that requires the record be kept (cited by the guard, e.g. "R8.1");
    `doc`: the guard's text, which must cite `rule`; `archived(obj)`: whether the object counts
    as archived when it is not itself (a checklist of an archived publication)."""
    from .workflow import Transition

    model = workflow.model
    if not issubclass(model, Archivable):
        raise ImproperlyConfigured(f"{model._meta.label} must inherit accounts.archive.Archivable")
    if ARCHIVE in workflow.transitions:
        raise ImproperlyConfigured(f"{workflow.name}: archiving attached twice")
    permission = f"{workflow.name}.archive"
    permissions.register(permission, roles)
    states = tuple(
        value for value, _label in model._meta.get_field(workflow.state_field).flatchoices
    )
    guard_archived, guard_active = f"{rule}-archived", f"{rule}-restore"

    def is_archived(obj: Any) -> bool:
        return obj.archived_at is not None or bool(archived and archived(obj))

    def not_archived(actor: Any, obj: Any, data: dict[str, Any]) -> Any:
        return refusal_archived(obj) if is_archived(obj) else None

    def only_archived(actor: Any, obj: Any, data: dict[str, Any]) -> Any:
        if obj.archived_at is None:
            return _("This record is not archived.")
        return None

    not_archived.__doc__ = doc
    only_archived.__doc__ = (
        f"{rule}: only an archived record is restored; restoring, like archiving, names its "
        "reason and is recorded in the audit trail."
    )
    not_archived.__module__ = only_archived.__module__ = __name__
    workflow.guard(guard_archived, rule)(not_archived)
    workflow.guard(guard_active, rule)(only_archived)

    # Every other step first asks: archived? — and its button is hidden while it is.
    for name in list(workflow.transitions):
        workflow.add_guard(name, guard_archived, first=True, hides=True)
    for transition in (
        Transition(
            ARCHIVE,
            states,
            None,
            permission,
            _("Archive"),
            guards=(guard_archived,),
            form="reason",
            style="outline-danger",
            hidden_when_refused=True,
            audit_label=_("Archived"),
        ),
        Transition(
            RESTORE,
            states,
            None,
            permission,
            _("Restore from the archive"),
            guards=(guard_active,),
            form="reason",
            style="outline-secondary",
            hidden_when_refused=True,
            audit_label=_("Restored from the archive"),
        ),
    ):
        workflow.transitions[transition.name] = transition
        audit.register(workflow.audit_action(transition.name), transition.audit_label)
    workflow.effect(ARCHIVE)(_archive_effect)
    workflow.effect(RESTORE)(_restore_effect)
    workflow.archive_rule = rule
    _WORKFLOWS[model] = workflow


def _reason(step: Any, message: str | Promise) -> str:
    reason = " ".join(str(step.data.get("reason") or "").split())
    if not reason:
        raise ValidationError({"reason": message})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Keep the reason under 2000 characters.")})
    return reason


def _archive_effect(step: Any) -> None:
    reason = _reason(step, _("Say why the record is archived."))
    obj, now = step.obj, timezone.now()
    obj.archived_at, obj.archived_by, obj.archive_reason = now, step.actor, reason
    step.update_fields |= {"archived_at", "archived_by", "archive_reason"}
    step.changes["archived_at"] = [None, now.isoformat()]
    step.comment = reason


def _restore_effect(step: Any) -> None:
    reason = _reason(step, _("Say why the record is restored from the archive."))
    obj = step.obj
    step.changes["archived_at"] = [obj.archived_at.isoformat() if obj.archived_at else None, None]
    obj.archived_at, obj.archived_by, obj.archive_reason = None, None, ""
    step.update_fields |= {"archived_at", "archived_by", "archive_reason"}
    step.comment = reason


def list_filter(request: Any, queryset: models.QuerySet) -> tuple[models.QuerySet, bool]:
    """What a list page shows: the active records, or with `?archived=1` only the archived
    ones. Returns (queryset, showing_archived)."""
    showing = request.GET.get("archived") == "1"
    return (queryset.archived() if showing else queryset.active()), showing

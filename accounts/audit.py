"""The audit trail: every create, update, delete and state change of a domain object.

Action names are dotted strings registered in one place per app (`register(...)` at import time
of the app's module); recording an unregistered name is a programming error and raises, so a typo
cannot silently produce an entry nobody can find. `record()` writes in the caller's transaction:
when the change rolls back, so does its entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import DateField, DateTimeField, Model
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry, Organization

_ACTIONS: dict[str, Promise | str] = {}


def register(name: str, label: Promise | str) -> None:
    _ACTIONS[name] = label


def label(name: str) -> Promise | str:
    return _ACTIONS.get(name, name)


register("accounts.organization.create", _("Organization created"))
register("accounts.organization.update", _("Organization changed"))
register("accounts.organization.move", _("Organization moved in the tree"))
register("accounts.organization.delete", _("Organization deleted"))
register("accounts.membership.create", _("Role granted"))
register("accounts.membership.delete", _("Role withdrawn"))
register("accounts.user.create", _("User created"))
register("accounts.user.update", _("User changed"))
register("accounts.user.two_factor_enable", _("Second factor turned on"))
register("accounts.user.two_factor_disable", _("Second factor turned off"))
register("accounts.user.recovery_codes", _("New recovery codes made"))
register("accounts.user.sign_out_everywhere", _("Signed out everywhere"))


def snapshot(instance: Model, fields: list[str]) -> dict[str, Any]:
    """The fields' values as JSON-safe text, for `changes()` before and after an edit."""
    out = {}
    for name in fields:
        value = getattr(instance, name)
        out[name] = value if value is None or isinstance(value, bool | int) else str(value)
    return out


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that differ."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def record(
    action: str,
    *,
    actor: Any,
    obj: Model | None = None,
    organization: Organization | None = None,
    changes: dict[str, Any] | None = None,
    comment: str = "",
) -> AuditEntry:
    if action not in _ACTIONS:
        raise ImproperlyConfigured(f"Unknown audit action {action!r}; register it first")
    if organization is None and obj is not None:
        organization = getattr(obj, "permission_organization", None)
    return AuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organization=organization,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        changes=changes or {},
        comment=comment,
    )


def history_of(obj: Model, limit: int = 100):
    """The trail of one object, newest first: matched by content type **and** id, so an account
    never shows the entries of an organization that happens to have the same id. Every object
    history page reads through this one selector."""
    return (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:limit]
    )


# --- Reading an entry's changes in the user's language -------------------------------------
#
# `changes` holds codes as the services wrote them: {field: [old, new]} with state values
# ("draft"), ISO dates, None, lists, and a few keys that are not fields of the entry's model
# (a checklist item code "CL2.1", "period", "decision"…). `readable_changes(entry)` turns them
# into labels of the active language; every history display (the audit trail, the object
# history pages) reads through it — in templates `{% load kasipodaq %}{% for change in
# entry|readable_changes %}{{ change }}{% endfor %}`.


@dataclass(frozen=True)
class Change:
    """One line of an entry, already in the active language: `field` is the label, `old` and
    `new` the shown values ("—" for none)."""

    field: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.field}: {self.old} → {self.new}"


EMPTY = "—"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_DESCRIBED: dict[tuple[str | None, str], dict[str, Any]] = {}
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Any], dict[str, Any]]] = []


def describe(
    key: str,
    *,
    model: str | None = None,
    action: str | None = None,
    label: Promise | str | None = None,
    field: str | None = None,
    choices: Any = None,
) -> None:
    """How `readable_changes` shows a `changes` key that is not a field of the entry's model, or
    must read differently. `label`: a (lazy) label; `field`: "app_label.Model.field" whose
    verbose name, choices and type (date, foreign key) the values follow; `choices`: a dict,
    a list of pairs, a TextChoices class or a dotted path to one of them. Scope it to a model
    ("app_label.model") or an audit action; with neither it applies to every entry."""
    scope = action or (model.lower() if model else None)
    _DESCRIBED[(scope, key)] = {"label": label, "field": field, "choices": choices}


def describe_pattern(
    pattern: str, label: Callable[[re.Match[str]], Any], *, field: str | None = None
) -> None:
    """Keys that follow a pattern, e.g. checklist item codes: `label(match)` gives the label."""
    _PATTERNS.append((re.compile(pattern), label, {"field": field}))


def readable_changes(entry: AuditEntry) -> list[Change]:
    """The entry's changes as [Change(field label, old, new)] in the active language: field
    labels from the model's verbose names (or `describe()`), state and other coded values from
    the field's choices, dates in the local format, booleans as yes/no, None as "—", lists
    joined. A value recorded alone (not as [old, new]) is shown as the new one."""
    model = (
        ContentType.objects.get_for_id(entry.content_type_id).model_class()
        if entry.content_type_id
        else None
    )
    model_label = model._meta.label_lower if model is not None else None
    out = []
    for key, values in (entry.changes or {}).items():
        label, field, choices = _resolve(entry.action, model, model_label, str(key))
        if isinstance(values, list | tuple) and len(values) == 2:
            old, new = values
        else:
            old, new = None, values
        out.append(
            Change(
                field=str(capfirst(label)),
                old=_show(old, field, choices),
                new=_show(new, field, choices),
            )
        )
    return out


def _resolve(action, model, model_label, key):
    """(label, model field or None, {code: label} or None) for one key."""
    spec = _DESCRIBED.get((action, key)) or _DESCRIBED.get((model_label, key))
    if spec is None and model is not None:
        own = _model_field(model, key)
        if own is not None:
            return own.verbose_name, own, _field_choices(own)
    if spec is None:
        for pattern, make_label, extra in _PATTERNS:
            match = pattern.match(key)
            if match:
                field = _named_field(extra["field"])
                return make_label(match), field, _field_choices(field)
        spec = _DESCRIBED.get((None, key))
    if spec is None:
        return key, None, None
    field = _named_field(spec["field"])
    label = spec["label"] or (field.verbose_name if field is not None else key)
    choices = _choices(spec["choices"]) if spec["choices"] is not None else _field_choices(field)
    return label, field, choices


def _model_field(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "verbose_name", None) else None


def _named_field(path: str | None):
    """ "app_label.Model.field" → the field, or None when that app or field is not there."""
    if not path:
        return None
    app_label, model_name, name = path.split(".")
    try:
        return apps.get_model(app_label, model_name)._meta.get_field(name)
    except (LookupError, FieldDoesNotExist):
        return None


def _field_choices(field) -> dict[str, Any] | None:
    if field is None or not getattr(field, "choices", None):
        return None
    return {str(value): label for value, label in field.flatchoices}


def _choices(source) -> dict[str, Any]:
    if isinstance(source, str):
        source = import_string(source)
    source = getattr(source, "choices", source)
    pairs = source.items() if isinstance(source, dict) else source
    return {str(value): label for value, label in pairs}


def _show(value, field, choices) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, list | tuple):
        shown = [_show(v, field, choices) for v in value]
        return ", ".join(s for s in shown if s != EMPTY) or EMPTY
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if choices and str(value) in choices:
        return str(choices[str(value)])
    if isinstance(value, str):
        when = _date_or_time(value, field)
        if when:
            return when
    if field is not None and field.many_to_one and isinstance(value, int):
        related = field.related_model._default_manager.filter(pk=value).first()
        if related is not None:
            return str(related)
    return str(value)


def _date_or_time(value: str, field) -> str:
    if isinstance(field, DateTimeField) or (field is None and _ISO_DATETIME.match(value)):
        moment = parse_datetime(value)
        if moment is not None:
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
    if isinstance(field, DateField) or (field is None and _ISO_DATE.match(value)):
        try:
            day = parse_date(value[:10])
        except ValueError:
            day = None
        if day is not None:
            return formats.date_format(day, "SHORT_DATE_FORMAT")
    return ""


def _checklist_item(match: re.Match[str]) -> str:
    return f"{capfirst(_('checklist item'))} {match.group(1)}"


# Keys written by the services that are not fields of the entry's model.
describe_pattern(r"^CL(\d+(?:\.\d+)*)$", _checklist_item, field="checklist.Answer.value")
describe("parent", label=_("Parent organization"))
describe("period", field="content.PlanningSetting.period")
describe("item", label=_("plan item"))
describe("items", label=_("Items"))
describe("lawyer", label=_("lawyer"))
describe("answers", label=_("answers"))
describe("appeals", label=_("appeals"))
describe("attachment", label=_("attachment"))
describe("version", label=_("version"))
describe("months", label=_("interval, months"))
describe("file", label=_("file"))
describe("from", model="checklist.templateversion", label=_("version"))
describe("moderation", field="content.ModerationAction.action", label=_("moderation action"))
for _name in ("title", "text_kk", "text_ru", "sources"):
    describe(_name, model="content.publication", field=f"content.PublicationVersion.{_name}")
for _model in ("content.publication", "content.planitem", "content.contentplan"):
    describe(
        "audiences", model=_model, choices="content.taxonomy.Audience", label=_("target audiences")
    )
describe("decision", model="content.publication", label=_("official statement approval"))
describe("decision", model="registry.officialaccount", label=_("creation decision"))
describe(
    "result",
    model="registry.officialaccount",
    field="registry.LogoCheck.result",
    label=_("logo check"),
)
describe("administrator", model="registry.officialaccount", label=_("administrator appointment"))
describe("order", model="registry.officialaccount", label=_("order"))
describe(
    "ends_on",
    model="registry.officialaccount",
    field="registry.AdministratorAppointment.ends_on",
    label=_("ended at"),
)
describe(
    "access_list",
    model="registry.officialaccount",
    field="registry.AccessListVersion.status",
    label=_("Access list"),
)
describe("responsible", model="registry.violation", label=_("person held responsible"))
describe("decision", model="registry.violation", field="registry.Violation.decision_number")
describe(
    "kind",
    action="reports.metrics.import",
    choices="reports.metrics.KINDS",
    label=_("What the file holds"),
)
describe("rows", action="reports.metrics.import", label=_("rows imported"))

"""Pickers at union scale (issue 14 point 1): search-as-you-type instead of select lists.

The union has 10,000 organizations, 20,000 official accounts and as many users: a `<select>`
with an option for each is megabytes of HTML. A picker is a text field that asks a JSON endpoint
as the user types and a hidden input holding the chosen id (templates/widgets/picker.html,
static/js/picker.js, the WAI-ARIA combobox pattern).

One rule keeps it safe: what the endpoint offers and what the form accepts come from the same
scoped queryset, `choosable(kind, purpose, user)` — `purpose` is a permission action
(`accounts.permissions`), so a user is offered only the objects of the subtree where that action
is theirs, never another branch's. The form field stays a `ModelChoiceField` over that queryset:
a forged id from another branch is a form error, never a save.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import permissions
from .models import Organization, User

LIMIT = 20  # at most this many results per answer
MAX_QUERY = 100  # characters of `q` looked at


@dataclass(frozen=True)
class Kind:
    url_name: str
    # (user, purpose) -> the queryset the user may choose from for this purpose
    scope: Callable[[Any, str], QuerySet]
    search: Callable[[str], Q]
    order: tuple[str, ...]
    label: Callable[[Model], str]


def _organization_scope(user: Any, purpose: str) -> QuerySet:
    if purpose == FORWARD:
        # An appeal is forwarded to any structure of the union (R8.1): the search covers the
        # active tree for those who may answer appeals at all.
        permissions.require(user, "appeals.appeal.respond")
        return Organization.objects.filter(is_active=True)
    return permissions.visible_organizations(user, action=purpose).filter(is_active=True)


def _organization_search(q: str) -> Q:
    cond = Q(name_kk__icontains=q) | Q(name_ru__icontains=q)
    if q.isdigit():
        cond |= Q(bin__startswith=q)
    return cond


def _account_scope(user: Any, purpose: str) -> QuerySet:
    from registry.models import OfficialAccount

    return permissions.visible(user, OfficialAccount.objects.active(), action=purpose)


def _account_search(q: str) -> Q:
    return Q(display_name__icontains=q) | Q(handle__icontains=q) | Q(url__icontains=q)


def _user_scope(user: Any, purpose: str) -> QuerySet:
    users = User.objects.filter(is_active=True)
    if user.is_superuser:
        return users
    # People holding a role in the part of the tree where this user may act for `purpose`.
    organizations = permissions.visible_organizations(user, action=purpose)
    return users.filter(memberships__organization__in=organizations).distinct()


def _user_search(q: str) -> Q:
    cond = Q()
    for word in q.split()[:4]:
        cond &= (
            Q(last_name__icontains=word)
            | Q(first_name__icontains=word)
            | Q(patronymic__icontains=word)
            | Q(username__icontains=word)
        )
    return cond


FORWARD = "appeals.forward"  # the "forward to" field of an appeal: the whole active tree

KINDS: dict[str, Kind] = {
    "organization": Kind(
        "accounts:pick_organization",
        _organization_scope,
        _organization_search,
        ("path",),
        lambda o: o.name,
    ),
    "account": Kind(
        "registry:pick_account",
        _account_scope,
        _account_search,
        ("display_name", "pk"),
        str,
    ),
    "user": Kind(
        "accounts:pick_user",
        _user_scope,
        _user_search,
        ("last_name", "first_name", "pk"),
        lambda u: u.get_full_name(),
    ),
}


def choosable(kind: str, purpose: str, user: Any) -> QuerySet:
    """What `user` may choose for a field of this kind and purpose; unknown purpose: 404,
    a purpose the user holds nowhere: 403 (accounts.permissions)."""
    spec = KINDS[kind]
    if purpose != FORWARD:
        try:
            permissions.rule(purpose)
        except ImproperlyConfigured:
            raise Http404 from None
        permissions.require(user, purpose)
    return spec.scope(user, purpose)


def search(kind: str, purpose: str, user: Any, q: str) -> tuple[list[dict], bool]:
    spec = KINDS[kind]
    qs = choosable(kind, purpose, user)
    q = " ".join(q.split())[:MAX_QUERY]
    if q:
        qs = qs.filter(spec.search(q))
    rows = list(qs.order_by(*spec.order)[: LIMIT + 1])
    return [{"id": o.pk, "label": spec.label(o)} for o in rows[:LIMIT]], len(rows) > LIMIT


def _endpoint(kind: str):
    @login_required
    @require_GET
    def view(request: HttpRequest) -> JsonResponse:
        results, more = search(
            kind, request.GET.get("purpose", ""), request.user, request.GET.get("q", "")
        )
        response = JsonResponse({"results": results, "more": more})
        response["Cache-Control"] = "private, no-store"
        return response

    view.__name__ = f"pick_{kind}"
    return view


pick_organization = _endpoint("organization")
pick_account = _endpoint("account")
pick_user = _endpoint("user")


class _Picking(forms.Widget):
    """What both pickers share: the kind of object, the permission that scopes the search, the
    quick choices, the queryset the current values are read from."""

    def __init__(
        self,
        kind: str,
        purpose: str,
        attrs: dict | None = None,
        quick: Callable[[], Iterable[Model]] | None = None,
        queryset: QuerySet | None = None,
    ) -> None:
        super().__init__(attrs)
        if kind not in KINDS:
            raise ImproperlyConfigured(f"Unknown picker kind {kind!r}")
        self.kind = kind
        self.purpose = purpose
        self.quick = quick
        self.queryset = queryset

    def use_required_attribute(self, initial: Any) -> bool:
        return False

    def _queryset(self) -> QuerySet | None:
        if self.queryset is not None:
            return self.queryset
        return getattr(getattr(self, "choices", None), "queryset", None)

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer=None) -> str:
        # The project's template engine (templates/widgets/…), not the form renderer's.
        return render_to_string(self.template_name, self.get_context(name, value, attrs))


class PickerWidget(_Picking):
    """A text field with a listbox (the combobox pattern) and a hidden input with the id.

    On a `ModelChoiceField` it shows the current value by its label (one query, against the
    field's own queryset) and posts the id under the field's name, so views and tests keep
    their field names."""

    template_name = "widgets/picker.html"

    def __init__(
        self,
        kind: str,
        purpose: str,
        attrs: dict | None = None,
        empty_label: str = "",
        quick: Callable[[], Iterable[Model]] | None = None,
        queryset: QuerySet | None = None,
    ) -> None:
        super().__init__(kind, purpose, attrs, quick=quick, queryset=queryset)
        self.empty_label = empty_label

    def label_of(self, value: Any) -> tuple[str, str]:
        if isinstance(value, Model):
            return str(value.pk), KINDS[self.kind].label(value)
        try:
            pk = int(str(value))
        except (TypeError, ValueError):
            return "", ""
        qs = self._queryset()
        obj = qs.filter(pk=pk).first() if qs is not None else None
        if obj is None:
            return "", ""
        return str(obj.pk), KINDS[self.kind].label(obj)

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        attrs = self.build_attrs(self.attrs, attrs)
        attrs.pop("required", None)
        widget_id = attrs.pop("id", None) or f"id_{name}"
        css = attrs.pop("class", "")
        if "form-control" not in css:
            css = f"form-control {css}".strip()
        described = " ".join(filter(None, [f"{widget_id}_hint", attrs.pop("aria-describedby", "")]))
        pk, label = self.label_of(value)
        quick = []
        if self.quick is not None:
            spec = KINDS[self.kind]
            quick = [{"id": o.pk, "label": spec.label(o)} for o in self.quick()]
        return {
            "widget": {
                "name": name,
                "id": widget_id,
                "value": pk,
                "label": label,
                "css": css,
                "describedby": described,
                "attrs": {k: v for k, v in attrs.items() if v is not False and v is not None},
                "url": f"{reverse(KINDS[self.kind].url_name)}?purpose={self.purpose}",
                "empty_label": str(self.empty_label),
                "quick": json.dumps(quick, ensure_ascii=False) if quick else "",
            }
        }


def parent_chain(organization: Organization) -> Callable[[], list[Organization]]:
    """Quick choices for "forward to": the organizations above this one, nearest first."""

    def chain() -> list[Organization]:
        paths = organization.ancestor_paths()
        if not paths:
            return []
        return list(Organization.objects.filter(path__in=paths, is_active=True).order_by("-path"))

    return chain


class MultiPickerWidget(_Picking):
    """Several values (a ModelMultipleChoiceField) at union scale: the chosen ones as a list, each
    with a remove button and a hidden input under the field's name, and a picker to add one
    more (templates/widgets/multipicker.html, static/js/multipicker.js). Without JavaScript the
    chosen ones still post; the labels of the current values cost one query."""

    template_name = "widgets/multipicker.html"
    allow_multiple_selected = True

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        getter = getattr(data, "getlist", None)
        return getter(name) if getter is not None else data.get(name)

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False  # nothing posted means "nobody", not "unchanged"

    def chosen(self, value: Any) -> list[dict]:
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        label = KINDS[self.kind].label
        objects = [v for v in values if isinstance(v, Model)]
        ids = []
        for v in values:
            if not isinstance(v, Model):
                try:
                    ids.append(int(str(v)))
                except (TypeError, ValueError):
                    continue
        qs = self._queryset()
        if ids and qs is not None:
            objects += list(qs.filter(pk__in=ids[: LIMIT * 5]))
        return [{"id": o.pk, "label": label(o)} for o in objects]

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        attrs = self.build_attrs(self.attrs, attrs)
        widget_id = attrs.get("id") or f"id_{name}"
        picker = PickerWidget(self.kind, self.purpose, quick=self.quick)
        inner = picker.get_context(f"{name}__add", None, {"id": widget_id})["widget"]
        return {
            "widget": {"name": name, "id": widget_id, "chosen": self.chosen(value), "picker": inner}
        }

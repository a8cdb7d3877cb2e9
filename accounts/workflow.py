"""The one transition engine every workflow of the product uses.

A workflow is a declared table: for each action, the states it leaves, the state it reaches, the
permission action to ask (`accounts.permissions`) and the **guards** — small named functions, each
citing a rule of the Regulation (`R6.3`, `R10.2`, `CL1` …), that return a translated refusal saying
what to do, or None. Other apps register guards on a workflow without being imported by it
(`checklist` registers CL1 on the publication workflow in its AppConfig.ready()).

`perform(actor, obj, action, **data)` is the only way a state changes. In one transaction it
locks the row, checks permission (PermissionDenied: "not allowed"), the state and every guard
(InvalidTransition: "not possible now", naming the rule in words), runs the action's effect
(which validates its data — ValidationError — and changes fields), saves, writes the audit entry
and runs the hooks registered with `on()`. Notifications are rows written in the same
transaction; their e-mails leave after the commit (accounts.notifications).

`available_actions(actor, obj)` derives what a page may offer from the same table and guards:
templates show buttons only from it, so no view keeps a copy of the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import audit, permissions
from .exceptions import InvalidTransition

Guard = Callable[[Any, Any, dict[str, Any]], "str | Promise | None"]


@dataclass(frozen=True)
class Transition:
    """One row of a workflow's table."""

    name: str
    source: tuple[str, ...]
    # The state reached; None for a step recorded on the object that keeps its state (an
    # acknowledgement, the first of two approvals). An effect may choose another target.
    target: str | None
    permission: str
    label: Promise | str
    guards: tuple[str, ...] = ()
    # Who may act besides those the permission admits (e.g. a crisis working-group member).
    also: Callable[[Any, Any], bool] | None = None
    # A narrowing of the permission (e.g. only a chairman strictly above the report's
    # organization decides on it): "not allowed", so no button and PermissionDenied.
    only: Callable[[Any, Any], bool] | None = None
    # What the page asks with the button: "" (nothing), "comment", "comment_required",
    # "reason", a name the template knows (e.g. "links"), or "internal" for a step that another
    # workflow performs and no page offers.
    form: str = ""
    style: str = "primary"
    # Shown on the page only when its guards pass (a button that could never apply is noise);
    # or hidden only when one of the named guards refuses (e.g. "publish now as urgent" on a
    # publication that is not urgent), shown disabled with the reason for the others.
    hidden_when_refused: bool = False
    hidden_when: tuple[str, ...] = ()
    audit_label: Promise | str | None = None


@dataclass
class Step:
    """What an effect sees and may adjust while a transition is applied."""

    actor: Any
    obj: Any
    data: dict[str, Any]
    transition: Transition
    source: str
    target: str | None
    audit_action: str
    changes: dict[str, Any] = field(default_factory=dict)
    comment: str = ""
    update_fields: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Action:
    """An action as a page offers it: enabled, or disabled with the reason."""

    name: str
    label: str
    style: str
    form: str
    enabled: bool
    reason: str = ""
    rule: str = ""


@dataclass(frozen=True)
class RegisteredGuard:
    rule: str
    check: Guard
    doc: str


class Workflow:
    _all: dict[str, Workflow] = {}

    def __init__(
        self,
        name: str,
        model: type[models.Model],
        transitions: Iterable[Transition],
        *,
        state_field: str = "status",
        select_related: tuple[str, ...] = (),
        not_now: Callable[[Any], str | Promise] | None = None,
        description: str = "",
    ) -> None:
        self.name = name
        self.model = model
        self.state_field = state_field
        self.select_related = select_related
        self.description = description
        self.transitions: dict[str, Transition] = {}
        for transition in transitions:
            if transition.name in self.transitions:
                raise ImproperlyConfigured(f"{name}: action {transition.name!r} declared twice")
            self.transitions[transition.name] = transition
            audit.register(
                self.audit_action(transition.name), transition.audit_label or transition.label
            )
        self._not_now = not_now
        self._guards: dict[str, RegisteredGuard] = {}
        self._effects: dict[str, Callable[[Step], None]] = {}
        self._hooks: dict[str, list[Callable[[Step], None]]] = {}
        Workflow._all[name] = self

    # Declaring --------------------------------------------------------------------------------

    def audit_action(self, action: str) -> str:
        return f"{self.name}.{action}"

    def guard(self, name: str, rule: str | None = None) -> Callable[[Guard], Guard]:
        """Register a guard under `name` (a rule ID, or a rule ID with a suffix when one rule
        has several guards: "R10.2", "R10.2-approval"). Its docstring cites the rule."""

        def register(check: Guard) -> Guard:
            if name in self._guards and self._guards[name].check is not check:
                raise ImproperlyConfigured(f"{self.name}: guard {name!r} registered twice")
            self._guards[name] = RegisteredGuard(
                rule or name.split("-")[0], check, (check.__doc__ or "").strip()
            )
            return check

        return register

    def effect(self, action: str) -> Callable[[Callable[[Step], None]], Callable[[Step], None]]:
        """The function that applies `action`: validates its data, sets fields, notifies."""
        self._transition(action)

        def register(function: Callable[[Step], None]) -> Callable[[Step], None]:
            self._effects[action] = function
            return function

        return register

    def on(self, action: str, receiver: Callable[[Step], None]) -> None:
        """Run `receiver(step)` after `action` is applied, in the same transaction."""
        self._transition(action)
        self._hooks.setdefault(action, []).append(receiver)

    def add_guard(
        self, action: str, name: str, *, first: bool = False, hides: bool = False
    ) -> None:
        """Another app puts its guard on a transition of this table (channels: Telegram's limits
        on content's submit, approve and urgent publishing; accounts.archive: "archived?" in
        front of every step), so the table's owner need not name guards it does not know.
        `first`: asked before the others; `hides`: the button is hidden while it refuses."""
        transition = self._transition(action)
        if name in transition.guards:
            return
        self.transitions[action] = replace(
            transition,
            guards=(name, *transition.guards) if first else (*transition.guards, name),
            hidden_when=(*transition.hidden_when, name) if hides else transition.hidden_when,
        )

    def check_complete(self) -> None:
        """Every guard a transition names must be registered (called by tests and by the
        documentation command, after every app is ready)."""
        missing = sorted(
            {g for t in self.transitions.values() for g in t.guards if g not in self._guards}
        )
        if missing:
            raise ImproperlyConfigured(f"{self.name}: guards not registered: {missing}")

    def _transition(self, action: str) -> Transition:
        try:
            return self.transitions[action]
        except KeyError:
            raise ImproperlyConfigured(f"{self.name}: unknown action {action!r}") from None

    # Asking -----------------------------------------------------------------------------------

    def state(self, obj: Any) -> str:
        return getattr(obj, self.state_field)

    def permitted(self, actor: Any, obj: Any, action: str) -> bool:
        transition = self._transition(action)
        allowed = permissions.can(actor, transition.permission, obj) or bool(
            transition.also
            and getattr(actor, "is_authenticated", False)
            and actor.is_active
            and transition.also(actor, obj)
        )
        return allowed and (transition.only is None or transition.only(actor, obj))

    def refusal(
        self, actor: Any, obj: Any, action: str, data: dict[str, Any] | None = None
    ) -> InvalidTransition | None:
        """Why `action` is not possible now (state or the first guard that refuses), or None."""
        transition = self._transition(action)
        if self.state(obj) not in transition.source:
            return InvalidTransition(self.not_now(obj))
        for name in transition.guards:
            try:
                registered = self._guards[name]
            except KeyError:
                raise ImproperlyConfigured(f"{self.name}: guard {name!r} not registered") from None
            message = registered.check(actor, obj, data or {})
            if message:
                refused = InvalidTransition(message, rule=registered.rule)
                refused.guard = name
                return refused
        return None

    def not_now(self, obj: Any) -> str | Promise:
        if self._not_now is not None:
            return self._not_now(obj)
        display = getattr(obj, f"get_{self.state_field}_display", None)
        return _("This is not possible while the state is “%(state)s”.") % {
            "state": display() if display else self.state(obj)
        }

    def available_actions(self, actor: Any, obj: Any) -> list[Action]:
        """What the page offers: every action whose state matches and the actor may take,
        enabled when its guards pass, else disabled with the reason (or hidden)."""
        out = []
        state = self.state(obj)
        for transition in self.transitions.values():
            if transition.form == "internal":
                continue  # performed by another app's step, never offered on a page
            if state not in transition.source or not self.permitted(actor, obj, transition.name):
                continue
            refused = self.refusal(actor, obj, transition.name)
            if refused is not None and (
                transition.hidden_when_refused
                or getattr(refused, "guard", None) in transition.hidden_when
            ):
                continue
            out.append(
                Action(
                    name=transition.name,
                    label=str(transition.label),
                    style=transition.style,
                    form=transition.form,
                    enabled=refused is None,
                    reason=str(refused.message) if refused else "",
                    rule=refused.rule if refused else "",
                )
            )
        return out

    # Doing ------------------------------------------------------------------------------------

    def lock(self, obj: Any) -> Any:
        return (
            self.model._default_manager.select_for_update(of=("self",))
            .select_related(*self.select_related)
            .get(pk=obj.pk)
        )

    def perform(self, actor: Any, obj: Any, action: str, **data: Any) -> Any:
        transition = self._transition(action)
        with transaction.atomic():
            obj = self.lock(obj)
            if not self.permitted(actor, obj, action):
                raise PermissionDenied
            refused = self.refusal(actor, obj, action, data)
            if refused is not None:
                raise refused
            source = self.state(obj)
            step = Step(
                actor=actor,
                obj=obj,
                data=data,
                transition=transition,
                source=source,
                target=transition.target,
                audit_action=self.audit_action(action),
                comment=str(data.get("comment") or data.get("reason") or ""),
            )
            effect = self._effects.get(action)
            if effect is not None:
                effect(step)
            if step.target is not None and step.target != source:
                setattr(obj, self.state_field, step.target)
                step.update_fields.add(self.state_field)
                step.changes = {self.state_field: [source, step.target], **step.changes}
            if step.update_fields:
                fields = set(step.update_fields)
                if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
                    fields.add("updated_at")
                obj.save(update_fields=sorted(fields))
            audit.record(
                step.audit_action,
                actor=actor,
                obj=obj,
                changes=step.changes,
                comment=step.comment,
            )
            for hook in self._hooks.get(action, ()):
                hook(step)
        return obj

    # Documenting ------------------------------------------------------------------------------

    def table(self) -> list[dict[str, Any]]:
        rows = []
        for t in self.transitions.values():
            rows.append(
                {
                    "action": t.name,
                    "from": list(t.source),
                    "to": t.target or "(unchanged)",
                    "permission": t.permission + (" (or a named alternative)" if t.also else ""),
                    "only": t.only.__name__ if t.only else "",
                    "guards": [
                        (g, self._guards[g].rule if g in self._guards else "?") for g in t.guards
                    ],
                }
            )
        return rows

    def guard_docs(self) -> dict[str, RegisteredGuard]:
        return dict(self._guards)


def workflows() -> dict[str, Workflow]:
    return dict(Workflow._all)

"""Content plans (R6.1): the period the union body sets, plans for that period, their items,
and the plan's approval by the head of the body — through `plan_workflow` (content/workflows.py)."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization, User
from accounts.notifications import notify
from accounts.selectors import chairmen_of
from accounts.workflow import Step

from .models import ContentPlan, PlanItem, PlanningPeriod, PlanningSetting
from .taxonomy import DIRECTION_KIND, Audience
from .workflows import plan_workflow

for _name, _label in (
    ("content.planning.set", _("Planning period set")),
    ("content.plan.create", _("Content plan created")),
    ("content.plan.item", _("Content plan item changed")),
):
    audit.register(_name, _label)


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
    # Issue 12 point 5: removing an item from a draft plan is editing the draft (audited); an
    # item publications were made for is part of their history and stays.
    if item.publications.exists():
        raise InvalidTransition(
            _(
                "Publications were prepared for this item, so it stays in the plan; change it "
                "instead."
            )
        )
    audit.record("content.plan.item", actor=actor, obj=plan, changes={"item": [item.topic, None]})
    item.delete()


@plan_workflow.guard("R6.1-items")
def _plan_has_items(actor, plan: ContentPlan, data: dict[str, Any]):
    """R6.1: work follows a content plan — a plan is approved with its items, not empty."""
    if not plan.items.exists():
        return _("Add at least one item to the plan.")
    return None


@plan_workflow.effect("submit")
def _submitted(step: Step) -> None:
    plan = step.obj
    notify(
        chairmen_of(plan.organization),
        kind="content.plan.submit",
        title=_("Approve the content plan for %(period)s"),
        params={"period": f"{plan.starts_on:%d.%m.%Y}–{plan.ends_on:%d.%m.%Y}"},
        url=reverse("content:plan_detail", args=[plan.pk]),
        actor=step.actor,
    )


def _decided(step: Step) -> None:
    plan, approve = step.obj, step.transition.name == "approve"
    comment = str(step.data.get("comment") or "")
    if not approve and not comment.strip():
        raise ValidationError({"comment": _("Say what to revise.")})
    plan.decided_by, plan.decided_at, plan.comment = step.actor, timezone.now(), comment
    step.update_fields |= {"decided_by", "decided_at", "comment"}
    if plan.created_by:
        notify(
            [plan.created_by],
            kind="content.plan.decided",
            title=_("The content plan is approved")
            if approve
            else _("The content plan is returned for revision"),
            body=comment,
            url=reverse("content:plan_detail", args=[plan.pk]),
            actor=step.actor,
        )


plan_workflow.effect("approve")(_decided)
plan_workflow.effect("return")(_decided)


def plan_submit(*, actor: User, plan: ContentPlan) -> ContentPlan:
    return plan_workflow.perform(actor, plan, "submit")


def plan_decide(*, actor: User, plan: ContentPlan, approve: bool, comment: str = "") -> ContentPlan:
    return plan_workflow.perform(actor, plan, "approve" if approve else "return", comment=comment)

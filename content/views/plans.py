"""Content plan pages (R6.1): plans, their items, the planning period and the plan's approval."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import once, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization
from accounts.picking import PickerWidget
from accounts.request_guard import parse_id
from accounts.web import apply_errors, error_text

from .. import plans as plan_services
from .. import selectors
from ..forms import PlanCreateForm, PlanItemForm, PlanningForm
from ..models import ContentPlan, PlanItem
from ..taxonomy import ContentKind, directions_of
from ..workflows import plan_workflow
from .common import PAGE_SIZE, accounts_of, organization_for_new, perform_posted


@login_required
@once.protect
def plan_list(request):
    permissions.require(request.user, "content.view")
    plans = selectors.plans_visible_to(request.user).order_by("-starts_on", "organization__path")
    wanted = parse_id(request.GET.get("organization"))
    if wanted is not None:
        plans = plans.filter(organization_id=wanted)
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    organizations = permissions.visible_organizations(request.user, action="content.plan.edit")
    form = PlanCreateForm(request.POST or None, initial={"day": timezone.localdate()})
    if request.method == "POST":
        organization = organization_for_new(request, "content.plan.edit")
        if form.is_valid():
            with once.submission(request) as slot:
                try:
                    plan = plan_services.plan_create(
                        actor=request.user,
                        organization=organization,
                        day=form.cleaned_data["day"],
                    )
                except ValidationError as error:
                    messages.error(request, error_text(error))
                else:
                    return slot.redirect("content:plan_detail", pk=plan.pk)
    # Issue 14: a search field, not a select of every organization (a superuser's is the union).
    first = organizations.order_by("path").first()
    organization_picker = (
        PickerWidget("organization", "content.plan.edit", queryset=organizations).render(
            "organization", first, {"id": "id_organization"}
        )
        if first is not None
        else ""
    )
    return render(
        request,
        "content/plan_list.html",
        {
            "page": page,
            "form": form,
            "organizations": first is not None,
            "organization_picker": organization_picker,
        },
    )


def _plan(request, pk, action="content.view"):
    return permissions.get_object_or_404_for(
        request.user, ContentPlan.objects.select_related("organization"), action, pk=pk
    )


@login_required
def plan_detail(request, pk):
    plan = _plan(request, pk)
    today = timezone.localdate()
    items = list(selectors.plan_items(plan, today))
    for item in items:
        item.is_overdue = item.planned_on < today and not item.is_published
    editable = plan.status in (ContentPlan.Status.DRAFT, ContentPlan.Status.RETURNED)
    return render(
        request,
        "content/plan_detail.html",
        {
            "plan": plan,
            "items": items,
            "today": today,
            "can_edit": editable and permissions.can(request.user, "content.plan.edit", plan),
            "actions": plan_workflow.available_actions(request.user, plan),
            "action_url": "content:plan_action",
            "can_write": permissions.can(request.user, "content.publication.edit", plan),
        },
    )


@login_required
@once.protect
def plan_item_form(request, pk, item_pk=None):
    plan = _plan(request, pk, "content.plan.edit")
    item = None
    initial = {}
    if item_pk:
        item = PlanItem.objects.filter(plan=plan, pk=item_pk).first()
        if item is None:
            raise Http404
        initial = {
            "topic": item.topic,
            "planned_on": item.planned_on,
            "kind": item.kind,
            "direction": item.direction,
            "audiences": item.audiences,
            "language": item.language,
            "accounts": list(item.accounts.all()),
        }
    form = PlanItemForm(
        request.POST or None, initial=initial, accounts=accounts_of(plan.organization)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["accounts"] = list(data["accounts"])
        with once.submission(request) as slot:
            try:
                plan_services.plan_item_save(actor=request.user, plan=plan, item=item, **data)
            except ValidationError as error:
                apply_errors(form, error)
            except InvalidTransition as error:
                form.add_error(None, str(error.message))
            else:
                messages.success(request, _("The plan item is saved."))
                return slot.redirect("content:plan_detail", pk=pk)
    return render(
        request,
        "content/form.html",
        {
            "form": form,
            "title": _("Plan item"),
            "back_plan": plan,
            "directions": {k: directions_of(k) for k in ContentKind.values},
        },
    )


@login_required
@require_POST
def plan_item_delete(request, pk, item_pk):
    plan = _plan(request, pk, "content.plan.edit")
    item = PlanItem.objects.filter(plan=plan, pk=item_pk).first()
    if item is None:
        raise Http404
    try:
        plan_services.plan_item_delete(actor=request.user, item=item)
    except InvalidTransition as error:
        messages.error(request, error_text(error))
    return redirect("content:plan_detail", pk=pk)


PLAN_SUCCESS = {
    "submit": _("The plan is sent to the chairman for approval."),
    "approve": _("The plan is approved."),
    "return": _("The plan is returned for revision."),
}


@login_required
@require_POST
def plan_action(request, pk, action):
    """Every step of the plan workflow (content/workflows.py)."""
    plan = _plan(request, pk)
    return perform_posted(
        request,
        plan_workflow,
        plan,
        action,
        PLAN_SUCCESS,
        reverse("content:plan_detail", args=[pk]),
    )


@login_required
def planning_setting(request, org_pk):
    organization = permissions.get_object_or_404_for(
        request.user, Organization.objects.all(), "content.planning.set", field="", pk=org_pk
    )
    form = PlanningForm(
        request.POST or None, initial={"period": plan_services.planning_period_of(organization)}
    )
    if request.method == "POST" and form.is_valid():
        plan_services.planning_set(
            actor=request.user, organization=organization, period=form.cleaned_data["period"]
        )
        messages.success(request, _("The planning period is saved."))
        return redirect("content:plans")
    return render(
        request,
        "content/form.html",
        {"form": form, "title": _("Planning period"), "subtitle": organization.name},
    )

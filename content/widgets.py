"""Role-home widgets: administrators see their drafts, returned items and this week's plan;
chairmen see what awaits their approval, unacknowledged urgent messages and active crises."""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from accounts import permissions

from .models import PlanItem, Publication, PublicationStatus
from .reminders import unacknowledged_urgent

S = PublicationStatus


def administrator_home(request: HttpRequest) -> dict:
    user = request.user
    mine = permissions.visible(
        user, Publication.objects.active(), action="content.publication.edit"
    )
    today = timezone.localdate()
    week_end = today + timedelta(days=7)
    due = permissions.visible(
        user, PlanItem.objects.all(), field="plan__organization", action="content.plan.edit"
    ).filter(planned_on__range=(today - timedelta(days=7), week_end), publications__isnull=True)
    return {
        "drafts": list(mine.filter(status=S.DRAFT).select_related("current_version")[:8]),
        "returned": list(mine.filter(status=S.RETURNED).select_related("current_version")[:8]),
        "approved": list(mine.filter(status=S.APPROVED).select_related("current_version")[:8]),
        "due": list(due.order_by("planned_on")[:8]),
        "today": today,
    }


def chairman_home(request: HttpRequest) -> dict:
    user = request.user
    awaiting = permissions.visible(
        user,
        Publication.objects.active().filter(status=S.SUBMITTED),
        action="content.publication.approve",
    )
    group = Publication.objects.active().filter(
        status=S.SUBMITTED, crisis__working_group=user, crisis__ended_at__isnull=True
    )
    urgent = permissions.visible(
        user, unacknowledged_urgent(), action="content.publication.acknowledge"
    )
    return {
        "awaiting": list(
            (awaiting | group).distinct().select_related("current_version", "organization")[:10]
        ),
        "urgent": list(urgent.select_related("current_version")[:10]),
    }


def waiting_count(user) -> int:
    """The navbar's count on "Publications": for chairmen what awaits their approval or
    acknowledgement, for administrators what was returned or approved and waits for them. One
    query."""
    from django.db.models import Q

    approve = permissions.scope_q(user, action="content.publication.approve")
    edit = permissions.scope_q(user, action="content.publication.edit")
    chairman = (
        Q(status=S.SUBMITTED)
        | Q(
            is_urgent=True,
            status=S.PUBLISHED,
            approved_by__isnull=True,
            acknowledged_at__isnull=True,
        )
    ) & approve
    administrator = Q(status__in=[S.RETURNED, S.APPROVED]) & edit
    can_approve = permissions.can(user, "content.publication.approve")
    can_edit = permissions.can(user, "content.publication.edit")
    if not (can_approve or can_edit):
        return 0
    q = Q(pk__in=[])
    if can_approve:
        q |= chairman
    if can_edit:
        q |= administrator
    return Publication.objects.active().filter(q).count()

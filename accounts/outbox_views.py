"""The "Outgoing messages" page: what the outbox (accounts/outbox.py) has not sent yet — waiting,
being retried, or given up — for superusers, who may send a message again or discard it
(both audited)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import outbox, permissions
from .models import OutboxMessage, OutboxStatus

PAGE_SIZE = 50
ACTION = "accounts.outbox.manage"


@login_required
def outbox_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, ACTION)
    status = request.GET.get("status", "")
    shown = [status] if status in (OutboxStatus.PENDING, OutboxStatus.DEAD) else None
    qs = OutboxMessage.objects.filter(
        status__in=shown or [OutboxStatus.PENDING, OutboxStatus.DEAD]
    ).order_by("status", "created_at", "id")  # the dead first, then the oldest
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for row in page:
        row.kind_label = outbox.KIND_LABELS.get(row.kind, row.kind)
    return render(
        request,
        "accounts/outbox_list.html",
        {
            "page": page,
            "status": status if shown else "",
            "querystring": f"status={status}" if shown else "",
            "summary": outbox.backlog_summary(),
        },
    )


def _unsent(pk: int) -> OutboxMessage:
    return get_object_or_404(
        OutboxMessage.objects.select_for_update().exclude(status=OutboxStatus.SENT), pk=pk
    )


@login_required
@require_POST
def outbox_retry(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(request.user, ACTION)
    with transaction.atomic():
        outbox.retry(_unsent(pk), actor=request.user)
    messages.success(request, _("The message will be sent again."))
    return redirect("accounts:outbox")


@login_required
@require_POST
def outbox_discard(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(request.user, ACTION)
    with transaction.atomic():
        outbox.discard(_unsent(pk), actor=request.user)
    messages.success(request, _("The message has been discarded."))
    return redirect("accounts:outbox")

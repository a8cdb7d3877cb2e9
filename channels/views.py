"""The Telegram page of an official account: connect (chairman), replace the token, disconnect,
the deliveries and the subscriber chart; a delivery's steps a person takes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from accounts.exceptions import InvalidTransition
from accounts.web import error_text, run_service
from registry.models import OfficialAccount

from . import charts, figures, services, simulator
from .delivery import delivery_workflow
from .forms import ConnectForm, DisconnectForm, TokenForm
from .models import Delivery, TelegramConnection


def _account(request, pk, action="channels.view"):
    return permissions.get_object_or_404_for(
        request.user, OfficialAccount.objects.select_related("organization"), action, pk=pk
    )


def panel_context(user, account) -> dict:
    """What the Telegram panel shows (the account page, and the registry page's panel)."""
    connection = TelegramConnection.objects.filter(account=account).first()
    points = [(date_format(s.date, "SHORT_DATE_FORMAT"), s.count) for s in figures.series(account)]
    return {
        "account": account,
        "is_telegram": account.network in services.TELEGRAM_NETWORKS,
        "connection": connection,
        "connected": bool(connection and connection.is_connected),
        "simulator": simulator.in_use(),
        "demo_token": simulator.DEMO_TOKEN,
        "demo_channel": simulator.DEMO_CHANNEL["username"],
        "can_manage": permissions.can(user, "channels.connection.manage", account),
        "can_resolve": permissions.can(user, "channels.delivery.resolve", account),
        "latest": points[-1] if points else None,
        "chart": charts.subscribers(points, _("Subscribers")) if len(points) > 1 else None,
    }


@login_required
def account(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk)
    context = panel_context(request.user, account)
    deliveries = list(
        Delivery.objects.filter(account=account)
        .select_related("publication__current_version")
        .order_by("-id")[:50]
    )
    for delivery in deliveries:
        delivery.actions = delivery_workflow.available_actions(request.user, delivery)
    context.update(
        deliveries=deliveries,
        connect_form=ConnectForm(),
        token_form=TokenForm(),
        disconnect_form=DisconnectForm(),
        snapshots=list(account.subscriber_snapshots.order_by("-date")[:30]),
    )
    return render(request, "channels/account.html", context)


def _form_post(request, pk, form_class, call, success):
    account = _account(request, pk, "channels.connection.manage")
    form = form_class(request.POST)
    if form.is_valid() and run_service(
        request, form, lambda: call(account, form.cleaned_data), success
    ):
        return redirect("channels:account", pk=pk)
    context = panel_context(request.user, account)
    context.update(
        deliveries=[],
        snapshots=[],
        connect_form=form if form_class is ConnectForm else ConnectForm(),
        token_form=form if form_class is TokenForm else TokenForm(),
        disconnect_form=form if form_class is DisconnectForm else DisconnectForm(),
    )
    return render(request, "channels/account.html", context, status=400)


@login_required
@require_POST
def connect(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_post(
        request,
        pk,
        ConnectForm,
        lambda account, data: services.connect(
            actor=request.user,
            account=account,
            token=data["token"],
            chat=data["chat"],
            approve_access=data["approve_access"],
        ),
        _("The Telegram bot is connected and added to the access list."),
    )


def _connection(account) -> TelegramConnection:
    connection = TelegramConnection.objects.filter(account=account).first()
    if connection is None:
        raise Http404
    return connection


@login_required
@require_POST
def replace_token(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_post(
        request,
        pk,
        TokenForm,
        lambda account, data: services.replace_token(
            actor=request.user, connection=_connection(account), token=data["token"]
        ),
        _("The bot token is replaced."),
    )


@login_required
@require_POST
def disconnect(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_post(
        request,
        pk,
        DisconnectForm,
        lambda account, data: services.disconnect(
            actor=request.user, connection=_connection(account), reason=data["reason"]
        ),
        _("The Telegram bot is disconnected."),
    )


@login_required
@require_POST
def measure(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request, pk, "channels.delivery.resolve")
    connection = TelegramConnection.objects.filter(account=account).first()
    if connection is None or not connection.is_connected:
        messages.error(request, _("The account is not connected."))
    elif figures.record(connection) is None:
        connection.refresh_from_db()
        messages.error(request, connection.last_error)
    else:
        messages.success(request, _("The subscriber count is recorded."))
    return redirect("channels:account", pk=pk)


@login_required
@require_POST
def delivery_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in delivery_workflow.transitions:
        raise Http404
    delivery = get_object_or_404(
        permissions.visible(
            request.user, Delivery.objects.select_related("account"), "account__organization"
        ),
        pk=pk,
    )
    try:
        delivery_workflow.perform(
            request.user,
            delivery,
            action,
            link=request.POST.get("link", ""),
            comment=request.POST.get("comment", ""),
        )
    except (InvalidTransition, ValidationError) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Done."))
    next_url = request.POST.get("next")
    if next_url == "publication":
        return redirect("content:publication_detail", pk=delivery.publication_id)
    return redirect("channels:account", pk=delivery.account_id)

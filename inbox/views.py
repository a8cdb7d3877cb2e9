"""Inbox pages and Telegram's webhook. Thin: permission → form → one service call → message →
redirect. Another organization's message answers 404 (accounts.permissions)."""

from __future__ import annotations

import hmac
import json
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts import permissions
from accounts.exceptions import InvalidTransition
from accounts.paging import CappedPaginator
from accounts.web import apply_errors, error_text

from . import forms, selectors, services
from .models import InboxMessage
from .workflows import message_workflow

log = logging.getLogger(__name__)
PAGE_SIZE = 50


@login_required
def message_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "inbox.view")
    form = forms.FilterForm(request.GET or None)
    status = form.cleaned_data.get("status", "") if form.is_valid() else ""
    qs = selectors.messages_visible_to(request.user).select_related("account", "organization")
    if status:
        qs = qs.filter(status=status)
    page = CappedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))  # issue 14
    selectors.decorate(list(page), request.user)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "inbox/message_list.html",
        {"page": page, "form": form, "status": status, "querystring": query.urlencode()},
    )


def _get(request: HttpRequest, pk: int) -> InboxMessage:
    return permissions.get_object_or_404_for(
        request.user,
        InboxMessage.objects.select_related(
            "organization", "account", "appeal", "moderation", "handled_by"
        ),
        "inbox.view",
        pk=pk,
    )


def _context(request: HttpRequest, message: InboxMessage, bound: dict | None = None) -> dict:
    selectors.decorate([message], request.user)
    # A page shown again after a refused step was opened (and logged) just before: a refusal
    # writes nothing.
    if (
        bound is None
        and message.may_see_personal_data
        and (message.author_name or message.author_handle)
    ):
        services.personal_data_viewed(actor=request.user, message=message)
    bound = bound or {}
    actions = []
    for offered in message_workflow.available_actions(request.user, message):
        form = None
        if offered.enabled and offered.form == "reply":
            form = bound.get("reply") or forms.ReplyForm(auto_id="reply-%s")
        elif offered.enabled and offered.form == "ground":
            form = bound.get(offered.name) or forms.GroundForm(auto_id=f"{offered.name}-%s")
        actions.append({"action": offered, "form": form})
    return {
        "message": message,
        "actions": actions,
        "replies": list(message.replies.select_related("sent_by")),
    }


@login_required
def message_detail(request: HttpRequest, pk: int) -> HttpResponse:
    message = _get(request, pk)
    return render(request, "inbox/message_detail.html", _context(request, message))


STEPS = {
    "reply": (forms.ReplyForm, _("The reply has been sent.")),
    "hide": (forms.GroundForm, _("The message is hidden; the moderation log records it.")),
    "delete": (forms.GroundForm, _("The message is deleted; the moderation log records it.")),
}


@login_required
@require_POST
def message_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404
    message = _get(request, pk)
    if not message_workflow.permitted(request.user, message, step):
        raise PermissionDenied  # before the form: one not allowed learns nothing more
    form_class, done = STEPS[step]
    form = form_class(request.POST, auto_id=f"{step}-%s")
    if form.is_valid():
        try:
            message_workflow.perform(request.user, message, step, **form.cleaned_data)
        except InvalidTransition as error:
            messages.error(request, error_text(error))
            return redirect("inbox:detail", pk=pk)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("inbox:detail", pk=pk)
    messages.error(request, _("Nothing has been changed: correct the marked fields."))
    message = _get(request, pk)
    return render(
        request, "inbox/message_detail.html", _context(request, message, bound={step: form})
    )


@login_required
def message_convert(request: HttpRequest, pk: int) -> HttpResponse:
    """One click from the message: the appeal's registration form, prefilled (R8.1)."""
    message = _get(request, pk)
    permissions.require(request.user, "inbox.message.convert", message)
    refused = message_workflow.refusal(request.user, message, "convert")
    if message.appeal_id:
        return redirect("appeals:detail", pk=message.appeal_id)
    if refused is not None:
        messages.error(request, error_text(refused))
        return redirect("inbox:detail", pk=pk)
    initial = services.prefill(message)
    form = forms.ConvertForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        message=message,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["attachments"] = data.pop("attachments", None) or []
        try:
            message = services.convert(actor=request.user, message=message, **data)
        except InvalidTransition as error:
            messages.error(request, error_text(error))
            return redirect("inbox:detail", pk=pk)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Appeal %(number)s has been registered from the message.")
                % {"number": message.appeal.number},
            )
            return redirect("appeals:detail", pk=message.appeal_id)
    selectors.decorate([message], request.user)
    if message.may_see_personal_data and request.method == "GET":
        services.personal_data_viewed(actor=request.user, message=message)
    return render(request, "inbox/convert.html", {"form": form, "message": message})


@csrf_exempt
@require_POST
def telegram_webhook(request: HttpRequest, connection_id: int) -> HttpResponse:
    """Telegram's POST of one update. The header X-Telegram-Bot-Api-Secret-Token must equal the
    connection's secret (compared in constant time); anything else — a wrong or missing secret,
    an unknown or disconnected connection — gets the same empty 403. A malformed body or an
    update that is not a message is acknowledged (200) and dropped, so Telegram does not resend
    it forever."""
    from channels.models import TelegramConnection

    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    connection = (
        TelegramConnection.objects.select_related("account")
        .filter(pk=connection_id, disconnected_at__isnull=True)
        .first()
    )
    expected = connection.webhook_secret if connection is not None else ""
    # compare_digest on equal-length inputs whatever happens, so timing tells nothing.
    if not hmac.compare_digest(given.encode(), (expected or "\x00" * 64).encode()) or not expected:
        return HttpResponse(status=403)
    try:
        update = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"ok": True})
    if isinstance(update, dict):
        services.webhook_receive(connection, update)
    return JsonResponse({"ok": True})

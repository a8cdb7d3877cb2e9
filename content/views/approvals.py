"""Approving where the chairman is (issue 13, point 1; docs/content.md, "Approving from the
notification").

- The notification list shows, on the newest notification about a publication awaiting this
  user's approval (still submitted, and the engine's `approve` open to them), a card with the
  text, the images, the target accounts and the checklist's result, and Approve and Return
  (comment required) right there: the bell is tap 1, Approve tap 2.
- The notification's e-mail carries the same facts and a signed link valid for
  APPROVAL_LINK_MAX_AGE seconds (72 h) to a confirmation page. A GET never approves (link
  scanners open links): the page shows the card and one Approve button that POSTs. The page
  needs the session (login, and the second factor where OTP_REQUIRED_FOR_CHAIRMEN asks for it,
  accounts/middleware.py); the link names the publication and the person it was sent to.

Both go through `publication_workflow.perform` like the publication page's buttons, with the
version number the card showed: every guard (R6.3, R6.2-once, CL8.4 …) holds, the effect's
"the text changed after you opened it" too, and each form carries the one-time token.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import notifications, once, permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Notification
from accounts.web import error_text

from ..models import Publication, PublicationStatus
from ..workflows import publication_workflow
from .common import transition_data

S = PublicationStatus

# The notification that asks for the approval (content/publications.py, the submit effect).
APPROVAL_KIND = "content.publication.submit"
# What a card offers: the engine's own actions, nothing else.
CARD_ACTIONS = ("approve", "return")
# Cards per page of the list: each asks the engine's guards, so the page stays a bounded number
# of queries however many notifications there are.
MAX_CARDS = 5
LINK_SALT = "content.publication.approval-link"


def _done(action: str) -> str:
    return (
        _("The publication is approved.")
        if action == "approve"
        else _("The publication is returned for revision.")
    )


def link_max_age() -> int:
    return int(getattr(settings, "APPROVAL_LINK_MAX_AGE", 72 * 3600))


def _publications():
    return Publication.objects.select_related(
        "organization", "current_version", "author", "crisis"
    ).prefetch_related("targets__account", "current_version__attachments")


def publication_pk_of(url: str) -> int | None:
    """The publication a notification's link opens, or None."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    if match.view_name != "content:publication_detail":
        return None
    return match.kwargs.get("pk")


def card_context(user, publication: Publication) -> dict:
    """The card's facts, and what the engine offers this user now (asked once: `approvable`
    is "submitted, and approve enabled for them", `return_enabled` the same for return)."""
    enabled = {
        a.name for a in publication_workflow.available_actions(user, publication) if a.enabled
    }
    version = publication.current_version
    attachments = list(version.attachments.all()) if version else []
    return {
        "publication": publication,
        "version": version,
        "targets": list(publication.targets.all()),
        "images": [a for a in attachments if a.thumbnail],
        "files": [a for a in attachments if not a.thumbnail],
        # The checklist app hangs its checklist on the version (content never imports it).
        "checklist": getattr(version, "checklist", None) if version else None,
        "approvable": publication.status == S.SUBMITTED and "approve" in enabled,
        "return_enabled": "return" in enabled,
    }


# The notification list's cards ----------------------------------------------------------------


def approval_cards(request: HttpRequest, rows) -> dict[int, str]:
    """{notification pk: card} for the newest notification of each publication on the page that
    awaits this user's approval; the others keep their plain link."""
    newest: dict[int, int] = {}
    for notification in rows:  # newest first (Notification.Meta.ordering)
        pk = publication_pk_of(notification.url)
        if pk is not None and pk not in newest:
            newest[pk] = notification.pk
            if len(newest) >= MAX_CARDS:
                break
    if not newest:
        return {}
    publications = permissions.visible(
        request.user,
        _publications().filter(pk__in=newest, status=S.SUBMITTED),
        action="content.view",
    )
    back = request.get_full_path()
    cards = {}
    for publication in publications:
        context = card_context(request.user, publication)
        if not context["approvable"]:
            continue
        context.update(
            {
                "approve_url": reverse("content:approval_inline", args=[publication.pk, "approve"]),
                "return_url": reverse("content:approval_inline", args=[publication.pk, "return"]),
                "next": back,
                "inline": True,
            }
        )
        cards[newest[publication.pk]] = render_to_string(
            "content/_approval_card.html", context, request=request
        )
    return cards


def _mark_read(user, publication: Publication) -> None:
    """The decision is taken: the notifications asking for it are read (the bell's count)."""
    Notification.objects.filter(
        recipient=user,
        kind=APPROVAL_KIND,
        url=reverse("content:publication_detail", args=[publication.pk]),
        read_at__isnull=True,
    ).update(read_at=timezone.now())


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("accounts:notifications")


@login_required
@require_POST
@once.protect
def approval_inline(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Approve or return from the notification's card, then back to the list."""
    if action not in CARD_ACTIONS:
        raise Http404
    publication = permissions.get_object_or_404_for(
        request.user, _publications(), "content.view", pk=pk
    )
    back = _next_url(request)
    transition = publication_workflow.transitions[action]
    with once.submission(request) as slot:
        try:
            publication_workflow.perform(
                request.user,
                publication,
                action,
                **transition_data(request, transition.form),
            )
        except (ValidationError, InvalidTransition) as error:
            messages.error(request, error_text(error))
        else:
            _mark_read(request.user, publication)
            messages.success(request, _done(action))
            return slot.redirect(back)
    return redirect(back)


# The e-mail's signed link ---------------------------------------------------------------------


def approval_token(publication: Publication, user) -> str:
    return signing.TimestampSigner(salt=LINK_SALT).sign_object(
        {"p": publication.pk, "u": user.pk}, compress=False
    )


def approval_link(publication: Publication, user) -> str:
    """The absolute address of the confirmation page, for `user` only."""
    path = reverse("content:approval_confirm", args=[approval_token(publication, user)])
    return settings.SITE_URL.rstrip("/") + path


class LinkRefused(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _read_token(token: str, user) -> int:
    """The publication the link names, for this user; else LinkRefused saying why."""
    try:
        data = signing.TimestampSigner(salt=LINK_SALT).unsign_object(token, max_age=link_max_age())
    except signing.SignatureExpired:
        raise LinkRefused(
            _("This approval link has expired. Open the publication and approve it there.")
        ) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise LinkRefused(
            _("This approval link is not valid. Open the publication from your notifications.")
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("p"), int):
        raise LinkRefused(
            _("This approval link is not valid. Open the publication from your notifications.")
        )
    if data.get("u") != user.pk:
        raise LinkRefused(
            _(
                "This approval link was sent to another person. Sign in with your own account "
                "or open the publication from your notifications."
            ),
            status=403,
        )
    return data["p"]


@login_required
@once.protect
def approval_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mail's link: a GET shows the card and one Approve button; only its POST approves."""
    try:
        pk = _read_token(token, request.user)
    except LinkRefused as refused:
        return render(
            request,
            "content/approval_confirm.html",
            {"error": refused.message},
            status=refused.status,
        )
    publication = permissions.get_object_or_404_for(
        request.user, _publications(), "content.view", pk=pk
    )
    if request.method == "POST":
        with once.submission(request) as slot:
            try:
                publication_workflow.perform(
                    request.user,
                    publication,
                    "approve",
                    **transition_data(request, "comment"),
                )
            except (ValidationError, InvalidTransition) as error:
                messages.error(request, error_text(error))
            else:
                _mark_read(request.user, publication)
                messages.success(request, _done("approve"))
                return slot.redirect("content:publication_detail", pk=pk)
        return redirect("content:publication_detail", pk=pk)
    context = card_context(request.user, publication)
    if not context["approvable"]:
        messages.info(request, _("This publication no longer awaits your approval."))
        return redirect("content:publication_detail", pk=pk)
    context.update(
        {"approve_url": request.get_full_path(), "inline": False, "return_enabled": False}
    )
    return render(request, "content/approval_confirm.html", context)


# The e-mail's details -------------------------------------------------------------------------


def approval_email(notification, fmt: str) -> str:
    """The publication to approve, in the notification's e-mail: excerpt, accounts, checklist,
    materials, and the signed link to the confirmation page while it awaits the recipient."""
    pk = publication_pk_of(notification.url)
    if pk is None:
        return ""
    user = notification.recipient
    publication = permissions.visible(
        user, _publications().filter(pk=pk), action="content.view"
    ).first()
    if publication is None:
        return ""
    context = card_context(user, publication)
    context.update(
        {
            "link": approval_link(publication, user),
            "hours": link_max_age() // 3600,
        }
    )
    template = "emails/approval_details.txt" if fmt == "txt" else "emails/approval_details.html"
    return render_to_string(template, context)


notifications.register_details(APPROVAL_KIND, cards=approval_cards, email=approval_email)

"""One-time tokens against double submits (issue 12, point 2; docs/security.md).

Every form that creates something carries `{% once_token %}` (accounts/templatetags/once.py): a
hidden field with a fresh random token. The view is wrapped in `@once.protect` and runs its
creating work inside `with once.submission(request) as slot:`, ending with
`return slot.redirect(...)` (or `slot.done(url)`):

    @login_required
    @once.protect
    def thing_create(request):
        ...
        if request.method == "POST" and form.is_valid():
            with once.submission(request) as slot:
                thing = services.thing_create(...)
                return slot.redirect("app:thing_detail", pk=thing.pk)

`submission` opens a transaction and claims the token first (an insert into a unique index),
so the token row and the created object commit together or not at all:

- a second POST of the same form after the first committed is answered by `protect` before the
  view runs: a redirect to what the first created, with a message, and nothing is created;
- two POSTs at once: the second one's insert waits on the unique index until the first commits,
  then fails; `protect` answers it the same way. If the first rolled back, the second proceeds;
- a submission that created nothing (the form or the service refused it) gives its token back,
  so correcting the form and sending it again works;
- a POST without a token (an old page, a script) is handled as before, without protection.
"""

from __future__ import annotations

import functools
import logging
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from celery import shared_task
from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .models import SubmissionToken

logger = logging.getLogger(__name__)

FIELD = "once_token"
_VALID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_of(request: HttpRequest) -> str | None:
    """The submitted token, or None when the POST carries none (or garbage: treated as none)."""
    if request.method != "POST":
        return None
    value = request.POST.get(FIELD, "")
    return value if _VALID.match(value) else None


def _user_id(request: HttpRequest) -> int | None:
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


class AlreadySent(Exception):
    """The token was claimed by another submission (raised by `submission`, answered by
    `protect`)."""


class Slot:
    def __init__(self, token: str | None) -> None:
        self.token = token
        self.result_url = ""

    def done(self, target: Any, *args: Any, **kwargs: Any) -> str:
        """Record what the submission created: a URL, a URL name with its arguments, or an
        object with get_absolute_url."""
        self.result_url = resolve_url(target, *args, **kwargs)
        return self.result_url

    def redirect(self, target: Any, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
        return redirect(self.done(target, *args, **kwargs))


@contextmanager
def submission(request: HttpRequest) -> Iterator[Slot]:
    slot = Slot(token_of(request))
    with transaction.atomic():
        if slot.token:
            try:
                with transaction.atomic():
                    SubmissionToken.objects.create(token=slot.token, user_id=_user_id(request))
            except IntegrityError:
                raise AlreadySent(slot.token) from None
        yield slot
        if slot.token:
            if slot.result_url:
                SubmissionToken.objects.filter(token=slot.token).update(
                    result_url=slot.result_url[:500]
                )
            else:  # nothing was created: the same form may be sent again
                SubmissionToken.objects.filter(token=slot.token).delete()


def replay(request: HttpRequest) -> HttpResponse | None:
    """The answer to a POST whose token an earlier submission already used, or None."""
    token = token_of(request)
    if token is None:
        return None
    used = (
        SubmissionToken.objects.filter(token=token)
        .exclude(result_url="")
        .values_list("user_id", "result_url")
        .first()
    )
    if used is None:
        return None
    user_id, url = used
    if user_id != _user_id(request) or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}
    ):
        # Somebody else's token (a stale page after another sign-in): send the form afresh.
        messages.error(request, _("This form has expired. Please fill it in again."))
        return redirect(request.get_full_path())
    messages.info(request, _("This form was already sent; here is what it created."))
    return redirect(url)


def protect(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer a repeated submission with what the first created, before the view runs."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        answered = replay(request)
        if answered is not None:
            return answered
        try:
            return view(request, *args, **kwargs)
        except AlreadySent:
            # The other submission committed while this one waited on the unique index.
            answered = replay(request)
            if answered is not None:
                return answered
            messages.error(request, _("This form has expired. Please fill it in again."))
            return redirect(request.get_full_path())

    wrapped.once_protected = True  # type: ignore[attr-defined]  # checked by tests/accounts/test_once.py
    return wrapped


def keep_days() -> int:
    return getattr(settings, "SUBMISSION_TOKEN_DAYS", 2)


@shared_task
def purge_submission_tokens() -> int:
    """Forget tokens older than SUBMISSION_TOKEN_DAYS: a form that old is sent again as new."""
    cutoff = timezone.now() - timedelta(days=keep_days())
    deleted, _by_model = SubmissionToken.objects.filter(created_at__lt=cutoff).delete()
    return deleted

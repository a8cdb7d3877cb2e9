"""OTP_REQUIRED_FOR_CHAIRMEN: a chairman or superuser who has not proved a second factor in this
session reaches only the enrolment page (and can sign out or switch the language).

Placed after django-otp's OTPMiddleware (request.user.is_verified()). With the setting off it
does nothing and costs no query; with it on, one or two queries for a signed-in person whose
session is not verified.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor

# Pages that stay open to a person who must enrol first.
OPEN_URL_NAMES = (
    "accounts:two_factor_setup",
    "accounts:two_factor_codes",
    "accounts:logout",
    "accounts:set_language",
    "javascript-catalog",
)


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths: frozenset[str] | None = None

    def open_paths(self) -> frozenset[str]:
        if self._open_paths is None:
            self._open_paths = frozenset(reverse(name) for name in OPEN_URL_NAMES)
        return self._open_paths

    def __call__(self, request):
        if settings.OTP_REQUIRED_FOR_CHAIRMEN:
            response = self.refuse(request)
            if response is not None:
                return response
        return self.get_response(request)

    def refuse(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        path = request.path_info
        if path in self.open_paths() or path.startswith(settings.STATIC_URL):
            return None
        if not two_factor.is_required(user):
            return None
        if two_factor.has_device(user):
            # Signed in without the code (a session from before enrolment): start again.
            logout(request)
            return redirect_to_login(request.get_full_path())
        return redirect("accounts:two_factor_setup")


# Idle expiry without a write on every request (issue 14: three queries a page): the session of
# a signed-in person is saved — and its expiry pushed SESSION_COOKIE_AGE ahead — when it was last
# renewed more than SESSION_RENEW_SECONDS ago, so it ends between SESSION_COOKIE_AGE minus that
# and SESSION_COOKIE_AGE after the last request. Signing in counts as a renewal.
RENEWED = "_renewed"


def mark_renewed(session) -> None:
    session[RENEWED] = int(time.time())


class SessionRenewalMiddleware:
    """Placed right after SessionMiddleware: its answer passes here before the session is saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.session_key is None or session.is_empty():
            return response  # no session, or one already flushed by a sign-out
        if SESSION_KEY not in session:
            return response  # anonymous: nothing to keep alive
        if time.time() - session.get(RENEWED, 0) >= settings.SESSION_RENEW_SECONDS:
            mark_renewed(session)
        return response


@receiver(user_logged_in)
def _renewed_at_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        mark_renewed(request.session)

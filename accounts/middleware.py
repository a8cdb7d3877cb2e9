"""OTP_REQUIRED_FOR_CHAIRMEN: a chairman or superuser who has not proved a second factor in this
session reaches only the enrolment page (and can sign out or switch the language).

Placed after django-otp's OTPMiddleware (request.user.is_verified()). With the setting off it
does nothing and costs no query; with it on, one or two queries for a signed-in person whose
session is not verified.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
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

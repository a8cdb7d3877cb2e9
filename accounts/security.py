"""The login throttle, shared by every place a person proves who they are.

django-axes counts failures per (username, client address) — AXES_LOCKOUT_PARAMETERS. The login
form goes through it by way of `authenticate()`; this module puts the other proofs through the
same count: the second-factor code after the password, the password and code re-entered to sign
a checklist decision (CL9), and the password that confirms a change of the second factor or a
sign-out everywhere. After AXES_FAILURE_LIMIT failures of any kind the pair is locked, and the
request that hit the limit is answered by the lockout page (AxesMiddleware).
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from python_ipware import IpWare

from .models import User


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as the throttle records it (AXES_CLIENT_IP_CALLABLE).

    With TRUSTED_PROXY_COUNT = 0 it is REMOTE_ADDR. Behind N proxies that each append the address
    they saw to X-Forwarded-For, the client is the N-th entry from the right; anything to its left
    came from the client and is ignored, so a forged header cannot move the count to somebody
    else's address. A request with fewer entries did not come through the proxies: REMOTE_ADDR.
    The entry is chosen here by position (ipware's own proxy-count heuristics prefer public
    addresses, which is not what a fixed chain of proxies means); python-ipware parses it
    (ports, brackets, garbage)."""
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    if len(hops) < count:
        return remote
    found, _trusted = _PARSER.get_client_ip({"HTTP_X_FORWARDED_FOR": hops[-count]}, False)
    return str(found) if found is not None else remote


_PARSER = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), algorithm="modern")


def _credentials(user: User) -> dict:
    return {"username": user.get_username()}


def is_locked(request: HttpRequest, user: User) -> bool:
    """True while this user is locked at this client address. The request is flagged, so the
    response becomes the lockout page."""
    if AxesProxyHandler.is_allowed(request, _credentials(user)):
        return False
    request.axes_locked_out = True
    request.axes_credentials = _credentials(user)
    return True


def record_failure(request: HttpRequest, user: User) -> None:
    """Count one failed proof (a wrong code, a wrong password outside the login form)."""
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)


def check_password(request: HttpRequest, user: User, password: str) -> bool:
    """The password of the signed-in person, through the throttle: `authenticate()` runs the
    axes backend (refuses a locked pair) and a failure is counted as a failed login would be.
    Always False while the pair is locked, even for the right password."""
    if not password or is_locked(request, user):
        return False
    authenticated = authenticate(request, username=user.get_username(), password=password)
    if getattr(request, "axes_locked_out", False):
        return False
    return authenticated is not None and authenticated.pk == user.pk

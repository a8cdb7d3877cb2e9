"""The second factor (django-otp): a TOTP authenticator app plus ten single-use recovery codes.

A person has a second factor once their TOTP device is confirmed; the recovery codes (a
django-otp static device) exist only beside it and stand in for the phone when it is lost. The
login asks for a code after the password (accounts/views.py), the checklist decision asks for
one with the signature (checklist/forms.py), and with OTP_REQUIRED_FOR_CHAIRMEN chairmen and
superusers must enrol before anything else (accounts/middleware.py).
"""

from __future__ import annotations

import re
from base64 import b32encode

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .models import Membership, Role, User

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "authenticator"
RECOVERY_NAME = "recovery"
# The key under which the freshly made recovery codes wait, in the session, to be shown once.
CODES_SESSION_KEY = "two_factor_new_codes"


def totp_device(user: User, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def has_device(user: User) -> bool:
    """Whether the person signs in with a second factor."""
    return user.pk is not None and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_required(user: User) -> bool:
    """OTP_REQUIRED_FOR_CHAIRMEN: superusers and the chairman of any active organization."""
    if not settings.OTP_REQUIRED_FOR_CHAIRMEN:
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(
        user=user, role=Role.CHAIRMAN, organization__is_active=True
    ).exists()


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(
        device__user=user, device__confirmed=True, device__name=RECOVERY_NAME
    ).count()


def verify(user: User, token: str) -> Device | None:
    """The device that accepts `token` — six digits from the app, or a recovery code (used up
    by this) — or None. Each device throttles its own failures (django-otp); the caller counts
    the failure in the login throttle too (accounts.security.record_failure)."""
    token = re.sub(r"[\s-]", "", token or "").lower()
    if not token or len(token) > 16:
        return None
    if token.isascii() and token.isdigit() and len(token) == 6:
        device = totp_device(user)
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    return django_otp.verify_token(user, device.persistent_id, token)


def secret_base32(device: TOTPDevice) -> str:
    """The key as an authenticator app takes it when typed in, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG drawn here: no image service ever sees the key."""
    image = qrcode.make(
        device.config_url,
        image_factory=qrcode.image.svg.SvgPathImage,
        box_size=8,
        border=2,
    )
    svg = image.to_string(encoding="unicode")
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    # Millimetres print well but render tiny on a phone-sized scan: a fixed pixel size instead.
    return re.sub(r'width="[^"]*" height="[^"]*"', 'width="240" height="240"', svg, count=1)


# Services -------------------------------------------------------------------------------------


@transaction.atomic
def enrolment_start(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator the enrolment page shows; the same one on every visit
    until it is confirmed, so reloading the page does not invalidate a scanned code."""
    device = totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def enrolment_confirm(*, user: User, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the scanned authenticator with a code from it; returns the new recovery codes,
    or None when the code is wrong. Any earlier second factor of the person is replaced."""
    token = re.sub(r"\s", "", token or "")
    if device.user_id != user.pk or device.confirmed:
        return None
    if django_otp.verify_token(user, device.persistent_id, token) is None:
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        device.confirmed = True
        codes = _new_recovery_codes(user)
        audit.record("accounts.user.two_factor_enable", actor=user, obj=user)
    return codes


@transaction.atomic
def recovery_codes_regenerate(*, user: User) -> list[str]:
    """Ten new recovery codes; the old ones stop working."""
    codes = _new_recovery_codes(user)
    audit.record("accounts.user.recovery_codes", actor=user, obj=user)
    return codes


@transaction.atomic
def disable(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.record("accounts.user.two_factor_disable", actor=user, obj=user)


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes

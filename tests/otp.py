"""Second-factor helpers for tests: the code an authenticator app would show, computed from the
device's key as the app does (django_otp.oath.totp)."""

import time

from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor


def next_code(device: TOTPDevice) -> str:
    """The next code the device accepts: not yet used (after last_t) and within its tolerance
    window — waiting for the next time step only when the window is used up."""
    while True:
        device.refresh_from_db()
        now = TOTP(device.bin_key, device.step, device.t0, device.digits, 0).t()
        low = now + device.drift - device.tolerance
        high = now + device.drift + device.tolerance
        t = max(low, device.last_t + 1)
        if t <= high:
            token = totp(device.bin_key, device.step, device.t0, device.digits, drift=t - now)
            return f"{token:0{device.digits}d}"
        time.sleep(1)


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    """A confirmed authenticator and its recovery codes, as the enrolment page makes them."""
    device = two_factor.enrolment_start(user=user)
    codes = two_factor.enrolment_confirm(user=user, device=device, token=next_code(device))
    device.refresh_from_db()
    return device, codes

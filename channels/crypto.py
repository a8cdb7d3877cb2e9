"""Bot tokens encrypted at rest: Fernet (AES-128-CBC with HMAC-SHA256) from `cryptography`.

The key is CHANNELS_SECRET_KEY (a Fernet key: `python -c "from cryptography.fernet import
Fernet; print(Fernet.generate_key().decode())"`). Development and the tests, which may run the
simulator, derive one from SECRET_KEY when it is empty; production refuses to encrypt or decrypt
without it (and `manage.py check --deploy` says so)."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _fernet() -> Fernet:
    key = settings.CHANNELS_SECRET_KEY
    if not key:
        if not settings.TELEGRAM_SIMULATOR_ALLOWED:
            raise ImproperlyConfigured(
                "CHANNELS_SECRET_KEY is not set: bot tokens cannot be stored (docs/telegram.md)."
            )
        digest = hashlib.sha256(b"channels-token-key:" + settings.SECRET_KEY.encode()).digest()
        key = base64.urlsafe_b64encode(digest).decode()
    try:
        return Fernet(key)
    except ValueError as error:
        raise ImproperlyConfigured(f"CHANNELS_SECRET_KEY is not a Fernet key: {error}") from None


def encrypt(token: str) -> bytes:
    return _fernet().encrypt(token.encode())


def decrypt(data: bytes) -> str:
    try:
        return _fernet().decrypt(data).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "The stored bot token cannot be decrypted: CHANNELS_SECRET_KEY changed. "
            "Enter the token again (Replace the token)."
        ) from None

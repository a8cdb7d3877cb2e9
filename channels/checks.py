"""System checks: production never talks to the simulator, and stores tokens with a key."""

from django.conf import settings
from django.core import checks

from .simulator import is_simulator_url


@checks.register(checks.Tags.security)
def telegram_settings(app_configs, **kwargs):
    errors = []
    if not settings.TELEGRAM_SIMULATOR_ALLOWED and is_simulator_url(settings.TELEGRAM_API_BASE_URL):
        errors.append(
            checks.Error(
                "TELEGRAM_API_BASE_URL points at a local simulator outside development settings.",
                hint="Use https://api.telegram.org (docs/telegram.md).",
                id="channels.E001",
            )
        )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def telegram_key(app_configs, **kwargs):
    if not settings.CHANNELS_SECRET_KEY:
        return [
            checks.Error(
                "CHANNELS_SECRET_KEY is not set: bot tokens cannot be encrypted.",
                hint="Generate a Fernet key (docs/telegram.md) and set it in the environment.",
                id="channels.E002",
            )
        ]
    return []

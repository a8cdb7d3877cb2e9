"""Production: gunicorn behind a TLS proxy, PostgreSQL, Redis, Celery worker and beat."""

from .base import *  # noqa: F403
from .base import env, without_jit

DEBUG = False
SECRET_KEY = env("SECRET_KEY")  # no default: refuse to start without one
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
without_jit(DATABASES["default"])  # issue 14: base.py
CELERY_BROKER_URL = env("CELERY_BROKER_URL")

# WhiteNoise serves the collected static files (`manage.py collectstatic`) from gunicorn itself.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES = {
    "default": STORAGES["default"],  # noqa: F405  (FILE_STORAGE: filesystem or s3, base.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Authentication (docs/security.md) ----------------------------------------------------------
# gunicorn runs behind one nginx that appends the client's address to X-Forwarded-For: the
# throttle counts failures per real client, not per proxy.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
# Chairmen and superusers sign in with a second factor.
OTP_REQUIRED_FOR_CHAIRMEN = env.bool("OTP_REQUIRED_FOR_CHAIRMEN", default=True)
DEMO_DATA_ALLOWED = False  # never: load_demo refuses to run
# --- end of Authentication ----------------------------------------------------------------------

# --- Telegram (docs/telegram.md) -----------------------------------------------------------------
# The real Bot API only: the simulator is refused. Bot tokens need their own key
# (CHANNELS_SECRET_KEY): without it connecting a bot is refused and `check --deploy` fails.
TELEGRAM_SIMULATOR_ALLOWED = False
TELEGRAM_API_BASE_URL = env("TELEGRAM_API_BASE_URL", default="https://api.telegram.org")
if not TELEGRAM_API_BASE_URL.startswith("https://"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "TELEGRAM_API_BASE_URL must be an https:// address of the Bot API in production; "
        "the simulator runs only with development settings."
    )

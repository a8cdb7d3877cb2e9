"""The test suite. DATABASE_URL selects PostgreSQL (CI); without it, SQLite."""

import os

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Tasks run inline unless a test starts a real worker (tests/conftest.py: celery_worker).
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
# Playwright drives the browser from an event loop in the test's thread; Django's ORM refuses
# that unless told it is safe, which it is for the test's own synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/kasipodaq-test-media")

# --- Authentication (docs/security.md) ----------------------------------------------------------
# The demo (make run) and the suite sign chairmen in with a password alone unless the
# environment turns the requirement on; tests that need it switch it on themselves.
OTP_REQUIRED_FOR_CHAIRMEN = env.bool("OTP_REQUIRED_FOR_CHAIRMEN", default=False)
DEMO_DATA_ALLOWED = True

# --- Telegram (docs/telegram.md) -----------------------------------------------------------------
# Tests start the fake Bot API themselves (tests/channels/conftest.py) and point at it.
TELEGRAM_SIMULATOR_ALLOWED = True
# Nothing listens on port 9: a test that forgets the fake fails.
TELEGRAM_API_BASE_URL = env("TELEGRAM_API_BASE_URL", default="http://127.0.0.1:9")

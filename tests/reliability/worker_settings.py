"""Settings of the Celery worker *processes* that the fault tests start: the test settings, but
tasks run in the worker (not inline) and e-mail goes to the test's own SMTP server."""

from config.settings.test import *  # noqa: F403
from config.settings.test import env

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_BROKER_TRANSPORT_OPTIONS = BOUNDED_BROKER_OPTIONS  # noqa: F405 - as in production
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = env.int("FAULT_SMTP_PORT")
EMAIL_USE_TLS = False
EMAIL_HOST_USER = ""
EMAIL_HOST_PASSWORD = ""

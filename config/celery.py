"""The project's Celery app: `celery -A config worker` and `celery -A config beat`.

Periodic tasks: each app that has them declares `SCHEDULE = {...}` (Celery beat entries, task
names as strings, no model imports) in `<app>/schedule.py`; they are merged here, and
django-celery-beat's DatabaseScheduler stores them at beat start-up.
"""

import importlib
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

PROJECT_APPS = (
    "accounts",
    "registry",
    "content",
    "checklist",
    "appeals",
    "reports",
    "channels",
    "inbox",
)

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def beat_schedule() -> dict:
    schedule: dict = {}
    for name in PROJECT_APPS:
        try:
            module = importlib.import_module(f"{name}.schedule")
        except ModuleNotFoundError as error:
            if error.name != f"{name}.schedule":
                raise
            continue
        schedule.update(module.SCHEDULE)
    return schedule


app.conf.beat_schedule = beat_schedule()

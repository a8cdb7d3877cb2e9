"""Point 7: only development (and the tests) may use the simulator; production refuses it."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from channels import checks, crypto, simulator

ROOT = Path(__file__).resolve().parents[2]


def test_the_simulator_command_refuses_where_it_is_not_allowed(settings):
    settings.TELEGRAM_SIMULATOR_ALLOWED = False
    with pytest.raises(CommandError, match="refuses"):
        call_command("telegram_simulator", stdout=io.StringIO())


def test_a_loopback_bot_api_outside_development_fails_the_system_check(settings):
    settings.TELEGRAM_SIMULATOR_ALLOWED = False
    settings.TELEGRAM_API_BASE_URL = "http://127.0.0.1:8081"
    assert [e.id for e in checks.telegram_settings(None)] == ["channels.E001"]
    settings.TELEGRAM_API_BASE_URL = "https://api.telegram.org"
    assert checks.telegram_settings(None) == []


def test_the_pages_say_simulator_only_while_one_is_used(settings):
    settings.TELEGRAM_API_BASE_URL = "http://127.0.0.1:8081"
    assert simulator.in_use()
    settings.TELEGRAM_API_BASE_URL = "https://api.telegram.org"
    assert not simulator.in_use()


def test_without_a_key_production_refuses_to_store_a_token(settings):
    settings.TELEGRAM_SIMULATOR_ALLOWED = False
    settings.CHANNELS_SECRET_KEY = ""
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("7000000042:TEST")
    assert [e.id for e in checks.telegram_key(None)] == ["channels.E002"]


def test_the_production_settings_refuse_a_simulator_address(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "smm.example.kz",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "CELERY_BROKER_URL": "memory://",
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py, no shell
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "TELEGRAM_API_BASE_URL must be an https:// address" in result.stderr

"""`manage.py load_demo` refuses under production settings; its password follows the rules."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import password_validation
from django.core.management import CommandError, call_command

from accounts.management.commands.load_demo import DEMO_PASSWORD
from accounts.models import User

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_it_refuses_where_demo_data_is_not_allowed(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="refuses"):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.exists()


def test_it_refuses_under_the_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "smm.example.kz",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "CELERY_BROKER_URL": "memory://",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "load_demo refuses to run here" in result.stderr


def test_the_demo_password_passes_the_password_rules():
    assert len(DEMO_PASSWORD) >= 10
    password_validation.validate_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_a_demo_loaded_with_the_old_password_gets_the_new_one():
    call_command("load_demo", stdout=io.StringIO())
    User.objects.get(username="admin").set_password("demo-2026")
    for user in User.objects.all():
        user.set_password("demo-2026")
        user.save()
    call_command("load_demo", stdout=io.StringIO())
    assert all(user.check_password(DEMO_PASSWORD) for user in User.objects.all())

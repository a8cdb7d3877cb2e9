"""appeals/demo.py through `manage.py load_demo`: every state, overdue ones, idempotent."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from appeals.models import Appeal, Status

pytestmark = pytest.mark.django_db


def test_the_demo_has_appeals_in_every_state_and_overdue_ones_and_loads_once():
    call_command("load_demo", stdout=io.StringIO())
    statuses = set(Appeal.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert Appeal.objects.overdue(timezone.localdate()).exists()
    count = Appeal.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert Appeal.objects.count() == count
    assert "Appeals demo: 0 new appeals." in out.getvalue()

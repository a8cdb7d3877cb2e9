import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from registry.models import FLAGS, OfficialAccount

pytestmark = pytest.mark.django_db


def test_the_demo_register_shows_every_compliance_state_and_loads_once():
    call_command("load_demo", stdout=io.StringIO())
    count = OfficialAccount.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert OfficialAccount.objects.count() == count
    rows = list(OfficialAccount.objects.with_flags(timezone.localdate()))
    for name in FLAGS:
        assert any(getattr(r, f"flag_{name}") for r in rows), name
    assert any(not any(getattr(r, f"flag_{n}") for n in FLAGS) for r in rows)
    assert all(r.url.startswith("https://") for r in rows)

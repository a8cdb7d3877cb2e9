import io

import pytest
from django.core.management import call_command

from reports.models import Report, SubscriberCount

pytestmark = pytest.mark.django_db


def test_the_demo_loads_twice_without_duplicates():
    call_command("load_demo", stdout=io.StringIO())
    counts = (Report.objects.count(), SubscriberCount.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Report.objects.count(), SubscriberCount.objects.count()) == counts
    assert Report.objects.filter(status="accepted").exists() and counts[1] > 0

"""`make run`: the demo channel has a month of subscriber counts, so its chart shows at once."""

import io

import pytest
from django.core.management import call_command

from channels.models import SubscriberSnapshot

pytestmark = pytest.mark.django_db


def test_the_demo_channel_has_a_month_of_counts_and_loading_twice_adds_nothing():
    call_command("load_demo", stdout=io.StringIO())
    rows = SubscriberSnapshot.objects.filter(
        account__normalized_url__contains="t.me/kasipodaq_demo"
    )
    assert rows.count() == 30
    call_command("load_demo", stdout=io.StringIO())
    assert SubscriberSnapshot.objects.count() == 30

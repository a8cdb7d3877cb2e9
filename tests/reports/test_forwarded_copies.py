"""An appeal forwarded inside the subtree is counted once (its copy is the same appeal)."""

from datetime import date

import pytest

from appeals.models import Appeal
from reports.compute import compute
from tests.appeals.factories import received, register

pytestmark = pytest.mark.django_db


def test_a_copy_forwarded_inside_the_subtree_is_not_counted_twice(cast):
    original = register(cast.alice, cast.own, when=received(2026, 10, 5))
    copy = register(cast.alice, cast.own, when=received(2026, 10, 6))
    Appeal.objects.filter(pk=copy.pk).update(forwarded_from=original)
    outside = register(cast.sam, cast.sibling, when=received(2026, 10, 7))
    from_outside = register(cast.alice, cast.own, when=received(2026, 10, 8))
    Appeal.objects.filter(pk=from_outside.pk).update(forwarded_from=outside)
    data = compute(cast.own, date(2026, 7, 1), date(2026, 12, 31))
    # The original and the copy from a sibling organization count; the inner copy does not.
    assert data["appeals"]["messages"] == 2

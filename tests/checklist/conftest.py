import pytest

from tests.checklist.factories import ensure_template, publication


@pytest.fixture(autouse=True)
def appendix_1(db):
    return ensure_template()


@pytest.fixture
def version(cast):
    """A draft publication of the "own" organization, written by alice; its current version."""
    return publication(cast.own, cast.alice)

import pytest

from appeals import workdays


@pytest.fixture(autouse=True)
def fresh_calendar():
    """Each test sees the calendar of its own database state (overrides roll back with it)."""
    workdays.invalidate()
    yield
    workdays.invalidate()


def sqlite_lock(error: Exception) -> bool:
    """SQLite's shared-cache in-memory test database refuses a concurrent writer at once
    ("database table is locked") instead of waiting like PostgreSQL or a SQLite file with a
    timeout do. Concurrency tests accept that refusal on SQLite only; CI runs them on
    PostgreSQL, where every concurrent run must succeed."""
    from django.db import OperationalError, connection

    return (
        connection.vendor == "sqlite"
        and isinstance(error, OperationalError)
        and "locked" in str(error)
    )

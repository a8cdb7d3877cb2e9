"""One beat, however many hosts start one (docs/operations.md, "Scaling out").

Celery beat must run once: two beats would each send every periodic task. Starting it on a single
chosen host is fragile (that host dies, reminders stop), so every host may run
`celery -A config beat`, and `LeaderDatabaseScheduler` (CELERY_BEAT_SCHEDULER) decides which one
schedules:

- **The lock.** A beat schedules only while it holds PostgreSQL's session-level advisory lock
  `LOCK_KEY`, taken with `pg_try_advisory_lock` on a connection of its own (not Django's
  per-thread one, which `close_old_connections` may close). The lock belongs to that session: it
  cannot outlive the process or its connection, so a beat that dies or loses the database frees
  it, and nothing has to expire.
- **Standby.** A beat without the lock sends nothing; it tries again every
  `BEAT_STANDBY_SECONDS` and takes over within that time when the holder stops.
- **Take-over.** A beat that gets the lock reads the schedule again from the database first,
  last-run times included, so it does not repeat what the previous holder already sent; the
  holder writes those times when it stops (`close`). Each tick checks that the lock's connection
  still answers; when it does not, the beat stops scheduling before another may start.
- **SQLite** (`make run`, one machine): there is no advisory lock, and this beat always
  schedules.

The periodic tasks are idempotent besides (each reminder is claimed by a unique row before it is
sent), so even the seconds of a take-over cannot send a reminder twice; the lock keeps the work
itself from running twice. Test: tests/ops/test_beat_lock.py.
"""

from __future__ import annotations

import logging
import zlib

import psycopg
from django.conf import settings
from django.db import DatabaseError, InterfaceError, connections
from django_celery_beat.schedulers import DatabaseScheduler

logger = logging.getLogger(__name__)

# Fixed for the project; PostgreSQL keeps advisory locks per database, so two installations
# sharing one server (two databases) do not block each other.
LOCK_KEY = zlib.crc32(b"kasipodaq.celery-beat")


class BeatLock:
    """PostgreSQL's advisory lock `LOCK_KEY`, held by a connection of its own (a plain psycopg
    connection: it never reconnects behind our back, which would silently drop the lock)."""

    def __init__(self, alias: str = "default") -> None:
        self.alias = alias
        self.connection = None
        self.trivial = False  # SQLite: nothing to lock against

    @property
    def held(self) -> bool:
        return self.trivial or self.connection is not None

    def acquire(self) -> bool:
        """Take the lock if it is free; never waits."""
        if self.held:
            return True
        wrapper = connections.create_connection(self.alias)
        if wrapper.vendor != "postgresql":
            self.trivial = True
            return True
        raw = None
        try:
            raw = wrapper.get_new_connection(wrapper.get_connection_params())
            raw.autocommit = True
            taken = bool(raw.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY]).fetchone()[0])
        except (DatabaseError, InterfaceError, psycopg.Error) as error:
            logger.warning("beat lock: the database cannot be reached (%s)", error)
            taken = False
        if not taken:
            if raw is not None:
                raw.close()
            return False
        self.connection = raw
        return True

    def alive(self) -> bool:
        """The session that holds the lock still answers (so the lock is still ours)."""
        if self.trivial:
            return True
        if self.connection is None or self.connection.closed:
            return False
        try:
            self.connection.execute("SELECT 1").fetchone()
        except psycopg.Error:
            return False
        return True

    def release(self) -> None:
        connection, self.connection = self.connection, None
        if connection is None or connection.closed:
            return
        try:
            connection.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        except psycopg.Error:
            pass  # the session is gone, and the lock with it
        finally:
            connection.close()


class LeaderDatabaseScheduler(DatabaseScheduler):
    """django-celery-beat's scheduler that sends only while it holds the beat lock."""

    def __init__(self, *args, **kwargs) -> None:
        self.lock = BeatLock()
        self.standby_seconds = float(getattr(settings, "BEAT_STANDBY_SECONDS", 10))
        super().__init__(*args, **kwargs)

    def tick(self, *args, **kwargs) -> float:
        if self.lock.held and not self.lock.alive():
            logger.error("beat lock lost (database connection gone): this beat stops sending")
            self.lock.release()
            self._reread()
        if not self.lock.held:
            if not self.lock.acquire():
                return self.standby_seconds  # another beat schedules; send nothing
            logger.info("beat lock taken: this beat now sends the periodic tasks")
            self._reread()
        return super().tick(*args, **kwargs)

    def _reread(self) -> None:
        """Forget the schedule held in memory: the next tick reads it, with the last-run times
        another beat wrote, from the database."""
        self._dirty.clear()
        self._schedule = None
        self._initial_read = True
        self._heap = None
        # The read is fresh: changes made before it are not news (otherwise the next tick reads
        # again and rebuilds its queue from a schedule older than what it just sent).
        self._last_timestamp = None
        self._heap_invalidated = False

    def close(self) -> None:
        try:
            if self.lock.held:
                super().close()  # writes the last-run times for the next holder
        finally:
            self.lock.release()

"""The Kazakhstan working calendar every appeal deadline is computed on (R8.2).

A working day is Monday–Friday, minus the public holidays of the Republic of Kazakhstan as the
`holidays` package knows them (country KZ, with the substituted days off of the Government's /
Ministry of Labour's transfer orders), corrected by `CalendarOverride` rows that a superuser keeps
(a weekday declared a day off, e.g. the date of Kurban Ait announced at short notice; a Saturday or
Sunday declared a working day, e.g. Sunday 5 January 2025). A weekend day that the package itself
lists as a transferred working day (`weekend_workdays`) is a working day too.

Speed: the overrides are read once into memory (one query) and kept for
APPEALS_CALENDAR_CACHE_SECONDS; `invalidate()` (called by the override services after commit)
drops them at once in this process, the TTL bounds staleness in the others. The package's
holidays are expanded once per year and kept as frozensets. Walking a day is a few set lookups;
`scripts/bench_workdays.py` measures it (docs/appeals.md has the numbers).

Who depends on this: appeals.services (due dates, recomputation when an override changes),
appeals.selectors / views (working days left), appeals.reminders (is today a working day).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays as holidays_package
from django.conf import settings

HOLIDAYS_VERSION = holidays_package.__version__
_ONE_DAY = timedelta(days=1)


@dataclass
class Calendar:
    """One consistent view of the calendar: the package's years plus a set of overrides."""

    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()
    overrides_stamp: str = "0"
    _years: dict[int, tuple[frozenset[date], frozenset[date]]] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """Stored with every computed due date: which calendar computed it."""
        return f"holidays-{HOLIDAYS_VERSION}+overrides-{self.overrides_stamp}"

    def _year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        cached = self._years.get(year)
        if cached is None:
            kz = holidays_package.country_holidays("KZ", years=year)
            cached = (
                frozenset(kz.keys()),
                frozenset(d for d in kz.weekend_workdays if d.year == year),
            )
            self._years[year] = cached
        return cached

    def is_working_day(self, day: date) -> bool:
        if day in self.days_off:
            return False
        if day in self.working_days:
            return True
        public_holidays, weekend_workdays = self._year(day.year)
        if day.weekday() >= 5:
            return day in weekend_workdays
        return day not in public_holidays

    def add_working_days(self, start: date, n: int) -> date:
        if n < 1:
            raise ValueError("n must be at least 1")
        day = start
        while n:
            day += _ONE_DAY
            if self.is_working_day(day):
                n -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += _ONE_DAY
            count += self.is_working_day(day)
        return count

    def previous_working_day(self, day: date) -> date:
        day -= _ONE_DAY
        while not self.is_working_day(day):
            day -= _ONE_DAY
        return day


def load() -> Calendar:
    """A fresh calendar from the database (one query). Services that must see their own,
    not yet committed, override use this instead of the shared cache."""
    from .models import CalendarOverride, OverrideKind

    rows = list(CalendarOverride.objects.values_list("day", "kind", "updated_at"))
    stamp = "0"
    if rows:
        latest = max(r[2] for r in rows)
        stamp = f"{len(rows)}.{latest:%Y%m%d%H%M%S}"
    return Calendar(
        days_off=frozenset(d for d, k, _ in rows if k == OverrideKind.DAY_OFF),
        working_days=frozenset(d for d, k, _ in rows if k == OverrideKind.WORKING_DAY),
        overrides_stamp=stamp,
        # The package's years do not depend on the overrides: keep them across reloads.
        _years=_shared_years,
    )


_shared_years: dict[int, tuple[frozenset[date], frozenset[date]]] = {}
_lock = threading.Lock()
_cached: Calendar | None = None
_cached_at = 0.0


def current() -> Calendar:
    global _cached, _cached_at
    calendar, loaded_at = _cached, _cached_at
    ttl = getattr(settings, "APPEALS_CALENDAR_CACHE_SECONDS", 30)
    if calendar is None or time.monotonic() - loaded_at > ttl:
        with _lock:
            calendar = load()
            _cached, _cached_at = calendar, time.monotonic()
    return calendar


def invalidate() -> None:
    global _cached
    _cached = None


def is_working_day(day: date) -> bool:
    """Is `day` a working day in Kazakhstan (package holidays and overrides applied)?"""
    return current().is_working_day(day)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (n ≥ 1). `start` itself is never counted, whether or
    not it is a working day: an appeal received on a Sunday has its day 1 on Monday."""
    return current().add_working_days(start, n)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is before
    `start` (an overdue date: how many working days ago)."""
    return current().working_days_between(start, end)


def previous_working_day(day: date) -> date:
    return current().previous_working_day(day)


def calendar_version() -> str:
    return current().version

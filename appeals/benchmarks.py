"""Micro-benchmark of the working calendar: `python -m appeals.benchmarks`.

Prints microseconds per call of add_working_days(start, 3 / 15), working_days_between over a
month and is_working_day, on a calendar carrying the shipped override rows (no database needed:
the rows come from the data migration; in the application they are loaded once and cached).
Numbers go to docs/appeals.md; no test asserts timings."""

from __future__ import annotations

import importlib
import os
import timeit
from datetime import date, timedelta


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from appeals.workdays import Calendar

    rows = importlib.import_module("appeals.migrations.0002_official_calendar_2025_2026").ROWS
    calendar = Calendar(
        days_off=frozenset(d for d, k, _ in rows if k == "day_off"),
        working_days=frozenset(d for d, k, _ in rows if k == "working_day"),
        overrides_stamp="bench",
    )
    starts = [date(2025, 1, 1) + timedelta(days=i) for i in range(730)]
    for start in starts:  # warm the per-year holiday sets, as a running process has them
        calendar.add_working_days(start, 15)

    def per_call(fn, number: int = 20) -> float:
        total = min(timeit.repeat(fn, number=number, repeat=5))
        return total / (number * len(starts)) * 1e6

    results = {
        "add_working_days(start, 3)": per_call(
            lambda: [calendar.add_working_days(s, 3) for s in starts]
        ),
        "add_working_days(start, 15)": per_call(
            lambda: [calendar.add_working_days(s, 15) for s in starts]
        ),
        "working_days_between(start, start + 30 days)": per_call(
            lambda: [calendar.working_days_between(s, s + timedelta(days=30)) for s in starts]
        ),
        "is_working_day(day)": per_call(lambda: [calendar.is_working_day(s) for s in starts]),
    }
    cold = timeit.timeit(lambda: Calendar().add_working_days(date(2031, 12, 20), 15), number=1)
    for name, micro in results.items():
        print(f"{name:<48} {micro:8.2f} µs/call")
    print(f"{'first call in a new year (package expands it)':<48} {cold * 1e6:8.0f} µs once")


if __name__ == "__main__":
    main()

"""Reporting periods in words. A month and its year are written by the project's one helper,
accounts.formats.month_year ("2026 жылғы қараша", never "Қараша 2026"); the report page, its
PDF, the period labels and the roll-up all go through `months_span`."""

from __future__ import annotations

import calendar
from datetime import date

from accounts.formats import month_year


def whole_months(start: date, end: date) -> bool:
    """Does the period start on a month's first day and end on a month's last day?"""
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def months_span(start: date, end: date) -> str:
    """A period of whole months in words: one month, or "first month — last month"."""
    if (start.year, start.month) == (end.year, end.month):
        return month_year(start)
    return f"{month_year(start)} — {month_year(end)}"

"""Figures as the report prints them, in the page, the PDF and the charts alike: grouped by
thousands with the language's separator (a non-breaking space in Kazakh and Russian:
"1 345"), a decimal comma, one decimal place for averages."""

from __future__ import annotations

from typing import Any

from django.utils import formats


def figure(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and not value.is_integer():
        return formats.number_format(value, 1, use_l10n=True, force_grouping=True)
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    return formats.number_format(number, use_l10n=True, force_grouping=True)


def signed(value: int) -> str:
    """A change with its sign: "+1 345", "-20"."""
    return ("-" if value < 0 else "+") + figure(abs(value))

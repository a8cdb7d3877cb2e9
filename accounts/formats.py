"""Date wording Django's format strings cannot express.

A month and its year read differently in our two languages: Kazakh puts the year first and
the month in lower case ("2026 жылғы қараша"), Russian keeps the month in the nominative and
lower case ("ноябрь 2026 г."). Django's `F Y` gives "Қараша 2026" and "Ноябрь 2026", and no
format character yields a lower-case nominative month in Russian, so every page and document
that names a month with its year goes through `month_year()` (templates: `{% load kasipodaq %}
{{ day|month_year }}`).
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.utils import translation
from django.utils.dates import MONTHS

# {language: pattern}; {month} is the month's nominative name in lower case. The words are
# part of the date format of the language (like config/formats/*/formats.py), not messages.
MONTH_YEAR = {
    "kk": "{year} жылғы {month}",
    "ru": "{month} {year} г.",
}
DEFAULT_MONTH_YEAR = "{Month} {year}"


def month_year(day: date | datetime | None, language: str | None = None) -> str:
    """ "2026 жылғы қараша" in Kazakh, "ноябрь 2026 г." in Russian; "" for None.
    `language` defaults to the active language."""
    if day is None:
        return ""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    with translation.override(language):
        name = str(MONTHS[day.month])
    pattern = MONTH_YEAR.get(language, DEFAULT_MONTH_YEAR)
    return pattern.format(year=day.year, month=name.lower(), Month=name)

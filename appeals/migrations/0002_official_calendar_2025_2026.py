"""Override rows for the official 2025 and 2026 working calendars of Kazakhstan.

The `holidays` package (0.109) computes the public holidays, their weekend carry-overs and the
2025 transfer; these rows pin, with their legal basis, what the package does not know or only
estimates, so that deadlines never depend on an estimate. See docs/appeals.md for the review of
each year against the official production calendar.

- 2025-01-03 (Fri) day off and 2025-01-05 (Sun) working day: Order of the Minister of Labour and
  Social Protection of the Population of the RK of 21 November 2024 No. 436 "On the transfer of
  the day of rest in 2025" (Labour Code art. 85 p. 3). The package knows both already (substituted
  day off and `weekend_workdays`); pinned so that a later package release cannot drop them.
- 2025-06-06 (Fri) day off: first day of Kurban Ait 2025 (Labour Code art. 84 p. 5; date per the
  Spiritual Administration of Muslims of Kazakhstan, announced by the Ministry of Labour).
  The package has it as a confirmed date.
- 2026-05-27 (Wed) day off: first day of Kurban Ait 2026, as published in the official 2026
  calendar of holidays (egov.kz). The package 0.109 only *estimates* this date; pinned here.
"""

from datetime import date

from django.db import migrations

ROWS = [
    (
        date(2025, 1, 3),
        "day_off",
        "Приказ Министра труда и социальной защиты населения РК от 21.11.2024 № 436 "
        "«О переносе дня отдыха в 2025 году»: день отдыха с воскресенья 5 января перенесён "
        "на пятницу 3 января.",
    ),
    (
        date(2025, 1, 5),
        "working_day",
        "Приказ Министра труда и социальной защиты населения РК от 21.11.2024 № 436: "
        "воскресенье 5 января 2025 года — рабочий день.",
    ),
    (
        date(2025, 6, 6),
        "day_off",
        "Первый день Курбан айта 2025 года (п. 5 ст. 84 Трудового кодекса РК; дата — по "
        "сообщению ДУМК и Министерства труда и социальной защиты населения РК).",
    ),
    (
        date(2026, 5, 27),
        "day_off",
        "Первый день Курбан айта 2026 года (п. 5 ст. 84 Трудового кодекса РК; дата — по "
        "официальному календарю праздничных дней 2026 года на egov.kz).",
    ),
]


def load(apps, schema_editor):
    CalendarOverride = apps.get_model("appeals", "CalendarOverride")
    for day, kind, reason in ROWS:
        CalendarOverride.objects.get_or_create(day=day, defaults={"kind": kind, "reason": reason})


def unload(apps, schema_editor):
    CalendarOverride = apps.get_model("appeals", "CalendarOverride")
    CalendarOverride.objects.filter(day__in=[r[0] for r in ROWS], created_by__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("appeals", "0001_appeals_and_working_calendar")]

    operations = [migrations.RunPython(load, unload)]

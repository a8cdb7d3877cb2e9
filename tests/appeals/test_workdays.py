"""The working calendar against the official 2025 and 2026 production calendars of Kazakhstan
(five-day week), transfers and Kurban Ait included, and its speed contract."""

from datetime import date, timedelta

import pytest

from appeals import services, workdays
from appeals.models import CalendarOverride, OverrideKind

pytestmark = pytest.mark.django_db

# Weekdays that are days off, and weekend days that are working days, per the official calendars
# (docs/appeals.md lists the legal basis of each).
OFFICIAL = {
    2025: {
        "weekdays_off": [
            (1, 1),
            (1, 2),
            (1, 3),  # New Year; 3 Jan transferred from Sunday 5 Jan (Order No. 436)
            (1, 7),  # Orthodox Christmas
            (3, 10),  # 8 March fell on Saturday
            (3, 21),
            (3, 24),
            (3, 25),  # Nauryz 21–23 March, two carried over
            (5, 1),
            (5, 7),
            (5, 9),
            (6, 6),  # Kurban Ait
            (7, 7),  # Capital Day fell on Sunday
            (9, 1),  # Constitution Day fell on Saturday
            (10, 27),  # Republic Day fell on Saturday
            (12, 16),
        ],
        "weekend_working": [(1, 5)],
    },
    2026: {
        "weekdays_off": [
            (1, 1),
            (1, 2),
            (1, 7),
            (3, 9),  # 8 March fell on Sunday
            (3, 23),
            (3, 24),
            (3, 25),  # Nauryz 21–23 March (Sat–Mon), two carried over
            (5, 1),
            (5, 7),
            (5, 11),  # Victory Day fell on Saturday
            (5, 27),  # Kurban Ait
            (7, 6),
            (10, 26),  # Republic Day fell on Sunday
            (12, 16),
        ],
        "weekend_working": [],
    },
}


def _year(year):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_calendar_matches_the_official_production_calendar(year):
    expected_off = {date(year, m, d) for m, d in OFFICIAL[year]["weekdays_off"]}
    expected_working_weekend = {date(year, m, d) for m, d in OFFICIAL[year]["weekend_working"]}
    weekdays_off = {d for d in _year(year) if d.weekday() < 5 and not workdays.is_working_day(d)}
    weekend_working = {d for d in _year(year) if d.weekday() >= 5 and workdays.is_working_day(d)}
    assert weekdays_off == expected_off
    assert weekend_working == expected_working_weekend


def test_2025_has_246_and_2026_has_247_working_days_in_a_five_day_week():
    # Both years have 261 weekdays; 2025: 16 of them off and one working Sunday; 2026: 14 off.
    assert sum(workdays.is_working_day(d) for d in _year(2025)) == 246
    assert sum(workdays.is_working_day(d) for d in _year(2026)) == 247


def test_r8_2_first_response_due_in_3_working_days_across_the_new_year_2025():
    # 1 Jan (Wed): 2, 3 Jan off, 4 Sat off, 5 Sun working (1), 6 Mon (2), 7 Christmas, 8 (3).
    assert workdays.add_working_days(date(2025, 1, 1), 3) == date(2025, 1, 8)


def test_r8_2_official_response_due_in_15_working_days_across_nauryz_2026():
    # 18 March 2026 (Wed): 19, 20 (1–2); 23–25 Nauryz; 26, 27, 30, 31 March (3–6);
    # 1–3 April (7–9); 6–10 April (10–14); 13 April is the 15th.
    assert workdays.add_working_days(date(2026, 3, 18), 15) == date(2026, 4, 13)


def test_an_appeal_received_on_a_holiday_counts_its_first_working_day_as_day_1():
    # Sunday 22 March 2026, in the middle of Nauryz: day 1 is Thursday 26 March.
    assert workdays.add_working_days(date(2026, 3, 22), 1) == date(2026, 3, 26)
    assert workdays.add_working_days(date(2026, 3, 22), 3) == date(2026, 3, 30)


def test_the_start_day_itself_is_never_counted():
    assert workdays.add_working_days(date(2026, 11, 23), 1) == date(2026, 11, 24)
    assert workdays.add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)


def test_n_must_be_at_least_one():
    with pytest.raises(ValueError):
        workdays.add_working_days(date(2026, 11, 23), 0)


def test_working_days_between_counts_after_start_up_to_and_including_end():
    assert workdays.working_days_between(date(2026, 11, 23), date(2026, 11, 27)) == 4
    assert workdays.working_days_between(date(2026, 11, 27), date(2026, 11, 30)) == 1
    assert workdays.working_days_between(date(2026, 11, 30), date(2026, 11, 30)) == 0
    assert workdays.working_days_between(date(2026, 11, 30), date(2026, 11, 27)) == -1


def test_kurban_ait_2026_does_not_depend_on_the_packages_estimate():
    assert CalendarOverride.objects.get(day=date(2026, 5, 27)).kind == OverrideKind.DAY_OFF
    assert not workdays.is_working_day(date(2026, 5, 27))


def test_an_override_day_off_and_a_working_saturday_change_the_result_at_once(cast):
    start = date(2027, 2, 1)  # Monday
    assert workdays.add_working_days(start, 5) == date(2027, 2, 8)
    services.calendar_override_save(
        actor=cast.root, day=date(2027, 2, 3), kind=OverrideKind.DAY_OFF, reason="Test decree"
    )
    assert workdays.add_working_days(start, 5) == date(2027, 2, 9)
    services.calendar_override_save(
        actor=cast.root, day=date(2027, 2, 6), kind=OverrideKind.WORKING_DAY, reason="Test decree"
    )
    assert workdays.is_working_day(date(2027, 2, 6))
    assert workdays.add_working_days(start, 5) == date(2027, 2, 8)


def test_walking_days_costs_no_query_once_the_overrides_are_cached(django_assert_num_queries):
    workdays.is_working_day(date(2026, 1, 1))  # loads the overrides: one query
    with django_assert_num_queries(0):
        for offset in range(200):
            workdays.add_working_days(date(2025, 1, 1) + timedelta(days=offset), 15)
            workdays.working_days_between(date(2025, 1, 1), date(2026, 12, 31))


def test_the_calendar_version_names_the_package_release_and_the_overrides():
    version = workdays.calendar_version()
    assert version.startswith(f"holidays-{workdays.HOLIDAYS_VERSION}+overrides-4.")

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.core.models import WorkdayOverride
from yrd.core.workdays import (
    add_workdays,
    forget_entered_days,
    is_provisional,
    is_workday,
    workdays_between,
    year_is_known,
)


def test_national_day_is_a_holiday_and_the_adjusted_sunday_a_workday(db):
    assert not is_workday(date(2024, 10, 1))
    assert is_workday(date(2024, 9, 29))  # Sunday worked in exchange for the National Day break


def test_five_working_days_from_before_national_day_skip_the_holiday(db):
    assert add_workdays(date(2024, 9, 30), 1) == date(2024, 10, 8)


def test_years_without_a_published_arrangement_fall_back_to_weekdays(db):
    assert is_workday(date(2031, 3, 3)) and not is_workday(date(2031, 3, 2))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 6, 30)), st.integers(0, 60))
def test_counting_back_the_days_added_gives_the_same_number(db, start, count):
    end = add_workdays(start, count)
    assert workdays_between(start, end) == count
    assert count == 0 or is_workday(end)
    assert workdays_between(end, start) == -count


def test_an_entered_arrangement_is_read_before_the_package(db):
    WorkdayOverride.objects.create(day=date(2027, 1, 1), is_workday=False, name="元旦", source="国办发明电〔2026〕")
    WorkdayOverride.objects.create(day=date(2027, 2, 7), is_workday=True, name="春节调休", source="国办发明电〔2026〕")
    forget_entered_days()
    assert not is_workday(date(2027, 1, 1))  # a Friday, a holiday once entered
    assert is_workday(date(2027, 2, 7))  # a Sunday worked
    assert year_is_known(2027) and not year_is_known(2028)


def test_a_period_reaching_into_an_unknown_year_is_provisional(db):
    assert is_provisional(date(2026, 12, 20), date(2027, 1, 10))
    assert not is_provisional(date(2026, 1, 5), date(2026, 12, 31))

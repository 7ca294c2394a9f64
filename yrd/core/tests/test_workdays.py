from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from yrd.core.workdays import add_workdays, is_workday, workdays_between


def test_national_day_is_a_holiday_and_the_adjusted_sunday_a_workday():
    assert not is_workday(date(2024, 10, 1))
    assert is_workday(date(2024, 9, 29))  # Sunday worked in exchange for the National Day break


def test_five_working_days_from_before_national_day_skip_the_holiday():
    assert add_workdays(date(2024, 9, 30), 1) == date(2024, 10, 8)


def test_years_without_a_published_arrangement_fall_back_to_weekdays():
    assert is_workday(date(2031, 3, 3)) and not is_workday(date(2031, 3, 2))


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 6, 30)), st.integers(0, 60))
def test_counting_back_the_days_added_gives_the_same_number(start, count):
    end = add_workdays(start, count)
    assert workdays_between(start, end) == count
    assert count == 0 or is_workday(end)
    assert workdays_between(end, start) == -count

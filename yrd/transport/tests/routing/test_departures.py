"""The timetable text a dispatcher types: parsed, refused with the entry named, written back."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yrd.transport.routing.data import Timetable
from yrd.transport.routing.departures import format_departures, parse_departures


def test_daily_and_weekday_entries_become_week_hours():
    timetable = parse_departures("daily 08:00; mon-fri 06:15; sat,sun 20:30")
    assert timetable.week_hours[:3] == (6.25, 8.0, 30.25)
    assert len(timetable.week_hours) == 7 + 5 + 2


def test_an_empty_text_means_no_timetable():
    assert parse_departures("  ") is None and format_departures(None) == ""


@pytest.mark.parametrize(
    ("text", "names"),
    [("daily", "daily"), ("mon 25:00", "25:00"), ("funday 08:00", "funday"), ("fri-mon 08:00", "backwards")],
)
def test_a_wrong_entry_is_refused_naming_it(text, names):
    with pytest.raises(ValueError, match=names):
        parse_departures(text)


week_hours = st.lists(st.integers(0, 7 * 24 * 60 - 1), min_size=1, max_size=20, unique=True).map(
    lambda minutes: Timetable(tuple(sorted(m / 60 for m in minutes)))
)


@given(week_hours)
def test_writing_a_timetable_and_reading_it_back_gives_the_same_departures(timetable):
    again = parse_departures(format_departures(timetable))
    assert again.week_hours == pytest.approx(timetable.week_hours)


@given(st.text(max_size=40))
def test_any_text_is_either_a_timetable_or_a_value_error(text):
    try:
        result = parse_departures(text)
    except ValueError:
        return
    assert result is None or all(0 <= h < 168 for h in result.week_hours)

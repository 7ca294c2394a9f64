"""Restrictions are active always, in listed windows, or on a weekly schedule in local time."""

from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from yrd.lowalt.conflicts import Always, TimeWindow, Weekly, Windows
from yrd.lowalt.conflicts.schedule import active_from_dict, active_to_dict

from .strategies import CST, active_times

MONDAY = datetime(2026, 6, 1, tzinfo=CST)


def local(intervals):
    return [(datetime.fromtimestamp(a, CST), datetime.fromtimestamp(b, CST)) for a, b in intervals]


def at(day: int, hour: float) -> float:
    return (MONDAY + timedelta(days=day, hours=hour)).timestamp()


def test_a_weekday_rush_hour_closure_is_active_on_weekdays_only():
    rush = Weekly(frozenset(range(5)), time(7), time(9))
    week = local(rush.intervals(at(0, 0), at(7, 0)))
    assert len(week) == 5
    assert week[0] == (MONDAY + timedelta(hours=7), MONDAY + timedelta(hours=9))
    assert rush.intervals(at(5, 0), at(7, 0)) == []  # the weekend


def test_a_night_closure_runs_past_midnight_into_the_next_morning():
    night = Weekly(frozenset({0}), time(22), time(6))
    (closure,) = local(night.intervals(at(1, 5), at(1, 5.5)))  # Tuesday 05:00, from Monday night
    assert closure == (MONDAY + timedelta(hours=22), MONDAY + timedelta(days=1, hours=6))


def test_a_schedule_holds_only_between_its_validity_dates():
    season = Weekly(frozenset(range(7)), time(10), time(11), valid_from=date(2026, 6, 3), valid_until=date(2026, 6, 4))
    days = [start.date() for start, _ in local(season.intervals(at(0, 0), at(7, 0)))]
    assert days == [date(2026, 6, 3), date(2026, 6, 4)]


def test_an_interval_that_ends_when_the_query_starts_is_not_active_in_it():
    rush = Weekly(frozenset(range(7)), time(7), time(9))
    assert rush.intervals(at(0, 9), at(0, 10)) == []
    assert len(rush.intervals(at(0, 8.99), at(0, 10))) == 1


def test_listed_windows_are_returned_when_they_overlap():
    windows = Windows((TimeWindow(MONDAY, MONDAY + timedelta(hours=1)),))
    assert windows.intervals(at(0, 0.5), at(0, 2)) == [(at(0, 0), at(0, 1))]
    assert windows.intervals(at(0, 1), at(0, 2)) == []


def test_always_means_the_whole_asked_range():
    assert Always().intervals(at(0, 0), at(0, 1)) == [(at(0, 0), at(0, 1))]


@given(
    st.sets(st.integers(0, 6), min_size=1),
    st.integers(0, 23),
    st.integers(0, 23),
    st.integers(0, 24 * 14),
    st.integers(1, 48),
)
def test_a_weekly_schedule_is_active_at_an_hour_exactly_when_that_hour_is_in_one_of_its_days(
    weekdays, start_hour, end_hour, query_hour, query_hours
):
    """Brute force: walk the queried hours and ask, hour by hour, whether the schedule covers them."""
    schedule = Weekly(frozenset(weekdays), time(start_hour), time(end_hour))
    t0, t1 = at(0, query_hour), at(0, query_hour + query_hours)
    found = schedule.intervals(t0, t1)
    for hour in range(query_hour, query_hour + query_hours):
        moment = MONDAY + timedelta(hours=hour)
        covered = any(a <= moment.timestamp() < b for a, b in found)
        assert covered == covers(schedule, moment)


def covers(schedule: Weekly, moment: datetime) -> bool:
    today, yesterday = moment.date(), moment.date() - timedelta(days=1)
    clock = moment.time()
    if schedule.end > schedule.start:
        return today.weekday() in schedule.weekdays and schedule.start <= clock < schedule.end
    return (today.weekday() in schedule.weekdays and clock >= schedule.start) or (
        yesterday.weekday() in schedule.weekdays and clock < schedule.end
    )


@given(active_times())
def test_a_schedule_survives_its_json_form(active):
    assert active_from_dict(active_to_dict(active)) == active

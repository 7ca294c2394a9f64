from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from yrd.plan.status import Status, derive_status, expected_percent

START, END = date(2024, 1, 1), date(2026, 12, 31)


def status(today=date(2025, 6, 30), percent=None, risk=None, open_ms=0, overdue_ms=0, start=START, end=END):
    return derive_status(
        today=today,
        start=start,
        end=end,
        latest_percent=percent,
        latest_risk=risk,
        open_milestones=open_ms,
        overdue_milestones=overdue_ms,
    )


def test_a_task_at_100_percent_with_every_milestone_done_is_done():
    assert status(percent=100) == Status.DONE


def test_100_percent_with_a_milestone_still_open_is_not_done():
    assert status(percent=100, open_ms=1) != Status.DONE


def test_an_open_milestone_past_its_due_date_is_a_milestone_overdue_not_an_overdue_task():
    # Issue 6: a task ending in 2026 is not "overdue" because one milestone is late (was OVERDUE).
    assert status(percent=60, open_ms=1, overdue_ms=1) == Status.MILESTONE_OVERDUE


def test_a_task_past_its_end_is_overdue_even_with_a_milestone_late():
    assert status(today=END + timedelta(days=1), percent=60, open_ms=1, overdue_ms=1) == Status.OVERDUE


def test_a_task_past_its_end_and_not_done_is_overdue():
    assert status(today=END + timedelta(days=1), percent=90) == Status.OVERDUE


def test_a_high_risk_report_puts_the_task_at_risk():
    assert status(percent=50, risk="high") == Status.AT_RISK


def test_progress_lagging_far_behind_the_calendar_is_at_risk():
    assert status(percent=10) == Status.AT_RISK  # halfway through the period, 10% done
    assert status(percent=40) == Status.ON_TRACK


def test_a_task_that_has_not_begun_and_has_no_report_is_not_started():
    assert status(today=date(2023, 12, 1)) == Status.NOT_STARTED


@given(
    st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 1, 1)),
    st.one_of(st.none(), st.integers(0, 100)),
    st.sampled_from([None, "low", "medium", "high"]),
    st.integers(0, 5),
    st.integers(0, 5),
)
def test_every_combination_has_exactly_one_status_and_done_needs_100(today, percent, risk, open_ms, overdue):
    overdue = min(overdue, open_ms)
    result = status(today=today, percent=percent, risk=risk, open_ms=open_ms, overdue_ms=overdue)
    assert result in Status.values
    if result == Status.DONE:
        assert percent == 100 and open_ms == 0
    if result != Status.DONE and today > END:
        assert result == Status.OVERDUE
    elif overdue:
        assert result == Status.MILESTONE_OVERDUE


@given(st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 1, 1)))
def test_expected_progress_runs_from_0_to_100(today):
    value = expected_percent(START, END, today)
    assert 0 <= value <= 100
    assert (value == 0) == (today <= START)
    assert (value == 100) == (today >= END)

"""The nearest allowed shift outside a union of open intervals."""

from hypothesis import given
from hypothesis import strategies as st

from yrd.lowalt.conflicts.freewindow import forbidden_shifts, nearest_free_shift


def test_no_blocker_means_no_shift():
    assert nearest_free_shift([], -100, 100) == 0


def test_the_end_point_of_a_blocked_interval_is_allowed():
    assert nearest_free_shift([(-10, 30)], -100, 100) == -10


def test_a_tie_goes_to_the_later_shift():
    assert nearest_free_shift([(-20, 20)], -100, 100) == 20


def test_intervals_that_only_meet_leave_that_point_free():
    assert nearest_free_shift([(-50, 5), (5, 50)], -100, 100) == 5


def test_overlapping_intervals_merge():
    assert nearest_free_shift([(-50, 10), (5, 60)], -100, 100) == -50


def test_a_shift_outside_the_range_is_not_offered():
    assert nearest_free_shift([(-50, 60)], -40, 100) == 60
    assert nearest_free_shift([(-50, 60)], -40, 50) is None


def test_when_zero_is_out_of_range_the_range_end_nearest_zero_is_tried_first():
    assert nearest_free_shift([], 30, 100) == 30
    assert nearest_free_shift([(20, 40)], 30, 100) == 40
    assert nearest_free_shift([(-40, -20)], -100, -30) == -40


def test_a_window_meets_a_blocker_exactly_for_shifts_in_the_open_interval():
    ((low, high),) = forbidden_shifts((100, 130), [(120, 200)])
    assert (low, high) == (-10, 100)  # at -10 it ends when the blocker starts; at 100 it starts when it ends


interval = st.tuples(st.integers(-60, 60), st.integers(1, 40)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(interval, max_size=8), st.integers(-80, 0), st.integers(0, 80), st.integers(-80, 80))
def test_the_shift_is_the_nearest_integer_shift_outside_every_interval(forbidden, lowest, highest, offset):
    """Brute force over integer shifts (all end points are integers, so the answer is one of them)."""
    lowest, highest = sorted((lowest + offset // 2, highest + offset // 2))
    allowed = [s for s in range(lowest, highest + 1) if not any(a < s < b for a, b in forbidden)]
    expected = min(allowed, key=lambda s: (abs(s), -s), default=None)
    assert nearest_free_shift(forbidden, lowest, highest) == expected

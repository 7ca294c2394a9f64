"""Bad input is refused with a specific message per field, everything at once, and nothing is built."""

from datetime import datetime, timedelta

import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st
from pyproj import Geod

from yrd.lowalt.conflicts import RULES, InvalidVolume, area_volume, footprint, route_volume
from yrd.lowalt.conflicts.geo import to_metric
from yrd.lowalt.conflicts.validation import band_problems, window_problems

from .strategies import CST

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=CST)
SOON, LATER = NOW + timedelta(hours=1), NOW + timedelta(hours=2)
PUDONG = [(121.50, 31.22), (121.52, 31.23)]
SQUARE = [(121.50, 31.22), (121.51, 31.22), (121.51, 31.23), (121.50, 31.23)]
BOWTIE = [(121.50, 31.22), (121.51, 31.23), (121.51, 31.22), (121.50, 31.23)]


def problems(build, *args):
    with pytest.raises(InvalidVolume) as refused:
        build(*args, now=NOW)
    return {(p.field, p.code): p.message for p in refused.value.problems}


def test_a_valid_route_becomes_a_corridor_of_its_buffer():
    volume = route_volume(PUDONG, 50, 30, 120, SOON, LATER, now=NOW)
    line = shapely.LineString(to_metric(PUDONG))
    assert volume.geometry.contains(line.buffer(49.9)) and not volume.geometry.contains(line.buffer(51))
    assert (volume.band.lower, volume.band.upper) == (30, 120)


def test_a_self_intersecting_area_is_refused_with_where_it_crosses():
    found = problems(area_volume, BOWTIE, 0, 0, 120, SOON, LATER)
    assert found == {("outline", "self_intersecting"): found[("outline", "self_intersecting")]}
    assert "crosses itself near 121.505, 31.225" in found[("outline", "self_intersecting")]


def test_an_upside_down_altitude_band_is_refused_naming_both_limits():
    found = problems(route_volume, PUDONG, 50, 120, 60, SOON, LATER)
    assert found[("altitude", "upside_down")] == (
        "The altitude band is upside down: its lower limit 120 m is above its upper limit 60 m."
    )


def test_a_window_in_the_past_is_refused():
    found = problems(route_volume, PUDONG, 50, 0, 120, NOW - timedelta(minutes=5), SOON)
    assert "which is in the past" in found[("window", "in_past")]


def test_a_window_longer_than_the_rules_allow_is_refused():
    found = problems(route_volume, PUDONG, 50, 0, 120, SOON, SOON + timedelta(hours=13))
    assert found[("window", "too_long")] == "The time window lasts 13 h; the rules allow at most 12 h."


def test_a_window_beyond_the_planning_horizon_is_refused():
    found = problems(route_volume, PUDONG, 50, 0, 120, NOW + timedelta(days=31), NOW + timedelta(days=31, hours=1))
    assert ("window", "too_far_ahead") in found


def test_a_window_that_ends_before_it_starts_is_refused():
    assert ("window", "ends_before_start") in problems(route_volume, PUDONG, 50, 0, 120, LATER, SOON)


def test_times_without_a_time_zone_are_refused():
    naive = datetime(2026, 6, 1, 10, 0)
    assert ("window", "no_timezone") in problems(route_volume, PUDONG, 50, 0, 120, naive, naive + timedelta(hours=1))


@pytest.mark.parametrize("buffer_m", [5, 1001, -1, float("nan"), "50"])
def test_a_route_buffer_out_of_range_is_refused(buffer_m):
    found = problems(route_volume, PUDONG, buffer_m, 0, 120, SOON, LATER)
    assert found[("buffer", "out_of_range")].startswith("A route's buffer must be between 10 m and 1000 m")


def test_an_area_may_have_no_buffer_but_not_a_negative_one():
    assert area_volume(SQUARE, 0, 0, 120, SOON, LATER, now=NOW).geometry.area > 0
    assert ("buffer", "out_of_range") in problems(area_volume, SQUARE, -5, 0, 120, SOON, LATER)


def test_every_problem_is_reported_at_once():
    found = problems(area_volume, BOWTIE, 5000, 120, 60, NOW - timedelta(hours=1), NOW + timedelta(hours=20))
    assert set(found) == {
        ("outline", "self_intersecting"),
        ("buffer", "out_of_range"),
        ("altitude", "upside_down"),
        ("window", "in_past"),
        ("window", "too_long"),
    }


def test_swapped_longitude_and_latitude_are_pointed_out():
    found = problems(route_volume, [(31.22, 121.50), (121.52, 31.23)], 50, 0, 120, SOON, LATER)
    assert found[("outline", "outside_region")] == (
        "Point 1 (31.22, 121.5) is outside the region; are longitude and latitude swapped?"
    )


def test_a_point_outside_the_region_is_named():
    found = problems(route_volume, [(121.50, 31.22), (113.26, 23.13)], 50, 0, 120, SOON, LATER)
    assert found[("outline", "outside_region")] == "Point 2 (113.26, 23.13) lies outside the Yangtze River Delta."


@pytest.mark.parametrize(
    "points, code",
    [
        ([(121.5, 31.22)], "too_few_points"),
        ([(121.5, 31.22), (121.5, 31.22)], "too_few_points"),
        ("not a list", "not_coordinates"),
        ([(121.5, 31.22, 5)], "not_coordinates"),
        ([(121.5, None), (121.6, 31.3)], "not_coordinates"),
    ],
)
def test_a_route_needs_two_distinct_points(points, code):
    assert ("outline", code) in problems(route_volume, points, 50, 0, 120, SOON, LATER)


def test_an_area_whose_corners_lie_on_a_line_is_refused():
    found = problems(area_volume, [(121.50, 31.22), (121.51, 31.22), (121.52, 31.22)], 0, 0, 120, SOON, LATER)
    assert ("outline", "no_area") in found


def test_a_closed_ring_is_read_like_an_open_one():
    closed = area_volume([*SQUARE, SQUARE[0]], 0, 0, 120, SOON, LATER, now=NOW)
    assert closed.geometry.equals(area_volume(SQUARE, 0, 0, 120, SOON, LATER, now=NOW).geometry)


def test_a_route_longer_than_the_rules_allow_is_refused():
    shanghai_to_hefei = [(121.47, 31.23), (117.23, 31.82)]
    assert ("outline", "route_too_long") in problems(route_volume, shanghai_to_hefei, 50, 0, 120, SOON, LATER)


def test_an_area_larger_than_the_rules_allow_is_refused():
    big = [(121.0, 31.0), (121.2, 31.0), (121.2, 31.2), (121.0, 31.2)]
    found = problems(area_volume, big, 0, 0, 120, SOON, LATER)
    assert found[("outline", "area_too_large")].startswith("The area covers 4")


def test_a_footprint_alone_can_be_built_for_a_restriction():
    on_the_ellipsoid, _ = Geod(ellps="WGS84").geometry_area_perimeter(shapely.Polygon(SQUARE))
    # A conformal projection scales areas by the square of its scale factor (0.9989 here).
    assert footprint("area", SQUARE, 0).geometry.area == pytest.approx(abs(on_the_ellipsoid), rel=0.003)


numbers = st.floats(-100, 1200, allow_nan=False)


@given(numbers, numbers)
def test_a_band_is_accepted_exactly_when_it_is_a_flyable_slice_of_low_altitude_airspace(lower, upper):
    accepted = 0 <= lower and upper <= RULES.max_height_m and upper - lower >= RULES.min_band_thickness_m
    assert (band_problems(lower, upper, RULES) == []) == accepted


minutes = st.integers(-120, 60 * 24 * 32)


@given(minutes, st.integers(-60, 60 * 14))
def test_a_window_is_accepted_exactly_when_it_is_ahead_short_enough_and_within_the_horizon(start, length):
    begin, end = NOW + timedelta(minutes=start), NOW + timedelta(minutes=start + length)
    accepted = begin >= NOW and end > begin and end - begin <= RULES.max_duration and begin - NOW <= RULES.plan_horizon
    assert (window_problems(begin, end, NOW, RULES) == []) == accepted


corner = st.tuples(st.integers(0, 4), st.integers(0, 4)).map(lambda p: (121.5 + p[0] * 0.002, 31.2 + p[1] * 0.002))


@given(st.lists(corner, min_size=3, max_size=6))
def test_an_area_is_built_exactly_when_its_outline_is_a_simple_polygon(corners):
    distinct = [c for i, c in enumerate(corners) if i == 0 or c != corners[i - 1]]
    if len(distinct) > 1 and distinct[0] == distinct[-1]:
        distinct.pop()
    simple = len(distinct) >= 3 and shapely.Polygon(distinct).is_valid and shapely.Polygon(distinct).area > 1e-9
    try:
        area_volume(corners, 0, 0, 120, SOON, LATER, now=NOW)
        built = True
    except InvalidVolume:
        built = False
    assert built == simple

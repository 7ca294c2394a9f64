"""A flight asks the provinces it crosses in the order it meets them."""

import shapely

from yrd.lowalt.conflicts.crossings import crossed_in_order

# Three provinces side by side, west to east, 10 km wide; a fourth far away.
WEST, MIDDLE, EAST = (shapely.box(x, 0, x + 10_000, 10_000) for x in (0, 10_000, 20_000))
PROVINCES = {"340000": WEST, "320000": MIDDLE, "310000": EAST, "330000": shapely.box(0, 50_000, 1, 50_001)}


def test_a_route_east_to_west_asks_the_east_first():
    line = shapely.LineString([(25_000, 5000), (5000, 5000)])
    assert crossed_in_order(line.buffer(50), PROVINCES, line) == ["310000", "320000", "340000"]


def test_a_route_west_to_east_asks_the_west_first():
    line = shapely.LineString([(5000, 5000), (25_000, 5000)])
    assert crossed_in_order(line.buffer(50), PROVINCES, line) == ["340000", "320000", "310000"]


def test_a_corridor_that_clips_a_corner_needs_that_province_too():
    line = shapely.LineString([(5000, 5000), (9980, 5000)])  # ends 20 m short of the line, buffer 50 m
    assert crossed_in_order(line.buffer(50), PROVINCES, line) == ["340000", "320000"]


def test_an_area_asks_the_province_holding_most_of_it_first():
    area = shapely.box(8000, 0, 20_000, 1000)  # 2 km in the west, 10 km in the middle
    assert crossed_in_order(area, PROVINCES) == ["320000", "340000"]


def test_a_flight_inside_one_province_asks_only_it():
    assert crossed_in_order(shapely.box(100, 100, 200, 200), PROVINCES) == ["340000"]

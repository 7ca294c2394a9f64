"""Buffers are metres on the ground, wherever in the region the route lies."""

import numpy as np
import pytest
import shapely
from pyproj import Geod

from yrd.lowalt.conflicts.geo import buffer_on_ground, to_lonlat, to_metric

WGS84 = Geod(ellps="WGS84")

# Shanghai (east), Fuyang (west), Wenzhou (south), Xuzhou (north): the corners of the region, where
# the projection's scale differs most from 1.
PLACES = [(121.4737, 31.2304), (115.8142, 32.8900), (120.6994, 27.9938), (117.2841, 34.2058)]


def ground_distance_to_route(points_lonlat, route_lonlat, samples=2000):
    """Geodesic distance (WGS 84 ellipsoid) from each point to a densely sampled route, in metres."""
    start, end = route_lonlat
    lons, lats = np.linspace(start[0], end[0], samples), np.linspace(start[1], end[1], samples)
    distances = []
    for lon, lat in points_lonlat:
        _, _, metres = WGS84.inv(np.full(samples, lon), np.full(samples, lat), lons, lats)
        distances.append(metres.min())
    return np.array(distances)


@pytest.mark.parametrize("lon, lat", PLACES)
def test_a_100_m_buffer_is_100_m_on_the_ground(lon, lat):
    route = np.array([[lon, lat], [lon + 0.01, lat + 0.004]])  # about 1 km, heading east-north-east
    corridor = buffer_on_ground(shapely.LineString(to_metric(route)), 100, route)
    ring = corridor.exterior
    edge = to_lonlat(shapely.get_coordinates(ring.interpolate(np.linspace(0, ring.length, 1200))))
    distances = ground_distance_to_route(edge, route)
    # The polygon's edges touch the 100 m line; its vertices stand at most 0.5 % outside it.
    assert 99.99 <= distances.min() <= 100.02
    assert distances.max() <= 100.5


def test_projecting_there_and_back_moves_a_point_by_less_than_a_millimetre():
    lonlat = np.array(PLACES)
    back = to_lonlat(to_metric(lonlat))
    _, _, moved = WGS84.inv(lonlat[:, 0], lonlat[:, 1], back[:, 0], back[:, 1])
    assert moved.max() < 0.001


def test_an_area_without_buffer_is_its_outline():
    ring = np.array([[121.0, 31.0], [121.01, 31.0], [121.01, 31.01]])
    polygon = shapely.Polygon(to_metric(ring))
    assert buffer_on_ground(polygon, 0, ring) is polygon

"""Geometry of heritage resources and bid components: checking it, its representative point, the
generalised location the public sees for sensitive sites, and containment of a component in its
buffer zone.

A geometry is a GeoJSON Point or Polygon (one outer ring, optionally holes) in longitude/latitude
(WGS 84 / CGCS2000, which differ by centimetres). Points must lie in the region's bounding box:
a site in the Yangtze River Delta with a coordinate in Africa is a swapped or mistyped pair, and
saying so is more useful than drawing it. `problems_of` lists every problem as a sentence; it never
raises, so a write can collect the problems of every field before refusing.
"""

from __future__ import annotations

import math

import shapely
from django.utils.translation import gettext as _

# The four provinces' extent with a margin (Anhui reaches 114.9°E, Zhejiang's islands 123°E).
LON_RANGE = (114.5, 123.5)
LAT_RANGE = (27.0, 35.5)
# Sensitive sites are shown to the public at 0.1° (about 11 km): the town, not the spot.
GENERALISED_DECIMALS = 1
MAX_VERTICES = 5000


def problems_of(geometry) -> list[str]:
    """Why `geometry` is not a usable Point or Polygon of the region; empty when it is."""
    if not isinstance(geometry, dict):
        return [_("The geometry must be a GeoJSON object with a type and coordinates.")]
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Point":
        return _point_problems(coordinates)
    if kind == "Polygon":
        return _polygon_problems(coordinates)
    return [_("The geometry must be a Point or a Polygon, not %(kind)s.") % {"kind": str(kind)[:40]}]


def _position_problems(position) -> list[str]:
    if not isinstance(position, list | tuple) or len(position) not in (2, 3):
        return [_("Each position is [longitude, latitude].")]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in position):
        return [_("Longitude and latitude must be finite numbers.")]
    lon, lat = position[0], position[1]
    if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
        return [
            _("The position %(lon)s, %(lat)s is outside the Yangtze River Delta (longitude first, then latitude).")
            % {"lon": lon, "lat": lat}
        ]
    return []


def _point_problems(coordinates) -> list[str]:
    return _position_problems(coordinates)


def _polygon_problems(rings) -> list[str]:
    if not isinstance(rings, list) or not rings:
        return [_("A polygon needs at least one ring of positions.")]
    problems = []
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4:
            return [_("Each ring of a polygon needs at least four positions, the last equal to the first.")]
        if len(ring) > MAX_VERTICES:
            return [_("A ring may have at most %(n)d positions.") % {"n": MAX_VERTICES}]
        for position in ring:
            found = _position_problems(position)
            if found:
                return found
        if list(ring[0]) != list(ring[-1]):
            problems.append(_("Each ring of a polygon must end where it starts."))
    if problems:
        return problems
    shape = to_shape({"type": "Polygon", "coordinates": rings})
    if not shape.is_valid:
        return [_("The polygon is not valid: %(reason)s.") % {"reason": shapely.is_valid_reason(shape)}]
    if shape.area == 0:
        return [_("The polygon has no area.")]
    return []


def to_shape(geometry: dict) -> shapely.Geometry:
    if geometry["type"] == "Point":
        return shapely.Point(geometry["coordinates"][:2])
    return shapely.Polygon(geometry["coordinates"][0], geometry["coordinates"][1:])


def representative_point(geometry: dict) -> tuple[float, float]:
    """(longitude, latitude) of a point inside the geometry, for lists, map markers and distances."""
    point = to_shape(geometry).representative_point()
    return round(point.x, 6), round(point.y, 6)


CELL = 0.1  # degrees: the grid the public map aggregates by when a box holds too many sites


def cell_of(longitude: float, latitude: float) -> int:
    """The 0.1° grid cell a point lies in, as one integer (row * 1000 + column from the region's
    south-west corner), stored beside each resource so a map box is a short list of index seeks."""
    row = math.floor((latitude - LAT_RANGE[0]) / CELL + 1e-9)
    column = math.floor((longitude - LON_RANGE[0]) / CELL + 1e-9)
    return row * 1000 + column


def cells_in(west: float, south: float, east: float, north: float) -> list[int]:
    first, last = cell_of(west, south), cell_of(east, north)
    return [
        row * 1000 + column
        for row in range(first // 1000, last // 1000 + 1)
        for column in range(first % 1000, last % 1000 + 1)
    ]


def cell_centre(cell: int) -> tuple[float, float]:
    row, column = divmod(cell, 1000)
    return (
        round(LON_RANGE[0] + (column + 0.5) * CELL, 4),
        round(LAT_RANGE[0] + (row + 0.5) * CELL, 4),
    )


def generalised(longitude: float, latitude: float) -> tuple[float, float]:
    """The location shown to the public for a sensitive site."""
    return round(longitude, GENERALISED_DECIMALS), round(latitude, GENERALISED_DECIMALS)


def containment_problems(boundary: dict, buffer_zone: dict) -> list[str]:
    """A buffer zone surrounds its component: every part of the boundary lies inside it."""
    if not to_shape(buffer_zone).buffer(1e-9).contains(to_shape(boundary)):
        return [_("The buffer zone does not contain the component's boundary; draw it around the whole property.")]
    return []


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (longitude, latitude) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))

"""Which of the region's 41 cities a point lies in, from the city boundaries the platform ships
(yrd/core/static/geo/yrd-cities.geojson, schematic). A point in none of them is outside the region."""

import json
from functools import cache
from pathlib import Path

from shapely import STRtree
from shapely.geometry import Point, shape

import yrd.core

GEOJSON = Path(yrd.core.__file__).resolve().parent / "static" / "geo" / "yrd-cities.geojson"


@cache
def _cities() -> tuple[STRtree, list[str]]:
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    shapes = [shape(feature["geometry"]) for feature in features]
    return STRtree(shapes), [feature["properties"]["adcode"] for feature in features]


def city_at(latitude: float, longitude: float) -> str | None:
    """The adcode of the city containing the point, or None outside the region."""
    tree, codes = _cities()
    point = Point(longitude, latitude)
    for index in tree.query(point, predicate="intersects"):
        return codes[int(index)]
    return None

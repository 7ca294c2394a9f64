"""Which provinces (or any jurisdictions) a flight's footprint enters, in the order it meets them.

Each province's competent authority must consent to an operation in its airspace, one after the
other; this gives the order. A route is ordered by how far along its centreline the footprint first
enters each province (so a Shanghai → Suzhou → Wuxi flight asks Shanghai first); an area, which has
no direction, by the share of it in each province, largest first. The buffered footprint decides
*whether* a province is entered: a corridor that clips a province's corner needs its consent too.
"""

from __future__ import annotations

from collections.abc import Mapping

import shapely


def crossed_in_order(
    footprint: shapely.Geometry, regions: Mapping[str, shapely.Geometry], centreline: shapely.Geometry | None = None
) -> list[str]:
    """Codes of the regions the footprint enters, in flight order (see the module docstring)."""
    entered = {}
    for code, region in regions.items():
        if shapely.intersects(footprint, region):
            inside = shapely.intersection(footprint, region)
            if inside.area > 0:  # touching a border line is not entering
                entered[code] = inside
    if centreline is None:
        return sorted(entered, key=lambda code: (-entered[code].area, code))

    def first_reached(code: str) -> float:
        points = shapely.points(shapely.get_coordinates(entered[code]))
        return float(min(shapely.line_locate_point(centreline, points)))

    return sorted(entered, key=lambda code: (first_reached(code), code))

"""Where the engine measures: one metric projection for the whole Yangtze River Delta.

Coordinates come in as longitude/latitude on WGS 84 (CGCS2000, China's datum, agrees with it to
centimetres). Web-map coordinates shifted to GCJ-02 are *not* accepted: they are off by hundreds of
metres and would put a route on the wrong street.

Every geometry the engine compares is first projected with a Lambert conformal conic fitted to the
region (standard parallels 28.4° N and 33.9° N, the one-sixth rule for 27°–35.3° N; central meridian
119° E). A conformal projection keeps shapes, and its scale error inside the region is below 0.15 %.
Distances that the user gives in metres (buffers) are converted with the projection's own scale
factor at the footprint, taking the largest factor over the footprint's vertices, so a 100 m buffer
is never less than 100 m on the ground anywhere along a route.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from pyproj import CRS, Proj, Transformer

LONLAT = CRS.from_epsg(4326)
REGION_PROJ4 = "+proj=lcc +lat_1=28.4 +lat_2=33.9 +lat_0=31 +lon_0=119 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
REGION_CRS = CRS.from_proj4(REGION_PROJ4)

# The region's extent with a margin of about half a degree: Fuyang (115.8° E) to Shengsi (122.9° E),
# Wenzhou's south (27.0° N) to Xuzhou's north (35.1° N).
REGION_LON = (114.5, 123.5)
REGION_LAT = (26.5, 35.5)

# Arcs of a buffer are drawn with QUAD_SEGS segments per quarter circle; the polygon is made to
# circumscribe the true arc (its edges touch the circle, its vertices lie just outside), so the
# buffer is conservative: at most 1/cos(pi/32) - 1 = 0.48 % wider than asked, never narrower.
QUAD_SEGS = 8
_CIRCUMSCRIBE = 1 / math.cos(math.pi / (4 * QUAD_SEGS))

_to_metric = Transformer.from_crs(LONLAT, REGION_CRS, always_xy=True)
_to_lonlat = Transformer.from_crs(REGION_CRS, LONLAT, always_xy=True)
_proj = Proj(REGION_CRS)


def in_region(lon: float, lat: float) -> bool:
    """True when a longitude/latitude pair lies within the region's extent."""
    return REGION_LON[0] <= lon <= REGION_LON[1] and REGION_LAT[0] <= lat <= REGION_LAT[1]


def to_metric(lonlat: np.ndarray) -> np.ndarray:
    """(n, 2) longitude/latitude → (n, 2) metres in the region's projection."""
    lonlat = np.asarray(lonlat, dtype=float)
    x, y = _to_metric.transform(lonlat[:, 0], lonlat[:, 1])
    return np.column_stack([x, y])


def to_lonlat(xy: np.ndarray) -> np.ndarray:
    """(n, 2) metres in the region's projection → (n, 2) longitude/latitude."""
    xy = np.asarray(xy, dtype=float)
    lon, lat = _to_lonlat.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([lon, lat])


def geometry_to_lonlat(geometry: shapely.Geometry) -> shapely.Geometry:
    """A projected geometry back in longitude/latitude (for maps and GeoJSON)."""
    return shapely.transform(geometry, to_lonlat)


def geometry_to_metric(geometry: shapely.Geometry) -> shapely.Geometry:
    """A longitude/latitude geometry in the region's projection."""
    return shapely.transform(geometry, to_metric)


def scale_factor(lonlat: np.ndarray) -> float:
    """The largest point scale factor of the projection over the given points (conformal: one per point)."""
    lonlat = np.asarray(lonlat, dtype=float)
    factors = _proj.get_factors(lonlat[:, 0], lonlat[:, 1])
    return float(np.max(factors.parallel_scale))


def buffer_on_ground(geometry: shapely.Geometry, metres: float, lonlat: np.ndarray) -> shapely.Geometry:
    """Buffer a projected geometry by `metres` measured on the ground (see the module docstring).

    `lonlat` are the geometry's vertices in degrees, used for the scale factor.
    """
    if metres <= 0:
        return geometry
    distance = metres * scale_factor(lonlat) * _CIRCUMSCRIBE
    return shapely.buffer(geometry, distance, quad_segs=QUAD_SEGS)

"""Build 4D volumes from what an operator types, refusing bad input with specific messages.

`route_volume` and `area_volume` check everything at once and raise one `InvalidVolume` listing every
problem by field (`outline`, `buffer`, `altitude`, `window`), each with a code, an English message
and the values it names (the message templates are marked for translation; the Django app shows
them in the reader's language, see `problems`). Nothing is built when anything is wrong.

The limits live in `Rules`; the defaults and why:

* buffer of a route 10–1,000 m: under 10 m is tighter than satellite positioning and flight
  technical error hold a small aircraft; over 1 km a route is an area and should be filed as one.
  An area's buffer may be 0 (the outline already is the volume).
* true height 0–1,000 m, bands at least 10 m thick: low-altitude airspace is the air below 1,000 m
  true height; a band thinner than barometric and GNSS height error cannot be flown.
* a window at most 12 h long and starting at most 30 days ahead (ASTM F3548's planning horizon);
  never starting in the past.
* a route at most 250 km long (Shanghai–Hangzhou and back is within it), an area at most 100 km²,
  at most 1,000 corners.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import shapely

from .geo import buffer_on_ground, in_region, to_metric
from .problems import InvalidVolume, Problem, plain
from .problems import gettext_noop as _
from .volumes import AltitudeBand, TimeWindow, Volume4D


@dataclass(frozen=True)
class Rules:
    min_route_buffer_m: float = 10
    max_buffer_m: float = 1000
    max_height_m: float = 1000
    min_band_thickness_m: float = 10
    max_duration: timedelta = timedelta(hours=12)
    plan_horizon: timedelta = timedelta(days=30)
    max_route_length_m: float = 250_000
    max_area_m2: float = 100e6
    max_vertices: int = 1000


RULES = Rules()
# Restrictions are drawn by authorities, not operators: an airport's protection range or a city's
# no-fly area may be far larger than a flight's area.
RESTRICTION_RULES = Rules(max_area_m2=50_000e6, max_vertices=5000)


@dataclass(frozen=True)
class Footprint:
    """A route or area as given (longitude/latitude) and the projected, buffered polygon it covers."""

    kind: str
    lonlat: tuple[tuple[float, float], ...]
    buffer_m: float
    geometry: shapely.Geometry


def route_volume(points, buffer_m, lower, upper, start, end, *, now: datetime, rules: Rules = RULES) -> Volume4D:
    """A corridor `buffer_m` metres either side of a polyline; raises `InvalidVolume`."""
    return _volume("route", points, buffer_m, lower, upper, start, end, now, rules)


def area_volume(points, buffer_m, lower, upper, start, end, *, now: datetime, rules: Rules = RULES) -> Volume4D:
    """A polygon (optionally widened by `buffer_m`); raises `InvalidVolume`."""
    return _volume("area", points, buffer_m, lower, upper, start, end, now, rules)


def _volume(kind, points, buffer_m, lower, upper, start, end, now, rules) -> Volume4D:
    problems: list[Problem] = []
    footprint = footprint_problems(kind, points, buffer_m, rules, problems)
    problems += band_problems(lower, upper, rules)
    problems += window_problems(start, end, now, rules)
    if problems:
        raise InvalidVolume(problems)
    return Volume4D(footprint.geometry, AltitudeBand(float(lower), float(upper)), TimeWindow(start, end))


def footprint(kind: str, points, buffer_m: float, rules: Rules = RULES) -> Footprint:
    """The footprint alone (for restrictions, which carry their own band and times); raises `InvalidVolume`."""
    problems: list[Problem] = []
    result = footprint_problems(kind, points, buffer_m, rules, problems)
    if problems:
        raise InvalidVolume(problems)
    return result


def footprint_problems(kind, points, buffer_m, rules: Rules, problems: list[Problem]) -> Footprint | None:
    """Append what is wrong with an outline and its buffer to `problems`; the footprint when nothing is."""
    before = len(problems)
    problems += buffer_problems(kind, buffer_m, rules)
    lonlat = _coordinates(points, problems)
    if lonlat is None:
        return None
    minimum = 2 if kind == "route" else 3
    if len(lonlat) < minimum:
        noun = _("A route needs at least {minimum} distinct points; it has {count}.")
        if kind == "area":
            noun = _("An area needs at least {minimum} distinct corners; it has {count}.")
        problems.append(Problem("outline", "too_few_points", noun, {"minimum": minimum, "count": len(lonlat)}))
        return None
    if len(lonlat) > rules.max_vertices:
        problems.append(
            Problem(
                "outline",
                "too_many_points",
                _("The outline has {count} points; at most {maximum} are allowed."),
                {"count": len(lonlat), "maximum": rules.max_vertices},
            )
        )
        return None
    xy = to_metric(lonlat)
    shape = _route_shape(xy, rules, problems) if kind == "route" else _area_shape(lonlat, xy, rules, problems)
    if shape is None or len(problems) > before:
        return None
    geometry = buffer_on_ground(shape, float(buffer_m), lonlat)
    return Footprint(kind, tuple(map(tuple, lonlat.tolist())), float(buffer_m), geometry)


def _coordinates(points, problems: list[Problem]) -> np.ndarray | None:
    """Longitude/latitude pairs inside the region, consecutive repeats (and an area's closing point) dropped."""
    try:
        lonlat = np.asarray(points, dtype=float)
    except (TypeError, ValueError):
        lonlat = np.empty((0, 0))
    if lonlat.ndim != 2 or lonlat.shape[1] != 2 or not np.isfinite(lonlat).all():
        problems.append(
            Problem("outline", "not_coordinates", _("The outline must be a list of [longitude, latitude] pairs."))
        )
        return None
    outside = False
    for number, (lon, lat) in enumerate(lonlat.tolist(), start=1):
        if not in_region(lon, lat):
            outside = True
            template = _("Point {number} ({lon}, {lat}) lies outside the Yangtze River Delta.")
            if in_region(lat, lon):
                template = _("Point {number} ({lon}, {lat}) is outside the region; are longitude and latitude swapped?")
            problems.append(Problem("outline", "outside_region", template, {"number": number, "lon": lon, "lat": lat}))
    if outside:
        return None
    keep = np.ones(len(lonlat), dtype=bool)
    keep[1:] = np.any(lonlat[1:] != lonlat[:-1], axis=1)
    lonlat = lonlat[keep]
    if len(lonlat) > 2 and np.array_equal(lonlat[0], lonlat[-1]):
        lonlat = lonlat[:-1]
    return lonlat


def _route_shape(xy: np.ndarray, rules: Rules, problems: list[Problem]) -> shapely.Geometry | None:
    line = shapely.LineString(xy)
    if line.length > rules.max_route_length_m:
        problems.append(
            Problem(
                "outline",
                "route_too_long",
                _("The route is {length} km long; a route may be at most {maximum} km."),
                {"length": round(line.length / 1000, 1), "maximum": round(rules.max_route_length_m / 1000)},
            )
        )
        return None
    return line


_SELF_INTERSECTION = re.compile(r"Self-intersection\[(?P<x>[-\d.e+]+) (?P<y>[-\d.e+]+)\]")


def _area_shape(lonlat: np.ndarray, xy: np.ndarray, rules: Rules, problems: list[Problem]) -> shapely.Geometry | None:
    """The projected polygon; its shape is judged as drawn, in longitude/latitude, where lines are straight."""
    if shapely.convex_hull(shapely.MultiPoint(lonlat)).area < 1e-12:  # square degrees, about 0.01 m²
        problems.append(
            Problem("outline", "no_area", _("The area's corners lie on one line; the outline encloses nothing."))
        )
        return None
    reason = shapely.is_valid_reason(shapely.Polygon(lonlat))
    where = _SELF_INTERSECTION.search(reason)
    if where:
        problems.append(
            Problem(
                "outline",
                "self_intersecting",
                _("The area's outline crosses itself near {lon}, {lat}; draw it without crossing lines."),
                {"lon": round(float(where["x"]), 5), "lat": round(float(where["y"]), 5)},
            )
        )
        return None
    if reason != "Valid Geometry":
        problems.append(Problem("outline", "invalid", _("The area's outline is not a simple polygon.")))
        return None
    polygon = shapely.Polygon(xy)
    if polygon.area > rules.max_area_m2:
        problems.append(
            Problem(
                "outline",
                "area_too_large",
                _("The area covers {area} km²; an area may cover at most {maximum} km²."),
                {"area": round(polygon.area / 1e6, 1), "maximum": round(rules.max_area_m2 / 1e6)},
            )
        )
        return None
    return polygon


def buffer_problems(kind: str, buffer_m, rules: Rules) -> list[Problem]:
    minimum = rules.min_route_buffer_m if kind == "route" else 0
    if not _is_number(buffer_m) or not minimum <= buffer_m <= rules.max_buffer_m:
        template = _("A route's buffer must be between {minimum} m and {maximum} m; {value} m was given.")
        if kind == "area":
            template = _("An area's buffer must be between {minimum} m and {maximum} m; {value} m was given.")
        return [
            Problem(
                "buffer",
                "out_of_range",
                template,
                {"minimum": minimum, "maximum": rules.max_buffer_m, "value": buffer_m},
            )
        ]
    return []


def band_problems(lower, upper, rules: Rules) -> list[Problem]:
    """What is wrong with an altitude band [lower, upper] in metres true height."""
    if not (_is_number(lower) and _is_number(upper)):
        return [Problem("altitude", "not_numbers", _("Both altitude limits must be numbers of metres."))]
    values = {"lower": plain(lower), "upper": plain(upper)}
    if lower > upper:
        return [
            Problem(
                "altitude",
                "upside_down",
                _("The altitude band is upside down: its lower limit {lower} m is above its upper limit {upper} m."),
                values,
            )
        ]
    problems = []
    if lower < 0:
        problems.append(
            Problem(
                "altitude",
                "below_ground",
                _("The lower limit {lower} m is below the ground; heights are true heights, from 0 m."),
                values,
            )
        )
    if upper > rules.max_height_m:
        problems.append(
            Problem(
                "altitude",
                "too_high",
                _("The upper limit {upper} m is above {maximum} m, the top of low-altitude airspace."),
                {**values, "maximum": rules.max_height_m},
            )
        )
    if upper - lower < rules.min_band_thickness_m:
        problems.append(
            Problem(
                "altitude",
                "too_thin",
                _("The altitude band is {thickness} m thick; it must be at least {minimum} m."),
                {"thickness": plain(upper - lower), "minimum": plain(rules.min_band_thickness_m)},
            )
        )
    return problems


def window_problems(start, end, now: datetime, rules: Rules) -> list[Problem]:
    """What is wrong with a time window [start, end) filed at `now`."""
    if not (isinstance(start, datetime) and isinstance(end, datetime)):
        return [Problem("window", "not_times", _("The start and end must be dates with times."))]
    if start.tzinfo is None or end.tzinfo is None:
        return [Problem("window", "no_timezone", _("The start and end must carry a time zone, e.g. +08:00."))]
    values = {"start": start.isoformat(timespec="minutes"), "end": end.isoformat(timespec="minutes")}
    if end <= start:
        return [
            Problem(
                "window", "ends_before_start", _("The time window ends ({end}) before it starts ({start})."), values
            )
        ]
    problems = []
    if start < now:
        problems.append(
            Problem(
                "window",
                "in_past",
                _("The time window starts at {start}, which is in the past (now is {now})."),
                {**values, "now": now.isoformat(timespec="minutes")},
            )
        )
    if end - start > rules.max_duration:
        problems.append(
            Problem(
                "window",
                "too_long",
                _("The time window lasts {hours} h; the rules allow at most {maximum} h."),
                {"hours": _hours(end - start), "maximum": _hours(rules.max_duration)},
            )
        )
    if start - now > rules.plan_horizon:
        problems.append(
            Problem(
                "window",
                "too_far_ahead",
                _("The time window starts more than {days} days ahead, the most plans may be filed in advance."),
                {**values, "days": rules.plan_horizon.days},
            )
        )
    return problems


def _hours(delta: timedelta) -> float | int:
    hours = round(delta.total_seconds() / 3600, 2)
    return int(hours) if hours.is_integer() else hours


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)

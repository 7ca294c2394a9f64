"""The engine applied to the database: build an operator's volumes, check them against what is stored,
and keep two checks of overlapping airspace from passing each other.

* **Candidates from indexed columns.** Each stored volume keeps its projected footprint's bounding
  box and its time window in indexed columns; a check loads only the holding intents whose boxes
  meet the new intent's box within a day either side (the free-window search range), and runs the
  engine's `assess` on those. The in-memory index of `conflicts` is then small and exact.
* **Locks by grid cell.** Two intents can conflict only if they share a point, and then they share a
  20 km grid cell. A check takes PostgreSQL transaction-level advisory locks on every cell its box
  touches, in ascending order (no deadlock), before reading candidates; a concurrent check of an
  overlapping intent waits, then sees the first one's volumes. Checks of distant airspace do not
  wait for each other. SQLite serialises writers on its own.
* **Province polygons** come from the vendored city boundaries (schematic, as the map says), merged
  per province and projected once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import numpy as np
import shapely
from django.db import connection

from .conflicts import (
    RULES,
    InvalidVolume,
    OperationalIntent,
    Problem,
    RestrictionSet,
    Volume4D,
    VolumeIndex,
    area_volume,
    assess,
    crossed_in_order,
    route_volume,
)
from .conflicts.detect import DEFAULT_SEARCH, Assessment
from .conflicts.geo import geometry_to_metric, to_metric
from .conflicts.problems import gettext_noop as _
from .models import HOLDING, AirspaceRestriction, IntentVolume

CITIES_GEOJSON = Path(__file__).resolve().parent.parent / "core" / "static" / "geo" / "yrd-cities.geojson"
LOCK_CELL_M = 20_000
LOCK_NAMESPACE = 1_414_000_000  # keeps these advisory-lock keys apart from any other module's


@dataclass(frozen=True)
class VolumeInput:
    kind: str  # "route" or "area"
    outline: list
    buffer_m: float
    lower_m: float
    upper_m: float
    starts_at: datetime
    ends_at: datetime


def build_volumes(inputs: list[VolumeInput], now: datetime) -> list[Volume4D]:
    """Engine volumes from what the operator typed; raises InvalidVolume whose fields read `volumes.N.field`."""
    problems, built = [], []
    if not inputs:
        problems.append(Problem("volumes", "none", _("An intent needs at least one volume.")))
    for number, given in enumerate(inputs):
        builder = route_volume if given.kind == "route" else area_volume
        try:
            built.append(
                builder(
                    given.outline, given.buffer_m, given.lower_m, given.upper_m, given.starts_at, given.ends_at, now=now
                )
            )
        except InvalidVolume as refused:
            problems += [Problem(f"volumes.{number}.{p.field}", p.code, p.template, p.params) for p in refused.problems]
    if built and len(built) == len(inputs):
        span = max(v.window.end for v in built) - min(v.window.start for v in built)
        if span > RULES.max_duration:
            problems.append(
                Problem(
                    "volumes",
                    "too_long",
                    _("The intent lasts {hours} h from its first volume to its last; at most {maximum} h are allowed."),
                    {"hours": round(span / timedelta(hours=1), 2), "maximum": RULES.max_duration // timedelta(hours=1)},
                )
            )
    if problems:
        raise InvalidVolume(problems)
    return built


def centreline(inputs: list[VolumeInput]) -> shapely.Geometry | None:
    """The path a routed intent flies (for the consent order); None when any volume is an area."""
    if any(given.kind != "route" for given in inputs):
        return None
    points = [point for given in inputs for point in given.outline]
    return shapely.LineString(to_metric(np.asarray(points, dtype=float)))


@cache
def city_polygons() -> dict[str, shapely.Geometry]:
    """City adcode → its area in the region's projection (schematic boundaries, made valid)."""
    with open(CITIES_GEOJSON, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    return {
        feature["properties"]["adcode"]: geometry_to_metric(
            shapely.make_valid(shapely.geometry.shape(feature["geometry"]))
        )
        for feature in features
    }


@cache
def province_polygons() -> dict[str, shapely.Geometry]:
    """Province adcode → its area in the region's projection (the union of its cities)."""
    parts: dict[str, list] = {}
    for code, geometry in city_polygons().items():
        parts.setdefault(code[:2] + "0000", []).append(geometry)
    return {code: shapely.union_all(geometries) for code, geometries in parts.items()}


def provinces_crossed(volumes: list[Volume4D], inputs: list[VolumeInput]) -> list[str]:
    footprint = shapely.union_all([v.geometry for v in volumes])
    return crossed_in_order(footprint, province_polygons(), centreline(inputs))


def lock_airspace(volumes: list[Volume4D]) -> None:
    """Take the advisory locks of every grid cell the volumes' bounding box touches (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    min_x, min_y, max_x, max_y = shapely.total_bounds([v.geometry for v in volumes])
    columns = range(int(min_x // LOCK_CELL_M), int(max_x // LOCK_CELL_M) + 1)
    rows = range(int(min_y // LOCK_CELL_M), int(max_y // LOCK_CELL_M) + 1)
    keys = sorted(LOCK_NAMESPACE + (column + 500) * 1000 + (row + 500) for column in columns for row in rows)
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def restriction_set() -> RestrictionSet:
    return RestrictionSet(r.to_engine() for r in AirspaceRestriction.objects.select_related("province"))


def stored_neighbours(volumes: list[Volume4D], search: timedelta = DEFAULT_SEARCH) -> list[OperationalIntent]:
    """Holding intents with a volume whose box meets the new volumes' box within `search` of their times."""
    min_x, min_y, max_x, max_y = shapely.total_bounds([v.geometry for v in volumes])
    start = min(v.window.start for v in volumes) - search
    end = max(v.window.end for v in volumes) + search
    near = IntentVolume.objects.filter(
        intent__state__in=HOLDING,
        starts_at__lt=end,
        ends_at__gt=start,
        min_x__lte=max_x,
        max_x__gte=min_x,
        min_y__lte=max_y,
        max_y__gte=min_y,
    ).values_list("intent_id", flat=True)
    rows = IntentVolume.objects.filter(intent_id__in=near).select_related("intent").order_by("intent_id", "ordinal")
    grouped: dict[int, list[IntentVolume]] = {}
    for row in rows:
        grouped.setdefault(row.intent_id, []).append(row)
    return [
        OperationalIntent(parts[0].intent.number, tuple(p.to_engine() for p in parts), parts[0].intent.priority)
        for parts in grouped.values()
    ]


def check(intent: OperationalIntent, now: datetime) -> Assessment:
    """Assess an intent against the stored holding intents and the restrictions (call after `lock_airspace`)."""
    index = VolumeIndex()
    for neighbour in stored_neighbours(list(intent.volumes)):
        index.add(neighbour)
    return assess(intent, index, restriction_set(), now=now)


def volume_row(intent, ordinal: int, given: VolumeInput, volume: Volume4D) -> IntentVolume:
    min_x, min_y, max_x, max_y = shapely.bounds(volume.geometry)
    return IntentVolume(
        intent=intent,
        ordinal=ordinal,
        kind=given.kind,
        outline=[[float(lon), float(lat)] for lon, lat in given.outline],
        buffer_m=given.buffer_m,
        lower_m=given.lower_m,
        upper_m=given.upper_m,
        starts_at=given.starts_at,
        ends_at=given.ends_at,
        footprint=shapely.to_wkb(volume.geometry),
        min_x=min_x,
        min_y=min_y,
        max_x=max_x,
        max_y=max_y,
    )

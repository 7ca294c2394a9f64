"""Random volumes for property tests, drawn on coarse grids so that edge cases are common.

Footprints are boxes, triangles and buffered lines whose corners lie on a 50 m grid in a 600 m
square, so shared edges and corners happen often; altitude bands lie on 30 m steps, so bands that
meet at one height happen often; windows lie on 10-minute steps within three hours, so windows that
abut happen often. Everything is in the region's projected metres around Shanghai.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import shapely
from hypothesis import strategies as st

from yrd.lowalt.conflicts import (
    AltitudeBand,
    Always,
    OperationalIntent,
    Priority,
    Restriction,
    RestrictionKind,
    TimeWindow,
    Volume4D,
    Weekly,
    Windows,
)

CST = timezone(timedelta(hours=8))
BASE = datetime(2026, 6, 1, 8, 0, tzinfo=CST)  # a Monday
NOW = BASE - timedelta(hours=1)
ORIGIN = (400_000.0, 30_000.0)  # near Shanghai in the region's projection
STEP = 50.0

grid = st.integers(0, 12).map(lambda n: n * STEP)


def at(x: float, y: float) -> tuple[float, float]:
    return ORIGIN[0] + x, ORIGIN[1] + y


SQUARE = shapely.box(*at(0, 0), *at(100, 100))


def one(name, geometry=SQUARE, lower=0, upper=60, start=0, minutes=30, priority=Priority.NORMAL):
    """A one-volume intent over `geometry`, starting `start` minutes after 08:00 on the test day."""
    begin = BASE + timedelta(minutes=start)
    window = TimeWindow(begin, begin + timedelta(minutes=minutes))
    return OperationalIntent(name, (Volume4D(geometry, AltitudeBand(lower, upper), window),), priority)


@st.composite
def footprints(draw) -> shapely.Geometry:
    kind = draw(st.sampled_from(["box", "box", "triangle", "route"]))
    x0, y0 = draw(grid), draw(grid)
    if kind == "box":
        w, h = draw(st.integers(1, 6)) * STEP, draw(st.integers(1, 6)) * STEP
        return shapely.box(*at(x0, y0), *at(x0 + w, y0 + h))
    if kind == "triangle":
        dx, dy = draw(st.integers(1, 6)) * STEP, draw(st.integers(1, 6)) * STEP
        return shapely.Polygon([at(x0, y0), at(x0 + dx, y0), at(x0, y0 + dy)])
    x1, y1 = draw(grid), draw(grid)
    if (x0, y0) == (x1, y1):
        x1 += STEP
    return shapely.buffer(shapely.LineString([at(x0, y0), at(x1, y1)]), draw(st.sampled_from([10.0, 25.0, 50.0])))


@st.composite
def bands(draw) -> AltitudeBand:
    lower = draw(st.integers(0, 4)) * 30.0
    return AltitudeBand(lower, lower + draw(st.integers(1, 3)) * 30.0)


@st.composite
def windows(draw) -> TimeWindow:
    start = BASE + timedelta(minutes=10 * draw(st.integers(0, 17)))
    return TimeWindow(start, start + timedelta(minutes=10 * draw(st.integers(1, 6))))


@st.composite
def volumes(draw) -> Volume4D:
    return Volume4D(draw(footprints()), draw(bands()), draw(windows()))


@st.composite
def intents(draw, name: str) -> OperationalIntent:
    first = draw(volumes())
    parts = [first]
    if draw(st.booleans()):
        # A second leg right after the first (the usual shape of a multi-volume plan).
        window = TimeWindow(first.window.end, first.window.end + timedelta(minutes=10 * draw(st.integers(1, 3))))
        parts.append(Volume4D(draw(footprints()), draw(bands()), window))
    priority = draw(st.sampled_from([Priority.NORMAL, Priority.NORMAL, Priority.EMERGENCY]))
    return OperationalIntent(name, tuple(parts), priority)


@st.composite
def active_times(draw):
    kind = draw(st.sampled_from(["always", "windows", "weekly", "overnight"]))
    if kind == "always":
        return Always()
    if kind == "windows":
        return Windows(tuple(draw(st.lists(windows(), min_size=1, max_size=3))))
    start_hour = draw(st.integers(6, 11))
    if kind == "weekly":
        return Weekly(
            frozenset(draw(st.sets(st.integers(0, 6), min_size=1))), time(start_hour), time(start_hour + 1, 30)
        )
    return Weekly(frozenset(range(7)), time(22), time(start_hour - 1))


@st.composite
def restrictions(draw, name: str) -> Restriction:
    kind = draw(st.sampled_from([RestrictionKind.NO_FLY, RestrictionKind.NO_FLY, RestrictionKind.CONTROLLED]))
    return Restriction(name, draw(footprints()), draw(bands()), draw(active_times()), kind)


@st.composite
def scenes(draw):
    """Accepted intents, restrictions and a new intent (sometimes a new version of an accepted one)."""
    accepted = [draw(intents(f"a{n}")) for n in range(draw(st.integers(0, 12)))]
    restricted = [draw(restrictions(f"r{n}")) for n in range(draw(st.integers(0, 3)))]
    name = draw(st.sampled_from([a.id for a in accepted])) if accepted and draw(st.booleans()) else "new"
    return accepted, restricted, draw(intents(name))

"""4D volumes: a footprint in metres, an altitude band and a time window; intents made of them.

Boundaries — what counts as touching and what as conflicting — are decided here, once, and every
other part of the engine (the index, the brute-force reference, the free-window search) uses these
predicates:

* **Space and altitude are closed sets.** Two footprints that only share an edge or a corner, and two
  altitude bands where one ends at 60 m and the other starts at 60 m, *do* conflict: an aircraft
  entitled to fly anywhere in its volume may sit exactly on that shared edge or at exactly 60 m while
  the other aircraft does the same, so the two volumes share a point both may occupy at once. ASTM
  F3548 asks that overlaps of 1 cm be found; counting contact as conflict is the conservative side of
  that precision.
* **Time is half-open, [start, end).** A volume is occupied from its start up to, not including, its
  end, when it is handed over. Two windows that abut (10:00–10:30 and 10:30–11:00) do *not* conflict:
  no instant belongs to both, and back-to-back use of the same airspace is how a busy vertiport pad
  or corridor is shared. The free window the engine offers may therefore start exactly when the
  blocking volume ends.

Heights are true heights (真高, above the ground below) in metres, as the 2024 interim regulations
measure them. Times are timezone-aware datetimes; internally seconds since the epoch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum

import shapely


@dataclass(frozen=True, slots=True)
class AltitudeBand:
    """[lower, upper] true height in metres; closed at both ends."""

    lower: float
    upper: float

    def overlaps(self, other: AltitudeBand) -> bool:
        return self.lower <= other.upper and other.lower <= self.upper

    def overlap(self, other: AltitudeBand) -> AltitudeBand:
        """The shared band (may be a single height when the bands meet)."""
        return AltitudeBand(max(self.lower, other.lower), min(self.upper, other.upper))


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """[start, end) between two timezone-aware datetimes."""

    start: datetime
    end: datetime
    t0: float = field(init=False, repr=False, compare=False)
    t1: float = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "t0", self.start.timestamp())
        object.__setattr__(self, "t1", self.end.timestamp())

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def overlaps(self, other: TimeWindow) -> bool:
        return self.t0 < other.t1 and other.t0 < self.t1

    def overlap(self, other: TimeWindow) -> TimeWindow:
        return TimeWindow(max(self.start, other.start), min(self.end, other.end))

    def shifted(self, seconds: float) -> TimeWindow:
        delta = timedelta(seconds=seconds)
        return TimeWindow(self.start + delta, self.end + delta)


@dataclass(frozen=True, slots=True)
class Volume4D:
    """A footprint (a polygon in the region's projection, metres) over an altitude band during a time window."""

    geometry: shapely.Geometry
    band: AltitudeBand
    window: TimeWindow

    def intersects(self, other: Volume4D) -> bool:
        """The reference predicate: shares a point in space, altitude and time (see the module docstring)."""
        return (
            self.window.overlaps(other.window)
            and self.band.overlaps(other.band)
            and shapely.intersects(self.geometry, other.geometry)
        )

    def shifted(self, seconds: float) -> Volume4D:
        return Volume4D(self.geometry, self.band, self.window.shifted(seconds))


class Priority(IntEnum):
    """Who gives way. An intent may be accepted over conflicting intents of lower priority only
    (ASTM F3548's priority rule); equal priorities never overlap."""

    NORMAL = 0
    EMERGENCY = 100


@dataclass(frozen=True, slots=True)
class OperationalIntent:
    """An operator's plan: one or more 4D volumes flown in order, with a priority."""

    id: str
    volumes: tuple[Volume4D, ...]
    priority: int = Priority.NORMAL

    @property
    def window(self) -> TimeWindow:
        """From the first volume's start to the last volume's end."""
        return TimeWindow(min(v.window.start for v in self.volumes), max(v.window.end for v in self.volumes))

    def shifted(self, seconds: float) -> OperationalIntent:
        return OperationalIntent(self.id, tuple(v.shifted(seconds) for v in self.volumes), self.priority)

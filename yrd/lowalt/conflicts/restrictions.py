"""Airspace restrictions kept by each province's competent authority, and the queries on them.

Two kinds, after Article 19 of the 2024 interim regulations on unmanned aircraft flight:

* `NO_FLY` — airport protection zones, military and other no-fly areas: while active, an intent that
  shares a point with one (space, altitude band, time; the boundary rules of `volumes`) is refused.
* `CONTROLLED` — controlled airspace volumes (管制空域) that may be flown only with the approval of
  the air traffic authority: not a conflict, but an intent entering one needs that approval.

A `RestrictionSet` holds a few hundred to a few thousand restrictions in an STRtree; it is rebuilt
whole when an authority changes one (rare, unlike intents).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import shapely

from .schedule import ActiveTimes, Interval
from .volumes import AltitudeBand, Volume4D


class RestrictionKind(StrEnum):
    NO_FLY = "no_fly"
    CONTROLLED = "controlled"


@dataclass(frozen=True)
class Restriction:
    id: str
    geometry: shapely.Geometry  # metres, region projection
    band: AltitudeBand
    active: ActiveTimes
    kind: RestrictionKind = RestrictionKind.NO_FLY


@dataclass(frozen=True)
class Encounter:
    """A restriction a volume meets, with the restriction's active intervals in the asked time range."""

    restriction: Restriction
    intervals: tuple[Interval, ...]


class RestrictionSet:
    def __init__(self, restrictions: Iterable[Restriction] = ()):
        self.restrictions = tuple(restrictions)
        ids = [r.id for r in self.restrictions]
        if len(set(ids)) != len(ids):
            raise ValueError("restriction ids must be unique")
        self._tree = shapely.STRtree([r.geometry for r in self.restrictions])

    def __len__(self) -> int:
        return len(self.restrictions)

    def encounters(self, volume: Volume4D, t0: float, t1: float, kind: RestrictionKind) -> list[Encounter]:
        """Restrictions of `kind` sharing space and altitude with `volume` and active at some time in [t0, t1)."""
        found = []
        for position in self._tree.query(volume.geometry, predicate="intersects"):
            restriction = self.restrictions[position]
            if restriction.kind != kind or not restriction.band.overlaps(volume.band):
                continue
            intervals = restriction.active.intervals(t0, t1)
            if intervals:
                found.append(Encounter(restriction, tuple(intervals)))
        return found

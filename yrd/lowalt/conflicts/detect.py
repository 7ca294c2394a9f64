"""Strategic conflict detection: may a new or changed intent be accepted, and if not, why and when instead.

The rule follows ASTM F3548 strategic coordination and the InterUSS DSS: an intent is accepted only
when none of its 4D volumes shares a point (space, altitude band and time, under the boundary rules
of `volumes`) with

* a volume of an accepted intent of the same or higher priority, or
* an active no-fly restriction.

Accepted intents of *lower* priority do not block: an emergency operation is accepted over them and
they are listed as `displaced`, so their operators can be told at once to replan. Restrictions block
every priority: only the authority that keeps a restriction can lift it.

A refused intent gets the conflicts (which of its volumes, whose volume, the time and heights both
occupy, and the occupied footprint) and, where one exists, the nearest free window: the same intent
moved as a whole by the smallest shift, earlier or later, that clears every blocker, never starting
before `now` nor beyond the planning horizon, searched up to `search` either way. The search widens
(1 h, 4 h, then `search`) so the usual case reads only the next hour's traffic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import shapely

from .freewindow import Interval, forbidden_shifts, nearest_free_shift
from .index import VolumeIndex
from .restrictions import Restriction, RestrictionKind, RestrictionSet
from .validation import RULES, Rules
from .volumes import AltitudeBand, OperationalIntent, TimeWindow, Volume4D

DEFAULT_SEARCH = timedelta(hours=24)


class Source(StrEnum):
    INTENT = "intent"
    RESTRICTION = "restriction"


@dataclass(frozen=True)
class Conflict:
    """One of the new intent's volumes meets an accepted intent's volume or an active restriction."""

    volume_no: int
    source: Source
    ref: str
    ref_volume_no: int | None
    priority: int | None
    window: TimeWindow
    band: AltitudeBand
    geometry: shapely.Geometry

    def key(self) -> tuple:
        return (self.volume_no, self.window.t0, self.window.t1, self.source, self.ref, self.ref_volume_no)


@dataclass(frozen=True)
class Assessment:
    conflicts: tuple[Conflict, ...]
    displaced: tuple[Conflict, ...]
    shift_seconds: float | None = None
    free_window: TimeWindow | None = None

    @property
    def accepted(self) -> bool:
        return not self.conflicts


Blockers = Callable[[int, Volume4D, float, float], list[Interval]]


def assess(
    intent: OperationalIntent,
    index: VolumeIndex,
    restrictions: RestrictionSet,
    *,
    now: datetime,
    rules: Rules = RULES,
    search: timedelta = DEFAULT_SEARCH,
) -> Assessment:
    """Check `intent` against the index of accepted intents and the restrictions (its own stored version excluded)."""
    conflicts, displaced = [], []
    for number, volume in enumerate(intent.volumes):
        for hit in index.query(volume.geometry, volume.band, volume.window.t0, volume.window.t1, exclude=intent.id):
            found = _intent_conflict(number, volume, hit.intent_id, hit.volume_no, hit.priority, hit.volume)
            (conflicts if hit.priority >= intent.priority else displaced).append(found)
        for encounter in restrictions.encounters(volume, volume.window.t0, volume.window.t1, RestrictionKind.NO_FLY):
            conflicts += _restriction_conflicts(number, volume, encounter.restriction, encounter.intervals)
    if not conflicts:
        return Assessment((), _sorted(displaced))

    def blockers(number: int, volume: Volume4D, t0: float, t1: float) -> list[Interval]:
        hits = index.query(volume.geometry, volume.band, t0, t1, exclude=intent.id)
        found = [(h.volume.window.t0, h.volume.window.t1) for h in hits if h.priority >= intent.priority]
        for encounter in restrictions.encounters(volume, t0, t1, RestrictionKind.NO_FLY):
            found += encounter.intervals
        return found

    shift = _free_shift(intent, blockers, now, rules, search, widening=True)
    return _refusal(intent, conflicts, displaced, shift)


def brute_assess(
    intent: OperationalIntent,
    accepted: Iterable[OperationalIntent],
    restrictions: Iterable[Restriction],
    *,
    now: datetime,
    rules: Rules = RULES,
    search: timedelta = DEFAULT_SEARCH,
) -> Assessment:
    """The same answer without any index: every pair of volumes compared with the reference predicate."""
    others = [other for other in accepted if other.id != intent.id]
    no_fly = [r for r in restrictions if r.kind == RestrictionKind.NO_FLY]
    conflicts, displaced = [], []
    for number, volume in enumerate(intent.volumes):
        for other in others:
            for other_no, other_volume in enumerate(other.volumes):
                if volume.intersects(other_volume):
                    found = _intent_conflict(number, volume, other.id, other_no, other.priority, other_volume)
                    (conflicts if other.priority >= intent.priority else displaced).append(found)
        for restriction in no_fly:
            if _meets_in_space(volume, restriction):
                intervals = restriction.active.intervals(volume.window.t0, volume.window.t1)
                conflicts += _restriction_conflicts(number, volume, restriction, intervals)
    if not conflicts:
        return Assessment((), _sorted(displaced))

    def blockers(number: int, volume: Volume4D, t0: float, t1: float) -> list[Interval]:
        found = []
        for other in others:
            if other.priority < intent.priority:
                continue
            for other_volume in other.volumes:
                meets = other_volume.band.overlaps(volume.band)
                if meets and shapely.intersects(volume.geometry, other_volume.geometry):
                    found.append((other_volume.window.t0, other_volume.window.t1))
        for restriction in no_fly:
            if _meets_in_space(volume, restriction):
                found += restriction.active.intervals(t0, t1)
        return found

    shift = _free_shift(intent, blockers, now, rules, search, widening=False)
    return _refusal(intent, conflicts, displaced, shift)


def _meets_in_space(volume: Volume4D, restriction: Restriction) -> bool:
    return restriction.band.overlaps(volume.band) and shapely.intersects(volume.geometry, restriction.geometry)


def _intent_conflict(number, volume, other_id, other_no, priority, other_volume) -> Conflict:
    return Conflict(
        number,
        Source.INTENT,
        other_id,
        other_no,
        priority,
        volume.window.overlap(other_volume.window),
        volume.band.overlap(other_volume.band),
        other_volume.geometry,
    )


def _restriction_conflicts(number: int, volume: Volume4D, restriction: Restriction, intervals) -> list[Conflict]:
    zone = volume.window.start.tzinfo
    found = []
    for a, b in intervals:
        start = max(volume.window.start, datetime.fromtimestamp(a, zone))
        end = min(volume.window.end, datetime.fromtimestamp(b, zone))
        found.append(
            Conflict(
                number,
                Source.RESTRICTION,
                restriction.id,
                None,
                None,
                TimeWindow(start, end),
                volume.band.overlap(restriction.band),
                restriction.geometry,
            )
        )
    return found


def _free_shift(
    intent: OperationalIntent, blockers: Blockers, now: datetime, rules: Rules, search: timedelta, *, widening: bool
) -> float | None:
    """The nearest allowed shift of the whole intent (see `freewindow`), within the search range."""
    first = intent.window
    lowest_allowed = now.timestamp() - first.t0
    highest_allowed = (now + rules.plan_horizon).timestamp() - first.t0
    limit = search.total_seconds()
    horizons = [h for h in (3600.0, 4 * 3600.0) if h < limit] if widening else []
    for horizon in [*horizons, limit]:
        forbidden = []
        for number, volume in enumerate(intent.volumes):
            window = (volume.window.t0, volume.window.t1)
            found = blockers(number, volume, window[0] - horizon, window[1] + horizon)
            forbidden += forbidden_shifts(window, found)
        shift = nearest_free_shift(forbidden, max(-horizon, lowest_allowed), min(horizon, highest_allowed))
        if shift is not None:
            return shift
    return None


def _refusal(intent: OperationalIntent, conflicts, displaced, shift: float | None) -> Assessment:
    free = intent.window.shifted(shift) if shift is not None else None
    return Assessment(_sorted(conflicts), _sorted(displaced), shift, free)


def _sorted(conflicts: list[Conflict]) -> tuple[Conflict, ...]:
    return tuple(sorted(conflicts, key=Conflict.key))

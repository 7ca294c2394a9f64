"""A spatial-temporal index of accepted intents' volumes, updated as intents are accepted and withdrawn.

Time is cut into slices (an hour by default). Each slice keeps a shapely STRtree over the footprints
of the volumes active during it, so a query for a 20-minute flight looks only at the hour or two it
touches, not at the whole day's traffic over the same streets. A volume lives in every slice its
window overlaps.

shapely's STRtree cannot change once built, so each slice is log-structured: volumes accepted since
the last build wait in a short *pending* list (checked by their bounding boxes in one numpy step),
and withdrawn volumes are tombstones (an `alive` flag). A slice is rebuilt when its pending list
grows past an eighth of its tree, or half its tree is dead; the cost of a rebuild is spread over
the inserts that caused it. When half of all stored rows are dead, every row is compacted.

A query returns the rows that share a point with a 4D volume under the boundary rules of
`volumes` (closed in space and altitude, half-open in time): the trees and pending lists give
candidates by bounding box; numpy filters them by time window and altitude band; shapely decides
the exact geometry for the few left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely

from .volumes import AltitudeBand, OperationalIntent, Volume4D


@dataclass
class _Slice:
    tree_rows: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    tree: shapely.STRtree | None = None
    pending: list[int] = field(default_factory=list)
    dead: int = 0


@dataclass(frozen=True)
class Hit:
    """A stored volume a query met."""

    intent_id: str
    volume_no: int
    priority: int
    volume: Volume4D


class VolumeIndex:
    def __init__(self, slice_seconds: float = 3600.0, min_pending: int = 64):
        """`slice_seconds`: the width of a time slice; `min_pending`: inserts a slice may hold before its tree is
        rebuilt, whatever the tree's size (tests set it low to exercise rebuilds)."""
        self.slice_seconds = float(slice_seconds)
        self.min_pending = min_pending
        self._intents: dict[str, OperationalIntent] = {}
        self._rows_of: dict[str, list[int]] = {}
        self._slices: dict[int, _Slice] = {}
        self._allocate(1024)
        self._size = 0
        self._dead = 0

    # -- public ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._intents)

    def __contains__(self, intent_id: str) -> bool:
        return intent_id in self._intents

    def intent(self, intent_id: str) -> OperationalIntent:
        return self._intents[intent_id]

    def intents(self):
        return self._intents.values()

    def add(self, intent: OperationalIntent) -> None:
        """Store an accepted intent (replacing the stored version of the same id)."""
        if intent.id in self._intents:
            self.remove(intent.id)
        self._intents[intent.id] = intent
        rows = []
        for number, volume in enumerate(intent.volumes):
            row = self._append_row(intent, number, volume)
            rows.append(row)
            for key in self._slice_keys(volume.window.t0, volume.window.t1):
                self._add_to_slice(key, row)
        self._rows_of[intent.id] = rows

    def remove(self, intent_id: str) -> bool:
        """Withdraw an intent; False when it was not stored."""
        if intent_id not in self._intents:
            return False
        del self._intents[intent_id]
        for row in self._rows_of.pop(intent_id):
            self._alive[row] = False
            self._dead += 1
            for key in self._slice_keys(self._t0[row], self._t1[row]):
                self._remove_from_slice(key, row)
        if self._dead > max(self._size // 2, 4 * self.min_pending):
            self._compact()
        return True

    def query(
        self, geometry: shapely.Geometry, band: AltitudeBand, t0: float, t1: float, exclude: str | None = None
    ) -> list[Hit]:
        """Stored volumes sharing a point with `geometry` × `band` × [t0, t1), except those of intent `exclude`."""
        rows = self._candidates(geometry, t0, t1)
        if len(rows) == 0:
            return []
        keep = (
            self._alive[rows]
            & (self._t0[rows] < t1)
            & (self._t1[rows] > t0)
            & (self._z0[rows] <= band.upper)
            & (self._z1[rows] >= band.lower)
        )
        if exclude is not None:
            keep &= self._owner[rows] != exclude
        rows = rows[keep]
        if len(rows) == 0:
            return []
        shapely.prepare(geometry)
        rows = rows[shapely.intersects(geometry, self._geoms[rows])]
        return [self._hit(int(row)) for row in rows]

    # -- rows -----------------------------------------------------------------------------------

    def _allocate(self, capacity: int) -> None:
        self._geoms = np.empty(capacity, dtype=object)
        self._bounds = np.zeros((capacity, 4))
        self._t0 = np.zeros(capacity)
        self._t1 = np.zeros(capacity)
        self._z0 = np.zeros(capacity)
        self._z1 = np.zeros(capacity)
        self._alive = np.zeros(capacity, dtype=bool)
        self._owner = np.empty(capacity, dtype=object)
        self._volume_no = np.zeros(capacity, dtype=np.int32)

    def _grow(self) -> None:
        old = (self._geoms, self._bounds, self._t0, self._t1, self._z0, self._z1, self._alive, self._owner)
        old_volume_no = self._volume_no
        self._allocate(2 * len(self._geoms))
        for new, previous in zip(
            (self._geoms, self._bounds, self._t0, self._t1, self._z0, self._z1, self._alive, self._owner),
            old,
            strict=True,
        ):
            new[: self._size] = previous[: self._size]
        self._volume_no[: self._size] = old_volume_no[: self._size]

    def _append_row(self, intent: OperationalIntent, number: int, volume: Volume4D) -> int:
        if self._size == len(self._geoms):
            self._grow()
        row = self._size
        self._size += 1
        self._geoms[row] = volume.geometry
        self._bounds[row] = shapely.bounds(volume.geometry)
        self._t0[row], self._t1[row] = volume.window.t0, volume.window.t1
        self._z0[row], self._z1[row] = volume.band.lower, volume.band.upper
        self._alive[row] = True
        self._owner[row] = intent.id
        self._volume_no[row] = number
        return row

    def _hit(self, row: int) -> Hit:
        intent = self._intents[self._owner[row]]
        number = int(self._volume_no[row])
        return Hit(intent.id, number, intent.priority, intent.volumes[number])

    def _compact(self) -> None:
        intents = list(self._intents.values())
        self._intents.clear()
        self._rows_of.clear()
        self._slices.clear()
        self._allocate(max(1024, 2 * sum(len(i.volumes) for i in intents)))
        self._size = self._dead = 0
        for intent in intents:
            self.add(intent)

    # -- slices ---------------------------------------------------------------------------------

    def _slice_keys(self, t0: float, t1: float) -> range:
        """The slices [k·w, (k+1)·w) that the half-open window [t0, t1) overlaps."""
        return range(math.floor(t0 / self.slice_seconds), math.ceil(t1 / self.slice_seconds))

    def _add_to_slice(self, key: int, row: int) -> None:
        part = self._slices.setdefault(key, _Slice())
        part.pending.append(row)
        if len(part.pending) > max(self.min_pending, len(part.tree_rows) // 8):
            self._rebuild(part)

    def _remove_from_slice(self, key: int, row: int) -> None:
        part = self._slices[key]
        part.dead += 1
        if part.dead > (len(part.tree_rows) + len(part.pending)) // 2:
            self._rebuild(part)

    def _rebuild(self, part: _Slice) -> None:
        rows = np.concatenate([part.tree_rows, np.asarray(part.pending, dtype=np.int64)])
        rows = rows[self._alive[rows]]
        part.tree_rows = rows
        part.tree = shapely.STRtree(self._geoms[rows]) if len(rows) else None
        part.pending = []
        part.dead = 0

    def _candidates(self, geometry: shapely.Geometry, t0: float, t1: float) -> np.ndarray:
        """Rows whose bounding box meets the geometry's, from every slice [t0, t1) touches (may repeat)."""
        xmin, ymin, xmax, ymax = shapely.bounds(geometry)
        found = []
        for key in self._slice_keys(t0, t1):
            part = self._slices.get(key)
            if part is None:
                continue
            if part.tree is not None:
                found.append(part.tree_rows[part.tree.query(geometry)])
            if part.pending:
                pending = np.asarray(part.pending, dtype=np.int64)
                box = self._bounds[pending]
                near = (box[:, 0] <= xmax) & (box[:, 2] >= xmin) & (box[:, 1] <= ymax) & (box[:, 3] >= ymin)
                found.append(pending[near])
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.unique(np.concatenate(found))

"""The nearest free time: by how many seconds to move a whole intent so nothing blocks it.

An intent is moved as one piece (its volumes keep their order and spacing). A volume [s, e) moved by
δ meets a blocking interval [a, b) exactly when s + δ < b and a < e + δ, i.e. when δ lies in the *open*
interval (a − e, b − s). So the allowed shifts are everything outside a union of open intervals, and
the nearest one is 0 or an end point of the merged interval containing 0 — which is why the offered
window may start exactly when the blocking one ends (abutting windows do not conflict).
"""

from __future__ import annotations

from collections.abc import Iterable

Interval = tuple[float, float]


def forbidden_shifts(window: Interval, blockers: Iterable[Interval]) -> list[Interval]:
    """Open intervals of shifts δ that would make `window` [s, e) meet one of the blocking intervals."""
    s, e = window
    return [(a - e, b - s) for a, b in blockers]


def nearest_free_shift(forbidden: Iterable[Interval], lowest: float, highest: float) -> float | None:
    """The δ in [lowest, highest] nearest to 0 that lies in none of the open intervals; later wins a tie.

    None when every shift in the range is forbidden (or the range is empty).
    """
    if lowest > highest:
        return None
    merged = _merge_open(sorted(forbidden))
    if not lowest <= 0 <= highest:
        return _nearest_allowed_in_range(merged, lowest, highest)
    around = next(((a, b) for a, b in merged if a < 0 < b), None)
    if around is None:
        return 0.0
    earlier = around[0] if around[0] >= lowest else None
    later = around[1] if around[1] <= highest else None
    if earlier is None or (later is not None and later <= -earlier):
        return later
    return earlier


def _merge_open(intervals: list[Interval]) -> list[Interval]:
    """Merge sorted open intervals; two that only meet at a point stay apart (that point is allowed)."""
    merged: list[Interval] = []
    for a, b in intervals:
        if a >= b:
            continue
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _nearest_allowed_in_range(merged: list[Interval], lowest: float, highest: float) -> float | None:
    """When 0 itself is outside the range: the allowed point of [lowest, highest] nearest to 0."""
    if lowest > 0:
        point = lowest
        for a, b in merged:
            if a < point < b:
                point = b
        return point if point <= highest else None
    point = highest
    for a, b in reversed(merged):
        if a < point < b:
            point = a
    return point if point >= lowest else None

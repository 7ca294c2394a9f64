"""First expiry, first out: which lots a warehouse's lines of one item are taken from.

A line may only take lots still good when it arrives (expiry after its travel time). Lines are served
from the latest-arriving to the earliest, each taking the earliest-expiring lots it may use: the lots
a line may use are a suffix of the lots in expiry order, and these suffixes nest, so this never
leaves a line short when any assignment would serve them all (the flow guarantees one does), and
the stock left behind is the longest-lived.
"""

from bisect import bisect_right
from math import inf

from .problem import Lot
from .result import Pick


def pick_lots(lots: tuple[Lot, ...], lines: list[tuple[float, int]]) -> list[tuple[Pick, ...]]:
    """`lots` earliest expiry first; `lines` as (arrival hours, quantity). Picks per line, same order."""
    expiries = [inf if lot.expires_in_hours is None else lot.expires_in_hours for lot in lots]
    remaining = [lot.quantity for lot in lots]
    picks: list[tuple[Pick, ...]] = [()] * len(lines)
    for index in sorted(range(len(lines)), key=lambda k: -lines[k][0]):
        arrival, wanted = lines[index]
        taken = []
        for position in range(bisect_right(expiries, arrival), len(lots)):
            if wanted == 0:
                break
            quantity = min(wanted, remaining[position])
            if quantity:
                lot = lots[position]
                taken.append(Pick(lot.key, quantity, lot.expires_in_hours))
                remaining[position] -= quantity
                wanted -= quantity
        if wanted:
            raise AssertionError(f"lots cannot cover a line of {lines[index][1]} arriving after {arrival} h")
        picks[index] = tuple(taken)
    return picks

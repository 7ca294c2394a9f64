"""The answer of an allocation run: lines that explain themselves, who is short of what, and what the
solvers did. Keys are the warehouse, request, item and lot keys of the problem."""

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Pick:
    """Units taken from one lot (first expiry, first out)."""

    lot: str
    quantity: int
    expires_in_hours: float | None


@dataclass(frozen=True)
class Reason:
    """Why this warehouse serves this request.

    rank: 1 for the nearest warehouse that can deliver the item in time, 2 for the next, ...;
    warehouses at the same travel time share a rank. Every nearer one had no usable stock left
    (an optimal allocation never passes over stock that is nearer for the same request).
    alternatives: how many warehouses could deliver it in time at all.
    stock_left: units of the item left at this warehouse after the whole run."""

    travel_hours: float
    rank: int
    alternatives: int
    stock_left: int
    needed_within_hours: float

    @property
    def slack_hours(self) -> float:
        return self.needed_within_hours - self.travel_hours


@dataclass(frozen=True)
class Line:
    warehouse: str
    request: str
    item: str
    quantity: int
    picks: tuple[Pick, ...]
    reason: Reason


class ShortCause(StrEnum):
    NO_STOCK = "no_stock"  # no warehouse holds usable stock of the item that could reach the request
    NOT_IN_TIME = "not_in_time"  # stock exists within reach, but none arrives before the needed-by time
    SHARED = "shared_shortage"  # stock in time is not enough for this class and the ones above it


@dataclass(frozen=True)
class Shortfall:
    request: str
    item: str
    priority: int
    needed: int
    allocated: int
    cause: ShortCause
    fair_share: float  # the fill ratio the request's class could give it (exact, before rounding)

    @property
    def short(self) -> int:
        return self.needed - self.allocated


@dataclass(frozen=True)
class HeldBack:
    """Stock not offered at all: a lot already expired at the time of the run."""

    warehouse: str
    item: str
    lot: str
    quantity: int
    expires_in_hours: float


@dataclass(frozen=True)
class ItemStats:
    item: str
    route_arcs: int
    shortage_levels: int  # how many times a shortage was shared out among a set of requests


@dataclass(frozen=True)
class Allocation:
    lines: tuple[Line, ...]
    shortfalls: tuple[Shortfall, ...]
    held_back: tuple[HeldBack, ...]
    objective: float  # sum of priority weight x travel hours x units
    solver_seconds: float  # inside the solvers' solve calls
    total_seconds: float  # the whole run, from the problem to this answer
    max_flow_solves: int
    min_cost_flow_solves: int
    solver_seconds_by_kind: dict[str, float] = field(default_factory=dict)
    items: tuple[ItemStats, ...] = field(default=())

    def served(self, request: str, item: str) -> int:
        return sum(line.quantity for line in self.lines if line.request == request and line.item == item)

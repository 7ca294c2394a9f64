"""The input of an allocation run, and its validation.

A run looks at one moment ("now"): every time is in hours after it. Quantities are whole units of
the item's catalogue unit (pieces, boxes, litres), so allocations are whole numbers too. A travel time
of `inf` means the warehouse cannot reach the request at all. Requests carry a priority class: 1 is
life-saving and served first; a larger number is served only with what the smaller ones leave.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

# An hour on the road for a life-saving request weighs as much as three for a life-sustaining one
# and nine for any other. The weights only decide who gets the nearer warehouse: how much each
# class receives is fixed by strict priority before travel time is looked at.
DEFAULT_PRIORITY_WEIGHTS: Mapping[int, float] = {1: 9.0, 2: 3.0, 3: 1.0}

# Sharing a shortage exactly works in integers scaled by the total demand of a class; the product of
# an item's stock and its demand must stay far below 2**63.
MAX_QUANTITY = 10**9
MAX_STOCK_TIMES_DEMAND = 2**60


@dataclass(frozen=True)
class Lot:
    """`expires_in_hours` is None for items that do not expire (equipment)."""

    key: str
    quantity: int
    expires_in_hours: float | None = None


@dataclass(frozen=True)
class Warehouse:
    key: str
    lots: Mapping[str, Sequence[Lot]]  # item -> lots of it held here


@dataclass(frozen=True)
class Request:
    key: str
    needs: Mapping[str, int]  # item -> quantity
    priority: int
    needed_within_hours: float


@dataclass(frozen=True)
class Problem:
    warehouses: Sequence[Warehouse]
    requests: Sequence[Request]
    travel_hours: np.ndarray  # shape (len(warehouses), len(requests))
    priority_weights: Mapping[int, float] = field(default_factory=lambda: dict(DEFAULT_PRIORITY_WEIGHTS))


class ProblemError(ValueError):
    """Everything wrong with a problem at once, one message per fault."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def validate(problem: Problem) -> None:
    errors = [
        *_key_errors("warehouse", [w.key for w in problem.warehouses]),
        *_key_errors("request", [r.key for r in problem.requests]),
        *_weight_errors(problem.priority_weights),
        *_matrix_errors(problem),
    ]
    for warehouse in problem.warehouses:
        errors += _lot_errors(warehouse)
    for request in problem.requests:
        errors += _request_errors(request, problem.priority_weights)
    if not errors:
        errors += _size_errors(problem)
    if errors:
        raise ProblemError(errors)


def _key_errors(kind: str, keys: list[str]) -> list[str]:
    seen, errors = set(), []
    for key in keys:
        if key in seen:
            errors.append(f"{kind} {key!r} appears twice")
        seen.add(key)
    return errors


def _weight_errors(weights: Mapping[int, float]) -> list[str]:
    return [
        f"priority {p}: weight must be a positive finite number, not {w!r}"
        for p, w in weights.items()
        if not (_is_int(p) and isinstance(w, int | float) and math.isfinite(w) and w > 0)
    ]


def _matrix_errors(problem: Problem) -> list[str]:
    matrix = np.asarray(problem.travel_hours, dtype=float)
    expected = (len(problem.warehouses), len(problem.requests))
    if matrix.shape != expected:
        return [f"travel_hours has shape {matrix.shape}, expected {expected} (warehouses x requests)"]
    if np.isnan(matrix).any():
        return ["travel_hours contains NaN: use inf for a pair that cannot be reached"]
    if (matrix < 0).any():
        return ["travel_hours contains a negative travel time"]
    return []


def _lot_errors(warehouse: Warehouse) -> list[str]:
    errors = []
    for item, lots in warehouse.lots.items():
        keys = [lot.key for lot in lots]
        errors += [f"warehouse {warehouse.key!r}, item {item!r}: {e}" for e in _key_errors("lot", keys)]
        for lot in lots:
            where = f"warehouse {warehouse.key!r}, item {item!r}, lot {lot.key!r}"
            errors += _quantity_errors(where, lot.quantity)
            if lot.expires_in_hours is not None and not _is_finite(lot.expires_in_hours):
                errors.append(f"{where}: expiry must be a finite number of hours or None")
    return errors


def _request_errors(request: Request, weights: Mapping[int, float]) -> list[str]:
    where = f"request {request.key!r}"
    errors = [] if request.priority in weights else [f"{where}: priority {request.priority!r} has no weight"]
    if not (_is_finite(request.needed_within_hours) and request.needed_within_hours >= 0):
        errors.append(f"{where}: needed_within_hours must be a finite number >= 0")
    for item, quantity in request.needs.items():
        errors += _quantity_errors(f"{where}, item {item!r}", quantity)
    return errors


def _quantity_errors(where: str, quantity: object) -> list[str]:
    if not _is_int(quantity):
        return [f"{where}: quantity must be a whole number, not {quantity!r}"]
    if not 0 <= quantity <= MAX_QUANTITY:
        return [f"{where}: quantity {quantity} is outside 0..{MAX_QUANTITY:,}"]
    return []


def _size_errors(problem: Problem) -> list[str]:
    stock: dict[str, int] = {}
    demand: dict[str, int] = {}
    for warehouse in problem.warehouses:
        for item, lots in warehouse.lots.items():
            stock[item] = stock.get(item, 0) + sum(lot.quantity for lot in lots)
    for request in problem.requests:
        for item, quantity in request.needs.items():
            demand[item] = demand.get(item, 0) + quantity
    return [
        f"item {item!r}: stock x demand ({stock[item]:,} x {demand[item]:,}) is too large to share exactly;"
        " count it in a larger unit"
        for item in sorted(stock.keys() & demand.keys())
        if stock[item] * demand[item] > MAX_STOCK_TIMES_DEMAND
    ]


def _is_int(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _is_finite(value: object) -> bool:
    return (
        isinstance(value, int | float | np.integer | np.floating)
        and not isinstance(value, bool)
        and math.isfinite(value)
    )

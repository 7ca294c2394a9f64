"""The allocation engine of the emergency alliance: plain Python, no database.

    from yrd.emergency.allocation import Problem, Warehouse, Lot, Request, allocate
    answer = allocate(Problem(warehouses, requests, travel_hours))

See engine.py for what an answer is made of, and readiness.py for coverage per city.
"""

from .engine import allocate
from .problem import DEFAULT_PRIORITY_WEIGHTS, Lot, Problem, ProblemError, Request, Warehouse
from .result import Allocation, HeldBack, Line, Pick, Reason, ShortCause, Shortfall

__all__ = [
    "DEFAULT_PRIORITY_WEIGHTS",
    "Allocation",
    "HeldBack",
    "Line",
    "Lot",
    "Pick",
    "Problem",
    "ProblemError",
    "Reason",
    "Request",
    "ShortCause",
    "Shortfall",
    "Warehouse",
    "allocate",
]

"""Random allocation problems for hypothesis: small enough for the reference LPs, built to hit the
edges: empty stock and needs, unreachable pairs (inf), equal travel times, lots that expire exactly on
arrival or before the run, requests needed at once, shortages shared among several requests."""

import math

import numpy as np
from hypothesis import strategies as st

from yrd.emergency.allocation import Lot, Problem, Request, Warehouse

ITEMS = ("tent", "water", "pump")
HOURS = st.sampled_from([0.0, 1.0, 1.0, 2.0, 2.0, 3.5, 6.0, math.inf])
EXPIRY = st.one_of(st.none(), st.none(), st.sampled_from([-1.0, 0.0, 1.0, 2.0, 3.5, 10.0]))
DEADLINES = st.sampled_from([0.0, 1.0, 2.0, 4.0, 8.0, 8.0])
SOMETIMES = st.integers(0, 3).map(bool)  # true three times in four


@st.composite
def lots(draw, prefix: str) -> list[Lot]:
    count = draw(st.integers(0, 2))
    return [Lot(f"{prefix}-{n}", draw(st.integers(0, 12)), draw(EXPIRY)) for n in range(count)]


@st.composite
def problems(draw, max_warehouses: int = 4, max_requests: int = 5) -> Problem:
    items = ITEMS[: draw(st.integers(1, len(ITEMS)))]
    warehouses = [
        Warehouse(f"W{w}", {item: draw(lots(f"W{w}-{item}")) for item in items if draw(SOMETIMES)})
        for w in range(draw(st.integers(0, max_warehouses)))
    ]
    requests = [
        Request(
            f"R{r}",
            {item: draw(st.integers(0, 15)) for item in items if draw(SOMETIMES)},
            priority=draw(st.integers(1, 3)),
            needed_within_hours=draw(DEADLINES),
        )
        for r in range(draw(st.integers(0, max_requests)))
    ]
    cells = len(warehouses) * len(requests)
    travel = np.array(draw(st.lists(HOURS, min_size=cells, max_size=cells)), dtype=float)
    return Problem(warehouses, requests, travel.reshape(len(warehouses), len(requests)))

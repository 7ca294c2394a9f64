"""One item's allocation problem as a flow network.

    source -> stock node -> request node -> sink

A stock node holds lots of one warehouse that expire on the same day. A lot may only go to a request
it reaches before it expires, so the eligible lots of a request form a suffix of the warehouse's lots
sorted by expiry. That nests, and a chain of arcs from each stock node to the next shorter-lived one
models it exactly: a request is attached to the shortest-lived stock node that is still good on
arrival and receives from every longer-lived node through the chain. Most warehouses have no lot
that expires within their reach and get a single stock node.

A route arc exists only where the warehouse reaches the request before its needed-by time and holds
stock that is still good on arrival. Nothing in the network couples two items, which is why a run
splits into one independent network per item.

Arc order, fixed: supply arcs (one per stock node), chain arcs, route arcs, sink arcs (one per request).
"""

from dataclasses import dataclass

import numpy as np

from .problem import Lot

SOURCE, SINK = 0, 1
FIRST_NODE = 2
NEVER = np.inf  # expiry of lots that do not expire


@dataclass(frozen=True)
class Holding:
    """The usable lots of one item in one warehouse, earliest expiry first."""

    warehouse: int
    lots: tuple[Lot, ...]
    quantity: int
    shortest_life: float  # expiry of the first lot

    @classmethod
    def of(cls, warehouse: int, lots: list[Lot]) -> "Holding":
        ordered = tuple(sorted(lots, key=lambda lot: (lot.expires_in_hours is None, lot.expires_in_hours or 0.0)))
        first = ordered[0].expires_in_hours
        return cls(warehouse, ordered, sum(lot.quantity for lot in ordered), NEVER if first is None else first)


@dataclass(frozen=True)
class ItemNetwork:
    item: str
    holdings: tuple[Holding, ...]
    requests: np.ndarray  # global request index of each request node
    demand: np.ndarray  # int64, per request node
    priority: np.ndarray  # per request node
    stock_holding: np.ndarray  # index into holdings, per stock node
    stock_quantity: np.ndarray  # int64, per stock node
    chain_tail: np.ndarray  # stock node -> next shorter-lived stock node of the same warehouse
    chain_head: np.ndarray
    route_stock: np.ndarray  # stock node, per route arc
    route_request: np.ndarray  # request node, per route arc
    route_hours: np.ndarray  # travel time, per route arc

    @property
    def stock_nodes(self) -> int:
        return len(self.stock_quantity)

    @property
    def request_nodes(self) -> int:
        return len(self.demand)

    def arcs(self) -> tuple[np.ndarray, np.ndarray]:
        """Tails and heads of every arc, in the fixed order, as node numbers."""
        stock = FIRST_NODE + np.arange(self.stock_nodes)
        request = FIRST_NODE + self.stock_nodes + np.arange(self.request_nodes)
        tails = np.concatenate(
            [np.full(self.stock_nodes, SOURCE), stock[self.chain_tail], stock[self.route_stock], request]
        )
        heads = np.concatenate(
            [stock, stock[self.chain_head], request[self.route_request], np.full(self.request_nodes, SINK)]
        )
        return tails.astype(np.int32), heads.astype(np.int32)

    def arc_slices(self) -> tuple[slice, slice, slice, slice]:
        """Supply, chain, route and sink arcs."""
        s, c, r = self.stock_nodes, len(self.chain_tail), len(self.route_stock)
        return slice(0, s), slice(s, s + c), slice(s + c, s + c + r), slice(s + c + r, s + c + r + self.request_nodes)

    @property
    def node_count(self) -> int:
        return FIRST_NODE + self.stock_nodes + self.request_nodes


def build_item_network(
    item: str,
    holdings: list[Holding],
    requests: np.ndarray,
    demand: np.ndarray,
    priority: np.ndarray,
    travel_hours: np.ndarray,
    in_time: np.ndarray,
) -> ItemNetwork:
    """`travel_hours` and `in_time` are the whole run's (warehouses x requests) matrices."""
    warehouses = np.array([h.warehouse for h in holdings], dtype=np.int64)
    reach = in_time[np.ix_(warehouses, requests)] if len(warehouses) else np.zeros((0, len(requests)), bool)
    hours = travel_hours[np.ix_(warehouses, requests)] if len(warehouses) else np.zeros(reach.shape)
    horizon = np.where(reach, hours, -np.inf).max(axis=1, initial=-np.inf)  # farthest request in time
    shortest_life = np.array([h.shortest_life for h in holdings], dtype=float)
    lasting = np.isfinite(horizon) & (shortest_life > horizon)  # one stock node: good wherever it goes
    parts = _StockNodes()
    parts.add_lasting(np.flatnonzero(lasting), [h.quantity for h in holdings])
    rows, columns = np.nonzero(reach[lasting])
    arcs_request, arcs_hours, arcs_stock = [columns], [hours[lasting][rows, columns]], [rows]
    for row in np.flatnonzero(np.isfinite(horizon) & ~lasting):
        columns = np.flatnonzero(reach[row])
        arrival = hours[row, columns]
        first_node, expiries = parts.add(row, holdings[row].lots, horizon=horizon[row])
        band = np.searchsorted(expiries, arrival, side="right")  # first stock node still good on arrival
        arcs_request.append(columns)
        arcs_hours.append(arrival)
        arcs_stock.append(first_node + band)
    stock_quantity = np.array(parts.quantity, dtype=np.int64)
    route_stock = _concat(arcs_stock)
    keep = parts.quantity_from(route_stock) > 0  # a request attached past the last lot gets nothing
    return ItemNetwork(
        item=item,
        holdings=tuple(holdings),
        requests=requests,
        demand=demand.astype(np.int64),
        priority=priority,
        stock_holding=np.array(parts.holding, dtype=np.int64),
        stock_quantity=stock_quantity,
        chain_tail=np.array(parts.chain_tail, dtype=np.int64),
        chain_head=np.array(parts.chain_head, dtype=np.int64),
        route_stock=route_stock[keep],
        route_request=_concat(arcs_request)[keep],
        route_hours=_concat(arcs_hours, float)[keep],
    )


class _StockNodes:
    """Accumulates stock nodes warehouse by warehouse."""

    def __init__(self):
        self.holding: list[int] = []
        self.quantity: list[int] = []
        self.chain_tail: list[int] = []
        self.chain_head: list[int] = []
        self._remaining: list[int] = []  # quantity of this node and every longer-lived one of its warehouse

    def add_lasting(self, holdings: np.ndarray, quantities: list[int]) -> None:
        """One stock node for each of these holdings, in this order, from node 0."""
        assert not self.quantity
        self.holding.extend(holdings.tolist())
        self.quantity.extend(quantities[h] for h in holdings)
        self._remaining.extend(quantities[h] for h in holdings)

    def add(self, holding: int, lots: tuple[Lot, ...], horizon: float) -> tuple[int, np.ndarray]:
        """Adds the stock nodes of one holding; returns its first node and the expiries of its short-lived
        nodes (lots expiring within `horizon`, the farthest request this holding can reach in time)."""
        short: dict[float, int] = {}
        lasting = 0
        for lot in lots:
            expiry = NEVER if lot.expires_in_hours is None else lot.expires_in_hours
            if expiry <= horizon:
                short[expiry] = short.get(expiry, 0) + lot.quantity
            else:
                lasting += lot.quantity
        first = len(self.quantity)
        quantities = [*short.values(), lasting]
        for offset, quantity in enumerate(quantities):
            self.holding.append(holding)
            self.quantity.append(quantity)
            if offset:
                self.chain_tail.append(first + offset)
                self.chain_head.append(first + offset - 1)
        remaining = np.cumsum(quantities[::-1])[::-1]
        self._remaining.extend(int(q) for q in remaining)
        return first, np.array(list(short), dtype=float)

    def quantity_from(self, nodes: np.ndarray) -> np.ndarray:
        return np.array(self._remaining, dtype=np.int64)[nodes] if len(nodes) else np.zeros(0, np.int64)


def _concat(parts: list[np.ndarray], dtype=np.int64) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)

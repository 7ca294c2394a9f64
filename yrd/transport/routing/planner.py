"""Route requests and their answers, and the `Planner` that computes them on a `Network`.

A `RouteRequest` names an origin and a destination (city adcode, hub code or (lat, lon)), the cargo
(tonnes or TEU, dangerous or not), the departure, the allowed line-haul modes (road drayage to and from
hubs is always allowed: it is how cargo reaches a port or yard), an optional deadline and the objective:
cheapest, fastest, greenest, or the whole Pareto front over (cost, time, CO2).

Every figure in an answer is for the whole consignment (per-tonne figures × tonnes). Each `Route` is a list
of legs (consecutive edges of one mode merged, with the hubs passed) and the transfers between them.

`Planner.travel_time` and `travel_time_matrix` answer "how many hours by the fastest allowed way" from a
precomputed all-pairs table per set of modes (static: no timetable waits, no deadline), so the emergency
module can ask for hundreds × thousands of places at once.
"""

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from .errors import CargoNotCarried, DeadlineUnmeetable, InvalidRequest, Unreachable, gettext_noop
from .network import ACCESS, LINK, TRANSFER, Anchor, Network, Place
from .parameters import MAX_TEU, MAX_TONNES, Mode
from .search import CRITERIA, Found, Seed, best_path, pareto_front

OBJECTIVES = ("cheapest", "fastest", "greenest", "pareto")
MODE_NAMES = {
    Mode.ROAD: gettext_noop("Road"),
    Mode.RAIL: gettext_noop("Rail"),
    Mode.RIVER: gettext_noop("Inland waterway"),
    Mode.SEA: gettext_noop("Sea"),
    Mode.AIR: gettext_noop("Air"),
}


@dataclass(frozen=True)
class Cargo:
    tonnes: float | None = None
    teu: float | None = None
    dangerous_goods: bool = False


@dataclass(frozen=True)
class RouteRequest:
    origin: object  # str adcode / hub code, or (lat, lon)
    destination: object
    cargo: Cargo = field(default_factory=lambda: Cargo(tonnes=1.0))
    departure: datetime | None = None  # None: now
    modes: frozenset[Mode] | None = None  # None: every mode
    deadline: datetime | None = None
    objective: str = "pareto"


@dataclass(frozen=True)
class Leg:
    mode: Mode
    kind: str  # "haul" (a link layer) or "access" (road drayage to/from a hub or a point)
    origin: Place
    destination: Place
    via: tuple[Place, ...]  # hubs, waypoint cities or cities passed on the way
    links: tuple[str, ...]
    km: float
    departs: datetime
    arrives: datetime
    wait_hours: float
    cost: float  # CNY, whole consignment
    co2_kg: float
    tonne_km: float


@dataclass(frozen=True)
class Transfer:
    hub: Place
    from_mode: Mode
    to_mode: Mode
    starts: datetime
    hours: float
    cost: float


@dataclass(frozen=True)
class Route:
    legs: tuple[Leg, ...]
    transfers: tuple[Transfer, ...]
    cost: float
    hours: float
    co2_kg: float
    km: float
    departs: datetime
    arrives: datetime
    tonne_km_by_mode: dict[str, float]

    @property
    def modes(self) -> tuple[Mode, ...]:
        return tuple(dict.fromkeys(leg.mode for leg in self.legs))


@dataclass(frozen=True)
class RoutePlan:
    origin: Place
    destination: Place
    tonnes: float
    objective: str
    routes: tuple[Route, ...]  # the Pareto front, or the one best route
    cheapest: Route
    fastest: Route
    greenest: Route


class Planner:
    def __init__(self, network: Network):
        self.network = network

    # -- plan_route -----------------------------------------------------------------------------------

    def plan(self, request: RouteRequest) -> RoutePlan:
        tonnes = _tonnes(request.cargo, self.network.parameters.tonnes_per_teu.value)
        if request.objective not in OBJECTIVES:
            raise InvalidRequest(
                gettext_noop("The objective must be one of %(choices)s."),
                field="objective",
                choices=", ".join(OBJECTIVES),
            )
        departure = request.departure or datetime.now(UTC)
        deadline_h = _deadline_hours(request.deadline, departure)
        modes = self._carrying_modes(request, tonnes)
        origin, sources = self.network.resolve(request.origin, "origin")
        destination, targets = self.network.resolve(request.destination, "destination")
        self._check_hubs_take(request.cargo, (origin, "origin"), (destination, "destination"))
        allowed = self._allowed(modes, request.cargo.dangerous_goods)
        sources, targets = _drayage(self.network, sources, modes), _drayage(self.network, targets, modes)
        week_hour = departure.weekday() * 24 + departure.hour + departure.minute / 60 + departure.second / 3600
        src, dst = _seeds(sources), _seeds(targets)
        if request.objective == "pareto" or deadline_h is not None:
            found = pareto_front(self.network, src, dst, allowed, week_hour, deadline_h)
            if not found:
                self._explain_empty(src, dst, allowed, week_hour, deadline_h)
            if request.objective != "pareto":
                found = [min(found, key=lambda f: _lex(f.vector, request.objective))]
        else:
            best = best_path(self.network, src, dst, request.objective, allowed, week_hour)
            if best is None:
                raise self._unreachable(origin, destination)
            found = [best]
        routes = [self._route(f, sources, targets, origin, destination, departure, tonnes) for f in found]
        return RoutePlan(
            origin=origin,
            destination=destination,
            tonnes=tonnes,
            objective=request.objective,
            routes=tuple(routes),
            cheapest=min(routes, key=lambda r: (r.cost, r.hours, r.co2_kg)),
            fastest=min(routes, key=lambda r: (r.hours, r.cost, r.co2_kg)),
            greenest=min(routes, key=lambda r: (r.co2_kg, r.cost, r.hours)),
        )

    def _carrying_modes(self, request: RouteRequest, tonnes: float) -> frozenset[Mode]:
        wanted = frozenset(Mode) if request.modes is None else frozenset(Mode(m) for m in request.modes)
        if not wanted:
            raise InvalidRequest(gettext_noop("Allow at least one mode."), field="modes")
        reasons, carrying = [], set()
        for mode in sorted(wanted):
            p = self.network.parameters.modes[mode]
            if request.cargo.dangerous_goods and not p.carries_dangerous_goods:
                reasons.append(
                    (gettext_noop("%(mode)s does not carry dangerous goods"), {"mode": (MODE_NAMES[mode], {})})
                )
            elif p.max_tonnes is not None and tonnes > p.max_tonnes:
                reasons.append(
                    (
                        gettext_noop("%(mode)s carries at most %(tonnes)s t in one consignment"),
                        {"mode": (MODE_NAMES[mode], {}), "tonnes": f"{p.max_tonnes:g}"},
                    )
                )
            else:
                carrying.add(mode)
        if not carrying:
            raise CargoNotCarried(
                gettext_noop("No allowed mode can carry this cargo: %(reasons)s."), field="modes", reasons=reasons
            )
        return frozenset(carrying)

    def _check_hubs_take(self, cargo: Cargo, *places: tuple[Place, str]) -> None:
        if not cargo.dangerous_goods:
            return
        for place, name in places:
            if place.kind == "hub" and not self._hub_takes_dangerous_goods(place.code):
                raise CargoNotCarried(
                    gettext_noop("The hub %(hub)s does not handle dangerous goods."), field=name, hub=place.code
                )

    def _hub_takes_dangerous_goods(self, code: str) -> bool:
        hub = self.network.hubs[code]
        if hub.dangerous_goods is not None:
            return hub.dangerous_goods
        return self.network.parameters.hub_kinds[hub.kind].handles_dangerous_goods

    def _allowed(self, modes: frozenset[Mode], dangerous_goods: bool) -> np.ndarray:
        return _allowed_edges(self.network, modes, dangerous_goods)

    def _explain_empty(self, src, dst, allowed, week_hour, deadline_h) -> None:
        fastest = best_path(self.network, src, dst, "fastest", allowed, week_hour)
        if fastest is None:
            origin = self.network.node_place(src[0].node)
            destination = self.network.node_place(dst[0].node)
            raise self._unreachable(origin, destination)
        raise DeadlineUnmeetable(
            gettext_noop(
                "No route arrives by the deadline: the fastest allowed route takes %(fastest).1f h, "
                "the deadline leaves %(left).1f h."
            ),
            field="deadline",
            fastest=fastest.vector[1],
            left=deadline_h,
        )

    @staticmethod
    def _unreachable(origin: Place, destination: Place) -> Unreachable:
        return Unreachable(
            gettext_noop("No route from %(origin)s to %(destination)s with the allowed modes and cargo."),
            field="destination",
            origin=_place_label(origin),
            destination=_place_label(destination),
        )

    # -- building an answer ---------------------------------------------------------------------------

    def _route(self, found: Found, sources, targets, origin, destination, departure, tonnes) -> Route:
        builder = _RouteBuilder(self.network, departure, tonnes)
        builder.access(origin, sources[found.source_anchor], reverse=False)
        for ei, wait in zip(found.edges, found.waits, strict=True):
            builder.edge(self.network.edges[ei], wait)
        builder.access(destination, targets[found.target_anchor], reverse=True)
        return builder.route(departure)

    # -- travel times ---------------------------------------------------------------------------------

    def travel_time(self, origin, destination, *, modes=None) -> float | None:
        hours = self.travel_time_matrix([origin], [destination], modes=modes)[0, 0]
        return None if math.isinf(hours) else float(hours)

    def travel_time_matrix(self, origins, destinations, *, modes=None) -> np.ndarray:
        modes = frozenset(Mode) if modes is None else frozenset(Mode(m) for m in modes)
        table = _all_pairs_hours(self.network, modes)
        o_nodes, o_hours = self._anchor_arrays(origins, "origins", modes)
        d_nodes, d_hours = self._anchor_arrays(destinations, "destinations", modes)
        result = np.full((len(origins), len(destinations)), np.inf)
        for a in range(o_nodes.shape[1]):
            for b in range(d_nodes.shape[1]):
                candidate = o_hours[:, a, None] + table[np.ix_(o_nodes[:, a], d_nodes[:, b])] + d_hours[None, :, b]
                np.minimum(result, candidate, out=result)
        return result

    def _anchor_arrays(self, places, field: str, modes: frozenset[Mode]) -> tuple[np.ndarray, np.ndarray]:
        """Places → (n × k node indices, n × k access hours), padded with +inf hours."""
        resolved = [_drayage(self.network, _cached_anchors(self.network, _hashable(p), field), modes) for p in places]
        k = max((len(a) for a in resolved), default=1)
        nodes = np.zeros((len(places), k), dtype=np.int64)
        hours = np.full((len(places), k), np.inf)
        for i, anchors in enumerate(resolved):
            for j, anchor in enumerate(anchors):
                nodes[i, j], hours[i, j] = anchor.node, anchor.hours
        return nodes, hours


@dataclass
class _Stretch:
    """A leg being walked: consecutive edges of one mode with no wait between them."""

    mode: Mode
    tail: int
    head: int
    wait: float
    kind: str = "access"
    via: list[Place] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    km: float = 0.0
    hours: float = 0.0
    cost: float = 0.0
    co2: float = 0.0


class _RouteBuilder:
    """Walks a path edge by edge, merging consecutive edges of one mode into a leg."""

    def __init__(self, network: Network, departure: datetime, tonnes: float):
        self.network, self.tonnes = network, tonnes
        self.clock = departure
        self.legs: list[Leg] = []
        self.transfers: list[Transfer] = []
        self._open: _Stretch | None = None

    def access(self, place: Place, anchor: Anchor, reverse: bool) -> None:
        if anchor.km == 0 and anchor.hours == 0:
            return
        self._close()
        node_place = self.network.node_place(anchor.node)
        a, b = (node_place, place) if reverse else (place, node_place)
        stretch = _Stretch(Mode.ROAD, -1, -1, 0.0, km=anchor.km, hours=anchor.hours, cost=anchor.cost, co2=anchor.co2)
        self._append_leg(stretch, a, b)

    def edge(self, e, wait: float) -> None:
        if e.kind == TRANSFER:
            self._close()
            hub = self.network.node_place(e.tail)
            self.transfers.append(
                Transfer(hub, self.network.nodes[e.tail].mode, e.mode, self.clock, e.hours, e.cost * self.tonnes)
            )
            self.clock += timedelta(hours=e.hours)
            return
        if self._open is None or self._open.mode != e.mode or wait > 0:
            self._close()
            self._open = _Stretch(e.mode, e.tail, e.head, wait)
        else:
            self._open.via.append(self.network.node_place(e.tail))
        o = self._open
        o.head = e.head
        if e.kind == LINK:
            o.kind = "haul"
            if e.ref not in o.links:
                o.links.append(e.ref)
        o.km, o.hours, o.cost, o.co2 = o.km + e.km, o.hours + e.hours, o.cost + e.cost, o.co2 + e.co2

    def _close(self) -> None:
        o, self._open = self._open, None
        if o is not None and (o.km or o.hours or o.wait):  # a hub standing at its city's centre: no leg
            self._append_leg(o, self.network.node_place(o.tail), self.network.node_place(o.head))

    def _append_leg(self, o: _Stretch, a: Place, b: Place) -> None:
        departs = self.clock + timedelta(hours=o.wait)
        arrives = departs + timedelta(hours=o.hours)
        t = self.tonnes
        leg = Leg(
            o.mode,
            o.kind,
            a,
            b,
            tuple(o.via),
            tuple(o.links),
            o.km,
            departs,
            arrives,
            o.wait,
            o.cost * t,
            o.co2 * t,
            o.km * t,
        )
        self.legs.append(leg)
        self.clock = arrives

    def route(self, departure: datetime) -> Route:
        self._close()
        by_mode: dict[str, float] = {}
        for leg in self.legs:
            by_mode[str(leg.mode)] = by_mode.get(str(leg.mode), 0.0) + leg.tonne_km
        cost = sum(leg.cost for leg in self.legs) + sum(t.cost for t in self.transfers)
        return Route(
            legs=tuple(self.legs),
            transfers=tuple(self.transfers),
            cost=cost,
            hours=(self.clock - departure).total_seconds() / 3600,
            co2_kg=sum(leg.co2_kg for leg in self.legs),
            km=sum(leg.km for leg in self.legs),
            departs=departure,
            arrives=self.clock,
            tonne_km_by_mode=by_mode,
        )


def _tonnes(cargo: Cargo, tonnes_per_teu: float) -> float:
    if (cargo.tonnes is None) == (cargo.teu is None):
        raise InvalidRequest(gettext_noop("Give the cargo either in tonnes or in TEU."), field="cargo")
    if cargo.teu is not None:
        value, field_name, limit = cargo.teu, "teu", MAX_TEU
    else:
        value, field_name, limit = cargo.tonnes, "tonnes", MAX_TONNES
    if not isinstance(value, int | float) or isinstance(value, bool) or value != value or math.isinf(value):
        raise InvalidRequest(gettext_noop("The cargo must be a finite number."), field=field_name)
    if value <= 0:
        raise InvalidRequest(gettext_noop("The cargo must be more than zero."), field=field_name)
    if value > limit:
        raise InvalidRequest(
            gettext_noop("The cargo may be at most %(limit)s %(unit)s in one request."),
            field=field_name,
            limit=f"{limit:,.0f}",
            unit=field_name,
        )
    return float(value) * (tonnes_per_teu if cargo.teu is not None else 1.0)


def _place_label(place: Place) -> str:
    if place.kind == "point":
        return f"({place.lat:.4f}, {place.lon:.4f})"
    return f"{place.name_zh} {place.name_en}".strip() or place.code


def _deadline_hours(deadline: datetime | None, departure: datetime) -> float | None:
    if deadline is None:
        return None
    try:
        hours = (deadline - departure).total_seconds() / 3600
    except TypeError:
        raise InvalidRequest(
            gettext_noop("Give departure and deadline both with a time zone."), field="deadline"
        ) from None
    if hours <= 0:
        raise InvalidRequest(gettext_noop("The deadline must lie after the departure."), field="deadline")
    return hours


def _lex(vector, objective: str):
    order = CRITERIA[objective]
    return tuple(vector[i] for i in order)


def _seeds(anchors: list[Anchor]) -> list[Seed]:
    return [Seed(a.node, a.cost, a.hours, a.co2, i) for i, a in enumerate(anchors)]


def _drayage(network: Network, anchors, modes: frozenset[Mode]) -> list[Anchor]:
    """Without road among the modes, road access edges are closed (they would chain city to hub to city
    across the region); the first and last mile stay open: a city anchor extends to the road gates of its
    nearby hubs."""
    anchors = list(anchors)
    if Mode.ROAD in modes:
        return anchors
    extended = list(anchors)
    for a in anchors:
        if network.nodes[a.node].kind != "city":
            continue
        for ei in network.out_edges[a.node]:
            e = network.edges[ei]
            if e.kind == ACCESS:
                extended.append(Anchor(e.head, a.km + e.km, a.hours + e.hours, a.cost + e.cost, a.co2 + e.co2))
    return extended


def _allowed_edges(network: Network, modes: frozenset[Mode], dangerous_goods: bool) -> np.ndarray:
    arrays = network.edge_arrays
    mode = arrays["mode"]
    kind = arrays["kind"]
    # Transfers onto the road gate (unloading) stay open: the last mile is road whatever the modes.
    allowed = np.where(
        kind == TRANSFER,
        np.isin(mode, [str(m) for m in modes | {Mode.ROAD}]),
        np.isin(mode, [str(m) for m in modes]),
    )
    if dangerous_goods:
        refused = np.array([not _hub_node_takes_dg(network, n) for n in range(len(network.nodes))])
        allowed &= ~refused[arrays["tail"]] & ~refused[arrays["head"]]
    return allowed


def _hub_node_takes_dg(network: Network, node: int) -> bool:
    hub = network.hub_of(node)
    if hub is None:
        return True
    if hub.dangerous_goods is not None:
        return hub.dangerous_goods
    return network.parameters.hub_kinds[hub.kind].handles_dangerous_goods


def _hashable(place):
    return tuple(float(v) for v in place) if isinstance(place, tuple | list) else place


@lru_cache(maxsize=65_536)
def _cached_anchors(network: Network, place, field: str) -> tuple[Anchor, ...]:
    return tuple(network.resolve(place, field)[1])


@lru_cache(maxsize=64)
def _all_pairs_hours(network: Network, modes: frozenset[Mode]) -> np.ndarray:
    """Static fastest hours between every two nodes with these line-haul modes (road access always)."""
    arrays = network.edge_arrays
    keep = _allowed_edges(network, modes, dangerous_goods=False)
    n = len(network.nodes)
    # csr_matrix sums duplicate (tail, head) entries; keep only the fastest of parallel edges first.
    order = np.lexsort((arrays["hours"][keep], arrays["head"][keep], arrays["tail"][keep]))
    tails, heads, hours = arrays["tail"][keep][order], arrays["head"][keep][order], arrays["hours"][keep][order]
    first = np.ones(len(tails), dtype=bool)
    first[1:] = (tails[1:] != tails[:-1]) | (heads[1:] != heads[:-1])
    # A zero weight is "no edge" in a sparse matrix: lift exact zeros by a negligible epsilon.
    graph = csr_matrix((np.maximum(hours[first], 1e-12), (tails[first], heads[first])), shape=(n, n))
    return dijkstra(graph, directed=True)

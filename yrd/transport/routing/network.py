"""The multimodal graph: one layer per mode, transfer edges at hubs, road access from cities to hubs.

Nodes
- a *city* node per city (the road layer: road links join city nodes);
- a *hub* node per (hub, mode) for each line-haul mode the hub serves, plus its *road gate* (mode road);
- a *waypoint* node per (city, mode) where a link of that mode passes a city with no hub of the mode:
  cargo passes through, it cannot be loaded or unloaded there (no access, no transfer).

Edges (all directed; every link and access leg is laid in both directions)
- link: a link of mode m from every m-node of its first city to every m-node of its second;
- access: a city node to the road gate of every hub within `Parameters.access_radius_km`, and at least
  to its `access_min_hubs` nearest hubs, by road, great-circle × road circuity;
- transfer: between any two mode nodes of one hub (road gate included), costing the hub kind's
  handling time and cost. Handling CO2 is taken as zero: no sourced hub emission factor yet.

Each edge carries per-tonne cost and CO2, hours, km and, for timetabled links, a `Timetable`. Figures are
per tonne: every criterion is linear in tonnes, which therefore enter as a filter (capacity) and a factor.

Places: a city adcode, a hub code (its road gate) or a (lat, lon) point snapped to its nearest road nodes
(city nodes and hub gates) with a road access leg each. `resolve()` turns a place into anchors.
"""

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .data import City, Hub, Link, ReferenceData, Timetable, great_circle_km
from .errors import InvalidNetwork, InvalidRequest, PlaceOutsideNetwork, UnknownPlace, gettext_noop
from .parameters import Mode, Parameters

LINK, ACCESS, TRANSFER = "link", "access", "transfer"
SNAP_NEIGHBOURS = 3
MAX_SNAP_KM = 150.0
MAX_LINK_KM = 5_000.0  # longer than any freight link inside the region: a typing error


@dataclass(frozen=True)
class Node:
    kind: str  # "city", "hub", "waypoint"
    code: str  # city adcode or hub code
    mode: Mode
    lat: float
    lon: float


@dataclass(frozen=True)
class Edge:
    tail: int
    head: int
    kind: str  # LINK, ACCESS, TRANSFER
    mode: Mode  # transfer edges carry the mode they load onto
    km: float
    hours: float
    cost: float  # CNY per tonne
    co2: float  # kg CO2e per tonne
    ref: str  # link code, hub code (transfer), or "" (access)
    timetable: Timetable | None = None


@dataclass(frozen=True)
class Anchor:
    """Where a place meets the graph: a node, and the road leg (possibly empty) between them."""

    node: int
    km: float = 0.0
    hours: float = 0.0
    cost: float = 0.0
    co2: float = 0.0


@dataclass(frozen=True)
class Place:
    kind: str  # "city", "hub", "point"
    code: str  # adcode, hub code, or "lat,lon"
    name_en: str
    name_zh: str
    lat: float
    lon: float


class Network:
    def __init__(self, data: ReferenceData, parameters: Parameters | None = None):
        self.parameters = (parameters or Parameters()).validate()
        self.data = data
        self.cities = {c.adcode: c for c in data.cities}
        self.hubs = {h.code: h for h in data.hubs}
        self.nodes: list[Node] = []
        self._node_index: dict[tuple[str, str, Mode], int] = {}
        self.edges: list[Edge] = []
        self._build()

    # -- building -------------------------------------------------------------------------------------

    def _validate(self) -> None:
        errors: dict[str, list[str]] = {}
        for link in self.data.links:
            km = link.distance_km
            if not (isinstance(km, int | float) and math.isfinite(km) and 0 < km <= MAX_LINK_KM):
                errors.setdefault(f"{link.code}.distance_km", []).append(
                    f"must be more than 0 and at most {MAX_LINK_KM:,.0f} km"
                )
            for city in (link.from_city, link.to_city):
                if city not in self.cities:
                    errors.setdefault(f"{link.code}.city", []).append(f"no city {city!r} in the network")
        for hub in self.data.hubs:
            if hub.city not in self.cities:
                errors.setdefault(f"{hub.code}.city", []).append(f"no city {hub.city!r} in the network")
            if hub.kind not in self.parameters.hub_kinds:
                errors.setdefault(f"{hub.code}.kind", []).append(f"unknown hub kind {hub.kind!r}")
        if errors:
            raise InvalidNetwork(errors)

    def _build(self) -> None:
        self._validate()
        for city in self.data.cities:
            self._node("city", city.adcode, Mode.ROAD, city.lat, city.lon)
        for hub in self.data.hubs:
            for mode in sorted(hub.modes | {Mode.ROAD}):
                self._node("hub", hub.code, mode, hub.lat, hub.lon)
        for link in self.data.links:
            self._add_link(link)
        for city in self.data.cities:
            for hub in self._hubs_near(city):
                self._add_access(city, hub)
        for hub in self.data.hubs:
            self._add_transfers(hub)

    def _node(self, kind: str, code: str, mode: Mode, lat: float, lon: float) -> int:
        key = (kind, code, mode)
        if key not in self._node_index:
            self._node_index[key] = len(self.nodes)
            self.nodes.append(Node(kind, code, mode, lat, lon))
        return self._node_index[key]

    def _layer_nodes(self, city: str, mode: Mode) -> list[int]:
        if mode == Mode.ROAD:
            return [self._node_index[("city", city, Mode.ROAD)]]
        hubs = [h for h in self.data.hubs if h.city == city and mode in h.modes]
        if hubs:
            return [self._node_index[("hub", h.code, mode)] for h in hubs]
        c = self.cities[city]
        return [self._node("waypoint", city, mode, c.lat, c.lon)]

    def _add_link(self, link: Link) -> None:
        p = self.parameters.modes[link.mode]
        hours = link.distance_km / p.speed_kmh.value
        cost = link.distance_km * p.cost_per_tkm.value
        co2 = link.distance_km * p.co2_kg_per_tkm.value
        for a_city, b_city in ((link.from_city, link.to_city), (link.to_city, link.from_city)):
            for a in self._layer_nodes(a_city, link.mode):
                for b in self._layer_nodes(b_city, link.mode):
                    self.edges.append(
                        Edge(a, b, LINK, link.mode, link.distance_km, hours, cost, co2, link.code, link.timetable)
                    )

    def _hubs_near(self, city: City) -> list[Hub]:
        by_distance = sorted(self.data.hubs, key=lambda h: great_circle_km(city.lat, city.lon, h.lat, h.lon))
        near = by_distance[: self.parameters.access_min_hubs]
        near += [
            h
            for h in by_distance[self.parameters.access_min_hubs :]
            if great_circle_km(city.lat, city.lon, h.lat, h.lon) <= self.parameters.access_radius_km
        ]
        return near

    def road_leg(self, km_great_circle: float) -> tuple[float, float, float, float]:
        p = self.parameters.modes[Mode.ROAD]
        km = km_great_circle * self.parameters.road_circuity.value
        return km, km / p.speed_kmh.value, km * p.cost_per_tkm.value, km * p.co2_kg_per_tkm.value

    def _add_access(self, city: City, hub: Hub) -> None:
        c = self._node_index[("city", city.adcode, Mode.ROAD)]
        g = self._node_index[("hub", hub.code, Mode.ROAD)]
        km, hours, cost, co2 = self.road_leg(great_circle_km(city.lat, city.lon, hub.lat, hub.lon))
        self.edges.append(Edge(c, g, ACCESS, Mode.ROAD, km, hours, cost, co2, ""))
        self.edges.append(Edge(g, c, ACCESS, Mode.ROAD, km, hours, cost, co2, ""))

    def _add_transfers(self, hub: Hub) -> None:
        kind = self.parameters.hub_kinds[hub.kind]
        modes = sorted(hub.modes | {Mode.ROAD})
        for a in modes:
            for b in modes:
                if a != b:
                    self.edges.append(
                        Edge(
                            self._node_index[("hub", hub.code, a)],
                            self._node_index[("hub", hub.code, b)],
                            TRANSFER,
                            b,
                            0.0,
                            kind.transfer_hours.value,
                            kind.transfer_cost_per_tonne.value,
                            0.0,
                            hub.code,
                        )
                    )

    # -- derived views --------------------------------------------------------------------------------

    @cached_property
    def out_edges(self) -> list[list[int]]:
        out = [[] for _ in self.nodes]
        for i, e in enumerate(self.edges):
            out[e.tail].append(i)
        return out

    @cached_property
    def edge_arrays(self) -> dict[str, np.ndarray]:
        return {
            "tail": np.array([e.tail for e in self.edges], dtype=np.int32),
            "head": np.array([e.head for e in self.edges], dtype=np.int32),
            "hours": np.array([e.hours for e in self.edges]),
            "cost": np.array([e.cost for e in self.edges]),
            "co2": np.array([e.co2 for e in self.edges]),
            "mode": np.array([str(e.mode) for e in self.edges]),
            "kind": np.array([e.kind for e in self.edges]),
        }

    @cached_property
    def _road_nodes(self) -> tuple[np.ndarray, np.ndarray]:
        """Indices and (lat, lon) radians of the nodes a point may snap to: cities and hub road gates."""
        idx = np.array([i for i, n in enumerate(self.nodes) if n.mode == Mode.ROAD and n.kind != "waypoint"])
        coords = np.radians(np.array([[self.nodes[i].lat, self.nodes[i].lon] for i in idx]))
        return idx, coords

    def hub_of(self, node: int) -> Hub | None:
        n = self.nodes[node]
        return self.hubs.get(n.code) if n.kind == "hub" else None

    def node_place(self, node: int) -> Place:
        n = self.nodes[node]
        if n.kind == "hub":
            h = self.hubs[n.code]
            return Place("hub", h.code, h.name_en, h.name_zh, h.lat, h.lon)
        c = self.cities[n.code]
        return Place("city", c.adcode, c.name_en, c.name_zh, c.lat, c.lon)

    # -- places ---------------------------------------------------------------------------------------

    def resolve(self, place, field: str) -> tuple[Place, list[Anchor]]:
        """A city adcode, a hub code or a (lat, lon) pair → the place and where it meets the graph."""
        if isinstance(place, tuple | list):
            return self._resolve_point(place, field)
        if not isinstance(place, str) or not place.strip():
            raise UnknownPlace(
                gettext_noop("Give a city adcode, a hub code or a (latitude, longitude) pair."), field=field
            )
        code = place.strip()
        if code in self.cities:
            c = self.cities[code]
            return Place("city", code, c.name_en, c.name_zh, c.lat, c.lon), [
                Anchor(self._node_index[("city", code, Mode.ROAD)])
            ]
        if code in self.hubs:
            h = self.hubs[code]
            return Place("hub", code, h.name_en, h.name_zh, h.lat, h.lon), [
                Anchor(self._node_index[("hub", code, Mode.ROAD)])
            ]
        raise UnknownPlace(
            gettext_noop("No city or hub with the code “%(code)s” in the network."), field=field, code=code
        )

    def _resolve_point(self, point, field: str) -> tuple[Place, list[Anchor]]:
        lat, lon = _coordinates(point, field)
        idx, coords = self._road_nodes
        km = _haversine_many(math.radians(lat), math.radians(lon), coords)
        nearest = np.argsort(km)[:SNAP_NEIGHBOURS]
        if km[nearest[0]] > MAX_SNAP_KM:
            raise PlaceOutsideNetwork(
                gettext_noop(
                    "The point (%(lat).4f, %(lon).4f) is %(km).0f km from the nearest city or hub of the network; "
                    "points must lie within %(limit).0f km."
                ),
                field=field,
                lat=lat,
                lon=lon,
                km=float(km[nearest[0]]),
                limit=MAX_SNAP_KM,
            )
        anchors = [Anchor(int(idx[i]), *self.road_leg(float(km[i]))) for i in nearest if km[i] <= MAX_SNAP_KM]
        return Place("point", f"{lat:.5f},{lon:.5f}", "", "", lat, lon), anchors


def _coordinates(point, field: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in point)
    except (TypeError, ValueError):
        raise InvalidRequest(
            gettext_noop("A point is a pair of numbers: (latitude, longitude)."), field=field
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or lat != lat or lon != lon:
        raise InvalidRequest(gettext_noop("Latitude must lie in [-90, 90] and longitude in [-180, 180]."), field=field)
    return lat, lon


def _haversine_many(lat: float, lon: float, coords: np.ndarray) -> np.ndarray:
    dlat = coords[:, 0] - lat
    dlon = coords[:, 1] - lon
    a = np.sin(dlat / 2) ** 2 + math.cos(lat) * np.cos(coords[:, 0]) * np.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))

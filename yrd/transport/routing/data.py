"""The network's raw material: cities, hubs and links, read from `yrd/transport/data/*.csv` (sources in
`data/SOURCES.md`) or handed in by the Django app from its tables.

Two kinds of link are *derived* here, because the compiled links.csv does not hold them, and each is
marked ``derived=True`` with the rule in ``distance_method``:

- road: the 41 cities joined by a Delaunay triangulation of their centres (planar, each city to its
  natural neighbours), great-circle distance × the road circuity, pairs that links.csv already joins by
  road left to links.csv, and no edge across open water (see `NO_ROAD_ACROSS`);
- air: every pair of listed cargo airports (links.csv has no air links), great-circle distance.

links.csv rows whose endpoints are not cities (R05, the YRD loop: "multiple") cannot be placed on the
graph; they are returned in `ReferenceData.skipped` with the reason rather than silently dropped.
"""

import bisect
import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.spatial import Delaunay

from .parameters import Mode

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
EARTH_RADIUS_KM = 6371.0088  # the mean radius data/SOURCES.md used for the computed distances
WEEK_HOURS = 168.0
# Delaunay pairs without a road between them: open water (Hangzhou Bay, the Zhoushan archipelago's sea side).
NO_ROAD_ACROSS = frozenset({frozenset({"310000", "330900"}), frozenset({"310000", "330200"})})
MAX_DERIVED_ROAD_KM = 250.0


@dataclass(frozen=True)
class City:
    adcode: str
    name_zh: str
    name_en: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Hub:
    code: str
    name_zh: str
    name_en: str
    city: str  # adcode
    kind: str  # one of parameters.HUB_KINDS
    modes: frozenset[Mode]  # line-haul modes served; every hub also has a road gate
    lat: float
    lon: float
    coord_approximate: bool = False  # True when the centre of its city stands in for unsourced coordinates
    dangerous_goods: bool | None = None  # None: as its kind says


@dataclass(frozen=True)
class Timetable:
    """Departures repeating every week, as hours since Monday 00:00 (0 ≤ h < 168), sorted."""

    week_hours: tuple[float, ...]

    @classmethod
    def daily(cls, *times_of_day: float, weekdays: tuple[int, ...] = tuple(range(7))) -> "Timetable":
        return cls(tuple(sorted(d * 24.0 + t for d in weekdays for t in times_of_day)))

    def wait(self, week_hour: float) -> float:
        """Hours from `week_hour` (any real number) to the next departure at or after it."""
        h = week_hour % WEEK_HOURS
        i = bisect.bisect_left(self.week_hours, h - 1e-9)
        if i < len(self.week_hours):
            return max(0.0, self.week_hours[i] - h)
        return self.week_hours[0] + WEEK_HOURS - h

    def __post_init__(self):
        if not self.week_hours or any(not 0 <= h < WEEK_HOURS for h in self.week_hours):
            raise ValueError("a timetable needs at least one departure between Monday 00:00 and Sunday 24:00")


@dataclass(frozen=True)
class Link:
    code: str
    mode: Mode
    from_city: str
    to_city: str
    distance_km: float
    name_en: str = ""
    name_zh: str = ""
    distance_method: str = ""
    derived: bool = False
    timetable: Timetable | None = None


@dataclass(frozen=True)
class ReferenceData:
    cities: tuple[City, ...]
    hubs: tuple[Hub, ...]
    links: tuple[Link, ...]
    skipped: tuple[tuple[str, str], ...] = field(default=())  # (link code, reason)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def hub_kind(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith("river_port"):
        return "river_port"
    if raw.startswith("rail_marshalling_yard"):
        return "rail_yard"
    return raw


def read_reference(directory: Path = DATA_DIR, road_circuity: float = 1.3) -> ReferenceData:
    cities = tuple(_read_cities(directory / "cities.csv"))
    by_code = {c.adcode: c for c in cities}
    hubs = tuple(_read_hubs(directory / "hubs.csv", by_code))
    links, skipped = _read_links(directory / "links.csv", by_code)
    links += derived_road_links(cities, links, road_circuity) + derived_air_links(hubs)
    return ReferenceData(cities, hubs, tuple(links), tuple(skipped))


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _read_cities(path: Path):
    for row in read_rows(path):
        lat, lon = float(row["latitude"]), float(row["longitude"])
        yield City(row["city_adcode"], row["city_name_zh"], row["city_name_en"], lat, lon)


def _read_hubs(path: Path, cities: dict[str, City]):
    for row in read_rows(path):
        city = cities[row["city_adcode"]]
        located = bool(row["latitude"].strip() and row["longitude"].strip())
        yield Hub(
            code=row["hub_id"],
            name_zh=row["hub_name_zh"],
            name_en=row["hub_name_en"],
            city=city.adcode,
            kind=hub_kind(row["hub_type"]),
            modes=frozenset(Mode(m) for m in row["modes"].split(";") if m.strip() and m != "road"),
            lat=float(row["latitude"]) if located else city.lat,
            lon=float(row["longitude"]) if located else city.lon,
            coord_approximate=not located,
        )


def _read_links(path: Path, cities: dict[str, City]) -> tuple[list[Link], list[tuple[str, str]]]:
    links, skipped = [], []
    for row in read_rows(path):
        if row["from_city_adcode"] not in cities or row["to_city_adcode"] not in cities:
            skipped.append((row["link_id"], "endpoints are not two cities: " + row["from_city_adcode"]))
            continue
        links.append(
            Link(
                code=row["link_id"],
                mode=Mode(row["mode"]),
                from_city=row["from_city_adcode"],
                to_city=row["to_city_adcode"],
                distance_km=float(row["distance_km"]),
                name_en=row["corridor_name_en"],
                name_zh=row["corridor_name_zh"],
                distance_method=row["distance_method"],
            )
        )
    return links, skipped


def derived_road_links(cities: tuple[City, ...], existing: list[Link], circuity: float) -> list[Link]:
    joined = {frozenset({link.from_city, link.to_city}) for link in existing if link.mode == Mode.ROAD}
    points = np.array([[c.lon * math.cos(math.radians(c.lat)), c.lat] for c in cities])
    pairs = set()
    for simplex in Delaunay(points).simplices:
        for i in range(3):
            a, b = sorted((int(simplex[i]), int(simplex[(i + 1) % 3])))
            pairs.add((a, b))
    links = []
    for a, b in sorted(pairs):
        ca, cb = cities[a], cities[b]
        km = great_circle_km(ca.lat, ca.lon, cb.lat, cb.lon)
        key = frozenset({ca.adcode, cb.adcode})
        if key in joined or key in NO_ROAD_ACROSS or km > MAX_DERIVED_ROAD_KM:
            continue
        links.append(
            Link(
                code=f"D-ROAD-{ca.adcode}-{cb.adcode}",
                mode=Mode.ROAD,
                from_city=ca.adcode,
                to_city=cb.adcode,
                distance_km=round(km * circuity, 1),
                name_en=f"Road {ca.name_en}–{cb.name_en}",
                name_zh=f"公路 {ca.name_zh}—{cb.name_zh}",
                distance_method=f"derived: Delaunay neighbours, great circle × {circuity:g} road circuity",
                derived=True,
            )
        )
    return links


def derived_air_links(hubs: tuple[Hub, ...]) -> list[Link]:
    airports = sorted((h for h in hubs if Mode.AIR in h.modes), key=lambda h: h.code)
    links = []
    for i, a in enumerate(airports):
        for b in airports[i + 1 :]:
            if a.city == b.city:
                continue
            links.append(
                Link(
                    code=f"D-AIR-{a.code}-{b.code}",
                    mode=Mode.AIR,
                    from_city=a.city,
                    to_city=b.city,
                    distance_km=round(great_circle_km(a.lat, a.lon, b.lat, b.lon), 1),
                    name_en=f"Air {a.code}–{b.code}",
                    name_zh=f"航空 {a.name_zh}—{b.name_zh}",
                    distance_method="derived: great circle between the cargo airports",
                    derived=True,
                )
            )
    return links

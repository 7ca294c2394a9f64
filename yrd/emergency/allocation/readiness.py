"""Readiness: for each city, which items can reach it within T hours, and how many per 10,000 residents.

A warehouse's lot counts for a city when the warehouse reaches the city within the horizon and the
lot is still good on arrival. Each city is looked at on its own: the same stock counts for every city
it can reach, so the figures say what *could* arrive, not what each city would get if all asked at
once (that is what an allocation run answers). A city without a known population has no per-10,000
figure: it is reported as unknown, never estimated.
"""

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .problem import Warehouse

CITIES_CSV = Path(__file__).resolve().parent.parent / "data" / "cities.csv"
PER = 10_000


@dataclass(frozen=True)
class City:
    key: str  # GB/T 2260 adcode
    name_zh: str
    name_en: str
    latitude: float
    longitude: float
    population: int | None  # residents; None when no source gave it
    population_year: int | None = None
    population_source: str = ""


@dataclass(frozen=True)
class CityReadiness:
    city: City
    quantity: dict[str, int]  # item -> units that can arrive within the horizon
    per_10k: dict[str, float | None]  # None when the population is unknown

    def has(self, items: Sequence[str], minimum_per_10k: float = 0.0) -> bool | None:
        """Whether every item can arrive (at least `minimum_per_10k` of it); None when that depends on an
        unknown population."""
        if any(self.quantity.get(item, 0) == 0 for item in items):
            return False
        if minimum_per_10k <= 0:
            return True
        rates = [self.per_10k.get(item) for item in items]
        if any(rate is not None and rate < minimum_per_10k for rate in rates):
            return False
        return None if None in rates else True


@dataclass(frozen=True)
class Coverage:
    covered: tuple[str, ...]  # city keys
    not_covered: tuple[str, ...]
    unknown: tuple[str, ...]  # depends on a population nobody has sourced

    @property
    def share(self) -> float | None:
        """Covered cities among those whose status is known."""
        known = len(self.covered) + len(self.not_covered)
        return len(self.covered) / known if known else None


@dataclass(frozen=True)
class Readiness:
    horizon_hours: float
    items: tuple[str, ...]
    cities: tuple[CityReadiness, ...]

    def coverage(self, items: Sequence[str], minimum_per_10k: float = 0.0) -> Coverage:
        verdicts = [(c.city.key, c.has(items, minimum_per_10k)) for c in self.cities]
        return Coverage(
            covered=tuple(k for k, v in verdicts if v is True),
            not_covered=tuple(k for k, v in verdicts if v is False),
            unknown=tuple(k for k, v in verdicts if v is None),
        )


def readiness(
    warehouses: Sequence[Warehouse], cities: Sequence[City], travel_hours: np.ndarray, horizon_hours: float
) -> Readiness:
    """`travel_hours`: (warehouses x cities), inf where a warehouse cannot reach a city."""
    travel = np.asarray(travel_hours, dtype=float).reshape(len(warehouses), len(cities))
    if np.isnan(travel).any() or (travel < 0).any():
        raise ValueError("travel_hours must be >= 0 (inf for unreachable), without NaN")
    if not (math.isfinite(horizon_hours) and horizon_hours >= 0):
        raise ValueError("horizon_hours must be a finite number >= 0")
    items = tuple(sorted({item for w in warehouses for item in w.lots}))
    quantities = {item: _reachable(warehouses, item, travel, horizon_hours) for item in items}
    rows = []
    for c, city in enumerate(cities):
        quantity = {item: int(quantities[item][c]) for item in items}
        rows.append(CityReadiness(city, quantity, {item: _per_10k(q, city.population) for item, q in quantity.items()}))
    return Readiness(horizon_hours, items, tuple(rows))


def _reachable(warehouses: Sequence[Warehouse], item: str, travel: np.ndarray, horizon: float) -> np.ndarray:
    owner, quantity, expiry = [], [], []
    for w, warehouse in enumerate(warehouses):
        for lot in warehouse.lots.get(item, ()):
            owner.append(w)
            quantity.append(lot.quantity)
            expiry.append(math.inf if lot.expires_in_hours is None else lot.expires_in_hours)
    if not owner:
        return np.zeros(travel.shape[1], dtype=np.int64)
    arrival = travel[np.array(owner)]  # lots x cities
    usable = (arrival <= horizon) & (np.array(expiry)[:, None] > arrival)
    return np.array(quantity, dtype=np.int64) @ usable.astype(np.int64)


def _per_10k(quantity: int, population: int | None) -> float | None:
    return None if not population else quantity * PER / population


def read_cities(path: Path = CITIES_CSV) -> list[City]:
    """The 41 cities with their sourced populations (blank stays None)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [_city(row) for row in csv.DictReader(handle)]


def _city(row: dict[str, str]) -> City:
    million = row["population_million"].strip()
    return City(
        key=row["city_adcode"],
        name_zh=row["city_name_zh"],
        name_en=row["city_name_en"],
        latitude=float(row["latitude"]),
        longitude=float(row["longitude"]),
        population=round(float(million) * 1_000_000) if million else None,
        population_year=int(row["population_year"]) if row["population_year"].strip() else None,
        population_source=row["population_source"],
    )

"""Readiness of the region from the ledger: for each city, what the alliance's stock (available to
promise, still good on arrival) could bring within T hours, per 10,000 residents where the
population is known; and the share of cities every core supply can reach in time."""

from datetime import datetime

from django.utils import timezone

from yrd.core.selectors import cities
from yrd.emergency import travel
from yrd.emergency.allocation import Lot as EngineLot
from yrd.emergency.allocation import Warehouse as EngineWarehouse
from yrd.emergency.allocation.readiness import City, Readiness, readiness
from yrd.emergency.models import Item, Warehouse

from .allocation import expiry_hours
from .stock import usable_lots


def city_of(jurisdiction) -> City:
    million = jurisdiction.population_million
    return City(
        key=jurisdiction.code,
        name_zh=jurisdiction.name_zh,
        name_en=jurisdiction.name_en,
        latitude=float(jurisdiction.latitude),
        longitude=float(jurisdiction.longitude),
        population=round(million * 1_000_000) if million is not None else None,
        population_year=jurisdiction.population_year,
        population_source=jurisdiction.sources,
    )


def region_readiness(horizon_hours: float, *, now: datetime | None = None) -> Readiness:
    now = now or timezone.now()
    warehouses = list(Warehouse.objects.filter(active=True).order_by("code"))
    lots: dict[int, dict[str, list[EngineLot]]] = {}
    for row in usable_lots(warehouses, on=timezone.localdate(now)):
        entry = EngineLot(str(row.lot.pk), row.available, expiry_hours(row.lot.expires_on, now))
        lots.setdefault(row.lot.warehouse_id, {}).setdefault(row.lot.item.code, []).append(entry)
    city_list = [city_of(j) for j in cities() if j.latitude is not None]
    matrix = travel.hours([w.place for w in warehouses], [(c.latitude, c.longitude) for c in city_list])
    engine_warehouses = [EngineWarehouse(str(w.pk), lots.get(w.pk, {})) for w in warehouses]
    return readiness(engine_warehouses, city_list, matrix, horizon_hours)


def core_items() -> list[str]:
    return list(Item.objects.filter(core=True).order_by("code").values_list("code", flat=True))

"""The routing network as the database holds it, built into a `routing.Planner` once per version.

The version is a digest of the rows' last changes and counts, read in one query: a saved hub, link or
parameter makes the next request build a new graph (a few milliseconds for the region), and plans
already stored keep the parameters they were computed with (`parameters_snapshot`).

With no hub in the database (a fresh install before `load_reference`), the reference network of
`yrd/transport/data/` answers, so other modules' calls never fail for want of loaded data.
"""

import hashlib
import threading
from dataclasses import asdict

from django.db.models import Count, Max

from yrd.core.models import Jurisdiction
from yrd.transport import netio
from yrd.transport.models import Hub, HubKindParameter, Link, ModeParameter, NetworkSetting
from yrd.transport.routing import City, Network, Parameters, Planner, ReferenceData, reference_planner
from yrd.transport.routing import data as routing_data
from yrd.transport.routing.departures import parse_departures
from yrd.transport.routing.parameters import (
    DEFAULT_HUB_KINDS,
    DEFAULT_MODES,
    HubKindParameters,
    Mode,
    ModeParameters,
    Sourced,
)

_planners: dict[str, Planner] = {}
_lock = threading.Lock()
TABLES = (Hub, Link, ModeParameter, HubKindParameter, NetworkSetting)


def network_version() -> str:
    parts = []
    for model in TABLES:
        figures = model.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
        parts.append(f"{model.__name__}:{figures['n']}:{figures['last']}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def current_planner() -> tuple[Planner, str]:
    version = network_version()
    planner = _planners.get(version)
    if planner is None:
        with _lock:
            planner = _planners.get(version) or _build(version)
            _planners.clear()  # keep only the current graph
            _planners[version] = planner
    return planner, version


def _build(version: str) -> Planner:
    if not Hub.objects.filter(is_active=True).exists():
        return reference_planner()
    return Planner(Network(_reference_data(), _parameters()))


def _reference_data() -> ReferenceData:
    cities = tuple(
        City(c.code, c.name_zh, c.name_en, float(c.latitude), float(c.longitude))
        for c in Jurisdiction.objects.filter(level="city", latitude__isnull=False, longitude__isnull=False)
    )
    by_code = {c.adcode: c for c in cities}
    hubs = tuple(_hub(h, by_code) for h in Hub.objects.filter(is_active=True).select_related("city"))
    links = tuple(
        routing_data.Link(
            code=link.code,
            mode=Mode(link.mode),
            from_city=link.from_city.code,
            to_city=link.to_city.code,
            distance_km=float(link.distance_km),
            name_en=link.name_en,
            name_zh=link.name_zh,
            distance_method=link.distance_method,
            derived=link.derived,
            timetable=parse_departures(link.departures),
        )
        for link in Link.objects.filter(is_active=True).select_related("from_city", "to_city")
    )
    return ReferenceData(cities, hubs, links)


def _hub(hub: Hub, cities: dict) -> routing_data.Hub:
    city = cities.get(hub.city.code)
    located = hub.latitude is not None and hub.longitude is not None
    return routing_data.Hub(
        code=hub.code,
        name_zh=hub.name_zh,
        name_en=hub.name_en,
        city=hub.city.code,
        kind=hub.kind,
        modes=frozenset(Mode(m) for m in hub.modes),
        lat=float(hub.latitude) if located else (city.lat if city else 0.0),
        lon=float(hub.longitude) if located else (city.lon if city else 0.0),
        coord_approximate=not located,
        dangerous_goods=hub.dangerous_goods,
    )


def _parameters() -> Parameters:
    modes = dict(DEFAULT_MODES)
    for row in ModeParameter.objects.all():
        mode = Mode(row.mode)
        modes[mode] = ModeParameters(
            mode=mode,
            speed_kmh=Sourced(float(row.speed_kmh), row.speed_source),
            cost_per_tkm=Sourced(float(row.cost_per_tkm), row.cost_source),
            co2_kg_per_tkm=Sourced(float(row.co2_kg_per_tkm), row.co2_source),
            carries_dangerous_goods=row.carries_dangerous_goods,
            max_tonnes=float(row.max_tonnes) if row.max_tonnes is not None else None,
        )
    kinds = dict(DEFAULT_HUB_KINDS)
    for row in HubKindParameter.objects.all():
        kinds[row.kind] = HubKindParameters(
            kind=row.kind,
            transfer_hours=Sourced(float(row.transfer_hours), row.hours_source),
            transfer_cost_per_tonne=Sourced(float(row.transfer_cost_per_tonne), row.cost_source),
            handles_dangerous_goods=row.handles_dangerous_goods,
        )
    setting = NetworkSetting.objects.filter(pk=1).first()
    if setting is None:
        return Parameters(modes=modes, hub_kinds=kinds)
    return Parameters(
        modes=modes,
        hub_kinds=kinds,
        road_circuity=Sourced(float(setting.road_circuity), setting.road_circuity_source),
        access_radius_km=float(setting.access_radius_km),
        tonnes_per_teu=Sourced(float(setting.tonnes_per_teu), setting.tonnes_per_teu_source),
    )


def parameters_snapshot(parameters: Parameters) -> dict:
    """Every parameter as plain JSON, stored with a plan so that its figures can be explained later."""
    snapshot = asdict(parameters)
    snapshot["modes"] = {str(k): v for k, v in snapshot["modes"].items()}
    for mode in snapshot["modes"].values():
        mode["mode"] = str(mode["mode"])
    return snapshot


def hubs_public():
    return Hub.objects.filter(is_active=True).select_related("city").order_by("city__path", "code")


def links_public():
    return Link.objects.filter(is_active=True).select_related("from_city", "to_city").order_by("mode", "code")


def network_export(kind: str, fmt: str) -> str:
    """Hubs or links as CSV or GeoJSON, in the columns `network_import` reads back."""
    if kind == "hubs":
        rows = [_hub_row(h) for h in hubs_public()]
        return netio.render("hubs", fmt, rows)
    links = list(links_public())
    rows = [_link_row(link) for link in links]
    coordinates = {link.code: [_lonlat(link.from_city), _lonlat(link.to_city)] for link in links}
    return netio.render("links", fmt, rows, coordinates)


def _lonlat(city) -> list[float] | None:
    if city.latitude is None:
        return None
    return [float(city.longitude), float(city.latitude)]


def _text(value) -> str:
    return "" if value is None else str(value)


def _hub_row(hub: Hub) -> dict:
    return {
        "hub_id": hub.code,
        "hub_name_en": hub.name_en,
        "hub_name_zh": hub.name_zh,
        "city_adcode": hub.city.code,
        "hub_type": hub.kind,
        "modes": ";".join(hub.modes),
        "latitude": _text(hub.latitude),
        "longitude": _text(hub.longitude),
        "coord_source": hub.coord_source,
        "throughput_value": _text(hub.throughput_value),
        "throughput_unit": hub.throughput_unit,
        "throughput_year": hub.throughput_year,
        "throughput_source": hub.throughput_source,
        "notes": hub.notes,
    }


def _link_row(link: Link) -> dict:
    return {
        "link_id": link.code,
        "corridor_name_en": link.name_en,
        "corridor_name_zh": link.name_zh,
        "mode": link.mode,
        "from_city_adcode": link.from_city.code,
        "to_city_adcode": link.to_city.code,
        "distance_km": _text(link.distance_km),
        "distance_method": link.distance_method,
        "distance_source": link.distance_source,
        "departures": link.departures,
        "derived": "true" if link.derived else "false",
    }

"""Real reference data of the transport app: the hubs and links of `data/` (sources in data/SOURCES.md),
the links the routing engine derives from them (marked derived), and the default parameters with their
sources. Loading again adds what is missing and never overwrites what an administrator changed."""

from decimal import Decimal

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.transport.models import Hub, HubKindParameter, Link, ModeParameter, NetworkSetting
from yrd.transport.routing.data import DATA_DIR, hub_kind, read_reference, read_rows
from yrd.transport.routing.parameters import DEFAULT_HUB_KINDS, DEFAULT_MODES, Parameters


@transaction.atomic
def load_reference() -> dict:
    cities = {j.code: j for j in Jurisdiction.objects.filter(level="city")}
    counts = {"parameters": _parameters(), "hubs": _hubs(cities), "links": _links(cities)}
    audit_record(actor=SYSTEM, action="transport.reference.load", data=counts)
    return counts


def _parameters() -> int:
    added = 0
    for mode, p in DEFAULT_MODES.items():
        _, created = ModeParameter.objects.get_or_create(
            mode=str(mode),
            defaults={
                "speed_kmh": p.speed_kmh.value,
                "speed_source": p.speed_kmh.source,
                "cost_per_tkm": p.cost_per_tkm.value,
                "cost_source": p.cost_per_tkm.source,
                "co2_kg_per_tkm": p.co2_kg_per_tkm.value,
                "co2_source": p.co2_kg_per_tkm.source,
                "carries_dangerous_goods": p.carries_dangerous_goods,
                "max_tonnes": p.max_tonnes,
            },
        )
        added += created
    for kind, h in DEFAULT_HUB_KINDS.items():
        _, created = HubKindParameter.objects.get_or_create(
            kind=kind,
            defaults={
                "transfer_hours": h.transfer_hours.value,
                "hours_source": h.transfer_hours.source,
                "transfer_cost_per_tonne": h.transfer_cost_per_tonne.value,
                "cost_source": h.transfer_cost_per_tonne.source,
                "handles_dangerous_goods": h.handles_dangerous_goods,
            },
        )
        added += created
    defaults = Parameters()
    _, created = NetworkSetting.objects.get_or_create(
        pk=1,
        defaults={
            "road_circuity": defaults.road_circuity.value,
            "road_circuity_source": defaults.road_circuity.source,
            "access_radius_km": defaults.access_radius_km,
            "tonnes_per_teu": defaults.tonnes_per_teu.value,
            "tonnes_per_teu_source": defaults.tonnes_per_teu.source,
        },
    )
    return added + created


def _hubs(cities) -> int:
    added = 0
    for row in read_rows(DATA_DIR / "hubs.csv"):
        if row["city_adcode"] not in cities or Hub.objects.filter(code=row["hub_id"]).exists():
            continue
        located = bool(row["latitude"].strip())
        hub = Hub(
            code=row["hub_id"],
            name_zh=row["hub_name_zh"],
            name_en=row["hub_name_en"],
            city=cities[row["city_adcode"]],
            kind=hub_kind(row["hub_type"]),
            modes=[m for m in row["modes"].split(";") if m and m != "road"],
            latitude=row["latitude"] if located else None,
            longitude=row["longitude"] if located else None,
            coord_source=row["coord_source"][:300],
            throughput_value=row["throughput_value"] or None,
            throughput_unit=row["throughput_unit"],
            throughput_year=row["throughput_year"],
            throughput_source=row["throughput_source"],
            notes=row["notes"],
        )
        hub.full_clean()
        hub.save()
        added += 1
    return added


def _links(cities) -> int:
    sources = {row["link_id"]: row["distance_source"] for row in read_rows(DATA_DIR / "links.csv")}
    added = 0
    for link in read_reference().links:
        if link.from_city not in cities or link.to_city not in cities or Link.objects.filter(code=link.code).exists():
            continue
        row = Link(
            code=link.code,
            mode=str(link.mode),
            from_city=cities[link.from_city],
            to_city=cities[link.to_city],
            distance_km=Decimal(str(round(link.distance_km, 1))),
            name_zh=link.name_zh,
            name_en=link.name_en,
            distance_method=link.distance_method[:200],
            distance_source=sources.get(link.code, ""),
            derived=link.derived,
        )
        row.full_clean()
        row.save()
        added += 1
    return added

"""Real reference data of the core: the region, 4 provinces, 41 cities (data/cities.csv, sources in
data/SOURCES.md), and the roles the modules declare. Loading again updates in place."""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction, Role
from yrd.core.registry import registry

CITIES_CSV = Path(__file__).parent / "data" / "cities.csv"
REGION = {"name_zh": "长三角地区", "name_en": "Yangtze River Delta"}


def _decimal(raw):
    return Decimal(raw) if raw.strip() else None


def _year(raw):
    return int(raw) if raw.strip() else None


def read_cities(path=CITIES_CSV):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _upsert(level, code, parent, **fields):
    path = code if parent is None else f"{parent.path}/{code}"
    jurisdiction, _ = Jurisdiction.objects.update_or_create(
        level=level, code=code, defaults={"parent": parent, "path": path, **fields}
    )
    jurisdiction.full_clean()
    return jurisdiction


def load_jurisdictions(rows):
    region = _upsert(Jurisdiction.Level.REGION, Jurisdiction.REGION_CODE, None, **REGION)
    provinces = {}
    for row in rows:
        code = row["province_code"]
        if code not in provinces:
            provinces[code] = _upsert(
                Jurisdiction.Level.PROVINCE,
                code,
                region,
                name_zh=row["province_name_zh"],
                name_en=row["province_name_en"],
            )
        _upsert(
            Jurisdiction.Level.CITY,
            row["city_adcode"],
            provinces[code],
            name_zh=row["city_name_zh"],
            name_en=row["city_name_en"],
            latitude=_decimal(row["latitude"]),
            longitude=_decimal(row["longitude"]),
            population_million=_decimal(row["population_million"]),
            population_year=_year(row["population_year"]),
            gdp_billion_cny=_decimal(row["gdp_billion_cny"]),
            gdp_year=_year(row["gdp_year"]),
            sources="; ".join(filter(None, [row["coord_source"], row["population_source"], row["gdp_source"]])),
        )
    return len(provinces), len(rows)


def load_roles():
    for code, spec in registry.roles.items():
        role, _ = Role.objects.update_or_create(
            code=code,
            defaults={"name_zh": spec.name_zh, "name_en": spec.name_en, "actions": sorted(set(spec.actions))},
        )
        role.full_clean()
    return len(registry.roles)


@transaction.atomic
def load_reference():
    provinces, cities = load_jurisdictions(read_cities())
    roles = load_roles()
    summary = {"provinces": provinces, "cities": cities, "roles": roles}
    audit_record(
        actor=SYSTEM,
        action="core.reference.load",
        object_type="core.Jurisdiction",
        object_repr="reference data",
        data=summary,
    )
    return summary

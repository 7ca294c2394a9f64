"""Real reference data of the low-altitude module: an indicative no-fly restriction around each airport
whose reference point our sources give (data/airports.csv; why a 10 km circle in data/SOURCES.md).
Written through the same all-or-nothing GeoJSON import an authority uses; loading again updates in place."""

import csv
import json
import math
from pathlib import Path

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.lowalt.writes import restrictions_import

AIRPORTS_CSV = Path(__file__).parent / "data" / "airports.csv"
RADIUS_M = 10_000
CORNERS = 48
SOURCE = (
    "yrd/lowalt/data/SOURCES.md: 10 km circle around the airport reference point ({coord_source}), "
    "0-1,000 m; not the published protection range"
)


def read_airports(path=AIRPORTS_CSV):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def circle(lon: float, lat: float, radius_m: float, corners: int = CORNERS) -> list[list[float]]:
    """A polygon around a point, `radius_m` on the ground (local spherical approximation, well under 1 %)."""
    north = radius_m / 111_320
    east = north / math.cos(math.radians(lat))
    return [
        [
            round(lon + east * math.cos(2 * math.pi * k / corners), 6),
            round(lat + north * math.sin(2 * math.pi * k / corners), 6),
        ]
        for k in range(corners)
    ]


def airport_feature(row: dict) -> dict:
    ring = circle(float(row["longitude"]), float(row["latitude"]), RADIUS_M)
    return {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
        "properties": {
            "id": f"{row['hub_id']}-APT",
            "name_zh": f"{row['hub_name_zh']}净空保护区（示意，半径10公里）",
            "name_en": f"{row['hub_name_en']} protection zone (indicative, 10 km radius)",
            "kind": "no_fly",
            "lower_m": 0,
            "upper_m": 1000,
            "active": {"type": "always"},
            "source": SOURCE.format(coord_source=row["coord_source"].split(" ")[0]),
            "indicative": True,
        },
    }


@transaction.atomic
def load_reference():
    by_province: dict[str, list] = {}
    for row in read_airports():
        province = row["city_adcode"][:2] + "0000"
        by_province.setdefault(province, []).append(airport_feature(row))
    summary = {}
    for code, features in sorted(by_province.items()):
        province = Jurisdiction.objects.get(level=Jurisdiction.Level.PROVINCE, code=code)
        text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
        summary[code] = restrictions_import(acting_user=SYSTEM, province=province, text=text)
    audit_record(actor=SYSTEM, action="lowalt.reference.load", data=summary)
    return {"airport restrictions": sum(len(f) for f in by_province.values())}

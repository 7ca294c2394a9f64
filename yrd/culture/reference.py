"""Real reference data of the culture module: the water towns of the joint bid, published as
points with their names only, for their cities to complete (data/water_towns.csv; sources and what is assumed in
data/SOURCES.md). Idempotent: a town already recorded is left as it is."""

import csv
from pathlib import Path

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.culture.inputs import ResourceInput
from yrd.culture.models import HeritageResource
from yrd.culture.writes import resource_save

DATA = Path(__file__).resolve().parent / "data"


def read_towns() -> list[dict]:
    with open(DATA / "water_towns.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_reference() -> dict:
    cities = {c.code: c for c in Jurisdiction.objects.filter(level="city")}
    added = 0
    for row in read_towns():
        if HeritageResource.objects.filter(code=row["code"]).exists():
            continue
        resource_save(
            acting_user=SYSTEM,
            data=ResourceInput(
                code=row["code"],
                city=cities[row["city"]],
                kind=HeritageResource.Kind.WATER_TOWN,
                name_zh=row["name_zh"],
                name_en=row["name_en"],
                protection=HeritageResource.Protection.NONE,
                geometry={"type": "Point", "coordinates": [float(row["longitude"]), float(row["latitude"])]},
                published=True,
            ),
        )
        added += 1
    audit_record(actor=SYSTEM, action="culture.reference.load", data={"towns_added": added})
    return {"water towns added": added}
